// Record spans from the fast reader's marks (src/fast-yaml/spans.ts) against recordAt's answer
// from the yaml library's syntax tree, which verify used before: for every node of every YAML
// file in the repository, of hand-written hostile texts and of seeded mutations, the offset,
// lines, shared lines and value must be the same; a file the fast reader refuses goes to the
// syntax tree.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placesFast, readFast } from '../src/fast-yaml.js';
import { lazySource, recordAt, type SourceFile } from '../src/source.js';
import { lineCounterOf, parseBounded } from '../src/yaml-bounds.js';
import { REPO, yamlFiles } from './helpers.js';
import { mulberry32 as prng } from './prng.js';

type Path = (string | number)[];

/** A source that can only answer from the syntax tree, as recordAt did before the marks. */
function treeSource(text: string): SourceFile {
  return { file: 'x.yaml', text, doc: parseBounded(text).doc, lines: lineCounterOf(text) };
}

/** Every data path of a value, the root's children first. */
function paths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(value)) value.forEach((v, i) => (out.push([...at, i]), paths(v, [...at, i], out)));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.push([...at, k]);
      paths(v, [...at, k], out);
    }
  return out;
}

/** The paths whose spans differ (none means the marks give what the syntax tree gives); and
 * how many the marks answered. */
function compare(text: string): { differ: string[]; answered: number } {
  const data = readFast(text);
  if (!data) return { differ: [], answered: 0 };
  const fast = lazySource('x.yaml', () => text);
  const tree = treeSource(text);
  const places = placesFast(text);
  const differ: string[] = [];
  let answered = 0;
  const all = paths(data.value);
  // paths that lead nowhere too: past a scalar, a missing key, an index out of range
  all.push(['no-such-key'], [...(all[0] ?? []), 'no-such-key'], [...(all[0] ?? []), 99]);
  for (const path of all) {
    if (places?.span(path, (o) => fast.lines.linePos(o).line)) answered++;
    const a = recordAt(fast, path);
    const b = recordAt(tree, path);
    if (JSON.stringify(a) !== JSON.stringify(b)) differ.push(`${JSON.stringify(path)}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
  }
  return { differ, answered };
}

const HOSTILE: [name: string, text: string, fast: boolean][] = [
  ['comments inside and after a record', 'evidence:\n  - id: E1 # the first\n    # a note\n    assessment:\n      # who\n      by: A1\n\n      date: "2026-01-02" # when\n  - id: E2\n', true],
  ['flow records sharing a line', 'samples: [{unit: U1, by: I1}, {unit: U2, by: I2}, {}]\nx: {a: , b}\ny: [ ]\n', true],
  ['block scalars with blank lines after them', 'a:\n  note: |\n    one\n\n    two\n\n\n  by: A1\nb:\n  - >-\n    folded\n    text\n\n  - |+\n    kept\n\n  - last\n', true],
  ['a block scalar at the end, no line feed', 'a:\n  by: A1\n  note: |\n    x\n    y', true],
  ['block scalars with no text', 'a:\n  - >-\n\n  - |\n\n   \n  - x\nb: |\n', true],
  ['a record ending in an empty value', '- id: E1\n  covers:\n- id: E2 # c\n  title: # c\n', true],
  ['empty values and items', 'a:\nb:   \nc:\n  - \n  -\n  - x\nd: # nothing\ne: {f: }\n', true],
  ['quoted keys and values', '"a b": \'c\'\n\'d\': "e # f"\ng: [ "h", \'i\' ]\n', true],
  ['compact nested sequences', '- - a\n  - b\n- - c\n', true],
  ['CRLF line ends', 'evidence:\r\n  - id: E1\r\n    assessment:\r\n      by: A1\r\n      date: "2026-01-02"\r\n', false],
  ['anchors and aliases', 'a: &x\n  by: A1\nb: *x\nc:\n  - *x\n', false],
  ['a multi-line flow collection', 'a: {by: A1,\n  date: x}\nb: 1\n', false],
];

describe('record spans from the fast reader', () => {
  it('match the syntax tree on every node of every YAML file of the repository', () => {
    const problems: string[] = [];
    let answered = 0;
    for (const file of yamlFiles(REPO)) {
      const r = compare(readFileSync(file, 'utf8'));
      answered += r.answered;
      problems.push(...r.differ.slice(0, 3).map((d) => `${relative(REPO, file)} ${d}`));
    }
    expect(problems.slice(0, 10)).toEqual([]);
    // the marks answered for (nearly) every node, not the syntax tree behind them
    expect(answered).toBeGreaterThan(10000);
  });

  it.each(HOSTILE)('match the syntax tree: %s', (_name, text, fast) => {
    const r = compare(text);
    expect(r.differ).toEqual([]);
    if (!fast) {
      // refused by the fast reader: every span comes from the syntax tree
      expect(placesFast(text)).toBeUndefined();
      return;
    }
    expect(r.answered).toBeGreaterThan(0);
  });

  it('worked by hand: a block scalar ends at its last line that is not blank; flow items share their line', () => {
    const text = HOSTILE[2]![1];
    const source = lazySource('x.yaml', () => text);
    // a: is line 1; note: | on 2, one on 3, blank 4, two on 5, blanks 6 and 7, by: on 8
    expect(recordAt(source, ['a'])).toEqual({ offset: 5, lines: [2, 3, 4, 5, 8], shared: [], value: { note: 'one\n\ntwo\n', by: 'A1' } });
    const flow = lazySource('y.yaml', () => HOSTILE[1]![1]);
    // "samples: [" is 10 characters; the first item's brace is the 11th
    expect(recordAt(flow, ['samples', 0])).toEqual({ offset: 10, lines: [1], shared: [1], value: { unit: 'U1', by: 'I1' } });
    expect(recordAt(flow, ['samples'])!.shared).toEqual([]);
  });

  it('match the syntax tree on 3,000 mutated excerpts of the sample portfolios', () => {
    const corpus = yamlFiles(join(REPO, 'portfolios')).map((f) => readFileSync(f, 'utf8'));
    const random = prng(180018);
    const int = (n: number) => Math.floor(random() * n);
    const pieces = [': ', '- ', '  ', '\n', '\n\n', ' # c', '|\n', '>-\n', '{a: b}', '[x, y]', '""', "''", '\n  - '];
    const problems: string[] = [];
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      const lines = corpus[int(corpus.length)]!.split('\n');
      const from = int(lines.length);
      let text = lines.slice(from, from + 3 + int(20)).join('\n') + '\n';
      for (let k = int(3); k > 0; k--) {
        const p = int(text.length + 1);
        text = text.slice(0, p) + pieces[int(pieces.length)] + text.slice(p);
      }
      const r = compare(text);
      if (r.answered) accepted++;
      if (r.differ.length) problems.push(`${JSON.stringify(text)}: ${r.differ[0]}`);
    }
    expect(problems.slice(0, 3)).toEqual([]);
    expect(accepted).toBeGreaterThan(300);
  });
});
