// folio learner withdraw, break, return and exempt on copies of the sample centre: each adds
// only its node (every other byte, comments and blank lines included, as it was), check stays
// clean, the statuses move as README "The learner's lifecycle" says, and each refusal leaves
// the file byte-identical with its stable code.
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupRepos, makeRepo } from './git-repo.js';
import { folio, REPO, sampleCopies } from './helpers.js';

afterAll(cleanupRepos);

const sample = sampleCopies('folio-lifecycle-');
const read = (dir: string, id: string) => readFileSync(join(dir, 'portfolios', id, 'portfolio.yaml'), 'utf8');
const run = (dir: string, args: string[]) => folio([...args, '-C', dir], { cwd: dir });
async function json(dir: string, args: string[]) {
  const r = await run(dir, [...args, '--format', 'json']);
  return { ...r, data: JSON.parse(r.stdout) };
}

/** The text inserted into before to make after, asserting every other byte is unchanged. */
function inserted(before: string, after: string): string {
  let p = 0;
  while (p < before.length && before[p] === after[p]) p++;
  const rest = before.slice(p);
  expect(after.endsWith(rest)).toBe(true);
  return after.slice(p, after.length - rest.length);
}

/** Run a command that must be refused with code: exit 1, the file byte-identical. */
async function refused(dir: string, learner: string, args: string[], code: string) {
  const before = read(dir, learner);
  const r = await json(dir, args);
  expect(r.code).toBe(1);
  expect(r.data.refused.code).toBe(code);
  expect(r.data.written).toBe(false);
  expect(read(dir, learner)).toBe(before);
  return r;
}

describe('folio learner withdraw', () => {
  it('adds withdrawn: at the end, after a blank line as the file spaces its lists; the learner leaves the cohort table', async () => {
    const dir = sample();
    const before = read(dir, 'NT-0147');
    const r = await json(dir, ['learner', 'withdraw', 'NT-0147', '--date', '2026-11-30', '--reason', 'moved away', '--by', 'r.okafor']);
    expect(r.code).toBe(0);
    expect(Object.keys(r.data)).toEqual(['version', 'learner', 'file', 'files', 'written', 'refused', 'records', 'by', 'diff', 'moved', 'gaps', 'findings', 'commit']);
    expect(r.data.records).toEqual(['withdrawal on 2026-11-30']);
    expect(r.data.by).toBe('r.okafor');
    expect(inserted(before, read(dir, 'NT-0147'))).toBe('\nwithdrawn: { date: 2026-11-30, reason: moved away, by: r.okafor }\n');
    expect((await run(dir, ['check'])).code).toBe(0);
    const cohort = JSON.parse((await run(dir, ['status', '-f', 'json'])).stdout);
    expect(cohort.learners.map((l: { id: string }) => l.id)).not.toContain('NT-0147');
    const one = JSON.parse((await run(dir, ['status', 'NT-0147', '-f', 'json'])).stdout);
    expect(one.learners[0].withdrawn).toEqual({ date: '2026-11-30', reason: 'moved away' });
  });

  it('refuses a second withdrawal (already-withdrawn) and one dated before the registration (check: date-order)', async () => {
    const dir = sample();
    await refused(dir, 'NT-0147', ['learner', 'withdraw', 'NT-0147', '--date', '2026-01-01', '--by', 'r.okafor'], 'date-order');
    expect((await run(dir, ['learner', 'withdraw', 'NT-0147', '--date', '2026-11-30', '--by', 'r.okafor'])).code).toBe(0);
    await refused(dir, 'NT-0147', ['learner', 'withdraw', 'NT-0147', '--date', '2026-12-01', '--by', 'r.okafor'], 'already-withdrawn');
  });

  it('--dry-run prints the diff and writes nothing', async () => {
    const dir = sample();
    const before = read(dir, 'NT-0142');
    const r = await run(dir, ['learner', 'withdraw', 'NT-0142', '--date', '2026-11-30', '--by', 'a.jones', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+withdrawn: { date: 2026-11-30, by: a.jones }');
    expect(r.stdout).toContain('Dry run: nothing written. NT-0142 would get withdrawal on 2026-11-30.');
    expect(read(dir, 'NT-0142')).toBe(before);
  });
});

describe('folio learner break and return', () => {
  it('appends a break, refuses a second while it goes on, then sets to: on it inside the flow mapping', async () => {
    const dir = sample();
    const before = read(dir, 'NT-0147');
    const b = await json(dir, ['learner', 'break', 'NT-0147', '--from', '2026-11-01', '--reason', 'illness']);
    expect(b.code).toBe(0);
    const withBreak = read(dir, 'NT-0147');
    expect(inserted(before, withBreak)).toBe('\nbreaks:\n  - { from: 2026-11-01, reason: illness }\n');
    const status = JSON.parse((await run(dir, ['status', 'NT-0147', '-f', 'json'])).stdout);
    expect(status.learners[0].breaks).toEqual([{ from: '2026-11-01', to: null, reason: 'illness' }]);

    await refused(dir, 'NT-0147', ['learner', 'break', 'NT-0147', '--from', '2026-11-05'], 'break-open');
    await refused(dir, 'NT-0147', ['learner', 'return', 'NT-0147', '--date', '2026-10-01'], 'date-order');

    const r = await json(dir, ['learner', 'return', 'NT-0147', '--date', '2026-11-20']);
    expect(r.code).toBe(0);
    expect(r.data.records).toEqual(['return on 2026-11-20 from the break of 2026-11-01']);
    expect(inserted(withBreak, read(dir, 'NT-0147'))).toBe('to: 2026-11-20, ');
    expect((await run(dir, ['check'])).code).toBe(0);
    await refused(dir, 'NT-0147', ['learner', 'return', 'NT-0147', '--date', '2026-11-21'], 'no-open-break');
  });

  it('a break with its end known is one item; --dry-run writes nothing', async () => {
    const dir = sample();
    const before = read(dir, 'NT-0156');
    const r = await run(dir, ['learner', 'break', 'NT-0156', '--from', '2026-06-01', '--to', '2026-06-15', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+  - { from: 2026-06-01, to: 2026-06-15 }');
    expect(read(dir, 'NT-0156')).toBe(before);
    await refused(dir, 'NT-0156', ['learner', 'break', 'NT-0156', '--from', '2026-06-15', '--to', '2026-06-01'], 'date-order');
  });
});

describe('folio learner exempt', () => {
  it('adds the exemption after the last list; the unit becomes exempted with no criterion met', async () => {
    const dir = sample();
    const before = read(dir, 'NT-0163');
    const r = await json(dir, ['learner', 'exempt', 'NT-0163', 'A/506/2130', '--kind', 'credit-transfer', '--reference', 'CERT 88213', '--date', '2026-11-10', '--by', 'a.jones']);
    expect(r.code).toBe(0);
    expect(inserted(before, read(dir, 'NT-0163'))).toBe('exemptions:\n  - { unit: A/506/2130, kind: credit-transfer, reference: CERT 88213, date: 2026-11-10, by: a.jones }\n');
    expect(r.data.moved).toContainEqual({ unit: 'A/506/2130', criterion: null, from: 'not-started', to: 'exempted' });
    expect((await run(dir, ['check'])).code).toBe(0);
    // an optional unit the learner has not chosen is chosen by being exempted; the second goes below the first
    const second = read(dir, 'NT-0163');
    expect((await run(dir, ['learner', 'exempt', 'NT-0163', 'L/506/1807', '--kind', 'rpl', '--date', '2026-11-12', '--by', 'a.jones'])).code).toBe(0);
    expect(inserted(second, read(dir, 'NT-0163'))).toBe('  - { unit: L/506/1807, kind: rpl, date: 2026-11-12, by: a.jones }\n');
  });

  it('refuses a unit exempted already, a unit with evidence here, a unit outside the qualification, and an unknown --by', async () => {
    const dir = sample();
    expect((await run(dir, ['learner', 'exempt', 'NT-0163', 'A/506/2130', '--kind', 'exemption', '--date', '2026-11-10', '--by', 'a.jones'])).code).toBe(0);
    await refused(dir, 'NT-0163', ['learner', 'exempt', 'NT-0163', 'A/506/2130', '--kind', 'rpl', '--by', 'a.jones'], 'already-exempted');
    // E03, E06 and E08 cover A/506/2130 in Aisha Rahman's portfolio (lines 37, 64 and 84)
    const ev = await refused(dir, 'NT-0151', ['learner', 'exempt', 'NT-0151', 'A/506/2130', '--kind', 'rpl', '--by', 'a.jones'], 'unit-has-evidence');
    expect(ev.data.refused.message).toContain('evidence E03, E06, E08');
    await refused(dir, 'NT-0163', ['learner', 'exempt', 'NT-0163', '101', '--kind', 'rpl', '--by', 'a.jones'], 'unit-not-in-qualification');
    const before = read(dir, 'NT-0163');
    const by = await run(dir, ['learner', 'exempt', 'NT-0163', 'F/506/2131', '--kind', 'rpl', '--by', 'a.jnoes']);
    expect(by.code).toBe(1);
    expect(by.stderr).toContain('did you mean "a.jones"?');
    expect(by.stderr).toContain('[unknown-staff]');
    expect(read(dir, 'NT-0163')).toBe(before);
  });
});

describe('--commit', () => {
  it('commits the exemption alone, authored by the staff member who recorded it', async () => {
    const repo = makeRepo();
    cpSync(join(REPO, 'specs'), join(repo.dir, 'specs'), { recursive: true });
    cpSync(join(REPO, 'portfolios'), join(repo.dir, 'portfolios'), { recursive: true });
    repo.commit('the sample centre');
    const r = await run(repo.dir, ['learner', 'exempt', 'NT-0163', 'F/506/2131', '--kind', 'rpl', '--date', '2026-11-10', '--by', 'a.jones', '--commit']);
    expect(r.code).toBe(0);
    expect(repo.git('log', '-1', '--format=%an <%ae>|%s').trim()).toBe('Alex Jones <alex.jones@northgate.example>|NT-0163: F/506/2131 by rpl, recorded by a.jones');
    expect(repo.git('show', '--name-only', '--format=', 'HEAD').trim()).toBe('portfolios/NT-0163/portfolio.yaml');
    expect(repo.git('status', '--porcelain', '--', 'portfolios')).toBe('');
  });
});
