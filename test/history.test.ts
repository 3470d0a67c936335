// A learner's timeline and the cohort's progress, from a real repository whose history the
// test writes: several authors, a folder renamed, a branch merged, a shallow clone.
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodsBetween } from '../src/history/progress.js';
import { admin, alice, bob, carol, cleanupRepos, makeRepo, type TestRepo } from './git-repo.js';
import { FIXTURES, folio } from './helpers.js';

afterAll(cleanupRepos);

const HEAD = `learner: { name: Lee Learner, uln: "1000000000" }
qualification: 600/1234/1
registered: 2026-02-01
assessor: a.jones
optional-units: [Y/600/0003]
`;
const IQA = 'iqa:\n  - { unit: L/600/0001, by: m.hughes, date: 2026-03-13, stage: interim, decision: agreed }\n';
const item = (id: string, method: string, date: string, covers: string, decided?: string) =>
  `  - id: ${id}\n    method: ${method}\n    date: ${date}\n    ref: ${id} notes\n    covers: { L/600/0001: [${covers}] }\n` + (decided ? `    assessment: { by: a.jones, date: ${decided}, decision: accepted }\n` : '');

let repo: TestRepo;
const ids: Record<string, string> = {};
beforeAll(() => {
  repo = makeRepo();
  for (const d of ['specs', 'portfolios/centre.yaml']) cpSync(join(`${FIXTURES}centre`, d), join(repo.dir, d), { recursive: true });
  ids.specs = repo.commit('the centre', { author: admin, date: '2026-02-01T09:00:00Z' });
  repo.write('portfolios/L-1/portfolio.yaml', `${HEAD}evidence:\n${item('E1', 'reflective-account', '2026-02-09', '1.1')}`);
  ids.c1 = repo.commit('Lee joins', { author: alice, date: '2026-02-10T09:00:00Z' });
  repo.write('portfolios/L-1/portfolio.yaml', `${HEAD}evidence:\n${item('E1', 'reflective-account', '2026-02-09', '1.1', '2026-02-20')}`);
  ids.c2 = repo.commit('E1 accepted', { author: alice, date: '2026-02-20T09:00:00Z' });
  repo.rename('portfolios/L-1', 'portfolios/NT-0001');
  ids.c3 = repo.commit('Lee gets a centre number', { author: bob, date: '2026-03-02T09:00:00Z' });
  repo.branch('e2').checkout('e2');
  repo.write('portfolios/NT-0001/portfolio.yaml', `${HEAD}evidence:\n${item('E1', 'reflective-account', '2026-02-09', '1.1', '2026-02-20')}${item('E2', 'reflective-account', '2026-03-10', '1.2', '2026-03-12')}`);
  ids.c4 = repo.commit('E2 accepted', { author: alice, date: '2026-03-12T09:00:00Z' });
  repo.checkout('main');
  // the IQA record goes above the evidence, so the branch's new item at the end merges cleanly
  repo.write('portfolios/NT-0001/portfolio.yaml', `${HEAD}${IQA}evidence:\n${item('E1', 'reflective-account', '2026-02-09', '1.1', '2026-02-20')}`);
  ids.c5 = repo.commit('interim IQA', { author: carol, date: '2026-03-13T09:00:00Z' });
  ids.merge = repo.merge('e2', 'merge E2', { author: admin, date: '2026-03-15T09:00:00Z' });
  repo.write(
    'portfolios/NT-0001/portfolio.yaml',
    `${HEAD}${IQA}evidence:\n${item('E1', 'reflective-account', '2026-02-09', '1.1', '2026-02-20')}${item('E2', 'reflective-account', '2026-03-10', '1.2', '2026-03-12')}${item('E3', 'observation', '2026-03-30', '2.1, 2.2', '2026-04-01')}${item('E4', 'observation', '2026-03-31', '2.1, 2.2', '2026-04-01')}` +
      'signoffs:\n  - { unit: L/600/0001, by: a.jones, date: 2026-04-02 }\n',
  );
  ids.c6 = repo.commit('L/600/0001 complete and signed off', { author: alice, date: '2026-04-02T09:00:00Z' });
});

interface Event {
  commit: string;
  author: { name: string; email: string };
  kind: string;
  unit: string | null;
  criterion: string | null;
  evidence: string | null;
  from: string | null;
  to: string | null;
  message: string;
  boundary: boolean;
}
interface HistoryDoc {
  version: number;
  learner: { id: string; name: string };
  folders: string[];
  examined: number;
  shallow: boolean;
  events: Event[];
}

const history = async (dir: string, ...more: string[]) => {
  const r = await folio(['history', 'NT-0001', '-C', dir, '--format', 'json', ...more]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as HistoryDoc;
};
const byCommit = (doc: HistoryDoc) => {
  const out: [string, string, string[]][] = [];
  for (const e of doc.events) {
    const last = out.at(-1);
    if (last && last[0] === e.commit) last[2].push(e.message);
    else out.push([e.commit, e.author.name, [e.message]]);
  }
  return out;
};

describe('folio history', () => {
  it('tells the record commit by commit, through the folder rename and the merge, with each author', async () => {
    const doc = await history(repo.dir);
    expect(doc.learner).toMatchObject({ id: 'NT-0001', name: 'Lee Learner' });
    expect(doc.folders).toEqual(['NT-0001', 'L-1']);
    expect(doc.shallow).toBe(false);
    expect(byCommit(doc)).toEqual([
      [ids.c1, alice.name, ['portfolio added as L-1', 'L/600/0001 in-progress', 'R/600/0002 not-started', 'Y/600/0003 not-started', 'qualification in-progress']],
      [ids.c2, alice.name, ['E1 accepted by a.jones on 2026-02-20', 'L/600/0001 1.1 met']],
      [ids.c3, bob.name, ['folder renamed from L-1 to NT-0001']],
      [ids.c4, alice.name, ['E2 accepted by a.jones on 2026-03-12', 'L/600/0001 1.2 met']],
      [ids.c5, carol.name, ['IQA on L/600/0001: interim agreed by m.hughes on 2026-03-13']],
      // the merge decided nothing itself: each change shows where it was made
      [ids.c6, alice.name, ['E3 accepted by a.jones on 2026-04-01', 'E4 accepted by a.jones on 2026-04-01', 'L/600/0001 2.1 met', 'L/600/0001 2.2 met', 'L/600/0001 achieved (was in-progress)', 'L/600/0001 signed off by a.jones on 2026-04-02']],
    ]);
    // the spec commit and the merge were read, and changed nothing of Lee's record
    expect(doc.examined).toBe(8);
    const signoff = doc.events.find((e) => e.kind === 'signoff')!;
    expect(signoff).toMatchObject({ unit: 'L/600/0001', from: null, to: 'by a.jones on 2026-04-02', author: { email: alice.email } });
  });

  it('shows when a criterion stops being met', async () => {
    const r = makeRepo();
    for (const d of ['specs', 'portfolios/centre.yaml']) cpSync(join(`${FIXTURES}centre`, d), join(r.dir, d), { recursive: true });
    r.write('portfolios/NT-0001/portfolio.yaml', `${HEAD}evidence:\n${item('E1', 'reflective-account', '2026-02-09', '1.1', '2026-02-20')}`);
    r.commit('accepted', { author: alice, date: '2026-03-01T09:00:00Z' });
    r.write('portfolios/NT-0001/portfolio.yaml', `${HEAD}evidence:\n${item('E1', 'reflective-account', '2026-02-09', '1.1')}`);
    const withdrawn = r.commit('decision withdrawn', { author: bob, date: '2026-03-02T09:00:00Z' });
    const doc = await history(r.dir);
    expect(byCommit(doc).at(-1)).toEqual([withdrawn, bob.name, ['E1: decision withdrawn (was accepted by a.jones on 2026-02-20)', 'L/600/0001 1.1 no longer met (awaiting-assessment)']]);
  });

  it('limits the timeline to --since and --until', async () => {
    const doc = await history(repo.dir, '--since', '2026-03-02', '--until', '2026-03-31');
    // the morning of --since counts, and the first commit in range is compared with the record
    // before it, not with nothing: the rename is all it did
    expect(byCommit(doc)).toEqual([
      [ids.c3, bob.name, ['folder renamed from L-1 to NT-0001']],
      [ids.c4, alice.name, ['E2 accepted by a.jones on 2026-03-12', 'L/600/0001 1.2 met']],
      [ids.c5, carol.name, ['IQA on L/600/0001: interim agreed by m.hughes on 2026-03-13']],
    ]);
  });

  it('says, in a shallow clone, that the history before the cut is not known', async () => {
    const shallow = repo.shallowClone(2);
    const doc = await history(shallow.dir);
    expect(doc.shallow).toBe(true);
    expect(doc.events[0]!.commit).toBe(ids.merge);
    expect(doc.events[0]!.boundary).toBe(true);
    const table = await folio(['history', 'NT-0001', '-C', shallow.dir]);
    expect(table.stdout).toContain('This clone is shallow');
  });

  it('prints a table with date, commit and author', async () => {
    const r = await folio(['history', 'NT-0001', '-C', repo.dir]);
    expect(r.stdout).toContain('Lee Learner (NT-0001) · 600/1234/1');
    expect(r.stdout).toMatch(new RegExp(`2026-03-02  ${ids.c3!.slice(0, 8)}  Bob Bridges +folder renamed from L-1 to NT-0001`));
  });

  it('needs a repository and a learner', async () => {
    expect((await folio(['history', 'NOBODY', '-C', repo.dir])).code).toBe(2);
    const plain = join(repo.dir, '..', 'plain-centre');
    mkdirSync(plain, { recursive: true });
    cpSync(`${FIXTURES}centre`, plain, { recursive: true });
    const r = await folio(['history', 'S-ACH', '-C', plain]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("folio history needs the centre's git history");
    const p = await folio(['progress', '-C', plain]);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain("folio progress needs the centre's git history");
    // and what does not need history works as before
    expect((await folio(['status', '-C', plain, '--as-of', '2026-06-30'])).code).toBe(0);
  });
});

describe('folio progress', () => {
  interface ProgressDoc {
    periods: { period: string; end: string; commit: string | null }[];
    learners: { id: string; series: ({ criteriaMet: number; unitsAchieved: number; status: string } | null)[] }[];
  }

  it('gives each learner criteria met and units achieved at the end of each month', async () => {
    const r = await folio(['progress', '-C', repo.dir, '--since', '2026-01-01', '--until', '2026-04-30', '--format', 'json', '--no-cache']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as ProgressDoc;
    expect(doc.periods).toEqual([
      { period: '2026-01', end: '2026-01-31', commit: null },
      { period: '2026-02', end: '2026-02-28', commit: ids.c2 },
      { period: '2026-03', end: '2026-03-31', commit: ids.merge },
      { period: '2026-04', end: '2026-04-30', commit: ids.c6 },
    ]);
    // Lee's folder was L-1 in February: still one learner, under the name it has now.
    expect(doc.learners.map((l) => [l.id, l.series.map((p) => p && [p.criteriaMet, p.unitsAchieved])])).toEqual([['NT-0001', [null, [1, 0], [2, 0], [4, 1]]]]);
  });

  it('draws one column per week in the terminal, and rows for spreadsheets', async () => {
    const table = await folio(['progress', '-C', repo.dir, '--by', 'week', '--since', '2026-03-23', '--until', '2026-04-05', '--no-cache']);
    expect(table.stdout).toContain('Criteria met by week, 2026-W13 to 2026-W14');
    expect(table.stdout).toMatch(/NT-0001 +Lee Learner +\S\S +4\/\d+/);
    const csv = await folio(['progress', '-C', repo.dir, '--since', '2026-03-01', '--until', '2026-04-30', '--format', 'csv', '--no-cache']);
    expect(csv.stdout.split('\n')[0]).toBe('learner,name,period,end,commit,criteria_met,criteria_total,units_achieved,units_needed,status');
    expect(csv.stdout).toContain(`NT-0001,Lee Learner,2026-04,2026-04-30,${ids.c6},4,`);
  });

  it('names weeks as ISO 8601 does, Monday to Sunday', () => {
    expect(periodsBetween('2026-02-01', '2026-02-10', 'week')).toEqual([
      { id: '2026-W05', end: '2026-02-01' },
      { id: '2026-W06', end: '2026-02-08' },
      { id: '2026-W07', end: '2026-02-10' },
    ]);
    expect(periodsBetween('2026-12-30', '2027-01-04', 'week').map((p) => p.id)).toEqual(['2026-W53', '2027-W01']);
    expect(periodsBetween('2026-01-15', '2026-03-02', 'month')).toEqual([
      { id: '2026-01', end: '2026-01-31' },
      { id: '2026-02', end: '2026-02-28' },
      { id: '2026-03', end: '2026-03-02' },
    ]);
  });
});
