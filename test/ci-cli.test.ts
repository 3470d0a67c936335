// folio in a centre's repository and its CI: init, learner add, the pre-commit hook, the
// workflow files and the README snippets that must match them, --fail-on, several reports
// from one run, and the editor schemas.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CI_COMMANDS, EXAMPLE_PACKAGE, githubWorkflow, gitlabCi } from '../src/init.js';
import { folio, FIXTURES, REPO } from './helpers.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'folio-centre-'));
const readme = readFileSync(join(REPO, 'README.md'), 'utf8');

/** A new centre with the sample qualification's specs, as a centre admin would set one up. */
async function newCentre(opts: { git?: boolean } = {}) {
  const dir = scratch();
  if (opts.git) spawnSync('git', ['init', '-q'], { cwd: dir });
  const r = await folio(['init', ...(opts.git ? ['--hooks'] : []), '--name', 'Riverside Training'], { cwd: dir });
  expect(r.code).toBe(0);
  cpSync(join(REPO, 'specs'), join(dir, 'specs'), { recursive: true });
  return dir;
}

describe('folio init and folio learner add', () => {
  it('make a centre whose first learner passes check', async () => {
    const dir = await newCentre();
    const add = await folio(['learner', 'add', 'RT-0001', '--name', 'Sam Green', '--qualification', '601/3734/4', '--assessor', 'first.assessor', '--registered', '2026-11-02'], { cwd: dir });
    expect(add.code).toBe(0);
    expect(parse(readFileSync(join(dir, 'portfolios/RT-0001/portfolio.yaml'), 'utf8'))).toEqual({
      learner: { name: 'Sam Green' },
      qualification: '601/3734/4',
      registered: '2026-11-02',
      assessor: 'first.assessor',
      'optional-units': [],
      evidence: [],
      signoffs: [],
      iqa: [],
    });
    const check = await folio(['check'], { cwd: dir });
    expect(check.stdout).toMatch(/^No problems in \d+ files\.\n$/);
    expect(check.code).toBe(0);
    const status = await folio(['status', 'RT-0001', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(status.stdout).learners[0]).toMatchObject({ id: 'RT-0001', status: 'not-started' });
  });

  it("keeps the centre's own centre.yaml, and writes the rest around it", async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'portfolios'));
    writeFileSync(join(dir, 'portfolios/centre.yaml'), 'centre: { name: Ours }\nstaff: []\n');
    const r = await folio(['init', '--force', '--package', './folio.tgz'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("portfolios/centre.yaml  (the centre's own: left as it is)");
    expect(readFileSync(join(dir, 'portfolios/centre.yaml'), 'utf8')).toBe('centre: { name: Ours }\nstaff: []\n');
    expect(existsSync(join(dir, 'portfolios/centre.yaml.bak'))).toBe(false);
    expect(existsSync(join(dir, '.github/workflows/folio.yml'))).toBe(true);
  });

  it.each([
    [['--qualification', '999/9999/9'], 'no qualification "999/9999/9"'],
    [['--qualification', '601/3734/4', '--assessor', 'nobody'], '--assessor "nobody" is not on the staff list'],
    [['--qualification', '601/3734/4', '--registered', '2026-02-30'], 'is not a date'],
  ])('learner add refuses %j', async (args, message) => {
    const dir = await newCentre();
    const r = await folio(['learner', 'add', 'RT-0002', '--name', 'A B', ...args], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(existsSync(join(dir, 'portfolios/RT-0002'))).toBe(false);
  });

  it('learner add never overwrites a portfolio', async () => {
    const dir = await newCentre();
    await folio(['learner', 'add', 'RT-0003', '--name', 'A B', '--qualification', '601/3734/4'], { cwd: dir });
    const again = await folio(['learner', 'add', 'RT-0003', '--name', 'C D', '--qualification', '601/3734/4'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(readFileSync(join(dir, 'portfolios/RT-0003/portfolio.yaml'), 'utf8')).toContain('A B');
  });

  it('--hooks installs a pre-commit hook that stops a commit breaking a portfolio', async () => {
    const dir = await newCentre({ git: true });
    const hook = join(dir, '.git/hooks/pre-commit');
    expect(statSync(hook).mode & 0o111).not.toBe(0);
    const shim = join(scratch(), 'folio');
    writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${join(REPO, 'bin/folio.js')}" "$@"\n`);
    chmodSync(shim, 0o755);
    const env = { ...process.env, PATH: `${join(shim, '..')}:${process.env.PATH}`, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org' };
    const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, env, encoding: 'utf8' });
    git('add', '-A');
    expect(git('commit', '-qm', 'the centre').status).toBe(0);
    await folio(['learner', 'add', 'RT-0004', '--name', 'A B', '--qualification', '601/3734/4'], { cwd: dir });
    git('add', 'portfolios/RT-0004');
    expect(git('commit', '-qm', 'new learner').status).toBe(0);
    const good = readFileSync(join(dir, 'portfolios/RT-0004/portfolio.yaml'), 'utf8');
    writeFileSync(join(dir, 'portfolios/RT-0004/portfolio.yaml'), good.replace('evidence: []', 'evidence: [ { id: e1'));
    git('add', 'portfolios/RT-0004');
    // fixed in the working tree but not staged: the commit would still record the broken file
    writeFileSync(join(dir, 'portfolios/RT-0004/portfolio.yaml'), good);
    const broken = git('commit', '-qm', 'broken');
    expect(broken.status).toBe(1);
    expect(broken.stdout + broken.stderr).toContain('yaml-syntax');
  });

  it('runs "git init" where there is no repository, and says so', async () => {
    const dir = scratch();
    const r = await folio(['init', '--hooks', '--package', './folio.tgz'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('was not in a git repository: ran "git init" there.');
    expect(statSync(join(dir, '.git/hooks/pre-commit')).mode & 0o111).not.toBe(0);
    expect(r.stdout).toContain('install folio with: ./folio.tgz');
  });
});

describe('folio init in a repository that has files', () => {
  const git = (dir: string) => spawnSync('git', ['init', '-q'], { cwd: dir });

  it("merges its lines into .gitignore and .gitattributes, keeping the repository's own", async () => {
    const dir = scratch();
    git(dir);
    writeFileSync(join(dir, '.gitignore'), 'node_modules/\n*.bak\n');
    writeFileSync(join(dir, '.gitattributes'), '*.png -text\n');
    const r = await folio(['init', '--package', 'folio-cli@0.1.0'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('.gitignore  (added missing lines)');
    expect(r.stdout).not.toContain('git init');
    const ignore = readFileSync(join(dir, '.gitignore'), 'utf8');
    expect(ignore.startsWith('node_modules/\n*.bak\n# added by folio init\n.folio-cache/\n*.bak.*\n')).toBe(true);
    const attributes = readFileSync(join(dir, '.gitattributes'), 'utf8');
    expect(attributes).toContain('*.yaml text eol=lf');
    expect(attributes.match(/^\*\.png/gm)).toEqual(['*.png']);
    const again = await folio(['init', '--package', 'folio-cli@0.1.0'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('.gitignore  (already as folio writes it)');
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe(ignore);
  });

  it('lists every file it would change, writes nothing, and with --force keeps FILE.bak', async () => {
    const dir = scratch();
    git(dir);
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(join(dir, '.github/workflows/folio.yml'), 'ours\n');
    writeFileSync(join(dir, '.gitlab-ci.yml'), 'ours too\n');
    const r = await folio(['init'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2 files that exist already, and writes nothing: .github/workflows/folio.yml, .gitlab-ci.yml');
    expect(existsSync(join(dir, 'portfolios'))).toBe(false);
    const forced = await folio(['init', '--force', '--package', 'folio-cli@0.1.0'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('.gitlab-ci.yml  (replaced; the old one is .gitlab-ci.yml.bak)');
    expect(readFileSync(join(dir, '.gitlab-ci.yml.bak'), 'utf8')).toBe('ours too\n');
    expect(readFileSync(join(dir, '.gitlab-ci.yml'), 'utf8')).toBe(gitlabCi('folio-cli@0.1.0'));
  });

  it('says where the package spec came from, and warns when CI cannot reach it', async () => {
    const dir = scratch();
    git(dir);
    const r = await folio(['init', '--package', join(tmpdir(), 'elsewhere', 'folio-cli-0.1.0.tgz')], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(from --package)');
    expect(r.stderr).toContain('is outside the centre, so CI cannot see it');
  });
});

describe('the CI files init writes', () => {
  it('GitHub: valid YAML whose steps run the commands the README shows', () => {
    const wf = parse(githubWorkflow(EXAMPLE_PACKAGE));
    expect(Object.keys(wf.on)).toEqual(['push', 'pull_request']);
    const runs = wf.jobs.check.steps.filter((s: { run?: string }) => s.run).map((s: { run: string }) => s.run);
    expect(runs).toEqual([`npx --yes -p ${EXAMPLE_PACKAGE} ${CI_COMMANDS.github}`, `npx --yes -p ${EXAMPLE_PACKAGE} ${CI_COMMANDS.report}`]);
    // the report is built and kept even when the check fails, from the whole history
    const steps = wf.jobs.check.steps as { name?: string; if?: string; uses?: string; with?: Record<string, unknown> }[];
    expect(steps.find((s) => s.name === 'Build the HTML report')?.if).toBe('always()');
    expect(steps.find((s) => s.name === 'Keep the HTML report')).toMatchObject({ if: 'always()', uses: 'actions/upload-artifact@v4', with: { name: 'folio-report', path: 'folio-report/' } });
    expect(steps[0]).toEqual({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    expect(readme).toContain(githubWorkflow(EXAMPLE_PACKAGE));
  });

  it('GitLab: valid YAML with JUnit and Code Quality reports, as the README shows', () => {
    const ci = parse(gitlabCi(EXAMPLE_PACKAGE));
    expect(ci.folio.script).toEqual([`npx --yes -p ${EXAMPLE_PACKAGE} ${CI_COMMANDS.gitlab}`]);
    expect(ci.folio.artifacts.reports).toEqual({ junit: 'folio-junit.xml', codequality: 'gl-code-quality-report.json' });
    // the report in a job of its own, so it is built whether the check passes or not
    expect(ci['folio-report'].script).toEqual([`npx --yes -p ${EXAMPLE_PACKAGE} ${CI_COMMANDS.report}`]);
    expect(ci['folio-report'].artifacts).toEqual({ when: 'always', expose_as: 'folio report', paths: ['folio-report/'] });
    expect(ci['folio-report'].variables).toEqual({ GIT_DEPTH: 0 });
    expect(readme).toContain(gitlabCi(EXAMPLE_PACKAGE));
  });

  it('the GitHub step writes annotations to stdout, the JUnit file and the job summary', async () => {
    const dir = scratch();
    cpSync(join(FIXTURES, 'broken'), dir, { recursive: true });
    const summary = join(dir, 'summary.md');
    const r = await folio(CI_COMMANDS.github.split(' ').slice(1), { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(/^::error file=portfolios\/.+,line=\d+,col=\d+,title=.+::.+/);
    expect(readFileSync(join(dir, 'folio-junit.xml'), 'utf8')).toContain('<testsuites');
    const md = readFileSync(summary, 'utf8');
    expect(md).toContain('## folio check');
    expect(md).toContain('Cohort status');
  });

  it('the GitLab job writes the table, Code Quality and JUnit in one run', async () => {
    const dir = scratch();
    cpSync(join(FIXTURES, 'broken'), dir, { recursive: true });
    const r = await folio(CI_COMMANDS.gitlab.split(' ').slice(1), { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\d+ errors and \d+ warnings in \d+ files\.\n$/);
    const quality = JSON.parse(readFileSync(join(dir, 'gl-code-quality-report.json'), 'utf8'));
    expect(quality.length).toBeGreaterThan(10);
    expect(existsSync(join(dir, 'folio-junit.xml'))).toBe(true);
  });

  it('the report step writes the site the artifact keeps', async () => {
    const dir = scratch();
    cpSync(join(REPO, 'specs'), join(dir, 'specs'), { recursive: true });
    cpSync(join(REPO, 'portfolios'), join(dir, 'portfolios'), { recursive: true });
    const r = await folio(CI_COMMANDS.report.split(' ').slice(1), { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'folio-report', 'index.html'), 'utf8')).toContain('<h1>Cohort</h1>');
  });

  it('annotation paths are relative to the repository root when the centre is in a subfolder', async () => {
    const repo = scratch();
    spawnSync('git', ['init', '-q'], { cwd: repo });
    cpSync(join(FIXTURES, 'broken'), join(repo, 'centre'), { recursive: true });
    const r = await folio(['check', '-C', 'centre', '--format', 'github'], { cwd: repo });
    expect(r.stdout.split('\n')[0]).toMatch(/^::error file=centre\/portfolios\//);
  });
});

describe('--fail-on and several reports', () => {
  it.each([
    [['check'], 'broken', 1],
    [['check', '--fail-on', 'never'], 'broken', 0],
    [['check', '--fail-on', 'warning'], 'sample', 0],
    [['status'], 'broken', 0],
    [['status', '--fail-on', 'error'], 'broken', 1],
    [['status', '--fail-on', 'error'], 'sample', 0],
    [['gaps', '--fail-on', 'incomplete'], 'sample', 1],
    [['check', '--fail-on', 'incomplete'], 'sample', 1],
  ])('%j on the %s centre exits %i', async (args, centre, code) => {
    const dir = centre === 'broken' ? join(FIXTURES, 'broken') : REPO;
    const r = await folio([...args, '-C', dir, '-f', 'json']);
    expect(r.code).toBe(code);
  });

  it('warnings fail under --fail-on warning', async () => {
    const dir = scratch();
    cpSync(join(REPO, 'specs'), join(dir, 'specs'), { recursive: true });
    cpSync(join(REPO, 'portfolios'), join(dir, 'portfolios'), { recursive: true });
    // a qualification may list a unit that has no spec yet: a warning, not an error
    const f = join(dir, 'specs/qualifications/601-3734-4.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace('      - L/506/1807', '      - K/650/2116\n      - L/506/1807'));
    expect((await folio(['check', '-C', dir])).code).toBe(0);
    expect((await folio(['check', '-C', dir, '--fail-on', 'warning'])).code).toBe(1);
  });

  it('pairs each -o with the --format before it', async () => {
    const dir = scratch();
    const r = await folio(['check', '-C', join(FIXTURES, 'broken'), '-f', 'sarif', '-o', join(dir, 'a.sarif'), '-f', 'csv', '-f', 'junit', '-o', join(dir, 'b.xml')]);
    expect(r.stdout.split('\n')[0]).toBe('file,line,column,severity,code,message');
    expect(JSON.parse(readFileSync(join(dir, 'a.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(join(dir, 'b.xml'), 'utf8')).toMatch(/^<\?xml/);
  });

  it('takes attached values (-fjson, -ofile) as commander does', async () => {
    const dir = scratch();
    const r = await folio(['check', '-C', join(FIXTURES, 'broken'), '-fcsv', `-o${join(dir, 'x.csv')}`, '--format=json']);
    expect(JSON.parse(r.stdout).version).toBe(1);
    expect(readFileSync(join(dir, 'x.csv'), 'utf8').split('\n')[0]).toBe('file,line,column,severity,code,message');
  });

  it('a path that names no file of the centre is a usage error, not a clean check', async () => {
    const r = await folio(['check', 'portfolios/NO-SUCH-LEARNER']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('portfolios/NO-SUCH-LEARNER');
  });

  it('two reports for stdout is a usage error', async () => {
    const r = await folio(['check', '-f', 'json', '-f', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('would both go to stdout');
  });
});

describe('folio schema', () => {
  it('prints the committed schema of a kind', async () => {
    const r = await folio(['schema', 'portfolio']);
    expect(r.stdout).toBe(readFileSync(join(REPO, 'schemas/portfolio.schema.json'), 'utf8'));
  });

  it('writes all four to a folder', async () => {
    const dir = scratch();
    const r = await folio(['schema', '-o', dir]);
    expect(r.code).toBe(0);
    for (const k of ['unit', 'qualification', 'centre', 'portfolio']) expect(readFileSync(join(dir, `${k}.schema.json`), 'utf8')).toBe(readFileSync(join(REPO, `schemas/${k}.schema.json`), 'utf8'));
  });

  it('every sample file names its schema on its first line', () => {
    const files = spawnSync('git', ['ls-files', 'specs', 'portfolios'], { cwd: REPO, encoding: 'utf8' }).stdout.split('\n').filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(60);
    for (const f of files) {
      const kind = f.startsWith('specs/units/') ? 'unit' : f.startsWith('specs/qualifications/') ? 'qualification' : f === 'portfolios/centre.yaml' ? 'centre' : 'portfolio';
      const depth = f.split('/').length - 1;
      expect(readFileSync(join(REPO, f), 'utf8').split('\n')[0], f).toBe(`# yaml-language-server: $schema=${'../'.repeat(depth)}schemas/${kind}.schema.json`);
    }
  });
});
