// folio as a centre gets it, from the install alone: the tarball npm pack makes, installed
// globally into an empty prefix (its dependencies from npm's cache, else the registry; nothing
// of this repository), then folio init, learner add, check, the pre-commit hook on real
// commits (one it lets through, one it blocks, found through the package spec init recorded
// when folio is not on PATH) and the commands the written CI files run, parsed out of them.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from './helpers.js';
import { packFolio } from './pack.js';

const scratch = mkdtempSync(join(tmpdir(), 'folio-install-'));
const prefix = join(scratch, 'prefix');
const centre = join(scratch, 'centre');
const SYSTEM = [...new Set(['/usr/bin', '/bin', ...['node', 'npx', 'git'].map((c) => whichDir(c))])].join(':');
/** The environment a centre's admin has: folio on PATH from the install, nothing else of ours. */
const withFolio = { PATH: `${join(prefix, 'bin')}:${SYSTEM}` };
const withoutFolio = { PATH: SYSTEM };
/** npx installs folio from the tarball for some steps: slow on a busy machine. */
const SLOW = 120_000;
let spec = '';

function whichDir(cmd: string): string {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.stdout.trim().replace(/\/[^/]+$/, '') || '/usr/bin';
}

function run(cmd: string, args: string[], env: Record<string, string>, cwd = centre) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|FOLIO_|GIT_DIR|GIT_INDEX|VITEST|NODE_OPTIONS)/i.test(k)));
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...base, ...env, npm_config_prefer_offline: 'true', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.org', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.org' },
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

beforeAll(() => {
  const tarball = packFolio(scratch);
  const installed = run('npm', ['install', '--global', '--prefix', prefix, '--ignore-scripts', tarball], { PATH: SYSTEM }, scratch);
  expect(installed.out, 'npm install of the tarball').not.toMatch(/npm error/);
  // The centre keeps the tarball in its repository, so CI and the hook can install it too.
  mkdirSync(centre);
  spec = `./${basename(tarball)}`;
  copyFileSync(tarball, join(centre, basename(tarball)));
}, 120_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('folio installed from its tarball', () => {
  it('sets up a centre: init (git init, hook, CI files with the spec), learner add, check', () => {
    expect(run('folio', ['--version'], withFolio).out).toMatch(/^folio \d+\.\d+\.\d+/);
    const init = run('folio', ['init', '--hooks', '--name', 'Riverside Training', '--package', spec], withFolio);
    expect(init.code, init.out).toBe(0);
    expect(init.out).toContain('ran "git init" there');
    expect(init.out).toContain(`install folio with: ${spec}`);
    expect(init.out).not.toContain('Warning');
    cpSync(join(REPO, 'specs'), join(centre, 'specs'), { recursive: true });
    const add = run('folio', ['learner', 'add', 'RT-0001', '--name', 'Sam Green', '--qualification', '601/3734/4', '--assessor', 'first.assessor'], withFolio);
    expect(add.code, add.out).toBe(0);
    const check = run('folio', ['check'], withFolio);
    expect(check.out).toMatch(/^No problems in \d+ files\.\n$/);
    expect(check.code).toBe(0);
  }, SLOW);

  it('the pre-commit hook lets a good commit through and blocks a broken portfolio, without folio on PATH', () => {
    run('git', ['add', '-A'], withFolio);
    const good = run('git', ['commit', '-qm', 'the centre'], withFolio);
    expect(good.code, good.out).toBe(0);
    const file = join(centre, 'portfolios/RT-0001/portfolio.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('evidence: []', 'evidence: [ { id: e1'));
    run('git', ['add', '-A'], withoutFolio);
    // folio is not on PATH: the hook installs it with npx from the spec init recorded
    const broken = run('git', ['commit', '-qm', 'broken'], withoutFolio);
    expect(broken.out).toContain('yaml-syntax');
    expect(broken.code).toBe(1);
    writeFileSync(file, text);
    run('git', ['add', '-A'], withoutFolio);
  }, SLOW);

  it('lets a commit through with a warning when folio cannot be found or fetched', () => {
    const hook = join(centre, '.git/hooks/pre-commit');
    const kept = readFileSync(hook, 'utf8');
    writeFileSync(hook, kept.replace(/^spec=.*$/m, "spec='./no-such-folio.tgz'"));
    try {
      writeFileSync(join(centre, 'notes.txt'), 'a note\n');
      run('git', ['add', 'notes.txt'], withoutFolio);
      const r = run('git', ['commit', '-qm', 'a note'], withoutFolio);
      expect(r.code, r.out).toBe(0);
      expect(r.out).toContain('so this commit was NOT checked');
      expect(r.out).toContain('npm install --global ./no-such-folio.tgz');
    } finally {
      writeFileSync(hook, kept);
    }
  }, SLOW);

  it('as a devDependency of the centre: npx folio runs it, and init records the tarball from package.json', () => {
    const dir = join(scratch, 'centre-dev');
    mkdirSync(dir);
    copyFileSync(join(centre, spec), join(dir, spec));
    expect(run('npm', ['init', '-y'], withoutFolio, dir).code).toBe(0);
    const dev = run('npm', ['install', '--save-dev', '--ignore-scripts', spec], withoutFolio, dir);
    expect(dev.out).not.toMatch(/npm error/);
    const init = run('npx', ['folio', 'init', '--hooks'], withoutFolio, dir);
    expect(init.code, init.out).toBe(0);
    expect(init.out).toContain(`install folio with: ${spec}\n  (from folio-cli in package.json)`);
    expect(init.out).not.toContain('Warning');
    expect(readFileSync(join(dir, '.git/hooks/pre-commit'), 'utf8')).toContain(`\nspec=${spec}\n`);
  }, SLOW);

  it.each([
    ['GitHub', '.github/workflows/folio.yml', (y: any) => y.jobs.check.steps.filter((s: { run?: string }) => s.run).map((s: { run: string }) => s.run)],
    ['GitLab', '.gitlab-ci.yml', (y: any) => [...y.folio.script, ...y['folio-report'].script]],
  ])('%s: the commands the CI file runs pass on the centre', (_, path, commands) => {
    const runs = commands(parse(readFileSync(join(centre, path), 'utf8'))) as string[];
    expect(runs).toHaveLength(2);
    // the second builds the HTML report the artifact keeps
    expect(runs[1]).toBe(`npx --yes -p ${spec} folio report -o folio-report`);
    rmSync(join(centre, 'folio-report'), { recursive: true, force: true });
    const site = run('sh', ['-c', runs[1]!], withFolio);
    expect(site.code, site.out).toBe(0);
    expect(readFileSync(join(centre, 'folio-report', 'index.html'), 'utf8')).toContain('<h1>Cohort</h1>');
    rmSync(join(centre, 'folio-report'), { recursive: true, force: true });
    expect(runs[0]).toMatch(new RegExp(`^npx --yes -p ${spec.replace(/\./g, '\\.')} folio check `));
    rmSync(join(centre, 'folio-junit.xml'), { force: true });
    const r = run('sh', ['-c', runs[0]!], { ...withFolio, GITHUB_STEP_SUMMARY: join(scratch, 'summary.md') });
    expect(r.code, r.out).toBe(0);
    expect(existsSync(join(centre, 'folio-junit.xml'))).toBe(true);
  }, SLOW);
});
