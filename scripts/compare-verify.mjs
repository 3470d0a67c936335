#!/usr/bin/env node
// Shows that folio verify prints the same bytes whichever way it attributes lines (issue 18):
// one git blame per portfolio, or one walk over the history (src/git/origins.ts), and the same
// as a build from before the walk. Not used by folio or its tests.
//
//   node scripts/compare-verify.mjs --before PATH/bin/folio.js [--after PATH/bin/folio.js] [--work DIR]
//
// Runs every verify case of compare-cases.mjs (the git repository built from the sample centre,
// in every format) and verify of every learner and of two, as JSON and as the table, on the
// generated histories of compare-history.mjs (generated into --work, default the system temp
// folder, and reused), with the build before and with the build after three times: as it
// chooses, FOLIO_WALK_FROM=0 (always the walk) and FOLIO_WALK_FROM=1000000 (always blame).
// Prints one line per case and run, "same" or "DIFFERS", and exits 1 when any differs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cases, setUp } from './compare-cases.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const opt = (name, d) => (argv.includes(name) ? resolve(argv[argv.indexOf(name) + 1]) : d);
const before = opt('--before');
const after = opt('--after', join(HERE, '..', 'bin/folio.js'));
if (!before) {
  process.stderr.write('usage: node scripts/compare-verify.mjs --before PATH/bin/folio.js [--after PATH/bin/folio.js] [--work DIR]\n');
  process.exit(2);
}
const histories = opt('--work', join(tmpdir(), 'folio-compare-history'));
const work = mkdtempSync(join(tmpdir(), 'folio-compare-verify-'));
const home = join(work, 'home');
mkdirSync(home);
writeFileSync(join(home, '.gitconfig'), '');
const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', NO_COLOR: '1', FOLIO_CACHE: 'off', FOLIO_TODAY: '2026-12-07', GIT_CONFIG_GLOBAL: join(home, '.gitconfig'), GIT_CONFIG_NOSYSTEM: '1' };

const HISTORIES = [
  { name: 'h50', learners: 50, seed: 3, commits: 300 },
  { name: 'h120', learners: 120, seed: 5, commits: 900 },
];

function history(h) {
  const dir = join(histories, h.name);
  if (existsSync(join(dir, '.git'))) return dir;
  mkdirSync(histories, { recursive: true });
  const r = spawnSync(process.execPath, [join(HERE, 'generate.mjs'), '--learners', String(h.learners), '--seed', String(h.seed), '--out', dir, '--history', String(h.commits), '--force'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return dir;
}

try {
  setUp({ data: resolve(HERE, '..'), folio: after }, work, env, (prefix) => prefix === 'repo/');
  const all = cases(work, []).filter((c) => c.name.startsWith('repo/verify'));
  for (const h of HISTORIES) {
    const dir = history(h);
    for (const [name, args] of [
      ['verify-json', ['verify', '--format', 'json']],
      ['verify-table', ['verify']],
      ['verify-some-json', ['verify', 'LR-00006', 'LR-00002', '--format', 'json']],
    ]) {
      all.push({ name: `${h.name}/${name}`, steps: [{ args: [...args, '-C', dir], cwd: work }] });
    }
  }
  const runCase = (folio, c, extra) =>
    c.steps
      .map((s) => {
        const r = spawnSync(process.execPath, [folio, ...s.args], { cwd: s.cwd, env: { ...env, ...extra }, maxBuffer: 1 << 30 });
        const files = (s.files ?? []).map((f) => `--- ${f}\n${existsSync(f) ? readFileSync(f, 'latin1') : 'absent'}`);
        for (const f of s.files ?? []) rmSync(f, { force: true });
        return [`exit ${r.status}`, r.stdout.toString('latin1'), r.stderr.toString('latin1'), ...files].join('\n--\n');
      })
      .join('\n==\n');
  let differ = 0;
  for (const c of all) {
    const was = runCase(before, c, {});
    for (const [label, extra] of [
      ['as it chooses', {}],
      ['always the walk', { FOLIO_WALK_FROM: '0' }],
      ['always blame', { FOLIO_WALK_FROM: '1000000' }],
    ]) {
      const t = Date.now();
      const now = runCase(after, c, extra);
      const same = now === was;
      if (!same) differ++;
      process.stdout.write(`${c.name} (${label}): ${same ? 'same' : 'DIFFERS'} (${Date.now() - t} ms, ${was.length} bytes)\n`);
    }
  }
  process.stdout.write(`${all.length} cases × 3 runs: ${differ} differ\n`);
  process.exitCode = differ ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
