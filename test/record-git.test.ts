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

  it('every writing command with --commit: each commit is its person\'s, and verify attributes the records to them with no finding', async () => {
    const { repo, as, run } = centre();
    const TARA = { name: 'Tara Brown', email: 'tara.brown@northgate.example' };
    const steps: { as: { name: string; email: string }; args: string[]; files: string[] }[] = [
      { as: ALEX, args: ['staff', 'add', 't.brown', '--name', TARA.name, '--roles', 'assessor', '--email', TARA.email, '--commit'], files: ['portfolios/centre.yaml'] },
      { as: TARA, args: ['learner', 'add', 'NT-0170', '--name', 'Sam Lee', '--qualification', '601/3734/4', '--assessor', 't.brown', '--registered', '2026-11-02', '--commit'], files: ['portfolios/NT-0170/portfolio.yaml'] },
      { as: TARA, args: ['witness', 'add', 'NT-0170', 'w-reed', '--name', 'Jo Reed', '--relationship', 'line manager', '--status', '3', '--commit'], files: ['portfolios/NT-0170/portfolio.yaml'] },
      { as: TARA, args: ['evidence', 'add', 'NT-0170', '--title', 'Witness testimony: the employer', '--method', 'witness-testimony', '--witness', 'w-reed', '--date', '2026-11-20', '--ref', 'Signed testimony in the branch file', '--covers', 'A/506/1964:all', '--commit'], files: ['portfolios/NT-0170/portfolio.yaml'] },
      { as: TARA, args: ['assess', 'NT-0170', 'E01', '--accept', '--date', '2026-11-23', '--commit'], files: ['portfolios/NT-0170/portfolio.yaml'] },
      { as: TARA, args: ['signoff', 'NT-0170', 'A/506/1964', '--date', '2026-11-24', '--commit'], files: ['portfolios/NT-0170/portfolio.yaml'] },
      { as: MEGAN, args: ['iqa', 'record', 'NT-0170', 'A/506/1964', '--stage', 'summative', '--agree', '--date', '2026-11-30', '--commit'], files: ['portfolios/NT-0170/portfolio.yaml'] },
    ];
    for (const step of steps) {
      as(step.as);
      const r = await run(step.args);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toContain(`Committed `);
      expect(r.stdout).toContain(` as ${step.as.name} <${step.as.email}>: `);
      // the commit is the person's, and holds only what the command wrote
      expect(repo.git('log', '-1', '--format=%an <%ae>').trim()).toBe(`${step.as.name} <${step.as.email}>`);
      expect(repo.git('show', '--name-only', '--format=', 'HEAD').trim().split('\n')).toEqual(step.files);
    }
    expect(repo.git('status', '--porcelain', '--', 'portfolios')).toBe('');
    // each line a command wrote is blamed on its person
    const blamed = (file: string, text: string) => {
      const lines = repo.git('blame', '--line-porcelain', file).split('\n');
      const at = lines.findIndex((l) => l.startsWith('\t') && l.includes(text));
      return lines.slice(0, at).reverse().find((l) => l.startsWith('author '))!.slice('author '.length);
    };
    expect(blamed('portfolios/centre.yaml', 'id: t.brown')).toBe('Alex Jones');
    expect(blamed('portfolios/NT-0170/portfolio.yaml', 'qualification: 601/3734/4')).toBe('Tara Brown');
    expect(blamed('portfolios/NT-0170/portfolio.yaml', 'id: w-reed')).toBe('Tara Brown');
    expect(blamed('portfolios/NT-0170/portfolio.yaml', 'decision: accepted')).toBe('Tara Brown');
    expect(blamed('portfolios/NT-0170/portfolio.yaml', 'stage: summative')).toBe('Megan Hughes');

    const verify = await run(['verify', 'NT-0170', '--format', 'json']);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout).diagnostics).toEqual([]);
    const text = await run(['verify', 'NT-0170']);
    expect(text.stdout).toContain('Verified 3 records in 1 portfolio: no problems.');
    expect((await run(['check'])).code).toBe(0);
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

  it('with no --by, refuses when git user.email is on no staff entry, and writes nothing', async () => {
    const { repo, as, run } = centre();
    as({ name: 'Someone', email: 'someone@elsewhere.example' });
    const file = 'portfolios/NT-0151/portfolio.yaml';
    const before = repo.read(file);
    const head = repo.git('rev-parse', 'HEAD');
    for (const args of [
      ['assess', 'NT-0151', 'E12', '--accept'],
      ['signoff', 'NT-0151', 'A/506/2130'],
      ['iqa', 'record', 'NT-0151', 'A/506/2130', '--stage', 'interim', '--agree'],
      ['assess', 'NT-0151', 'E12', '--accept', '--commit'],
    ]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('no staff member in portfolios/centre.yaml has the email git commits with here (git config user.email: "someone@elsewhere.example")');
      expect(repo.read(file)).toBe(before);
    }
    expect(repo.git('rev-parse', 'HEAD')).toBe(head);
    expect(repo.git('status', '--porcelain')).toBe('');
  });
});
