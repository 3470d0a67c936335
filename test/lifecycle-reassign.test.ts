// folio learner reassign on copies of the sample centre. Alex Jones (a.jones) assesses NT-0142,
// NT-0151 and NT-0163 (their assessor: lines); Rachel Okafor (r.okafor) NT-0147 and NT-0153.
// Each learner moved gets one changed line; a refusal in any portfolio writes none; withdrawn
// learners are skipped unless named; --commit makes one commit of every file.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupRepos, makeRepo } from './git-repo.js';
import { folio, REPO, sampleCopies } from './helpers.js';

afterAll(cleanupRepos);
const sample = sampleCopies('folio-reassign-');
const IDS = ['NT-0142', 'NT-0147', 'NT-0151', 'NT-0153', 'NT-0156', 'NT-0163'];
const read = (dir: string, id: string) => readFileSync(join(dir, 'portfolios', id, 'portfolio.yaml'), 'utf8');
const all = (dir: string) => Object.fromEntries(IDS.map((id) => [id, read(dir, id)]));
const run = (dir: string, args: string[]) => folio([...args, '-C', dir], { cwd: dir });
const moved = (text: string, from: string, to: string) => text.replace(`\nassessor: ${from}\n`, `\nassessor: ${to}\n`);

describe('folio learner reassign', () => {
  it('--all moves every learner of the assessor who has not withdrawn, one line each, and skips the withdrawn', async () => {
    const dir = sample();
    expect((await run(dir, ['learner', 'withdraw', 'NT-0163', '--date', '2026-11-30', '--by', 'a.jones'])).code).toBe(0);
    const before = all(dir);
    const r = await run(dir, ['learner', 'reassign', '--from', 'a.jones', '--to', 's.patel', '--all', '--by', 'a.jones', '-f', 'json']);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(Object.keys(data)).toEqual(['version', 'from', 'to', 'by', 'written', 'refused', 'changed', 'skipped', 'commit']);
    expect(data.changed.map((c: { learner: string }) => c.learner)).toEqual(['NT-0142', 'NT-0151']);
    expect(data.skipped).toEqual([{ learner: 'NT-0163', reason: 'withdrawn' }]);
    expect(data.written).toBe(true);
    const after = all(dir);
    for (const id of IDS) expect(after[id]).toBe(['NT-0142', 'NT-0151'].includes(id) ? moved(before[id]!, 'a.jones', 's.patel') : before[id]);
    expect((await run(dir, ['check'])).code).toBe(0);
    // named, a withdrawn learner moves too
    const named = await run(dir, ['learner', 'reassign', '--from', 'a.jones', '--to', 's.patel', 'NT-0163']);
    expect(named.code).toBe(0);
    expect(named.stdout).toContain('Reassigned 1 learner from a.jones to s.patel: NT-0163.');
    expect(read(dir, 'NT-0163')).toBe(moved(before['NT-0163']!, 'a.jones', 's.patel'));
  });

  it('--dry-run shows every diff and writes nothing; the table names the learners and the skipped', async () => {
    const dir = sample();
    const before = all(dir);
    const r = await run(dir, ['learner', 'reassign', '--from', 'r.okafor', '--to', 'a.jones', '--all', '--dry-run']);
    expect(r.code).toBe(0);
    // NT-0153 withdrew: left with r.okafor unless named
    expect(r.stdout.match(/^-assessor: r\.okafor$/gm)).toHaveLength(1);
    expect(r.stdout).toContain('Dry run: nothing written. 1 learner would move from r.okafor to a.jones: NT-0147.\nSkipped NT-0153 (withdrawn): name them to move them too.');
    expect(all(dir)).toEqual(before);
  });

  it('writes none when one portfolio would be refused, and refuses a --to who is not an assessor', async () => {
    const dir = sample();
    // a duplicate key: folio will not rewrite NT-0151, so NT-0142 is not written either
    const file = join(dir, 'portfolios/NT-0151/portfolio.yaml');
    writeFileSync(file, read(dir, 'NT-0151').replace('\nnotes: ', '\nnotes: first\nnotes: '));
    const before = all(dir);
    const r = await run(dir, ['learner', 'reassign', '--from', 'a.jones', '--to', 'r.okafor', 'NT-0142', 'NT-0151', '-f', 'json']);
    expect(r.code).toBe(1);
    const data = JSON.parse(r.stdout);
    expect(data.refused.code).toBe('duplicate-key');
    expect(data.refused.message).toMatch(/^NT-0151: /);
    expect(data.written).toBe(false);
    expect(all(dir)).toEqual(before);

    const iqa = await run(dir, ['learner', 'reassign', '--from', 'a.jones', '--to', 'm.hughes', 'NT-0142']);
    expect(iqa.code).toBe(2);
    expect(iqa.stderr).toContain('[staff-role]');
    const other = await run(dir, ['learner', 'reassign', '--from', 'a.jones', '--to', 'r.okafor', 'NT-0147']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("NT-0147's assessor is r.okafor, not a.jones");
    const none = await run(dir, ['learner', 'reassign', '--from', 'a.jones', '--to', 'r.okafor']);
    expect(none.code).toBe(2);
    expect(all(dir)).toEqual(before);
  });

  it('--commit makes one commit of every portfolio changed, authored by the staff member recording', async () => {
    const repo = makeRepo();
    cpSync(join(REPO, 'specs'), join(repo.dir, 'specs'), { recursive: true });
    cpSync(join(REPO, 'portfolios'), join(repo.dir, 'portfolios'), { recursive: true });
    repo.commit('the sample centre');
    const head = repo.git('rev-parse', 'HEAD').trim();
    const r = await run(repo.dir, ['learner', 'reassign', '--from', 'a.jones', '--to', 'r.okafor', '--all', '--by', 'r.okafor', '--commit']);
    expect(r.code).toBe(0);
    expect(repo.git('rev-list', '--count', `${head}..HEAD`).trim()).toBe('1');
    expect(repo.git('show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual(['portfolios/NT-0142/portfolio.yaml', 'portfolios/NT-0151/portfolio.yaml', 'portfolios/NT-0163/portfolio.yaml']);
    expect(repo.git('log', '-1', '--format=%an <%ae>|%s').trim()).toBe('Rachel Okafor <rachel.okafor@northgate.example>|Reassign 3 learners from a.jones to r.okafor');
    expect(repo.git('status', '--porcelain', '--', 'portfolios')).toBe('');
  });
});
