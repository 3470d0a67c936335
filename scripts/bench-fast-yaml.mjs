// Measurement only (not a test): time of yaml parseDocument + toPlain against readFast (src/fast-yaml.ts) over the portfolios of a generated centre.
//
//   npm run bench:fast-yaml -- [DIR [rounds]] [--learners 1000] [--rounds 5] [--quick] [--out DIR]
//
// Builds (npx tsc -p .); without DIR, first says how long it should take and how much disk it
// needs, and generates a centre of --learners (scripts/generate.mjs, seed 1) in a temporary
// folder (under --out DIR, else the system temp folder), removed at the end. --quick is
// --learners 200 --rounds 3. Writes no file. Reads every portfolios/*/portfolio.yaml into memory first (no disk time is measured), checks
// that readFast accepts each and agrees with toPlain, then times both readers over all of them,
// `rounds` times (default 5), and prints the median of each and their ratio.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from 'yaml';
import { announce, build, DISK_PER_LEARNER, HERE, scratch, stopIfInterrupted } from './bench-common.mjs';

const opts = { root: undefined, learners: 1000, rounds: 5, out: undefined };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--learners') opts.learners = Number(process.argv[++i]);
  else if (a === '--rounds') opts.rounds = Number(process.argv[++i]);
  else if (a === '--out') opts.out = resolve(String(process.argv[++i] ?? ''));
  else if (a === '--quick') Object.assign(opts, { learners: 200, rounds: 3 });
  else if (!a.startsWith('-') && opts.root === undefined) opts.root = a;
  else if (/^\d+$/.test(a) && opts.root !== undefined) opts.rounds = Number(a); // DIR rounds, as before
  else {
    const help = a === '--help' || a === '-h';
    (help ? process.stdout : process.stderr).write('usage: npm run bench:fast-yaml -- [DIR [rounds]] [--learners 1000] [--rounds 5] [--quick] [--out DIR]\n');
    process.exit(help ? 0 : 2);
  }
}
if (!(Number.isInteger(opts.learners) && opts.learners > 0 && Number.isInteger(opts.rounds) && opts.rounds > 0)) {
  process.stderr.write('bench-fast-yaml: --learners and --rounds take whole numbers\n');
  process.exit(2);
}
let root = opts.root;
if (!root) {
  // From a 2-CPU machine: generating takes about 1 s and 8 ms a learner, and each round of both
  // readers about 15 ms a learner.
  announce(`bench:fast-yaml over ${opts.learners.toLocaleString('en-GB')} learners, ${opts.rounds} rounds`, 20 + 1 + opts.learners * (0.008 + 0.015 * opts.rounds), 2 ** 20 + opts.learners * DISK_PER_LEARNER, opts.out ?? tmpdir());
}
build();
const { readFast } = await import('../dist/fast-yaml.js');
const { toPlain } = await import('../dist/source.js');
if (!root) {
  root = join(scratch('folio-bench-fast-yaml-', opts.out, false), 'centre');
  const gen = stopIfInterrupted(spawnSync(process.execPath, [join(HERE, 'generate.mjs'), '--learners', String(opts.learners), '--seed', '1', '--out', root], { encoding: 'utf8' }));
  if (gen.status !== 0) throw new Error(`generate failed: ${gen.stderr}`);
}
const rounds = opts.rounds;
const dir = join(root, 'portfolios');
const texts = readdirSync(dir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => readFileSync(join(dir, e.name, 'portfolio.yaml'), 'utf8'));
const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);

const viaYaml = (t) => {
  const doc = parseDocument(t, { schema: 'failsafe', uniqueKeys: true, prettyErrors: false });
  return toPlain(doc.contents, doc);
};
let declined = 0;
for (const t of texts) {
  const fast = readFast(t);
  if (!fast) declined++;
  else if (!isDeepStrictEqual(fast.value, viaYaml(t))) throw new Error('readFast and toPlain disagree');
}

function time(read) {
  const t0 = performance.now();
  let sink = 0;
  for (const t of texts) if (read(t) !== undefined) sink++;
  if (sink !== texts.length) throw new Error('unexpected result');
  return performance.now() - t0;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const slow = [];
const fast = [];
for (let i = 0; i < rounds; i++) {
  slow.push(time(viaYaml));
  fast.push(time(readFast));
}
const s = median(slow);
const f = median(fast);
process.stdout.write(
  `${texts.length} portfolio files, ${(bytes / 1e6).toFixed(2)} MB, ${declined} declined; ` +
    `parseDocument+toPlain ${s.toFixed(0)} ms, readFast ${f.toFixed(1)} ms (median of ${rounds}): ${(s / f).toFixed(1)}× faster\n`,
);
