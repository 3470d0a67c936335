// log.ts: one git log process for commits, renames, merges, raw changes and signatures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { logCommits, type Commit } from '../src/git/log.js';
import { recordGit } from '../src/git/run.js';
import { alice, bob, carol, cleanupRepos, hasSshKeygen, makeRepo, type TestRepo } from './git-repo.js';

afterAll(cleanupRepos);

const P1 = 'portfolios/NT-1/portfolio.yaml';
const ODD = 'portfolios/NT 4/é "q" [1].yaml';
const subjects = (cs: Commit[]) => cs.map((c) => c.subject);

describe('logCommits', () => {
  let repo: TestRepo;
  const c: Record<string, string> = {};

  beforeAll(() => {
    repo = makeRepo();
    c.spec = repo.write('specs/units/A.yaml', 'id: A\n').commit('unit A', { author: bob, date: '2026-03-01T09:00:00Z' });
    c.p1 = repo.write(P1, 'learner: NT-1\n').write('portfolios/NT-1/evidence/e1.md', 'e1\n').commit('NT-1 enrolled', { author: alice, date: '2026-03-02T09:00:00+01:00' });
    c.p2 = repo.write('portfolios/NT-2/portfolio.yaml', 'learner: NT-2\n').commit('NT-2 enrolled', { author: carol, date: '2026-03-03T09:00:00Z' });
    c.decision = repo.write(P1, 'learner: NT-1\ndecision: achieved\n').commit('NT-1 decision', { author: alice, committer: bob, date: '2026-03-04T09:00:00Z', committerDate: '2026-03-05T09:00:00Z' });
    c.rename = repo.rename('portfolios/NT-1', 'portfolios/NT-0001').commit('rename NT-1 to NT-0001', { author: carol, date: '2026-03-06T09:00:00Z' });
    repo.branch('side').checkout('side');
    c.side = repo.write('portfolios/NT-2/portfolio.yaml', 'learner: NT-2\nunit: A\n').commit('NT-2 unit on a branch', { author: bob, date: '2026-03-07T09:00:00Z' });
    repo.checkout('main');
    c.main = repo.write('specs/units/B.yaml', 'id: B\n').commit('unit B', { author: bob, date: '2026-03-08T09:00:00Z' });
    c.merge = repo.merge('side', 'merge side', { author: carol, date: '2026-03-09T09:00:00Z' });
    c.odd = repo.write(ODD, 'odd\n').commit('odd name\x1e\x1f with "quotes" and é\n\n:100644 100644 body looks like raw output\ncommit abc', { author: alice, date: '2026-03-10T09:00:00Z' });
    c.del = repo.remove('portfolios/NT-0001/evidence/e1.md').commit('drop e1', { author: alice, date: '2026-03-11T09:00:00Z' });
  });

  it('reads the whole history in one process, newest first, with people and dates', () => {
    const { result, commands } = recordGit(() => logCommits(repo.dir));
    expect(commands).toHaveLength(1);
    expect(result.map((x) => x.id)).toEqual([c.del, c.odd, c.merge, c.main, c.side, c.rename, c.decision, c.p2, c.p1, c.spec]);
    const decision = result.find((x) => x.id === c.decision)!;
    expect(decision).toEqual({
      id: c.decision,
      parents: [c.p2],
      author: { name: alice.name, email: alice.email, date: '2026-03-04T09:00:00+00:00' },
      committer: { name: bob.name, email: bob.email, date: '2026-03-05T09:00:00+00:00' },
      subject: 'NT-1 decision',
    });
    expect(result.find((x) => x.id === c.p1)!.author.date).toBe('2026-03-02T09:00:00+01:00');
    expect(result.find((x) => x.id === c.merge)!.parents).toEqual([c.main, c.side]);
    expect(result.find((x) => x.id === c.odd)!.subject).toBe('odd name\x1e\x1f with "quotes" and é');
  });

  it('limits to paths, rewriting parents to the commits that touched them', () => {
    const cs = logCommits(repo.dir, { paths: ['portfolios/NT-1'] });
    expect(cs.map((x) => [x.id, x.parents])).toEqual([
      [c.rename, [c.decision]],
      [c.decision, [c.p1]],
      [c.p1, []],
    ]);
  });

  it('follows a portfolio through the rename of its folder', () => {
    const plain = logCommits(repo.dir, { paths: ['portfolios/NT-0001/portfolio.yaml'] });
    expect(subjects(plain)).toEqual(['rename NT-1 to NT-0001']);
    const followed = logCommits(repo.dir, { paths: ['portfolios/NT-0001/portfolio.yaml'], follow: true });
    expect(subjects(followed)).toEqual(['rename NT-1 to NT-0001', 'NT-1 decision', 'NT-1 enrolled']);
    expect(followed[0]!.changes).toEqual([
      expect.objectContaining({ status: 'R', score: 100, from: P1, path: 'portfolios/NT-0001/portfolio.yaml' }),
    ]);
    expect(followed[2]!.changes).toEqual([expect.objectContaining({ status: 'A', path: P1 })]);
    // oldest first; git's own --reverse would lose the commits before the rename
    const reversed = logCommits(repo.dir, { paths: ['portfolios/NT-0001/portfolio.yaml'], follow: true, reverse: true });
    expect(subjects(reversed)).toEqual(['NT-1 enrolled', 'NT-1 decision', 'rename NT-1 to NT-0001']);
    expect(() => logCommits(repo.dir, { paths: ['a', 'b'], follow: true })).toThrow(/exactly one path/);
  });

  it('gives raw changes with blob ids, paths with spaces, quotes and non-ASCII', () => {
    const cs = logCommits(repo.dir, { raw: true });
    const blob = (rev: string, path: string) => repo.git('rev-parse', `${rev}:${path}`).trim();
    expect(cs.find((x) => x.id === c.decision)!.changes).toEqual([
      { status: 'M', path: P1, oldMode: '100644', newMode: '100644', oldBlob: blob(c.p1!, P1), newBlob: blob(c.decision!, P1) },
    ]);
    expect(cs.find((x) => x.id === c.odd)!.changes).toEqual([{ status: 'A', path: ODD, oldMode: '000000', newMode: '100644', newBlob: blob(c.odd!, ODD) }]);
    expect(cs.find((x) => x.id === c.del)!.changes).toEqual([
      { status: 'D', path: 'portfolios/NT-0001/evidence/e1.md', oldMode: '100644', newMode: '000000', oldBlob: blob(c.rename!, 'portfolios/NT-0001/evidence/e1.md') },
    ]);
    expect(cs.find((x) => x.id === c.rename)!.changes!.map((x) => [x.status, x.from, x.path])).toEqual([
      ['R', 'portfolios/NT-1/evidence/e1.md', 'portfolios/NT-0001/evidence/e1.md'],
      ['R', P1, 'portfolios/NT-0001/portfolio.yaml'],
    ]);
    expect(cs.find((x) => x.id === c.spec)!.changes).toEqual([expect.objectContaining({ status: 'A', path: 'specs/units/A.yaml' })]);
    expect(logCommits(repo.dir, { paths: [ODD] }).map((x) => x.id)).toEqual([c.odd]); // literal, not a glob
  });

  it('shows no changes for a merge by default, its first-parent changes when asked', () => {
    const merge = (opts: Parameters<typeof logCommits>[1]) => logCommits(repo.dir, opts).find((x) => x.id === c.merge);
    expect(merge({ raw: true })!.changes).toEqual([]);
    expect(merge({ raw: true, merges: 'first-parent' })!.changes!.map((x) => [x.status, x.path])).toEqual([['M', 'portfolios/NT-2/portfolio.yaml']]);
    const fp = logCommits(repo.dir, { raw: true, firstParent: true });
    expect(fp.map((x) => x.id)).not.toContain(c.side);
    expect(fp.find((x) => x.id === c.merge)!.changes!.map((x) => x.path)).toEqual(['portfolios/NT-2/portfolio.yaml']);
    expect(logCommits(repo.dir, { raw: true, firstParent: true, merges: 'none' }).find((x) => x.id === c.merge)!.changes).toEqual([]);
  });

  it('keeps merges that matter with fullHistory', () => {
    expect(subjects(logCommits(repo.dir, { paths: ['portfolios/NT-2/portfolio.yaml'] }))).toEqual(['NT-2 unit on a branch', 'NT-2 enrolled']);
    const full = logCommits(repo.dir, { paths: ['portfolios/NT-2/portfolio.yaml', 'specs/units/B.yaml'], fullHistory: true });
    // in git's order for a simplified history, which is not by date
    expect(subjects(full).sort()).toEqual(['NT-2 enrolled', 'NT-2 unit on a branch', 'merge side', 'unit B']);
    expect(full[0]!.parents).toEqual([c.main, c.side]);
  });

  it('filters by date and range, or reads given commits in order', () => {
    expect(subjects(logCommits(repo.dir, { since: '2026-03-08T00:00:00Z', until: '2026-03-10T00:00:00Z' }))).toEqual(['merge side', 'unit B']);
    expect(subjects(logCommits(repo.dir, { rev: `${c.rename}..${c.merge}`, firstParent: true }))).toEqual(['merge side', 'unit B']);
    const { result, commands } = recordGit(() => logCommits(repo.dir, { commits: [c.p1!, c.odd!, c.spec!] }));
    expect(subjects(result)).toEqual(['NT-1 enrolled', expect.stringMatching(/^odd name/), 'unit A']);
    expect(commands).toHaveLength(1);
    expect(logCommits(repo.dir, { maxCount: 2 })).toHaveLength(2);
  });

  it('takes more paths than a command line can hold', () => {
    const many = Array.from({ length: 2_000 }, (_, i) => `specs/units/${'x'.repeat(1_100)}-${i}.yaml`); // 2.2 MB
    expect(subjects(logCommits(repo.dir, { paths: [...many, 'specs/units/A.yaml'] }))).toEqual(['unit A']);
  });

  it('says an empty repository has no commits, and fails clearly on a bad revision', () => {
    expect(logCommits(makeRepo().dir)).toEqual([]);
    expect(() => logCommits(repo.dir, { rev: 'nope' })).toThrow(/git log failed: bad revision 'nope'/);
    expect(() => logCommits(repo.dir, { rev: '--output=/tmp/x' })).toThrow(/invalid revision/);
  });

  it('reports identities after .mailmap, as blame does', () => {
    const mapped = makeRepo();
    mapped.write('a.txt', 'a\n').commit('old address', { author: { name: 'alice', email: 'alice@old.example' } });
    mapped.write('.mailmap', `${alice.name} <${alice.email}> <alice@old.example>\n`);
    expect(logCommits(mapped.dir)[0]!.author).toMatchObject({ name: alice.name, email: alice.email });
  });

  it('is not changed by log, diff or encoding settings', () => {
    const opts = { raw: true, paths: ['portfolios'] };
    const plain = logCommits(repo.dir, opts);
    const config = join(repo.dir, '.git/config');
    const saved = readFileSync(config);
    appendFileSync(config, '[log]\n showSignature = true\n showRoot = false\n follow = true\n abbrevCommit = true\n decorate = full\n[diff]\n renames = false\n noprefix = true\n[i18n]\n logOutputEncoding = ISO-8859-1\n[core]\n quotePath = true\n[color]\n ui = always\n');
    try {
      expect(repo.git('config', 'log.follow').trim()).toBe('true');
      expect(logCommits(repo.dir, opts)).toEqual(plain);
      expect(subjects(logCommits(repo.dir, { paths: ['portfolios/NT-0001/portfolio.yaml'] }))).toEqual(['rename NT-1 to NT-0001']);
    } finally {
      writeFileSync(config, saved);
    }
  });
});

describe.skipIf(!hasSshKeygen)('signatures', () => {
  let repo: TestRepo;
  const c: Record<string, string> = {};

  beforeAll(() => {
    repo = makeRepo();
    c.plain = repo.write('a.txt', '1\n').commit('unsigned', { author: alice });
    c.good = repo.write('a.txt', '2\n').commit('signed by alice', { author: alice, sign: true });
    c.stranger = repo.write('a.txt', '3\n').commit('signed with an unlisted key', { author: bob, sign: 'untrusted' });
    // the same commit with its message changed after signing
    const forged = repo.git('cat-file', 'commit', c.good).replace('signed by alice', 'signed by alice, edited');
    writeFileSync(join(repo.dir, '.git/forged'), forged);
    c.bad = repo.git('hash-object', '-t', 'commit', '-w', '.git/forged').trim();
  });

  const status = (cs: Commit[], id: string) => cs.find((x) => x.id === id)!.signature;

  it('says G for a good SSH signature by a listed key, N for none, U for an unlisted key, B for a forgery', () => {
    const { result, commands } = recordGit(() => logCommits(repo.dir, { signatures: true, commits: [c.good!, c.plain!, c.stranger!, c.bad!] }));
    expect(status(result, c.good!)).toEqual({ status: 'G', signer: alice.email, key: expect.stringMatching(/^SHA256:/) });
    expect(status(result, c.plain!)).toEqual({ status: 'N' });
    expect(status(result, c.stranger!)).toMatchObject({ status: 'U' });
    expect(status(result, c.bad!)?.status).toBe('B');
    expect(commands.map((x) => x[0])).toEqual(['--literal-pathspecs', 'cat-file']); // log, then the N commits' objects
    expect(logCommits(repo.dir)[0]!.signature).toBeUndefined();
  });

  it('says E, not N, for a signature git cannot check without an allowed signers file', () => {
    const allowed = repo.git('config', 'gpg.ssh.allowedSignersFile').trim();
    repo.git('config', '--unset', 'gpg.ssh.allowedSignersFile');
    try {
      const cs = logCommits(repo.dir, { signatures: true });
      expect(status(cs, c.good!)).toEqual({ status: 'E' });
      expect(status(cs, c.plain!)).toEqual({ status: 'N' });
    } finally {
      repo.git('config', 'gpg.ssh.allowedSignersFile', allowed);
    }
  });
});
