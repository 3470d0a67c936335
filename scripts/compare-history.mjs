#!/usr/bin/env node
// Records what the history commands print on generated histories, so that a change meant to
// make them faster can be shown to leave every byte alone (issue 18; not used by folio or
// its tests). compare-outputs.mjs covers the sample centre and the fixtures; this covers
// centres with long histories (scripts/generate.mjs --history), with the cache off, cold and
// warm.
//
//   node scripts/compare-history.mjs record DIR [--folio PATH/bin/folio.js] [--work DIR]
//   node scripts/compare-history.mjs compare DIR [--folio …] [--work DIR]
//
// The histories are generated once into --work (default: the system temp folder) and reused.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const [mode, dirArg, ...rest] = process.argv.slice(2);
const opt = (name, d) => (rest.includes(name) ? resolve(rest[rest.indexOf(name) + 1]) : d);
if (!['record', 'compare'].includes(mode) || !dirArg) {
  process.stderr.write('usage: node scripts/compare-history.mjs record|compare DIR [--folio PATH/bin/folio.js] [--work DIR] [--only RE]\n');
  process.exit(2);
}
const folio = opt('--folio', join(HERE, '..', 'bin/folio.js'));
const work = opt('--work', join(tmpdir(), 'folio-compare-history'));
const only = rest.includes('--only') ? new RegExp(rest[rest.indexOf('--only') + 1]) : undefined;
const out = resolve(dirArg);

const HISTORIES = [
  { name: 'h50', learners: 50, seed: 3, commits: 300 },
  { name: 'h120', learners: 120, seed: 5, commits: 900 },
];
const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1', TZ: 'UTC', FOLIO_TODAY: '2026-12-07' };

function cases(h) {
  const c = [
    ['progress-month-json', ['progress', '--by', 'month', '--until', '2026-11-30', '--format', 'json']],
    ['progress-month-table', ['progress', '--by', 'month', '--until', '2026-11-30']],
    ['progress-week-json', ['progress', '--by', 'week', '--since', '2025-11-01', '--until', '2026-10-31', '--format', 'json']],
    ['progress-some-json', ['progress', 'LR-00002', 'LR-00006', 'LR-00009', '--by', 'month', '--since', '2025-01-01', '--until', '2026-11-30', '--format', 'json']],
    ['verify-json', ['verify', '--format', 'json']],
    ['verify-text', ['verify']],
    ['verify-some-json', ['verify', 'LR-00006', 'LR-00002', '--format', 'json']],
    ['history-6-json', ['history', 'LR-00006', '--format', 'json']],
    ['history-2-text', ['history', 'LR-00002']],
    ['history-9-since-json', ['history', 'LR-00009', '--since', '2025-06-01', '--until', '2026-03-31', '--format', 'json']],
  ];
  const runs = [];
  for (const cache of ['off', 'cold', 'warm']) {
    for (const [name, args] of c) {
      if (cache !== 'off' && !name.startsWith('progress')) continue;
      runs.push({ id: `${h.name}-${name}-cache-${cache}`, args, cache });
    }
  }
  return runs;
}

function ensure(h) {
  const dir = join(work, h.name);
  if (existsSync(join(dir, '.git'))) return dir;
  mkdirSync(work, { recursive: true });
  const r = spawnSync(process.execPath, [join(HERE, 'generate.mjs'), '--learners', String(h.learners), '--seed', String(h.seed), '--out', dir, '--history', String(h.commits), '--force'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return dir;
}

let differ = 0;
if (mode === 'record') mkdirSync(out, { recursive: true });
for (const h of HISTORIES) {
  const dir = ensure(h);
  rmSync(join(dir, '.folio-cache'), { recursive: true, force: true });
  for (const run of cases(h)) {
    if (only && !only.test(run.id)) continue;
    if (run.cache === 'cold') rmSync(join(dir, '.folio-cache'), { recursive: true, force: true });
    const e = { ...env, FOLIO_CACHE_KEY_DIR: join(work, 'key') };
    const args = run.cache === 'off' && run.args[0] === 'progress' ? [...run.args, '--no-cache'] : run.args;
    const t = Date.now();
    const r = spawnSync(process.execPath, [folio, ...args, '-C', dir], { encoding: 'utf8', env: e, maxBuffer: 1 << 30 });
    const text = `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr.replaceAll(dir, '<WORK>')}`;
    const file = join(out, `${run.id}.txt`);
    const ms = Date.now() - t;
    if (mode === 'record') {
      writeFileSync(file, text);
      process.stdout.write(`${run.id}: recorded (${ms} ms)\n`);
    } else {
      const was = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
      if (was === text) process.stdout.write(`${run.id}: same (${ms} ms)\n`);
      else {
        differ++;
        writeFileSync(`${file}.now`, text);
        process.stdout.write(`${run.id}: DIFFERS (${ms} ms), see ${file}.now\n`);
      }
    }
  }
}
if (mode === 'compare') process.stdout.write(`${differ} differ\n`);
process.exit(differ ? 1 : 0);
