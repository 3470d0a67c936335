// blame.ts: who committed each line, uncommitted lines, shallow boundaries, in one process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { blame, blameContext, isoDate, unquote } from '../src/git/blame.js';
import { recordGit, GitError } from '../src/git/run.js';
import { alice, bob, carol, cleanupRepos, makeRepo, type TestRepo } from './git-repo.js';

afterAll(cleanupRepos);

const FILE = 'portfolios/NT "1" é/portfolio.yaml';

describe('blame', () => {
  let repo: TestRepo;
  const c: Record<string, string> = {};

  beforeAll(() => {
    repo = makeRepo();
    c.a = repo.write(FILE, 'learner: NT-1\nunit: A\ndecision: pending\n').commit('enrol', { author: alice, date: '2026-03-01T10:00:00+01:00' });
    c.b = repo.write(FILE, 'learner: NT-1\nunit: B\ndecision: pending\n').commit('unit B', { author: bob, committer: carol, date: '2026-03-02T10:00:00Z', committerDate: '2026-03-03T11:00:00Z' });
    c.c = repo.write(FILE, 'learner: NT-1\nunit: B\ndecision: pending\nsigned-off: carol\n').commit('sign off', { author: carol, date: '2026-03-04T10:00:00Z' });
  });

  it('attributes each line to the commit, author and committer that wrote it, in one process', () => {
    const ctx = blameContext(repo.dir);
    const { result, commands } = recordGit(() => blame(repo.dir, FILE, { rev: 'HEAD', context: ctx }));
    expect(commands).toHaveLength(1);
    expect(result.map((l) => [l.line, l.commit, l.author.name, l.text])).toEqual([
      [1, c.a, alice.name, 'learner: NT-1'],
      [2, c.b, bob.name, 'unit: B'],
      [3, c.a, alice.name, 'decision: pending'],
      [4, c.c, carol.name, 'signed-off: carol'],
    ]);
    expect(result[1]).toEqual({
      line: 2,
      text: 'unit: B',
      commit: c.b,
      author: { name: bob.name, email: bob.email, date: '2026-03-02T10:00:00+00:00' },
      committer: { name: carol.name, email: carol.email, date: '2026-03-03T11:00:00+00:00' },
      summary: 'unit B',
      origLine: 2,
      origPath: FILE,
      boundary: false,
      uncommitted: false,
    });
    expect(result[0]!.author.date).toBe('2026-03-01T10:00:00+01:00');
    // the repository's first commit is attributable, not a boundary
    expect(result.filter((l) => l.boundary)).toEqual([]);
  });

  it('costs three processes without a context (settings, shallow list, blame)', () => {
    expect(recordGit(() => blame(repo.dir, FILE)).commands.map((x) => x[0])).toEqual(['config', 'rev-parse', 'blame']);
  });

  it('blames the working tree without rev: uncommitted lines say so', () => {
    repo.write(FILE, 'learner: NT-1\nunit: B\ndecision: achieved\nsigned-off: carol\nassessor: bob\n');
    try {
      const lines = blame(repo.dir, FILE);
      expect(lines.map((l) => [l.line, l.uncommitted])).toEqual([
        [1, false],
        [2, false],
        [3, true],
        [4, false],
        [5, true],
      ]);
      expect(lines[2]!.commit).toMatch(/^0{40}$/);
      expect(blame(repo.dir, FILE, { rev: 'HEAD' }).some((l) => l.uncommitted)).toBe(false);
    } finally {
      repo.git('checkout', '--', FILE);
    }
  });

  it('blames only the ranges asked for', () => {
    const lines = blame(repo.dir, FILE, { rev: 'HEAD', ranges: [[2, 2], [4, 4]] });
    expect(lines.map((l) => [l.line, l.commit])).toEqual([
      [2, c.b],
      [4, c.c],
    ]);
  });

  it('follows the file through a rename, and at an older revision', () => {
    const moved = makeRepo();
    const first = moved.write('portfolios/NT-1/portfolio.yaml', 'a\nb\n').commit('add', { author: alice });
    moved.rename('portfolios/NT-1', 'portfolios/NT-0001');
    const renamed = moved.write('portfolios/NT-0001/portfolio.yaml', 'a\nb\nc\n').commit('rename and add c', { author: bob });
    const lines = blame(moved.dir, 'portfolios/NT-0001/portfolio.yaml');
    expect(lines.map((l) => [l.commit, l.origPath])).toEqual([
      [first, 'portfolios/NT-1/portfolio.yaml'],
      [first, 'portfolios/NT-1/portfolio.yaml'],
      [renamed, 'portfolios/NT-0001/portfolio.yaml'],
    ]);
    expect(blame(moved.dir, 'portfolios/NT-1/portfolio.yaml', { rev: first })).toHaveLength(2);
    expect(() => blame(moved.dir, 'portfolios/NT-1/portfolio.yaml', { rev: renamed })).toThrow(GitError);
  });

  it('marks the lines a shallow clone cannot attribute as boundary', () => {
    const shallow = repo.shallowClone(2); // has sign off and unit B; unit B's parent is cut
    const lines = blame(shallow.dir, FILE, { rev: 'HEAD' });
    expect(lines.map((l) => [l.line, l.commit, l.boundary])).toEqual([
      [1, c.b, true], // written by alice in enrol, which the clone does not have
      [2, c.b, true],
      [3, c.b, true],
      [4, c.c, false],
    ]);
  });

  it('refuses a repository that tells blame to skip commits, unless allowed', () => {
    const ignoring = makeRepo();
    ignoring.write('a.yaml', 'decision: pending\n').commit('add', { author: alice });
    const forged = ignoring.write('a.yaml', 'decision: achieved\n').commit('decide', { author: bob });
    writeFileSync(join(ignoring.dir, '.git-blame-ignore-revs'), `${forged}\n`);
    ignoring.git('config', 'blame.ignoreRevsFile', '.git-blame-ignore-revs');
    expect(() => blame(ignoring.dir, 'a.yaml')).toThrow(/blame.ignoreRevsFile/);
    // what it would have hidden: bob's decision credited to alice
    expect(blame(ignoring.dir, 'a.yaml', { allowIgnoreRevs: true })[0]!.author.name).toBe(alice.name);
  });

  it('reports identities after .mailmap', () => {
    const mapped = makeRepo();
    mapped.write('a.txt', 'a\n').commit('old address', { author: { name: 'alice', email: 'alice@old.example' } });
    mapped.write('.mailmap', `${alice.name} <${alice.email}> <alice@old.example>\n`);
    expect(blame(mapped.dir, 'a.txt', { rev: 'HEAD' })[0]!.author).toMatchObject({ name: alice.name, email: alice.email });
  });
});

describe('porcelain helpers', () => {
  it('formats epoch and offset as git does for %aI', () => {
    expect(isoDate(1772355600, '+0100')).toBe('2026-03-01T10:00:00+01:00');
    expect(isoDate(1772355600, '-0530')).toBe('2026-03-01T03:30:00-05:30');
  });

  it('unquotes C-quoted paths, octal bytes as UTF-8', () => {
    expect(unquote('"a \\"q\\" \\303\\251\\ttab"')).toBe('a "q" é\ttab');
    expect(unquote('plain é')).toBe('plain é');
  });
});
