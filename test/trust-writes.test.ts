// Writes that never clobber, I/O errors as messages, git run without external programs, and
// history/verify on odd folder names (issue 14, item 7). The races are made certain, not
// timed: the module that renders the file (init's portfolioYaml, the importer) is wrapped so
// that the "other writer" creates the file between folio's check and its write.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { batchRead } from '../src/git/index.js';
import { createFile, replaceFile } from '../src/write-file.js';
import { admin, alice, cleanupRepos, makeRepo, type TestRepo } from './git-repo.js';
import { FIXTURES, folio, REPO } from './helpers.js';

const race = vi.hoisted(() => ({ hook: undefined as undefined | (() => void) }));
vi.mock('../src/init.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/init.js')>();
  return { ...real, portfolioYaml: (p: Parameters<typeof real.portfolioYaml>[0]) => (race.hook?.(), real.portfolioYaml(p)) };
});
vi.mock('../src/import/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/import/index.js')>();
  return { ...real, importForms: (...a: Parameters<typeof real.importForms>) => { const r = real.importForms(...a); race.hook?.(); return r; } };
});

afterAll(cleanupRepos);

const scratch = () => mkdtempSync(join(tmpdir(), 'folio-writes-'));
/** A copy of the sample centre. */
function centre(): string {
  const dir = scratch();
  for (const d of ['specs', 'portfolios']) cpSync(join(REPO, d), join(dir, d), { recursive: true });
  return dir;
}
const temps = (dir: string) => readdirSync(dir).filter((f) => /\.tmp$/.test(f));
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .*:\d+:\d+\)?\n/);

const PORTFOLIO = `learner: { name: Lee Learner, uln: "1000000000" }
qualification: 600/1234/1
registered: 2026-02-01
assessor: a.jones
evidence:
  - id: E1
    method: reflective-account
    date: 2026-02-09
    ref: E1 notes
    covers: { L/600/0001: [1.1] }
    assessment: { by: a.jones, date: 2026-02-20, decision: accepted }
iqa:
  - { unit: L/600/0001, by: m.hughes, date: 2026-03-13, stage: interim, decision: agreed }
`;

describe('history and verify on odd folder names', () => {
  let repo: TestRepo;
  const odd = 'L\nodd "name"\t\\x';
  beforeAll(() => {
    repo = makeRepo();
    for (const d of ['specs', 'portfolios/centre.yaml']) cpSync(join(`${FIXTURES}centre`, d), join(repo.dir, d), { recursive: true });
    repo.commit('the centre', { author: admin, date: '2026-02-01T09:00:00Z' });
    repo.write(`portfolios/${odd}/portfolio.yaml`, PORTFOLIO);
    repo.commit('Lee joins', { author: alice, date: '2026-02-10T09:00:00Z' });
  });
  it('history of a learner whose folder name holds a newline, quotes and a tab', async () => {
    const r = await folio(['history', odd, '--format', 'json'], { cwd: repo.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const h = JSON.parse(r.stdout);
    expect(h.folders).toEqual([odd]);
    expect(h.events.map((e: { kind: string }) => e.kind)).toContain('iqa');
    expect(h.events[0]).toMatchObject({ kind: 'folder', to: odd });
  });
  it('verify reads the portfolio as each IQA record left it, whatever its folder is called', async () => {
    const r = await folio(['verify', '--format', 'json'], { cwd: repo.dir });
    noStack(r.stderr);
    expect(r.code).toBe(1); // the sample staff have no emails: findings, not a crash
    expect(JSON.parse(r.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(['verify-no-email', 'verify-no-email']);
  });
  it('reads an object at a path with a newline by walking the trees', () => {
    const spec = `HEAD:portfolios/${odd}/portfolio.yaml`;
    const o = batchRead(repo.dir, [spec, 'HEAD:portfolios/centre.yaml']).get(spec);
    expect(o && 'content' in o ? o.content.toString('utf8') : o).toBe(PORTFOLIO);
  });
  it.each([
    [['check', '--at', 'nosuchrev'], "unknown revision 'nosuchrev': not a commit, branch, tag or date"],
    [['status', '--at', 'a\nb'], 'unknown revision "a\\nb": not a commit, branch, tag or date'],
    [['check', '--changed-since', 'nosuchrev'], '--changed-since "nosuchrev": not a commit, branch or tag in this repository: name what this branch is compared with'],
    [['check', '--changed-since', '-x'], '--changed-since "-x": not a commit, branch or tag'],
  ])('a bad revision %j is named, with the fix; no internal name', async (args, message) => {
    const r = await folio(args, { cwd: repo.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/logCommits|literal-pathspecs|resolveRevision|    at /);
  });
  it('history follows a learner out of a folder whose name held a newline', async () => {
    const r2 = makeRepo();
    for (const d of ['specs', 'portfolios/centre.yaml']) cpSync(join(`${FIXTURES}centre`, d), join(r2.dir, d), { recursive: true });
    r2.write(`portfolios/${odd}/portfolio.yaml`, PORTFOLIO).commit('Lee joins', { author: alice, date: '2026-02-10T09:00:00Z' });
    r2.rename(`portfolios/${odd}`, 'portfolios/NT-0001');
    r2.commit('renamed', { author: admin, date: '2026-02-11T09:00:00Z' });
    const r = await folio(['history', 'NT-0001', '--format', 'json'], { cwd: r2.dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).folders).toEqual(['NT-0001', odd]);
    const v = await folio(['verify', 'NT-0001', '--format', 'json'], { cwd: r2.dir });
    expect(v.code).toBe(1);
    noStack(v.stderr);
  });
  it('progress counts the learner', async () => {
    const r = await folio(['progress', '--format', 'json', '--until', '2026-03-31'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(JSON.stringify(odd).slice(1, -1));
  });
});

describe('learner add and init never replace a file created while they run', () => {
  it('learner add: a portfolio that appears between the check and the write is kept', async () => {
    const dir = centre();
    const file = join(dir, 'portfolios/NT-0900/portfolio.yaml');
    race.hook = () => {
      mkdirSync(join(dir, 'portfolios/NT-0900'), { recursive: true });
      writeFileSync(file, 'theirs\n');
    };
    try {
      const r = await folio(['learner', 'add', 'NT-0900', '--name', 'Sam Green', '--qualification', '601/3734/4'], { cwd: dir });
      expect(readFileSync(file, 'utf8')).toBe('theirs\n');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('portfolios/NT-0900/portfolio.yaml appeared while folio ran');
      noStack(r.stderr);
      expect(temps(join(dir, 'portfolios/NT-0900'))).toEqual([]);
    } finally {
      race.hook = undefined;
    }
  });

  it('createFile never replaces an existing file, of any kind', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a'), 'old');
    expect(() => createFile(join(dir, 'a'), 'new')).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readFileSync(join(dir, 'a'), 'utf8')).toBe('old');
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
    expect(() => createFile(join(dir, 'dangling'), 'new')).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
    createFile(join(dir, 'sub/b'), 'fresh');
    expect(readFileSync(join(dir, 'sub/b'), 'utf8')).toBe('fresh');
    expect(readdirSync(dir).sort()).toEqual(['a', 'dangling', 'sub']);
    expect(readdirSync(join(dir, 'sub'))).toEqual(['b']);
  });

  it('learner add over a dangling link in portfolios/: a message, not a stack trace', async () => {
    const dir = centre();
    symlinkSync(join(dir, 'gone'), join(dir, 'portfolios/NT-0901'));
    const r = await folio(['learner', 'add', 'NT-0901', '--name', 'Sam Green', '--qualification', '601/3734/4'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('portfolios/NT-0901');
    noStack(r.stderr);
    expect(existsSync(join(dir, 'gone'))).toBe(false);
  });
});

describe('-o refuses what is not a regular file, and I/O errors are messages', () => {
  const check = (dir: string, out: string, env: Record<string, string> = {}) => folio(['check', '--format', 'json', '-o', out], { cwd: dir, env });

  it('a FIFO is neither written nor replaced (and folio does not block on it)', async () => {
    const dir = centre();
    if (spawnSync('mkfifo', [join(dir, 'pipe')]).status !== 0) return;
    const r = await check(dir, 'pipe');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a named pipe (FIFO), not a regular file');
    expect(r.stderr).toContain('> ');
    expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
    expect(temps(dir)).toEqual([]);
  });

  it('a symbolic link (to stdout or a file) is not replaced, nor written through', async () => {
    const dir = centre();
    writeFileSync(join(dir, 'target.txt'), 'keep');
    symlinkSync(join(dir, 'target.txt'), join(dir, 'link.json'));
    symlinkSync('/dev/stdout', join(dir, 'stdout'));
    for (const name of ['link.json', 'stdout']) {
      const r = await check(dir, name);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('is a symbolic link, not a regular file');
      expect(lstatSync(join(dir, name)).isSymbolicLink()).toBe(true);
    }
    expect(readFileSync(join(dir, 'target.txt'), 'utf8')).toBe('keep');
    expect(temps(dir)).toEqual([]);
  });

  it('a device node is not replaced', async () => {
    const dir = centre();
    if (spawnSync('mknod', [join(dir, 'null'), 'c', '1', '3']).status !== 0) return; // no CAP_MKNOD here
    const r = await check(dir, 'null');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a device, not a regular file');
    expect(lstatSync(join(dir, 'null')).isCharacterDevice()).toBe(true);
  });

  it('a folder as -o: refused with the fix, no temporary file left', async () => {
    const dir = centre();
    mkdirSync(join(dir, 'reports'));
    const r = await check(dir, 'reports');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/reports is a folder, not a regular file: name a file inside it/);
    noStack(r.stderr);
    expect(temps(dir)).toEqual([]);
    expect(readdirSync(join(dir, 'reports'))).toEqual([]);
  });

  it('a path under a regular file (ENOTDIR): the path and the fix, exit 2, no stack', async () => {
    const dir = centre();
    writeFileSync(join(dir, 'plain'), 'x');
    const r = await check(dir, 'plain/report.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(join(dir, 'plain'));
    expect(r.stderr).toContain('a file or a link is where a folder is needed');
    noStack(r.stderr);
    const debug = await check(dir, 'plain/report.json', { FOLIO_DEBUG: '1' });
    expect(debug.stderr).toMatch(/\n\s+at /); // FOLIO_DEBUG=1 keeps the stack for a bug report
  });

  // Tests run as root, which permissions do not stop: an immutable file or folder (chattr +i)
  // stops root too. Skipped where the file system has no such attribute.
  const immutable = (path: string) => spawnSync('chattr', ['+i', path]).status === 0;
  const mutable = (path: string) => spawnSync('chattr', ['-i', path]);

  it('a report that cannot replace its file (rename fails): message, no temporary file left', async () => {
    const dir = centre();
    writeFileSync(join(dir, 'report.json'), 'old');
    if (!immutable(join(dir, 'report.json'))) return;
    try {
      const r = await check(dir, 'report.json');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`cannot write ${join(dir, 'report.json')}: operation not permitted (EPERM)`);
      noStack(r.stderr);
      expect(temps(dir)).toEqual([]);
      expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('old');
    } finally {
      mutable(join(dir, 'report.json'));
    }
  });

  it('an unwritable portfolios/: learner add says so with the path, exit 2', async () => {
    const dir = centre();
    if (!immutable(join(dir, 'portfolios'))) return;
    try {
      const r = await folio(['learner', 'add', 'NT-0902', '--name', 'Sam Green', '--qualification', '601/3734/4'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(join(dir, 'portfolios/NT-0902'));
      expect(r.stderr).toContain('operation not permitted (EPERM)');
      noStack(r.stderr);
    } finally {
      mutable(join(dir, 'portfolios'));
    }
  });

  it('-o - is stdout; a report replaces a regular file atomically, keeping nothing else', async () => {
    const dir = centre();
    const r = await folio(['check', '--format', 'json', '-o', '-'], { cwd: dir });
    expect(JSON.parse(r.stdout).version).toBeDefined();
    expect(existsSync(join(dir, '-'))).toBe(false);
    const two = await folio(['check', '-f', 'json', '-o', '-', '-f', 'table'], { cwd: dir });
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('would both go to stdout');
    writeFileSync(join(dir, 'report.json'), 'old');
    const w = await check(dir, 'report.json');
    expect(w.code).not.toBe(2);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).version).toBeDefined();
    expect(temps(dir)).toEqual([]);
  });

  it('replaceFile leaves no temporary file when the write fails', () => {
    const dir = scratch();
    const pieces = function* () {
      yield 'a';
      throw new Error('renderer failed');
    };
    expect(() => replaceFile(join(dir, 'r.txt'), pieces())).toThrow('renderer failed');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('import reports honestly what it wrote', () => {
  const FORM = ['Unit Reference Number: H/506/2154', 'Title: Deal with incoming telephone calls from customers', 'Unit Level: 2', '1 Understand how to deal with calls', '1.1 Describe the telephone system', '1.2 Explain call handling procedures'].join('\n');
  const setup = (spec?: string) => {
    const dir = scratch();
    writeFileSync(join(dir, 'form.txt'), FORM);
    mkdirSync(join(dir, 'specs/units'), { recursive: true });
    if (spec !== undefined) writeFileSync(join(dir, 'specs/units/H-506-2154.yaml'), spec);
    return { dir, file: join(dir, 'specs/units/H-506-2154.yaml') };
  };

  it('--format json -o: a spec it refused (differs from the form) is written: false, with the reason', async () => {
    const spec = 'unit: H/506/2154\ntitle: Handle incoming calls\noutcomes: []\n';
    const { dir, file } = setup(spec);
    const r = await folio(['import', 'form.txt', '--format', 'json', '-o', 'specs/units'], { cwd: dir });
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout).specs[0];
    expect(s).toMatchObject({ action: 'conflict', written: false });
    expect(s.reason).toContain('--force');
    expect(readFileSync(file, 'utf8')).toBe(spec);
  });

  it('a spec that appears while import runs is kept, and reported as not written', async () => {
    const { dir, file } = setup();
    race.hook = () => writeFileSync(file, 'theirs\n');
    try {
      const r = await folio(['import', 'form.txt', '--format', 'json', '-o', 'specs/units'], { cwd: dir });
      expect(readFileSync(file, 'utf8')).toBe('theirs\n');
      const s = JSON.parse(r.stdout).specs[0];
      expect(s).toMatchObject({ action: 'create', written: false });
      expect(s.reason).toContain('appeared while folio ran');
      expect(r.code).toBe(1);
      expect(temps(join(dir, 'specs/units'))).toEqual([]);
    } finally {
      race.hook = undefined;
    }
  });

  it('a spec that is a symbolic link is neither replaced nor written through: written false, the reason', async () => {
    const spec = 'unit: H/506/2154\ntitle: Deal with incoming telephone calls from customers\noutcomes: []\n';
    const { dir, file } = setup();
    writeFileSync(join(dir, 'elsewhere.yaml'), spec);
    symlinkSync(join(dir, 'elsewhere.yaml'), file);
    const r = await folio(['import', 'form.txt', '--format', 'json', '-o', 'specs/units'], { cwd: dir });
    noStack(r.stderr);
    const s = JSON.parse(r.stdout).specs[0];
    expect(s.written).toBe(false);
    expect(s.reason).toContain('is a symbolic link, not a regular file');
    expect(lstatSync(file).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'elsewhere.yaml'), 'utf8')).toBe(spec);
    expect(readdirSync(join(dir, 'specs/units'))).toEqual(['H-506-2154.yaml']);
  });

  it('a spec written is written: true, reason null', async () => {
    const { dir } = setup();
    const r = await folio(['import', 'form.txt', '--format', 'json', '-o', 'specs/units'], { cwd: dir });
    expect(JSON.parse(r.stdout).specs[0]).toMatchObject({ action: 'create', written: true, reason: null });
  });

  it('-o DIR that is a file: a message, not a stack trace', async () => {
    const { dir } = setup();
    writeFileSync(join(dir, 'out'), 'x');
    const r = await folio(['import', 'form.txt', '-o', 'out/units'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(join(dir, 'out'));
    noStack(r.stderr);
  });
});

describe('git config cannot make a reading command run a program', () => {
  let repo: TestRepo;
  let marks: string;
  const KINDS = ['clean', 'smudge', 'process', 'textconv', 'command', 'external', 'fsmonitor', 'pager', 'gpg', 'gpgssh', 'hook', 'odd'];
  beforeAll(async () => {
    repo = makeRepo();
    marks = mkdtempSync(join(tmpdir(), 'folio-marks-'));
    for (const d of ['specs', 'portfolios/centre.yaml']) cpSync(join(`${FIXTURES}centre`, d), join(repo.dir, d), { recursive: true });
    // committed attributes (a clone carries them) route every file through the drivers below
    repo.write('.gitattributes', '*.yaml filter=evil diff=evil\n*.md filter=odd.name diff=odd.name\n');
    repo.write('portfolios/L-1/portfolio.yaml', PORTFOLIO);
    repo.commit('the centre', { author: admin, date: '2026-02-01T09:00:00Z' });
    repo.write('portfolios/L-1/portfolio.yaml', `${PORTFOLIO}signoffs: []\n`);
    repo.commit('more', { author: alice, date: '2026-02-10T09:00:00Z' });
    // folio has already run here once, before the config below was planted
    expect((await folio(['verify'], { cwd: repo.dir })).code).not.toBe(2);
    const script = (kind: string) => {
      const f = join(marks, `mark-${kind}.sh`);
      writeFileSync(f, `#!/bin/sh\ntouch "${marks}/ran-${kind}"\ncat\n`, { mode: 0o755 });
      return f;
    };
    const hooks = join(marks, 'hooks');
    mkdirSync(hooks);
    for (const h of ['post-index-change', 'reference-transaction', 'post-checkout']) writeFileSync(join(hooks, h), `#!/bin/sh\ntouch "${marks}/ran-hook"\n`, { mode: 0o755 });
    const set = (k: string, v: string) => repo.git('config', k, v);
    set('filter.evil.clean', script('clean'));
    set('filter.evil.smudge', script('smudge'));
    set('filter.evil.required', 'true');
    set('filter.odd.name.process', script('process'));
    set('diff.evil.textconv', script('textconv'));
    set('diff.evil.command', script('command'));
    set('diff.odd.name.textconv', script('odd'));
    set('diff.external', script('external'));
    set('core.fsmonitor', script('fsmonitor'));
    set('core.pager', script('pager'));
    set('pager.log', script('pager'));
    set('gpg.program', script('gpg'));
    set('gpg.ssh.program', script('gpgssh'));
    set('core.hooksPath', hooks);
    set('log.showSignature', 'true');
    // a dirty working tree, a staged change and racy timestamps: what makes git filter files
    repo.write('portfolios/L-1/portfolio.yaml', `${PORTFOLIO}signoffs: []\n# edited\n`);
    repo.write('portfolios/L-1/notes.md', 'notes\n');
    repo.git('-c', 'filter.evil.clean=cat', '-c', 'filter.odd.name.process=', 'add', 'portfolios/L-1/notes.md');
    for (const k of KINDS) rmSync(join(marks, `ran-${k}`), { force: true });
  });

  it.each([
    [['check', '--at', 'HEAD~1']],
    [['status', '--at', '2026-02-05']],
    [['history', 'L-1']],
    [['progress', '--until', '2026-03-31']],
    [['verify']],
    [['check', '--changed-since', 'HEAD~1']],
    [['check', '--staged']],
  ])('%j runs none of them', async (args) => {
    const r = await folio(args, { cwd: repo.dir });
    noStack(r.stderr);
    expect(r.code).not.toBe(2);
    expect(readdirSync(marks).filter((f) => f.startsWith('ran-'))).toEqual([]);
  });

  it('verify --signed says which program it runs, and where that choice comes from', async () => {
    const r = await folio(['verify', '--signed'], { cwd: repo.dir });
    expect(r.stderr).toContain(`verify --signed has git run "${join(marks, 'mark-gpg.sh')}" for OpenPGP signatures (from git config gpg.program)`);
    expect(r.stderr).toContain(`"${join(marks, 'mark-gpgssh.sh')}" for SSH signatures (from git config gpg.ssh.program)`);
    expect(r.stderr).toContain("gpgsm for X.509 signatures (git's default)");
  });
});
