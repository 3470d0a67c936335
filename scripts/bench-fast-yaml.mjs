// Measurement only (not a test): time of yaml parseDocument + toPlain against readFast (src/fast-yaml.ts) over the portfolios of a generated centre.
//
//   npx tsc -p . && node scripts/generate.mjs --learners 1000 --seed 1 --out /tmp/fy-1000
//   node scripts/bench-fast-yaml.mjs /tmp/fy-1000 [rounds]
//
// Reads every portfolios/*/portfolio.yaml into memory first (no disk time is measured), checks
// that readFast accepts each and agrees with toPlain, then times both readers over all of them,
// `rounds` times (default 5), and prints the median of each and their ratio.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from 'yaml';
import { readFast } from '../dist/fast-yaml.js';
import { toPlain } from '../dist/source.js';

const root = process.argv[2];
const rounds = Number(process.argv[3] ?? 5);
if (!root) {
  process.stderr.write('usage: node scripts/bench-fast-yaml.mjs DIR [rounds]\n');
  process.exit(2);
}
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
