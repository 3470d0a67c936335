// folio claim ready and folio claim record on the sample centre and on copies of it changed one
// condition at a time. The expected lists are worked out by hand from the portfolios: which
// units are signed off, which have an agreed summative IQA, who is claimed or withdrawn.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess, claimReady, iqaPlan, openCentre, writePlan, type ClaimEntry } from '../src/index.js';
import { folio, REPO, sampleCopies } from './helpers.js';

const AS_OF = '2026-11-22';
const sample = sampleCopies('folio-claims-');
const file = (dir: string, id: string) => join(dir, 'portfolios', id, 'portfolio.yaml');
const read = (dir: string, id: string) => readFileSync(file(dir, id), 'utf8');

/** Replace one exact piece of a file (it must be there once). */
function edit(dir: string, rel: string, from: string, to: string): void {
  const p = join(dir, rel);
  const text = readFileSync(p, 'utf8');
  if (text.split(from).length !== 2) throw new Error(`not once in ${rel}: ${from}`);
  writeFileSync(p, text.replace(from, to));
}

async function entries(dir: string, learner?: string, inLearning = true): Promise<ClaimEntry[]> {
  const a = await assess(await openCentre({ dir, cache: false }), { asOf: AS_OF });
  return claimReady(a, { ...(learner ? { learners: [learner] } : {}), inLearning }).entries;
}
const ready = (es: ClaimEntry[]) => es.filter((e) => !e.reasons.length).map((e) => `${e.learner} ${e.claim.kind} ${e.claim.id}`);
const reasons = (es: ClaimEntry[], kind: string, id: string) => es.find((e) => e.claim.kind === kind && e.claim.id === id)?.reasons.map((r) => r.reason) ?? ['(no entry)'];

// NT-0142 without the claim of 2026-11-16: achieved, every unit with an agreed summative IQA.
const UNCLAIMED = ['portfolios/NT-0142/portfolio.yaml', '\nclaims:\n  - { date: 2026-11-16, qualification: 601/3734/4, by: e.walsh, reference: NG-CLM-0415 }\n', ''] as const;

describe('claim ready on the sample centre', () => {
  it('lists exactly what qualifies: by default nothing, as every learner in learning is claimed for on achieving', async () => {
    // NT-0142 is claimed, NT-0153's one unit is certificated, the rest are still in learning
    expect(ready(await entries(REPO, undefined, false))).toEqual([]);
    const es = await entries(REPO);
    // before-claim is not set, so every unit needs an agreed summative IQA (all).
    expect(ready(es)).toEqual([
      // NT-0142: claimed on 2026-11-16, so nothing. NT-0147: not achieved (two units await
      // sign-off), so unit certificates: its 10 signed-off units, each summatively agreed.
      ...['A/506/2130', 'F/506/2131', 'J/506/2132', 'A/506/1964', 'L/506/1788', 'D/506/2119', 'H/506/2154', 'K/506/2155', 'R/506/2151', 'A/506/2158'].map((u) => `NT-0147 unit ${u}`),
      // NT-0151: F/506/2131 and H/506/2154 are agreed; J/506/2132 has no IQA; A/506/1964 was not agreed.
      'NT-0151 unit F/506/2131',
      'NT-0151 unit H/506/2154',
      // NT-0153 (withdrawn): H/506/1814 is certificated already. NT-0156: seven achieved units,
      // each agreed; R/506/2151 came by credit transfer and is never claimed on its own.
      ...['F/506/2131', 'J/506/2132', 'A/506/1964', 'D/506/2119', 'Y/506/2149', 'A/506/2158', 'H/506/2154'].map((u) => `NT-0156 unit ${u}`),
    ]);
    expect(reasons(es, 'qualification', '601/3734/4')).toEqual(['already-claimed']);
    expect(reasons(es.filter((e) => e.learner === 'NT-0151'), 'unit', 'J/506/2132')).toEqual(['no-summative-iqa']);
    expect(reasons(es.filter((e) => e.learner === 'NT-0151'), 'unit', 'A/506/1964')).toEqual(['iqa-not-agreed']);
    expect(reasons(es.filter((e) => e.learner === 'NT-0147'), 'unit', 'F/506/2159')).toEqual(['not-signed-off']);
    expect(reasons(es.filter((e) => e.learner === 'NT-0153'), 'unit', 'H/506/1814')).toEqual(['already-claimed']);
    expect(es.some((e) => e.learner === 'NT-0156' && e.claim.id === 'R/506/2151')).toBe(false);
  });

  it('CSV has the bulk-upload columns and only what is ready; --why says why not', async () => {
    expect((await folio(['claim', 'ready', 'NT-0151', '-f', 'csv', '--as-of', AS_OF])).stdout).toBe('learner_name,uln,registration_number,unit_or_qualification,date\n');
    const csv = await folio(['claim', 'ready', 'NT-0151', '--in-learning', '-f', 'csv', '--as-of', AS_OF]);
    expect(csv.stdout).toBe('learner_name,uln,registration_number,unit_or_qualification,date\nAisha Rahman,2709461381,,F/506/2131,2026-11-22\nAisha Rahman,2709461381,,H/506/2154,2026-11-22\n');
    const why = await folio(['claim', 'ready', 'NT-0151', '--in-learning', '--why', '--as-of', AS_OF]);
    expect(why.stdout).toContain('J/506/2132: no agreed summative IQA (before-claim: all)');
    expect(why.stdout).toContain('A/506/1964: the IQA did not agree it on 2026-10-28');
    const doc = JSON.parse((await folio(['claim', 'ready', 'NT-0153', '-f', 'json', '--as-of', AS_OF])).stdout);
    expect(doc.ready).toEqual([]);
    const h = doc.notReady.find((e: { number: string }) => e.number === 'H/506/1814');
    expect(h).toMatchObject({ learner: 'NT-0153', claim: 'unit', date: AS_OF, reasons: [{ reason: 'already-claimed', date: '2026-11-12', reference: 'NG-CLM-0412', certificate: 'U-77310452' }] });
    expect(doc.notReady[0]).toMatchObject({ claim: 'qualification', reasons: [{ reason: 'not-achieved', status: 'in-progress' }, { reason: 'withdrawn', date: '2026-11-06' }] });
  });
});

describe('each condition, removed in turn, takes the learner out', () => {
  it('the unclaimed NT-0142 is ready for the whole qualification, and only that', async () => {
    const dir = sample();
    edit(dir, ...UNCLAIMED);
    expect(ready(await entries(dir, 'NT-0142'))).toEqual(['NT-0142 qualification 601/3734/4']);
  });

  it.each([
    ['a criterion', 'portfolios/NT-0142/portfolio.yaml', '      D/506/2119: [2.6]\n', '', ['not-achieved', 'check-errors']],
    // the summative IQA of D/506/2119 then comes before any sign-off: a check error too
    ['a sign-off', 'portfolios/NT-0142/portfolio.yaml', '  - { unit: D/506/2119, by: a.jones, date: 2026-06-08 }\n', '', ['not-achieved', 'check-errors']],
    ['the summative IQA (before-claim: all)', 'portfolios/NT-0142/portfolio.yaml', '  - { unit: L/506/1788, by: s.patel, date: 2026-08-12, stage: summative, decision: agreed }\n', '', ['no-summative-iqa']],
    ['no check error (a ULN check digit)', 'portfolios/NT-0142/portfolio.yaml', 'uln: "4827153093"', 'uln: "4827153094"', ['check-errors']],
    ['not withdrawn', 'portfolios/NT-0142/portfolio.yaml', 'assessor: a.jones\n', 'assessor: a.jones\nwithdrawn: { date: 2026-11-20, reason: moved away }\n', ['withdrawn']],
  ] as const)('%s', async (_what, rel, from, to, why) => {
    const dir = sample();
    edit(dir, ...UNCLAIMED);
    edit(dir, rel, from, to);
    const es = await entries(dir, 'NT-0142');
    expect(ready(es)).not.toContain('NT-0142 qualification 601/3734/4');
    expect(reasons(es, 'qualification', '601/3734/4')).toEqual(why);
  });

  it('a withdrawn learner keeps unit certificates for what they achieved', async () => {
    const dir = sample();
    edit(dir, ...UNCLAIMED);
    edit(dir, 'portfolios/NT-0142/portfolio.yaml', 'assessor: a.jones\n', 'assessor: a.jones\nwithdrawn: { date: 2026-11-20 }\n');
    // all 13 units are achieved and agreed: 13 unit certificates, no qualification
    expect(ready(await entries(dir, 'NT-0142'))).toHaveLength(13);
  });

  it('already claimed: the sample centre as it is', async () => {
    expect(reasons(await entries(REPO, 'NT-0142'), 'qualification', '601/3734/4')).toEqual(['already-claimed']);
  });

  it('before-claim: sampled asks the IQA only of the units a plan samples', async () => {
    const dir = sample();
    edit(dir, ...UNCLAIMED);
    edit(dir, 'portfolios/NT-0142/portfolio.yaml', '  - { unit: L/506/1788, by: s.patel, date: 2026-08-12, stage: summative, decision: agreed }\n', '');
    edit(dir, 'portfolios/centre.yaml', 'policy:\n', 'sampling: { summative-rate: 100, before-claim: sampled }\npolicy:\n');
    // no plan yet: nothing is sampled, so no IQA is needed
    expect(ready(await entries(dir, 'NT-0142'))).toEqual(['NT-0142 qualification 601/3734/4']);
    // a plan at 100% samples every signed-off unit, L/506/1788 too, which has no IQA now
    const centre = await openCentre({ dir, cache: false });
    writePlan(centre, iqaPlan(await assess(centre, { asOf: AS_OF }), { id: 'p1' }));
    const es = await entries(dir, 'NT-0142');
    expect(ready(es)).toEqual([]);
    expect(es[0]!.reasons).toEqual([{ reason: 'no-summative-iqa', unit: 'L/506/1788', beforeClaim: 'sampled', plans: ['p1'] }]);
  });
});

describe('claim record', () => {
  const run = (dir: string, args: string[]) => folio(['claim', 'record', ...args, '-C', dir]);

  it('writes the claim, keeps every comment, and moves the status', async () => {
    const dir = sample();
    edit(dir, ...UNCLAIMED);
    const before = read(dir, 'NT-0142');
    const r = await run(dir, ['NT-0142', '--qualification', '--reference', 'NG-CLM-0500', '--date', '2026-12-01', '--by', 'e.walsh', '-f', 'json']);
    expect(r.code).toBe(0);
    const after = read(dir, 'NT-0142');
    expect(after.startsWith(before.trimEnd())).toBe(true);
    expect(after.slice(before.trimEnd().length)).toBe('\n\nclaims:\n  - { date: 2026-12-01, qualification: 601/3734/4, by: e.walsh, reference: NG-CLM-0500 }\n');
    expect(JSON.parse(r.stdout).moved).toContainEqual({ unit: null, criterion: null, from: 'achieved', to: 'claimed' });
  });

  it('adds a certificate to the claim, and refuses a second certificate', async () => {
    const dir = sample();
    const r = await run(dir, ['NT-0142', '--qualification', '--certificate', 'Q-55120', '--certificate-date', '2026-12-01', '--by', 'e.walsh']);
    expect(r.code).toBe(0);
    expect(read(dir, 'NT-0142')).toContain('  - { date: 2026-11-16, qualification: 601/3734/4, by: e.walsh, reference: NG-CLM-0415, certificate: Q-55120, certificate-date: 2026-12-01 }\n');
    const again = await run(dir, ['NT-0142', '--qualification', '--certificate', 'Q-9', '--by', 'e.walsh', '-f', 'json']);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout).refused.code).toBe('certificate-recorded');
  });

  it.each([
    ['a second claim of the qualification', 'NT-0142', ['--qualification'], 'duplicate-entry'],
    ['a second claim of a unit', 'NT-0153', ['--units', 'H/506/1814'], 'duplicate-entry'],
    ['a unit with no agreed summative IQA', 'NT-0151', ['--units', 'J/506/2132'], 'claim-not-ready'],
    ['a unit awaiting sign-off', 'NT-0147', ['--units', 'F/506/2159'], 'claim-not-ready'],
    ['a qualification not achieved', 'NT-0151', ['--qualification'], 'claim-not-ready'],
    ['a credit-transferred unit on its own', 'NT-0156', ['--units', 'R/506/2151'], 'claim-not-ready'],
  ] as const)('refuses %s, writing nothing', async (_what, learner, args, code) => {
    const dir = sample();
    const before = read(dir, learner);
    const r = await run(dir, [learner, ...args, '--date', '2026-12-01', '--by', 'e.walsh', '-f', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).refused.code).toBe(code);
    expect(read(dir, learner)).toBe(before);
  });

  it('--dry-run shows the diff and writes nothing', async () => {
    const dir = sample();
    const before = read(dir, 'NT-0151');
    const r = await run(dir, ['NT-0151', '--units', 'F/506/2131,H/506/2154', '--date', '2026-12-01', '--by', 'e.walsh', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+  - { date: 2026-12-01, units: [F/506/2131, H/506/2154], by: e.walsh }');
    expect(read(dir, 'NT-0151')).toBe(before);
  });

  it('refuses --by someone not on the staff list (unknown-staff, as every recording command)', async () => {
    const dir = sample();
    const r = await run(dir, ['NT-0151', '--units', 'F/506/2131', '--date', '2026-12-01', '--by', 'e.walsch']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[unknown-staff]');
    expect(r.stderr).toContain('did you mean "e.walsh"?');
  });
});
