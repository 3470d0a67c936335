// The editor JSON Schemas (schemas/*.schema.json): generated from the zod schemas, kept in
// step with the files, and in agreement with the loader. An editor (yaml-language-server) reads
// YAML with the 1.2 core schema, where folio reads every scalar as text, so each check below
// reads a file both ways: the editor's way for ajv, folio's own way for the loader.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { isMap, isSeq, LineCounter, parse, parseDocument, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { date, method, opt, positive, text, whole, WITNESS_STATUSES } from '../src/schema/common.js';
import { editorJsonSchema, jsonSchemaFor, SCHEMA_KINDS, type SchemaKind } from '../src/schema/json-schema.js';
import { parseYaml } from '../src/source.js';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const BROKEN = fileURLToPath(new URL('./fixtures/broken/', import.meta.url));
const VALID_FIXTURES = fileURLToPath(new URL('./fixtures/centre/', import.meta.url));

// draft-07 is ajv's default; strict: false lets the editor-only keyword patternErrorMessage pass.
const ajv = new Ajv({ allErrors: true, strict: false });
const validators = Object.fromEntries(SCHEMA_KINDS.map((k) => [k, ajv.compile(jsonSchemaFor(k))])) as Record<SchemaKind, ValidateFunction>;

function kindOf(rel: string): SchemaKind | undefined {
  if (/^specs\/units\/[^/]+\.ya?ml$/.test(rel)) return 'unit';
  if (/^specs\/qualifications\/[^/]+\.ya?ml$/.test(rel)) return 'qualification';
  if (rel === 'portfolios/centre.yaml') return 'centre';
  if (/^portfolios\/[^/]+\/portfolio\.yaml$/.test(rel)) return 'portfolio';
  return undefined;
}

/** The files of a centre tree that one of the schemas is for, as [path from root, kind]. */
function centreFiles(root: string): [string, SchemaKind][] {
  const walk = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((name) => {
        const p = join(dir, name);
        return statSync(p).isDirectory() ? (name === 'node_modules' || name.startsWith('.') ? [] : walk(p)) : [p];
      });
  return ['specs', 'portfolios'].flatMap((top) =>
    walk(join(root, top)).flatMap((p) => {
      const rel = relative(root, p).split('\\').join('/');
      const kind = kindOf(rel);
      return kind ? [[rel, kind] as [string, SchemaKind]] : [];
    }),
  );
}

const show = (errors: ErrorObject[] | null | undefined) => (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);

describe('the schema files', () => {
  it.each(SCHEMA_KINDS)('schemas/%s.schema.json is what jsonSchemaFor gives (regenerate: npm run build && node bin/folio.js schema)', (kind) => {
    const file = readFileSync(join(REPO, 'schemas', `${kind}.schema.json`), 'utf8');
    expect(file).toBe(`${JSON.stringify(jsonSchemaFor(kind), null, 2)}\n`);
  });

  it.each(SCHEMA_KINDS)('%s: draft-07, with an id, a title and closed objects', (kind) => {
    const s = jsonSchemaFor(kind);
    expect(s.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(s.$id).toBe(`https://folio.example/schemas/${kind}.schema.json`);
    expect(s.title).toEqual(expect.any(String));
    expect(s.description).toEqual(expect.any(String));
    expect(ajv.validateSchema(s), JSON.stringify(ajv.errors)).toBe(true);
    // Every object the loader reads is strict: no object schema may leave unknown keys open.
    const open: string[] = [];
    const visit = (node: unknown, at: string) => {
      if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${at}/${i}`));
      if (!node || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      if (o.type === 'object' && o.properties && o.additionalProperties !== false) open.push(at);
      for (const [k, v] of Object.entries(o)) visit(v, `${at}/${k}`);
    };
    visit(s, '#');
    expect(open).toEqual([]);
  });

  // A string field with no pattern or vocabulary would be a zod primitive json-schema.ts does not
  // know: the editor would then flag `id: 1.1`, which folio reads as the text "1.1".
  it('has no bare string fields', () => {
    const bare: string[] = [];
    const visit = (node: unknown, at: string) => {
      if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${at}/${i}`));
      if (!node || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      if (o.type === 'string' && o.pattern === undefined && o.enum === undefined) bare.push(at);
      for (const [k, v] of Object.entries(o)) visit(v, `${at}/${k}`);
    };
    for (const kind of SCHEMA_KINDS) visit(jsonSchemaFor(kind), kind);
    expect(bare).toEqual([]);
  });

  it('carries the fixed vocabularies as enums', () => {
    const text = JSON.stringify(SCHEMA_KINDS.map(jsonSchemaFor));
    for (const words of [
      ['observation', 'witness-testimony', 'expert-witness', 'professional-discussion', 'questioning', 'written-questions', 'work-product', 'reflective-account', 'case-study', 'project', 'simulation', 'rpl'],
      ['accepted', 'not-yet'],
      ['interim', 'summative'],
      ['agreed', 'not-agreed'],
      ['assessor', 'iqa', 'eqa', 'admin'],
      ['knowledge', 'performance'],
    ])
      expect(text).toContain(`"enum":${JSON.stringify(words)}`);
  });

  it('describes the main fields', () => {
    const props = (s: Record<string, any>) => s.properties as Record<string, { description?: string }>;
    expect(props(jsonSchemaFor('unit')).unit!.description).toMatch(/Ofqual unit reference number/);
    for (const kind of SCHEMA_KINDS) {
      const undescribed = Object.entries(props(jsonSchemaFor(kind))).filter(([, v]) => !v.description).map(([k]) => k);
      expect(undescribed, kind).toEqual([]);
    }
  });
});

describe('every sample file validates as an editor reads it', () => {
  const files = [
    ...centreFiles(REPO).map(([rel, kind]) => [rel, kind, join(REPO, rel)] as const),
    ...centreFiles(VALID_FIXTURES).map(([rel, kind]) => [`test/fixtures/centre/${rel}`, kind, join(VALID_FIXTURES, rel)] as const),
  ];

  it('finds the samples of every kind', () => {
    for (const kind of SCHEMA_KINDS) expect(files.filter((f) => f[1] === kind).length, kind).toBeGreaterThan(0);
  });

  it.each(files)('%s (%s)', (_rel, kind, path) => {
    const validate = validators[kind];
    const ok = validate(parse(readFileSync(path, 'utf8')));
    expect(show(validate.errors)).toEqual([]);
    expect(ok).toBe(true);
  });
});

// ---- the broken fixture centre: the schema reports the shape problems, and only those ----

/** The codes the schema stage gives (validate.ts and the checks of common.ts / portfolio.ts). */
const SHAPE_CODES = new Set(['unknown-key', 'missing-field', 'invalid-type', 'invalid-value', 'invalid-date', 'invalid-number', 'evidence-location', 'claim-scope']);
/** Codes of the YAML parser itself, which the editor's parser reports before any schema. */
const PARSE_CODES = new Set(['yaml-syntax', 'duplicate-key']);
/** folio's own limits on what it reads (nesting, aliases): an editor's parser has none. */
const LIMIT_CODES = new Set(['too-deep', 'alias-expansion']);

function markers(text: string): Map<number, string[]> {
  const out = new Map<number, string[]>();
  text.split('\n').forEach((line, i) => {
    const m = /#\s*expect:\s*([a-z-][a-z -]*)$/.exec(line);
    if (m) out.set(i + 1, m[1]!.trim().split(/\s+/));
  });
  return out;
}

/** Where in the file an ajv error points, as folio would point: the node at the error's path,
 * an unknown key at the key, and a missing key at the mapping that should hold it. */
function errorLine(text: string, e: ErrorObject): number {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const path = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const extra = (e.params as { additionalProperty?: string; missingProperty?: string }).additionalProperty;
  if (extra !== undefined) path.push(extra);
  let node: unknown = doc.contents;
  let offset = (node as YamlNode).range![0];
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    if (isMap(node)) {
      const pair = node.items.find((p) => String((p.key as { value?: unknown })?.value) === step);
      if (!pair) break;
      const key = pair.key as YamlNode;
      const value = pair.value as YamlNode | null;
      // The key stands for an unknown key and for an empty value.
      if ((i === path.length - 1 && extra !== undefined) || value == null) {
        offset = key.range![0];
        break;
      }
      node = value;
    } else if (isSeq(node)) {
      const item = node.items[Number(step)] as YamlNode | undefined;
      if (item == null) break;
      node = item;
    } else break;
    offset = (node as YamlNode).range![0];
  }
  return lines.linePos(offset).line;
}

/** The errors that are not only the consequence of a deeper one (a failed anyOf wrapper). */
function leafErrors(errors: ErrorObject[]): ErrorObject[] {
  const full = (e: ErrorObject) => {
    const p = e.params as { additionalProperty?: string; missingProperty?: string };
    const extra = p.additionalProperty ?? p.missingProperty;
    return extra === undefined ? e.instancePath : `${e.instancePath}/${extra}`;
  };
  return errors.filter((e) => !errors.some((o) => full(o).startsWith(`${full(e)}/`)));
}

describe('the broken fixture centre', () => {
  const files = centreFiles(BROKEN).map(([rel, kind]) => ({ rel, kind, text: readFileSync(join(BROKEN, rel), 'utf8') }));

  it('has shape problems of each kind for the schema to catch', () => {
    const codes = new Set(files.flatMap((f) => [...markers(f.text).values()].flat()));
    for (const code of SHAPE_CODES) expect(codes, code).toContain(code);
  });

  // The schema reports an error on every line marked with a shape code, and on no other line:
  // cross-file rules (unknown units, dates in order, staff roles…) are not its business.
  it.each(files.filter((f) => ![...markers(f.text).values()].flat().some((c) => PARSE_CODES.has(c) || LIMIT_CODES.has(c))))('$rel', ({ kind, text }) => {
    const validate = validators[kind];
    validate(parse(text));
    const got = [...new Set(leafErrors(validate.errors ?? []).map((e) => errorLine(text, e)))].sort((a, b) => a - b);
    const want = [...markers(text)].filter(([, codes]) => codes.some((c) => SHAPE_CODES.has(c))).map(([line]) => line);
    expect(got, show(validate.errors).join('\n')).toEqual(want);
  });

  it.each(files.filter((f) => [...markers(f.text).values()].flat().some((c) => PARSE_CODES.has(c))))('$rel: the YAML parser itself reports it', ({ text }) => {
    expect(parseDocument(text).errors.length).toBeGreaterThan(0);
    expect(() => parse(text)).toThrow();
  });
});

// ---- hand-written cases ----

const HEAD = 'learner: { name: Priya Shah, uln: "1234567899" }\nqualification: 601/3734/4\n';
const EVIDENCE = (rest: string) => `${HEAD}evidence:\n  - id: E01\n    method: observation\n    ref: log\n    covers: { A/506/2130: [1.1] }\n${rest}`;
const UNIT = (rest: string) => `unit: A/506/2130\ntitle: Deliver customer service\n${rest}outcomes:\n  - id: 1\n    criteria:\n      - id: 1.10\n`;

describe('hand-written cases', () => {
  it.each([
    ['unit', UNIT('level: 2\ncredits: "5"\nglh: 27\n')],
    ['unit', UNIT('aliases: [201, "0201"]\ncredits:\nglh: ~\nmin-evidence: 2\n')],
    ['unit', UNIT('guidance: true\nsource: seeds/001.txt\n')],
    ['portfolio', EVIDENCE('registered: 2024-02-29\n')],
    ['portfolio', EVIDENCE('assessor:\nnotes: null\n')],
    ['portfolio', `${HEAD}witnesses:\n  - { id: w-reed, name: Tom Reed, status: 3 }\n  - { id: w-lee, name: Ann Lee, status: "5" }\n`],
    ['portfolio', `${HEAD}evidence:\n  - { id: E08, method: witness-testimony, url: https://example.org/x, file: "", covers: { A/506/2130: 4.4 } }\n`],
    ['centre', 'centre: { name: Northgate Training, number: "" }\nstaff:\n  - { id: a.jones, name: Alex Jones, roles: [assessor], email: [a@x.example, b@x.example] }\npolicy:\n  evidence-currency-years:\n'],
    ['qualification', 'qualification: 601/3734/4\ntitle: Diploma\nmin-credits-at-level: { level: 2, credits: "45" }\ngroups:\n  - { id: mandatory, required: all, units: [A/506/2130] }\n'],
  ] as const)('%s accepts %j', (kind, yaml) => {
    const validate = validators[kind];
    validate(parse(yaml));
    expect(show(validate.errors)).toEqual([]);
  });

  it.each([
    ['an unknown key', 'portfolio', EVIDENCE('registerd: 2026-01-12\n'), 'must NOT have additional properties'],
    ['an unknown key in an evidence item', 'portfolio', EVIDENCE('    cover: { A/506/2130: [1.2] }\n'), 'must NOT have additional properties'],
    ['a method not in the vocabulary', 'portfolio', `${HEAD}evidence:\n  - { id: E01, method: obervation, ref: log, covers: { A/506/2130: [1.1] } }\n`, 'must be equal to one of the allowed values'],
    ['month 13', 'portfolio', `${HEAD}registered: 2026-13-01\n`, 'must match pattern'],
    ['30 February', 'portfolio', `${HEAD}registered: 2026-02-30\n`, 'must match pattern'],
    ['29 February in a common year', 'portfolio', `${HEAD}registered: 2100-02-29\n`, 'must match pattern'],
    ['a date written day first', 'portfolio', `${HEAD}registered: 12/01/2026\n`, 'must match pattern'],
    ['credits "five"', 'unit', UNIT('credits: "five"\n'), 'must match pattern'],
    ['credits five', 'unit', UNIT('credits: five\n'), 'must match pattern'],
    ['credits 2.5', 'unit', UNIT('credits: 2.5\n'), 'must be integer'],
    ['min-evidence 0', 'unit', UNIT('min-evidence: 0\n'), 'must be >= 1'],
    ['a required field left empty', 'portfolio', 'learner: { name: Priya Shah }\nqualification:\n', 'must be string,number,boolean'],
    ['a missing required field', 'unit', 'unit: A/506/2130\ntitle: x\n', "must have required property 'outcomes'"],
    ['text where a list belongs', 'centre', 'centre: { name: N }\nstaff:\n  - { id: a, name: A, roles: assessor }\n', 'must be array'],
    ['a witness status out of range', 'portfolio', `${HEAD}witnesses:\n  - { id: w, name: W, status: 6 }\n`, 'must be equal to one of the allowed values'],
    ['an item with no location', 'portfolio', `${HEAD}evidence:\n  - { id: E01, method: observation, covers: { A/506/2130: [1.1] } }\n`, 'must match exactly one schema in oneOf'],
    ['an item with file and ref', 'portfolio', `${HEAD}evidence:\n  - { id: E01, method: observation, file: a.md, ref: log, covers: { A/506/2130: [1.1] } }\n`, 'must match exactly one schema in oneOf'],
  ] as const)('rejects %s', (_what, kind, yaml, message) => {
    const validate = validators[kind];
    expect(validate(parse(yaml))).toBe(false);
    expect(show(validate.errors).join('\n')).toContain(message);
  });
});

// ---- each primitive: the editor's verdict on a value is folio's verdict on the same text ----

describe('scalars: the editor agrees with the loader', () => {
  const PRIMITIVES = { text, whole, positive, date, method, 'witness status': z.enum(WITNESS_STATUSES) } as const;
  const RAW = [
    'x', '5', '"5"', '" 5 "', '0', '007', '-1', '1.5', '1.10', 'five', '"five"', 'true', 'NO', '', '~', 'null', '""',
    '2026-03-04', '"2026-03-04"', "' 2026-03-04 '", '2024-02-29', '2000-02-29', '1900-02-29', '2026-02-29', '2026-04-31',
    '2026-13-01', '2026-00-10', '2026-3-4', '26-03-04', '04/03/2026', '0050-01-01', '0100-01-01', '0400-02-29', '9999-12-31',
    '3', '6', '"3"', 'observation', 'obervation', '[5]', '{ a: 1 }',
  ];
  // What an editor cannot tell apart: it sees only the number a core parser makes of these.
  const SAME_NUMBER = new Map<string, string[]>([
    ['whole', ['5.0', '0x1F', '0o17', '1e3', '+5']],
    ['positive', ['007', '5.0', '0x1F', '0o17', '1e3', '+5']],
    ['witness status', ['03', '3.0', '+3', '0x3']],
  ]);

  const folioReads = (raw: string) => (parseYaml('t.yaml', `v: ${raw}\n`).value as { v: unknown }).v;
  const editorReads = (raw: string) => (parse(`v: ${raw}\n`) as { v: unknown }).v;

  for (const [name, schema] of Object.entries(PRIMITIVES)) {
    for (const [required, field] of [
      ['required', schema],
      ['optional', opt(schema)],
    ] as const) {
      const check = ajv.compile(editorJsonSchema(z.strictObject({ v: field as z.ZodType })));
      it(`${name}, ${required}`, () => {
        const known = SAME_NUMBER.get(name) ?? [];
        const disagree = RAW.filter((raw) => !known.includes(raw)).filter((raw) => z.strictObject({ v: field as z.ZodType }).safeParse({ v: folioReads(raw) }).success !== check({ v: editorReads(raw) }));
        expect(disagree).toEqual([]);
        for (const raw of known) {
          expect(z.strictObject({ v: field as z.ZodType }).safeParse({ v: folioReads(raw) }).success, raw).toBe(false);
          expect(check({ v: editorReads(raw) }), raw).toBe(true);
        }
      });
    }
  }

  it('dates: every day of four years and the impossible ones around them', () => {
    const check = ajv.compile(editorJsonSchema(z.strictObject({ v: date })));
    const disagree: string[] = [];
    for (const y of ['0099', '0100', '1900', '2000', '2024', '2026', '2100', '2400'])
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++) {
          const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          if (date.safeParse(s).success !== check({ v: s })) disagree.push(s);
        }
    expect(disagree).toEqual([]);
  });
});
