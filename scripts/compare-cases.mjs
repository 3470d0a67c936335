// The centres and the runs of compare-outputs.mjs (kept apart so that each file stays readable):
// copies of the sample centre and the fixtures, the generated 1,000-learner centre, a git
// repository built with fixed people and dates, and the list of cases run on them.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const AS_OF = '2026-06-30'; // the golden tests' date: some sample records are still to come
const LATE = '2026-11-30'; // after every date in the sample and generated centres
const FORMATS = {
  ci: ['table', 'json', 'csv', 'markdown', 'github', 'junit', 'sarif', 'codeclimate'],
  status: ['table', 'json', 'csv', 'markdown'],
  history: ['table', 'json', 'csv'],
  spec: ['table', 'json'],
};
const EXT = { table: 'txt', json: 'json', csv: 'csv', markdown: 'md', github: 'gh.txt', junit: 'junit.xml', sarif: 'sarif', codeclimate: 'cq.json' };

// ---------------------------------------------------------------- the centres

function git(cwd, env, args, who, date) {
  const e = { ...env };
  if (who) Object.assign(e, { GIT_AUTHOR_NAME: who.name, GIT_AUTHOR_EMAIL: who.email, GIT_COMMITTER_NAME: who.name, GIT_COMMITTER_EMAIL: who.email });
  if (date) Object.assign(e, { GIT_AUTHOR_DATE: `${date}T16:00:00Z`, GIT_COMMITTER_DATE: `${date}T16:00:00Z` });
  const r = spawnSync('git', ['-c', 'commit.gpgSign=false', '-c', 'gc.auto=0', '-c', 'maintenance.auto=false', '-c', 'core.autocrlf=false', ...args], { cwd, env: e, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const staff = {
  jones: { name: 'Alex Jones', email: 'alex.jones@northgate.example' },
  okafor: { name: 'Rachel Okafor', email: 'rachel.okafor@northgate.example' },
  patel: { name: 'Sam Patel', email: 'sam.patel@northgate.example' },
  admin: { name: 'Centre Admin', email: 'admin@northgate.example' },
};

// verify-demo.mjs's story of NT-0200 (a sign-off committed by the learner, a decision changed
// after the IQA sampled it, one not committed), then the sample learners added and changed by
// their assessors over the spring, one of them renamed.
function buildRepository(data, dir, env) {
  const r = spawnSync(process.execPath, [join(data, 'scripts/verify-demo.mjs'), dir], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`verify-demo.mjs: ${r.stderr}`);
  const add = (paths, message, who, date) => {
    git(dir, env, ['add', '--', ...paths]);
    git(dir, env, ['commit', '-q', '-m', message], who, date);
  };
  const copy = (id) => cpSync(join(data, 'portfolios', id), join(dir, 'portfolios', id), { recursive: true });
  for (const id of ['NT-0142', 'NT-0151', 'NT-0163']) copy(id);
  add(['portfolios/NT-0142', 'portfolios/NT-0151', 'portfolios/NT-0163'], 'Three learners for Alex', staff.jones, '2026-04-06');
  copy('NT-0147');
  const p147 = join(dir, 'portfolios/NT-0147/portfolio.yaml');
  const text147 = readFileSync(p147, 'utf8');
  writeFileSync(p147, text147.replaceAll('date: 2026-02-18, decision: accepted', 'date: 2026-02-18, decision: referred'));
  add(['portfolios/NT-0147'], 'NT-0147: first decisions', staff.okafor, '2026-04-20');
  writeFileSync(p147, text147);
  add(['portfolios/NT-0147'], 'NT-0147: resubmitted work accepted', staff.okafor, '2026-05-11');
  copy('NT-0153');
  copy('NT-0156');
  add(['portfolios/NT-0153', 'portfolios/NT-0156'], 'Two more learners', staff.patel, '2026-05-25');
  git(dir, env, ['mv', 'portfolios/NT-0163', 'portfolios/NT-0164']);
  git(dir, env, ['commit', '-q', '-m', 'NT-0163 is NT-0164 (re-registered)'], staff.admin, '2026-06-08');
}

// The 1,000-learner centre and the git repository are made only when a case asks for them.
export function setUp(o, work, env, needs) {
  const at = (...p) => join(work, ...p);
  const copyCentre = (from, to) => cpSync(from, to, { recursive: true, verbatimSymlinks: true });
  for (const name of ['sample', 'sample-cache', 'sample-import']) {
    copyCentre(join(o.data, 'specs'), at(name, 'specs'));
    copyCentre(join(o.data, 'portfolios'), at(name, 'portfolios'));
  }
  copyCentre(join(o.data, 'test/fixtures/broken'), at('broken'));
  copyCentre(join(o.data, 'test/fixtures/centre'), at('fixture'));
  if (needs('gen/')) {
    const gen = spawnSync(process.execPath, [join(o.data, 'scripts/generate.mjs'), '--learners', '1000', '--seed', '1', '--out', at('gen')], { env, encoding: 'utf8' });
    if (gen.status !== 0) throw new Error(`generate.mjs: ${gen.stderr}`);
  }
  if (needs('repo/')) buildRepository(o.data, at('repo'), env);
  mkdirSync(at('empty'));
  mkdirSync(at('out'));
  for (const f of formsOf(o, work)) copyCentre(f.from, f.file);
}

export function formsOf(o, work) {
  const forms = [];
  for (const [dir, label] of [[join(o.data, 'test/fixtures/import/forms'), 'form'], [join(o.data, 'seeds'), 'seed']]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) forms.push({ from: join(dir, f), file: join(work, 'forms', f), name: `${label}-${basename(f, '.txt')}` });
  }
  return forms;
}

// ---------------------------------------------------------------- the cases

// A case is one folio run, or several in order when they share state (a cache, written files):
// { name, steps: [{ args, cwd, cache?, files? }] } with files read after the step.
export function cases(work, forms) {
  const all = [];
  const c = (name, ...steps) => all.push({ name, steps });
  const run = (args, more = {}) => ({ args, cwd: work, ...more });
  const centres = [
    ['sample', LATE],
    ['broken', AS_OF],
    ['fixture', AS_OF],
  ];
  // the big centre first: its runs are the long ones
  const gen = join(work, 'gen');
  const multi = (cmd, formats, extra = []) => {
    const files = [];
    const args = [cmd, '-C', gen, '--as-of', LATE, '--no-cache', ...extra];
    for (const f of formats.slice(1)) {
      const file = join(work, 'out', `gen-${cmd}-${f}.${EXT[f]}`);
      args.push('-f', f, '-o', file);
      files.push(file);
    }
    args.push('-f', formats[0]);
    return run(args, { files });
  };
  c('gen/check.all-formats', multi('check', FORMATS.ci));
  // gaps of 1,000 learners in the CI formats would be 150 MB; the small centres cover those
  c('gen/gaps.table-json-csv', multi('gaps', ['table', 'json', 'csv']));
  c('gen/status.all-formats', multi('status', FORMATS.status));
  c('gen/status.learner', run(['status', 'LR-00007', 'LR-00500', '-C', gen, '--as-of', LATE, '--no-cache', '-f', 'json']));
  c('gen/gaps.unit', run(['gaps', '-C', gen, '--as-of', LATE, '--no-cache', '--unit', 'A/506/2130', '-f', 'csv']));
  // last, as it leaves a cache in the centre: written cold, then read warm
  c('gen/cache.check-status', ...['check', 'check', 'status'].map((cmd, i) => run([cmd, '-C', gen, '--as-of', LATE, '-f', i === 2 ? 'table' : 'json'], { cache: true })));
  for (const one of all) one.chain = 'gen'; // one after another: the cache comes last

  for (const [centre, asOf] of centres) {
    const dir = join(work, centre);
    const common = ['-C', dir, '--as-of', asOf, '--no-cache'];
    for (const f of FORMATS.ci) c(`${centre}/check.${EXT[f]}`, run(['check', ...common, '-f', f]));
    for (const f of FORMATS.ci) c(`${centre}/gaps.${EXT[f]}`, run(['gaps', ...common, '-f', f]));
    for (const f of FORMATS.status) c(`${centre}/status.${EXT[f]}`, run(['status', ...common, '-f', f]));
    for (const f of FORMATS.spec) c(`${centre}/spec-list.${EXT[f]}`, run(['spec', 'list', '-C', dir, '-f', f]));
    c(`${centre}/check.fail-on-warning`, run(['check', ...common, '--fail-on', 'warning']));
    c(`${centre}/status.fail-on-incomplete`, run(['status', ...common, '--fail-on', 'incomplete']));
    c(`${centre}/gaps.fail-on-incomplete`, run(['gaps', ...common, '--fail-on', 'incomplete', '-f', 'json']));
    c(`${centre}/check.several-outputs`, run(['check', ...common, '-f', 'json', '-o', join(work, 'out', `${centre}-check.json`), '-f', 'sarif', '-o', join(work, 'out', `${centre}-check.sarif`), '-f', 'table'], { files: [join(work, 'out', `${centre}-check.json`), join(work, 'out', `${centre}-check.sarif`)] }));
    c(`${centre}/check.from-inside`, run(['check', '--as-of', asOf, '--no-cache'], { cwd: join(dir, 'portfolios') }));
  }

  const sample = ['-C', join(work, 'sample'), '--as-of', LATE, '--no-cache'];
  c('sample/status.as-of-june', run(['status', '-C', join(work, 'sample'), '--as-of', AS_OF, '--no-cache']));
  c('sample/check.as-of-june', run(['check', '-C', join(work, 'sample'), '--as-of', AS_OF, '--no-cache', '-f', 'json']));
  for (const f of FORMATS.status) c(`sample/status-learner.${EXT[f]}`, run(['status', 'NT-0147', ...sample, '-f', f]));
  for (const f of FORMATS.status) c(`sample/status-detail.${EXT[f]}`, run(['status', 'NT-0142', 'NT-0163', '--detail', ...sample, '-f', f]));
  c('sample/status-unit', run(['status', '--unit', 'A/506/2130', ...sample]));
  c('sample/status-unit.json', run(['status', '--unit', 'A/506/2130', ...sample, '-f', 'json']));
  c('sample/status-assessor', run(['status', '--assessor', 'r.okafor', ...sample, '-f', 'csv']));
  c('sample/status-unknown-learner', run(['status', 'NOBODY', ...sample]));
  c('sample/status-bad-format', run(['status', ...sample, '-f', 'pdf']));
  for (const f of ['table', 'json', 'csv']) c(`sample/gaps-learner.${EXT[f]}`, run(['gaps', 'NT-0147', 'NT-0156', ...sample, '-f', f]));
  c('sample/gaps-unit', run(['gaps', '--unit', 'F/506/2159', ...sample]));
  c('sample/gaps-assessor', run(['gaps', '--assessor', 'a.jones', ...sample, '-f', 'markdown']));
  c('sample/check-paths', run(['check', 'portfolios/NT-0142', 'specs/units/A-506-2130.yaml', ...sample], { cwd: join(work, 'sample') }));
  for (const id of ['A/506/2130', '201', '601/3734/4']) {
    for (const f of FORMATS.spec) c(`sample/spec-show-${id.replaceAll('/', '-')}.${EXT[f]}`, run(['spec', 'show', id, '-C', join(work, 'sample'), '-f', f]));
    c(`sample/spec-show-${id.replaceAll('/', '-')}.detail`, run(['spec', 'show', id, '--detail', '-C', join(work, 'sample')]));
  }
  c('sample/spec-show-unknown', run(['spec', 'show', 'Z/999/9999', '-C', join(work, 'sample')]));
  const cached = ['-C', join(work, 'sample-cache'), '--as-of', LATE];
  c('sample/cache.check-status-gaps', run(['check', ...cached, '-f', 'json'], { cache: true }), run(['check', ...cached, '-f', 'json'], { cache: true }), run(['status', ...cached], { cache: true }), run(['gaps', ...cached, '-f', 'csv'], { cache: true }));
  c('fixture/status-detail', run(['status', 'S-MIX', '--detail', '-C', join(work, 'fixture'), '--as-of', AS_OF, '--no-cache']));
  c('fixture/status-unit', run(['status', '--unit', 'L/600/0001', '-C', join(work, 'fixture'), '--as-of', AS_OF, '--no-cache']));
  c('fixture/spec-show.json', run(['spec', 'show', '600/1234/1', '-C', join(work, 'fixture'), '-f', 'json']));

  // the git repository: history, progress, verify, and the centre at a revision
  const repo = join(work, 'repo');
  const inRepo = (args, more = {}) => run(args, { cwd: repo, ...more });
  for (const id of ['NT-0200', 'NT-0147', 'NT-0164']) for (const f of FORMATS.history) c(`repo/history-${id}.${EXT[f]}`, inRepo(['history', id, '-f', f]));
  c('repo/history-range', inRepo(['history', 'NT-0200', '--since', '2026-03-11', '--until', '2026-03-20']));
  c('repo/history-unknown', inRepo(['history', 'NOBODY']));
  const span = ['--since', '2026-03-01', '--until', '2026-06-30', '--no-cache'];
  for (const f of FORMATS.history) c(`repo/progress.${EXT[f]}`, inRepo(['progress', ...span, '-f', f]));
  for (const f of FORMATS.history) c(`repo/progress-week.${EXT[f]}`, inRepo(['progress', '--by', 'week', ...span, '-f', f]));
  c('repo/progress-learners', inRepo(['progress', 'NT-0147', 'NT-0200', ...span, '-f', 'json']));
  for (const f of FORMATS.ci) c(`repo/verify.${EXT[f]}`, inRepo(['verify', '-f', f]));
  c('repo/verify-learner', inRepo(['verify', 'NT-0200']));
  c('repo/verify-signed', inRepo(['verify', 'NT-0147', '--signed', '-f', 'json']));
  c('repo/verify-several-outputs', inRepo(['verify', '-f', 'junit', '-o', join(work, 'out', 'verify.xml'), '-f', 'table'], { files: [join(work, 'out', 'verify.xml')] }));
  c('repo/check-at-rev', inRepo(['check', '--at', 'HEAD~2', '--as-of', LATE, '-f', 'json']));
  c('repo/status-at-day', inRepo(['status', '--at', '2026-04-30', '--no-cache']));
  c('repo/gaps-at-day', inRepo(['gaps', '--at', '2026-05-31', '--as-of', LATE, '--no-cache', '-f', 'csv']));
  c('repo/check-changed-since', inRepo(['check', '--changed-since', 'HEAD~3', '--as-of', LATE, '--no-cache']));
  c('repo/check-staged', inRepo(['check', '--staged', '--as-of', LATE, '--no-cache']));

  // import: to stdout, as a JSON summary (which writes nothing), into a folder, and against the
  // sample centre's own specs
  for (const { file, name } of forms) {
    c(`import/${name}.stdout`, run(['import', file, '--stdout'], { cwd: join(work, 'empty') }));
    c(`import/${name}.json`, run(['import', file, '-f', 'json'], { cwd: join(work, 'empty') }));
    const out = join(work, 'out', `import-${name}`);
    c(`import/${name}.written`, run(['import', file, '-o', out], { cwd: join(work, 'empty'), files: [out] }));
    c(`import/${name}.sample-centre`, run(['import', file, '-C', join(work, 'sample-import'), '-f', 'json']));
  }
  c('import/no-unit-number', run(['import', ...forms.filter((f) => f.name.startsWith('seed-003')).map((f) => f.file), '--unit', 'X/999/0001', '--stdout']));
  return all;
}

