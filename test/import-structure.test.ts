// Structure read from where things stand, not from luck: the two misreadings issue 17
// reported (a register page's sector subject area code taken for a criterion, a sentence of
// guidance naming an outcome taken for its heading), and the rules behind them: numbers agree
// with their place, metadata and guidance are never headings, guidance sections become the
// unit's guidance wherever they stand, and the order the form gives is kept or warned about.
import { describe, expect, it } from 'vitest';
import { parseForm } from '../src/import/parse.js';

const read = (lines: string[]) => parseForm('form.txt', lines.join('\n'));
const outline = (lines: string[]) => read(lines).units[0]!.outcomes.map((o) => `${o.id}${o.type ? `:${o.type}` : ''}=${o.criteria.map((c) => c.id).join(',')}`);
const codes = (lines: string[]) => read(lines).warnings.map((w) => `${w.line} ${w.code}`);

describe('issue 17: the two misreadings', () => {
  const register = [
    'Unit 301 Support individuals to access services',
    'Unit level',
    '3',
    'Sector subject area (SSA)',
    '1.3 Health and social care',
    'Unit Sub Level',
    'None',
    '1 Understand how to support access to services',
    '1.1 Explain a',
    '1.2 Describe b',
    'Assessment requirements or guidance specified by a sector or regulatory body',
    'This unit must be assessed in line with the sector’s assessment principles.',
  ];
  it('a register page: the sector subject area is a field, not criterion 1.3; the assessment requirements are the guidance', () => {
    const u = read(register).units[0]!;
    expect(outline(register)).toEqual(['1:knowledge=1.1,1.2']);
    expect(u.guidance).toBe('This unit must be assessed in line with the sector’s assessment principles.');
    expect(u.ssa).toBe('1.3 Health and social care');
    expect(u.level).toBe(3);
    expect(codes(register)).toEqual([]);
  });

  const overview = [
    'Unit No: T/506/2126',
    'Communicate with customers in writing',
    'Level: 2',
    'Assessment guidance',
    'Learning outcome 2 must be assessed in the workplace; learning outcome 1 may be assessed by questioning.',
    'Learning outcome 1: The learner will: Understand written communication',
    '1.1 Describe x',
    'Learning outcome 2: Be able to write to customers',
    '2.1 Write y',
  ];
  it('an overview page: a sentence naming an outcome is guidance, not that outcome’s heading', () => {
    const u = read(overview).units[0]!;
    expect(u.outcomes.map((o) => [o.id, o.title])).toEqual([
      ['1', 'Understand written communication'],
      ['2', 'Be able to write to customers'],
    ]);
    expect(u.guidance).toBe('Learning outcome 2 must be assessed in the workplace; learning outcome 1 may be assessed by questioning.');
    expect(codes(overview)).toEqual([]);
  });
});
