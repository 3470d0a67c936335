// folio verify's claim check (verify/claims.ts) on real repositories: a record on a claimed
// unit last changed by a commit outside the history of the claim's commit was changed after the
// claim, whatever the dates in the file or on the commits say. The expected findings are worked
// out from the commits each test makes; the ancestry rule itself has a case table.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fsReader } from '../src/load/reader.js';
import { recordGit } from '../src/git/run.js';
import { orderToClaim, type ClaimOrder } from '../src/verify/claims.js';
import { verifyCentre } from '../src/verify/index.js';
import { admin, alice, cleanupRepos, makeRepo, type Person, type TestRepo } from './git-repo.js';
import { FIXTURES, folio } from './helpers.js';

afterAll(cleanupRepos);

const priya: Person = { name: 'Priya Shah', email: 'priya@learner.example' };
const P = 'portfolios/NT-1/portfolio.yaml';
const CENTRE = `centre: { name: Verify Training, number: "00001" }
staff:
  - { id: a.jones, name: Alice Assessor, roles: [assessor], email: alice@centre.example }
`;
const HEAD = `learner: { name: Priya Shah, uln: "1000000000", email: priya@learner.example }
qualification: 600/1234/1
assessor: a.jones
`;
const E1 = `  - id: E1
    method: observation
    date: 2026-02-10
    ref: Obs 1
    covers: { L/600/0001: [2.1] }
    assessment: { by: a.jones, date: 2026-02-11, decision: accepted }
`;
const E2 = `  - id: E2
    method: observation
    date: 2026-02-12
    ref: Obs 2
    covers: { R/600/0002: [1.1] }
    assessment:
      by: a.jones
      date: 2026-02-13
      decision: accepted
      feedback: Fine
`;
const E3 = `  - id: E3
    method: observation
    date: 2026-03-05
    ref: Obs 3
    covers: { L/600/0001: [2.2] }
    assessment: { by: a.jones, date: 2026-03-06, decision: accepted }
`;
const SIGNOFF = `signoffs:\n  - { unit: L/600/0001, by: a.jones, date: 2026-03-01 }\n`;

function centreRepo(): TestRepo {
  const repo = makeRepo();
  cpSync(join(FIXTURES, 'centre/specs'), join(repo.dir, 'specs'), { recursive: true });
  repo.write('portfolios/centre.yaml', CENTRE).commit('set up the centre', { author: admin });
  return repo;
}

interface Found {
  code: string;
  file: string;
  line: number;
  message: string;
}

async function verify(repo: TestRepo) {
  const r = await folio(['verify', '-C', repo.dir, '--format', 'json']);
  const diagnostics: Found[] = r.code === 2 ? [] : JSON.parse(r.stdout).diagnostics;
  return { ...r, diagnostics, found: diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`) };
}

const findings = (repo: TestRepo) => verifyCentre({ root: repo.dir, reader: fsReader(repo.dir) }).diagnostics.filter((d) => d.code === 'verify-changed-after-claim');

describe('records changed after their unit was claimed', () => {
  let repo: TestRepo;
  const c: Record<string, string> = {};

  beforeAll(() => {
    repo = centreRepo();
    // E1 and the sign-off on L/600/0001, E2 on R/600/0002 (never claimed).
    c.records = repo.write(P, `${HEAD}evidence:\n${E1}${E2}${SIGNOFF}`).commit('evidence, decisions, sign-off', { author: alice });
    // A branch from before the claim re-dates the sign-off (line 22 then, 30 at the end).
    repo.branch('fix').checkout('fix');
    c.branch = repo.write(P, repo.read(P).replace('date: 2026-03-01 }', 'date: 2026-03-02 }')).commit('sign-off date', { author: alice });
    repo.checkout('main');
    // The claim of L/600/0001, committed with E3 on the same unit.
    c.claim = repo
      .write(P, `${HEAD}claims:\n  - { date: 2026-04-01, units: [L/600/0001], by: a.jones }\nevidence:\n${E1}${E2}${E3}${SIGNOFF}`)
      .commit('claim L/600/0001, with E3', { author: alice });
    // The learner changes E1 later, keeping its date, in a commit dated before the claim's.
    c.e1 = repo.write(P, repo.read(P).replace('ref: Obs 1', 'ref: Obs 1 (video)')).commit('E1 ref', { author: priya, date: '2025-12-01T10:00:00Z' });
    // The assessor's feedback on E2, on the unit not claimed.
    c.e2 = repo.write(P, repo.read(P).replace('feedback: Fine', 'feedback: Fine, and well observed')).commit('E2 feedback', { author: alice });
    c.merge = repo.merge('fix', 'merge the sign-off fix', { author: alice });
  });

  it('reports the evidence item edited later with its old date and the sign-off merged from a branch, nothing else', async () => {
    // HEAD's portfolio: claims at 4-5; E1 7-12 (ref at 10); E2 13-22; E3 23-28; sign-off at 30.
    expect(repo.read(P).split('\n')[9]).toBe('    ref: Obs 1 (video)');
    expect(repo.read(P).split('\n')[29]).toBe('  - { unit: L/600/0001, by: a.jones, date: 2026-03-02 }');
    const r = await verify(repo);
    expect(r.found).toEqual([`${P}:10 verify-changed-after-claim`, `${P}:30 verify-changed-after-claim`]);
    expect(r.code).toBe(1);
    expect(r.diagnostics[0]!.message).toContain(`the evidence E1 on unit L/600/0001 was changed after the claim of 2026-04-01 was committed in ${c.claim!.slice(0, 8)}: commit ${c.e1!.slice(0, 8)} of 2025-12-01 changed it`);
    expect(r.diagnostics[0]!.message).toContain('undo the change, or record it with the awarding body and correct the claim');
    expect(r.diagnostics[1]!.message).toContain(`the sign-off of L/600/0001 by a.jones on unit L/600/0001 was changed after the claim of 2026-04-01 was committed in ${c.claim!.slice(0, 8)}: commit ${c.branch!.slice(0, 8)} of`);
  });

  it('gives library callers the learner, unit, record and both commits', () => {
    const f = findings(repo);
    expect(f.map((d) => [d.messageId, d.data])).toEqual([
      ['committed-after-claim', { learner: 'NT-1', unit: 'L/600/0001', record: 'evidence', label: 'evidence E1', line: 10, commit: c.e1, claimCommit: c.claim, claimDate: '2026-04-01' }],
      ['committed-after-claim', { learner: 'NT-1', unit: 'L/600/0001', record: 'sign-off', label: 'sign-off of L/600/0001 by a.jones', line: 30, commit: c.branch, claimCommit: c.claim, claimDate: '2026-04-01' }],
    ]);
    expect(f.every((d) => d.severity === 'error')).toBe(true);
  });

  it('reports a change not yet committed to a claimed record, without a commit', () => {
    const committed = repo.read(P);
    try {
      repo.write(P, committed.replace('ref: Obs 3', 'ref: Obs 3, retaken'));
      const f = findings(repo);
      expect(f.map((d) => `${d.line} ${d.messageId}`)).toEqual(['10 committed-after-claim', '26 uncommitted-after-claim', '30 committed-after-claim']);
      expect(f[1]!.data).toMatchObject({ record: 'evidence', label: 'evidence E3', commit: null, claimCommit: c.claim });
      expect(f[1]!.message).toContain('changes not yet committed changed it');
    } finally {
      repo.write(P, committed);
    }
  });

  it('costs one rev-list for the claim commit and no extra blame', () => {
    const { commands } = recordGit(() => verifyCentre({ root: repo.dir, reader: fsReader(repo.dir) }));
    expect(commands.filter((x) => x[0] === 'blame').length).toBe(1);
    expect(commands.filter((x) => x[0] === 'rev-list')).toEqual([['rev-list', `${c.claim}..HEAD`, '--']]);
  });
});

describe('a claim of the whole qualification, and one not committed', () => {
  it('covers every unit; two learners claimed in one commit cost one rev-list', async () => {
    const repo = centreRepo();
    const P2 = 'portfolios/NT-2/portfolio.yaml';
    const claim = `claims:\n  - { date: 2026-05-01, qualification: 600/1234/1, by: a.jones }\n`;
    repo.write(P, `${HEAD}${claim}evidence:\n${E1}${E2}`).write(P2, `${HEAD}${claim}evidence:\n${E2}`);
    const claimed = repo.commit('claim both', { author: alice });
    // E2 of NT-2 (claims 4-5, evidence 6, E2 7-16, its ref at 10) on R/600/0002, claimed with the qualification
    repo.write(P2, repo.read(P2).replace('ref: Obs 2', 'ref: Obs 2b'));
    const e2 = repo.commit('NT-2 E2 ref', { author: priya });
    const { result, commands } = recordGit(() => verifyCentre({ root: repo.dir, reader: fsReader(repo.dir) }));
    const f = result.diagnostics.filter((d) => d.code === 'verify-changed-after-claim');
    expect(f.map((d) => [d.file, d.line, d.data.unit, d.data.commit, d.data.claimCommit])).toEqual([[P2, 10, 'R/600/0002', e2, claimed]]);
    expect(commands.filter((x) => x[0] === 'rev-list').length).toBe(1);
    expect((await verify(repo)).found).toEqual([`${P2}:10 verify-changed-after-claim`]);
  });

  it('reports an assessment added after the claim once, as the assessment, not also as its item', () => {
    const repo = centreRepo();
    const item = E1.replace('    assessment: { by: a.jones, date: 2026-02-11, decision: accepted }\n', '');
    const claimed = repo.write(P, `${HEAD}claims:\n  - { date: 2026-04-01, units: [L/600/0001], by: a.jones }\nevidence:\n${item}`).commit('claim', { author: alice });
    // E1 7-11; the assessment's key at 12, its fields 13-15
    const added = repo.write(P, `${repo.read(P)}    assessment:\n      by: a.jones\n      date: 2026-02-11\n      decision: accepted\n`).commit('assess E1', { author: alice });
    expect(findings(repo).map((d) => [d.line, d.data.record, d.data.commit, d.data.claimCommit])).toEqual([[13, 'assessment', added, claimed]]);
  });

  it('blames nothing for a claim when no record is on a claimed unit', () => {
    const repo = centreRepo();
    const unassessed = E2.slice(0, E2.indexOf('    assessment:'));
    repo.write(P, `${HEAD}claims:\n  - { date: 2026-04-01, units: [L/600/0001], by: a.jones }\nevidence:\n${unassessed}`).commit('claim', { author: alice });
    const { commands } = recordGit(() => verifyCentre({ root: repo.dir, reader: fsReader(repo.dir) }));
    expect(commands.filter((x) => x[0] === 'blame' || x[0] === 'rev-list')).toEqual([]);
  });

  it('finds nothing while the claim itself is not committed: the changes go in with it', () => {
    const repo = centreRepo();
    repo.write(P, `${HEAD}evidence:\n${E1}`).commit('E1', { author: alice });
    repo.write(P, `${HEAD}claims:\n  - { date: 2026-04-01, units: [L/600/0001], by: a.jones }\nevidence:\n${E1.replace('ref: Obs 1', 'ref: Obs 1 (video)')}`);
    const { result, commands } = recordGit(() => verifyCentre({ root: repo.dir, reader: fsReader(repo.dir) }));
    expect(result.diagnostics.filter((d) => d.code === 'verify-changed-after-claim')).toEqual([]);
    expect(commands.filter((x) => x[0] === 'rev-list')).toEqual([]);
  });
});

describe('a shallow clone', () => {
  it('judges a line written after the boundary commit that holds the claim, and leaves the boundary lines alone', () => {
    const repo = centreRepo();
    // E1 7-12 (ref at 10), E3 13-18 (ref at 16)
    repo.write(P, `${HEAD}claims:\n  - { date: 2026-04-01, units: [L/600/0001], by: a.jones }\nevidence:\n${E1}${E3}`).commit('claim', { author: alice });
    const edit = repo.write(P, repo.read(P).replace('ref: Obs 3', 'ref: Obs 3b')).commit('E3 ref', { author: priya });
    // depth 2: the claim's commit is the boundary, so E1's lines could be older or as old
    const two = findings(repo.shallowClone(2));
    expect(two.map((d) => [d.line, d.data.label, d.data.commit])).toEqual([[16, 'evidence E3', edit]]);
    // depth 1: every line, the claim's too, is at the boundary: when each was written is unknown
    expect(findings(repo.shallowClone(1))).toEqual([]);
  });
});

describe('orderToClaim: the ancestry rule', () => {
  const C = 'c'.repeat(40);
  const later = 'a'.repeat(40); // in CLAIM..HEAD
  const earlier = 'e'.repeat(40); // in the claim's history
  const outside = new Set([later]);
  const line = (commit: string, more: { uncommitted?: boolean; boundary?: boolean } = {}) => ({ commit, uncommitted: false, boundary: false, ...more });
  const cases: Array<[string, string | null, ReturnType<typeof line>, ClaimOrder]> = [
    ['a later commit, or one merged after the claim', C, line(later), 'after-claim'],
    ['an ancestor of the claim commit', C, line(earlier), 'not-after'],
    ['the claim commit itself', C, line(C), 'not-after'],
    ['a change not committed, the claim committed', C, line('0'.repeat(40), { uncommitted: true }), 'after-claim'],
    ['a change not committed, nor the claim', null, line('0'.repeat(40), { uncommitted: true }), 'not-after'],
    ['a committed line, the claim not committed', null, line(later), 'not-after'],
    ['a shallow boundary in the claim history: written no later than it', C, line(earlier, { boundary: true }), 'not-after'],
    ['a shallow boundary after the claim: when, git cannot say', C, line(later, { boundary: true }), 'unknown'],
    ['the claim and the line both at the boundary', C, line(C, { boundary: true }), 'unknown'],
  ];
  it.each(cases)('%s', (_name, claim, l, expected) => {
    expect(orderToClaim(claim, l, outside)).toBe(expected);
  });
});
