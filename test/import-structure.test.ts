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
    expect(u.guidance).toBe('Assessment requirements or guidance specified by a sector or regulatory body\nThis unit must be assessed in line with the sector’s assessment principles.');
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
    expect(u.guidance).toBe('Assessment guidance\nLearning outcome 2 must be assessed in the workplace; learning outcome 1 may be assessed by questioning.');
    expect(codes(overview)).toEqual([]);
  });
});

describe('numbers agree with where they stand', () => {
  it('criteria out of order are kept in the form’s order, with a warning at the line', () => {
    const form = ['A/506/2130 Deliver customer service', '1 Understand things', '1.2 Explain b', '1.1 Explain a', '1.3 Explain c'];
    expect(outline(form)).toEqual(['1:knowledge=1.2,1.1,1.3']);
    expect(codes(form)).toEqual(['4 numbering-order']);
  });

  it('outcomes out of order are kept in the form’s order, with a warning', () => {
    const form = ['A/506/2130 Deliver customer service', '2 Be able to do', '2.1 Do a', '1 Understand things', '1.1 Explain a'];
    expect(outline(form)).toEqual(['2:performance=2.1', '1:knowledge=1.1']);
    expect(codes(form)).toEqual(['4 numbering-order']);
  });

  it('a criterion of another outcome under a heading is filed by its number, and said', () => {
    const form = ['A/506/2130 Deliver customer service', '1 Understand things', '1.1 Explain a', '2 Be able to do', '1.2 Explain b', '2.1 Do a'];
    expect(outline(form)).toEqual(['1:knowledge=1.1,1.2', '2:performance=2.1']);
    expect(codes(form)).toEqual(['5 misplaced-criterion']);
  });

  it('criteria without outcome headings (seed 001) move from outcome to outcome silently', () => {
    const form = ['A/506/2130 Deliver customer service', '1.1 Explain a', '1.2 Explain b', '2.1 Do a', '3.1 Do b'];
    expect(outline(form)).toEqual(['1=1.1,1.2', '2=2.1', '3=3.1']);
    expect(codes(form)).toEqual([]);
  });

  it('the heading of an outcome its criteria opened gives it its title and type', () => {
    const form = ['A/506/2130 Deliver customer service', '1.1 Explain a', '1 Understand things', '1.2 Explain b'];
    expect(read(form).units[0]!.outcomes[0]).toMatchObject({ id: '1', title: 'Understand things', type: 'knowledge' });
  });

  it.each([
    ['"Learning outcome 2 is assessed …"', 'Learning outcome 2 is assessed by observation only.'],
    ['"LO1 may be …"', 'LO1 may be assessed by questioning.'],
    ['"Outcome 3 and …"', 'Outcome 3 and outcome 4 share evidence.'],
  ])('a sentence naming an outcome (%s) inside guidance is guidance', (_n, sentence) => {
    const form = ['A/506/2130 Deliver customer service', '1 Understand things', '1.1 Explain a', 'Assessment requirements', sentence];
    const u = read(form).units[0]!;
    expect(outline(form)).toEqual(['1:knowledge=1.1']);
    expect(u.guidance).toBe(`Assessment requirements\n${sentence}`);
  });
});

describe('metadata fields are never headings', () => {
  it.each([
    ['on the next line', ['Sector subject area', '1.2 Nursing and subjects and vocations allied to medicine']],
    ['after a tab', ['Sector subject area\t1.2 Nursing and subjects and vocations allied to medicine']],
    ['after spaces', ['Sector Subject Area (SSA)    1.2 Nursing and subjects and vocations allied to medicine']],
    ['as the register words it', ['Location of the unit within the subject/sector classification system', '1.2 Nursing and subjects and vocations allied to medicine']],
  ])('the sector subject area %s', (_n, lines) => {
    const form = ['Unit 305 Some unit', ...lines, 'Unit Sub Level', '1', 'Level', '3', '1 Understand things', '1.1 Explain a', '1.2 Explain b'];
    const u = read(form).units[0]!;
    expect(outline(form)).toEqual(['1:knowledge=1.1,1.2']);
    expect(u).toMatchObject({ ssa: '1.2 Nursing and subjects and vocations allied to medicine', level: 3 });
    expect(codes(form)).toEqual([]);
  });

  it('register page fields: title, level, credits, GLH, withdrawal date and sector subject area', () => {
    const form = ['Unit Reference Number\tH/506/2154', 'Title\tDeal with incoming telephone calls from customers', 'Unit Level\t2', 'Unit Sub Level\tNone', 'Guided Learning Hours\t16', 'Unit Credit Value\t3', 'Withdrawal date\t31/12/2027', 'Sector Subject Area\t15.3 Business management', '1 Understand how to deal with calls', '1.1 Describe the telephone system'];
    expect(read(form).units[0]).toMatchObject({ unit: 'H/506/2154', title: 'Deal with incoming telephone calls from customers', level: 2, credits: 3, glh: 16, withdrawal: '31/12/2027', ssa: '15.3 Business management' });
    expect(outline(form)).toEqual(['1:knowledge=1.1']);
  });
});

describe('guidance sections become the unit’s guidance wherever they stand', () => {
  it.each([
    ['Assessment Guidance', 'before the outcomes', true],
    ['Assessment requirements', 'after the criteria', false],
    ['Delivery guidance', 'after the criteria', false],
    ['Additional information', 'before the outcomes', true],
    ['Assessment requirements or guidance specified by a sector or regulatory body (if appropriate)', 'after the criteria', false],
  ])('%s, %s', (heading, _where, before) => {
    const body = ['1 Be able to do', '1.1 Do a', '1.2 Do b'];
    const note = [heading, 'Evidence must come from real work.'];
    const form = ['A/506/2130 Deliver customer service', ...(before ? [...note, ...body] : [...body, '', ...note])];
    // the section keeps its heading, as the form prints it
    expect(read(form).units[0]!.guidance).toBe(`${heading}\nEvidence must come from real work.`);
    expect(outline(form)).toEqual(['1:performance=1.1,1.2']);
  });

  it('with its text in the next cell of a table', () => {
    const form = ['A/506/2130 Deliver customer service', '1 Be able to do', '1.1 Do a', 'Assessment requirements\tThis unit must be assessed in the workplace.'];
    expect(read(form).units[0]!.guidance).toBe('Assessment requirements\nThis unit must be assessed in the workplace.');
  });
});

describe('saying where it is unsure', () => {
  it('a list item after a gap under a criterion is joined, with a warning', () => {
    const form = ['A/506/2130 Deliver customer service', '1 Be able to do', '1.1 Do the following:', 'a) one', '', 'b) two'];
    expect(read(form).units[0]!.outcomes[0]!.criteria[0]!.text).toBe('Do the following: a) one b) two');
    expect(codes(form)).toEqual(['6 may-continue']);
  });

  it('a line it cannot classify is reported with its line', () => {
    const form = ['A/506/2130 Deliver customer service', '1 Be able to do', '1.1 Do a', '', 'Something else entirely.'];
    expect(codes(form)).toEqual(['5 unplaced-text']);
  });
});
