// The centre as committed (--at) and checks of what changed (--changed-since, --staged), on a
// real repository whose history the tests write: the fixture centre in a subfolder, changed
// commit by commit.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alice, bob, cleanupRepos, makeRepo, tempDir, type TestRepo } from './git-repo.js';
import { FIXTURES, folio } from './helpers.js';

afterAll(cleanupRepos);

let repo: TestRepo;
let centre: string;
let first: string;
beforeAll(() => {
  repo = makeRepo();
  centre = join(repo.dir, 'centre');
  cpSync(`${FIXTURES}centre`, centre, { recursive: true });
  first = repo.commit('the fixture centre', { author: alice, date: '2026-07-01T10:00:00Z' });
  // S-MIX's E2 is accepted: criterion L/600/0001 1.2 becomes met.
  edit('centre/portfolios/S-MIX/portfolio.yaml', 'ref: Account 2, covers: { L/600/0001: [1.2] } }', 'ref: Account 2, covers: { L/600/0001: [1.2] }, assessment: { by: a.jones, date: 2026-02-05, decision: accepted } }');
  repo.commit('E2 accepted', { author: alice, date: '2026-07-15T10:00:00Z' });
  repo.tag('visit');
  // a slip: S-NEW claims a criterion its unit does not have
  edit('centre/portfolios/S-NEW/portfolio.yaml', 'optional-units: [Y/600/0003]', 'optional-units: [Y/600/0003]\nevidence:\n  - { id: E1, method: observation, date: 2026-07-20, ref: Obs, covers: { L/600/0001: [9.9] } }');
  repo.commit('S-NEW evidence', { author: bob, date: '2026-08-01T10:00:00Z' });
});

function edit(path: string, from: string | RegExp, to: string) {
  const file = join(repo.dir, path);
  const before = readFileSync(file, 'utf8');
  const after = before.replace(from, to);
  expect(after, `edit of ${path}`).not.toBe(before);
  writeFileSync(file, after);
}

const json = <T>(s: string) => JSON.parse(s) as T;
type Status = { asOf: string; learners: { id: string; units: { id: string; criteria: { id: string; status: string }[] }[] }[] };
const criterion = (doc: Status, learner: string, unit: string, id: string) => doc.learners.find((l) => l.id === learner)!.units.find((u) => u.id === unit)!.criteria.find((c) => c.id === id)!.status;

describe('--at', () => {
  it('reads the centre as committed on a day, judged as of that day', async () => {
    const r = await folio(['status', 'S-MIX', '-C', centre, '--at', '2026-07-05', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = json<Status>(r.stdout);
    expect(doc.asOf).toBe('2026-07-05');
    expect(criterion(doc, 'S-MIX', 'L/600/0001', '1.2')).toBe('awaiting-assessment');
    expect(r.stderr).toContain(`the centre as committed at 2026-07-05 (${first.slice(0, 8)})`);
  });

  it('takes tags and commits, and --as-of still decides the date', async () => {
    const doc = json<Status>((await folio(['status', 'S-MIX', '-C', centre, '--at', 'visit', '--as-of', '2026-09-30', '--format', 'json'])).stdout);
    expect(doc.asOf).toBe('2026-09-30');
    expect(criterion(doc, 'S-MIX', 'L/600/0001', '1.2')).toBe('met');
    const byCommit = json<Status>((await folio(['status', 'S-MIX', '-C', centre, '--at', first, '--as-of', '2026-09-30', '--format', 'json'])).stdout);
    expect(criterion(byCommit, 'S-MIX', 'L/600/0001', '1.2')).toBe('awaiting-assessment');
  });

  it('checks a past commit as it was, whatever the working tree holds now', async () => {
    writeFileSync(join(centre, 'portfolios/S-ACH/portfolio.yaml'), 'learner: [broken');
    try {
      const past = await folio(['check', '-C', centre, '--at', 'visit', '--format', 'json']);
      expect(json<{ diagnostics: unknown[] }>(past.stdout).diagnostics).toEqual([]);
      expect(past.code).toBe(0);
      const head = await folio(['check', '-C', centre, '--at', 'HEAD', '--format', 'json']);
      expect(json<{ diagnostics: { code: string; file: string; line: number }[] }>(head.stdout).diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([['unknown-criterion', 'portfolios/S-NEW/portfolio.yaml', 8]]);
      expect(head.code).toBe(1);
    } finally {
      repo.git('checkout', '--', 'centre/portfolios/S-ACH/portfolio.yaml');
    }
  });

  it('says clearly when the revision is unknown, before the first commit, or there is no repository', async () => {
    const unknown = await folio(['status', '-C', centre, '--at', 'no-such-tag']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--at no-such-tag: .*no-such-tag/);
    const early = await folio(['status', '-C', centre, '--at', '2026-06-30']);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('2026-07-01');
    const plain = tempDir('plain');
    cpSync(`${FIXTURES}centre`, plain, { recursive: true });
    const none = await folio(['gaps', '-C', plain, '--at', 'HEAD']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--at needs the centre's git history, but .* is not in a git repository/);
    expect((await folio(['gaps', '-C', plain, '--as-of', '2026-06-30'])).code).toBe(0);
  });
});

describe('check --changed-since and --staged', () => {
  type Check = { diagnostics: { code: string; file: string }[]; summary: { files: number } };

  it('checks the portfolios changed since a revision, committed or not, and says how many', async () => {
    edit('centre/portfolios/S-RDY/portfolio.yaml', 'Rob Ready', 'Robert Ready');
    try {
      const r = await folio(['check', '-C', centre, '--changed-since', first, '--format', 'json']);
      expect(r.stderr).toContain('Checking 3 of 6 portfolios (3 changed since');
      const doc = json<Check>(r.stdout);
      expect(doc.summary.files).toBe(3);
      expect(doc.diagnostics.map((d) => [d.code, d.file])).toEqual([['unknown-criterion', 'portfolios/S-NEW/portfolio.yaml']]);
      expect(r.code).toBe(1);
      const sinceVisit = await folio(['check', '-C', centre, '--changed-since', 'visit']);
      expect(sinceVisit.stderr).toContain('Checking 2 of 6 portfolios');
    } finally {
      repo.git('checkout', '--', 'centre/portfolios/S-RDY/portfolio.yaml');
    }
  });

  it('checks every learner who takes a changed unit, and only them', async () => {
    // D/600/0004 is optional and only S-IQA takes it.
    edit('centre/specs/units/D-600-0004.yaml', 'Keep a diary', 'Keep a reflective diary');
    try {
      const r = await folio(['check', '-C', centre, '--changed-since', 'HEAD', '--format', 'json']);
      expect(r.stderr).toContain('Checking 1 of 6 portfolios (1 using a changed spec), and 1 changed spec or centre file.');
      expect(json<Check>(r.stdout).summary.files).toBe(2);
    } finally {
      repo.git('checkout', '--', 'centre/specs/units/D-600-0004.yaml');
    }
  });

  it('checks everyone on a qualification whose mandatory unit changed, or when the centre file changed', async () => {
    edit('centre/specs/units/L-600-0001.yaml', /title: .*/, 'title: A new title');
    edit('centre/portfolios/centre.yaml', 'Alex Jones', 'Alexandra Jones');
    try {
      const r = await folio(['check', '-C', centre, '--changed-since', 'HEAD']);
      expect(r.stderr).toMatch(/Checking 6 of 6 portfolios/);
    } finally {
      repo.git('checkout', '--', 'centre');
    }
  });

  it('finds a learner the unit used to be named by, when a renumbered spec drops an alias', async () => {
    // S-UNK names R/600/0002 by its alias 102; removing the alias must check S-UNK.
    const text = readFileSync(join(centre, 'portfolios/S-UNK/portfolio.yaml'), 'utf8');
    edit('centre/portfolios/S-UNK/portfolio.yaml', 'R/600/0002', '102');
    repo.commit('S-UNK names the unit by its alias', { author: alice });
    edit('centre/specs/units/R-600-0002.yaml', /aliases: .*\n/, '');
    try {
      const r = await folio(['check', '-C', centre, '--changed-since', 'HEAD', '--format', 'json']);
      expect(r.stderr).toMatch(/Checking \d of 6 portfolios/);
      expect(json<Check>(r.stdout).diagnostics.map((d) => [d.code, d.file])).toContainEqual(['unknown-unit', 'portfolios/S-UNK/portfolio.yaml']);
    } finally {
      repo.git('checkout', '--', 'centre');
      writeFileSync(join(centre, 'portfolios/S-UNK/portfolio.yaml'), text);
      repo.commit('S-UNK back', { author: alice });
    }
  });

  it('checks an unchanged learner whose ULN a changed portfolio now repeats, reporting only the duplicate there', async () => {
    edit('centre/portfolios/S-RDY/portfolio.yaml', 'uln: "1000079197"', 'uln: "1000158380"');
    try {
      const r = await folio(['check', '-C', centre, '--changed-since', 'HEAD', '--format', 'json']);
      expect(r.stderr).toContain('(1 changed since HEAD; 1 sharing a ULN with one of them)');
      expect(json<Check>(r.stdout).diagnostics.map((d) => [d.code, d.file])).toEqual([['duplicate-uln', 'portfolios/S-RDY/portfolio.yaml']]);
    } finally {
      repo.git('checkout', '--', 'centre');
    }
  });

  it('does not check learners who share only the temporary ULN, which any number of learners may hold', async () => {
    const text = readFileSync(join(centre, 'portfolios/S-ACH/portfolio.yaml'), 'utf8');
    edit('centre/portfolios/S-ACH/portfolio.yaml', 'uln: "1000000000"', 'uln: "9999999999"');
    repo.commit('S-ACH waits for a ULN', { author: alice });
    edit('centre/portfolios/S-RDY/portfolio.yaml', 'uln: "1000079197"', 'uln: "9999999999"');
    try {
      const r = await folio(['check', '-C', centre, '--changed-since', 'HEAD', '--format', 'json']);
      expect(r.stderr).toMatch(/Checking 1 of 6 portfolios/);
      expect(r.stderr).not.toContain('sharing a ULN');
      expect(json<Check>(r.stdout).diagnostics).toEqual([]);
    } finally {
      repo.git('checkout', '--', 'centre');
      writeFileSync(join(centre, 'portfolios/S-ACH/portfolio.yaml'), text);
      repo.commit('S-ACH has its ULN', { author: alice });
    }
  });

  it('checks what is staged, as staged, not what the working tree holds', async () => {
    edit('centre/portfolios/S-MIX/portfolio.yaml', 'covers: { L/600/0001: [2.1] }', 'covers: { L/600/0001: [2.9] }');
    repo.add('centre/portfolios/S-MIX/portfolio.yaml');
    edit('centre/portfolios/S-MIX/portfolio.yaml', '[2.9]', '[2.1]'); // fixed, but not staged
    edit('centre/portfolios/S-ACH/portfolio.yaml', 'Ann Achieved', 'Ann'); // changed, not staged
    try {
      const r = await folio(['check', '-C', centre, '--staged', '--format', 'json']);
      expect(r.stderr).toContain('Checking 1 of 6 portfolios (1 staged)');
      expect(json<Check>(r.stdout).diagnostics.map((d) => [d.code, d.file])).toEqual([['unknown-criterion', 'portfolios/S-MIX/portfolio.yaml']]);
      expect(r.code).toBe(1);
    } finally {
      repo.git('reset', '-q');
      repo.git('checkout', '--', 'centre');
    }
  });

  it('needs a repository, and one choice of what to check', async () => {
    const plain = tempDir('plain2');
    cpSync(`${FIXTURES}centre`, plain, { recursive: true });
    const r = await folio(['check', '-C', plain, '--staged']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--staged needs the centre\'s git history');
    expect((await folio(['check', '-C', centre, '--staged', '--changed-since', 'HEAD'])).code).toBe(2);
  });
});
