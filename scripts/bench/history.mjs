#!/usr/bin/env node
// Benchmark of the commands that read a centre's whole history (issue 18): folio verify of
// every learner and folio progress by month and by week over a year, on a generated centre
// with a generated history, each against a cold folio check of the same centre and against
// git log over the history, with the peak memory of each (scripts/rss-wrap.mjs). Measurements
// only: nothing here is a test.
//
//   npm run bench:history -- [--quick] [--runs N] [--out DIR] [--only verify|progress] [--before DIR]
//
// Full: 1,000 learners, about 5,000 commits. --quick: 100 learners, about 500 commits, under
// a minute. --only times only verify (every learner and one) or only progress, besides the
// cold check and git log they are measured against; --before DIR times the same commands with
// another build too (DIR holds its dist/ and scripts/rss-wrap.mjs), on the same centre, for a
// before-and-after. scripts/bench.mjs calls run() and prints the rows with its own.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');
const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1' };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median time of `runs` runs, and the largest peak resident set among them (MiB). */
function measure(runs, argv, { folio, build = REPO }) {
  const ms = [];
  let peak = 0;
  for (let i = 0; i < runs; i++) {
    const rss = join(tmpdir(), `folio-bench-history-${process.pid}.json`);
    const t = process.hrtime.bigint();
    const r = folio
      ? spawnSync(process.execPath, [join(build, 'scripts/rss-wrap.mjs'), ...argv], { env: { ...env, FOLIO_RSS_FILE: rss }, maxBuffer: 1 << 30 })
      : spawnSync(argv[0], argv.slice(1), { env, maxBuffer: 1 << 30 });
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (r.status !== 0 && !folio) throw new Error(`${argv.join(' ')}: ${r.stderr}`);
    if (folio) {
      const report = JSON.parse(readFileSync(rss, 'utf8'));
      rmSync(rss, { force: true });
      if (report.exitCode === 2) throw new Error(`folio ${argv.join(' ')} failed`);
      peak = Math.max(peak, report.maxRSSKiB / 1024);
    }
  }
  return { ms: median(ms), peakMiB: folio ? Math.round(peak) : undefined };
}

export async function run({ quick = false, out, runs = quick ? 1 : 1, only, before } = {}) {
  const learners = quick ? 100 : 1000;
  const commits = quick ? 500 : 5000;
  const base = mkdtempSync(join(out ?? tmpdir(), 'folio-bench-history-'));
  const dir = join(base, 'centre');
  try {
    const gen = spawnSync(process.execPath, [join(REPO, 'scripts/generate.mjs'), '--learners', String(learners), '--seed', '7', '--out', dir, '--history', String(commits)], { encoding: 'utf8' });
    if (gen.status !== 0) throw new Error(gen.stderr);
    const made = Number(/history: ([\d,]+) commits/.exec(gen.stdout)?.[1].replace(/,/g, ''));
    const last = spawnSync('git', ['log', '-1', '--format=%cs'], { cwd: dir, env, encoding: 'utf8' }).stdout.trim();
    const yearBefore = new Date(Date.parse(`${last}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
    const at = `${learners.toLocaleString('en-GB')} learners, ${made.toLocaleString('en-GB')} commits`;
    const check = { what: `folio check --no-cache, cold (${at})`, ...measure(runs, ['check', '--no-cache', '-C', dir], { folio: true }) };
    const log = { what: 'git log --oneline over the history', ...measure(runs, ['git', '-C', dir, 'log', '--oneline'], { folio: false }) };
    const rows = [check, log];
    const against = (what, argv) => {
      for (const [build, label] of before ? [[before, ' (before)'], [REPO, '']] : [[REPO, '']]) {
        const m = measure(runs, [...argv, '-C', dir], { folio: true, build });
        rows.push({ what: `${what}${label}`, ...m, ratio: m.ms / check.ms, against: 'cold check' });
        rows.push({ what: `${what}${label}, against git log`, ms: m.ms, ratio: m.ms / log.ms, against: 'git log' });
      }
    };
    if (only !== 'verify') {
      against('folio progress --by month, a year, no cache', ['progress', '--by', 'month', '--since', yearBefore, '--until', last, '--format', 'json', '--no-cache']);
      against('folio progress --by week, a year, no cache', ['progress', '--by', 'week', '--since', yearBefore, '--until', last, '--format', 'json', '--no-cache']);
    }
    if (only !== 'progress') {
      against('folio verify, every learner', ['verify', '--format', 'json']);
      against('folio verify LR-00001', ['verify', 'LR-00001', '--format', 'json']);
    }
    return rows.map((r) => ({ what: r.what, ms: Math.round(r.ms), ratio: r.ratio === undefined ? undefined : Number(r.ratio.toFixed(2)), against: r.against, peakMiB: r.peakMiB }));
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const quick = argv.includes('--quick');
  const runs = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 1;
  const out = argv.includes('--out') ? resolve(argv[argv.indexOf('--out') + 1]) : undefined;
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
  const before = argv.includes('--before') ? resolve(argv[argv.indexOf('--before') + 1]) : undefined;
  const rows = await run({ quick, out, runs, only, before });
  const cell = (x) => (x === undefined ? '' : String(x));
  process.stdout.write('| what | ms | ratio | against | peak MiB |\n| --- | ---: | ---: | --- | ---: |\n');
  for (const r of rows) process.stdout.write(`| ${r.what} | ${cell(r.ms)} | ${cell(r.ratio)} | ${cell(r.against)} | ${cell(r.peakMiB)} |\n`);
}
