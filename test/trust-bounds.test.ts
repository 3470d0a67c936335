// Issue 14, bounded work and exact positions: what one hostile file can make folio do. Alias
// bombs, deep nesting, many items and long lines finish quickly with a finding at their place;
// positions stay exact after syntax errors and for alias keys; numbers beyond the exact range
// are refused; and the fast reader agrees with the yaml library, positions included.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { placesFast, readFast } from '../src/fast-yaml.js';
import { lazySource, offsetOf, toPlain } from '../src/source.js';
import { coverage } from '../src/status/learner.js';
import { IndexMap } from '../src/schema/validate.js';
import type { Evidence, Learner } from '../src/model/types.js';
import type { Index } from '../src/model/index.js';
import { FIXTURES, folio } from './helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the fixture centre with one more learner whose portfolio is text. */
function centreWith(learner: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'folio-bounds-'));
  dirs.push(dir);
  cpSync(join(FIXTURES, 'centre'), dir, { recursive: true });
  mkdirSync(join(dir, 'portfolios', learner));
  writeFileSync(join(dir, 'portfolios', learner, 'portfolio.yaml'), text);
  return dir;
}

interface Json {
  diagnostics: { file: string; line: number; column: number; code: string; message: string }[];
  summary: { errors: number };
}

async function check(dir: string, ...args: string[]) {
  const r = await folio(['check', '-C', dir, '--format', 'json', ...args]);
  return { code: r.code, json: JSON.parse(r.stdout) as Json };
}

const HEAD = 'learner: { name: Hos Tile }\nqualification: 600/1234/1\nassessor: a.jones\n';
const mine = (j: Json, learner: string) => j.diagnostics.filter((d) => d.file === `portfolios/${learner}/portfolio.yaml`);

describe('resource bombs end with a finding at their place', () => {
  it('a billion laughs: nested aliases are reported at the alias, quickly', async () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9).fill(`*${'abcdefghi'[i - 1]}`).join(', ')}]`);
    const text = `${HEAD}notes:\n${levels.map((l) => `  ${l}`).join('\n')}\n`;
    const started = Date.now();
    const { code, json } = await check(centreWith('S-LAUGH', text));
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(code).toBe(1);
    const found = mine(json, 'S-LAUGH');
    expect(found.map((d) => d.code)).toEqual(['alias-expansion']);
    // the first alias whose expansion crosses 100,000 values: in f (9^6 values)
    expect(found[0]!.line).toBe(10);
    expect(found[0]!.column).toBe(10);
  }, 60_000);

  it.each([
    ['a mapping', `${HEAD}notes:\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(2 * i + 2)}k${i}:`).join('\n')}\n`],
    ['a flow sequence', `${HEAD}notes: ${'['.repeat(1000)}${']'.repeat(1000)}\n`],
    ['a block sequence', `${HEAD}notes:\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(2 * i + 2)}-`).join('\n')}\n`],
    ['aliases inside deep nesting', `${HEAD}notes:\n  a: &a ${'['.repeat(40)}${']'.repeat(40)}\n  b: ${'['.repeat(40)}*a${']'.repeat(40)}\n`],
  ])('1,000 levels deep in %s: too-deep, no stack overflow', async (_name, text) => {
    const { code, json } = await check(centreWith('S-DEEP', text));
    expect(code).toBe(1);
    const found = mine(json, 'S-DEEP');
    expect(found.map((d) => d.code)).toEqual(['too-deep']);
    expect(found[0]!.line).toBeGreaterThan(3);
    expect(JSON.stringify(json)).not.toMatch(/call stack/i);
  }, 60_000);

  it('a 300 KB line is quoted only around the column', async () => {
    const long = Array.from({ length: 40_000 }, () => 'abcdefg').join(', ');
    const dir = centreWith('S-LONG', `${HEAD}evidense: [${long}]\n`);
    const r = await folio(['check', '-C', dir]);
    const out = r.stdout.split('\n');
    const at = out.findIndex((l) => l.includes('[unknown-key]'));
    expect(at).toBeGreaterThan(-1);
    expect(Math.max(...out.map((l) => l.length))).toBeLessThan(400);
    expect(r.stdout.length).toBeLessThan(20_000);
    // and where the finding is far along a long line, the caret still sits under it
    const dir2 = centreWith('S-LONG', `${HEAD}evidence: [${'{id: a, method: rpl, ref: r, covers: {102: 1.1}}, '.repeat(6000)}{id: z, method: bad, ref: r, covers: {102: 1.1}}]\n`);
    const r2 = await folio(['check', '-C', dir2]);
    const lines = r2.stdout.split('\n');
    const i = lines.findIndex((l) => l.includes('"bad" is not allowed'));
    expect(i).toBeGreaterThan(-1);
    const excerpt = lines[i + 1]!;
    const caret = lines[i + 2]!;
    expect(excerpt.length).toBeLessThan(260);
    expect(excerpt).toContain('…');
    expect(excerpt.slice(caret.indexOf('^'), caret.indexOf('^') + 3)).toBe('bad');
  }, 60_000);
});

describe('many items take linear time', () => {
  // The quadratic parts, alone: a list search per covering item, a sort per dropped item.
  it('coverage of one criterion by 200,000 items', () => {
    const evidence = Array.from({ length: 200_000 }, (_, i) => ({ id: `E${i}`, covers: [{ unitRef: 'U', criteria: [{ criterion: '1.1' }] }] }) as unknown as Evidence);
    const index = { canonical: (r: string) => r } as unknown as Index;
    const started = Date.now();
    const map = coverage({ evidence } as unknown as Learner, index);
    expect(map.get('U')!.get('1.1')!.length).toBe(200_000);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('the file index of 200,000 dropped items', () => {
    const ix = new IndexMap();
    const started = Date.now();
    for (let i = 199_999; i >= 0; i -= 2) ix.drop(['evidence'], i);
    let wrong = 0;
    for (let n = 0; n < 100_000; n++) if (ix.original(['evidence'], n) !== 2 * n) wrong++;
    expect(wrong).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  const items = (n: number, item: (id: string) => string) => `${HEAD}evidence:\n${Array.from({ length: n }, (_, i) => item(`E${i.toString(36)}`)).join('\n')}\n`;

  // End to end, as many items as a file folio reads may hold (50,000 keys and values); the loops above are the
  // ones that were quadratic, at 200,000.
  it('6,000 evidence items on one criterion', async () => {
    const dir = centreWith('S-BIG', items(6_000, (id) => `- {id: ${id},method: questioning,ref: r,covers: {R/600/0002: 1.1}}`));
    const started = Date.now();
    const r = await folio(['status', 'S-BIG', '-C', dir, '--format', 'json']);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`"E${(5_999).toString(36)}"`); // the last item is listed on the criterion
  }, 120_000);

  it('6,000 broken items in one list, each reported at its line', async () => {
    const dir = centreWith('S-BIG', items(6_000, (id) => `- {id: ${id},method: rpl,covers: {R/600/0002: 1.1}}`));
    const started = Date.now();
    const { json } = await check(dir);
    expect(Date.now() - started).toBeLessThan(60_000);
    const found = mine(json, 'S-BIG');
    expect(found.length).toBe(6_000);
    expect(found.every((d) => d.code === 'evidence-location')).toBe(true);
    expect(found[5_999]!.line).toBe(6_004);
  }, 120_000);
});

describe('exact positions', () => {
  it('after a YAML syntax error, later findings are on their own lines', async () => {
    const base = readFileSync(join(FIXTURES, 'centre', 'portfolios', 'S-ACH', 'portfolio.yaml'), 'utf8');
    const text = base.replace('covers: { L/600/0001: [2.1, 2.2] }, assessment: { by: a.jones, date: 2026-03-10', 'covers: { L/600/0001: [2.1, 2.2]"}, assessment: { by: a.jones, date: 2026-03-10');
    expect(text).not.toBe(base);
    const { json } = await check(centreWith('S-SYN', text));
    const found = mine(json, 'S-SYN');
    expect(found.map((d) => [d.code, d.line])).toEqual([
      ['yaml-syntax', 10],
      ['yaml-syntax', 18],
    ]);
  });

  it('an alias used as a key is read as its value and placed at the alias', async () => {
    const { json } = await check(centreWith('S-ALIAS', `${HEAD}registered: &k 2026-01-01\nevidence:\n  - id: E1\n    *k : x\n`));
    const found = mine(json, 'S-ALIAS').filter((d) => d.code === 'unknown-key');
    expect(found).toHaveLength(1);
    expect([found[0]!.line, found[0]!.column]).toEqual([7, 5]);
    expect(found[0]!.message).toContain('"2026-01-01"');
  });

  it('an alias key repeating another key is a duplicate key', async () => {
    const { json } = await check(centreWith('S-ALIAS', `learner: { name: &n name }\nqualification: 600/1234/1\nnotes: a\n*n : b\n`));
    expect(mine(json, 'S-ALIAS').map((d) => d.code)).toContain('unknown-key');
    const { json: j2 } = await check(centreWith('S-ALIAS', `learner: { name: A }\nqualification: &q qualification\n*q : 600/1234/1\n`));
    expect(mine(j2, 'S-ALIAS').map((d) => [d.code, d.line, d.column])).toContainEqual(['duplicate-key', 3, 1]);
  });

  it.each([
    ['99999999999999999999999', true],
    ['9007199254740993', true],
    ['9007199254740991', false],
    ['3', false],
  ])('credits: %s refused beyond the exact range (%s)', async (credits, refused) => {
    const dir = centreWith('S-NUM', `${HEAD}`);
    const unit = join(dir, 'specs', 'units', 'L-600-0001.yaml');
    writeFileSync(unit, readFileSync(unit, 'utf8').replace(/^credits: .*$/m, `credits: ${credits}`));
    const { json } = await check(dir);
    const found = json.diagnostics.filter((d) => d.file === 'specs/units/L-600-0001.yaml' && d.code === 'invalid-number');
    if (!refused) return expect(found).toEqual([]);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('9007199254740991');
    expect(found[0]!.line).toBe(4);
  });
});

describe('the fast reader agrees with the yaml library', () => {
  const heads = ['a:', 'x:\n  a:', '- a:', '-', 'x:\n  -', 'x:\n  - y: 1\n    a:', '- - a:', 'a: # k', 'x:\n    a:'];
  const cases: string[] = [];
  for (const h of heads) for (let cc = 0; cc <= 5; cc++) for (let vc = 0; vc <= 6; vc++) for (const v of ['b', 'b c', '"b"', 'b: c', '- b', '[b]']) cases.push(`${h}\n${' '.repeat(cc)}# c\n${' '.repeat(vc)}${v}\nz: 1\n`);

  it(`on ${cases.length} documents with a comment line between a key or dash and its value`, () => {
    const problems: string[] = [];
    for (const text of cases) {
      const fast = readFast(text);
      if (!fast) continue;
      const doc = parseDocument(text, { schema: 'failsafe', uniqueKeys: true, prettyErrors: false });
      if (doc.errors.length) problems.push(`${JSON.stringify(text)}: read, but the library reports ${doc.errors[0]!.code}`);
      else if (JSON.stringify(toPlain(doc.contents, doc)) !== JSON.stringify(fast.value)) problems.push(`${JSON.stringify(text)}: ${JSON.stringify(fast.value)}`);
    }
    expect(problems).toEqual([]);
  });

  /** Every data path of a value, with a path that leaves it at each collection. */
  function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
    if (v === null || typeof v !== 'object') return out;
    out.push([...at, 'no-such-key'], [...at, 99_999]);
    for (const [k, x] of Object.entries(v)) {
      const step = Array.isArray(v) ? Number(k) : k;
      out.push([...at, step]);
      paths(x, [...at, step], out);
    }
    return out;
  }

  it('places every path of the fixture files where the syntax tree places it', () => {
    const files = ['centre/portfolios/S-ACH/portfolio.yaml', 'centre/portfolios/S-MIX/portfolio.yaml', 'centre/specs/units/L-600-0001.yaml', 'centre/specs/qualifications/600-1234-1.yaml', 'centre/portfolios/centre.yaml'];
    const extra = ['a:\nb: 1\n', 'a: # c\nb: 1\n', 'a:\n  - \n  -\n  - x\n', 'x: [a, b]\n', 'x: {a: , b}\n', 'x: |\n  q\n', "x: 'q'\ny: ~\n", '- a: 1\n  b:\n', 'k:\n- a\n- b\n'];
    const texts = [...files.map((f) => readFileSync(join(FIXTURES, f), 'utf8')), ...extra];
    let compared = 0;
    for (const text of texts) {
      const places = placesFast(text);
      expect(places, text).toBeDefined();
      const source = lazySource('f', () => text);
      const viaTree = { ...source, places: undefined, text, doc: source.doc, lines: source.lines };
      for (const path of paths(readFast(text)!.value)) {
        for (const key of [false, true]) {
          const f = { code: 'unknown-key' as const, message: '', target: { file: 'f', path, key } };
          expect(places!.offset(path, key), `${JSON.stringify(path)} ${key} in ${JSON.stringify(text.slice(0, 40))}`).toBe(offsetOf(viaTree, f) ?? undefined);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });
});

describe('one value longer than folio reads', () => {
  it.each([
    ['a plain value', (long: string) => `${HEAD}notes: ${long}\n`, [4, 8]],
    ['an explicit key (an implicit one stops at 1,024 characters)', (long: string) => `${HEAD}? ${long}\n: x\n`, [4, 3]],
    ['an item of a flow list', (long: string) => `${HEAD}optional-units: [a, ${long}]\n`, [4, 21]],
  ])('%s of 10,001 characters: value-too-long at its place, the file skipped', async (_name, text, [line, column]) => {
    const dir = centreWith('S-LONGV', text('y'.repeat(10_001)));
    const { json } = await check(dir);
    expect(mine(json, 'S-LONGV').map((d) => [d.code, d.line, d.column])).toEqual([['value-too-long', line, column]]);
  });

  it('50,001 keys and values: too-many-values, the file skipped', async () => {
    const text = `${HEAD}notes:\n${Array.from({ length: 50_000 }, () => '  - x').join('\n')}\n`;
    const { json } = await check(centreWith('S-LONGV', text));
    expect(mine(json, 'S-LONGV').map((d) => d.code)).toEqual(['too-many-values']);
  });

  it('10,000 characters are read', async () => {
    const { json } = await check(centreWith('S-LONGV', `${HEAD}notes: ${'y'.repeat(10_000)}\n`));
    expect(mine(json, 'S-LONGV').map((d) => d.code)).not.toContain('value-too-long');
  });
});

describe('messages quote a short excerpt of a value', () => {
  it('a 5,000-character evidence id used twice is quoted in at most 60 characters', async () => {
    const id = 'E'.repeat(5_000);
    const text = `${HEAD}evidence:\n  - {id: ${id}, method: rpl, ref: r, covers: {R/600/0002: 1.1}}\n  - {id: ${id}, method: rpl, ref: r, covers: {R/600/0002: 1.1}}\n`;
    const { json } = await check(centreWith('S-QUOTE', text));
    const found = mine(json, 'S-QUOTE');
    expect(found.map((d) => d.code)).toContain('duplicate-evidence-id');
    for (const d of found) expect(d.message.length).toBeLessThan(400);
  });
});
