#!/usr/bin/env node
// Wall-time and memory benchmark of folio over generated centres (scripts/generate.mjs).
// Measurements only: nothing here is a test, and no test reads its numbers.
//
//   npm run bench -- [--quick] [--sizes 100,1000,10000] [--runs 1] [--seed 1] [--heap MiB]
//                    [--out DIR] [--keep] [--write]
//
// Says first how long it should take and how much disk it needs (scripts/bench-common.mjs),
// builds once (npx tsc -p .), then for each size (and for 10 learners, the reference for the
// one-learner ratio) generates a centre in a temporary folder (under --out DIR, else the
// system temp folder; removed at the end unless --keep) and times, each in a fresh node
// process running folio through scripts/rss-wrap.mjs:
//   cold check          no cache (.folio-cache deleted first): every portfolio assessed
//   warm check          the same again, nothing changed: from the cache (median of --runs)
//   cold status json    status --format json with no cache; warm status json, the same again
//   parse floor         scripts/parse-floor.mjs: read and parse every YAML file, nothing else
//   status LR-00001     one learner's status, --no-cache; folio --version for comparison
//   warm gaps           gaps as table, JSON and CSV on the warm cache, against warm status json
//   cold/warm report    report -o DIR (a new folder each time), against cold/warm status json
//   js-yaml floor       parse-floor.mjs --js-yaml: every YAML file parsed by js-yaml's load
//   ajv-cli             ajv-cli validating the same YAML against schemas/ (one run per kind)
// then, when scripts/bench/history.mjs is there, its rows (history, progress and verify on a
// generated history), and prints Markdown tables: the ratios the issue asks for first; --write also replaces scripts/bench-results.md, the committed
// reference run. --quick is --sizes 100 --runs 1, well under a minute. A folio run that dies
// (out of memory at Node's default heap limit, for instance) is reported as such and its warm
// repeat is skipped; --heap MiB runs folio with --max-old-space-size=MiB instead.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { announce, build, DISK_PER_LEARNER, HERE, log, REPO, results, scratch, stopIfInterrupted } from './bench-common.mjs';

const ONE = 'LR-00001';
const REFERENCE = 10;

function parseArgs(argv) {
  const opts = { sizes: [100, 1000, 10000], runs: 1, seed: 1, keep: false, heap: undefined, out: undefined, write: false, quick: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--sizes') opts.sizes = String(argv[++i] ?? '').split(',').map((s) => Number(s.trim().replace(/_/g, '')));
    else if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a === '--seed') opts.seed = Number(argv[++i]);
    else if (a === '--heap') opts.heap = Number(argv[++i]);
    else if (a === '--keep') opts.keep = true;
    else if (a === '--write') opts.write = true;
    else if (a === '--out') opts.out = resolve(String(argv[++i] ?? ''));
    else if (a === '--quick') Object.assign(opts, { sizes: [100], runs: 1, quick: true });
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: npm run bench -- [--quick] [--sizes 100,1000,10000] [--runs 1] [--seed 1] [--heap MiB] [--out DIR] [--keep] [--write]\n');
      process.exit(0);
    } else {
      process.stderr.write(`bench: unknown argument ${a}\n`);
      process.exit(2);
    }
  }
  if (!opts.sizes.length || opts.sizes.some((n) => !Number.isInteger(n) || n < 1)) fail('--sizes takes whole numbers, e.g. 100,1000');
  if (!Number.isInteger(opts.runs) || opts.runs < 1) fail('--runs takes a whole number, 1 or more');
  if (opts.heap !== undefined && (!Number.isInteger(opts.heap) || opts.heap < 64)) fail('--heap takes a size in MiB, e.g. 12288');
  return opts;
}

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

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
  stopIfInterrupted(r);
  return { ms, status: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

let side = 0;
let nodeFlags = [];
/** folio in a fresh node process, through the RSS wrapper. A run that dies is returned with
 * `failed` (what killed it) rather than thrown, so one size that is too big still reports. */
function folio(dir, args, keepStdout) {
  const rssFile = join(dir, `.rss-${process.pid}-${side++}.json`);
  const env = { ...process.env, FOLIO_RSS_FILE: rssFile, NO_COLOR: '1' };
  if (keepStdout) env.FOLIO_STDOUT_FILE = keepStdout;
  delete env.GITHUB_STEP_SUMMARY;
  const r = timed(process.execPath, [...nodeFlags, join(HERE, 'rss-wrap.mjs'), ...args, '-C', dir], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let report;
  try {
    report = JSON.parse(readFileSync(rssFile, 'utf8'));
    rmSync(rssFile);
  } catch {
    const oom = /heap out of memory|Allocation failed/i.test(r.stderr);
    log(`  folio ${args.join(' ')} died after ${(r.ms / 1000).toFixed(0)} s (exit ${r.status}${r.signal ? `, ${r.signal}` : ''})${oom ? ': JavaScript heap out of memory' : `: ${r.stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 300)}`}`);
    return { ms: r.ms, failed: oom ? 'OOM' : `exit ${r.status}` };
  }
  if (report.exitCode > 1) throw new Error(`folio ${args.join(' ')} exited ${report.exitCode}`);
  return { ms: r.ms, rssMiB: report.maxRSSKiB / 1024, bytes: report.stdoutBytes };
}

const GAPS_FORMATS = ['table', 'json', 'csv'];

// ajv-cli validating the same YAML against folio's JSON Schemas (schemas/), one process per
// kind of file as a CI job would run it: what a schema validator alone costs. It reads YAML with
// js-yaml, which turns dates into Date objects that the schemas' strings refuse, so its exit
// code is not looked at; --errors=no keeps it from spending its time printing them.
function ajvCli(dir) {
  const bin = join(REPO, 'node_modules', 'ajv-cli', 'dist', 'index.js');
  let ms = 0;
  for (const [schema, data] of [['unit', 'specs/units/*.yaml'], ['qualification', 'specs/qualifications/*.yaml'], ['centre', 'portfolios/centre.yaml'], ['portfolio', 'portfolios/*/portfolio.yaml']]) {
    const r = timed(process.execPath, [bin, 'validate', '--strict=false', '--errors=no', '-s', join(REPO, 'schemas', `${schema}.schema.json`), '-d', data], { cwd: dir });
    if (r.signal) throw new Error(`ajv-cli died: ${r.signal}`);
    ms += r.ms;
  }
  return { ms };
}

function measure(size, opts, base) {
  const dir = join(base, `centre-${size}`);
  log(`\n${size.toLocaleString('en-GB')} learners: generating in ${dir}`);
  const gen = timed(process.execPath, [join(HERE, 'generate.mjs'), '--learners', String(size), '--seed', String(opts.seed), '--out', dir]);
  if (gen.status !== 0) throw new Error(`generate failed: ${gen.stderr}`);
  log(`  ${gen.stdout.trim()}`);
  const manifest = JSON.parse(readFileSync(join(dir, 'generated.json'), 'utf8'));

  const show = (label, r, note = '') =>
    log(`  ${label.padEnd(20)} ${r.skipped ? '       —' : Math.round(r.ms).toLocaleString('en-GB').padStart(8) + ' ms'}${r.rssMiB ? `  ${r.rssMiB.toFixed(0)} MiB` : ''}${r.failed ? `  (${r.failed})` : ''}${r.skipped ? `  (skipped: ${r.skipped})` : ''}${note}`);
  const step = (label, fn) => {
    const r = fn();
    show(label, r);
    return r;
  };
  const repeat = (label, fn, skip) => {
    if (skip) {
      const r = { skipped: skip };
      show(label, r);
      return r;
    }
    const rs = [];
    for (let i = 0; i < opts.runs; i++) {
      const x = fn();
      rs.push(x);
      if (x.failed) break;
    }
    const failed = rs.find((x) => x.failed)?.failed;
    const r = { ms: median(rs.map((x) => x.ms)), rssMiB: Math.max(0, ...rs.map((x) => x.rssMiB ?? 0)), failed };
    show(label, r, opts.runs > 1 && !failed ? ` (median of ${opts.runs})` : '');
    return r;
  };

  // Cold: no cache (the folder is deleted first), so every portfolio is read, parsed and
  // assessed. Warm: the same command again, nothing changed, the cache from the cold run.
  const clearCache = () => rmSync(join(dir, '.folio-cache'), { recursive: true, force: true });
  clearCache();
  const coldCheck = step('cold check', () => folio(dir, ['check']));
  const warmCheck = repeat('warm check', () => folio(dir, ['check']), coldCheck.failed && `cold check: ${coldCheck.failed}`);
  clearCache();
  const coldStatus = step('cold status json', () => folio(dir, ['status', '--format', 'json']));
  const warmStatus = repeat('warm status json', () => folio(dir, ['status', '--format', 'json']), coldStatus.failed && `cold status: ${coldStatus.failed}`);
  // gaps on the warm cache the status runs left, against the warm status json just measured
  const gapsRuns = Object.fromEntries(GAPS_FORMATS.map((f) => [f, repeat(`warm gaps ${f}`, () => folio(dir, ['gaps', '--format', f]), warmStatus.failed && 'status died')]));
  // the report, cold (no cache) against the cold status json, then warm; into a new folder each time
  const site = join(base, `site-${size}`);
  const report = () => {
    rmSync(site, { recursive: true, force: true });
    return folio(dir, ['report', '-o', site]);
  };
  clearCache();
  const coldReport = step('cold report', report);
  const warmReport = repeat('warm report', report, coldReport.failed && `cold report: ${coldReport.failed}`);
  rmSync(site, { recursive: true, force: true });
  const floorRuns = [];
  const jsFloor = repeat('js-yaml floor', () => {
    const r = timed(process.execPath, [join(HERE, 'parse-floor.mjs'), dir, '--js-yaml']);
    if (r.status !== 0) throw new Error(`parse-floor --js-yaml failed: ${r.stderr}`);
    return { ms: r.ms };
  });
  const ajv = repeat('ajv-cli', () => ajvCli(dir));
  const floor = repeat('parse floor', () => {
    const r = timed(process.execPath, [join(HERE, 'parse-floor.mjs'), dir]);
    if (r.status !== 0) throw new Error(`parse-floor failed: ${r.stderr}`);
    floorRuns.push(JSON.parse(r.stdout));
    return { ms: r.ms };
  });
  const one = repeat(`status ${ONE}`, () => folio(dir, ['status', ONE, '--no-cache']));
  const version = repeat('folio --version', () => folio(dir, ['--version']));
  // shell completion reads one portfolio and the specs, never the cohort: near --version at any size
  // (the line as bash gives it, naming the centre in it: -C DIR after it is not read)
  const completeLearners = repeat('complete learners', () => folio(dir, ['__complete', '--shell', 'bash', '--line', `folio status -C ${dir} `]));
  const completeUnits = repeat('complete units', () => folio(dir, ['__complete', '--shell', 'bash', '--line', `folio signoff ${ONE} -C ${dir} `]));

  // Not timed: does check report exactly the deliberate problems?
  let clean;
  if (!coldCheck.failed) {
    const out = join(dir, `.check-${process.pid}.json`);
    const r = folio(dir, ['check', '--format', 'json'], out);
    if (!r.failed) {
      const found = JSON.parse(readFileSync(out, 'utf8')).diagnostics;
      rmSync(out);
      const key = (file, code) => `${file} ${code}`;
      const expected = manifest.problems.map((p) => key(p.file, p.code)).sort();
      const got = found.map((d) => key(d.file, d.code)).sort();
      clean = JSON.stringify(expected) === JSON.stringify(got);
      log(`  check reports ${got.length} finding(s), ${manifest.problems.length} deliberate: ${clean ? 'exactly those' : 'MISMATCH'}`);
      if (!clean) log(`    unexpected: ${got.filter((g) => !expected.includes(g)).slice(0, 10).join('; ')}\n    missing: ${expected.filter((e) => !got.includes(e)).slice(0, 10).join('; ')}`);
    }
  }

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
    coldCheck,
    warmCheck,
    coldStatus,
    warmStatus,
    one,
    version,
    completeLearners,
    completeUnits,
    jsFloor,
    ajv,
    gapsRuns,
    coldReport,
    warmReport,
    rss: Math.max(0, ...[coldCheck, coldStatus, warmCheck, warmStatus, one].map((r) => r.rssMiB ?? 0)),
    rssCheck: Math.max(0, ...[coldCheck, warmCheck].map((r) => r.rssMiB ?? 0)),
    rssStatus: Math.max(0, ...[coldStatus, warmStatus].map((r) => r.rssMiB ?? 0)),
    died: [coldCheck, coldStatus, warmCheck, warmStatus, one].some((r) => r.failed),
  };
}

const n0 = (x) => Math.round(x).toLocaleString('en-GB');
const withRatio = (r, floor) =>
  r.skipped ? '—' : r.failed ? `${r.failed} after ${n0(r.ms / 1000)} s` : `${n0(r.ms)} (${(r.ms / floor).toFixed(1)}×)`;
const rssCell = (r, limit) => (r.died ? `OOM at the ${n0(limit)} MiB heap limit` : r.rss.toFixed(0));

// The issue's targets as ratios from one run: each command against what it is measured by.
function ratios(rows) {
  const x = (a, b) => (!a || !b || a.failed || b.failed || a.skipped || b.skipped ? '—' : `${(a.ms / b.ms).toFixed(2)}×`);
  const mib = (r) => (r.failed ? r.failed : r.rssMiB ? r.rssMiB.toFixed(0) : '—');
  const lines = [
    '| size | cold check ×js-yaml floor | cold check ×ajv-cli | warm check ×js-yaml floor | warm check ×ajv-cli | warm status json ×warm check | warm gaps table / json / csv ×warm status json | cold report ×cold status json | warm report ×warm status json |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${n0(r.size)} | ${x(r.coldCheck, r.jsFloor)} | ${x(r.coldCheck, r.ajv)} | ${x(r.warmCheck, r.jsFloor)} | ${x(r.warmCheck, r.ajv)} | ${x(r.warmStatus, r.warmCheck)} | ${GAPS_FORMATS.map((f) => x(r.gapsRuns[f], r.warmStatus)).join(' / ')} | ${x(r.coldReport, r.coldStatus)} | ${x(r.warmReport, r.warmStatus)} |`),
    '',
    '| size | js-yaml floor ms | ajv-cli ms | cold check ms | warm check ms | cold / warm status json ms | warm gaps table / json / csv ms | cold / warm report ms |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${n0(r.size)} | ${n0(r.jsFloor.ms)} | ${n0(r.ajv.ms)} | ${n0(r.coldCheck.ms)} | ${n0(r.warmCheck.ms)} | ${n0(r.coldStatus.ms)} / ${n0(r.warmStatus.ms)} | ${GAPS_FORMATS.map((f) => n0(r.gapsRuns[f].ms ?? 0)).join(' / ')} | ${n0(r.coldReport.ms)} / ${n0(r.warmReport.ms)} |`),
    '',
    '| size | peak RSS MiB: cold check | warm check | cold status json | warm status json | gaps table / json / csv | cold report | warm report |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${n0(r.size)} | ${mib(r.coldCheck)} | ${mib(r.warmCheck)} | ${mib(r.coldStatus)} | ${mib(r.warmStatus)} | ${GAPS_FORMATS.map((f) => mib(r.gapsRuns[f])).join(' / ')} | ${mib(r.coldReport)} | ${mib(r.warmReport)} |`),
  ];
  return `${lines.join('\n')}\n`;
}

// The history half (scripts/bench/history.mjs, when it is there): rows of { what, ms, ratio,
// against, peakMiB } on a generated history.
function historyTable(rows) {
  const lines = ['| what | ms | ratio | against | peak RSS MiB |', '| --- | ---: | ---: | --- | ---: |', ...rows.map((r) => `| ${r.what} | ${r.ms === undefined ? '—' : n0(r.ms)} | ${typeof r.ratio === 'number' ? `${r.ratio.toFixed(2)}×` : (r.ratio ?? '—')} | ${r.against ?? ''} | ${typeof r.peakMiB === 'number' ? r.peakMiB.toFixed(0) : (r.peakMiB ?? '—')} |`)];
  return `${lines.join('\n')}\n`;
}

function table(rows, opts, started) {
  const lines = [
    '| size | files | parse floor ms | cold check ms (×floor) | warm check | cold status json | warm status json | one-learner status | --version | peak RSS MiB |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) =>
      `| ${n0(r.size)}${opts.sizes.includes(r.size) ? '' : ' (ref.)'} | ${n0(r.files)} | ${n0(r.floorMs)} | ${withRatio(r.coldCheck, r.floorMs)} | ${withRatio(r.warmCheck, r.floorMs)} | ${withRatio(r.coldStatus, r.floorMs)} | ${withRatio(r.warmStatus, r.floorMs)} | ${withRatio(r.one, r.floorMs)} | ${r.version.failed ? '—' : n0(r.version.ms)} | ${rssCell(r, heapLimit)} |`,
    ),
  ];
  const ref = rows.find((r) => r.size === REFERENCE);
  const big = rows.reduce((a, b) => (b.size > a.size ? b : a));
  const notes = [
    '',
    `Times are wall-clock ms of one fresh \`node\` process each (start-up included), median of ${opts.runs} run${opts.runs === 1 ? '' : 's'} for the warm columns; "cold" is a run with no cache (.folio-cache deleted first; the files are still in the page cache), "warm" the same command again with the cache the cold run wrote and nothing changed. One-learner status runs with --no-cache; worker threads: ${process.env.FOLIO_WORKERS ?? 'automatic'}. (×floor) is the time divided by the parse floor of the same size: one node process that reads and parses every YAML file with \`parseDocument(text, { schema: 'failsafe' })\` and does nothing else. Peak RSS is the largest maxRSS of the folio runs of that size (check: ${rows.map((r) => (r.rssCheck ? r.rssCheck.toFixed(0) : '—')).join(' / ')} MiB; status json: ${rows.map((r) => (r.rssStatus ? r.rssStatus.toFixed(0) : '—')).join(' / ')} MiB, by size). One-learner status is \`folio status ${ONE}\` (table).`,
  ];
  if (ref && big !== ref && !big.one.failed && !ref.one.failed) notes.push('', `One learner at ${n0(big.size)} vs at ${n0(ref.size)}: ${n0(big.one.ms)} ms / ${n0(ref.one.ms)} ms = ${(big.one.ms / ref.one.ms).toFixed(2)}×.`);
  const k1 = rows.find((r) => r.size === 1000);
  const k10 = rows.find((r) => r.size === 10000);
  if (k1 && k10) {
    const ratio = (a, b) => (a.failed || b.failed || a.skipped || b.skipped ? '—' : `${(a.ms / b.ms).toFixed(1)}×`);
    notes.push('', `10,000 vs 1,000 learners: cold check ${ratio(k10.coldCheck, k1.coldCheck)}, warm check ${ratio(k10.warmCheck, k1.warmCheck)}, cold status json ${ratio(k10.coldStatus, k1.coldStatus)}, warm status json ${ratio(k10.warmStatus, k1.warmStatus)}.`);
  }
  notes.push(
    '',
    '| size | YAML MB | evidence items | evidence files | generate ms | floor: parse only, in-process ms | check finds only the deliberate problems |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map((r) => `| ${n0(r.size)} | ${r.megabytes.toFixed(1)} | ${n0(r.evidenceItems)} | ${n0(r.evidenceFiles)} | ${n0(r.generateMs)} | ${n0(r.floorParseMs)} | ${r.clean === undefined ? 'not checked (check died)' : r.clean ? `yes (${r.problems})` : `NO (${r.problems} planted)`} |`),
    '',
    `Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus()[0]?.model?.trim() ?? 'unknown CPU'} (${cpus().length} CPUs, ${n0(totalmem() / 2 ** 30)} GiB), Node ${process.version}, folio heap limit ${n0(heapLimit)} MiB${opts.heap ? ' (--heap)' : " (Node's default)"}, seed ${opts.seed}: \`npm run bench -- --sizes ${opts.sizes.join(',')} --runs ${opts.runs}${opts.heap ? ` --heap ${opts.heap}` : ''}\`.`,
  );
  return `${lines.join('\n')}\n${notes.join('\n')}\n`;
}

const opts = parseArgs(process.argv.slice(2));
const started = new Date();
if (opts.heap) nodeFlags = [`--max-old-space-size=${opts.heap}`];
const heapLimit = Number(
  spawnSync(process.execPath, [...nodeFlags, '-e', 'process.stdout.write(String(require("v8").getHeapStatistics().heap_size_limit / 1048576))'], { encoding: 'utf8' }).stdout,
);
const sizes = [...new Set([REFERENCE, ...opts.sizes])].sort((a, b) => a - b);
// Seconds from the committed run (2 CPUs): the build, then per size a few seconds of process
// start-ups, and per learner about 9 ms once (generate, cold runs) and 8 ms for each of --runs
// (the warm runs and the parse floor). Disk: one centre at a time, or all of them with --keep.
// The report, gaps, js-yaml floor and ajv-cli runs add about 25 ms per learner once and 20 ms
// for each of --runs; the history half says its own.
const seconds = 20 + sizes.reduce((t, n) => t + 6 + 4 * opts.runs + n * (0.034 + 0.028 * opts.runs), 0);
const learnersOnDisk = opts.keep ? sizes.reduce((a, b) => a + b, 0) : Math.max(...sizes);
announce(`bench of ${sizes.map((n) => n.toLocaleString('en-GB')).join(', ')} learners, ${opts.runs} run${opts.runs === 1 ? '' : 's'}`, seconds, 2 ** 20 + learnersOnDisk * DISK_PER_LEARNER, opts.out ?? tmpdir());
build();
const base = scratch('folio-bench-', opts.out, opts.keep);
const rows = [];
for (const size of sizes) rows.push(measure(size, opts, base));
let history = '';
const historyScript = join(HERE, 'bench', 'history.mjs');
if (existsSync(historyScript)) {
  log('\nhistory: scripts/bench/history.mjs');
  const { run } = await import(pathToFileURL(historyScript).href);
  history = `\n## History\n\n${historyTable(await run({ quick: opts.quick, out: base, runs: opts.runs }))}`;
}
const md = `${ratios(rows)}\n${table(rows, opts, started)}${history}`;
process.stdout.write(`\n${md}`);
results(join(HERE, 'bench-results.md'), `# folio benchmark\n\n${md}`, opts.write);
log(`took ${Math.round((Date.now() - started.getTime()) / 1000)} s`);
