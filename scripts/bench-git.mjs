#!/usr/bin/env node
// Benchmark of the commands that read git history: does `folio history LEARNER` (and
// `folio verify LEARNER`) cost what that learner's own commits cost, whatever the length of
// the centre's whole history? Measurements only: nothing here is a test.
//
//   npm run bench:git -- [--quick] [--learners 200] [--totals 50,100,200,400] [--own 5,20,50]
//                        [--runs 3] [--out DIR] [--write]
//
// Says first how long it should take and how much disk it needs (scripts/bench-common.mjs).
// Generates a centre (scripts/generate.mjs) in a temporary folder (under --out DIR, else the
// system temp folder; removed at the end), commits it, then writes histories of TOTAL
// commits in which each commit edits two or three other learners' portfolios and LR-00001's
// portfolio is edited by OWN of them, spread evenly. Times each command in a fresh process
// (median of --runs) and prints a Markdown table; --write also replaces
// scripts/bench-git-results.md, the committed reference run. --quick is --learners 50
// --totals 20,40 --own 2,5 --runs 1, well under a minute.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { announce, build, DISK_PER_LEARNER, HERE, log, REPO, results, scratch, stopIfInterrupted } from './bench-common.mjs';
const ONE = 'LR-00001';

function args(argv) {
  const o = { learners: 200, totals: [50, 100, 200, 400], own: [5, 20, 50], runs: 3, out: undefined, write: false };
  for (let i = 0; i < argv.length; i++) {
    const list = () => String(argv[++i]).split(',').map(Number);
    if (argv[i] === '--learners') o.learners = Number(argv[++i]);
    else if (argv[i] === '--totals') o.totals = list();
    else if (argv[i] === '--own') o.own = list();
    else if (argv[i] === '--runs') o.runs = Number(argv[++i]);
    else if (argv[i] === '--out') o.out = resolve(String(argv[++i] ?? ''));
    else if (argv[i] === '--write') o.write = true;
    else if (argv[i] === '--quick') Object.assign(o, { learners: 50, totals: [20, 40], own: [2, 5], runs: 1 });
    else if (argv[i] === '--help' || argv[i] === '-h') {
      process.stdout.write('usage: npm run bench:git -- [--quick] [--learners 200] [--totals 50,100,200,400] [--own 5,20,50] [--runs 3] [--out DIR] [--write]\n');
      process.exit(0);
    } else {
      process.stderr.write(`bench-git: unknown argument ${argv[i]}\n`);
      process.exit(2);
    }
  }
  return o;
}

const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1', FOLIO_CACHE: 'off' };
function git(dir, a, extra = {}) {
  const r = stopIfInterrupted(spawnSync('git', a, { cwd: dir, encoding: 'utf8', env: { ...env, ...extra } }));
  if (r.status !== 0) throw new Error(`git ${a.join(' ')}: ${r.stderr}`);
  return r.stdout;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(dir, a) {
  const ms = [];
  for (let i = 0; i < opts.runs; i++) {
    const t = process.hrtime.bigint();
    const r = stopIfInterrupted(spawnSync(process.execPath, [join(REPO, 'bin/folio.js'), ...a, '-C', dir], { encoding: 'utf8', env, maxBuffer: 1 << 28 }));
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (r.status === 2) throw new Error(`folio ${a.join(' ')}: ${r.stderr}`);
  }
  return median(ms);
}

/** A repository of `total` commits after the first, `own` of them touching LR-00001. */
function history(base, total, own) {
  const dir = join(base, `h-${total}-${own}`);
  const gen = stopIfInterrupted(spawnSync(process.execPath, [join(HERE, 'generate.mjs'), '--learners', String(opts.learners), '--seed', '4', '--out', dir, '--problems', '0'], { encoding: 'utf8' }));
  if (gen.status !== 0) throw new Error(gen.stderr);
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['add', '-A']);
  const who = (n) => ({ GIT_AUTHOR_NAME: `Assessor ${n}`, GIT_AUTHOR_EMAIL: `a${n}@centre.example`, GIT_COMMITTER_NAME: `Assessor ${n}`, GIT_COMMITTER_EMAIL: `a${n}@centre.example` });
  const at = (k) => {
    const d = new Date(Date.UTC(2026, 0, 1, 9) + k * 3_600_000).toISOString();
    return { GIT_AUTHOR_DATE: d, GIT_COMMITTER_DATE: d };
  };
  git(dir, ['commit', '-q', '-m', 'the centre'], { ...who(0), ...at(0) });
  const edit = (id, k) => {
    const file = join(dir, 'portfolios', id, 'portfolio.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}# reviewed in round ${k}\n`);
  };
  const every = Math.max(1, Math.floor(total / own));
  for (let k = 1; k <= total; k++) {
    const mine = k % every === 0 && Math.floor(k / every) <= own;
    const others = [2, 3, 4].slice(0, 2 + (k % 2)).map((j) => `LR-${String(2 + ((k * 7 + j * 13) % (opts.learners - 1))).padStart(5, '0')}`);
    for (const id of mine ? [ONE, ...others.slice(1)] : others) edit(id, k);
    git(dir, ['commit', '-q', '-a', '-m', `review ${k}`], { ...who(k % 5), ...at(k) });
  }
  return dir;
}

const opts = args(process.argv.slice(2));
const started = Date.now();
const fixedOwn = opts.own[0];
const fixedTotal = opts.totals.includes(200) ? 200 : opts.totals.at(-1);
const cases = [...opts.totals.map((t) => [t, fixedOwn]), ...opts.own.filter((o) => o !== fixedOwn).map((o) => [fixedTotal, o])];
// Per case, from the committed run (2 CPUs): generating takes about 1 s and 12 ms a learner,
// each commit about 50 ms, and each timing round about 2.5 s (history, verify, --version). One
// repository at a time on disk: the centre, and git's compressed copy of it.
const seconds = 20 + cases.reduce((t, [total]) => t + 1 + opts.learners * 0.012 + total * 0.05 + opts.runs * 2.5, 0);
announce(`bench:git of ${cases.length} histories of ${opts.learners} learners, ${opts.runs} run${opts.runs === 1 ? '' : 's'}`, seconds, 2 ** 20 + opts.learners * DISK_PER_LEARNER * 1.5, opts.out ?? tmpdir());
build();
const hasVerify = /^\s+verify\b/m.test(spawnSync(process.execPath, [join(REPO, 'bin/folio.js'), '--help'], { encoding: 'utf8' }).stdout);
const base = scratch('folio-bench-git-', opts.out, false);
const rows = [];
for (const [total, own] of cases) {
  log(`history of ${total} commits, ${own} touching ${ONE}`);
  const dir = history(base, total, own);
  const hist = time(dir, ['history', ONE, '--format', 'json']);
  const verify = hasVerify ? time(dir, ['verify', ONE]) : undefined;
  const version = time(dir, ['--version']);
  rows.push({ total, own, hist, verify, version });
  log(`  history ${Math.round(hist)} ms${verify === undefined ? '' : `, verify ${Math.round(verify)} ms`}, --version ${Math.round(version)} ms`);
  rmSync(dir, { recursive: true, force: true });
}
const n0 = (x) => (x === undefined ? '—' : Math.round(x).toLocaleString('en-GB'));
const md = [
  `| commits in the centre's history | commits touching ${ONE} | folio history ${ONE} ms | folio verify ${ONE} ms | folio --version ms |`,
  '| ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.total} | ${r.own} | ${n0(r.hist)} | ${n0(r.verify)} | ${n0(r.version)} |`),
  '',
  `A centre of ${opts.learners} learners (scripts/generate.mjs, seed 4); each commit edits two or three portfolios. Wall-clock ms of a fresh process, median of ${opts.runs}, cache off. Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus()[0]?.model?.trim()} (${cpus().length} CPUs), Node ${process.version}, ${git(REPO, ['--version']).trim()}: \`npm run bench:git -- --learners ${opts.learners} --totals ${opts.totals.join(',')} --own ${opts.own.join(',')} --runs ${opts.runs}\`.`,
].join('\n');
process.stdout.write(`\n${md}\n`);
results(join(HERE, 'bench-git-results.md'), `# folio history and verify against the length of history\n\n${md}\n`, opts.write);
log(`took ${Math.round((Date.now() - started) / 1000)} s`);
