// The fast YAML reader (src/fast-yaml.ts) against its oracle, the yaml library followed by
// toPlain (src/source.ts). The contract, for every text: readFast either declines (undefined)
// or returns exactly what toPlain gives for a document the yaml library parses without errors.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readFast } from '../src/fast-yaml.js';
import { toPlain } from '../src/source.js';
import { REPO, yamlFiles } from './helpers.js';
import { mulberry32 as prng } from './prng.js';

// ---------------------------------------------------------------------------------------------
// The contract

/** Where two plain values differ, strictly: types, array lengths, own keys in order (with
 * `__proto__` as an ordinary own key), prototypes, strings byte for byte. */
function difference(actual: unknown, expected: unknown, path = '$'): string | undefined {
  if (expected === null || typeof expected === 'string') {
    return actual === expected ? undefined : `${path}: ${JSON.stringify(actual)} instead of ${JSON.stringify(expected)}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path}: ${JSON.stringify(actual)} instead of an array`;
    if (actual.length !== expected.length) return `${path}: ${actual.length} items instead of ${expected.length}`;
    for (let i = 0; i < expected.length; i++) {
      const d = difference(actual[i], expected[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return `${path}: ${JSON.stringify(actual)} instead of an object`;
    if (Object.getPrototypeOf(actual) !== Object.getPrototypeOf(expected)) return `${path}: a different prototype`;
    const a = Reflect.ownKeys(actual);
    const e = Reflect.ownKeys(expected);
    if (a.join('\0') !== e.join('\0')) return `${path}: keys ${JSON.stringify(a.map(String))} instead of ${JSON.stringify(e.map(String))}`;
    for (const k of e) {
      const d = difference((actual as Record<string | symbol, unknown>)[k], (expected as Record<string | symbol, unknown>)[k], `${path}.${String(k)}`);
      if (d) return d;
    }
    return undefined;
  }
  return `${path}: unexpected expected value ${String(expected)}`;
}

function viaYaml(text: string): { value: unknown } | { errors: string[] } {
  const doc = parseDocument(text, { schema: 'failsafe', uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) return { errors: doc.errors.map((e) => e.code) };
  return { value: toPlain(doc.contents, doc) };
}

type Outcome = { accepted: true; value: unknown } | { accepted: false } | { violation: string };

/** readFast on text, checked against the contract. */
function judge(text: string): Outcome {
  let fast: { value: unknown } | undefined;
  try {
    fast = readFast(text);
  } catch (e) {
    return { violation: `threw ${String(e)}` };
  }
  if (fast === undefined) return { accepted: false };
  const yaml = viaYaml(text);
  if ('errors' in yaml) return { violation: `accepted, but the yaml library reports ${yaml.errors.join(', ')}` };
  const d = difference(fast.value, yaml.value);
  if (d) return { violation: `differs from toPlain at ${d}` };
  return { accepted: true, value: fast.value };
}

// ---------------------------------------------------------------------------------------------
// 1. Hand-written documents, one construct or edge case each. `value` means the reader must
// accept the text and give that value (which must also be toPlain's); DECLINED means it must
// decline: either the yaml library reports an error, or the construct is outside the subset.

const DECLINED = Symbol('declined');
type Case = [name: string, text: string, expected: unknown];

const CASES: Case[] = [
  // Plain scalars: every scalar is text; the null words and absent values are null.
  ['plain value', 'a: b', { a: 'b' }],
  ['numbers, dates and booleans stay text', 'v: 1.10\nd: 2026-03-04\nb: NO\ny: yes\nn: -1\nz: "01"', { v: '1.10', d: '2026-03-04', b: 'NO', y: 'yes', n: '-1', z: '01' }],
  ['null words and absent values', 'a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: nUll', { a: null, b: null, c: null, d: null, e: null, f: 'nUll' }],
  ['quoted null words stay text', `a: ""\nb: "null"\nc: '~'\nd: ''`, { a: '', b: 'null', c: '~', d: '' }],
  ['URL with colons', 'url: https://x.example:8080/a?b=c#d', { url: 'https://x.example:8080/a?b=c#d' }],
  ['a:b is one scalar', 'a:b', 'a:b'],
  ['a:b as a value', 'k: a:b', { k: 'a:b' }],
  ['a: b: c is an error', 'a: b: c', DECLINED],
  ['a value ending in a colon is an error', 'a: b:', DECLINED],
  ['comment after a space', 'a: b #c', { a: 'b' }],
  ['# without a space is text', 'a: b#c', { a: 'b#c' }],
  ['a lone # at the end', 'a: b #', { a: 'b' }],
  ['comment right after a quote is an error', "a: 'b'#c", DECLINED],
  ['comment after a quote and a space', 'a: "b" # c', { a: 'b' }],
  ['comment where the value would be', 'a: # nothing here\nb: 1', { a: null, b: '1' }],
  ['trailing spaces are not part of a plain scalar', 'a: b   \nc:    d', { a: 'b', c: 'd' }],
  ['flow indicators inside a block plain scalar', 'a: x [y] {z}, w', { a: 'x [y] {z}, w' }],
  ['-, ? and : may start a plain scalar before a non-space', 'a: -x\nb: ?x\nc: :x', { a: '-x', b: '?x', c: ':x' }],
  ['% cannot start a plain scalar', 'a: %x', DECLINED],
  ['@ cannot start a plain scalar', 'a: @x', DECLINED],
  ['backtick cannot start a plain scalar', 'a: `x', DECLINED],
  ['no-break spaces are text, not space', 'a: \u00a0x\u00a0', { a: '\u00a0x\u00a0' }],
  ['a plain scalar over two lines', 'a: b\n  c', DECLINED],
  ['a root plain scalar over two lines', 'a\nb', DECLINED],
  ['a sequence on the key line is an error', 'a: - b', DECLINED],

  // Quoted scalars
  ["'' in single quotes", "'it''s'", "it's"],
  ['single-quoted value', "a: 'it''s ''quoted'''", { a: "it's 'quoted'" }],
  ['double-quoted escapes', 'a: "\\t\\u00e9\\x41\\n"', { a: '\t\u00e9A\n' }],
  ['every one-character escape', 'a: "\\0\\a\\b\\e\\f\\n\\r\\t\\v\\N\\_\\L\\P\\ \\"\\/\\\\"', { a: '\0\x07\b\x1b\f\n\r\t\v\u0085\u00a0\u2028\u2029 "/\\' }],
  ['8-digit and surrogate-pair escapes', 'a: "\\U0001F600\\uD83D\\uDE00"', { a: '\u{1F600}\u{1F600}' }],
  ['quotes keep their spaces', `a: "  x  "\nb: '  y '`, { a: '  x  ', b: '  y ' }],
  ['the other quote inside', `a: "it's"\nb: 'say "hi"'`, { a: "it's", b: 'say "hi"' }],
  ['invalid escape', 'a: "\\q"', DECLINED],
  ['short hex escape', 'a: "\\x4"', DECLINED],
  ['code point beyond Unicode', 'a: "\\U00110000"', DECLINED],
  ['unterminated double quote', 'a: "x', DECLINED],
  ['unterminated single quote', "a: 'x", DECLINED],
  ['text after a closing quote', 'a: "x"y', DECLINED],
  ['double-quoted over two lines', 'a: "x\n  y"', DECLINED],
  ['single-quoted over two lines', "a: 'x\n  y'", DECLINED],
  ['an escaped line break', 'a: "x\\\n  y"', DECLINED],

  // Keys
  ['quoted keys', `"a b": 1\n'c': 2`, { 'a b': '1', c: '2' }],
  ['spaces before the colon', `a  : b\n"c" : d`, { a: 'b', c: 'd' }],
  ['duplicate key', 'a: 1\na: 2', DECLINED],
  ['duplicate key, one quoted', '"a": 1\na: 2', DECLINED],
  ['duplicate key, both spelled differently', "'a': 1\n\"a\": 2", DECLINED],
  ['duplicate number-like keys', '1: a\n"1": b', DECLINED],
  ['duplicate key in a flow mapping', 'a: {x: 1, "x": 2}', DECLINED],
  ['duplicate key in a nested mapping', 'a:\n  b: 1\n  b: 2', DECLINED],
  ['the same key in different mappings', 'a:\n  b: 1\nc:\n  b: 2', { a: { b: '1' }, c: { b: '2' } }],
  ['integer-like keys keep JavaScript order, as in toPlain', 'b: 1\n2: x\na: 3', { b: '1', 2: 'x', a: '3' }],
  ['__proto__ is an own key', '__proto__: x\na: {__proto__: [y]}', JSON.parse('{"__proto__":"x","a":{"__proto__":["y"]}}')],
  ['<< is an ordinary key (failsafe has no merge)', '<<: {a: 1}\nb: 2', { '<<': { a: '1' }, b: '2' }],
  ['indicators inside plain keys', 'a#b: 1\na,b: 2\na"b: 3\n-a: 4\nhttp://x: 5', { 'a#b': '1', 'a,b': '2', 'a"b': '3', '-a': '4', 'http://x': '5' }],
  ['a comment before the colon leaves a scalar', 'a #b: c', 'a'],
  ['explicit ? keys', '? a\n: b', DECLINED],
  ['a key over 1024 characters', `${'k'.repeat(1100)}: v`, DECLINED],
  ['a key just under the limit', `${'k'.repeat(999)}: v`, { ['k'.repeat(999)]: 'v' }],

  // Block collections
  ['- - x', '- - x', [['x']]],
  ['compact nested sequences', '- - x\n  - y\n- z', [['x', 'y'], 'z']],
  ['compact mappings in a sequence', '- a: 1\n  b: 2\n- c: 3', [{ a: '1', b: '2' }, { c: '3' }]],
  ['more spaces after the dash', '-   a: 1\n    b: 2', [{ a: '1', b: '2' }]],
  ['a compact mapping line less indented', '-   a: 1\n  b: 2', DECLINED],
  ['key: followed by a less-indented line', 'a:\n  b:\nc: 1', { a: { b: null }, c: '1' }],
  ['key: at the end of the text', 'a: 1\nb:', { a: '1', b: null }],
  ['a sequence at the key column', 'a:\n- x\n- y\nb: 1', { a: ['x', 'y'], b: '1' }],
  ['a sequence at the key column of a compact mapping', '- a:\n  - x\n  b: 1', [{ a: ['x'], b: '1' }]],
  ['empty sequence items', '-\n- x\n- # c\n-', [null, 'x', null, null]],
  ['an item on the next line', '-\n  a: 1\n-\n  - x\n-\n  y', [{ a: '1' }, ['x'], 'y']],
  ['a scalar on the line after its key', 'a:\n  b\nc: d', { a: 'b', c: 'd' }],
  ['an indented root', '  a: 1\n  b: 2', { a: '1', b: '2' }],
  ['an indented root sequence', '  - a\n  - b', ['a', 'b']],
  ['a sibling less indented than the first key', 'a:\n    b: 1\n  c: 2', DECLINED],
  ['a sibling more indented', 'a: 1\n b: 2', DECLINED],
  ['an item more indented than the first', '- a\n - b', DECLINED],
  ['text after the root collection', '  a: 1\nb: 2', DECLINED],
  ['comment lines at any indentation', 'a:\n  b: 1\n# c\n      # d\n  c: 2', { a: { b: '1', c: '2' } }],
  ['blank lines with spaces between entries', 'a: 1\n   \n\nb: 2\n  \n', { a: '1', b: '2' }],
  ['a more-indented comment after a value', 'a: x\n   # c\nb: 1', { a: 'x', b: '1' }],

  // Flow collections on one line
  ['empty flow collections', 'a: []\nb: {}\nc: [ ]\nd: { }', { a: [], b: {}, c: [], d: {} }],
  ['a flow mapping', 'a: { by: a.jones, date: 2026-03-06, decision: accepted }', { a: { by: 'a.jones', date: '2026-03-06', decision: 'accepted' } }],
  ['a flow sequence', 'a: [4.1, 4.2]', { a: ['4.1', '4.2'] }],
  ['trailing commas', 'a: [x, y, ]\nb: {c: 1,}', { a: ['x', 'y'], b: { c: '1' } }],
  ['nested flow collections', 'a: { b: [1, {c: d}], e: [[], {}] }', { a: { b: ['1', { c: 'd' }], e: [[], {}] } }],
  ['quoted scalars in flow', `a: ["x, y", 'it''s', "]"]`, { a: ['x, y', "it's", ']'] }],
  ['null words in flow', 'a: [~, null, "null", ""]', { a: [null, null, 'null', ''] }],
  ['flow keys without values', 'a: {x, y: 1, z: }', { a: { x: null, y: '1', z: null } }],
  ['a JSON-like key needs no space after the colon', 'a: {"x":y}', { a: { x: 'y' } }],
  ['a flow value right after a colon', 'a: {x:[y], z:{w}}', { a: { x: ['y'], z: { w: null } } }],
  ['a:b in a flow mapping is one key', 'a: {x:y}', { a: { 'x:y': null } }],
  ['a:b in a flow sequence is one scalar', 'a: [x:y, http://z]', { a: ['x:y', 'http://z'] }],
  ['-, ? and : may start a flow scalar', 'a: [-x, ?y, :z]', { a: ['-x', '?y', ':z'] }],
  ['a flow collection at the root', '[a, {b: c}]', ['a', { b: 'c' }]],
  ['a flow collection in a sequence', '- [a]\n- {b: c}', [['a'], { b: 'c' }]],
  ['a comment after a flow collection', 'a: [x] # c', { a: ['x'] }],
  ['a comment right after a flow collection', 'a: [x]# c', DECLINED],
  ['text after a flow collection', 'a: [x] y', DECLINED],
  ['[,] is an error', 'a: [,]', DECLINED],
  ['two commas', 'a: [x, , y]', DECLINED],
  ['a pair in a flow sequence', 'a: [x: y]', DECLINED],
  ['a flow collection over two lines', 'a: [x,\n  y]', DECLINED],
  ['a comment inside a flow collection', 'a: [x #c\n]', DECLINED],
  ['an unclosed flow collection', 'a: [x', DECLINED],
  ['a flow collection as a key', '[a]: b', DECLINED],
  ['a collection as a flow key', 'a: {[x]: y}', DECLINED],

  // Block scalars
  ['literal', 'a: |\n  x\n  y\n', { a: 'x\ny\n' }],
  ['literal keeps more indentation', 'a: |\n    x\n      y\n    z', { a: 'x\n  y\nz\n' }],
  ['literal, clip: one final line break', 'a: |\n  x\n\n\nb: 1', { a: 'x\n', b: '1' }],
  ['literal, strip: none', 'a: |-\n  x\n\n\nb: 1', { a: 'x', b: '1' }],
  ['literal, keep: all', 'a: |+\n  x\n\n\nb: 1', { a: 'x\n\n\n', b: '1' }],
  ['blank lines inside a literal', 'a: |\n  x\n\n  y\n', { a: 'x\n\ny\n' }],
  ['leading blank lines', 'a: |\n\n \n  x\n', { a: '\n\nx\n' }],
  ['a leading blank line longer than the text is an error', 'a: |\n     \n  x', DECLINED],
  ['a blank line longer than the indentation is text', 'a: |\n  x\n     \n  y\n', { a: 'x\n   \ny\n' }],
  ['folded', 'a: >\n  x\n  y\n\n  z\n    w\n  v\n', { a: 'x y\nz\n  w\nv\n' }],
  ['folded, strip', 'a: >-\n  x\n  y\n', { a: 'x y' }],
  ['folded, keep', 'a: >+\n  x\n\n', { a: 'x\n\n' }],
  ['folded with leading blank lines', 'a: >\n\n  x', { a: '\nx\n' }],
  ['folded more-indented line after a blank line', 'a: >\n  x\n\n   y\n  z', { a: 'x\n\n y\nz\n' }],
  ['explicit indentation', 'a: |2\n   x\n  y', { a: ' x\ny\n' }],
  ['explicit indentation and chomping in either order', 'a: |-2\n   x\nb: |2-\n   y', { a: ' x', b: ' y' }],
  ['explicit indentation counts from the compact mapping', '- a: |1\n   x', [{ a: 'x\n' }]],
  ['explicit indentation in a sequence', '- |1\n  x\n y', [' x\ny\n']],
  ['a literal in a sequence', '- |\n x\n- >-\n  y\n  z', ['x\n', 'y z']],
  ['too little indentation in a compact mapping', '- a: |\n  x', DECLINED],
  ['key: | at the end of the text', 'key: |', { key: '' }],
  ['key: | then a line feed', 'key: |\n', { key: '' }],
  ['an empty literal before the next key', 'a: |\nb: 1', { a: '', b: '1' }],
  ['a literal ending without a line feed', 'a: |\n  x', { a: 'x\n' }],
  ['a stripped literal ending without a line feed', 'a: |-\n  x', { a: 'x' }],
  ['a comment after the header', 'a: | # c\n  x', { a: 'x\n' }],
  ['a comment touching the header', 'a: |#c\n  x', DECLINED],
  ['# inside a literal is text', 'a: |\n  # x\n', { a: '# x\n' }],
  ['a less-indented comment ends a literal', 'a: |\n  x\n# c\nb: 1', { a: 'x\n', b: '1' }],
  ['a line of spaces at the end of the text', 'a: |-\n  x\n     ', { a: 'x\n   ' }],
  ['a literal of blank lines only', 'a: |\n   \n\nb: 1', { a: '', b: '1' }],
  ['explicit indentation, then a line of spaces as long as the first line', 'a: |2\n    k\n    \n', DECLINED],
  ['keep chomping with blank lines only', 'a: |+\n\nb: 1', DECLINED],
  ['keep chomping with a last blank line and no line feed', 'a: |+\n  x\n\n  ', DECLINED],
  ['a literal at the root', '|\n x', DECLINED],
  ['a literal on the line after its key', 'a:\n  |\n   x', DECLINED],

  // Whole documents
  ['empty text', '', null],
  ['only line feeds', '\n\n', null],
  ['only comments', '# a\n  # b\n', null],
  ['a root scalar', 'hello world', 'hello world'],
  ['a root quoted scalar', '"x" # c', 'x'],
  ['a yaml-language-server line', '# yaml-language-server: $schema=../schemas/unit.schema.json\nunit: "205"', { unit: '205' }],
  ['CRLF line ends', 'a: 1\r\nb: |\r\n  x\r\n  y\r\nc: [d]\r\n', { a: '1', b: 'x\ny\n', c: ['d'] }],
  ['a lone CR', 'a: 1\rb: 2', DECLINED],
  ['a byte-order mark at the start', '\uFEFFa: 1', { a: '1' }],
  ['a byte-order mark later', 'a: \uFEFF1', DECLINED],
  ['a document start marker', '---\na: 1', DECLINED],
  ['a document start marker before a scalar', '--- a', DECLINED],
  ['a document end marker after a scalar', 'a\n...', DECLINED],
  ['two documents', 'a: 1\n---\nb: 2', DECLINED],
  ['a document end marker', 'a: 1\n...\n', DECLINED],
  ['a directive', '%YAML 1.2\n---\na: 1', DECLINED],
  ['an anchor and an alias', 'a: &x 1\nb: *x', DECLINED],
  ['a tag', 'a: !!str 1', DECLINED],
  ['a tab as separator', 'a:\tb', DECLINED],
  ['a tab in indentation', 'a:\n\tb: 1', DECLINED],
  ['a control character', 'a: x\u0001', DECLINED],
  ['a line separator', 'a: x\u2028y', DECLINED],
  ['flow nesting 48 deep', `${'['.repeat(48)}${']'.repeat(48)}`, JSON.parse(`${'['.repeat(48)}${']'.repeat(48)}`)],
  // deeper goes to the yaml library, which reports nesting beyond folio's limit (too-deep)
  ['flow nesting 60 deep', `${'['.repeat(60)}${']'.repeat(60)}`, DECLINED],
  ['flow nesting 150 deep', `${'['.repeat(150)}${']'.repeat(150)}`, DECLINED],
  ['block nesting 5000 deep', Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i)}-`).join('\n'), DECLINED],
];

describe('readFast on hand-written documents', () => {
  it.each(CASES)('%s', (_name, text, expected) => {
    const outcome = judge(text);
    if ('violation' in outcome) expect.fail(outcome.violation);
    if (expected === DECLINED) {
      expect(outcome.accepted, 'expected readFast to decline').toBe(false);
    } else {
      expect(outcome.accepted, 'expected readFast to accept').toBe(true);
      if (outcome.accepted) expect(difference(outcome.value, expected)).toBeUndefined();
    }
  });

  it('returns an own __proto__ property, not a prototype', () => {
    const value = readFast('__proto__: {a: 1}')?.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ a: '1' });
  });
});

// ---------------------------------------------------------------------------------------------
// 2. Every YAML file of the repository, and a small generated centre

const repoFiles = yamlFiles(REPO).sort();
const generated = mkdtempSync(join(tmpdir(), 'folio-fast-yaml-'));
let generating: Promise<void> | undefined;

// The generator takes a second; it runs in its own process while the other tests run.
beforeAll(() => {
  generating = new Promise((resolve, reject) => {
    execFile(process.execPath, [join(REPO, 'scripts/generate.mjs'), '--learners', '12', '--seed', '3', '--out', generated], (error) => (error ? reject(error) : resolve()));
  });
});
afterAll(async () => {
  await generating?.catch(() => undefined);
  rmSync(generated, { recursive: true, force: true });
});

describe('readFast on the corpus', () => {
  it('accepts every YAML file of the repository that the yaml library parses, with the same value', () => {
    const rel = repoFiles.map((f) => relative(REPO, f).split('\\').join('/'));
    for (const dir of ['specs/units/', 'specs/qualifications/', 'portfolios/', 'test/fixtures/centre/', 'test/fixtures/fast-yaml/']) {
      expect(rel.some((f) => f.startsWith(dir)), dir).toBe(true);
    }
    const problems: string[] = [];
    const declined: string[] = [];
    repoFiles.forEach((file, i) => {
      const text = readFileSync(file, 'utf8');
      const outcome = judge(text);
      if ('violation' in outcome) problems.push(`${rel[i]}: ${outcome.violation}`);
      else if (!outcome.accepted) {
        declined.push(rel[i]!);
        // the B-BOUNDS fixtures go past folio's limits (too-deep, alias-expansion), which only the library path reports
        if (!('errors' in viaYaml(text)) && !rel[i]!.includes('/B-BOUNDS-')) problems.push(`${rel[i]}: declined, though the yaml library parses it`);
      }
    });
    expect(problems).toEqual([]);
    // The only files declined are the two broken fixtures whose YAML is in error, and the two beyond folio's limits.
    expect(declined).toEqual([
      'test/fixtures/broken/portfolios/B-BOUNDS-ALIAS/portfolio.yaml',
      'test/fixtures/broken/portfolios/B-BOUNDS-DEEP/portfolio.yaml',
      'test/fixtures/broken/specs/units/M-600-0007.yaml',
      'test/fixtures/broken/specs/units/Y-600-0003.yaml',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// 3. A deterministic mutation fuzz: small random edits of the corpus, each checked against the
// contract. Most edits break or change the YAML; the reader must decline or still agree.


const ALPHABET = [...':-#\'"[]{},|>&*!?% \t\n\r\\~.0129abnux+', '\n  ', ': ', '- ', '  ', '\uFEFF'];

function mutate(text: string, random: () => number): string {
  const int = (n: number) => Math.floor(random() * n);
  const lines = text.split('\n');
  const at = int(lines.length);
  switch (int(8)) {
    case 0: {
      const p = int(text.length + 1);
      return text.slice(0, p) + text.slice(p + 1); // delete a character
    }
    case 1:
      lines.splice(at, 1); // delete a line
      return lines.join('\n');
    case 2:
    case 3: {
      let insert = '';
      for (let k = 1 + int(3); k > 0; k--) insert += ALPHABET[int(ALPHABET.length)];
      const p = int(text.length + 1);
      return text.slice(0, p) + insert + text.slice(p);
    }
    case 4:
      lines.splice(at, 0, lines[at] ?? ''); // duplicate a line
      return lines.join('\n');
    case 5: {
      const line = lines[at] ?? ''; // re-indent a line by -2…+2
      const by = int(5) - 2;
      lines[at] = by > 0 ? ' '.repeat(by) + line : line.replace(by === -1 ? /^ / : /^ {1,2}/, '');
      return lines.join('\n');
    }
    case 6: {
      const next = Math.min(at + 1, lines.length - 1); // swap two lines
      [lines[at], lines[next]] = [lines[next] ?? '', lines[at] ?? ''];
      return lines.join('\n');
    }
    default: {
      const p = int(text.length); // replace a character
      return text.slice(0, p) + ALPHABET[int(ALPHABET.length)] + text.slice(p + 1);
    }
  }
}

describe('readFast under mutation', () => {
  it('keeps the contract on 6,000 mutated excerpts of the corpus', () => {
    const corpus = repoFiles.map((f) => readFileSync(f, 'utf8'));
    const random = prng(20260304);
    const int = (n: number) => Math.floor(random() * n);
    const violations: string[] = [];
    let accepted = 0;
    const runs = 6000;
    for (let i = 0; i < runs; i++) {
      let text = corpus[int(corpus.length)]!;
      // Mostly a window of a few lines, so that edits land in every kind of context quickly.
      if (random() < 0.95) {
        const lines = text.split('\n');
        const from = int(lines.length);
        text = lines.slice(from, from + 2 + int(14)).join('\n') + (random() < 0.8 ? '\n' : '');
      }
      if (random() < 0.1) text = text.replace(/\n/g, '\r\n');
      for (let k = 1 + int(3); k > 0; k--) text = mutate(text, random);
      const outcome = judge(text);
      if ('violation' in outcome) violations.push(`${JSON.stringify(text)}: ${outcome.violation}`);
      else if (outcome.accepted) accepted++;
    }
    expect(violations.slice(0, 5)).toEqual([]);
    // The fuzz means something only if both outcomes are common.
    expect(accepted).toBeGreaterThan(runs * 0.15);
    expect(accepted).toBeLessThan(runs * 0.85);
  });

  it('keeps the contract on 20,000 short texts of YAML punctuation', () => {
    const random = prng(42);
    const int = (n: number) => Math.floor(random() * n);
    const pieces = [...'[]{},: "\'ab#-?~\\n.|>&*!%@`', '\n', '\n  ', '- ', ': ', 'null', '\\"', "''", '|2', '>-'];
    const openings = ['', 'a: ', '- ', 'k:\n  ', '- a: ', '[', '{', 'a: [', 'a: {', 'a: |\n', '- >\n '];
    const violations: string[] = [];
    let accepted = 0;
    const runs = 20000;
    for (let i = 0; i < runs; i++) {
      let text = openings[int(openings.length)]!;
      for (let k = 1 + int(12); k > 0; k--) text += pieces[int(pieces.length)];
      const outcome = judge(text);
      if ('violation' in outcome) violations.push(`${JSON.stringify(text)}: ${outcome.violation}`);
      else if (outcome.accepted) accepted++;
    }
    expect(violations.slice(0, 5)).toEqual([]);
    expect(accepted).toBeGreaterThan(runs * 0.1);
  });
});

// Last, so that the generator has finished by the time it runs.
describe('readFast on a generated centre', () => {
  it('accepts every YAML file of a generated centre, with the same value', async () => {
    await generating;
    const files = [...yamlFiles(join(generated, 'specs')), ...yamlFiles(join(generated, 'portfolios'))];
    expect(files.length).toBeGreaterThan(20);
    const problems: string[] = [];
    for (const file of files) {
      const outcome = judge(readFileSync(file, 'utf8'));
      if ('violation' in outcome) problems.push(`${file}: ${outcome.violation}`);
      else if (!outcome.accepted) problems.push(`${file}: declined`);
    }
    expect(problems).toEqual([]);
  });
});
