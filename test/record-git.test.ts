// Git as the signature, end to end in a real repository: an assessor records evidence, accepts it
// and signs the unit off, an IQA agrees, each with --commit as themselves (found by git's
// user.email); folio verify then finds nothing and folio history shows each step under its author.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupRepos, makeRepo } from './git-repo.js';
import { folio, REPO } from './helpers.js';

afterAll(cleanupRepos);

const ALEX = { name: 'Alex Jones', email: 'alex.jones@northgate.example' };
const MEGAN = { name: 'Megan Hughes', email: 'megan.hughes@northgate.example' };

function centre() {
  const repo = makeRepo();
  cpSync(join(REPO, 'specs'), join(repo.dir, 'specs'), { recursive: true });
  cpSync(join(REPO, 'portfolios'), join(repo.dir, 'portfolios'), { recursive: true });
  repo.commit('the sample centre');
  // whoever runs folio: git's own identity, as on an assessor's laptop
  const as = (p: { name: string; email: string }) => {
    repo.git('config', 'user.name', p.name);
    repo.git('config', 'user.email', p.email);
  };
  return { repo, as, run: (args: string[]) => folio([...args, '-C', repo.dir], { cwd: repo.dir }) };
}

describe('--commit', () => {
  it('commits each record as its staff member; verify finds nothing; history shows each author', async () => {
    const { repo, as, run } = centre();
    as(ALEX);
    writeFileSync(join(repo.dir, 'answers.md'), 'Answers to the written questions.\n');
    const steps = [
      ['evidence', 'add', 'NT-0163', '--title', 'Written questions: employer organisations', '--method', 'written-questions', '--date', '2026-11-20', '--file', 'answers.md', '--covers', 'A/506/1964:all', '--commit'],
      ['assess', 'NT-0163', 'E01', '--accept', '--date', '2026-11-23', '--commit'],
      ['signoff', 'NT-0163', 'A/506/1964', '--date', '2026-11-24', '--commit'],
    ];
    for (const s of steps) {
      const r = await run(s);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Committed ');
    }
    as(MEGAN);
    const iqa = await run(['iqa', 'record', 'NT-0163', 'A/506/1964', '--stage', 'summative', '--agree', '--evidence', 'E01', '--date', '2026-11-30', '--commit']);
    expect(iqa.code).toBe(0);

    const log = repo.git('log', '--format=%an <%ae>|%s', '-4').trim().split('\n');
    expect(log).toEqual([
      'Megan Hughes <megan.hughes@northgate.example>|NT-0163: IQA summative on A/506/1964 agreed (m.hughes)',
      'Alex Jones <alex.jones@northgate.example>|NT-0163: sign off A/506/1964 (a.jones)',
      'Alex Jones <alex.jones@northgate.example>|NT-0163: E01 accepted by a.jones',
      'Alex Jones <alex.jones@northgate.example>|NT-0163: add evidence E01 (written-questions)',
    ]);
    // each commit holds only what its command wrote
    expect(repo.git('show', '--name-only', '--format=', 'HEAD~3').trim().split('\n').sort()).toEqual(['portfolios/NT-0163/evidence/answers.md', 'portfolios/NT-0163/portfolio.yaml']);
    expect(repo.git('show', '--name-only', '--format=', 'HEAD').trim()).toBe('portfolios/NT-0163/portfolio.yaml');
    expect(repo.git('status', '--porcelain', '--', 'portfolios')).toBe('');

    const verify = await run(['verify', 'NT-0163']);
    expect(verify.stdout + verify.stderr).toContain('Verified 3 records in 1 portfolio');
    expect(verify.code).toBe(0);

    const history = JSON.parse((await run(['history', 'NT-0163', '--format', 'json'])).stdout);
    const kinds = (k: string) => history.events.filter((e: { kind: string }) => e.kind === k).map((e: { author: { name: string } }) => e.author.name);
    expect(kinds('decision')).toEqual(['Alex Jones']);
    expect(kinds('signoff')).toEqual(['Alex Jones']);
    expect(kinds('iqa')).toEqual(['Megan Hughes']);
    const text = (await run(['history', 'NT-0163'])).stdout;
    expect(text).toMatch(/Alex Jones\s+E01 accepted by a\.jones on 2026-11-23/);
    expect(text).toMatch(/Alex Jones\s+A\/506\/1964 achieved \(was ready-for-signoff\)\s+A\/506\/1964 signed off by a\.jones on 2026-11-24/);
    expect(text).toMatch(/Megan Hughes\s+IQA on A\/506\/1964: summative agreed by m\.hughes on 2026-11-30/);
  });

  it('refuses when the file has other changes staged, and writes nothing', async () => {
    const { repo, as, run } = centre();
    as(ALEX);
    const file = 'portfolios/NT-0151/portfolio.yaml';
    const staged = repo.read(file).replace('assessor: a.jones', 'assessor: a.jones  # staged by someone');
    repo.write(file, staged).add(file);
    const r = await run(['assess', 'NT-0151', 'E12', '--accept', '--date', '2026-11-20', '--commit', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).refused.code).toBe('commit-staged-changes');
    expect(repo.read(file)).toBe(staged);
  });

  it('with no --by, refuses when git user.email is on no staff entry', async () => {
    const { as, run } = centre();
    as({ name: 'Someone', email: 'someone@elsewhere.example' });
    const r = await run(['assess', 'NT-0151', 'E12', '--accept']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no staff member in portfolios/centre.yaml has the email git commits with here (git config user.email: "someone@elsewhere.example")');
  });
});
