#!/usr/bin/env node
// Records what folio prints, so a change that is meant to leave behaviour alone can be shown to
// (issue 15 item 5; not used by folio or its tests):
//
//   node scripts/compare-outputs.mjs record DIR [--folio PATH/bin/folio.js] [--data REPO] [--only RE]
//   node scripts/compare-outputs.mjs compare DIR [--folio …] [--data …] [--only RE]
//
// record runs check, status, gaps, spec, import, history, progress and verify in every format
// each takes, with their exit codes, stderr and the files they write, on the sample centre, the
// broken fixtures, the fixture centre, a generated 1,000-learner centre (seed 1) and a git
// repository built from the sample centre with fixed people and dates, and writes one file per
// run into DIR. compare runs the same into a temporary folder and prints each run whose bytes
// differ from DIR with a short diff, exiting 1 when any does. The centres come from --data (by
// default the repository holding --folio), copied into a temporary folder whose path is written
// as <WORK>; the environment is fixed (no colour, UTC, no git configuration) and every date
// "today" could stand for is given, so two runs of one build give the same bytes.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cases, formsOf, setUp } from './compare-cases.mjs';

const HERE = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------- arguments

function usage(message) {
  const text = 'usage: node scripts/compare-outputs.mjs record|compare DIR [--folio PATH/bin/folio.js] [--data REPO] [--only REGEXP] [--jobs N] [--keep]\n';
  if (message) {
    process.stderr.write(`compare-outputs: ${message}\n${text}`);
    process.exit(2);
  }
  process.stdout.write(`${text}
  record   run every case and write one file per case into DIR (which must not exist yet)
  compare  run every case again and report each whose bytes differ from DIR (exit 1 if any)
  --folio  the folio to run (default: bin/folio.js beside this script)
  --data   the repository whose sample centre, fixtures, seeds and scripts/generate.mjs are
           used (default: the repository holding --folio)
  --only   only the cases whose name matches REGEXP (compare then looks at those alone)
  --jobs   runs at once (default 2)
  --keep   keep the temporary folder of centres and print its path
`);
  process.exit(0);
}

function parseArgs(argv) {
  const o = { mode: argv[0], dir: argv[1], folio: undefined, data: undefined, only: undefined, jobs: 2, keep: false };
  if (o.mode === '--help' || o.mode === '-h') usage();
  if (o.mode !== 'record' && o.mode !== 'compare') usage('the first argument is record or compare');
  if (!o.dir || o.dir.startsWith('-')) usage('DIR is required');
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i] ?? usage(`${a} needs a value`);
    if (a === '--folio') o.folio = resolve(next());
    else if (a === '--data') o.data = resolve(next());
    else if (a === '--only') o.only = new RegExp(next());
    else if (a === '--jobs') o.jobs = Math.max(1, Number(next()) || 1);
    else if (a === '--keep') o.keep = true;
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown argument ${a}`);
  }
  o.folio ??= join(HERE, 'bin/folio.js');
  o.data ??= resolve(dirname(o.folio), '..');
  if (!existsSync(o.folio)) usage(`no folio at ${o.folio}`);
  if (!existsSync(join(o.folio, '../../dist/cli.js'))) usage(`${o.folio} has no build beside it (npx tsc -p tsconfig.json there)`);
  if (o.mode === 'record' && existsSync(o.dir)) usage(`${o.dir} already exists`);
  if (o.mode === 'compare' && !existsSync(o.dir)) usage(`no recording at ${o.dir}`);
  return o;
}

// ---------------------------------------------------------------- running

function runOne(o, step, env) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [o.folio, ...step.args], { cwd: step.cwd, env: step.cache ? env : { ...env, FOLIO_CACHE: 'off' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('close', (code, signal) => done({ code: signal ? `signal ${signal}` : code, stdout: Buffer.concat(out), stderr: Buffer.concat(err) }));
  });
}

function listFiles(path) {
  if (!existsSync(path)) return [[path, null]];
  if (!statSync(path).isDirectory()) return [[path, readFileSync(path)]];
  return readdirSync(path).sort().flatMap((n) => listFiles(join(path, n)));
}

// Bytes are handled as latin1 so that any output, valid UTF-8 or not, survives unchanged.
async function record(o, c, env, normalise) {
  const parts = [];
  for (const step of c.steps) {
    const r = await runOne(o, step, env);
    const section = (title, buf) => `--- ${title}: ${buf.length} bytes\n${buf.toString('latin1')}\n`;
    const text = [`$ folio ${step.args.join(' ')}\n`, `cwd: ${step.cwd}\n`, `exit: ${r.code}\n`, section('stdout', r.stdout), section('stderr', r.stderr)];
    for (const f of step.files ?? []) for (const [path, buf] of listFiles(f)) text.push(buf === null ? `--- file ${path}: absent\n` : section(`file ${path}`, buf));
    parts.push(normalise(text.join('')));
  }
  return Buffer.from(parts.join('\n'), 'latin1');
}

async function runAll(o, work, outDir) {
  const home = join(work, 'home');
  mkdirSync(home);
  writeFileSync(join(home, '.gitconfig'), '');
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', NO_COLOR: '1', GIT_CONFIG_GLOBAL: join(home, '.gitconfig'), GIT_CONFIG_NOSYSTEM: '1', GIT_CEILING_DIRECTORIES: work };
  const list = cases(work, formsOf(o, work)).filter((c) => !o.only || o.only.test(c.name));
  setUp(o, work, env, (prefix) => list.some((c) => c.name.startsWith(prefix)));
  const real = realpathSync(work);
  const folioDir = resolve(dirname(o.folio), '..');
  const swaps = [[real, '<WORK>'], [work, '<WORK>'], [folioDir, '<FOLIO>'], [o.data, '<DATA>']].filter(([p], i, a) => a.findIndex(([q]) => q === p) === i).sort((a, b) => b[0].length - a[0].length);
  const normalise = (s) => swaps.reduce((t, [from, to]) => t.split(from).join(to), s);
  mkdirSync(outDir, { recursive: true });
  // cases of one chain run in order on one worker, each other case on whichever is free
  const jobs = [];
  const chains = new Map();
  for (const c of list) {
    if (!c.chain) jobs.push([c]);
    else if (chains.has(c.chain)) chains.get(c.chain).push(c);
    else {
      chains.set(c.chain, [c]);
      jobs.push(chains.get(c.chain));
    }
  }
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      for (const c of jobs[next++]) writeFileSync(join(outDir, c.name.replaceAll('/', '__')), await record(o, c, env, normalise));
    }
  };
  await Promise.all(Array.from({ length: o.jobs }, worker));
  return list;
}

// ---------------------------------------------------------------- main

const o = parseArgs(process.argv.slice(2));
const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 'folio-compare-'));
try {
  if (o.mode === 'record') {
    const staging = `${resolve(o.dir)}.partial`;
    rmSync(staging, { recursive: true, force: true });
    const list = await runAll(o, work, staging);
    renameSync(staging, o.dir);
    process.stdout.write(`recorded ${list.length} cases into ${o.dir} in ${Math.round((Date.now() - started) / 1000)} s\n`);
  } else {
    const fresh = join(work, 'now');
    const list = await runAll(o, work, fresh);
    const names = new Set([...readdirSync(fresh), ...readdirSync(o.dir).filter((n) => !o.only || o.only.test(n.replaceAll('__', '/')))]);
    let differ = 0;
    for (const n of [...names].sort()) {
      const was = join(o.dir, n);
      const now = join(fresh, n);
      const name = n.replaceAll('__', '/');
      if (!existsSync(was) || !existsSync(now)) {
        differ++;
        process.stdout.write(`\n### ${name}: ${existsSync(was) ? 'no longer run' : 'not in the recording'}\n`);
        continue;
      }
      if (readFileSync(was).equals(readFileSync(now))) continue;
      differ++;
      const d = spawnSync('diff', ['-u', '--label', `recorded/${name}`, '--label', `now/${name}`, was, now], { encoding: 'latin1' });
      const lines = d.stdout.split('\n');
      process.stdout.write(`\n### ${name}\n${lines.slice(0, 40).join('\n')}${lines.length > 40 ? `\n… ${lines.length - 40} more lines of diff` : ''}\n`);
    }
    const secs = Math.round((Date.now() - started) / 1000);
    process.stdout.write(differ ? `\n${differ} of ${list.length} cases differ from ${o.dir} (${secs} s)\n` : `all ${list.length} cases identical to ${o.dir} (${secs} s)\n`);
    process.exitCode = differ ? 1 : 0;
  }
} finally {
  if (o.keep) process.stderr.write(`kept ${work}\n`);
  // tens of thousands of files: removed in the background rather than waited for
  else spawn('rm', ['-rf', work], { detached: true, stdio: 'ignore' }).unref();
}
