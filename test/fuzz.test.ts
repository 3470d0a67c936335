// A seeded mutation fuzz over the sample centre's YAML files (specs/ and portfolios/), written
// black-box (issue 14, item 8). Each mutant is one sample file changed by one to three seeded
// mutations, written into a temporary copy of the centre and checked with `folio check` as
// JSON and as a table. Properties, for every mutant:
//   - folio neither throws nor crashes: exit 0 or 1 (a broken file is a data problem, never 2),
//     and no stack trace ("    at …" lines) on stderr;
//   - the JSON parses, and every finding's line lies within its file (0 allowed for a whole
//     file) with a column ≥ 0;
//   - the table has no raw ESC or other control character (other than tab and newline).
// Bounded by time and count: FUZZ_TIME seconds (default 40) or FUZZ_N mutants (default 5000),
// (a mutant that takes over 10 s is itself a failure)
// whichever comes first. FUZZ_SEED varies the run (default 14); FUZZ_ONLY=i runs mutant i of
// that seed alone. A failing mutant is written to $TMPDIR/folio-fuzz-failures/ and named, with
// its seed and number, in the failure message, so it can be reproduced.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { folio, REPO } from './helpers.js';
import { mulberry32 } from './prng.js';

const SEED = Number(process.env.FUZZ_SEED ?? 14) >>> 0;
const TIME_MS = Number(process.env.FUZZ_TIME ?? 40) * 1000;
const MAX_MUTANTS = Number(process.env.FUZZ_N ?? 5000);
const ONLY = process.env.FUZZ_ONLY === undefined ? undefined : Number(process.env.FUZZ_ONLY);
const AS_OF = '2026-11-22';
const FAILURES = join(tmpdir(), 'folio-fuzz-failures');

/** The seed of mutant i of a run: independent of every other mutant. */
function mutantSeed(seed: number, i: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(i + 1, 0xc2b2ae35)) >>> 0;
}

// The centre a mutant is checked in: every spec, the centre file and one learner (the one
// mutated, or a seeded choice when a spec or the centre file is), which keeps a check at about a
// fifth of the whole sample's time. The other learners wait in STORE.
const ROOT = mkdtempSync(join(tmpdir(), 'folio-fuzz-'));
const CENTRE = join(ROOT, 'centre');
const STORE = join(ROOT, 'learners');
const REPORT = join(ROOT, 'report.json');
afterAll(() => rmSync(ROOT, { recursive: true, force: true }), 60_000);
cpSync(join(REPO, 'specs'), join(CENTRE, 'specs'), { recursive: true });
cpSync(join(REPO, 'portfolios'), join(CENTRE, 'portfolios'), { recursive: true });
mkdirSync(STORE);
const LEARNERS = readdirSync(join(CENTRE, 'portfolios'))
  .filter((l) => statSync(join(CENTRE, 'portfolios', l)).isDirectory())
  .sort();

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
}
const FILES = [...walk(join(CENTRE, 'specs')), ...walk(join(CENTRE, 'portfolios'))]
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => relative(CENTRE, f).split('\\').join('/'))
  .sort();
const ORIGINAL = new Map(FILES.map((f) => [f, readFileSync(join(CENTRE, f))]));

const SPECIALS = ['&a ', '*a', '*a ', '&b ', '*zz', '!', '!!str ', '!!binary ', '!!int ', '!<tag:x> ', ': ', ':', '- ', '-', '? ', '?', '|', '|-', '>', '>+', '"', "'", '{', '}', '[', ']', ', ', '#', '# ', '%', '@', '`', '<<: *a', '<<', '---', '...', '~', 'null', '\\', '\t', '  ', '\n'];
const CONTROLS = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001b[2J', '\u001b]0;x\u0007', '\u007f', '\u0085', '\u009b', '\u2028', '\u2029', '\ufeff', '\r', '\u202e', '\ud800'];
const VALUES = ['~', 'null', 'true', 'NO', '[]', '{}', '""', "''", '1e400', '-0', '0x1F', '99999999999999999999999', '9007199254740993', '2026-02-30', '2026-13-01', '.inf', '.nan', '&x [*x]', '*undefined', '!!map {}', '|\n  block', '>\n  folded'];

type Mutation = (lines: string[], rnd: () => number) => string;

const pick = <T>(xs: readonly T[], rnd: () => number): T => xs[Math.floor(rnd() * xs.length)]!;
const lineIndex = (lines: string[], rnd: () => number) => Math.floor(rnd() * lines.length);
function insertAt(line: string, text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * (line.length + 1));
  return line.slice(0, at) + text + line.slice(at);
}
const MUTATIONS: Record<string, Mutation> = {
  deleteLine: (lines, rnd) => {
    const i = lineIndex(lines, rnd);
    lines.splice(i, 1);
    return `delete line ${i + 1}`;
  },
  duplicateLine: (lines, rnd) => {
    const i = lineIndex(lines, rnd);
    lines.splice(i, 0, lines[i] ?? '');
    return `duplicate line ${i + 1}`;
  },
  swapLines: (lines, rnd) => {
    const i = lineIndex(lines, rnd);
    const j = lineIndex(lines, rnd);
    [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
    return `swap lines ${i + 1} and ${j + 1}`;
  },
  indent: (lines, rnd) => {
    const i = lineIndex(lines, rnd);
    const line = lines[i] ?? '';
    const r = rnd();
    if (r < 0.4) lines[i] = ' '.repeat(1 + Math.floor(rnd() * 4)) + line;
    else if (r < 0.8) lines[i] = line.replace(/^ {1,4}/, '');
    else lines[i] = '\t' + line;
    return `indent line ${i + 1}`;
  },
  special: (lines, rnd) => {
    const i = lineIndex(lines, rnd);
    const s = pick(SPECIALS, rnd);
    lines[i] = insertAt(lines[i] ?? '', s, rnd);
    return `insert ${JSON.stringify(s)} in line ${i + 1}`;
  },
  control: (lines, rnd) => {
    const i = lineIndex(lines, rnd);
    const s = pick(CONTROLS, rnd);
    lines[i] = insertAt(lines[i] ?? '', s, rnd);
    return `insert ${JSON.stringify(s)} in line ${i + 1}`;
  },
  longString: (lines, rnd) => {
    const i = lineIndex(lines, rnd);
    const len = Math.floor(1000 + rnd() * 20000);
    const unit = pick(['x', 'ab ', 'é', '😀', '[', '{a: ', '- ', '\\n', '"'], rnd);
    lines[i] = insertAt(lines[i] ?? '', unit.repeat(Math.ceil(len / unit.length)), rnd);
    return `insert ${len} chars of ${JSON.stringify(unit)} in line ${i + 1}`;
  },
  flipDigit: (lines, rnd) => {
    const withDigits = lines.map((l, i) => [l, i] as const).filter(([l]) => /\d/.test(l));
    if (withDigits.length === 0) return 'flip digit: none';
    const [line, i] = pick(withDigits, rnd);
    const positions = [...line.matchAll(/\d/g)].map((m) => m.index!);
    const at = pick(positions, rnd);
    const r = rnd();
    const repl = r < 0.6 ? String(Math.floor(rnd() * 10)) : r < 0.8 ? '9'.repeat(25) : r < 0.9 ? '-' : '0.5';
    lines[i] = line.slice(0, at) + repl + line.slice(at + 1);
    return `digit at ${i + 1}:${at + 1} → ${repl}`;
  },
  value: (lines, rnd) => {
    const withValue = lines.map((l, i) => [l, i] as const).filter(([l]) => /:\s+\S/.test(l));
    if (withValue.length === 0) return 'value: none';
    const [line, i] = pick(withValue, rnd);
    const v = pick(VALUES, rnd);
    lines[i] = line.replace(/(:\s+)[^,}\]#]+/, (_m, sep: string) => `${sep}${v}`);
    return `value in line ${i + 1} → ${JSON.stringify(v)}`;
  },
  newKey: (lines, rnd) => {
    const i = lineIndex(lines, rnd);
    const s = pick(['bogus: 1', 'evidence:', '- x', '  - { id: E99 }', 'learner: { name: X }', 'covers: { A/506/2130: [9.9] }', '&k key: v', '*k : v', '? complex', '"quoted key": 1', 'unit: A/506/2130'], rnd);
    lines.splice(i, 0, s);
    return `insert line ${JSON.stringify(s)} before ${i + 1}`;
  },
  truncate: (lines, rnd) => {
    const i = lineIndex(lines, rnd);
    const line = lines[i] ?? '';
    lines[i] = line.slice(0, Math.floor(rnd() * line.length));
    lines.splice(i + 1);
    return `truncate at line ${i + 1}`;
  },
};
const NAMES = Object.keys(MUTATIONS);

interface Mutant {
  i: number;
  seed: number;
  file: string;
  learner: string;
  steps: string[];
  content: Buffer;
}
function makeMutant(i: number): Mutant {
  const seed = mutantSeed(SEED, i);
  const rnd = mulberry32(seed);
  const file = pick(FILES, rnd);
  const learner = /^portfolios\/[^/]+\/portfolio\.yaml$/.test(file) ? file.split('/')[1]! : pick(LEARNERS, rnd);
  const text = ORIGINAL.get(file)!.toString('utf8');
  const lines = text.split('\n');
  const steps: string[] = [];
  const count = 1 + Math.floor(rnd() * 3);
  for (let k = 0; k < count; k++) steps.push(MUTATIONS[pick(NAMES, rnd)]!(lines, rnd));
  let content = Buffer.from(lines.join('\n'), 'utf8');
  // Now and then, bytes that are not UTF-8.
  if (rnd() < 0.05) {
    const at = Math.floor(rnd() * content.length);
    const bytes = pick([[0xff], [0xe9], [0xc3], [0xed, 0xa0, 0x80], [0xfe, 0xff]], rnd);
    content = Buffer.concat([content.subarray(0, at), Buffer.from(bytes), content.subarray(at)]);
    steps.push(`bytes ${bytes.map((b) => b.toString(16)).join(' ')} at offset ${at}`);
  }
  return { i, seed, file, learner, steps, content };
}

/** Lines of a file as any YAML reader may count them (LF, CRLF, CR; NEL and LS/PS too). */
function lineCount(content: Buffer | undefined): number {
  if (!content) return Number.POSITIVE_INFINITY;
  return content.toString('utf8').split(/\r\n|\r|\n|\u0085|\u2028|\u2029/).length;
}
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/;
const STACK = /^\s{4}at /m;
// The cache is off unless FUZZ_CACHE says otherwise (FUZZ_CACHE= turns it on: the mutated file
// is always new to it, the unchanged files then come from it).
const CACHE = { FOLIO_CACHE: process.env.FUZZ_CACHE ?? 'off' };

interface Diag {
  file: string;
  line: number;
  column: number;
}
async function problemsOf(m: Mutant): Promise<string[]> {
  const problems: string[] = [];
  const contentOf = (file: string) => (file === m.file ? m.content : ORIGINAL.get(file));
  // One run writes both reports: the JSON to a file (-o), the table to stdout.
  rmSync(REPORT, { force: true });
  let r;
  try {
    r = await folio(['check', '-C', CENTRE, '--as-of', AS_OF, '--format', 'json', '-o', REPORT, '--format', 'table'], { env: CACHE });
  } catch (e) {
    return [`threw ${(e as Error).stack?.split('\n').slice(0, 3).join(' | ')}`];
  }
  if (r.code !== 0 && r.code !== 1) problems.push(`exit ${r.code}: ${r.stderr.slice(0, 300)}`);
  if (STACK.test(r.stderr)) problems.push(`stack trace on stderr: ${r.stderr.slice(0, 300)}`);
  let report: { diagnostics: Diag[] } | undefined;
  try {
    report = JSON.parse(readFileSync(REPORT, 'utf8')) as { diagnostics: Diag[] };
  } catch (e) {
    problems.push(`json: ${existsSync(REPORT) ? 'does not parse' : 'not written'}: ${(e as Error).message.slice(0, 100)}`);
  }
  for (const d of report?.diagnostics ?? []) {
    const lines = lineCount(contentOf(d.file));
    if (!Number.isInteger(d.line) || d.line < 0 || d.line > lines) problems.push(`json: ${d.file}:${d.line}:${d.column} is outside the file's ${lines} lines`);
    if (!Number.isInteger(d.column) || d.column < 0) problems.push(`json: ${d.file}:${d.line}:${d.column} has a bad column`);
  }
  const m2 = RAW_CONTROL.exec(r.stdout) ?? RAW_CONTROL.exec(r.stderr);
  if (m2) problems.push(`table: raw control U+${m2[0].charCodeAt(0).toString(16).padStart(4, '0')} in the output`);
  return problems;
}

it(`mutants of the sample centre's YAML files (seed ${SEED})`, async () => {
  const start = Date.now();
  const failures: string[] = [];
  const failingCodes = new Map<string, number>();
  let tried = 0;
  let slowest = { ms: 0, i: -1 };
  const indices = ONLY !== undefined ? [ONLY] : Array.from({ length: MAX_MUTANTS }, (_, i) => i);
  for (const i of indices) {
    if (ONLY === undefined && Date.now() - start > TIME_MS) break;
    const m = makeMutant(i);
    for (const l of LEARNERS) if (l !== m.learner && existsSync(join(CENTRE, 'portfolios', l))) renameSync(join(CENTRE, 'portfolios', l), join(STORE, l));
    if (!existsSync(join(CENTRE, 'portfolios', m.learner))) renameSync(join(STORE, m.learner), join(CENTRE, 'portfolios', m.learner));
    writeFileSync(join(CENTRE, m.file), m.content);
    const t0 = Date.now();
    let problems: string[];
    try {
      problems = await problemsOf(m);
    } finally {
      writeFileSync(join(CENTRE, m.file), ORIGINAL.get(m.file)!);
    }
    const ms = Date.now() - t0;
    if (ms > slowest.ms) slowest = { ms, i };
    if (ms > 10_000) problems.push(`took ${ms} ms`);
    tried++;
    if (problems.length > 0) {
      // One line per failing mutant, with what reproduces it; the mutant kept on disk.
      mkdirSync(FAILURES, { recursive: true });
      const saved = join(FAILURES, `seed-${SEED}-mutant-${i}-${m.file.replace(/\//g, '_')}`);
      writeFileSync(saved, m.content);
      for (const p of problems) {
        const kind = p.replace(/:\d+:\d+/g, ':L:C').replace(/\d+ (ms|lines)/g, 'N $1').slice(0, 60);
        failingCodes.set(kind, (failingCodes.get(kind) ?? 0) + 1);
      }
      failures.push(`FUZZ_SEED=${SEED} FUZZ_ONLY=${i} (mutant seed ${m.seed}) ${m.file} [${m.steps.join('; ')}] saved as ${saved}: ${problems.join(' / ')}`);
    }
  }
  console.log(`fuzz: seed ${SEED}, ${tried} mutants in ${Date.now() - start} ms, ${failures.length} failing; slowest #${slowest.i} ${slowest.ms} ms`);
  const summary = [...failingCodes].map(([k, c]) => `${c}× ${k}`).join('\n  ');
  expect(failures, `${failures.length} of ${tried} mutants failed (seed ${SEED}). Kinds:\n  ${summary}\nFirst ones:\n${failures.slice(0, 12).join('\n')}`).toEqual([]);
}, Math.max(TIME_MS, 10_000) + 60_000);
