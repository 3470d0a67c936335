// The last three gaps of issue 17, each a general rule with a case table of lines it must and
// must not take: a unit code at the right margin of the title line is an alias; a level
// written inside its label ("QCF Level 1:") is the unit's level; and where guidance sections
// begin and end (a heading wrapped before its closing bracket, a heading that groups others,
// definitions and range lists that are not guidance, a heading folio does not know over a
// paragraph). Forms in new layouts for the same rules are in test/fixtures/import/unseen.
import { describe, expect, it } from 'vitest';
import { fieldsOf } from '../src/import/fields.js';
import { DEFINITION, isHeadingShaped, isProse } from '../src/import/furniture.js';
import { marginCode, unitHeaderOf } from '../src/import/lines.js';
import { parseForm } from '../src/import/parse.js';

const read = (...lines: string[]) => parseForm('f.txt', lines.join('\n'));

describe('a unit code at the right margin of the title line', () => {
  it.each([
    ['Unit 204  Support individuals to eat and drink        HSC 204', { id: '204', title: 'Support individuals to eat and drink', aliases: ['HSC 204'] }],
    ['Unit 12 Prepare hot drinks\t\tPPL2FS7', { id: '12', title: 'Prepare hot drinks', aliases: ['PPL2FS7'] }],
    ['Unit 305   Manage information and records      D/616/9018', { id: 'D/616/9018', title: 'Manage information and records', aliases: ['305'] }],
    ['A/506/2130 Deliver customer service        CS208', { id: 'A/506/2130', title: 'Deliver customer service', aliases: ['CS208'] }],
    ['Unit 2GEN3 (H7R1 04)   Maintain food safety', { id: '2GEN3', title: 'Maintain food safety', aliases: ['H7R1 04'] }],
    ['Unit 204 Support individuals HSC 204', { id: '204', title: 'Support individuals HSC 204', aliases: [] }],
  ])('%s', (line, header) => {
    expect(unitHeaderOf(line, line.replace(/\s+/g, ' ').trim())).toEqual(header);
  });
  it.each(['Unit 201 Shampoo and condition hair       17', 'UV20417        VTCT Level 2 Diploma in Hairdressing', 'Unit 3 Lead a team      Version 1.3', 'Unit 3 Lead a team      Page 4', 'Unit 3 Lead a team      2026', 'Unit 3 Lead a team HSC 204'])(
    '%s has no code at its margin',
    (line) => {
      expect(marginCode(line)).toBeNull();
    },
  );
  it.each([
    ['Title: Understand the role of the social care worker      HSC 204', [['title', 'Understand the role of the social care worker'], ['alias', 'HSC 204']]],
    ['Unit title:\tCare for hair\tD/616/9018', [['title', 'Care for hair'], ['unit', 'D/616/9018']]],
    ['Title: Working at height      Page 3', [['title', 'Working at height']]],
  ])('field line %s', (line, found) => {
    expect(fieldsOf(line)).toEqual(found);
  });
  it('a title on its own line under the unit number gives its margin code as an alias', () => {
    const u = read('Unit 105', 'Give customers a positive impression      CS105', '1.1 Greet customers').units[0]!;
    expect([u.unit, u.title, u.aliases]).toEqual(['105', 'Give customers a positive impression', ['CS105']]);
  });
  it('so does a title on the line under its "Unit title" label', () => {
    const u = read('Unit title', 'Understand the role of the care worker        HSC 204', 'Unit reference number', 'D/616/9018', '1.1 Explain roles').units[0]!;
    expect([u.unit, u.title, u.aliases]).toEqual(['D/616/9018', 'Understand the role of the care worker', ['HSC 204']]);
  });
});

describe('a level written inside the label', () => {
  it.each([
    ['QCF Level 1: BTEC Introductory', [['level', '1']]],
    ['RQF Level 3 unit', [['level', '3']]],
    ['Level 2 Unit', [['level', '2']]],
    ['NQF Level 2:\tFoundation', [['level', '2']]],
    ['QCF Level 1:   Credit value: 3', [['level', '1'], ['credits', '3']]],
    ['Unit level: Level 3', [['level', 'Level 3']]],
    ['Level 3 (RQF)', [['level', '3']]],
  ])('%s', (line, found) => {
    expect(fieldsOf(line)).toEqual(found);
  });
  it.each(['Level 3 Diploma in Adult Care', 'Level 3: Diploma in Adult Care', 'QCF Level 2: Certificate in Retail Skills', 'Level 2: BTEC Award in Hospitality', 'SVQ Hospitality Services at SCQF Level 5', 'Level 2 Unit 4 Working in hospitality'])(
    '%s gives no level',
    (line) => {
      expect((fieldsOf(line) ?? []).some(([f]) => f === 'level')).toBe(false);
    },
  );
  it('is the unit’s level, never an outcome or a criterion', () => {
    const u = read('Unit 4: Working in hospitality', 'QCF Level 1:      BTEC Introductory', '1 Know about hospitality', '1.1 identify types of business').units;
    expect(u.map((x) => [x.level, x.outcomes.map((o) => [o.id, o.criteria.map((c) => c.id)])])).toEqual([[1, [['1', ['1.1']]]]]);
  });
  it('a qualification’s level in the page header is not the unit’s', () => {
    const u = read('Level 3 Diploma in Adult Care', 'Unit: D/616/9018 Care for hair', '1.1 Wash hair').units;
    expect(u.map((x) => x.level)).toEqual([null]);
  });
});

describe('where guidance sections begin and end', () => {
  const unit = (...lines: string[]) => read('Unit: D/650/1203 Towers', 'LO1 Understand towers', '1.1 Describe the load', '', ...lines);

  it('a heading wrapped before its closing bracket is one heading', () => {
    const r = unit('Assessment requirements or guidance specified by a sector or regulatory body (if', 'appropriate)', 'Assess in the workplace.');
    expect(r.units[0]!.guidance).toBe('Assessment requirements or guidance specified by a sector or regulatory body (if appropriate)\nAssess in the workplace.');
    expect(r.warnings).toEqual([]);
  });
  it('a register label wrapped so: its value is skipped with it, not read as guidance', () => {
    const r = unit('Unit aim(s)', 'This unit is about towers.', 'Details of the relationship between the unit and relevant national occupational', 'standards (if appropriate)', 'CFACSB4');
    expect([r.units[0]!.guidance, r.warnings]).toEqual(['Unit aim(s)\nThis unit is about towers.', []]);
  });
  it('a lower-case line under a heading that closes no bracket is not joined to it', () => {
    expect(unit('Assessment guidance', 'observe each learner (twice)').units[0]!.guidance).toBe('Assessment guidance\nobserve each learner (twice)');
  });
  it('"Additional information about the unit" over other headings groups them: dropped', () => {
    expect(unit('Additional information about the unit', 'Unit aim(s)', 'This unit is about towers.').units[0]!.guidance).toBe('Unit aim(s)\nThis unit is about towers.');
  });
  it('"Additional information" over definitions is range of the criterion above, not guidance; over prose it is guidance', () => {
    const r = unit('Additional information', 'Individuals: a person requiring care.', 'Others may include: carers, families.', '', 'Assessment guidance', 'Assess by workbook.');
    expect(r.units[0]!.guidance).toBe('Assessment guidance\nAssess by workbook.');
    expect(r.units[0]!.outcomes[0]!.criteria[0]!.guidance).toBe('Additional information\nIndividuals: a person requiring care.\nOthers may include: carers, families.');
    expect(r.warnings).toEqual([]);
    expect(unit('Additional information', 'This unit is linked to the NOS (2013).').units[0]!.guidance).toBe('Additional information\nThis unit is linked to the NOS (2013).');
  });
  it('a section that is not guidance ends the guidance above it, blank line or not', () => {
    const r = read('Unit 4: Working in hospitality', 'Unit introduction', 'This unit introduces the industry.', 'Unit content', '1 Know about hospitality', 'Types of business: hotels, bars');
    expect([r.units[0]!.guidance, r.units[0]!.outcomes.map((o) => o.id)]).toEqual(['Unit introduction\nThis unit introduces the industry.', ['1']]);
  });
  it.each([
    [['1. Plan the work', '1.1 List the tasks'], 'Assessment guidance\nAssess in the workplace.', ['1']],
    [['1. Environment', 'Evidence must come from a real salon.'], 'Assessment guidance\nAssess in the workplace.\n1. Environment\nEvidence must come from a real salon.', []],
    [['2. Plan the work', '1.1 List the tasks'], 'Assessment guidance\nAssess in the workplace.\n2. Plan the work', ['1']],
  ])('under guidance, %j: a numbered line is an outcome only when its first criterion follows', (lines, guidance, outcomes) => {
    const u = read('Unit: D/650/1203 Towers', 'Assessment guidance', 'Assess in the workplace.', ...lines).units[0]!;
    expect([u.guidance, u.outcomes.map((o) => o.id)]).toEqual([guidance, outcomes]);
  });
  it('a heading folio does not know over a paragraph heads a section of guidance, and says so', () => {
    const r = unit('Site safety', 'Working at height', 'Erect towers only where the ground is firm and level.');
    expect(r.units[0]!.guidance).toBe('Working at height\nErect towers only where the ground is firm and level.');
    expect(r.warnings.map((w) => `${w.line} ${w.messageId}`)).toEqual(['5 could-not-place', '6 unknown-heading']);
  });
  it('a heading-shaped line over anything but a paragraph stays unplaced', () => {
    const r = unit('Working at height', 'Towers, ladders');
    expect([r.units[0]!.guidance, r.warnings.map((w) => `${w.line} ${w.messageId}`)]).toEqual([null, ['5 could-not-place', '6 could-not-place']]);
  });
  it('a heading over register fields heads nothing', () => {
    const r = unit('Additional information about the unit', 'Relationship to occupational standards: SCDHSC0024', 'Assessment', 'Assess at work.');
    expect([r.units[0]!.guidance, r.warnings]).toEqual(['Assessment\nAssess at work.', []]);
  });
  it('a range section after the criteria: its list belongs to the criterion above, a paragraph after it is guidance', () => {
    const r = read('Unit PPL2FS7 Prepare tables', 'What you must do', 'P1 lay the tables', '', 'What you must cover', 'You must cover:', '1 table types: round, square', '', 'Evidence must come from real work with customers.');
    expect(r.units[0]!.guidance).toBe('What you must cover\nEvidence must come from real work with customers.');
    expect(r.units[0]!.outcomes.map((o) => [o.id, o.criteria.map((c) => [c.id, c.text, c.guidance])])).toEqual([['P', [['P1', 'lay the tables', 'What you must cover\nYou must cover:\n1 table types: round, square']]]]);
  });
  it('a range block followed by a page footer gives no guidance', () => {
    const r = unit('Range', 'Loads: people, tools', '', 'City & Guilds Level 3 Diploma in Construction (6708-03) 57');
    expect([r.units[0]!.guidance, r.units[0]!.outcomes[0]!.criteria[0]!.guidance]).toEqual([null, 'Range\nLoads: people, tools']);
  });

  it.each([
    ['Individuals: a person requiring care or support.', true],
    ['Others may include: team members', true],
    ['Legal requirements: data protection legislation', true],
    ['Note: learners must be observed', false],
    ['Please note: the unit is optional', false],
    ['This unit is linked to the NOS (2013). Evidence: see below', false],
  ])('%s is a definition: %s', (line, yes) => {
    expect(DEFINITION.test(line)).toBe(yes);
  });
  it.each([
    ['Achieving observation outcomes', true],
    ['Scope/range related to performance criteria', true],
    ['Issue 2 August 2013', false],
    ['Your assessor will observe you.', false],
    ['Learning outcomes', false],
    ['Declaration of authenticity', false],
    ['Assessor feedback to the learner', false],
    ['Useful links', false],
  ])('%s is shaped like a heading: %s', (line, yes) => {
    expect(isHeadingShaped(line)).toBe(yes);
  });
  it.each([
    ['Your assessor will observe your performance of practical tasks.', true],
    ['Evidence for the above must come from your real work.', true],
    ['City & Guilds Level 3 Diploma in Business Administration (4475-03) 57', false],
    ['Individuals: a person requiring care or support and their families.', false],
    ['Towers, ladders', false],
    ['I confirm that this evidence is my own work.', false],
  ])('%s is prose: %s', (line, yes) => {
    expect(isProse(line)).toBe(yes);
  });
});
