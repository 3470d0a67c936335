// rev.ts: what --at accepts, and the errors for what it cannot resolve.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRevision, RevisionError } from '../src/git/rev.js';
import { recordGit } from '../src/git/run.js';
import { alice, bob, cleanupRepos, makeRepo, type TestRepo } from './git-repo.js';

afterAll(cleanupRepos);

// Local time is New York here (Node applies a changed TZ at once), so the end of a day in
// local time is not the end of the day in UTC.
process.env.TZ = 'America/New_York';

function problem(fn: () => unknown): { kind: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof RevisionError) return { kind: e.kind, message: e.message };
    throw e;
  }
  throw new Error('expected a RevisionError');
}

describe('resolveRevision', () => {
  let repo: TestRepo;
  const c: Record<string, string> = {};

  beforeAll(() => {
    repo = makeRepo();
    c.one = repo.write('a.txt', '1\n').commit('one', { author: alice, date: '2026-03-01T10:00:00Z' });
    repo.tag('v1', { message: 'first release' }).tag('light');
    c.two = repo.write('a.txt', '2\n').commit('two', { author: bob, date: '2026-03-02T10:00:00Z', committerDate: '2026-03-03T10:00:00Z' });
    repo.branch('side').checkout('side');
    c.side = repo.write('b.txt', 'side\n').commit('side work', { date: '2026-03-04T10:00:00Z' });
    repo.checkout('main');
    c.merge = repo.merge('side', 'merge side', { date: '2026-03-06T10:00:00Z' });
    // 22:00 on the 6th in New York, already the 7th in UTC
    c.late = repo.write('a.txt', '3\n').commit('late', { date: '2026-03-07T03:00:00Z' });
  });

  it('resolves commit ids, tags, branches and revision expressions', () => {
    expect(resolveRevision(repo.dir, c.one!)).toEqual({ commit: c.one, date: '2026-03-01T10:00:00+00:00', label: `${c.one} (${c.one!.slice(0, 8)})` });
    expect(resolveRevision(repo.dir, c.one!.slice(0, 10)).commit).toBe(c.one);
    expect(resolveRevision(repo.dir, 'v1')).toMatchObject({ commit: c.one, label: `v1 (${c.one!.slice(0, 8)})` });
    expect(resolveRevision(repo.dir, 'light').commit).toBe(c.one);
    expect(resolveRevision(repo.dir, 'side').commit).toBe(c.side);
    expect(resolveRevision(repo.dir, 'HEAD~1').commit).toBe(c.merge);
    expect(resolveRevision(repo.dir, 'HEAD~2').commit).toBe(c.two);
    expect(resolveRevision(repo.dir, 'HEAD~1^2').commit).toBe(c.side);
  });

  it('dates a commit by its committer', () => {
    expect(resolveRevision(repo.dir, c.two!).date).toBe('2026-03-03T10:00:00+00:00');
  });

  it('costs one git process', () => {
    expect(recordGit(() => resolveRevision(repo.dir, 'v1')).commands).toHaveLength(1);
    expect(recordGit(() => resolveRevision(repo.dir, '2026-03-05')).commands).toHaveLength(1);
  });

  it('takes a day as the last commit on or before it, on the first-parent history', () => {
    expect(resolveRevision(repo.dir, '2026-03-01')).toMatchObject({ commit: c.one, label: `2026-03-01 (${c.one!.slice(0, 8)})` });
    expect(resolveRevision(repo.dir, '2026-03-02').commit).toBe(c.one); // two was committed on the 3rd
    expect(resolveRevision(repo.dir, '2026-03-03').commit).toBe(c.two);
    // side work (the 4th) is newer than two but was not on main until the merge
    expect(resolveRevision(repo.dir, '2026-03-05').commit).toBe(c.two);
    expect(resolveRevision(repo.dir, '2099-01-01').commit).toBe(c.late);
  });

  it('ends the day at midnight local time', () => {
    expect(resolveRevision(repo.dir, '2026-03-06').commit).toBe(c.late);
    expect(resolveRevision(repo.dir, '2026-03-05').commit).not.toBe(c.late);
  });

  it('says when the day is before the first commit', () => {
    expect(problem(() => resolveRevision(repo.dir, '2026-02-28'))).toEqual({
      kind: 'before-first-commit',
      message: 'no commit on or before 2026-02-28: the first commit is dated 2026-03-01T10:00:00+00:00',
    });
  });

  it('rejects days that do not exist', () => {
    expect(problem(() => resolveRevision(repo.dir, '2026-02-30')).kind).toBe('invalid-day');
  });

  it('says when a revision is unknown, or not a commit', () => {
    expect(problem(() => resolveRevision(repo.dir, 'nope'))).toEqual({ kind: 'unknown', message: 'unknown revision \'nope\': not a commit, branch, tag or date (YYYY-MM-DD) in this repository: "git log --oneline", "git branch -a" and "git tag" list what there is' });
    expect(problem(() => resolveRevision(repo.dir, '--output=/tmp/x')).kind).toBe('unknown');
    const blob = repo.git('rev-parse', 'HEAD:a.txt').trim();
    expect(problem(() => resolveRevision(repo.dir, blob)).kind).toBe('not-a-commit');
  });

  it('says when the history may be missing because the clone is shallow', () => {
    const shallow = repo.shallowClone(1);
    expect(problem(() => resolveRevision(shallow.dir, '2026-03-01')).message).toMatch(/first commit is dated 2026-03-07T03:00:00\+00:00 \(this is a shallow clone/);
    expect(problem(() => resolveRevision(shallow.dir, c.one!)).message).toMatch(/shallow clone/);
    expect(problem(() => resolveRevision(repo.dir, 'nope')).message).not.toMatch(/shallow/);
  });

  it('says when the repository has no commits', () => {
    const empty = makeRepo();
    expect(problem(() => resolveRevision(empty.dir, 'HEAD')).kind).toBe('empty-repository');
    expect(problem(() => resolveRevision(empty.dir, '2026-03-01')).kind).toBe('empty-repository');
  });
});
