#!/usr/bin/env node
// How long `folio report` takes against `folio status --format json` on the same generated
// centre (scripts/generate.mjs): the report reads the same results, and each learner's records
// (from the cache when warm, else from the portfolio once more), and writes a page per learner
// and unit, so it should cost about the status run plus writing the files. Measurements only: no test reads them.
//
//   npm run bench:report -- [--quick] [--sizes 1000] [--runs 3] [--seed 1] [--out DIR] [--keep] [--write]
//
// Each size: generate a centre, then in fresh node processes (scripts/rss-wrap.mjs) time, cold
// (no cache) and warm (cache from the run before), status --format json and report -o DIR,
// the median of --runs; --write replaces scripts/bench-report-results.md. "Writing the files" is
// measured apart, as the floor the issue allows on top of status: a fresh process holds every
// file of the site in memory, then writes each over its earlier copy as folio writes a page (a
// temporary file beside it, renamed over its name, not synced), and times only that. The generated centre
// is not a git repository, so the report's git parts (timelines, burn-up, verify) say "not
// available" and cost nothing here; `npm run bench:git` measures history and verify.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { announce, build, DISK_PER_LEARNER, HERE, log, REPO, results, scratch, stopIfInterrupted } from './bench-common.mjs';

// The writing floor, run in a process of its own: node bench-report.mjs --write-floor SITE COPY.
if (process.argv[2] === '--write-floor') {
  const [site, copy] = process.argv.slice(3);
  const files = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else files.push([join(copy, relative(site, join(d, e.name))), readFileSync(join(d, e.name))]);
    }
  };
  walk(site);
  const put = ([path, bytes]) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(`${path}.tmp`, bytes, { flag: 'wx' });
    renameSync(`${path}.tmp`, path);
  };
  // Once to make the copy, then timed over it, as a warm report writes over its earlier site.
  files.forEach(put);
  const t0 = process.hrtime.bigint();
  files.forEach(put);
  process.stdout.write(`${Number(process.hrtime.bigint() - t0) / 1e6}\n`);
  process.exit(0);
}

const opts = { sizes: [1000], runs: 3, seed: 1, keep: false, out: undefined, write: false };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--sizes') opts.sizes = String(argv[++i] ?? '').split(',').map((s) => Number(s.trim().replace(/_/g, '')));
  else if (a === '--runs') opts.runs = Number(argv[++i]);
  else if (a === '--seed') opts.seed = Number(argv[++i]);
  else if (a === '--keep') opts.keep = true;
  else if (a === '--write') opts.write = true;
  else if (a === '--out') opts.out = resolve(String(argv[++i] ?? ''));
  else if (a === '--quick') Object.assign(opts, { sizes: [100], runs: 1 });
  else if (a === '--help' || a === '-h') {
    process.stdout.write('usage: npm run bench:report -- [--quick] [--sizes 1000] [--runs 3] [--seed 1] [--out DIR] [--keep] [--write]\n');
    process.exit(0);
  } else {
    process.stderr.write(`bench:report: unknown argument ${a}\n`);
    process.exit(2);
  }
}
if (!opts.sizes.length || opts.sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  process.stderr.write('bench:report: --sizes takes whole numbers, e.g. 100,1000\n');
  process.exit(2);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function folio(dir, args) {
  const rssFile = join(dir, `.rss-${process.pid}.json`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(HERE, 'rss-wrap.mjs'), ...args, '-C', dir], { cwd: REPO, env: { ...process.env, FOLIO_RSS_FILE: rssFile, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  stopIfInterrupted(r);
  const report = JSON.parse(readFileSync(rssFile, 'utf8'));
  rmSync(rssFile);
  if (report.exitCode !== 0) throw new Error(`folio ${args.join(' ')} exited ${report.exitCode}: ${r.stderr}`);
  return { ms, rssMiB: report.maxRSSKiB / 1024 };
}

function du(dir) {
  let bytes = 0;
  let files = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else {
        bytes += statSync(join(d, e.name)).size;
        files++;
      }
    }
  };
  walk(dir);
  return { bytes, files };
}

const total = opts.sizes.reduce((a, b) => a + b, 0);
const base = scratch('folio-bench-report-', opts.out, opts.keep);
announce('bench:report', 20 + total * 0.03 * opts.runs * 4, total * (DISK_PER_LEARNER + 300 * 1024), base);
build();
const rows = [];
for (const size of opts.sizes) {
  const dir = join(base, `centre-${size}`);
  log(`\n${size.toLocaleString('en-GB')} learners: generating in ${dir}`);
  const gen = spawnSync(process.execPath, [join(HERE, 'generate.mjs'), '--learners', String(size), '--seed', String(opts.seed), '--out', dir], { encoding: 'utf8' });
  if (gen.status !== 0) throw new Error(`generate failed: ${gen.stderr}`);
  const site = join(base, `site-${size}`);
  const times = { statusCold: [], statusWarm: [], reportCold: [], reportWarm: [], writing: [] };
  let rss = 0;
  for (let run = 0; run < opts.runs; run++) {
    rmSync(join(dir, '.folio-cache'), { recursive: true, force: true });
    times.statusCold.push(folio(dir, ['status', '--format', 'json']).ms);
    times.statusWarm.push(folio(dir, ['status', '--format', 'json']).ms);
    rmSync(join(dir, '.folio-cache'), { recursive: true, force: true });
    rmSync(site, { recursive: true, force: true });
    const cold = folio(dir, ['report', '-o', site]);
    times.reportCold.push(cold.ms);
    rss = Math.max(rss, cold.rssMiB);
    times.reportWarm.push(folio(dir, ['report', '-o', site]).ms);
    const copy = join(base, `copy-${size}`);
    rmSync(copy, { recursive: true, force: true });
    const w = spawnSync(process.execPath, [join(HERE, 'bench-report.mjs'), '--write-floor', site, copy], { encoding: 'utf8' });
    stopIfInterrupted(w);
    if (w.status !== 0) throw new Error(`the writing floor failed: ${w.stderr}`);
    times.writing.push(Number(w.stdout));
    rmSync(copy, { recursive: true, force: true });
  }
  const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
  const { bytes, files } = du(site);
  log(`  status json cold ${Math.round(m.statusCold)} ms, warm ${Math.round(m.statusWarm)} ms; report cold ${Math.round(m.reportCold)} ms, warm ${Math.round(m.reportWarm)} ms; writing the files ${Math.round(m.writing)} ms; ${files} files, ${(bytes / 2 ** 20).toFixed(1)} MiB`);
  rows.push({ size, ...m, files, mib: bytes / 2 ** 20, rss });
}
const n = (x) => Math.round(x).toLocaleString('en-GB');
const table = [
  '| learners | status json cold ms | report cold ms (×status) | status json warm ms | writing the files ms | report warm ms (×status) | report warm ×(status + writing) | site files | site MiB | report peak RSS MiB |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${n(r.size)} | ${n(r.statusCold)} | ${n(r.reportCold)} (${(r.reportCold / r.statusCold).toFixed(1)}×) | ${n(r.statusWarm)} | ${n(r.writing)} | ${n(r.reportWarm)} (${(r.reportWarm / r.statusWarm).toFixed(1)}×) | ${(r.reportWarm / (r.statusWarm + r.writing)).toFixed(2)}× | ${n(r.files)} | ${r.mib.toFixed(1)} | ${n(r.rss)} |`),
].join('\n');
process.stdout.write(`${table}\n`);
results(join(HERE, 'bench-report-results.md'), `# folio report against folio status --format json (npm run bench:report)\n\nMedian of ${opts.runs} run${opts.runs === 1 ? '' : 's'}, seed ${opts.seed}, on a generated centre without git history.\n\n${table}\n`, opts.write);
