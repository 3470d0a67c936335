// Verdicts that follow the rules (issue 14, item 6): for each case an assessor would dispute,
// what status says and what check reports, side by side, so the two cannot disagree again.
// Cases are hand-built learners run through the status engine and every learner rule as the
// pipeline runs them; the first two are also run end to end on a copy of the sample centre.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../src/model/index.js';
import { recordAsOf } from '../src/model/as-of.js';
import type { CentreInfo, Evidence, Learner, Unit } from '../src/model/types.js';
import { RULES } from '../src/rules/index.js';
import { gapsOf, type GapReason } from '../src/status/gaps.js';
import { evaluateLearner } from '../src/status/learner.js';
import type { CriterionStatus, UnitStatus } from '../src/status/types.js';
import { folio, REPO } from './helpers.js';
import { centre, evidence, group, iqa, learner, loc, qual, signoff, unit, witness, type LearnerSpec } from './model-builders.js';

const AS_OF = '2026-06-01';

/** A finding as the case tables name it: its code and the data path it points at. */
type Found = [string, string];

interface Verdict {
  unit: UnitStatus;
  criteria: CriterionStatus[];
  gaps: GapReason[];
  messages: string[];
  found: Found[];
}

/** Status and every learner rule, as the pipeline runs them for one learner. */
function judge(u: Unit, spec: LearnerSpec, opts: { asOf?: string; centreInfo?: CentreInfo } = {}): Verdict {
  const asOf = opts.asOf ?? AS_OF;
  const q = qual([group('mandatory', [u.id], { required: 'all' })]);
  const l = learner([u], spec);
  const specs = { ...centre([u], [q]), centre: opts.centreInfo };
  const index = buildIndex({ ...specs, learners: [l] });
  const result = evaluateLearner(l, index, opts.centreInfo, asOf);
  const ctx = { specs, index, asOf, learner: l, record: recordAsOf(l, asOf), result };
  const findings = RULES.flatMap((r) => (r.learner ? r.learner(ctx) : []));
  const gaps = gapsOf(result).filter((g) => g.reason !== 'mandatory-unit-missing');
  const r = result.units[0]!;
  return {
    unit: r.status,
    criteria: r.criteria.map((c) => c.status),
    gaps: gaps.map((g) => g.reason),
    messages: [...gaps.map((g) => g.message), ...findings.map((f) => f.message)],
    found: findings.map((f) => [f.code, (f.target.path ?? []).join('.')]),
  };
}

const U = unit('U1', 3, 2, { criteria: ['1.1', '1.2'] });
const assessed = (date: string, by = 'a.jones') => ({ by, date, decision: 'accepted' as const, loc: loc() });
/** 1.1 dated 1 March, assessed 5 March; 1.2 dated 20 March, assessed 25 March. */
const BOTH: Evidence[] = [
  evidence('E1', 'U1', ['1.1'], 'observation', 'accepted'),
  evidence('E2', 'U1', ['1.2'], 'observation', 'accepted', { date: '2026-03-20', assessment: assessed('2026-03-25') }),
];

interface Case {
  name: string;
  spec: LearnerSpec;
  asOf?: string;
  unit: UnitStatus;
  gaps: GapReason[];
  found: Found[];
  /** Texts some gap or finding message must contain. */
  says?: string[];
}

function run(cases: Case[], u: Unit = U, centreInfo?: CentreInfo) {
  it.each(cases)('$name → $unit', (c) => {
    const v = judge(u, c.spec, { asOf: c.asOf, centreInfo });
    expect({ unit: v.unit, gaps: v.gaps, found: v.found }).toEqual({ unit: c.unit, gaps: c.gaps, found: c.found });
    for (const text of c.says ?? []) expect(v.messages.join('\n')).toContain(text);
  });
}

describe('1. a summative IQA needs a sign-off on or before its own date, not the latest one', () => {
  run([
    { name: 'signed off, IQA agreed', spec: { evidence: BOTH, signoffs: [signoff('U1', '2026-04-01')], iqa: [iqa('U1', '2026-04-10', 'agreed')] }, unit: 'achieved', gaps: [], found: [] },
    {
      name: 'IQA not agreed after the sign-off: the unit is reopened',
      spec: { evidence: BOTH, signoffs: [signoff('U1', '2026-04-01')], iqa: [iqa('U1', '2026-04-10', 'not-agreed')] },
      unit: 'in-progress',
      gaps: ['iqa-not-agreed'],
      found: [],
      says: ['sign the unit off again'],
    },
    {
      name: 'signed off again after the IQA, as the gap advises: achieved, and the IQA record stays in order',
      spec: { evidence: BOTH, signoffs: [signoff('U1', '2026-04-01'), signoff('U1', '2026-04-20')], iqa: [iqa('U1', '2026-04-10', 'not-agreed')] },
      unit: 'achieved',
      gaps: [],
      found: [],
    },
    {
      name: 'signed off again, then a second summative IQA agrees',
      spec: { evidence: BOTH, signoffs: [signoff('U1', '2026-04-01'), signoff('U1', '2026-04-20')], iqa: [iqa('U1', '2026-04-10', 'not-agreed'), iqa('U1', '2026-04-30', 'agreed')] },
      unit: 'achieved',
      gaps: [],
      found: [],
    },
    {
      name: 'signed off again on the day of the IQA: the IQA still governs (the day does not order them)',
      spec: { evidence: BOTH, signoffs: [signoff('U1', '2026-04-01'), signoff('U1', '2026-04-10')], iqa: [iqa('U1', '2026-04-10', 'not-agreed')] },
      unit: 'in-progress',
      gaps: ['iqa-not-agreed'],
      found: [],
    },
    {
      name: 'the sign-off listed after the IQA in the file but dated before it is fine',
      spec: { evidence: BOTH, signoffs: [signoff('U1', '2026-04-20'), signoff('U1', '2026-04-01')], iqa: [iqa('U1', '2026-04-10', 'agreed')] },
      unit: 'achieved',
      gaps: [],
      found: [],
    },
    {
      name: 'summative IQA before the first sign-off is out of order',
      spec: { evidence: BOTH, signoffs: [signoff('U1', '2026-04-01')], iqa: [iqa('U1', '2026-03-30', 'agreed')] },
      unit: 'achieved',
      gaps: [],
      found: [['date-order', 'date']],
      says: ["before the unit's first sign-off on 2026-04-01"],
    },
    {
      name: 'summative IQA of a unit never signed off is out of order',
      spec: { evidence: BOTH, iqa: [iqa('U1', '2026-03-30', 'agreed')] },
      unit: 'ready-for-signoff',
      gaps: ['signoff-missing'],
      found: [['date-order', 'date']],
      says: ['before any sign-off of the unit'],
    },
    { name: 'an interim IQA may come before the sign-off', spec: { evidence: BOTH, signoffs: [signoff('U1', '2026-04-01')], iqa: [iqa('U1', '2026-03-30', 'agreed', 'interim')] }, unit: 'achieved', gaps: [], found: [] },
  ]);
});

describe('2. --as-of leaves out records dated after it, in check as in status', () => {
  run([
    {
      name: 'a sign-off after the as-of date is a future date, not a sign-off of an unmet unit',
      spec: { evidence: [BOTH[0]!], signoffs: [signoff('U1', '2026-07-01')] },
      unit: 'in-progress',
      gaps: ['missing'],
      found: [['future-date', 'date']],
    },
    {
      name: 'the same sign-off, judged after its date, is a sign-off of an unmet unit',
      spec: { evidence: [BOTH[0]!], signoffs: [signoff('U1', '2026-07-01')] },
      asOf: '2026-07-02',
      unit: 'in-progress',
      gaps: ['missing'],
      found: [['signoff-unmet', 'unit']],
    },
    {
      name: 'a summative IQA and the sign-off it comes before, both after the as-of date',
      spec: { evidence: BOTH, signoffs: [signoff('U1', '2026-06-20')], iqa: [iqa('U1', '2026-06-10', 'agreed')] },
      unit: 'ready-for-signoff',
      gaps: ['signoff-missing'],
      found: [
        ['future-date', 'date'],
        ['future-date', 'date'],
      ],
    },
    {
      name: 'a sign-off before the as-of date of a unit whose last assessment comes after it',
      spec: { evidence: BOTH, signoffs: [signoff('U1', '2026-03-10')] },
      asOf: '2026-03-22',
      unit: 'in-progress',
      gaps: ['awaiting-assessment'],
      found: [
        ['future-date', 'date'],
        ['signoff-unmet', 'unit'],
      ],
    },
    {
      name: 'an IQA is not their own decision because of an assessment they make after the as-of date',
      spec: { evidence: [BOTH[0]!, evidence('E3', 'U1', ['1.2'], 'observation', 'accepted', { assessment: assessed('2026-07-01', 's.patel') })], iqa: [iqa('U1', '2026-04-01', 'agreed', 'interim')] },
      unit: 'in-progress',
      gaps: ['awaiting-assessment'],
      found: [['future-date', 'date']],
    },
    {
      name: 'the same, judged after the assessment',
      spec: { evidence: [BOTH[0]!, evidence('E3', 'U1', ['1.2'], 'observation', 'accepted', { assessment: assessed('2026-07-01', 's.patel') })], iqa: [iqa('U1', '2026-04-01', 'agreed', 'interim')] },
      asOf: '2026-07-01',
      unit: 'ready-for-signoff',
      gaps: ['signoff-missing'],
      found: [['iqa-own-decision', 'by']],
    },
    {
      name: 'an item assessed before its own date, both after the as-of date: only future dates',
      spec: { evidence: [BOTH[0]!, evidence('E3', 'U1', ['1.2'], 'observation', 'accepted', { date: '2026-07-10', assessment: assessed('2026-07-05') })] },
      unit: 'in-progress',
      gaps: ['missing'],
      found: [
        ['future-date', 'date'],
        ['future-date', 'date'],
      ],
    },
  ]);

  const policy: CentreInfo = { name: 'Test', staff: new Map(), staffList: [], currencyYears: 3, loc: loc() };
  it('an old item assessed after the as-of date has no age yet', () => {
    const old = evidence('E3', 'U1', ['1.2'], 'observation', 'accepted', { date: '2020-01-01', assessment: assessed('2026-07-01') });
    const mayAssessAll = { ...policy, staff: new Map([['a.jones', { id: 'a.jones', name: 'Alex Jones', roles: new Set(['assessor']), emails: [], loc: loc() }]]) };
    expect(judge(U, { evidence: [BOTH[0]!, old] }, { centreInfo: mayAssessAll }).found).toEqual([['future-date', 'date']]);
    expect(judge(U, { evidence: [BOTH[0]!, old] }, { centreInfo: mayAssessAll, asOf: '2026-07-01' }).found).toEqual([['evidence-currency', 'date']]);
  });
});

describe('3. evidence currency: "older than N years" is after the N-th anniversary, and the age is exact', () => {
  const staff = new Map([['a.jones', { id: 'a.jones', name: 'Alex Jones', roles: new Set(['assessor']), emails: [], loc: loc() }]]);
  const policy = (years: number): CentreInfo => ({ name: 'Test', staff, staffList: [...staff.values()], currencyYears: years, loc: loc() });
  const at = (date: string, assessedOn: string) => evidence('E1', 'U1', ['1.1'], 'observation', 'accepted', { date, assessment: assessed(assessedOn) });
  it.each([
    ['on the third anniversary: exactly 3 years, current', 3, '2023-03-04', '2026-03-04', null],
    ['the day after the anniversary: too old', 3, '2023-03-04', '2026-03-05', '3 years and 1 day old'],
    ['the day before the anniversary: current', 3, '2023-03-04', '2026-03-03', null],
    ['3 years 8 months 2 days is said as such, not rounded to 3 years', 3, '2022-07-01', '2026-03-03', '3 years, 8 months and 2 days old'],
    ['4 years exactly, on a 3-year policy', 3, '2022-03-05', '2026-03-05', 'was 4 years old'],
    ['a 1-year policy, a month over', 1, '2025-01-15', '2026-02-15', '1 year and 1 month old'],
    ['29 February: the anniversary in a common year is 28 February (current on it)', 3, '2020-02-29', '2023-02-28', null],
    ['29 February: 1 March of a common year is a day over', 3, '2020-02-29', '2023-03-01', '3 years and 1 day old'],
    ['29 February: in a leap year the anniversary is 29 February', 4, '2020-02-29', '2024-02-29', null],
    ['29 February: and 1 March then is a day over', 4, '2020-02-29', '2024-03-01', '4 years and 1 day old'],
    ['a month from 31 January ends on the last day of February', 1, '2025-01-31', '2026-02-28', 'was 1 year and 1 month old'],
    ['and the day after it is a month and a day', 1, '2025-01-31', '2026-03-01', '1 year, 1 month and 1 day old'],
  ] as const)('%s', (_name, years, date, assessedOn, says) => {
    const v = judge(U, { evidence: [at(date, assessedOn)] }, { centreInfo: policy(years), asOf: '2026-12-31' });
    const currency = v.found.filter(([code]) => code === 'evidence-currency');
    if (says === null) expect(currency).toEqual([]);
    else {
      expect(currency).toEqual([['evidence-currency', 'date']]);
      expect(v.messages.join('\n')).toContain(says);
      expect(v.messages.join('\n')).toContain(`policy of ${years} year`);
    }
  });
});

describe('4. expert-witness evidence counts as expert only from an expert witness (status 1)', () => {
  const REQ = unit('U2', 3, 2, { requires: ['expert-witness'], methods: ['observation', 'witness-testimony'] });
  const ONLY_EXPERT = unit('U3', 3, 2, { methods: ['observation', 'expert-witness'] });
  const ANY_WITNESS = unit('U4', 3, 2, { methods: ['observation', 'witness-testimony'] });
  const item = (u: string, method: 'expert-witness' | 'witness-testimony', witnessId?: string, extra: Partial<Evidence> = {}) =>
    evidence('E1', u, ['1.1'], method, 'accepted', { ...(witnessId === undefined ? {} : { witness: witnessId }), ...extra });
  const listed = [witness('w-1', '1'), witness('w-2', '2'), witness('w-3', '3'), witness('w-4', '4'), witness('w-5', '5'), witness('w-none')];

  describe('a unit that requires an expert witness', () => {
    run(
      [
        { name: 'status 1: occupational expert and assessor', spec: { witnesses: listed, evidence: [item('U2', 'expert-witness', 'w-1')] }, unit: 'ready-for-signoff', gaps: ['signoff-missing'], found: [] },
        ...(['2', '3', '4', '5'] as const).map((s) => ({
          name: `status ${s}: not an expert witness, counts as witness testimony`,
          spec: { witnesses: listed, evidence: [item('U2', 'expert-witness', `w-${s}`)] },
          unit: 'in-progress' as const,
          gaps: ['witness-not-expert', 'requires-method'] as GapReason[],
          found: [['witness-not-expert', 'method']] as Found[],
          says: [`w-${s} is status ${s}`, 'only as witness testimony'],
        })),
        {
          name: 'a witness with no status recorded is not shown to be an expert',
          spec: { witnesses: listed, evidence: [item('U2', 'expert-witness', 'w-none')] },
          unit: 'in-progress',
          gaps: ['witness-not-expert', 'requires-method'],
          found: [['witness-not-expert', 'method']],
          says: ['w-none has no status recorded'],
        },
        {
          name: 'no witness named: ordinary testimony at most, with witness-missing',
          spec: { witnesses: listed, evidence: [item('U2', 'expert-witness')] },
          unit: 'in-progress',
          gaps: ['witness-not-expert', 'requires-method'],
          found: [['witness-missing', 'method']],
          says: ['no witness is named', 'names no witness, so it counts only as witness testimony'],
        },
        {
          name: 'a witness not in the list: does not count at all',
          spec: { witnesses: listed, evidence: [item('U2', 'expert-witness', 'w-9')] },
          unit: 'in-progress',
          gaps: ['witness-unknown', 'requires-method'],
          found: [['unknown-witness', 'witness']],
          says: ['E1 names witness w-9', 'so it does not count'],
        },
        {
          name: 'signed off on the strength of a status 3 "expert": the sign-off is of an unmet unit',
          spec: { witnesses: listed, evidence: [item('U2', 'expert-witness', 'w-3')], signoffs: [signoff('U2', '2026-04-01')] },
          unit: 'in-progress',
          gaps: ['witness-not-expert', 'requires-method'],
          found: [
            ['witness-not-expert', 'method'],
            ['signoff-unmet', 'unit'],
          ],
        },
      ],
      REQ,
    );
  });

  describe('a unit that accepts expert witnesses but not ordinary testimony', () => {
    run(
      [
        { name: 'status 1 counts', spec: { witnesses: listed, evidence: [item('U3', 'expert-witness', 'w-1')] }, unit: 'ready-for-signoff', gaps: ['signoff-missing'], found: [] },
        {
          name: 'status 3 counts as testimony, which the unit does not accept',
          spec: { witnesses: listed, evidence: [item('U3', 'expert-witness', 'w-3')] },
          unit: 'in-progress',
          gaps: ['witness-not-expert'],
          found: [['witness-not-expert', 'method']],
        },
      ],
      ONLY_EXPERT,
    );
  });

  describe('a unit that accepts ordinary witness testimony', () => {
    run(
      [
        {
          name: 'expert-witness from a status 3 witness counts, as testimony',
          spec: { witnesses: listed, evidence: [item('U4', 'expert-witness', 'w-3')] },
          unit: 'ready-for-signoff',
          gaps: ['signoff-missing'],
          found: [['witness-not-expert', 'method']],
        },
        { name: 'testimony from a status 5 witness counts', spec: { witnesses: listed, evidence: [item('U4', 'witness-testimony', 'w-5')] }, unit: 'ready-for-signoff', gaps: ['signoff-missing'], found: [] },
        {
          name: 'testimony naming no witness counts, with a warning',
          spec: { witnesses: listed, evidence: [item('U4', 'witness-testimony')] },
          unit: 'ready-for-signoff',
          gaps: ['signoff-missing'],
          found: [['witness-missing', 'method']],
        },
        {
          name: 'testimony from a witness not in the list does not count',
          spec: { witnesses: listed, evidence: [item('U4', 'witness-testimony', 'w-reed')] },
          unit: 'in-progress',
          gaps: ['witness-unknown'],
          found: [['unknown-witness', 'witness']],
          says: ['add the witness under witnesses'],
        },
        {
          name: 'an unknown witness beside a good item does not stop the criterion',
          spec: { witnesses: listed, evidence: [item('U4', 'witness-testimony', 'w-reed'), evidence('E2', 'U4', ['1.1'], 'observation', 'accepted')] },
          unit: 'ready-for-signoff',
          gaps: ['signoff-missing'],
          found: [['unknown-witness', 'witness']],
        },
        {
          name: 'signed off on testimony from an unknown witness: a sign-off of an unmet unit',
          spec: { witnesses: listed, evidence: [item('U4', 'witness-testimony', 'w-reed')], signoffs: [signoff('U4', '2026-04-01')] },
          unit: 'in-progress',
          gaps: ['witness-unknown'],
          found: [
            ['unknown-witness', 'witness'],
            ['signoff-unmet', 'unit'],
          ],
        },
      ],
      ANY_WITNESS,
    );
  });
});

describe('5. a sign-off counts only if every criterion was met on its date', () => {
  run([
    { name: 'signed off after the last assessment', spec: { evidence: BOTH, signoffs: [signoff('U1', '2026-04-01')] }, unit: 'achieved', gaps: [], found: [] },
    { name: 'signed off on the day of the last assessment', spec: { evidence: BOTH, signoffs: [signoff('U1', '2026-03-25')] }, unit: 'achieved', gaps: [], found: [] },
    {
      name: 'signed off before the last criterion was assessed: not achieved, and check agrees',
      spec: { evidence: BOTH, signoffs: [signoff('U1', '2026-03-10')] },
      unit: 'ready-for-signoff',
      gaps: ['signoff-early'],
      found: [['date-order', 'date']],
      says: ['signed the unit off on 2026-03-10, before 1.2 was met', 'since 2026-03-25', 'on or after 2026-03-25'],
    },
    {
      name: 'signed off after the evidence was dated but before it was assessed',
      spec: { evidence: BOTH, signoffs: [signoff('U1', '2026-03-22')] },
      unit: 'ready-for-signoff',
      gaps: ['signoff-early'],
      found: [['date-order', 'date']],
    },
    {
      name: 'signed off early, then again after the last assessment, as the gap advises: achieved, no finding',
      spec: { evidence: BOTH, signoffs: [signoff('U1', '2026-03-10'), signoff('U1', '2026-03-30')] },
      unit: 'achieved',
      gaps: [],
      found: [],
    },
    {
      name: 'signed off early twice: both are out of order',
      spec: { evidence: BOTH, signoffs: [signoff('U1', '2026-03-10'), signoff('U1', '2026-03-12')] },
      unit: 'ready-for-signoff',
      gaps: ['signoff-early'],
      found: [
        ['date-order', 'date'],
        ['date-order', 'date'],
      ],
      says: ['on 2026-03-12, before 1.2'],
    },
    {
      name: 'signed off early, and a criterion is still not met: signoff-unmet, not date-order',
      spec: { evidence: [BOTH[0]!, evidence('E2', 'U1', ['1.2'], 'observation', 'not-yet')], signoffs: [signoff('U1', '2026-03-02')] },
      unit: 'in-progress',
      gaps: ['not-yet'],
      found: [['signoff-unmet', 'unit']],
    },
    {
      name: 'signed off early, then the IQA did not agree: the IQA is the gap',
      spec: { evidence: BOTH, signoffs: [signoff('U1', '2026-03-10')], iqa: [iqa('U1', '2026-04-10', 'not-agreed')] },
      unit: 'in-progress',
      gaps: ['iqa-not-agreed'],
      found: [['date-order', 'date']],
    },
  ]);

  it('the status of each criterion is what it is today, whatever the sign-off', () => {
    expect(judge(U, { evidence: BOTH, signoffs: [signoff('U1', '2026-03-10')] }).criteria).toEqual(['met', 'met']);
  });
});

// ───────────────────── end to end on a copy of the sample centre ─────────────────────

describe('on a copy of the sample centre', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'folio-verdicts-'));
    cpSync(join(REPO, 'specs'), join(dir, 'specs'), { recursive: true });
    cpSync(join(REPO, 'portfolios'), join(dir, 'portfolios'), { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const json = async (args: string[]) => {
    const r = await folio([...args, '-C', dir, '--format', 'json']);
    return { code: r.code, data: JSON.parse(r.stdout) };
  };

  it('1. signing A/506/1964 off again after the IQA "not agreed" makes it achieved, and check stays clean', async () => {
    const asOf = ['--as-of', '2026-12-01'];
    const before = await json(['gaps', 'NT-0151', ...asOf]);
    expect(before.data.gaps.filter((g: { unit: string }) => g.unit === 'A/506/1964').map((g: { reason: string }) => g.reason)).toContain('iqa-not-agreed');

    const file = join(dir, 'portfolios/NT-0151/portfolio.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('  - { unit: A/506/1964, by: a.jones, date: 2026-10-12 }\n', '  - { unit: A/506/1964, by: a.jones, date: 2026-10-12 }\n  - { unit: A/506/1964, by: a.jones, date: 2026-11-20 }\n'));
    try {
      const check = await json(['check', ...asOf]);
      expect(check.data.diagnostics).toEqual([]);
      expect(check.code).toBe(0);
      const status = await json(['status', 'NT-0151', ...asOf]);
      const u = status.data.learners[0].units.find((x: { id: string }) => x.id === 'A/506/1964');
      expect(u.status).toBe('achieved');
      expect(u.signoff).toEqual({ by: 'a.jones', date: '2026-11-20' });
      const gaps = await json(['gaps', 'NT-0151', ...asOf]);
      expect(gaps.data.gaps.filter((g: { unit: string }) => g.unit === 'A/506/1964')).toEqual([]);
    } finally {
      writeFileSync(file, text);
    }
  });

  it('2. check --as-of reports records dated later as future dates only, and agrees with status on every sign-off', async () => {
    const asOf = '2026-06-30';
    const check = await json(['check', '--as-of', asOf]);
    const codes = new Set(check.data.diagnostics.map((d: { code: string }) => d.code));
    expect([...codes]).toEqual(['future-date']);
    for (const d of check.data.diagnostics) expect(d.message).toMatch(/ (\d{4}-\d{2}-\d{2}), after today \(2026-06-30\)/);

    // Every sign-off check leaves standing is one status counts, and the other way round.
    const status = await json(['status', '--as-of', asOf]);
    for (const l of status.data.learners) {
      for (const u of l.units) {
        if (u.signoff) {
          expect(u.signoff.date <= asOf).toBe(true);
          expect(u.status, `${l.id} ${u.id}`).toBe('achieved');
        }
      }
    }
    // Judged today, the same centre is clean.
    expect((await json(['check', '--as-of', '2026-12-01'])).data.diagnostics).toEqual([]);
  });
});
