// changes.ts and indexReader: what changed since a revision or is staged, without writing
// the index, and the centre as staged (also from a hook's temporary index).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { changedFiles } from '../src/git/changes.js';
import { gitReader, indexReader } from '../src/git/reader.js';
import { recordGit } from '../src/git/run.js';
import { cleanupRepos, makeRepo, runIn, type TestRepo } from './git-repo.js';

afterAll(cleanupRepos);

describe('changedFiles', () => {
  let repo: TestRepo;
  let c1: string;

  beforeAll(() => {
    repo = makeRepo();
    repo.write('.gitignore', '*.tmp\n').write('specs/units/A.yaml', 'a1\n').write('specs/units/B.yaml', 'b1\n').write('specs/units/C.yaml', 'c1\n').write('portfolios/NT-1/portfolio.yaml', 'p1\n');
    c1 = repo.commit('one');
    repo.write('specs/units/A.yaml', 'a2\n').commit('two');
    repo.write('specs/units/B.yaml', 'b2\n').add('specs/units/B.yaml'); // staged
    repo.rename('specs/units/C.yaml', 'specs/units/D.yaml'); // staged rename
    repo.write('portfolios/NT-1/portfolio.yaml', 'p2\n'); // not staged
    repo.write('portfolios/NT 2/portfolio.yaml', 'new\n'); // untracked
    repo.write('portfolios/scratch.tmp', 'ignored\n');
  });

  it('lists what differs between a revision and the working tree', () => {
    const { result, commands } = recordGit(() => changedFiles(repo.dir, { since: c1 }));
    expect(result).toEqual(['portfolios/NT 2/portfolio.yaml', 'portfolios/NT-1/portfolio.yaml', 'specs/units/A.yaml', 'specs/units/B.yaml', 'specs/units/C.yaml', 'specs/units/D.yaml']);
    expect(commands.map((c) => c.find((a) => !a.startsWith('-')))).toEqual(['rev-parse', 'diff', 'status']);
    expect(changedFiles(repo.dir, { since: c1, paths: ['portfolios'] })).toEqual(['portfolios/NT 2/portfolio.yaml', 'portfolios/NT-1/portfolio.yaml']);
    expect(changedFiles(repo.dir, { since: 'HEAD', paths: ['specs'] })).toEqual(['specs/units/B.yaml', 'specs/units/C.yaml', 'specs/units/D.yaml']);
  });

  it('lists what is staged, in one process', () => {
    const { result, commands } = recordGit(() => changedFiles(repo.dir, { staged: true }));
    expect(result).toEqual(['specs/units/B.yaml', 'specs/units/C.yaml', 'specs/units/D.yaml']);
    expect(commands).toHaveLength(1);
  });

  it('does not list or rewrite a file only touched, and never writes the index', () => {
    const index = join(repo.dir, '.git/index');
    const later = new Date(Date.now() + 5000);
    utimesSync(join(repo.dir, '.gitignore'), later, later); // stat-dirty, same content
    const before = { bytes: readFileSync(index), mtime: statSync(index).mtimeMs };
    expect(changedFiles(repo.dir, { since: 'HEAD' })).not.toContain('.gitignore');
    expect(changedFiles(repo.dir, { staged: true })).not.toContain('.gitignore');
    expect(readFileSync(index).equals(before.bytes)).toBe(true);
    expect(statSync(index).mtimeMs).toBe(before.mtime);
  });

  it('takes the changes of a branch alone from its merge base', () => {
    const pr = makeRepo();
    pr.write('specs/units/A.yaml', 'a\n').write('portfolios/NT-1/portfolio.yaml', 'p\n').commit('base');
    pr.branch('feature');
    pr.write('specs/units/A.yaml', 'a on main\n').commit('main moves');
    pr.checkout('feature').write('portfolios/NT-1/portfolio.yaml', 'p on feature\n').commit('feature work');
    expect(changedFiles(pr.dir, { since: 'main', mergeBase: true })).toEqual(['portfolios/NT-1/portfolio.yaml']);
    expect(changedFiles(pr.dir, { since: 'main' })).toEqual(['portfolios/NT-1/portfolio.yaml', 'specs/units/A.yaml']);
  });

  it('works before the first commit', () => {
    const fresh = makeRepo();
    fresh.write('a.yaml', 'a\n').add();
    expect(changedFiles(fresh.dir, { staged: true })).toEqual(['a.yaml']);
    expect(changedFiles(fresh.dir, { since: 'HEAD' })).toEqual(['a.yaml']);
  });
});

describe('indexReader', () => {
  it('reads the centre as staged, not as committed or in the working tree', () => {
    const repo = makeRepo();
    const c = repo.write('centre/portfolios/NT-1/portfolio.yaml', 'v1\n').write('outside.yaml', 'x\n').commit('v1');
    repo.write('centre/portfolios/NT-1/portfolio.yaml', 'v2\n').write('centre/portfolios/NT-2/portfolio.yaml', 'new\n').add();
    repo.write('centre/portfolios/NT-1/portfolio.yaml', 'v3\n').write('centre/portfolios/NT-3/portfolio.yaml', 'untracked\n');
    const staged = indexReader(repo.dir, 'centre/');
    expect(staged.read('portfolios/NT-1/portfolio.yaml')).toBe('v2\n');
    expect(staged.list('portfolios')).toEqual([
      { name: 'NT-1', dir: true },
      { name: 'NT-2', dir: true },
    ]);
    // nothing outside the centre folder is a file of the centre, even in the same repository
    expect(staged.isFile('../outside.yaml')).toBe(false);
    expect(staged.isFile('portfolios/NT-2/portfolio.yaml')).toBe(true);
    expect(gitReader(repo.dir, c, 'centre/').read('portfolios/NT-1/portfolio.yaml')).toBe('v1\n');
  });

  it('reads the temporary index of a hook when asked', () => {
    const repo = makeRepo();
    repo.write('portfolios/NT-1/portfolio.yaml', 'v1\n').commit('v1');
    // what `git commit -a` does: a temporary index holding the commit to be
    const temp = join(repo.dir, '.git/next-index.lock');
    repo.write('portfolios/NT-1/portfolio.yaml', 'v2 in the commit being made\n');
    runIn(repo.dir, ['read-tree', 'HEAD'], { GIT_INDEX_FILE: temp });
    runIn(repo.dir, ['add', 'portfolios'], { GIT_INDEX_FILE: temp });
    const saved = process.env.GIT_INDEX_FILE;
    process.env.GIT_INDEX_FILE = temp;
    try {
      expect(changedFiles(repo.dir, { staged: true })).toEqual([]);
      expect(changedFiles(repo.dir, { staged: true, hookIndex: true })).toEqual(['portfolios/NT-1/portfolio.yaml']);
      expect(indexReader(repo.dir, '').read('portfolios/NT-1/portfolio.yaml')).toBe('v1\n');
      expect(indexReader(repo.dir, '', { hookIndex: true }).read('portfolios/NT-1/portfolio.yaml')).toBe('v2 in the commit being made\n');
    } finally {
      if (saved === undefined) delete process.env.GIT_INDEX_FILE;
      else process.env.GIT_INDEX_FILE = saved;
    }
  });
});
