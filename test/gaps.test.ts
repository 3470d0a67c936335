// Rule case table for gaps (DESIGN.md "Gaps"): for small learners evaluated on hand-built
// models, the reasons gapsOf gives, where they point, and the figures each message names.
import { describe, expect, it } from 'vitest';
import type { Method } from '../src/schema/common.js';
import { GAP_REASONS, gapsOf, type GapReason } from '../src/status/gaps.js';
import { evaluateLearner } from '../src/status/learner.js';

// ───────────────────────── builders ─────────────────────────
import { buildIndex } from '../src/model/index.js';
import type { Evidence, Qualification, Unit } from '../src/model/types.js';
import { loc, unit, group, qual, centre, evidence, learner, signoff, witness, type LearnerSpec } from './model-builders.js';

const AS_OF = '2026-06-01';

// ───────────────────────── the table ─────────────────────────

/** [reason, unit, criterion, texts the message must contain] */
type Want = [GapReason, string | null, string | null, string[]];

interface GapCase {
  name: string;
  units: Unit[];
  /** undefined: the learner's qualification has no specification. */
  q: Qualification | undefined;
  learner: LearnerSpec;
  gaps: Want[];
}

const two = unit('M1', 5, 2, { criteria: ['1.1', '1.2'] });
const m2 = unit('M2', 4, 2);
const a1 = unit('A1', 3, 2);
const a2 = unit('A2', 4, 2);
const ax = unit('AX', undefined, 2);
const b = ['B1', 'B2', 'B3'].map((id) => unit(id, 3, 2));
const mandatory = (ids: string[]) => group('mandatory', ids, { required: 'all' });
const accepted = (id: string, unitRef: string, method: Method, extra: Partial<Evidence> = {}) => evidence(id, unitRef, ['1.1'], method, 'accepted', extra);

const cases: GapCase[] = [
  {
    name: 'missing: one of two criteria has no evidence',
    units: [two],
    q: qual([mandatory(['M1'])]),
    learner: { evidence: [evidence('E01', 'M1', ['1.1'], 'observation', 'accepted')] },
    gaps: [
      ['missing', 'M1', '1.2', ['No evidence covers 1.2']],
      ['mandatory-unit-missing', 'M1', null, ['Mandatory unit M1', 'in progress, 1/2 criteria met']],
    ],
  },
  {
    name: 'awaiting-assessment: evidence not yet assessed',
    units: [m2],
    q: qual([mandatory(['M2'])]),
    learner: { progress: { M2: 'pending' } },
    gaps: [
      ['awaiting-assessment', 'M2', '1.1', ['E01 awaits assessment']],
      ['mandatory-unit-missing', 'M2', null, ['M2', '0/1 criteria met']],
    ],
  },
  {
    name: 'not-yet: the only item was referred',
    units: [m2],
    q: qual([mandatory(['M2'])]),
    learner: { progress: { M2: 'not-yet' } },
    gaps: [
      ['not-yet', 'M2', '1.1', ['E01 was assessed not yet']],
      ['mandatory-unit-missing', 'M2', null, ['M2', '0/1 criteria met']],
    ],
  },
  {
    name: 'method-not-accepted: witness testimony where only observation counts',
    units: [unit('M3', 3, 2, { methods: ['observation'] })],
    q: qual([mandatory(['M3'])]),
    learner: { evidence: [accepted('E09', 'M3', 'witness-testimony')] },
    gaps: [
      ['method-not-accepted', 'M3', '1.1', ['E09 uses a method', 'add evidence by observation']],
      ['mandatory-unit-missing', 'M3', null, ['M3']],
    ],
  },
  {
    name: 'needs-more-evidence: min-evidence 2 with one accepted',
    units: [unit('M4', 3, 2, { minEvidence: 2 })],
    q: qual([mandatory(['M4'])]),
    learner: { evidence: [accepted('E03', 'M4', 'observation')] },
    gaps: [
      ['needs-more-evidence', 'M4', '1.1', ['Needs 2 accepted items, has 1 (E03)', '1 more']],
      ['mandatory-unit-missing', 'M4', null, ['M4', '0/1 criteria met']],
    ],
  },
  {
    name: 'requires-method: only witness testimony accepted',
    units: [unit('M5', 3, 2, { requires: ['observation', 'expert-witness'] })],
    q: qual([mandatory(['M5'])]),
    learner: { evidence: [accepted('E04', 'M5', 'witness-testimony')] },
    gaps: [
      ['requires-method', 'M5', '1.1', ['observation or expert witness']],
      ['mandatory-unit-missing', 'M5', null, ['M5']],
    ],
  },
  {
    name: 'evidence-file-missing: the accepted item has no file',
    units: [m2],
    q: qual([mandatory(['M2'])]),
    learner: { evidence: [accepted('E05', 'M2', 'work-product', { location: { kind: 'file', value: 'evidence/E05.pdf' }, fileProblem: 'missing' })] },
    gaps: [
      ['evidence-file-missing', 'M2', '1.1', ['The file of E05 does not exist']],
      ['mandatory-unit-missing', 'M2', null, ['M2']],
    ],
  },
  {
    name: 'signoff-missing: every criterion met, no sign-off',
    units: [two],
    q: qual([mandatory(['M1'])]),
    learner: { assessor: 'a.jones', progress: { M1: 'unsigned' } },
    gaps: [
      ['signoff-missing', 'M1', null, ['All 2 criteria are met', 'a.jones can sign the unit off']],
      ['mandatory-unit-missing', 'M1', null, ['M1', 'ready for signoff, 2/2 criteria met']],
    ],
  },
  {
    name: 'iqa-not-agreed: the IQA disagreed after sign-off',
    units: [m2],
    q: qual([mandatory(['M2'])]),
    learner: {
      progress: { M2: 'achieved' },
      iqa: [{ unitRef: 'M2', by: 's.patel', date: '2026-04-10', stage: 'summative', decision: 'not-agreed', evidence: [], loc: loc() }],
    },
    gaps: [
      ['iqa-not-agreed', 'M2', null, ['IQA s.patel', '2026-04-10']],
      ['mandatory-unit-missing', 'M2', null, ['M2', '1/1 criteria met']],
    ],
  },
  {
    name: 'witness-unknown: accepted testimony from a witness the portfolio does not list',
    units: [m2],
    q: qual([mandatory(['M2'])]),
    learner: { witnesses: [witness('w-reed', '3')], evidence: [accepted('E06', 'M2', 'witness-testimony', { witness: 'w-read' })] },
    gaps: [
      ['witness-unknown', 'M2', '1.1', ['E06 names witness w-read', "not in this portfolio's witnesses", 'add the witness under witnesses']],
      ['mandatory-unit-missing', 'M2', null, ['M2']],
    ],
  },
  {
    name: 'witness-not-expert: the required expert witness is a status 3 witness',
    units: [unit('M6', 3, 2, { requires: ['expert-witness'] })],
    q: qual([mandatory(['M6'])]),
    learner: { witnesses: [witness('w-reed', '3')], evidence: [accepted('E07', 'M6', 'expert-witness', { witness: 'w-reed' })] },
    gaps: [
      ['witness-not-expert', 'M6', '1.1', ['E07 is expert-witness evidence', 'E07: w-reed is status 3', 'only as witness testimony', 'status 1']],
      ['requires-method', 'M6', '1.1', ['expert witness']],
      ['mandatory-unit-missing', 'M6', null, ['M6']],
    ],
  },
  {
    name: 'signoff-early: signed off before the last criterion was assessed',
    units: [two],
    q: qual([mandatory(['M1'])]),
    learner: {
      evidence: [evidence('E01', 'M1', ['1.1'], 'observation', 'accepted'), evidence('E02', 'M1', ['1.2'], 'observation', 'accepted', { date: '2026-03-20', assessment: { by: 'a.jones', date: '2026-03-25', decision: 'accepted', loc: loc() } })],
      signoffs: [signoff('M1', '2026-03-10')],
    },
    gaps: [
      ['signoff-early', 'M1', null, ['a.jones signed the unit off on 2026-03-10, before 1.2 was met', 'does not count', 'since 2026-03-25', 'sign the unit off again']],
      ['mandatory-unit-missing', 'M1', null, ['M1', 'ready for signoff, 2/2 criteria met']],
    ],
  },
  {
    name: 'unit-spec-missing: a mandatory unit has no specification',
    units: [m2],
    q: qual([mandatory(['M2', 'H/506/2154'])]),
    learner: { progress: { M2: 'achieved' } },
    gaps: [
      ['unit-spec-missing', 'H/506/2154', null, ['H/506/2154', 'specs/units/H-506-2154.yaml']],
      ['mandatory-unit-missing', 'H/506/2154', null, ['Mandatory unit H/506/2154']],
    ],
  },
  {
    name: 'qualification-spec-missing: nothing else is reported',
    units: [m2],
    q: undefined,
    learner: { progress: { M2: 'pending' } },
    gaps: [['qualification-spec-missing', null, null, ['601/3734/4', 'specs/qualifications/601-3734-4.yaml']]],
  },
  {
    name: 'group-credits-short: the chosen unit would cover it once achieved',
    units: [a1, a2],
    q: qual([group('A', ['A1', 'A2'], { minCredits: 5 })]),
    learner: { optional: ['A1', 'A2'], progress: { A1: 'achieved', A2: 'pending' } },
    gaps: [
      ['awaiting-assessment', 'A2', '1.1', ['E02 awaits assessment']],
      ['group-credits-short', null, null, ['Group A needs 5 credits, 3 achieved', '2 more', 'A2 (4)']],
    ],
  },
  {
    name: 'unit-not-chosen: chosen units cannot reach the group minimum',
    units: [a1, a2],
    q: qual([group('A', ['A1', 'A2'], { minCredits: 5 })]),
    learner: { optional: ['A1'], progress: { A1: 'achieved' } },
    gaps: [['unit-not-chosen', null, null, ['Group A needs 5 credits', 'give 3', 'worth 2 more credits']]],
  },
  {
    name: 'group-units-short: one more unit to achieve',
    units: b,
    q: qual([group('B', ['B1', 'B2', 'B3'], { minUnits: 2 })]),
    learner: { optional: ['B1', 'B2'], progress: { B1: 'achieved', B2: 'not-yet' } },
    gaps: [
      ['not-yet', 'B2', '1.1', ['E02 was assessed not yet']],
      ['group-units-short', null, null, ['Group B needs 2 units, 1 achieved', '1 more']],
    ],
  },
  {
    name: 'unit-not-chosen: too few units chosen for min-units',
    units: b,
    q: qual([group('B', ['B1', 'B2', 'B3'], { minUnits: 3 })]),
    learner: { optional: ['B1'], progress: { B1: 'achieved' } },
    gaps: [['unit-not-chosen', null, null, ['Group B needs 3 units', 'make 1', 'choose 2 more']]],
  },
  {
    name: 'total-credits-short: 4 of 10',
    units: [m2, a1],
    q: qual([mandatory(['M2']), group('A', ['A1'])], { minCredits: 10 }),
    learner: { optional: ['A1'], progress: { M2: 'achieved', A1: 'pending' } },
    gaps: [
      ['awaiting-assessment', 'A1', '1.1', ['E02']],
      ['total-credits-short', null, null, ['10 credits needed in total, 4 achieved', '6 more']],
    ],
  },
  {
    name: 'level-credits-short: no credits at level 3',
    units: [m2],
    q: qual([mandatory(['M2'])], { atLevel: { level: 3, credits: 4 } }),
    learner: { progress: { M2: 'achieved' } },
    gaps: [['level-credits-short', null, null, ['at level 3', '0 counted', '4 more credits']]],
  },
  {
    name: 'credits-unknown: an achieved unit has no credit value',
    units: [a1, ax],
    q: qual([group('A', ['A1', 'AX'], { minCredits: 5 })]),
    learner: { optional: ['A1', 'AX'], progress: { A1: 'achieved', AX: 'achieved' } },
    gaps: [['credits-unknown', null, null, ['Group A', '3 known', 'credit value of AX is added']]],
  },
  {
    name: 'barred-combination: both units of a barred pair',
    units: [a1, a2],
    q: qual([group('A', ['A1', 'A2'])], { barred: [['A1', 'A2']] }),
    learner: { optional: ['A1', 'A2'], progress: { A1: 'achieved', A2: 'achieved' } },
    gaps: [['barred-combination', null, null, ['A1 and A2 may not be combined', 'keep one of them']]],
  },
  {
    name: 'achieved: no gaps',
    units: [two, a1, a2],
    q: qual([mandatory(['M1']), group('A', ['A1', 'A2'], { minCredits: 3 })], { minCredits: 8 }),
    learner: { optional: ['A1'], progress: { M1: 'achieved', A1: 'achieved' } },
    gaps: [],
  },
];

describe('gapsOf', () => {
  it.each(cases)('$name', ({ units, q, learner: spec, gaps: want }) => {
    const l = learner(units, spec);
    const r = evaluateLearner(l, buildIndex(centre(units, q ? [q] : [], [l])), undefined, AS_OF);
    const gaps = gapsOf(r);
    expect(gaps.map((g) => [g.reason, g.unit, g.criterion])).toEqual(want.map(([reason, u, c]) => [reason, u, c]));
    gaps.forEach((g, i) => {
      expect(g.learner).toBe('NT-0001');
      for (const text of want[i]![3]) expect(g.message, `gap ${i} (${g.reason})`).toContain(text);
    });
    if (want.length === 0) expect(r.status).toBe('achieved');
    else expect(r.status).not.toBe('achieved');
  });

  it('every reason in GAP_REASONS is produced by some case in the table', () => {
    const l = (c: GapCase) => learner(c.units, c.learner);
    const seen = new Set(cases.flatMap((c) => {
      const x = l(c);
      return gapsOf(evaluateLearner(x, buildIndex(centre(c.units, c.q ? [c.q] : [], [x])), undefined, AS_OF)).map((g) => g.reason);
    }));
    expect([...GAP_REASONS].filter((r) => !seen.has(r))).toEqual([]);
  });
});
