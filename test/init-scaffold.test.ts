// folio init where a centre really lives (a subfolder of a repository, a centre set up before
// the hook or CI were wanted), and the spec scaffold: issue 12, item 2.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { githubWorkflow, gitlabCi } from '../src/init.js';
import { folio, REPO } from './helpers.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'folio-scaffold-'));
const repo = () => {
  const dir = scratch();
  spawnSync('git', ['init', '-q'], { cwd: dir });
  return dir;
};

describe('folio init in a subfolder of a repository', () => {
  it('warns, and writes the CI files at the top with -C and the tarball as CI sees it', async () => {
    const top = repo();
    mkdirSync(join(top, 'centre'));
    const r = await folio(['init', 'centre', '--hooks', '--package', './centre/folio.tgz'], { cwd: top });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('the centre is in centre/, not at the top of its git repository');
    expect(existsSync(join(top, 'centre/.github'))).toBe(false);
    expect(readFileSync(join(top, '.github/workflows/folio.yml'), 'utf8')).toBe(githubWorkflow('./centre/folio.tgz', 'centre'));
    expect(readFileSync(join(top, '.gitlab-ci.yml'), 'utf8')).toContain('npx --yes -p ./centre/folio.tgz folio check -C centre --format table');
    expect(readFileSync(join(top, '.git/hooks/pre-commit'), 'utf8')).toContain('exec "$@" check -C "$top"/centre --staged');
    expect(existsSync(join(top, 'centre/portfolios/centre.yaml'))).toBe(true);
  });

  it("the hook checks the subfolder's centre on a real commit", async () => {
    const top = repo();
    mkdirSync(join(top, 'my centre'));
    expect((await folio(['init', 'my centre', '--hooks', '--package', 'folio-cli@0.1.0'], { cwd: top })).code).toBe(0);
    cpSync(join(REPO, 'specs'), join(top, 'my centre/specs'), { recursive: true });
    const shim = join(scratch(), 'folio');
    writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${join(REPO, 'bin/folio.js')}" "$@"\n`);
    chmodSync(shim, 0o755);
    const env = { ...process.env, PATH: `${join(shim, '..')}:${process.env.PATH}`, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org' };
    const git = (...args: string[]) => spawnSync('git', args, { cwd: top, env, encoding: 'utf8' });
    expect((await folio(['learner', 'add', 'RT-1', '--name', 'A B', '--qualification', '601/3734/4', '-C', 'my centre'], { cwd: top })).code).toBe(0);
    git('add', '-A');
    const good = git('commit', '-qm', 'the centre');
    expect(good.status, good.stderr).toBe(0);
    expect(good.stderr).toContain('Checking 1 of 1 portfolios');
    const file = join(top, 'my centre/portfolios/RT-1/portfolio.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('evidence: []', 'evidence: [ { id: e1'));
    git('add', '-A');
    const broken = git('commit', '-qm', 'broken');
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('yaml-syntax');
  });

  it('at the top of a repository says nothing of it', async () => {
    const top = repo();
    const r = await folio(['init', '--package', 'folio-cli@0.1.0'], { cwd: top });
    expect(r.stderr).not.toContain('not at the top');
    expect(readFileSync(join(top, '.gitlab-ci.yml'), 'utf8')).toBe(gitlabCi('folio-cli@0.1.0'));
  });
});

describe('folio init --ci and --hooks on an existing centre', () => {
  it('--ci github writes only the GitHub workflow; --ci none neither', async () => {
    const a = repo();
    expect((await folio(['init', '--ci', 'github', '--package', 'folio-cli@0.1.0'], { cwd: a })).code).toBe(0);
    expect(existsSync(join(a, '.github/workflows/folio.yml'))).toBe(true);
    expect(existsSync(join(a, '.gitlab-ci.yml'))).toBe(false);
    const b = repo();
    expect((await folio(['init', '--ci', 'none', '--package', 'folio-cli@0.1.0'], { cwd: b })).code).toBe(0);
    expect(existsSync(join(b, '.github'))).toBe(false);
    expect(existsSync(join(b, '.gitlab-ci.yml'))).toBe(false);
    expect((await folio(['init', '--ci', 'travis'], { cwd: b })).code).toBe(2);
  });

  it('a later --hooks or --ci gitlab adds to a working centre and leaves its files alone', async () => {
    const dir = repo();
    expect((await folio(['init', '--ci', 'github', '--package', 'folio-cli@0.1.0', '--name', 'Riverside'], { cwd: dir })).code).toBe(0);
    const centre = readFileSync(join(dir, 'portfolios/centre.yaml'), 'utf8').replace('First Assessor', 'Ann Assessor');
    spawnSync('sh', ['-c', `printf '%s' "$0" > portfolios/centre.yaml`, centre], { cwd: dir });
    const later = await folio(['init', '--hooks', '--ci', 'both', '--package', 'folio-cli@0.1.0'], { cwd: dir });
    expect(later.code).toBe(0);
    expect(later.stdout).toContain('.git/hooks/pre-commit  (created)');
    expect(later.stdout).toContain('.gitlab-ci.yml  (created)');
    expect(later.stdout).toContain('.github/workflows/folio.yml  (already as folio writes it)');
    expect(later.stdout).toContain("portfolios/centre.yaml  (the centre's own: left as it is)");
    expect(readFileSync(join(dir, 'portfolios/centre.yaml'), 'utf8')).toBe(centre);
  });
});

describe('folio spec new', () => {
  const centre = async () => {
    const dir = repo();
    expect((await folio(['init', '--package', 'folio-cli@0.1.0'], { cwd: dir })).code).toBe(0);
    return dir;
  };
  const checkJson = async (dir: string) => {
    const r = await folio(['check', '--format', 'json'], { cwd: dir });
    return { code: r.code, diagnostics: (JSON.parse(r.stdout) as { diagnostics: { code: string; file: string; line: number }[] }).diagnostics };
  };

  it('writes templates that check reports only at their TODOs, and that pass once filled in', async () => {
    const dir = await centre();
    const unit = await folio(['spec', 'new', 'unit', 'A/506/2130'], { cwd: dir });
    expect(unit.code).toBe(0);
    expect(unit.stdout).toContain('Created specs/units/A-506-2130.yaml');
    const qual = await folio(['spec', 'new', 'qualification', '601/3734/4'], { cwd: dir });
    expect(qual.stdout).toContain('Created specs/qualifications/601-3734-4.yaml');
    expect(unit.stderr + qual.stderr).toBe('');
    const files = ['specs/units/A-506-2130.yaml', 'specs/qualifications/601-3734-4.yaml'];
    const todoLines = files.flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').flatMap((l, i) => (/:\s*\[?TODO/.test(l) ? [`${f}:${i + 1}`] : [])));
    const before = await checkJson(dir);
    expect(before.code).toBe(1);
    expect(new Set(before.diagnostics.map((d) => d.code))).toEqual(new Set(['placeholder', 'invalid-number']));
    expect(new Set(before.diagnostics.map((d) => `${d.file}:${d.line}`))).toEqual(new Set(todoLines));
    const fill: [string, string][] = [['title: TODO', 'title: Deal with customers'], ['level: TODO', 'level: 2'], ['credits: TODO', 'credits: 3'], ['min-credits: TODO', 'min-credits: 3'], ['text: TODO', 'text: Greet the customer'], ['[TODO]', '[A/506/2130]']];
    for (const f of files) {
      let text = readFileSync(join(dir, f), 'utf8');
      for (const [a, b] of fill) text = text.split(a).join(b);
      writeFileSync(join(dir, f), text.replace(/("1\.2", text: )Greet the customer/, '$1Find out what they need'));
    }
    const after = await checkJson(dir);
    expect(after.diagnostics).toEqual([]);
    expect(after.code).toBe(0);
  });

  it('never overwrites, refuses a number that cannot name a file, and warns of a wrong check character', async () => {
    const dir = await centre();
    await folio(['spec', 'new', 'unit', 'A/506/2130'], { cwd: dir });
    const again = await folio(['spec', 'new', 'unit', 'A/506/2130'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('exists already: folio spec new never overwrites');
    expect((await folio(['spec', 'new', 'unit', '../outside'], { cwd: dir })).code).toBe(2);
    const wrong = await folio(['spec', 'new', 'qualification', '601/3734/5'], { cwd: dir });
    expect(wrong.code).toBe(0);
    expect(wrong.stderr).toContain('check character should be 4 (601/3734/4)');
    expect(wrong.stderr).toContain('[qualification-check-digit]');
    const own = await folio(['spec', 'new', 'unit', '201'], { cwd: dir });
    expect(own.stderr).toContain('not shaped like a unit reference number');
    expect((await folio(['spec', 'new', 'unit', 'X'], { cwd: scratch() })).code).toBe(2);
  });
});
