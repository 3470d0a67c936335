// folio verify on real repositories: each decision, sign-off and IQA record against the
// commits that wrote it. Every finding is asserted exactly (code, file, line) with the parts
// of its message that matter, and the cost in git processes is counted.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CODES } from '../src/diagnostics.js';
import { fsReader } from '../src/load/reader.js';
import { recordGit } from '../src/git/run.js';
import { verifyCentre } from '../src/verify/index.js';
import { admin, alice, bob, carol, cleanupRepos, hasSshKeygen, makeRepo, tempDir, type Person, type TestRepo } from './git-repo.js';
import { FIXTURES, folio } from './helpers.js';

afterAll(cleanupRepos);

const priya: Person = { name: 'Priya Shah', email: 'priya@learner.example' };
const P = 'portfolios/NT-1/portfolio.yaml';

// Emails in mixed case and as a list: git and centre files disagree about case.
const CENTRE = `centre: { name: Verify Training, number: "00001" }
staff:
  - { id: a.jones, name: Alice Assessor, roles: [assessor], email: alice@centre.example }
  - { id: b.bridges, name: Bob Bridges, roles: [assessor], email: [bob@home.example, bob@centre.example] }
  - { id: c.iqa, name: Carol IQA, roles: [iqa], email: Carol@Centre.Example }
  - { id: n.nomail, name: Noel Nomail, roles: [assessor] }
`;

const HEAD = `learner: { name: Priya Shah, uln: "1000000000", email: priya@learner.example }
qualification: 600/1234/1
assessor: a.jones
`;

/** A repository holding a small centre (the fixture specs and CENTRE), committed by the admin. */
function centreRepo(): TestRepo {
  const repo = makeRepo();
  cpSync(join(FIXTURES, 'centre/specs'), join(repo.dir, 'specs'), { recursive: true });
  repo.write('portfolios/centre.yaml', CENTRE).commit('set up the centre', { author: admin });
  return repo;
}

const Contract = z
  .object({
    version: z.literal(1),
    diagnostics: z.array(
      z
        .object({
          file: z.string(),
          line: z.number().int().min(1),
          column: z.number().int().min(1),
          severity: z.enum(['error', 'warning']),
          code: z.enum(Object.keys(CODES) as [keyof typeof CODES]),
          message: z.string(),
        })
        .strict(),
    ),
    summary: z.object({ files: z.number().int(), errors: z.number().int(), warnings: z.number().int() }).strict(),
  })
  .strict();

type Diagnostic = z.infer<typeof Contract>['diagnostics'][number];

/** folio verify --format json: the exit code, the findings as "file:line code", and each. */
async function verify(repo: TestRepo, ...args: string[]) {
  const r = await folio(['verify', '-C', repo.dir, '--format', 'json', ...args]);
  const doc = r.code === 2 ? undefined : Contract.parse(JSON.parse(r.stdout));
  const diagnostics: Diagnostic[] = doc?.diagnostics ?? [];
  return { ...r, doc, diagnostics, found: diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`), at: (line: number, file = P) => diagnostics.filter((d) => d.file === file && d.line === line) };
}

const short = (id: string) => id.slice(0, 8);

describe('who committed each record', () => {
  let repo: TestRepo;
  const c: Record<string, string> = {};

  beforeAll(() => {
    repo = centreRepo();
    // The learner writes up her evidence; the assessor records decisions, one in block style
    // over several lines and one in flow style on the item's line.
    repo
      .write(
        P,
        `${HEAD}evidence:
  - id: E1
    method: professional-discussion
    date: 2026-02-01
    ref: PD recording 1
    covers: { L/600/0001: [1.1, 1.2] }
  - { id: E2, method: observation, date: 2026-02-10, ref: Obs 1, covers: { L/600/0001: [2.1, 2.2] } }
`,
      )
      .commit('my evidence', { author: priya });
    c.assess = repo
      .write(
        P,
        `${HEAD}evidence:
  - id: E1
    method: professional-discussion
    date: 2026-02-01
    ref: PD recording 1
    covers: { L/600/0001: [1.1, 1.2] }
    assessment:
      by: a.jones
      date: 2026-02-02
      decision: accepted
      feedback: Clear account
  - { id: E2, method: observation, date: 2026-02-10, ref: Obs 1, covers: { L/600/0001: [2.1, 2.2] }, assessment: { by: a.jones, date: 2026-02-10, decision: accepted } }
`,
      )
      .commit('assess E1 and E2', { author: alice });
    // The learner signs her own unit off in the assessor's name.
    c.forged = repo.write(P, `${repo.read(P)}signoffs:\n  - { unit: L/600/0001, by: a.jones, date: 2026-03-15 }\n`).commit('sign off', { author: priya });
    // Another assessor rewrites the feedback of Alice's decision.
    c.feedback = repo.write(P, repo.read(P).replace('feedback: Clear account', 'feedback: Clear account of logging and escalation')).commit('better feedback', { author: bob });
    // A comment inside the record is not part of it.
    repo.write(P, repo.read(P).replace('      decision: accepted\n', '      # I asked Alice to look again\n      decision: accepted\n')).commit('note', { author: priya });
  });

  it('reports the forged sign-off and the edited feedback, and nothing on the assessor\'s own lines or a comment', async () => {
    const r = await verify(repo);
    expect(r.found).toEqual([`${P}:15 verify-author`, `${P}:18 verify-author`]);
    expect(r.code).toBe(1);
    const [feedback] = r.at(15);
    expect(feedback!.column).toBe(7);
    expect(feedback!.message).toBe(
      `the assessment of E1 (accepted) by a.jones was committed by Bob Bridges <bob@centre.example> (b.bridges) in ${short(c.feedback!)} "better feedback", not by Alice Assessor (a.jones, alice@centre.example): staff record their own decisions, so a.jones must commit it from their own account (re-commit it as them), or correct by: if someone else made the decision`,
    );
    const [signoff] = r.at(18);
    expect(signoff!.column).toBe(5);
    expect(signoff!.message).toContain(`sign-off of L/600/0001 by a.jones was committed by Priya Shah <priya@learner.example> (the learner) in ${short(c.forged!)}`);
    expect(r.doc!.summary).toEqual({ files: 1, errors: 2, warnings: 0 });
    expect(r.stderr).toBe('Verified 3 records in 1 portfolio: 2 problems.\n');
  });

  it('prints findings with an excerpt and closes the table with the count of records', async () => {
    const r = await folio(['verify', '-C', repo.dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${P}:18:5: error: the sign-off of L/600/0001 by a.jones was committed by Priya Shah`);
    expect(r.stdout).toContain('  18 |   - { unit: L/600/0001, by: a.jones, date: 2026-03-15 }\n     |     ^\n');
    expect(r.stdout.endsWith('\nVerified 3 records in 1 portfolio: 2 problems.\n')).toBe(true);
    expect(r.stderr).toBe('');
  });

  it('is clean when each record was committed by the person it names', async () => {
    const clean = centreRepo();
    clean.write(P, `${HEAD}evidence:\n  - { id: E1, method: observation, date: 2026-02-10, ref: Obs 1, covers: { L/600/0001: [2.1] } }\n`).commit('evidence', { author: priya });
    clean.write(P, clean.read(P).replace(' } }\n', ' }, assessment: { by: a.jones, date: 2026-02-11, decision: accepted } }\n')).commit('assess', { author: alice });
    clean.write(P, `${clean.read(P)}iqa:\n  - { unit: L/600/0001, by: c.iqa, date: 2026-02-20, stage: interim, decision: agreed }\n`).commit('sample', { author: carol });
    const r = await verify(clean);
    expect(r.diagnostics).toEqual([]);
    expect(r.doc!.summary).toEqual({ files: 1, errors: 0, warnings: 0 });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('Verified 2 records in 1 portfolio: no problems.\n');
  });

  it('says when the line of a decision also holds other fields, since git cannot tell them apart', async () => {
    const flow = centreRepo();
    flow.write(P, `${HEAD}evidence:\n  - { id: E1, method: observation, date: 2026-02-10, ref: Obs 1, covers: { L/600/0001: [2.1] }, assessment: { by: a.jones, date: 2026-02-11, decision: accepted } }\n`).commit('assess', { author: alice });
    flow.write(P, flow.read(P).replace('ref: Obs 1', 'ref: Observation 1')).commit('typo', { author: priya });
    const r = await verify(flow);
    expect(r.found).toEqual([`${P}:5 verify-author`]);
    expect(r.at(5)[0]!.column).toBe(flow.read(P).split('\n')[4]!.indexOf('{ by') + 1);
    expect(r.at(5)[0]!.message).toContain('not by Alice Assessor (a.jones, alice@centre.example) (line 5 also holds other fields, and git cannot tell which of them a commit changed: keep each decision on lines of its own, e.g. assessment: on its own line): staff record');
    expect(r.at(5)[0]!.message).toContain('committed by Priya Shah <priya@learner.example> (the learner) in');
  });

  it('reads the author each commit records, not the name .mailmap gives it', async () => {
    const mapped = centreRepo();
    mapped.write(P, `${HEAD}signoffs:\n  - { unit: L/600/0001, by: a.jones, date: 2026-03-15 }\n`).write('.mailmap', `${alice.name} <${alice.email}> <${priya.email}>\n`).commit('sign off', { author: priya });
    const r = await verify(mapped);
    expect(r.found).toEqual([`${P}:5 verify-author`]);
    expect(r.at(5)[0]!.message).toContain(`committed by Priya Shah <priya@learner.example> (the learner) (shown as Alice Assessor <alice@centre.example> through .mailmap, which verify does not follow: anyone who can commit can edit it) in`);
  });

  it('verifies only the learners named, and refuses an unknown one as status does', async () => {
    repo.write('portfolios/NT-2/portfolio.yaml', `${HEAD}signoffs:\n  - { unit: L/600/0001, by: a.jones, date: 2026-03-15 }\n`).commit('NT-2', { author: bob });
    try {
      expect((await verify(repo, 'NT-2')).found).toEqual(['portfolios/NT-2/portfolio.yaml:5 verify-author']);
      expect((await verify(repo)).found).toHaveLength(3);
      const unknown = await verify(repo, 'NT-9');
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toBe('folio: no learner NT-9 in portfolios/: a learner is named by the folder that holds their portfolio.yaml\n');
    } finally {
      repo.remove('portfolios/NT-2');
      repo.commit('drop NT-2');
    }
  });
});

describe('records not committed', () => {
  it('reports a changed decision and a portfolio never committed, line by line', async () => {
    const repo = centreRepo();
    repo.write(P, `${HEAD}evidence:\n  - { id: E1, method: observation, date: 2026-02-10, ref: Obs 1, covers: { L/600/0001: [2.1] }, assessment: { by: a.jones, date: 2026-02-11, decision: not-yet } }\n`).commit('assess', { author: alice });
    repo.write(P, repo.read(P).replace('not-yet', 'accepted'));
    repo.write('portfolios/NT-3/portfolio.yaml', `${HEAD}signoffs:\n  - unit: L/600/0001\n    by: a.jones\n    date: 2026-03-15\n`);
    const r = await verify(repo);
    expect(r.found).toEqual([`${P}:5 verify-uncommitted`, 'portfolios/NT-3/portfolio.yaml:5 verify-uncommitted']);
    expect(r.at(5)[0]!.message).toBe('the assessment of E1 (accepted) by a.jones is not committed (line 5): commit it, as a.jones, so its author is on record');
    expect(r.at(5, 'portfolios/NT-3/portfolio.yaml')[0]!.message).toContain('(lines 5, 6, 7)');
    expect(r.code).toBe(1);
  });
});

describe('decisions changed after an IQA sampled them', () => {
  let repo: TestRepo;
  const c: Record<string, string> = {};
  const day = (commit: string) => repo.git('log', '-1', '--format=%cI', commit).trim().slice(0, 10);
  const item = (id: string, covers: string, assessment: string) => `  - { id: ${id}, method: observation, date: 2026-02-10, ref: Obs ${id}, covers: { ${covers} }, assessment: { by: a.jones, ${assessment} } }\n`;

  beforeAll(() => {
    repo = centreRepo();
    c.assess = repo
      .write(
        P,
        `${HEAD}evidence:
${item('E1', 'L/600/0001: [1.1, 1.2]', 'date: 2026-02-02, decision: accepted')}${item('E2', 'L/600/0001: [2.1, 2.2]', 'date: 2026-02-10, decision: accepted')}${item('E3', 'R/600/0002: [1.1]', 'date: 2026-02-21, decision: not-yet, feedback: Answer 3 is incomplete')}signoffs:
  - { unit: L/600/0001, by: a.jones, date: 2026-03-15 }
`,
      )
      .commit('assess and sign off', { author: alice });
    // The IQA samples E1 on L/600/0001, and the whole of R/600/0002 (named by its alias 102).
    c.iqa = repo
      .write(P, `${repo.read(P)}iqa:\n  - { unit: L/600/0001, by: c.iqa, date: 2026-03-20, stage: interim, decision: agreed, evidence: [E1] }\n  - { unit: "102", by: c.iqa, date: 2026-03-20, stage: interim, decision: agreed }\n`)
      .commit('interim sample', { author: carol });
    // Then the assessor changes sampled decisions (E1, E3, the sign-off), one that was not
    // sampled (E2), and adds new ones (E4, a sign-off of R/600/0002).
    let text = repo.read(P);
    text = text.replace('date: 2026-02-02, decision: accepted', 'date: 2026-02-02, decision: accepted, feedback: Good');
    text = text.replace('date: 2026-02-10, decision: accepted', 'date: 2026-02-11, decision: accepted');
    text = text.replace('date: 2026-02-21, decision: not-yet, feedback: Answer 3 is incomplete', 'date: 2026-03-25, decision: accepted');
    text = text.replace('signoffs:\n', `${item('E4', 'L/600/0001: [2.1]', 'date: 2026-03-26, decision: accepted')}signoffs:\n`);
    text = text.replace('date: 2026-03-15 }\n', 'date: 2026-03-16 }\n  - { unit: R/600/0002, by: a.jones, date: 2026-03-27 }\n');
    c.edit = repo.write(P, text).commit('revise decisions', { author: alice });
  });

  it('reports the sampled decisions that changed, not those created after the sample or never sampled', async () => {
    const r = await verify(repo);
    expect(r.found).toEqual([`${P}:5 verify-edited-after-iqa`, `${P}:7 verify-edited-after-iqa`, `${P}:10 verify-edited-after-iqa`]);
    expect(r.at(5)[0]!.message).toBe(
      `the assessment of E1 (accepted) by a.jones was changed after the IQA record on L/600/0001 (interim, agreed) by c.iqa was committed in ${short(c.iqa!)} on ${day(c.iqa!)}: commit ${short(c.edit!)} by Alice Assessor <alice@centre.example> on ${day(c.edit!)} changed it. The IQA sampled it as it stood then: restore it, or have the IQA sample it again and add a new IQA record`,
    );
    expect(r.at(7)[0]!.message).toContain('the assessment of E3 (accepted) by a.jones was changed after the IQA record on 102 (interim, agreed) by c.iqa');
    expect(r.at(10)[0]!.message).toContain('the sign-off of L/600/0001 by a.jones was changed after the IQA record on L/600/0001 (interim, agreed)');
  });

  it('answers to the latest IQA record that saw the decision; re-indenting a decision is not a change', async () => {
    const summative = repo.write(P, `${repo.read(P)}  - { unit: L/600/0001, by: c.iqa, date: 2026-04-01, stage: summative, decision: agreed }\n`).commit('summative sample', { author: carol });
    try {
      expect((await verify(repo)).found).toEqual([`${P}:7 verify-edited-after-iqa`]);
      // E1's decision, rewritten in block style with the same content, by its assessor
      const block = repo.read(P).replace(', assessment: { by: a.jones, date: 2026-02-02, decision: accepted, feedback: Good } }\n', ',\n      assessment: { decision: accepted,  by: a.jones,\n        date: 2026-02-02, feedback: Good } }\n');
      repo.write(P, block).commit('tidy', { author: alice });
      expect((await verify(repo)).found).toEqual([`${P}:9 verify-edited-after-iqa`]);
    } finally {
      repo.git('reset', '-q', '--hard', summative + '~1');
    }
  });
});

describe('a shallow clone', () => {
  it('says which records it cannot attribute, and never guesses an author', async () => {
    const repo = centreRepo();
    repo.write(P, `${HEAD}evidence:\n${'  - { id: E1, method: observation, date: 2026-02-10, ref: Obs 1, covers: { L/600/0001: [2.1] }, assessment: { by: a.jones, date: 2026-02-11, decision: accepted } }\n'}`).commit('E1', { author: alice });
    // the commit the clone stops at is by the admin, who touched another file
    const cut = repo.write('portfolios/NT-2/portfolio.yaml', `${HEAD}`).commit('NT-2', { author: admin });
    repo.write(P, `${repo.read(P)}  - { id: E2, method: observation, date: 2026-02-12, ref: Obs 2, covers: { L/600/0001: [2.2] }, assessment: { by: a.jones, date: 2026-02-13, decision: accepted } }\n`).commit('E2', { author: alice });
    const clone = repo.shallowClone(2);
    const r = await verify(clone);
    expect(r.found).toEqual([`${P}:5 verify-history-missing`]);
    expect(r.at(5)[0]!.message).toBe(
      `who wrote the assessment of E1 (accepted) by a.jones cannot be known: line 5 comes from commit ${short(cut)}, where this shallow clone's history stops, and the commit that wrote it was not fetched. Fetch the whole history (git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0) and verify again`,
    );
    expect(r.code).toBe(1);
    expect((await verify(repo)).found).toEqual([]);
  });
});

describe.skipIf(!hasSshKeygen)('--signed', () => {
  let repo: TestRepo;
  const c: Record<string, string> = {};
  const line = (id: string) => `  - { id: ${id}, method: observation, date: 2026-02-10, ref: Obs ${id}, covers: { L/600/0001: [2.1] }, assessment: { by: a.jones, date: 2026-02-11, decision: accepted } }\n`;

  beforeAll(() => {
    repo = centreRepo();
    c.good = repo.write(P, `${HEAD}evidence:\n${line('E1')}`).commit('E1, signed', { author: alice, sign: true });
    c.plain = repo.write(P, `${repo.read(P)}${line('E2')}`).commit('E2, unsigned', { author: alice });
    // authored in Alice's name, but signed by Bob's (trusted) key
    c.bob = repo.write(P, `${repo.read(P)}${line('E3')}`).commit('E3, signed by bob', { author: alice, committer: bob, sign: true });
    c.stranger = repo.write(P, `${repo.read(P)}${line('E4')}`).commit('E4, unknown key', { author: alice, sign: 'untrusted' });
    // a signed commit whose message was changed afterwards, made the branch's head
    const signed = repo.write(P, `${repo.read(P)}${line('E5')}`).commit('E5, signed', { author: alice, sign: true });
    writeFileSync(join(repo.dir, '.git/forged'), repo.git('cat-file', 'commit', signed).replace('E5, signed', 'E5, signed and approved'));
    c.bad = repo.git('hash-object', '-t', 'commit', '-w', '.git/forged').trim();
    repo.git('update-ref', 'refs/heads/main', c.bad);
  });

  it('needs a good signature by the named staff member on every commit behind a record', async () => {
    expect((await verify(repo)).found).toEqual([]);
    const r = await verify(repo, '--signed');
    expect(r.found).toEqual([`${P}:6 verify-unsigned`, `${P}:7 verify-signer`, `${P}:8 verify-signature-unknown`, `${P}:9 verify-bad-signature`]);
    expect(r.at(6)[0]!.message).toBe(
      `the assessment of E2 (accepted) by a.jones rests on commit ${short(c.plain!)} by Alice Assessor <alice@centre.example>, which is not signed: with --signed every commit behind a decision must be signed; a.jones signs their commits (git config commit.gpgSign true) and commits it again`,
    );
    expect(r.at(7)[0]!.message).toContain(`rests on commit ${short(c.bob!)} by Alice Assessor <alice@centre.example>, which has a good signature by bob@centre.example, not by Alice Assessor (a.jones, alice@centre.example)`);
    expect(r.at(8)[0]!.message).toContain('signed with a key this repository does not trust');
    expect(r.at(9)[0]!.message).toContain(`rests on commit ${short(c.bad!)} by Alice Assessor <alice@centre.example>, whose signature does not match its content`);
    expect(r.code).toBe(1);
  });

  it('tells its findings apart by message id and data, for library callers', () => {
    const { diagnostics } = verifyCentre({ root: repo.dir, reader: fsReader(repo.dir), signed: true });
    expect(diagnostics.map((d) => `${d.code}/${d.messageId}`)).toEqual(['verify-unsigned/not-signed', 'verify-signer/other-signer', 'verify-signature-unknown/status-u', 'verify-bad-signature/content-altered']);
    expect(diagnostics[0]!.data).toMatchObject({ record: 'assessment', by: 'a.jones', line: 6, commit: c.plain, status: 'N', author: { email: 'alice@centre.example' } });
    expect(diagnostics[1]!.data).toMatchObject({ commit: c.bob, signer: 'bob@centre.example' });
  });

  it('costs one git log for the signatures of every commit involved', () => {
    const { commands } = recordGit(() => verifyCentre({ root: repo.dir, reader: fsReader(repo.dir), signed: true }));
    // the repository and its blame settings, one blame, the recorded authors, the signatures
    // (and the commits git calls unsigned, read again for SSH signatures it cannot check)
    expect(commands.map((x) => x[0])).toEqual(['rev-parse', 'config', 'rev-parse', 'blame', 'cat-file', '--literal-pathspecs', 'cat-file']);
  });
});

describe('staff who cannot be verified', () => {
  it('asks for the email of a staff member with none, once, at their entry in centre.yaml; leaves unknown staff to check', async () => {
    const repo = centreRepo();
    const two = `${HEAD}signoffs:\n  - { unit: L/600/0001, by: n.nomail, date: 2026-03-15 }\n  - { unit: R/600/0002, by: a.jones, date: 2026-03-15 }\n  - { unit: Y/600/0003, by: z.nobody, date: 2026-03-15 }\n`;
    repo.write(P, two).write('portfolios/NT-2/portfolio.yaml', two).commit('sign-offs', { author: alice });
    const r = await verify(repo);
    expect(r.found).toEqual(['portfolios/centre.yaml:6 verify-no-email']);
    expect(r.diagnostics[0]!.message).toBe(
      'n.nomail (Noel Nomail) has no email in portfolios/centre.yaml, so the 2 records naming them in 2 portfolios cannot be checked against the commits that wrote them: add email: with the address(es) they commit with',
    );
    expect(r.diagnostics[0]!.severity).toBe('error');
    expect(r.stderr).toBe(
      'folio: 2 records name a staff id that is not in portfolios/centre.yaml and were not verified: "folio check" reports them (unknown-staff).\nVerified 2 of 6 records in 2 portfolios: 1 problem.\n',
    );
    expect(r.code).toBe(1);
  });
});

describe('where verify cannot run', () => {
  const centreIn = (dir: string) => {
    mkdirSync(join(dir, 'portfolios/NT-1'), { recursive: true });
    cpSync(join(FIXTURES, 'centre/specs'), join(dir, 'specs'), { recursive: true });
    writeFileSync(join(dir, 'portfolios/centre.yaml'), CENTRE);
    writeFileSync(join(dir, P), HEAD);
    return dir;
  };

  it('outside a git repository: a usage error that says what still works', async () => {
    const r = await folio(['verify', '-C', centreIn(tempDir('plain'))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^folio: folio verify needs a git repository, and .* is not in one: it checks each decision against the commit that recorded it; the other commands \(check, status, gaps, spec\) read the files and work without it\n$/);
    expect(r.stdout).toBe('');
  });

  it('without git', async () => {
    const dir = centreIn(tempDir('nogit'));
    const path = process.env.PATH;
    process.env.PATH = tempDir('empty-path');
    try {
      const r = await folio(['verify', '-C', dir]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('folio verify needs git, which is not installed (or not on PATH)');
    } finally {
      process.env.PATH = path;
    }
  });

  it('in a repository that tells blame to credit commits to others', async () => {
    const repo = centreRepo();
    repo.write(P, HEAD).commit('NT-1', { author: alice });
    repo.write('.git-blame-ignore-revs', `${repo.head()}\n`).commit('ignore');
    repo.git('config', 'blame.ignoreRevsFile', '.git-blame-ignore-revs');
    const r = await folio(['verify', '-C', repo.dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('this repository sets blame.ignoreRevsFile (.git-blame-ignore-revs)');
  });
});

describe('reports for CI', () => {
  it('writes the check formats, with the verify codes as rules', async () => {
    const repo = centreRepo();
    repo.write(P, `${HEAD}signoffs:\n  - { unit: L/600/0001, by: a.jones, date: 2026-03-15 }\n`).commit('sign off', { author: priya });
    const dir = tempDir('reports');
    const r = await folio(['verify', '-C', repo.dir, '-f', 'github', '-f', 'sarif', '-o', join(dir, 'v.sarif')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=portfolios\/NT-1\/portfolio\.yaml,line=5,col=5,title=verify-author at line 5::the sign-off of L\/600\/0001 by a\.jones was committed by Priya Shah/);
    const sarif = JSON.parse((await import('node:fs')).readFileSync(join(dir, 'v.sarif'), 'utf8'));
    const rules = sarif.runs[0].tool.driver.rules.map((x: { id: string }) => x.id);
    expect(rules).toEqual(Object.keys(CODES).filter((k) => k.startsWith('verify-')));
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual(['verify-author']);
  });
});

describe('a centre in a folder of its repository', () => {
  it('blames the files where they are, and gives CI paths from the repository root', async () => {
    const repo = makeRepo();
    cpSync(join(FIXTURES, 'centre/specs'), join(repo.dir, 'centre/specs'), { recursive: true });
    repo.write('centre/portfolios/centre.yaml', CENTRE).commit('centre', { author: admin });
    repo.write(`centre/${P}`, `${HEAD}signoffs:\n  - { unit: L/600/0001, by: a.jones, date: 2026-03-15 }\n`).commit('sign off', { author: priya });
    const json = await folio(['verify', '--format', 'json'], { cwd: join(repo.dir, 'centre/portfolios') });
    expect(JSON.parse(json.stdout).diagnostics.map((d: Diagnostic) => `${d.file}:${d.line} ${d.code}`)).toEqual([`${P}:5 verify-author`]);
    const github = await folio(['verify', '-C', join(repo.dir, 'centre'), '--format', 'github']);
    expect(github.stdout).toMatch(/^::error file=centre\/portfolios\/NT-1\/portfolio\.yaml,line=5,col=5,/);
  });
});

describe('cost in git processes', () => {
  it('one blame per portfolio, whatever the number of records or the length of the history', () => {
    const repo = centreRepo();
    const count = () => {
      const { commands } = recordGit(() => verifyCentre({ root: repo.dir, reader: fsReader(repo.dir) }));
      return { blame: commands.filter((x) => x[0] === 'blame').length, total: commands.length };
    };
    const item = (i: number) => `  - { id: E${i}, method: observation, date: 2026-02-10, ref: Obs ${i}, covers: { L/600/0001: [2.1] }, assessment: { by: a.jones, date: 2026-02-11, decision: accepted } }\n`;
    for (let l = 1; l <= 5; l++) {
      const items = Array.from({ length: 10 * l }, (_, i) => item(i + 1)).join('');
      repo.write(`portfolios/NT-${l}/portfolio.yaml`, `${HEAD}evidence:\n${items}iqa:\n  - { unit: L/600/0001, by: c.iqa, date: 2026-03-20, stage: interim, decision: agreed }\n`);
    }
    repo.commit('five learners, 150 decisions', { author: alice });
    const before = count();
    // the repository, its blame settings and shallow list; the blames; one cat-file for the
    // commits' recorded authors and one for the portfolios as the IQA records saw them
    expect(before).toEqual({ blame: 5, total: 3 + 5 + 2 });
    for (let i = 0; i < 30; i++) repo.write('notes.txt', `${i}\n`).commit(`unrelated ${i}`);
    expect(count()).toEqual(before);
  });
});

describe('one walk over the history for many portfolios', () => {
  it('finds what a blame of each finds, following a renamed folder and a branch, in one walk', () => {
    const repo = centreRepo();
    const signoff = (by: string) => `signoffs:\n  - { unit: L/600/0001, by: ${by}, date: 2026-03-15 }\n`;
    repo.write('portfolios/NT-0/portfolio.yaml', `${HEAD}${signoff('a.jones')}`).commit('NT-0 signed off', { author: alice });
    repo.rename('portfolios/NT-0', 'portfolios/NT-3');
    repo.commit('NT-0 is NT-3 now', { author: admin });
    repo.write(P, `${HEAD}${signoff('a.jones')}`).write('portfolios/NT-4/portfolio.yaml', `${HEAD}${signoff('a.jones')}`).commit('NT-1 and NT-4 signed off', { author: alice });
    repo.branch('iqa').checkout('iqa');
    repo.write(P, `${HEAD}${signoff('a.jones')}iqa:\n  - { unit: L/600/0001, by: c.iqa, date: 2026-03-20, stage: interim, decision: agreed }\n`).commit('IQA of NT-1', { author: carol });
    repo.checkout('main');
    // Bob commits a sign-off that names Alice: the one finding in the history
    repo.write('portfolios/NT-2/portfolio.yaml', `${HEAD}${signoff('a.jones')}`).commit('NT-2 signed off', { author: bob });
    repo.merge('iqa', 'IQA sampling', { author: admin });
    // and NT-4's sign-off changed and not committed: the walk leaves it to blame
    repo.write('portfolios/NT-4/portfolio.yaml', `${HEAD}${signoff('b.bridges')}`);

    const run = (walkFrom: number) => recordGit(() => verifyCentre({ root: repo.dir, reader: fsReader(repo.dir), walkFrom }));
    const walked = run(1);
    const blamed = run(Number.POSITIVE_INFINITY);
    expect(walked.result).toEqual(blamed.result);
    expect(walked.result.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual(['portfolios/NT-2/portfolio.yaml:5 verify-author', 'portfolios/NT-4/portfolio.yaml:5 verify-uncommitted']);
    expect(walked.result.records).toBe(5);
    const names = (cs: string[][]) => cs.map((x) => x[0]);
    expect(names(blamed.commands).filter((x) => x === 'blame')).toHaveLength(4);
    // the walk (the commits' parents, those that deleted files elsewhere, the diffs, the
    // working tree's changes), then one blame for the portfolio changed in the working tree
    expect(names(walked.commands).filter((x) => ['rev-list', 'log', 'diff', 'blame'].includes(x!))).toEqual(['rev-list', 'log', 'log', 'diff', 'blame']);
  });
});
