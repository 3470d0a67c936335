// Rule case tables for reading files: YAML as the author wrote it (source.ts) and the schemas
// (schema/*.ts through validate.ts), with findings resolved to line and column.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { centreSchema } from '../src/schema/centre.js';
import { portfolioSchema } from '../src/schema/portfolio.js';
import { qualificationSchema } from '../src/schema/qualification.js';
import { unitSchema } from '../src/schema/unit.js';
import { validate } from '../src/schema/validate.js';
import { lazySource, parseYaml, resolve } from '../src/source.js';

const SCHEMAS = { portfolio: portfolioSchema, unit: unitSchema, qualification: qualificationSchema, centre: centreSchema } as const;
type Kind = keyof typeof SCHEMAS;
const FILES: Record<Kind, string> = {
  portfolio: 'portfolios/NT-0001/portfolio.yaml',
  unit: 'specs/units/R-603-4411.yaml',
  qualification: 'specs/qualifications/601-3734-4.yaml',
  centre: 'portfolios/centre.yaml',
};

/** Parse and validate like the loader does; every finding resolved to a position. */
function read(kind: Kind, text: string) {
  const parsed = { ...parseYaml(FILES[kind], text), source: lazySource(FILES[kind], () => text) };
  const diagnostics: Diagnostic[] = parsed.findings.map((f) => resolve(parsed.source, f));
  if (parsed.value === undefined) return { parsed, validated: undefined, data: undefined, diagnostics };
  const validated = validate(SCHEMAS[kind] as typeof portfolioSchema, parsed.value, FILES[kind], kind);
  diagnostics.push(...validated.findings.map((f) => resolve(parsed.source, f)));
  return { parsed, validated, data: validated.data as Record<string, any> | undefined, diagnostics };
}

// A valid portfolio head: two lines, so the third line is the first one a case adds.
const HEAD = 'learner: { name: Priya Shah, uln: "1234567899" }\nqualification: 601/3734/4\n';
const item = (id: string, rest = '    method: observation\n    ref: log\n    covers: {R/603/4411: [1.1]}\n') => `  - id: ${id}\n${rest}`;
const UNIT_HEAD = 'unit: R/603/4411\ntitle: Test unit\n';

describe('every scalar is text', () => {
  // [what, kind, yaml, path into the validated data, expected value]
  it.each([
    ['covers [1.1, 1.10] keeps 1.1 and 1.10 distinct', 'portfolio', HEAD + 'evidence:\n' + item('E01', '    method: observation\n    ref: log\n    covers: {R/603/4411: [1.1, 1.10]}\n'), ['evidence', 0, 'covers', 'R/603/4411'], ['1.1', '1.10']],
    ['covers in block style keeps 1.10 and 1.100', 'portfolio', HEAD + 'evidence:\n' + item('E01', '    method: observation\n    ref: log\n    covers:\n      R/603/4411:\n        - 1.1\n        - 1.10\n        - 1.100\n'), ['evidence', 0, 'covers', 'R/603/4411'], ['1.1', '1.10', '1.100']],
    ['a single criterion without brackets stays text', 'portfolio', HEAD + 'evidence:\n' + item('E01', '    method: observation\n    ref: log\n    covers: {R/603/4411: 4.40}\n'), ['evidence', 0, 'covers', 'R/603/4411'], '4.40'],
    ['a date stays the text written', 'portfolio', HEAD + 'registered: 2026-03-04\n', ['registered'], '2026-03-04'],
    ['a ULN with a leading zero keeps it', 'portfolio', 'learner: { name: A B, uln: 0000000042 }\nqualification: 601/3734/4\n', ['learner', 'uln'], '0000000042'],
    ['NO is a name, not a boolean', 'portfolio', 'learner: { name: NO }\nqualification: 601/3734/4\n', ['learner', 'name'], 'NO'],
    ['an alias 0201 keeps its zero', 'unit', UNIT_HEAD + 'aliases: [0201, 201]\noutcomes: []\n', ['aliases'], ['0201', '201']],
    ['a criterion id 1.10 stays 1.10', 'unit', UNIT_HEAD + 'outcomes:\n  - id: 1\n    criteria:\n      - id: 1.10\n', ['outcomes', 0, 'criteria', 0, 'id'], '1.10'],
    ['credits convert to a number', 'unit', UNIT_HEAD + 'credits: 5\noutcomes: []\n', ['credits'], 5],
    ['a centre number keeps its leading zero', 'centre', 'centre: { name: Northgate, number: 04512 }\nstaff: []\n', ['centre', 'number'], '04512'],
  ] as const)('%s', (_what, kind, text, path, expected) => {
    const r = read(kind, text);
    expect(r.diagnostics).toEqual([]);
    let v: any = r.data;
    for (const step of path) v = v?.[step];
    expect(v).toEqual(expected);
  });
});

interface FindingCase {
  name: string;
  kind: Kind;
  text: string;
  code: Diagnostic['code'];
  /** Which message of the code it is: what tells the cases of one code apart. */
  messageId: string;
  line: number;
  column: number;
  message: string[];
}

const findingCases: FindingCase[] = [
  {
    name: 'registered: 2026-02-30 is not a calendar date',
    kind: 'portfolio',
    text: HEAD + 'registered: 2026-02-30\n',
    code: 'invalid-date',
    messageId: 'not-a-date',
    line: 3,
    column: 13,
    message: ['"2026-02-30"', 'YYYY-MM-DD'],
  },
  {
    name: 'a date in day-month order',
    kind: 'portfolio',
    text: HEAD + 'evidence:\n' + item('E01', '    method: observation\n    date: 04/03/2026\n    ref: log\n    covers: {R/603/4411: [1.1]}\n'),
    code: 'invalid-date',
    messageId: 'not-a-date',
    line: 6,
    column: 11,
    message: ['"04/03/2026"'],
  },
  {
    name: 'an assessment dated 2026-13-01',
    kind: 'portfolio',
    text: HEAD + 'evidence:\n' + item('E01', '    method: observation\n    ref: log\n    covers: {R/603/4411: [1.1]}\n    assessment: { by: a.jones, date: 2026-13-01, decision: accepted }\n'),
    code: 'invalid-date',
    messageId: 'not-a-date',
    line: 8,
    column: 38,
    message: ['"2026-13-01"'],
  },
  {
    name: 'unknown key cover: suggests covers, at the key',
    kind: 'portfolio',
    text: HEAD + 'evidence:\n' + item('E01', '    method: observation\n    ref: log\n    cover: {R/603/4411: [1.1]}\n'),
    code: 'unknown-key',
    messageId: 'did-you-mean',
    line: 7,
    column: 5,
    message: ['"cover"', 'did you mean "covers"'],
  },
  {
    name: 'unknown top-level key optional-unit suggests optional-units',
    kind: 'portfolio',
    text: HEAD + 'optional-unit: [D/506/2119]\n',
    code: 'unknown-key',
    messageId: 'did-you-mean',
    line: 3,
    column: 1,
    message: ['"optional-unit"', 'did you mean "optional-units"'],
  },
  {
    name: 'method typo obervation suggests observation',
    kind: 'portfolio',
    text: HEAD + 'evidence:\n' + item('E01', '    method: obervation\n    ref: log\n    covers: {R/603/4411: [1.1]}\n'),
    code: 'invalid-value',
    messageId: 'did-you-mean',
    line: 5,
    column: 13,
    message: ['"obervation"', 'did you mean "observation"'],
  },
  {
    name: 'method typo in a unit specification',
    kind: 'unit',
    text: UNIT_HEAD + 'outcomes:\n  - id: "1"\n    methods: [obervation, questioning]\n    criteria: []\n',
    code: 'invalid-value',
    messageId: 'did-you-mean',
    line: 5,
    column: 15,
    message: ['"obervation"', 'did you mean "observation"'],
  },
  {
    name: 'duplicate keys: pointed at the second key',
    kind: 'portfolio',
    text: HEAD + 'assessor: a.jones\nregistered: 2026-01-12\nassessor: s.patel\n',
    code: 'duplicate-key',
    messageId: 'key-twice',
    line: 5,
    column: 1,
    message: ['"assessor"'],
  },
  {
    name: 'duplicate keys inside an evidence item',
    kind: 'portfolio',
    text: HEAD + 'evidence:\n' + item('E01', '    method: observation\n    ref: log\n    method: questioning\n    covers: {R/603/4411: [1.1]}\n'),
    code: 'duplicate-key',
    messageId: 'key-twice',
    line: 7,
    column: 5,
    message: ['"method"'],
  },
  {
    name: 'a syntax error: an unclosed flow sequence',
    kind: 'portfolio',
    text: HEAD + 'optional-units: [D/506/2119, T/506/2126\nassessor: a.jones\n',
    code: 'yaml-syntax',
    messageId: 'bad-indent',
    line: 3,
    column: 17,
    message: ['YAML syntax'],
  },
  {
    name: 'evidence with both file and url',
    kind: 'portfolio',
    text: HEAD + 'evidence:\n' + item('E01', '    method: observation\n    file: evidence/E01.md\n    url: https://example.org/e01\n    covers: {R/603/4411: [1.1]}\n'),
    code: 'evidence-location',
    messageId: 'several-locations',
    line: 4,
    column: 5,
    message: ['"E01"', 'file and url', 'exactly one'],
  },
  {
    name: 'evidence with no location',
    kind: 'portfolio',
    text: HEAD + 'evidence:\n' + item('E01', '    method: observation\n    covers: {R/603/4411: [1.1]}\n'),
    code: 'evidence-location',
    messageId: 'no-location',
    line: 4,
    column: 5,
    message: ['"E01"', 'file', 'url', 'ref'],
  },
  {
    name: 'credits that are not a whole number',
    kind: 'unit',
    text: UNIT_HEAD + 'credits: 2.5\noutcomes: []\n',
    code: 'invalid-number',
    messageId: 'not-whole',
    line: 3,
    column: 10,
    message: ['"2.5"'],
  },
  {
    name: 'min-evidence 0',
    kind: 'unit',
    text: UNIT_HEAD + 'min-evidence: 0\noutcomes: []\n',
    code: 'invalid-number',
    messageId: 'not-positive',
    line: 3,
    column: 15,
    message: ['"0"', '1 or more'],
  },
  {
    name: 'a group rule required: some',
    kind: 'qualification',
    text: 'qualification: 601/3734/4\ntitle: T\ngroups:\n  - id: mandatory\n    units: [A/506/2130]\n    required: some\n',
    code: 'invalid-value',
    messageId: 'not-allowed',
    line: 6,
    column: 15,
    message: ['"some"', 'all'],
  },
];

describe('findings with their positions', () => {
  it.each(findingCases)('$name → $code ($messageId) at $line:$column', ({ kind, text, code, messageId, line, column, message }) => {
    const { diagnostics } = read(kind, text);
    const found = diagnostics.filter((d) => d.code === code);
    expect(found, JSON.stringify(diagnostics)).toHaveLength(1);
    const d = found[0]!;
    expect([d.line, d.column]).toEqual([line, column]);
    expect(d.severity).toBe('error');
    expect(d.file).toBe(FILES[kind]);
    expect(d.messageId).toBe(messageId);
    for (const m of message) expect(d.message).toContain(m);
  });

  it('the cover typo also reports the missing covers, and nothing else', () => {
    const { diagnostics } = read('portfolio', HEAD + 'evidence:\n' + item('E01', '    method: observation\n    ref: log\n    cover: {R/603/4411: [1.1]}\n'));
    expect(diagnostics.map((d) => [d.code, d.line]).sort()).toEqual([
      ['missing-field', 4],
      ['unknown-key', 7],
    ]);
  });

  it('a syntax error yields no data', () => {
    const r = read('portfolio', HEAD + 'evidence: [unclosed\n');
    expect(r.parsed.value).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['yaml-syntax']);
  });

  it('a duplicate key is not fatal: the rest of the file is still read', () => {
    const r = read('portfolio', HEAD + 'assessor: a.jones\nassessor: s.patel\nregistered: 2026-01-12\n');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['duplicate-key']);
    expect(r.data).toMatchObject({ qualification: '601/3734/4', registered: '2026-01-12' });
  });

  it('a valid portfolio gives no findings', () => {
    const r = read('portfolio', HEAD + 'registered: 2026-01-12\nevidence:\n' + item('E01') + item('E02', '    method: witness-testimony\n    witness: w-reed\n    date: 2026-03-10\n    url: https://example.org\n    covers: {R/603/4411: 1.2}\n    assessment: { by: a.jones, date: 2026-03-12, decision: not-yet, feedback: redo }\n'));
    expect(r.diagnostics).toEqual([]);
    expect(r.data?.evidence.map((e: { id: string }) => e.id)).toEqual(['E01', 'E02']);
  });
});

describe('salvage: one broken item does not lose the others', () => {
  // Ways to break an evidence item so that it must be dropped (a required field is bad or absent).
  const broken: Record<string, string> = {
    method: '    method: obervation\n    ref: log\n    covers: {R/603/4411: [1.1]}\n',
    location: '    method: observation\n    file: evidence/x.md\n    ref: log\n    covers: {R/603/4411: [1.1]}\n',
    covers: '    method: observation\n    ref: log\n',
    bare: '', // only an id: method and covers both missing
  };
  type SalvageCase = [what: string, bad: number[], how: keyof typeof broken, codes: string[]];

  function salvage(bad: number[], how: keyof typeof broken, codes: string[]) {
    const ids = ['E01', 'E02', 'E03', 'E04'];
    const text = HEAD + 'registered: 2026-01-12\nevidence:\n' + ids.map((id, i) => (bad.includes(i) ? item(id, broken[how]) : item(id))).join('');
    const r = read('portfolio', text);
    expect(r.diagnostics.map((d) => d.code)).toEqual(codes);
    const survivors = ids.filter((_, i) => !bad.includes(i));
    expect(r.data).toBeDefined();
    expect(r.data!.registered).toBe('2026-01-12');
    expect(r.data!.evidence.map((e: { id: string }) => e.id)).toEqual(survivors);
    survivors.forEach((id, n) => {
      expect(r.validated!.indices.original(['evidence'], n)).toBe(ids.indexOf(id));
    });
  }

  it.each<SalvageCase>([
    ['the second item has a method typo', [1], 'method', ['invalid-value']],
    ['the first item gives file and ref', [0], 'location', ['evidence-location']],
    ['the last item has no covers', [3], 'covers', ['missing-field']],
    ['the third item has no covers', [2], 'covers', ['missing-field']],
    ['the last item lacks two required fields', [3], 'bare', ['missing-field', 'missing-field']],
    ['the first and third items are broken', [0, 2], 'method', ['invalid-value', 'invalid-value']],
    ['the middle two items are broken', [1, 2], 'location', ['evidence-location', 'evidence-location']],
    ['the first, second and last items have no covers', [0, 1, 3], 'covers', ['missing-field', 'missing-field', 'missing-field']],
  ])('%s', (_what, bad, how, codes) => salvage(bad, how, codes));

  // One item with two issues that each drop it ("method" and "covers" both missing) is dropped
  // once; the valid item after it must survive.
  it.each<SalvageCase>([
    ['the first item lacks two required fields', [0], 'bare', ['missing-field', 'missing-field']],
    ['the second item lacks two required fields', [1], 'bare', ['missing-field', 'missing-field']],
  ])('%s (dropped once)', (_what, bad, how, codes) => salvage(bad, how, codes));

  it('the surviving item keeps its original index and position', () => {
    const text = HEAD + 'evidence:\n' + item('E01', broken.method) + item('E02', '    method: questioning\n    ref: log\n    covers: {R/603/4411: [1.10]}\n');
    const r = read('portfolio', text);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['invalid-value', 5, 13]]);
    expect(r.data!.evidence).toEqual([{ id: 'E02', method: 'questioning', ref: 'log', covers: { 'R/603/4411': ['1.10'] } }]);
    const orig = r.validated!.indices.original(['evidence'], 0);
    expect(orig).toBe(1);
    // The original index resolves to the E02 item in the file (line 8: "  - id: E02").
    const d = resolve(r.parsed.source, { code: 'unknown-criterion', message: 'x', target: { file: FILES.portfolio, path: ['evidence', orig, 'id'] } });
    expect([d.line, d.column, d.excerpt]).toEqual([8, 9, '  - id: E02']);
    expect(r.validated!.indices.originalPath(['evidence', 0, 'covers'])).toEqual(['evidence', 1, 'covers']);
  });

  it('an optional field with a bad value is dropped, keeping the item', () => {
    const r = read('portfolio', HEAD + 'evidence:\n' + item('E01', '    method: observation\n    date: 2026-02-30\n    ref: log\n    covers: {R/603/4411: [1.1]}\n'));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['invalid-date']);
    expect(r.data!.evidence).toEqual([{ id: 'E01', method: 'observation', ref: 'log', covers: { 'R/603/4411': ['1.1'] } }]);
    expect(r.validated!.indices.original(['evidence'], 0)).toBe(0);
  });

  it('a required field gone bad in a mapping outside any list drops that mapping, keeping the portfolio', () => {
    const r = read('portfolio', HEAD + 'withdrawn: { date: 2026-02-30, reason: new job }\nevidence:\n' + item('E01', '    method: observation\n    ref: log\n    covers: {R/603/4411: [1.1]}\n'));
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['invalid-date', 3, 20]]);
    expect(r.data).toBeDefined();
    expect(r.data!.withdrawn).toBeUndefined();
    expect(r.data!.evidence).toHaveLength(1);
  });

  it('a required mapping of the file itself still fails the file', () => {
    const r = read('portfolio', HEAD.replace(/^learner:.*\n/m, 'learner: { uln: "1234567899" }\n'));
    expect(r.data).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toContain('missing-field');
  });
});
