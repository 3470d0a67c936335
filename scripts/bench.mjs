#!/usr/bin/env node
// Wall-time and memory benchmark of folio over generated centres (scripts/generate.mjs).
// Measurements only: nothing here is a test, and no test reads its numbers.
//
//   npm run bench -- [--sizes 100,1000,10000] [--runs 1] [--seed 1] [--keep]
//
// Builds once (npx tsc -p .), then for each size (and for 10 learners, the reference for the
// one-learner ratio) generates a centre under the system temp folder and times, each in a fresh
// node process running folio through scripts/rss-wrap.mjs:
//   cold check          the first run after generation
//   cold status json    status --format json, the first such run
//   parse floor         scripts/parse-floor.mjs: read and parse every YAML file, nothing else
//   warm check, warm status json, status LR-00001 (median of --runs)
// and prints a Markdown table, also written to scripts/bench-results.md.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..');
const ONE = 'LR-00001';
const REFERENCE = 10;

function parseArgs(argv) {
  const opts = { sizes: [100, 1000, 10000], runs: 1, seed: 1, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--sizes') opts.sizes = String(argv[++i] ?? '').split(',').map((s) => Number(s.trim().replace(/_/g, '')));
    else if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a === '--seed') opts.seed = Number(argv[++i]);
    else if (a === '--keep') opts.keep = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: npm run bench -- [--sizes 100,1000,10000] [--runs 1] [--seed 1] [--keep]\n');
      process.exit(0);
    } else {
      process.stderr.write(`bench: unknown argument ${a}\n`);
      process.exit(2);
    }
  }
  if (!opts.sizes.length || opts.sizes.some((n) => !Number.isInteger(n) || n < 1)) fail('--sizes takes whole numbers, e.g. 100,1000');
  if (!Number.isInteger(opts.runs) || opts.runs < 1) fail('--runs takes a whole number, 1 or more');
  return opts;
}

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

const log = (s) => process.stderr.write(`${s}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Run a command to completion; wall time in ms. */
function timed(cmd, args, opts = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: REPO, encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) throw r.error;
  return { ms, status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

let side = 0;
/** folio in a fresh node process, through the RSS wrapper. */
function folio(dir, args, keepStdout) {
  const rssFile = join(dir, `.rss-${process.pid}-${side++}.json`);
  const env = { ...process.env, FOLIO_RSS_FILE: rssFile, NO_COLOR: '1' };
  if (keepStdout) env.FOLIO_STDOUT_FILE = keepStdout;
  delete env.GITHUB_STEP_SUMMARY;
  const r = timed(process.execPath, [join(HERE, 'rss-wrap.mjs'), ...args, '-C', dir], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let report;
  try {
    report = JSON.parse(readFileSync(rssFile, 'utf8'));
    rmSync(rssFile);
  } catch {
    throw new Error(`folio ${args.join(' ')} did not finish (exit ${r.status}): ${r.stderr.trim().slice(0, 500)}`);
  }
  if (report.exitCode > 1) throw new Error(`folio ${args.join(' ')} exited ${report.exitCode}`);
  return { ms: r.ms, rssMiB: report.maxRSSKiB / 1024, bytes: report.stdoutBytes };
}

function measure(size, opts, base) {
  const dir = join(base, `centre-${size}`);
  log(`\n${size.toLocaleString('en-GB')} learners: generating in ${dir}`);
  const gen = timed(process.execPath, [join(HERE, 'generate.mjs'), '--learners', String(size), '--seed', String(opts.seed), '--out', dir]);
  if (gen.status !== 0) throw new Error(`generate failed: ${gen.stderr}`);
  log(`  ${gen.stdout.trim()}`);
  const manifest = JSON.parse(readFileSync(join(dir, 'generated.json'), 'utf8'));

  const step = (label, fn) => {
    const r = fn();
    log(`  ${label.padEnd(20)} ${Math.round(r.ms).toLocaleString('en-GB').padStart(8)} ms${r.rssMiB ? `  ${r.rssMiB.toFixed(0)} MiB` : ''}`);
    return r;
  };
  const repeat = (label, fn) => {
    const rs = Array.from({ length: opts.runs }, () => fn());
    const r = { ms: median(rs.map((x) => x.ms)), rssMiB: Math.max(...rs.map((x) => x.rssMiB ?? 0)) };
    log(`  ${label.padEnd(20)} ${Math.round(r.ms).toLocaleString('en-GB').padStart(8)} ms${r.rssMiB ? `  ${r.rssMiB.toFixed(0)} MiB` : ''}${opts.runs > 1 ? ` (median of ${opts.runs})` : ''}`);
    return r;
  };

  const coldCheck = step('cold check', () => folio(dir, ['check']));
  const coldStatus = step('cold status json', () => folio(dir, ['status', '--format', 'json']));
  const floorRuns = [];
  const floor = repeat('parse floor', () => {
    const r = timed(process.execPath, [join(HERE, 'parse-floor.mjs'), dir]);
    if (r.status !== 0) throw new Error(`parse-floor failed: ${r.stderr}`);
    floorRuns.push(JSON.parse(r.stdout));
    return { ms: r.ms };
  });
  const warmCheck = repeat('warm check', () => folio(dir, ['check']));
  const warmStatus = repeat('warm status json', () => folio(dir, ['status', '--format', 'json']));
  const one = repeat(`status ${ONE}`, () => folio(dir, ['status', ONE]));

  // Not timed: does check report exactly the deliberate problems?
  const out = join(dir, `.check-${process.pid}.json`);
  folio(dir, ['check', '--format', 'json'], out);
  const found = JSON.parse(readFileSync(out, 'utf8')).diagnostics;
  rmSync(out);
  const key = (file, code) => `${file} ${code}`;
  const expected = manifest.problems.map((p) => key(p.file, p.code)).sort();
  const got = found.map((d) => key(d.file, d.code)).sort();
  const clean = JSON.stringify(expected) === JSON.stringify(got);
  log(`  check reports ${got.length} finding(s), ${manifest.problems.length} deliberate: ${clean ? 'exactly those' : 'MISMATCH'}`);
  if (!clean) log(`    unexpected: ${got.filter((g) => !expected.includes(g)).slice(0, 10).join('; ')}\n    missing: ${expected.filter((e) => !got.includes(e)).slice(0, 10).join('; ')}`);

  if (!opts.keep) rmSync(dir, { recursive: true, force: true });
  return {
    size,
    files: floorRuns[0].files,
    megabytes: floorRuns[0].bytes / 1e6,
    evidenceItems: manifest.evidenceItems,
    evidenceFiles: manifest.evidenceFiles,
    problems: manifest.problems.length,
    clean,
    generateMs: gen.ms,
    floorMs: floor.ms,
    floorParseMs: median(floorRuns.map((r) => r.parseMs)),
    coldCheck: coldCheck.ms,
    warmCheck: warmCheck.ms,
    coldStatus: coldStatus.ms,
    warmStatus: warmStatus.ms,
    one: one.ms,
    rss: Math.max(coldCheck.rssMiB, coldStatus.rssMiB, warmCheck.rssMiB, warmStatus.rssMiB, one.rssMiB),
    rssCheck: Math.max(coldCheck.rssMiB, warmCheck.rssMiB),
    rssStatus: Math.max(coldStatus.rssMiB, warmStatus.rssMiB),
  };
}

const n0 = (x) => Math.round(x).toLocaleString('en-GB');
const withRatio = (ms, floor) => `${n0(ms)} (${(ms / floor).toFixed(1)}×)`;

function table(rows, opts, started) {
  const lines = [
    '| size | files | parse floor ms | cold check ms (×floor) | warm check | cold status json | warm status json | one-learner status | peak RSS MiB |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) =>
      `| ${n0(r.size)}${opts.sizes.includes(r.size) ? '' : ' (ref.)'} | ${n0(r.files)} | ${n0(r.floorMs)} | ${withRatio(r.coldCheck, r.floorMs)} | ${withRatio(r.warmCheck, r.floorMs)} | ${withRatio(r.coldStatus, r.floorMs)} | ${withRatio(r.warmStatus, r.floorMs)} | ${withRatio(r.one, r.floorMs)} | ${r.rss.toFixed(0)} |`,
    ),
  ];
  const ref = rows.find((r) => r.size === REFERENCE);
  const big = rows.reduce((a, b) => (b.size > a.size ? b : a));
  const notes = [
    '',
    `Times are wall-clock ms of one fresh \`node\` process each (start-up included), median of ${opts.runs} run${opts.runs === 1 ? '' : 's'} for the warm columns; "cold" is the first run after generation (files still in the page cache). (×floor) is the time divided by the parse floor of the same size: one node process that reads and parses every YAML file with \`parseDocument(text, { schema: 'failsafe' })\` and does nothing else. Peak RSS is the largest maxRSS of the folio runs of that size (check: ${rows.map((r) => r.rssCheck.toFixed(0)).join(' / ')} MiB; status json: ${rows.map((r) => r.rssStatus.toFixed(0)).join(' / ')} MiB). One-learner status is \`folio status ${ONE}\` (table).`,
  ];
  if (ref && big !== ref) notes.push('', `One learner at ${n0(big.size)} vs at ${n0(ref.size)}: ${n0(big.one)} ms / ${n0(ref.one)} ms = ${(big.one / ref.one).toFixed(2)}×.`);
  notes.push(
    '',
    '| size | YAML MB | evidence items | evidence files | generate ms | floor: parse only, in-process ms | check finds only the deliberate problems |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map((r) => `| ${n0(r.size)} | ${r.megabytes.toFixed(1)} | ${n0(r.evidenceItems)} | ${n0(r.evidenceFiles)} | ${n0(r.generateMs)} | ${n0(r.floorParseMs)} | ${r.clean ? `yes (${r.problems})` : `NO (${r.problems} planted)`} |`),
    '',
    `Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus()[0]?.model?.trim() ?? 'unknown CPU'} (${cpus().length} CPUs), Node ${process.version}, seed ${opts.seed}: \`npm run bench -- --sizes ${opts.sizes.join(',')} --runs ${opts.runs}\`.`,
  );
  return `${lines.join('\n')}\n${notes.join('\n')}\n`;
}

const opts = parseArgs(process.argv.slice(2));
const started = new Date();
log('building: npx tsc -p .');
const build = timed('npx', ['tsc', '-p', '.'], { shell: process.platform === 'win32' });
if (build.status !== 0) fail(`build failed:\n${build.stdout}${build.stderr}`);
const base = mkdtempSync(join(tmpdir(), 'folio-bench-'));
const rows = [];
try {
  const sizes = [...new Set([REFERENCE, ...opts.sizes])].sort((a, b) => a - b);
  for (const size of sizes) rows.push(measure(size, opts, base));
} finally {
  if (!opts.keep) rmSync(base, { recursive: true, force: true });
  else log(`\ncentres kept in ${base}`);
}
const md = table(rows, opts, started);
process.stdout.write(`\n${md}`);
writeFileSync(join(HERE, 'bench-results.md'), `# folio benchmark\n\n${md}`);
log(`\nwritten to ${join('scripts', 'bench-results.md')}`);
