// origins.ts: who wrote each line of many files from one walk over the history, checked by
// hand on small histories and against git blame (the oracle) on the same repositories.
import { afterAll, describe, expect, it } from 'vitest';
import { blame, blameContext, type BlameLine } from '../src/git/blame.js';
import { walkOrigins } from '../src/git/origins.js';
import { recordGit } from '../src/git/run.js';
import { alice, bob, carol, cleanupRepos, makeRepo, type TestRepo } from './git-repo.js';

afterAll(cleanupRepos);

const tracks = (p: string) => /(^|\/)portfolio\.ya?ml$/.test(p);
/** The walk's origins of each file it answers for, every line. */
const walk = (repo: TestRepo, files: string[]) =>
  new Map([...walkOrigins(repo.dir, 'portfolios/', files, { tracks, shallow: blameContext(repo.dir).shallow })].map(([f, o]) => [f, Array.from({ length: o.length }, (_, i) => o.at(i + 1)!)]));
const P1 = 'portfolios/NT-1/portfolio.yaml';
const P2 = 'portfolios/NT-2/portfolio.yaml';

/** The walk's answer for each file equals git blame's, field by field (blame's text aside). */
function expectBlame(repo: TestRepo, files: string[]): Map<string, BlameLine[]> {
  const walked = walk(repo, files);
  for (const f of files) {
    expect(walked.has(f), f).toBe(true);
    const oracle = blame(repo.dir, f).map((l) => ({ ...l, text: '' }));
    expect(walked.get(f), f).toEqual(oracle);
  }
  return walked;
}

const commits = (lines: BlameLine[] | undefined) => (lines ?? []).map((l) => l.commit);

describe('walkOrigins', () => {
  it('credits a record edited twice to the last edit, and other lines to the commits that wrote them', () => {
    const repo = makeRepo();
    const a = repo.write(P1, 'learner: NT-1\nevidence:\n  - id: E1\n    decision: pending\n').commit('enrol', { author: alice });
    const b = repo.write(P1, 'learner: NT-1\nevidence:\n  - id: E1\n    decision: referred\n').commit('refer E1', { author: bob });
    const c = repo.write(P1, 'learner: NT-1\nevidence:\n  - id: E1\n    decision: accepted\n').commit('accept E1\nafter resubmission', { author: carol });
    const got = expectBlame(repo, [P1]).get(P1)!;
    expect(commits(got)).toEqual([a, a, a, c]);
    expect(commits(got)).not.toContain(b);
    expect(got[3]).toMatchObject({ line: 4, origLine: 4, origPath: P1, summary: 'accept E1', author: { name: carol.name, email: carol.email }, boundary: false, uncommitted: false });
  });

  it('credits a moved line to the commit that moved it, as blame without -M does', () => {
    const repo = makeRepo();
    const a = repo.write(P1, 'learner: NT-1\nsignoffs:\n  - { unit: A, by: a.jones }\niqa:\n  - { unit: A, by: c.iqa }\n').commit('enrol', { author: alice });
    const b = repo.write(P1, 'learner: NT-1\niqa:\n  - { unit: A, by: c.iqa }\nsignoffs:\n  - { unit: A, by: a.jones }\n').commit('reorder', { author: bob });
    const got = expectBlame(repo, [P1]).get(P1)!;
    // git's diff keeps one of the two blocks in place and moves the other: which one is its
    // choice, and the walk must make the same one
    expect(commits(got)[0]).toBe(a);
    expect(commits(got).filter((x) => x === b).length).toBe(2);
  });

  it("follows a learner's folder renamed, with and without an edit in the same commit", () => {
    const repo = makeRepo();
    const a = repo.write(P1, 'learner: NT-1\nname: Sam\nevidence: []\nsignoffs: []\n').commit('enrol', { author: alice });
    repo.rename('portfolios/NT-1', 'portfolios/NT-7');
    const moved = repo.commit('NT-1 is NT-7', { author: bob });
    const P7 = 'portfolios/NT-7/portfolio.yaml';
    repo.rename('portfolios/NT-7', 'portfolios/NT-8');
    const P8 = 'portfolios/NT-8/portfolio.yaml';
    const edit = repo.write(P8, 'learner: NT-1\nname: Sam Smith\nevidence: []\nsignoffs: []\n').commit('NT-7 is NT-8, full name', { author: carol });
    const got = expectBlame(repo, [P8]).get(P8)!;
    expect(commits(got)).toEqual([a, edit, a, a]);
    expect(got.map((l) => l.origPath)).toEqual([P1, P8, P1, P1]);
    expect(commits(got)).not.toContain(moved);
    expect(walk(repo, [P7]).has(P7)).toBe(false); // no longer there
  });

  it('gives a merge the lines each branch wrote, and the merge its own resolution', () => {
    const repo = makeRepo();
    const base = repo.write(P1, 'learner: NT-1\nunit: A\ndecision: pending\nnote: none\n').write(P2, 'learner: NT-2\ndecision: pending\n').commit('enrol', { author: alice });
    repo.branch('iqa').checkout('iqa');
    const onBranch = repo.write(P1, 'learner: NT-1\nunit: A\ndecision: pending\nnote: sampled\n').commit('IQA note', { author: carol });
    const only = repo.write(P2, 'learner: NT-2\ndecision: accepted\n').commit('NT-2 accepted on the branch', { author: bob });
    repo.checkout('main');
    const onMain = repo.write(P1, 'learner: NT-1\nunit: B\ndecision: pending\nnote: none\n').commit('unit B', { author: bob });
    const merge = repo.merge('iqa', 'merge iqa', { author: alice });
    // an evil merge: the merge commit itself changes a line
    repo.checkout('main');
    expect(repo.head()).toBe(merge);
    const got = expectBlame(repo, [P1, P2]);
    expect(commits(got.get(P1))).toEqual([base, onMain, base, onBranch]);
    // NT-2 is the branch's file as it was: every line passes to the branch
    expect(commits(got.get(P2))).toEqual([base, only]);

    repo.branch('late').checkout('late');
    const branchEdit = repo.write(P1, 'learner: NT-1\nunit: B\ndecision: referred\nnote: sampled\n').commit('refer', { author: bob });
    repo.checkout('main');
    const mainEdit = repo.write(P1, 'learner: NT-1\nunit: C\ndecision: pending\nnote: sampled\n').commit('unit C', { author: alice });
    runConflictingMerge(repo, 'late', 'learner: NT-1\nunit: C\ndecision: accepted\nnote: sampled\n');
    const resolved = repo.head();
    expect(repo.git('rev-list', '--parents', '-1', 'HEAD').trim().split(' ')).toHaveLength(3);
    const after = expectBlame(repo, [P1]).get(P1)!;
    expect(commits(after)).toEqual([base, mainEdit, resolved, onBranch]);
    expect(commits(after)).not.toContain(branchEdit);
  });

  it('costs four git processes for any number of files, and leaves to blame what it cannot answer exactly', () => {
    const repo = makeRepo();
    for (let i = 1; i <= 6; i++) repo.write(`portfolios/NT-${i}/portfolio.yaml`, `learner: NT-${i}\n`);
    repo.write('portfolios/NT-9/notes.yaml', 'learner: NT-9\n').commit('six learners and some notes', { author: alice });
    for (let i = 1; i <= 6; i++) repo.write(`portfolios/NT-${i}/portfolio.yaml`, `learner: NT-${i}\nname: L${i}\n`).commit(`name ${i}`, { author: bob });
    const files = Array.from({ length: 6 }, (_, i) => `portfolios/NT-${i + 1}/portfolio.yaml`);
    const shallow = blameContext(repo.dir).shallow;
    const { result, commands } = recordGit(() => walkOrigins(repo.dir, 'portfolios/', files, { tracks, shallow }));
    // the commits' parents, those that deleted files elsewhere, the walk, the working tree
    expect(commands.map((x) => x[0])).toEqual(['rev-list', 'log', 'log', 'diff']);
    expect([...result.keys()]).toEqual(files);

    repo.rename('portfolios/NT-9/notes.yaml', 'portfolios/NT-9/portfolio.yaml');
    repo.commit('notes become the portfolio', { author: bob });
    repo.write(P2, 'learner: NT-2\nname: changed, not committed\n');
    repo.write('portfolios/NT-10/portfolio.yaml', 'learner: NT-10\n');
    const left = walk(repo, [...files, 'portfolios/NT-9/portfolio.yaml', 'portfolios/NT-10/portfolio.yaml']);
    // changed in the working tree, renamed from a file it did not follow, never committed
    expect([...left.keys()]).toEqual(files.filter((f) => f !== P2));
  });

  it('marks the lines of a shallow clone\'s cut as boundary, as blame does', () => {
    const repo = makeRepo();
    repo.write(P1, 'learner: NT-1\nunit: A\n').commit('enrol', { author: alice });
    repo.write(P1, 'learner: NT-1\nunit: B\n').commit('unit B', { author: bob });
    const cut = repo.write(P1, 'learner: NT-1\nunit: B\nname: Sam\n').commit('name', { author: carol });
    const clone = repo.shallowClone(1);
    const got = expectBlame(clone, [P1]).get(P1)!;
    expect(got.map((l) => [l.commit, l.boundary])).toEqual([[cut, true], [cut, true], [cut, true]]);
  });

  it('reads paths git quotes (a double quote, a space, a non-ASCII letter), renamed too', () => {
    const repo = makeRepo();
    const odd = 'portfolios/NT "1" é/portfolio.yaml';
    const a = repo.write(odd, 'learner: NT-1\nunit: A\n').write(P2, 'learner: NT-2\n').commit('enrol', { author: alice });
    const b = repo.write(odd, 'learner: NT-1\nunit: B\n').commit('unit B', { author: bob });
    repo.rename('portfolios/NT "1" é', 'portfolios/NT 1 ü');
    const moved = 'portfolios/NT 1 ü/portfolio.yaml';
    const c = repo.write(moved, 'learner: NT-1\nunit: B\nname: Sam\n').commit('renamed, named', { author: carol });
    const got = expectBlame(repo, [moved, P2]);
    expect(commits(got.get(moved))).toEqual([a, b, c]);
    expect(got.get(moved)!.map((l) => l.origPath)).toEqual([odd, odd, moved]);
  });

  it('leaves to blame a portfolio moved in from outside the folder it walks, which blame follows', () => {
    const repo = makeRepo();
    const a = repo.write('archive/NT-1.yaml', 'learner: NT-1\nunit: A\n').write(P2, 'learner: NT-2\n').commit('archived', { author: alice });
    repo.rename('archive/NT-1.yaml', P1);
    repo.commit('back from the archive', { author: bob });
    expect(commits(blame(repo.dir, P1))).toEqual([a, a]); // blame follows it out of portfolios/
    const got = walk(repo, [P1, P2]);
    expect([...got.keys()]).toEqual([P2]);
  });

  it('says nothing in a repository with no commit yet', () => {
    const repo = makeRepo();
    repo.write(P1, 'learner: NT-1\n');
    expect(walk(repo, [P1]).size).toBe(0);
  });
});

/** Merge a branch whose change conflicts, resolving it to `text` (an evil merge's line). */
function runConflictingMerge(repo: TestRepo, branch: string, text: string): void {
  try {
    repo.git('merge', '-q', '--no-ff', '-m', `merge ${branch}`, branch);
  } catch {
    // the conflict is the point
  }
  repo.write(P1, text).commit(`merge ${branch}, resolved`, { author: carol });
}
