// Layouts the importer's first rules were not written for (issue 17, the mistakes a blind set
// showed): criterion numbers in brackets or with a closing bracket, tick-box columns and their
// legend, wrapped outcome titles in table cells and two-column pages, dash and bullet lists
// under a criterion, a register page's list of qualifications, unit codes that are not
// Ofqual-shaped, level and GLH in a header row or several to a line, a section heading over a
// guidance heading. Each form in test/fixtures/import/unseen has its expected units worked
// out by hand from the form; every field is compared, strictly. Each rule also has a case table
// of lines it must and must not classify.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldsOf } from '../src/import/fields.js';
import { isFurnitureRow } from '../src/import/furniture.js';
import { QUALIFICATIONS_LIST, unitHeader } from '../src/import/lines.js';
import { CRITERION, isTickRow, methodLegend, tickBoxes } from '../src/import/marks.js';
import { parseForm } from '../src/import/parse.js';
import { REPO } from './helpers.js';

const DIR = join(REPO, 'test/fixtures/import/unseen');
const forms = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.replace(/\.txt$/, ''));

describe('unseen layouts: every field as worked out from the form', () => {
  it.each(forms)('%s', (name) => {
    const { units } = parseForm(`${name}.txt`, readFileSync(join(DIR, `${name}.txt`), 'utf8'));
    const want = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8')) as { units: unknown[] };
    const got = units.map((u) => ({
      unit: u.unit,
      aliases: u.aliases,
      title: u.title,
      level: u.level,
      credits: u.credits,
      glh: u.glh,
      guidance: u.guidance,
      outcomes: u.outcomes.map((o) => ({ id: o.id, title: o.title, type: o.type, methods: o.methods, criteria: o.criteria.map((c) => ({ id: c.id, text: c.text })) })),
    }));
    expect(got).toEqual(want.units);
  });
});

describe('criterion numbers, however printed', () => {
  it.each([
    ['1.1 Describe x', '1.1', 'Describe x'],
    ['1.1. Describe x', '1.1', 'Describe x'],
    ['1.1) Describe x', '1.1', 'Describe x'],
    ['1.1 ) Describe x', '1.1', 'Describe x'],
    ['(1.1) Describe x', '1.1', 'Describe x'],
    ['AC 2.3 Describe x', '2.3', 'Describe x'],
    ['AC2.3: Describe x', '2.3', 'Describe x'],
    ['• 3.10 Describe x', '3.10', 'Describe x'],
    ['201.1.2 Describe x', '201.1.2', 'Describe x'],
  ])('%s is criterion %s', (line, id, text) => {
    expect(CRITERION.exec(line)?.slice(1, 3)).toEqual([id, text]);
  });
  it.each(['1 Understand x', 'a) a sub-item', '(a) a sub-item', 'Describe 1.1 above'])('%s is not a criterion', (line) => {
    expect(CRITERION.test(line)).toBe(false);
  });
});

describe('tick-box columns', () => {
  it.each([
    ['Describe x ☐ O ☐ Q ☐ WT ☐ WP', 'Describe x', []],
    ['Describe x ☒ O ☐ Q ☑ WT', 'Describe x', ['O', 'WT']],
    ['Describe x O ☐ Q ☒', 'Describe x', []],
    ['Describe x ☐OB ☒QU', 'Describe x', ['QU']],
    ['Describe x [ ] O [x] Q', 'Describe x', ['Q']],
    ['Describe the use of CPR', 'Describe the use of CPR', []],
    ['Give examples [see note]', 'Give examples [see note]', []],
    ['Check the PPE is worn', 'Check the PPE is worn', []],
  ])('%s', (line, text, ticked) => {
    expect(tickBoxes(line)).toEqual({ text, ticked });
  });
  it('a row of boxes alone is furniture; a line of text is not', () => {
    expect(isTickRow('☐ O ☐ Q ☐ WT ☐ WP')).toBe(true);
    expect(isTickRow('O Q WT WP')).toBe(false);
    expect(isTickRow('Describe x ☐ O')).toBe(false);
  });
  it.each([
    ['O = Observation, Q = Questioning, WT = Witness testimony', { O: 'observation', Q: 'questioning', WT: 'witness-testimony' }],
    ['Key: OB – observation   PD – professional discussion', { OB: 'observation', PD: 'professional-discussion' }],
    ['Assessment methods: O – Observation, Q – Questioning, WP – Work product', { O: 'observation', Q: 'questioning', WP: 'work-product' }],
    ['O = observation / Q = questioning', { O: 'observation', Q: 'questioning' }],
  ])('legend %s', (line, map) => {
    expect(Object.fromEntries(methodLegend(line) ?? [])).toEqual(map);
  });
  it.each(['Q = quantity of stock', 'PPE = personal protective equipment', 'O = Observation'])('%s is not a legend', (line) => {
    expect(methodLegend(line)).toBeUndefined();
  });
  it('a ticked code the legend does not name is reported at its line', () => {
    const r = parseForm('f.txt', ['Unit: D/615/7001 Returns', 'LO1 Understand refunds', '1.1 Describe refunds ☒ XX'].join('\n'));
    expect(r.units[0]!.outcomes[0]!.criteria[0]!.text).toBe('Describe refunds');
    expect(r.warnings.map((w) => `${w.line} ${w.messageId}`)).toEqual(['3 unknown-method']);
  });
});

describe('fields', () => {
  it.each([
    ['Level: 2 GLH: 14', [['level', '2'], ['glh', '14']]],
    ['Level 2 | Credit value 3 | GLH 20', [['level', '2'], ['credits', '3'], ['glh', '20']]],
    ['SCQF level 5', [['level', '5']]],
    ['Guided learning hours 14', [['glh', '14']]],
    ['Total guided learning hours: 30', [['glh', '30']]],
    ['Guided learning: 30 hours', [['glh', '30 hours']]],
    ['Unit code PPL2FS7', [['unit', 'PPL2FS7']]],
    ['SSC code: 2BA14', [['unit', '2BA14']]],
    ['SQA code: FE2X 04', [['alias', 'FE2X 04']]],
    ['Unit reference   Level   GLH', [['unit', null], ['level', null], ['glh', null]]],
    ['Title: Working at level 2 GLH', [['title', 'Working at level 2 GLH']]],
  ])('%s', (line, found) => {
    expect(fieldsOf(line)).toEqual(found);
  });
  it.each(['Unit code is given below', 'Centre code: 12345', 'Number of credits needed', 'Level 2 Certificate in Food Safety'])('%s is not a field line', (line) => {
    const f = fieldsOf(line);
    expect(f === null || !f.some(([k]) => k === 'unit' || k === 'alias' || k === 'level')).toBe(true);
  });
  it('a header row gives its values from the next row, cell by cell', () => {
    const u = parseForm('f.txt', ['Unit 9 Title here', 'Unit code | Level | Credits | GLH', '2BA14 | 2 | 3 | 20', '1.1 Describe x'].join('\n')).units[0]!;
    expect([u.unit, u.aliases, u.level, u.credits, u.glh]).toEqual(['2BA14', ['9'], 2, 3, 20]);
  });
  it.each([
    ['Unit 2BA14: Work with others', '2BA14'],
    ['Unit PPL2FS7 Prepare tables', 'PPL2FS7'],
    ['Unit 305 Records', '305'],
  ])('%s heads unit %s', (line, id) => {
    expect(unitHeader(line)?.id).toBe(id);
  });
  it.each(['Unit guidance', 'Unit aims and objectives'])('%s heads no unit', (line) => {
    expect(unitHeader(line)).toBeUndefined();
  });
});

describe('furniture and the end of a unit', () => {
  it.each([
    ['Qualifications containing this unit', true],
    ['Related qualifications', true],
    ['This unit is part of the following qualifications:', true],
    ['Qualifications should be checked with the awarding body', false],
  ])('%s ends the unit: %s', (line, ends) => {
    expect(QUALIFICATIONS_LIST.test(line)).toBe(ends);
  });
  it.each([
    ['Learning outcomes        Assessment criteria', true],
    ['Outcome\tCriteria', true],
    ['criteria', false],
    ['Know how to plan       1.1 Identify', false],
  ])('%s is a row of column headings: %s', (line, row) => {
    expect(isFurnitureRow(line)).toBe(row);
  });
  it('a qualification’s level after the list opens no unit of its own', () => {
    const r = parseForm('f.txt', ['Unit: D/615/7001 Returns', '1.1 Describe refunds', 'Qualifications containing this unit', 'Certificate in Retail', 'Level: 2', 'Credits: 13'].join('\n'));
    expect(r.units.map((u) => [u.unit, u.level, u.outcomes[0]!.criteria[0]!.text])).toEqual([['D/615/7001', null, 'Describe refunds']]);
    expect(r.warnings.map((w) => `${w.line} ${w.code}`)).toEqual(['3 outside-units']);
  });
});

describe('a document’s section numbers', () => {
  const unit = (...lines: string[]) => parseForm('f.txt', ['Unit: D/650/1203 Cut hair', 'LO1 Be able to cut hair', '1.1 Cut hair', ...lines].join('\n')).units;
  it.each([
    ['4 Guided learning hours: 54', 'glh', 54],
    ['2.3 Credit value: 3', 'credits', 3],
    ['5. Level 2', 'level', 2],
  ] as const)('%s is a field, not an outcome or criterion', (line, field, value) => {
    const [u] = unit(line);
    expect([u![field], u!.outcomes.map((o) => o.id), u!.outcomes[0]!.criteria.map((c) => c.id)]).toEqual([value, ['1'], ['1.1']]);
  });
  it('a numbered section heading is guidance, with its heading', () => {
    expect(unit('6 Assessment guidance', 'Assess on a real client.')[0]!.guidance).toBe('Assessment guidance\nAssess on a real client.');
  });
  it.each(['2 Understand how to cut hair', '2 Be able to style hair', '1.2 Describe the level of service'])('%s stays structure', (line) => {
    const [u] = unit(line);
    expect(u!.outcomes.flatMap((o) => [o.id, ...o.criteria.map((c) => c.id)]).length).toBe(3);
  });
});

describe('wrapped outcome titles and section headings', () => {
  it('the first cell of a row beside a criterion of the same outcome goes on with its title', () => {
    const u = parseForm('f.txt', ['Unit: D/650/1203 Towers', '2. Know how to work safely on\t2.1 Describe the load', 'mobile access towers\t2.2 State wind limits'].join('\n')).units[0]!;
    expect(u.outcomes.map((o) => [o.title, o.criteria.map((c) => c.text)])).toEqual([['Know how to work safely on mobile access towers', ['Describe the load', 'State wind limits']]]);
  });
  it('a first cell that heads an outcome of its own is not taken into the title', () => {
    const u = parseForm('f.txt', ['Unit: D/650/1203 Towers', '1. Know how to inspect\t1.1 Describe checks', '2. Be able to erect\t2.1 Erect a tower'].join('\n')).units[0]!;
    expect(u.outcomes.map((o) => o.title)).toEqual(['Know how to inspect', 'Be able to erect']);
  });
  it('a lower-case title end after a gap joins the title, and says so at its line', () => {
    const r = parseForm('f.txt', ['Unit: D/650/1203 Towers', 'Learning outcome 1: Know how to work safely on', '', 'mobile access towers', '', '1.1 Describe the load'].join('\n'));
    expect(r.units[0]!.outcomes[0]!.title).toBe('Know how to work safely on mobile access towers');
    expect(r.warnings.map((w) => `${w.line} ${w.messageId}`)).toEqual(['4 title-after-gap']);
  });
  it('a section heading over a guidance heading is dropped; the wrapped end of a heading stays in it', () => {
    const u = parseForm('f.txt', ['Unit: D/650/1203 Towers', '1.1 Describe the load', 'Assessment', 'Guidance on delivery', 'and assessment', 'Learners must be observed.'].join('\n')).units[0]!;
    expect(u.guidance).toBe('Guidance on delivery and assessment\nLearners must be observed.');
  });
});
