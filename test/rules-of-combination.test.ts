// Rule case tables for the rules of combination (DESIGN.md "Qualification specification") and
// the qualification status that follows from them ("What each status means").
import { describe, expect, it } from 'vitest';
import { evaluateLearner } from '../src/status/learner.js';
import { evaluateRules } from '../src/status/roc.js';
import type { QualificationStatus, RuleResult, RuleStatus, UnitResult, UnitStatus } from '../src/status/types.js';

// ───────────────────────── builders ─────────────────────────
import { buildIndex } from '../src/model/index.js';
import type { Qualification, Unit } from '../src/model/types.js';
import { unit, group, qual, centre, indexOf, learner, type LearnerSpec } from './model-builders.js';

/** A unit result as the status engine would give it, for evaluateRules directly. */
function result(id: string, status: UnitStatus, mandatory = false): UnitResult {
  return { id, status, mandatory, criteria: [], met: 0, total: 1 };
}

const AS_OF = '2026-06-01';

// ───────────────────────── evaluateRules ─────────────────────────

type Expect = Partial<Pick<RuleResult, 'status' | 'have' | 'need' | 'units' | 'unknownUnits' | 'planned'>>;

interface RocCase {
  name: string;
  /** [id, credits, level] */
  units: [string, number | undefined, number | undefined][];
  q: Qualification;
  achieved: string[];
  /** Units with a status other than achieved (default: in-progress), for planned credits. */
  others?: Record<string, UnitStatus>;
  chosen?: string[];
  mandatory?: string[];
  rules: Record<string, Expect>;
  /** Credits achieved in total, after caps. */
  total?: number;
}

const rocCases: RocCase[] = [
  // required: all
  {
    name: 'required all: every unit achieved',
    units: [['M1', 5, 2], ['M2', 2, 2]],
    q: qual([group('mandatory', ['M1', 'M2'], { required: 'all' })]),
    achieved: ['M1', 'M2'],
    mandatory: ['M1', 'M2'],
    rules: { 'mandatory.required': { status: 'met', need: 2, have: 2, units: [] } },
    total: 7,
  },
  {
    name: 'required all: one unit not achieved',
    units: [['M1', 5, 2], ['M2', 2, 2]],
    q: qual([group('mandatory', ['M1', 'M2'], { required: 'all' })]),
    achieved: ['M1'],
    others: { M2: 'ready-for-signoff' },
    mandatory: ['M1', 'M2'],
    rules: { 'mandatory.required': { status: 'unmet', need: 2, have: 1, units: ['M2'] } },
    total: 5,
  },
  {
    name: 'required all: a unit named by its alias is matched to its number',
    units: [['A/506/2130', 5, 2]],
    q: qual([group('mandatory', ['201'], { required: 'all' })]),
    achieved: ['A/506/2130'],
    rules: { 'mandatory.required': { status: 'met', need: 1, have: 1 } },
    total: 5,
  },

  // group min-credits
  {
    name: 'group min-credits met exactly',
    units: [['A1', 3, 2], ['A2', 3, 2]],
    q: qual([group('A', ['A1', 'A2'], { minCredits: 3 })]),
    achieved: ['A1'],
    chosen: ['A1'],
    rules: { 'A.min-credits': { status: 'met', need: 3, have: 3 } },
    total: 3,
  },
  {
    name: 'group min-credits unmet: 3 of 5, a chosen unit in progress is planned, not counted',
    units: [['A1', 3, 2], ['A2', 4, 2]],
    q: qual([group('A', ['A1', 'A2'], { minCredits: 5 })]),
    achieved: ['A1'],
    others: { A2: 'in-progress' },
    chosen: ['A1', 'A2'],
    rules: { 'A.min-credits': { status: 'unmet', need: 5, have: 3, planned: 4, units: ['A2'] } },
    total: 3,
  },
  {
    name: 'group min-credits unknown: an achieved unit has no credits and known credits fall short',
    units: [['A1', 3, 2], ['A3', undefined, 2]],
    q: qual([group('A', ['A1', 'A3'], { minCredits: 5 })]),
    achieved: ['A1', 'A3'],
    rules: { 'A.min-credits': { status: 'unknown', need: 5, have: 3, unknownUnits: ['A3'] } },
    total: 3,
  },
  {
    name: 'group min-credits met: known credits suffice despite an unknown one',
    units: [['A1', 3, 2], ['A3', undefined, 2]],
    q: qual([group('A', ['A1', 'A3'], { minCredits: 3 })]),
    achieved: ['A1', 'A3'],
    rules: { 'A.min-credits': { status: 'met', need: 3, have: 3 } },
    total: 3,
  },
  {
    name: 'group min-credits: an unknown unit that is not achieved does not make it unknown',
    units: [['A1', 3, 2], ['A3', undefined, 2]],
    q: qual([group('A', ['A1', 'A3'], { minCredits: 5 })]),
    achieved: ['A1'],
    chosen: ['A1', 'A3'],
    rules: { 'A.min-credits': { status: 'unmet', need: 5, have: 3, planned: 0, unknownUnits: ['A3'] } },
    total: 3,
  },

  // max-credits
  {
    name: 'max-credits caps the total: 9 achieved in a max-7 group count 7 (total min 8 unmet)',
    units: [['C1', 5, 2], ['C2', 4, 2]],
    q: qual([group('C', ['C1', 'C2'], { maxCredits: 7 })], { minCredits: 8 }),
    achieved: ['C1', 'C2'],
    rules: { 'C.max-credits': { status: 'met', need: 7, have: 9 }, 'min-credits': { status: 'unmet', need: 8, have: 7 } },
    total: 7,
  },
  {
    name: 'max-credits: the capped 7 still meets a total min of 7',
    units: [['C1', 5, 2], ['C2', 4, 2]],
    q: qual([group('C', ['C1', 'C2'], { maxCredits: 7 })], { minCredits: 7 }),
    achieved: ['C1', 'C2'],
    rules: { 'C.max-credits': { status: 'met', have: 9 }, 'min-credits': { status: 'met', need: 7, have: 7 } },
    total: 7,
  },
  {
    name: 'max-credits below the cap counts everything',
    units: [['C1', 5, 2], ['C2', 4, 2]],
    q: qual([group('C', ['C1', 'C2'], { maxCredits: 7 })], { minCredits: 5 }),
    achieved: ['C1'],
    rules: { 'C.max-credits': { status: 'met', need: 7, have: 5 }, 'min-credits': { status: 'met', have: 5 } },
    total: 5,
  },
  {
    name: 'max-credits with a min-credits group: group minimum counts uncapped, total capped',
    units: [['M1', 10, 2], ['C1', 5, 2], ['C2', 4, 2]],
    q: qual([group('mandatory', ['M1'], { required: 'all' }), group('C', ['C1', 'C2'], { minCredits: 8, maxCredits: 7 })], { minCredits: 18 }),
    achieved: ['M1', 'C1', 'C2'],
    rules: { 'C.min-credits': { status: 'met', need: 8, have: 9 }, 'min-credits': { status: 'unmet', need: 18, have: 17 } },
    total: 17,
  },

  // min-units / max-units
  {
    name: 'min-units unmet: 1 of 2 achieved',
    units: [['B1', 3, 2], ['B2', 3, 2], ['B3', 3, 2]],
    q: qual([group('B', ['B1', 'B2', 'B3'], { minUnits: 2 })]),
    achieved: ['B1'],
    chosen: ['B1', 'B2'],
    rules: { 'B.min-units': { status: 'unmet', need: 2, have: 1, planned: 1 } },
    total: 3,
  },
  {
    name: 'min-units met: 2 of 2 achieved',
    units: [['B1', 3, 2], ['B2', 3, 2], ['B3', 3, 2]],
    q: qual([group('B', ['B1', 'B2', 'B3'], { minUnits: 2 })]),
    achieved: ['B1', 'B2'],
    rules: { 'B.min-units': { status: 'met', need: 2, have: 2 } },
    total: 6,
  },
  {
    name: 'min-units counts units without credits too',
    units: [['B1', undefined, 2], ['B2', undefined, 2]],
    q: qual([group('B', ['B1', 'B2'], { minUnits: 2 })]),
    achieved: ['B1', 'B2'],
    rules: { 'B.min-units': { status: 'met', need: 2, have: 2 } },
    total: 0,
  },
  {
    name: 'max-units: two achieved in a max-1 group, only the best unit counts towards the total',
    units: [['B1', 5, 2], ['B2', 3, 2]],
    q: qual([group('B', ['B1', 'B2'], { maxUnits: 1 })], { minCredits: 6 }),
    achieved: ['B1', 'B2'],
    rules: { 'B.max-units': { status: 'met', need: 1, have: 2 }, 'min-credits': { status: 'unmet', need: 6, have: 5 } },
    total: 5,
  },

  // total min-credits
  {
    name: 'total min-credits unknown: known 3 of 5, one achieved unit without credits',
    units: [['A1', 3, 2], ['A3', undefined, 2]],
    q: qual([group('A', ['A1', 'A3'])], { minCredits: 5 }),
    achieved: ['A1', 'A3'],
    rules: { 'min-credits': { status: 'unknown', need: 5, have: 3, unknownUnits: ['A3'] } },
    total: 3,
  },
  {
    name: 'total min-credits met despite an unknown unit',
    units: [['A1', 3, 2], ['A3', undefined, 2]],
    q: qual([group('A', ['A1', 'A3'])], { minCredits: 3 }),
    achieved: ['A1', 'A3'],
    rules: { 'min-credits': { status: 'met', need: 3, have: 3 } },
    total: 3,
  },
  {
    name: 'total min-credits unmet, not unknown, when the unknown unit sits in a group already at its cap',
    units: [['C1', 5, 2], ['C3', undefined, 2]],
    q: qual([group('C', ['C1', 'C3'], { maxCredits: 3 })], { minCredits: 10 }),
    achieved: ['C1', 'C3'],
    rules: { 'min-credits': { status: 'unmet', need: 10, have: 3 } },
    total: 3,
  },
  {
    name: 'total min-credits: units in progress count nothing',
    units: [['A1', 3, 2], ['A2', 4, 2]],
    q: qual([group('A', ['A1', 'A2'])], { minCredits: 3 }),
    achieved: [],
    others: { A1: 'ready-for-signoff', A2: 'in-progress' },
    chosen: ['A1', 'A2'],
    rules: { 'min-credits': { status: 'unmet', need: 3, have: 0 } },
    total: 0,
  },
  {
    name: 'total min-credits sums across groups',
    units: [['M1', 5, 2], ['A1', 3, 2], ['B1', 4, 2]],
    q: qual([group('mandatory', ['M1'], { required: 'all' }), group('A', ['A1']), group('B', ['B1'])], { minCredits: 12 }),
    achieved: ['M1', 'A1', 'B1'],
    rules: { 'min-credits': { status: 'met', need: 12, have: 12 } },
    total: 12,
  },

  // min-credits-at-level
  {
    name: 'min-credits-at-level met: 4 credits at level 3',
    units: [['L2', 5, 2], ['L3', 4, 3]],
    q: qual([group('A', ['L2', 'L3'])], { atLevel: { level: 3, credits: 4 } }),
    achieved: ['L2', 'L3'],
    rules: { 'min-credits-at-level': { status: 'met', need: 4, have: 4 } },
    total: 9,
  },
  {
    name: 'min-credits-at-level unmet: level 2 credits do not count at level 3',
    units: [['L2', 5, 2], ['L3', 4, 3]],
    q: qual([group('A', ['L2', 'L3'])], { atLevel: { level: 3, credits: 5 } }),
    achieved: ['L2', 'L3'],
    rules: { 'min-credits-at-level': { status: 'unmet', need: 5, have: 4 } },
    total: 9,
  },
  {
    name: 'min-credits-at-level counts higher levels as "at or above"',
    units: [['L2', 5, 2], ['L3', 4, 3]],
    q: qual([group('A', ['L2', 'L3'])], { atLevel: { level: 2, credits: 9 } }),
    achieved: ['L2', 'L3'],
    rules: { 'min-credits-at-level': { status: 'met', need: 9, have: 9 } },
    total: 9,
  },
  {
    name: 'min-credits-at-level unknown: an achieved unit has no level',
    units: [['L3', 4, 3], ['LX', 5, undefined]],
    q: qual([group('A', ['L3', 'LX'])], { atLevel: { level: 3, credits: 6 } }),
    achieved: ['L3', 'LX'],
    rules: { 'min-credits-at-level': { status: 'unknown', need: 6, have: 4, unknownUnits: ['LX'] } },
    total: 9,
  },
  {
    name: 'min-credits-at-level counts only credits that count: a max-credits cap cuts at-level credits first',
    units: [['L2', 5, 2], ['L3', 4, 3]],
    q: qual([group('A', ['L2', 'L3'], { maxCredits: 6 })], { atLevel: { level: 3, credits: 2 } }),
    achieved: ['L2', 'L3'],
    rules: { 'min-credits-at-level': { status: 'unmet', need: 2, have: 1 } },
    total: 6,
  },

  // barred
  {
    name: 'barred pair: both chosen',
    units: [['B1', 3, 2], ['B2', 3, 2]],
    q: qual([group('B', ['B1', 'B2'])], { barred: [['B1', 'B2']] }),
    achieved: [],
    chosen: ['B1', 'B2'],
    rules: { 'barred.1': { status: 'unmet', units: ['B1', 'B2'] } },
    total: 0,
  },
  {
    name: 'barred pair: only one chosen',
    units: [['B1', 3, 2], ['B2', 3, 2]],
    q: qual([group('B', ['B1', 'B2'])], { barred: [['B1', 'B2']] }),
    achieved: [],
    chosen: ['B1'],
    rules: { 'barred.1': { status: 'met', units: ['B1'] } },
    total: 0,
  },
  {
    name: 'barred pair: one achieved without being chosen, the other chosen',
    units: [['B1', 3, 2], ['B2', 3, 2]],
    q: qual([group('B', ['B1', 'B2'])], { barred: [['B1', 'B2']] }),
    achieved: ['B1'],
    chosen: ['B2'],
    rules: { 'barred.1': { status: 'unmet', units: ['B1', 'B2'] } },
    total: 3,
  },
  {
    name: 'barred pair: second pair numbered barred.2',
    units: [['B1', 3, 2], ['B2', 3, 2], ['B3', 3, 2], ['B4', 3, 2]],
    q: qual([group('B', ['B1', 'B2', 'B3', 'B4'])], { barred: [['B1', 'B2'], ['B3', 'B4']] }),
    achieved: [],
    chosen: ['B1', 'B3', 'B4'],
    rules: { 'barred.1': { status: 'met' }, 'barred.2': { status: 'unmet', units: ['B3', 'B4'] } },
    total: 0,
  },
];

describe('evaluateRules', () => {
  it.each(rocCases)('$name', ({ units: defs, q, achieved, others, chosen, mandatory, rules, total }) => {
    const specs = defs.map(([id, credits, level]) => unit(id, credits, level, id === 'A/506/2130' ? { aliases: ['201'] } : {}));
    const index = indexOf(specs, [q]);
    const mand = new Set(mandatory ?? []);
    const results = [
      ...achieved.map((id) => result(id, 'achieved', mand.has(id))),
      ...Object.entries(others ?? {}).map(([id, s]) => result(id, s, mand.has(id))),
    ];
    const roc = evaluateRules(q, results, index, new Set(chosen ?? []));
    const byId = new Map(roc.rules.map((r) => [r.id, r]));
    for (const [id, want] of Object.entries(rules)) {
      expect(byId.get(id), `rule ${id} among ${[...byId.keys()].join(', ')}`).toMatchObject(want);
    }
    if (total !== undefined) expect(roc.credits.achieved).toBe(total);
  });

  it('lists one rule per stated rule, in group order then totals then barred pairs', () => {
    const specs = [unit('M1', 5, 2), unit('A1', 3, 2), unit('C1', 2, 2)];
    const q = qual(
      [group('mandatory', ['M1'], { required: 'all' }), group('A', ['A1'], { minCredits: 3, minUnits: 1, maxUnits: 1 }), group('C', ['C1'], { maxCredits: 7 })],
      { minCredits: 10, atLevel: { level: 2, credits: 8 }, barred: [['A1', 'C1']] },
    );
    const roc = evaluateRules(q, [], indexOf(specs, [q]), new Set());
    expect(roc.rules.map((r) => `${r.id}:${r.kind}:${r.status}`)).toEqual([
      'mandatory.required:required:unmet',
      'A.min-credits:min-credits:unmet',
      'A.min-units:min-units:unmet',
      'A.max-units:max-units:met',
      'C.max-credits:max-credits:met',
      'min-credits:total-credits:unmet',
      'min-credits-at-level:level-credits:unmet',
      'barred.1:barred:met',
    ]);
  });
});

// ───────────────────────── qualification status (evaluateLearner) ─────────────────────────

interface QualCase {
  name: string;
  units: Unit[];
  q: Qualification;
  learner: LearnerSpec;
  status: QualificationStatus;
  rules: Record<string, RuleStatus>;
  credits?: { achieved: number; required: number | null };
}

const core = [unit('M1', 5, 2, { criteria: ['1.1', '1.2'] }), unit('M2', 4, 2), unit('A1', 3, 2), unit('A2', 3, 2), unit('AX', undefined, 2)];

const qualCases: QualCase[] = [
  {
    name: 'every rule met → achieved',
    units: core,
    q: qual([group('mandatory', ['M1', 'M2'], { required: 'all' }), group('A', ['A1', 'A2'], { minCredits: 3 })], { minCredits: 12 }),
    learner: { optional: ['A1'], progress: { M1: 'achieved', M2: 'achieved', A1: 'achieved' } },
    status: 'achieved',
    rules: { 'mandatory.required': 'met', 'A.min-credits': 'met', 'min-credits': 'met' },
    credits: { achieved: 12, required: 12 },
  },
  {
    name: 'a mandatory unit ready for sign-off but not signed → in progress',
    units: core,
    q: qual([group('mandatory', ['M1', 'M2'], { required: 'all' }), group('A', ['A1', 'A2'], { minCredits: 3 })], { minCredits: 12 }),
    learner: { optional: ['A1'], progress: { M1: 'achieved', M2: 'unsigned', A1: 'achieved' } },
    status: 'in-progress',
    rules: { 'mandatory.required': 'unmet', 'A.min-credits': 'met', 'min-credits': 'unmet' },
    credits: { achieved: 8, required: 12 },
  },
  {
    name: 'total credits short by one → in progress',
    units: core,
    q: qual([group('mandatory', ['M1', 'M2'], { required: 'all' }), group('A', ['A1', 'A2'])], { minCredits: 13 }),
    learner: { optional: ['A1'], progress: { M1: 'achieved', M2: 'achieved', A1: 'achieved' } },
    status: 'in-progress',
    rules: { 'mandatory.required': 'met', 'min-credits': 'unmet' },
    credits: { achieved: 12, required: 13 },
  },
  {
    name: 'the only open rule is unknown → not achieved',
    units: core,
    q: qual([group('mandatory', ['M1', 'M2'], { required: 'all' }), group('A', ['A1', 'AX'], { minCredits: 5 })]),
    learner: { optional: ['A1', 'AX'], progress: { M1: 'achieved', M2: 'achieved', A1: 'achieved', AX: 'achieved' } },
    status: 'in-progress',
    rules: { 'mandatory.required': 'met', 'A.min-credits': 'unknown' },
    credits: { achieved: 12, required: null },
  },
  {
    name: 'total credits unknown → not achieved',
    units: core,
    q: qual([group('mandatory', ['M1', 'M2'], { required: 'all' }), group('A', ['A1', 'AX'])], { minCredits: 14 }),
    learner: { optional: ['A1', 'AX'], progress: { M1: 'achieved', M2: 'achieved', A1: 'achieved', AX: 'achieved' } },
    status: 'in-progress',
    rules: { 'mandatory.required': 'met', 'min-credits': 'unknown' },
    credits: { achieved: 12, required: 14 },
  },
  {
    name: 'an unknown credit value does not matter once known credits suffice → achieved',
    units: core,
    q: qual([group('mandatory', ['M1', 'M2'], { required: 'all' }), group('A', ['A1', 'AX'], { minCredits: 3 })], { minCredits: 12 }),
    learner: { optional: ['A1', 'AX'], progress: { M1: 'achieved', M2: 'achieved', A1: 'achieved', AX: 'achieved' } },
    status: 'achieved',
    rules: { 'mandatory.required': 'met', 'A.min-credits': 'met', 'min-credits': 'met' },
    credits: { achieved: 12, required: 12 },
  },
  {
    name: 'barred pair chosen → not achieved even with everything else met',
    units: core,
    q: qual([group('mandatory', ['M1', 'M2'], { required: 'all' }), group('A', ['A1', 'A2'], { minCredits: 3 })], { barred: [['A1', 'A2']] }),
    learner: { optional: ['A1', 'A2'], progress: { M1: 'achieved', M2: 'achieved', A1: 'achieved' } },
    status: 'in-progress',
    rules: { 'mandatory.required': 'met', 'A.min-credits': 'met', 'barred.1': 'unmet' },
  },
  {
    name: 'nothing done → not started',
    units: core,
    q: qual([group('mandatory', ['M1', 'M2'], { required: 'all' })], { minCredits: 9 }),
    learner: {},
    status: 'not-started',
    rules: { 'mandatory.required': 'unmet', 'min-credits': 'unmet' },
    credits: { achieved: 0, required: 9 },
  },
  {
    name: 'evidence awaiting assessment is progress → in progress',
    units: core,
    q: qual([group('mandatory', ['M1', 'M2'], { required: 'all' })]),
    learner: { progress: { M2: 'pending' } },
    status: 'in-progress',
    rules: { 'mandatory.required': 'unmet' },
  },
  {
    name: 'a mandatory unit with no specification → not achieved',
    units: core,
    q: qual([group('mandatory', ['M1', 'Z9'], { required: 'all' })]),
    learner: { progress: { M1: 'achieved', Z9: 'achieved' } },
    status: 'in-progress',
    rules: { 'mandatory.required': 'unmet' },
  },
];

describe('qualification status (evaluateLearner)', () => {
  it.each(qualCases)('$name', ({ units, q, learner: spec, status, rules, credits }) => {
    const l = learner(units, spec);
    const index = buildIndex(centre(units, [q], [l]));
    const r = evaluateLearner(l, index, undefined, AS_OF);
    expect(r.qualificationKnown).toBe(true);
    expect(r.status).toBe(status);
    expect(Object.fromEntries(r.rules.filter((x) => x.id in rules).map((x) => [x.id, x.status]))).toEqual(rules);
    // achieved only when every rule is met
    expect(r.status === 'achieved').toBe(r.rules.every((x) => x.status === 'met'));
    if (credits) expect(r.credits).toMatchObject(credits);
  });

  it.each([
    ['achieved', 'achieved'],
    ['unsigned', 'ready-for-signoff'],
    ['pending', 'in-progress'],
    ['not-yet', 'in-progress'],
  ] as const)('a mandatory unit whose evidence is %s has unit status %s', (progress, unitStatus) => {
    const q = qual([group('mandatory', ['M1'], { required: 'all' })]);
    const l = learner(core, { progress: { M1: progress } });
    const r = evaluateLearner(l, buildIndex(centre(core, [q], [l])), undefined, AS_OF);
    expect(r.units.map((u) => [u.id, u.status, u.mandatory, u.group])).toEqual([['M1', unitStatus, true, 'mandatory']]);
  });

  it('a qualification with no specification is not known and not achieved', () => {
    const l = learner(core, { progress: { M1: 'achieved' } });
    const r = evaluateLearner(l, buildIndex(centre(core, [], [l])), undefined, AS_OF);
    expect(r).toMatchObject({ qualificationKnown: false, qualification: '601/3734/4', rules: [], units: [] });
    expect(r.status).not.toBe('achieved');
  });
});
