// Case table for the form reader: one small form per layout and per anomaly, with what must
// come out of it. Whole seeds and the CLI are tested in import.test.ts.
import { describe, expect, it } from 'vitest';
import { parseForm } from '../src/import/parse.js';

const read = (text: string) => parseForm('form.txt', text);
const codes = (text: string) => read(text).warnings.map((w) => `${w.line} ${w.code}`);
const shape = (text: string) =>
  read(text).units.map((u) => ({
    unit: u.unit,
    title: u.title,
    level: u.level,
    credits: u.credits,
    glh: u.glh,
    aliases: u.aliases,
    outcomes: u.outcomes.map((o) => `${o.id}${o.type ? `:${o.type}` : ''}=${o.criteria.map((c) => c.id).join(',')}`),
  }));
const texts = (text: string) => Object.fromEntries(read(text).units[0]!.outcomes.flatMap((o) => o.criteria.map((c) => [c.id, c.text])));

describe('unit headers and fields', () => {
  it.each([
    ['regulator register page, values after a colon', ['Unit Reference Number: H/506/2154', 'Title: Deal with incoming telephone calls from customers', 'Unit Level: 2', 'Guided Learning Hours: 16', 'Unit Credit Value: 3', '1 Understand how to deal with calls', '1.1 Describe the organisation’s telephone system'], { unit: 'H/506/2154', title: 'Deal with incoming telephone calls from customers', level: 2, credits: 3, glh: 16 }],
    ['register page, values on the next line', ['Unit Reference Number', 'H/506/2154', 'Title', 'Deal with incoming telephone calls from customers', 'Unit Level', 'Level 2', 'Guided Learning Hours', '16', 'Unit Credit Value', '3', '1.1 Describe the telephone system'], { unit: 'H/506/2154', title: 'Deal with incoming telephone calls from customers', level: 2, credits: 3, glh: 16 }],
    ['register page, tab-separated', ['Unit Reference Number\tH/506/2154', 'Title\tDeal with calls', 'Unit Level\t2', 'Guided Learning Hours\t16', 'Unit Credit Value\t3', '1.1 Describe x'], { unit: 'H/506/2154', title: 'Deal with calls', level: 2, credits: 3, glh: 16 }],
    ['awarding-body page', ['Skip to content', 'Home > Qualifications', 'Unit No: T/506/2126', 'Communicate with customers in writing', 'Level: 2', 'Credits: 3', 'Guided learning hours: 20', '• 1.1 Describe x'], { unit: 'T/506/2126', title: 'Communicate with customers in writing', level: 2, credits: 3, glh: 20 }],
    ['several fields on one line', ['Unit: A/506/2158 Resolve customer service problems', 'Level: 2    Credit value: 5    GLH: 22', '1.1 Describe x'], { unit: 'A/506/2158', title: 'Resolve customer service problems', level: 2, credits: 5, glh: 22 }],
    ['checklist header with the mandatory marker', ['A/506/2130 Deliver customer service - Mandatory Unit', '1.1 Explain x'], { unit: 'A/506/2130', title: 'Deliver customer service', level: null, credits: null, glh: null }],
    ['tracking log header with the number in brackets', ['Unit 01 Principles of customer service and delivery (Y/507/5967)', '1.1 Explain x'], { unit: 'Y/507/5967', title: 'Principles of customer service and delivery', level: null, credits: null, glh: null }],
    ['N/SVQ header with the title on the next line', ['Unit 105', 'Provide customer service within the rules', '105.1.1 follow procedures'], { unit: '105', title: 'Provide customer service within the rules', level: null, credits: null, glh: null }],
  ])('%s', (_name, lines, expected) => {
    const [u] = shape(lines.join('\n'));
    expect(u).toMatchObject(expected);
  });

  it('an SVQ header keeps the bracketed code as an alias', () => {
    const [u] = shape('Unit 1FOH2/10 (F93L 04) Deal with customers face to face\nWhat you have to do\nP1 greet customers\nWhat you have to know\nK1 how to greet customers');
    expect(u).toEqual({ unit: '1FOH2/10', title: 'Deal with customers face to face', level: null, credits: null, glh: null, aliases: ['F93L 04'], outcomes: ['P:performance=P1', 'K:knowledge=K1'] });
  });

  it('"Level 2 Diploma in …" is a qualification title, not a unit level', () => {
    const r = read('BIIAB Level 2 Diploma in Customer Service\nLevel 2 Diploma in Customer Service\nA/506/2130 Deliver customer service\n1.1 Explain x');
    expect(r.units[0]!.level).toBeNull();
  });
});

describe('outcomes and criteria', () => {
  it('numbers criteria by outcome and types outcomes by their wording', () => {
    const form = ['A/506/2130 Deliver customer service', '1. Understand customer service delivery', '1.1 Explain a', '1.2 Describe b', '2 Be able to prepare', '2.1 Keep up to date', '3. Know the rules', '3.1 State c', '4. Support improvements', '4.1 Identify d'].join('\n');
    expect(shape(form)[0]!.outcomes).toEqual(['1:knowledge=1.1,1.2', '2:performance=2.1', '3:knowledge=3.1', '4=4.1']);
  });

  it('joins wrapped criterion text and outcome titles (seed 004)', () => {
    const form = ['\t1. Understand ', 'customer service delivery ', '', '\t1.1 Explain the relationship', 'between needs and satisfaction', '', '\t1.2 Describe the features and', 'benefits of products'].join('\n');
    const u = read(form).units[0]!;
    expect(u.outcomes[0]!.title).toBe('Understand customer service delivery');
    expect(texts(form)).toEqual({ '1.1': 'Explain the relationship between needs and satisfaction', '1.2': 'Describe the features and benefits of products' });
  });

  it('takes LO / AC labels with their text on the next line (seed 003)', () => {
    const form = [' \tLO 1 ', '\tUnderstand the principles.', '', '\tAC 1.1 ', '\tAnalyse theories.', '\t', '\tAC 1.2', '\tAssess skills.'].join('\n');
    expect(shape(form)[0]!.outcomes).toEqual(['1:knowledge=1.1,1.2']);
    expect(texts(form)).toEqual({ '1.1': 'Analyse theories.', '1.2': 'Assess skills.' });
  });

  it('keeps lettered sub-items and bullets in the criterion text', () => {
    const form = ['Unit No: T/506/2126', 'Learning outcome 1: The learner will: Understand written communication', '1.1. Describe ways to:', 'a) plan a letter', 'b) check spelling', '', '1.2. List formats:', '• letters', '• emails'].join('\n');
    const u = read(form).units[0]!;
    expect(u.outcomes[0]!.title).toBe('Understand written communication');
    expect(texts(form)).toEqual({ '1.1': 'Describe ways to: a) plan a letter b) check spelling', '1.2': 'List formats: • letters • emails' });
  });

  it('reads pipe tables with continuation rows', () => {
    const form = [
      'Unit: A/506/2158 Resolve customer service problems',
      '| LO | Learning outcome | AC | Assessment criterion |',
      '|----|------------------|----|----------------------|',
      '| 1 | Understand how to resolve | 1.1 | Describe the organisation’s procedures for |',
      '|   |                           |     | dealing with problems |',
      '|   | problems                  | 1.2 | Explain limits of authority |',
      '| 2 | Be able to resolve problems | 2.1 | Identify options |',
    ].join('\n');
    const u = read(form).units[0]!;
    expect(u.outcomes.map((o) => [o.id, o.title, o.type])).toEqual([
      ['1', 'Understand how to resolve problems', 'knowledge'],
      ['2', 'Be able to resolve problems', 'performance'],
    ]);
    expect(texts(form)).toEqual({ '1.1': 'Describe the organisation’s procedures for dealing with problems', '1.2': 'Explain limits of authority', '2.1': 'Identify options' });
  });

  it('takes outcome and criterion numbers printed on their own lines (register page)', () => {
    const form = ['Unit Reference Number: H/506/2154', 'Learning Outcomes', '1', 'Understand how to deal with calls', 'Assessment Criteria', '1.1', 'Describe the telephone system', '2.', 'Be able to answer calls', '2.1', 'Answer calls promptly'].join('\n');
    expect(shape(form)[0]!.outcomes).toEqual(['1:knowledge=1.1', '2:performance=2.1']);
    expect(read(form).warnings).toEqual([]);
  });

  it('reads a two-column table of outcomes and criteria cell by cell', () => {
    const form = ['Unit: T/506/2126 Communicate with customers in writing', '| Learning outcome | Assessment criteria |', '|---|---|', '| 1. Understand written communication | 1.1 Describe formats |', '| | 1.2 Explain tone |'].join('\n');
    expect(shape(form)[0]!.outcomes).toEqual(['1:knowledge=1.1,1.2']);
  });

  it('reads SVQ P and K items under other headings', () => {
    const form = ['Unit 1FOH2/10 (F93L 04) Deal with customers', 'Performance criteria', 'You must be able to:', 'P1 greet customers', 'P2 listen', 'Knowledge and understanding', 'You need to know and understand:', 'K1 how to greet customers'].join('\n');
    expect(shape(form)[0]!.outcomes).toEqual(['P:performance=P1,P2', 'K:knowledge=K1']);
  });

  it('turns "Evidence may be supplied by" into methods and the guidance column into guidance (seed 004)', () => {
    const form = ['\tLearning Outcome', '\tAssessment Criteria', '\tGuidelines and range', '\t3. Be able to prepare', '\t3.1 Keep up to date', '', '\tResources can be e.g.:', '· Manuals*', '', 'Brochures', '\t3.2 Prepare resources', '\tEvidence may be supplied by:', '· Observation, witness testimony, customer records*, professional discussion and expert witness'].join('\n');
    const o = read(form).units[0]!.outcomes[0]!;
    expect(o.methods).toEqual(['observation', 'witness-testimony', 'work-product', 'professional-discussion', 'expert-witness']);
    expect(o.criteria[0]!.guidance).toBe('Resources can be e.g.:\n· Manuals*\n\nBrochures');
    expect(o.criteria[1]!.guidance).toBeNull();
  });

  it('reads the N/SVQ grid of U/K letters and evidence requirements (seed 002)', () => {
    const grid = ['Unit 105 Provide customer service within the rules', '\tStandards', '\tU/K', '\tEvidence Requirements', '\tLocation ref:', '', '\t', '\t1', '\t2', '\t3', '\t', '', '\t', '\ta', '\tb', '\t', '\ta', '\tb', '\t', '\t', '', '\t105.1.1 follow procedures'].join('\n');
    expect(shape(grid)[0]!.outcomes).toEqual(['1=105.1.1', 'U/K:knowledge=a,b', 'ER:knowledge=1,2a,2b,3']);
  });
});

describe('layouts that once misled the reader', () => {
  it('a wrapped word that reads like a field label stays in the criterion', () => {
    const form = 'Unit reference number: M/601/1234\nLearning outcome 1: Understand call handling\n1.1 Explain why callers should be asked for their account\nnumber\n1.2 Explain how to record the call';
    expect(shape(form)).toHaveLength(1);
    expect(texts(form)['1.1']).toBe('Explain why callers should be asked for their account number');
  });

  it('a handbook number above the unit reference number becomes an alias', () => {
    const [u] = shape('Unit 201 Principles of customer service\nUnit reference: T/506/2126\nLevel: 2\n1.1 Explain a');
    expect(u).toMatchObject({ unit: 'T/506/2126', title: 'Principles of customer service', level: 2, aliases: ['201'] });
  });

  it('N/SVQ element headings are outcomes, not criteria', () => {
    const [u] = shape('Unit 201 Give a positive impression\n201.1 Establish effective rapport with customers\n201.1.1 meet standards\n201.2 Respond appropriately\n201.2.1 respond promptly');
    expect(u!.outcomes).toEqual(['1=201.1.1', '2=201.2.1']);
    expect(read('Unit 201 Give\n201.1 Establish rapport\n201.1.1 meet standards').units[0]!.outcomes[0]!.title).toBe('Establish rapport');
  });

  it('numbered items under a criterion stay in its text', () => {
    const form = 'A/506/2130 Deliver\nLearning outcome 1: Understand a\n1.1 Explain a\n1.2 Explain the following:\n1. tone of voice\n2. body language\n1.3 Describe c\nLearning outcome 2: Be able to lead a team\n2.1 Lead';
    expect(texts(form)['1.2']).toBe('Explain the following: 1. tone of voice 2. body language');
    expect(read(form).units[0]!.outcomes[1]).toMatchObject({ title: 'Be able to lead a team', type: 'performance' });
  });

  it('a lead-in between an outcome label and its title keeps the title', () => {
    const o = read('Unit No: T/506/2126\nLearning outcome 1\nThe learner will:\nUnderstand how to handle calls\n1.1 Explain a').units[0]!.outcomes[0]!;
    expect([o.title, o.type]).toEqual(['Understand how to handle calls', 'knowledge']);
  });

  it('drops the separator after a criterion number', () => {
    expect(texts('A/506/2130 Deliver\n1.1: Explain a\n1.2 – Describe b')).toEqual({ '1.1': 'Explain a', '1.2': 'Describe b' });
  });
});

describe('anomalies are warnings with line numbers', () => {
  it.each([
    ['a criterion numbered for another unit', 'Unit 202 Promote services\n202.1.1 take action\n203.1.2 refer your customer', ['3 foreign-criterion']],
    ['a gap in criterion numbers', 'A/506/2130 Deliver\n1.1 a\n1.3 c', ['3 numbering-gap']],
    ['a gap in outcome numbers', 'A/506/2130 Deliver\n1. Understand a\n1.1 a\n3. Understand c\n3.1 c', ['4 numbering-gap']],
    ['a repeated criterion number', 'A/506/2130 Deliver\n1.1 Explain a\n1.1 Explain b', ['3 numbering-repeat']],
    ['repeated wording', 'A/506/2130 Deliver\n1.1 Explain a thing\n1.2 Explain a thing', ['3 repeated-text']],
    ['a wrong check letter', 'M/601/1436 Some unit\n1.1 Explain a', ['1 check-letter']],
    ['text that belongs nowhere', 'A/506/2130 Deliver\n1.1 Explain a\n\nSomething else entirely', ['4 unplaced-text']],
    ['a method outside the vocabulary', 'A/506/2130 Deliver\n1. Understand a\n1.1 Explain a\nEvidence may be supplied by: observation, telepathy', ['4 unknown-method']],
    ['no unit number', '1. Understand a\n1.1 Explain a', ['1 no-unit-number']],
    ['no units at all', 'Just a letter\nwith no criteria', ['1 outside-units', '1 no-units']],
  ])('%s', (_name, form, expected) => {
    expect(codes(form)).toEqual(expected);
  });

  it('says which check letter is right', () => {
    expect(read('M/601/1436 Some unit\n1.1 Explain a').warnings[0]!.message).toContain('check letter should be R');
  });

  it('keeps the first of two criteria with one number, and quotes the second', () => {
    const r = read('A/506/2130 Deliver\n1.1 Explain a\n1.1 Explain b');
    expect(texts('A/506/2130 Deliver\n1.1 Explain a\n1.1 Explain b')).toEqual({ '1.1': 'Explain a' });
    expect(r.warnings[0]!.message).toContain('“Explain b”');
  });
});
