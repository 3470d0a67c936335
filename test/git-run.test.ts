// run.ts: finding the repository and the centre's prefix, errors, and isolation from the
// environment and configuration that would change what git prints.
import { afterAll, describe, expect, it } from 'vitest';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { git, GitError, gitLines, isShallow, locateRepo, recordGit, shallowCommits } from '../src/git/run.js';
import { locateCentre, locationOf } from '../src/locate.js';
import { cleanupRepos, makeRepo, tempDir } from './git-repo.js';

afterAll(cleanupRepos);

describe('locating the repository', () => {
  const repo = makeRepo();
  repo.write('centre/specs/units/A.yaml', 'a\n').commit('one');
  const top = realpathSync(repo.dir);

  it('finds the top and the centre prefix in one process', () => {
    const { result, commands } = recordGit(() => locateRepo(join(repo.dir, 'centre')));
    expect(result).toEqual({ ok: true, top, prefix: 'centre/', shallow: false });
    expect(commands).toHaveLength(1);
    expect(locateRepo(repo.dir)).toEqual({ ok: true, top, prefix: '', shallow: false });
    // the one locator: the centre above the folder, and its place in the repository
    expect(locateCentre(join(repo.dir, 'centre/specs/units'))).toEqual({ root: join(repo.dir, 'centre'), repository: { top, prefix: 'centre/', shallow: false }, prefix: 'centre' });
  });

  it('says why there is no repository, without throwing', () => {
    const plain = tempDir('plain');
    expect(locationOf(plain)).toMatchObject({ noRepository: { reason: 'not-a-repository' }, prefix: '' });
    expect(locateRepo(plain)).toMatchObject({ ok: false, reason: 'not-a-repository' });
    expect(locateRepo(join(plain, 'nope'))).toMatchObject({ ok: false, reason: 'no-such-folder' });
  });

  it('says when git is not installed', () => {
    const path = process.env.PATH;
    process.env.PATH = tempDir('empty-path');
    try {
      // CI paths still start at the repository's top, found by its .git folder
      expect(locationOf(join(repo.dir, 'centre'))).toMatchObject({ noRepository: { reason: 'no-git' }, prefix: 'centre' });
      expect(locateRepo(repo.dir)).toMatchObject({ ok: false, reason: 'no-git' });
      expect(() => git(repo.dir, ['status'])).toThrow(/git is not installed/);
    } finally {
      process.env.PATH = path;
    }
  });

  it('knows a shallow clone and the commits it is cut at', () => {
    repo.write('centre/specs/units/B.yaml', 'b\n').commit('two');
    repo.write('centre/specs/units/C.yaml', 'c\n').commit('three');
    const clone = repo.shallowClone(2);
    expect(isShallow(clone.dir)).toBe(true);
    expect(isShallow(repo.dir)).toBe(false);
    expect([...shallowCommits(clone.dir)]).toEqual([repo.head('HEAD~1')]);
    expect(shallowCommits(repo.dir).size).toBe(0);
    expect(locateRepo(join(clone.dir, 'centre'))).toMatchObject({ ok: true, shallow: true, prefix: 'centre/' });
  });
});

describe('running git', () => {
  const repo = makeRepo();
  repo.write('a.txt', 'a\n').commit('one');

  it('throws a GitError with the command and what git said', () => {
    let error: unknown;
    try {
      git(repo.dir, ['rev-parse', '--verify', 'no-such-branch']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).command).toEqual(['rev-parse', '--verify', 'no-such-branch']);
    expect((error as GitError).status).toBe(128);
    expect((error as GitError).stderr).toMatch(/Needed a single revision/);
    expect((error as GitError).message).toMatch(/^git rev-parse --verify no-such-branch failed: Needed a single revision/);
  });

  it('accepts exit codes that are answers', () => {
    expect(git(repo.dir, ['config', '--get', 'no.such'], { ok: [1] })).toBe('');
  });

  it('talks about the repository it is pointed at even when a hook set GIT_DIR', () => {
    const other = makeRepo();
    other.write('b.txt', 'b\n').commit('other');
    const saved = { dir: process.env.GIT_DIR, index: process.env.GIT_INDEX_FILE };
    process.env.GIT_DIR = join(other.dir, '.git');
    process.env.GIT_INDEX_FILE = join(other.dir, '.git/index');
    try {
      expect(git(repo.dir, ['log', '-1', '--format=%s']).trim()).toBe('one');
      expect(locateRepo(repo.dir)).toMatchObject({ top: realpathSync(repo.dir) });
    } finally {
      for (const [k, v] of [['GIT_DIR', saved.dir], ['GIT_INDEX_FILE', saved.index]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });

  it('prints non-ASCII paths as UTF-8 whatever core.quotePath says, and ignores a pager', () => {
    repo.write('é q.txt', 'x\n').commit('odd name');
    repo.git('config', 'core.quotePath', 'true');
    repo.git('config', 'core.pager', 'false');
    expect(git(repo.dir, ['ls-files'])).toContain('é q.txt');
  });
});

describe('gitLines', () => {
  it('hands over every line of the output, across chunks, UTF-8 intact, and drops lines by their first byte undecoded', () => {
    const repo = makeRepo();
    // longer than the 1 MiB chunk, with a multi-byte character across the boundary somewhere
    const body = Array.from({ length: 40_000 }, (_, i) => `${i % 3 === 0 ? '-' : '+'}é line ${i} ${'x'.repeat(20)}`).join('\n');
    repo.write('big.txt', `${body}\n`).commit('big');
    const seen: string[] = [];
    gitLines(repo.dir, ['show', 'HEAD:big.txt'], (l) => seen.push(l));
    expect(seen).toEqual(body.split('\n'));
    const kept: string[] = [];
    gitLines(repo.dir, ['show', 'HEAD:big.txt'], (l) => kept.push(l), {}, (b) => b === 45);
    expect(kept).toEqual(body.split('\n').filter((l) => !l.startsWith('-')));
  });

  it('throws GitError on a failing git, before any line', () => {
    const repo = makeRepo();
    repo.write('a.txt', 'a\n').commit('one');
    const seen: string[] = [];
    expect(() => gitLines(repo.dir, ['show', 'HEAD:missing.txt'], (l) => seen.push(l))).toThrow(GitError);
    expect(seen).toEqual([]);
  });
});
