#!/usr/bin/env node
// The parse floor of a centre: read and parse every YAML file folio reads (unit and
// qualification specs, the centre file, every portfolio) and nothing else. By default with the
// yaml library's parseDocument and the failsafe schema (the parser folio depends on, and falls
// back on when its own faster reader declines a file); with --js-yaml, with js-yaml's load (a
// devDependency, the floor issue 18 measures against: the fastest well-kept YAML parser for
// Node). scripts/bench.mjs times this whole process, start-up included, as the least any folio
// command over the whole centre could cost.
//
//   node scripts/parse-floor.mjs DIR [--js-yaml]   prints { files, bytes, parseMs } on stdout
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

const root = process.argv[2];
const jsYaml = process.argv.includes('--js-yaml') ? await import('js-yaml') : undefined;
if (!root) {
  process.stderr.write('usage: node scripts/parse-floor.mjs DIR\n');
  process.exit(2);
}
const t0 = performance.now();
const yaml = (dir) => {
  try {
    return readdirSync(join(root, dir)).filter((f) => /\.ya?ml$/i.test(f)).sort().map((f) => `${dir}/${f}`);
  } catch {
    return [];
  }
};
const files = [...yaml('specs/units'), ...yaml('specs/qualifications')];
try {
  statSync(join(root, 'portfolios/centre.yaml'));
  files.push('portfolios/centre.yaml');
} catch {}
for (const e of readdirSync(join(root, 'portfolios'), { withFileTypes: true })) {
  if (!e.isDirectory() || e.name.startsWith('.')) continue;
  for (const name of ['portfolio.yaml', 'portfolio.yml']) {
    const f = `portfolios/${e.name}/${name}`;
    try {
      if (statSync(join(root, f)).isFile()) {
        files.push(f);
        break;
      }
    } catch {}
  }
}
let bytes = 0;
let errors = 0;
for (const f of files) {
  const text = readFileSync(join(root, f), 'utf8');
  bytes += text.length;
  if (jsYaml) {
    try {
      jsYaml.load(text);
    } catch {
      errors++;
    }
  } else errors += parseDocument(text, { schema: 'failsafe' }).errors.length;
}
process.stdout.write(`${JSON.stringify({ files: files.length, bytes, errors, parseMs: Math.round(performance.now() - t0) })}\n`);
