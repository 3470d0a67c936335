// One learner: criterion → unit → qualification statuses. Pure: model and a date in, plain
// results out.
import type { Index } from '../model/index.js';
import type { CentreInfo, Evidence, Learner, Qualification, Unit } from '../model/types.js';
import { evaluateCriterion, type MayAssess } from './criterion.js';
import { evaluateRules } from './roc.js';
import { claimedUnit, claimsOf, exemptedUnit, exemptionOf, withLifecycle } from './lifecycle.js';
import { countsAchieved, type CriterionResult, type LearnerResult, type UnitResult, type UnitStatus } from './types.js';
import { witnessBook } from './witness.js';

export interface Scope {
  qualification?: Qualification;
  /** Canonical ids in report order: mandatory units first, then chosen optional units. */
  units: string[];
  mandatory: Set<string>;
  chosen: Set<string>;
  groupOf: Map<string, string>;
}

export function scopeOf(learner: Learner, index: Index): Scope {
  const qualification = index.qualification(learner.qualificationRef);
  const groupOf = new Map<string, string>();
  const mandatory = new Set<string>();
  for (const g of qualification?.groups ?? []) {
    for (const u of g.units) {
      const id = index.canonical(u.ref);
      if (!groupOf.has(id)) groupOf.set(id, g.id);
      if (g.requiredAll) mandatory.add(id);
    }
  }
  // An exempted optional unit of the qualification is chosen by being exempted.
  const chosen = new Set([...learner.optionalUnits.map((u) => index.canonical(u.ref)), ...learner.exemptions.map((e) => index.canonical(e.unitRef)).filter((id) => groupOf.has(id) && !mandatory.has(id))]);
  const units = [...new Set([...mandatory, ...chosen])];
  return { qualification, units, mandatory, chosen, groupOf };
}

/** Evidence covering each criterion of each unit, by canonical unit id. */
export function coverage(learner: Learner, index: Index): Map<string, Map<string, Evidence[]>> {
  const out = new Map<string, Map<string, Evidence[]>>();
  for (const e of learner.evidence) {
    for (const cover of e.covers) {
      const unitId = index.canonical(cover.unitRef);
      let byCriterion = out.get(unitId);
      if (!byCriterion) out.set(unitId, (byCriterion = new Map()));
      for (const c of cover.criteria) {
        const list = byCriterion.get(c.criterion);
        // An item lists a criterion twice only within its own covers, so while it is being
        // read it can only be the last one in the list (a search of the list is quadratic).
        if (!list) byCriterion.set(c.criterion, [e]);
        else if (list[list.length - 1] !== e) list.push(e);
      }
    }
  }
  return out;
}

export function evaluateUnit(unit: Unit, learner: Learner, covered: Map<string, Evidence[]> | undefined, index: Index, centre: CentreInfo | undefined, asOf: string): Omit<UnitResult, 'group' | 'mandatory'> {
  const mayAssess = mayAssessIn(centre);
  const criteria = criteriaOn(unit, learner, covered, mayAssess, asOf);
  const met = criteria.filter((c) => c.status === 'met').length;
  const complete = criteria.length > 0 && met === criteria.length;
  let signoff = latestSignoff(unit, learner, index, mayAssess, asOf);
  // A sign-off vouches for the unit as it stood that day: one made before every criterion was
  // met does not count, and the assessor signs off again (check reports it as date-order).
  // Criteria stay met once met, so if the latest sign-off was early every earlier one was too.
  let earlySignoff: UnitResult['earlySignoff'];
  if (complete && signoff && changedSince(covered, signoff.date, asOf)) {
    const open = openOn(unit, learner, covered, mayAssess, signoff.date);
    if (open.length) {
      earlySignoff = { by: signoff.by, date: signoff.date, open, since: completeSince(unit, learner, covered, mayAssess, signoff.date, asOf) };
      signoff = undefined;
    }
  }
  const iqa = latestIqa(unit, learner, index, asOf);
  const iqaNotAgreed = iqa && iqa.decision === 'not-agreed' && (!signoff || iqa.date >= signoff.date) ? { by: iqa.by, date: iqa.date, feedback: iqa.feedback } : undefined;
  let status: UnitStatus;
  if (complete) status = signoff && !iqaNotAgreed ? 'achieved' : 'ready-for-signoff';
  else status = criteria.some((c) => c.status !== 'missing') ? 'in-progress' : 'not-started';
  if (iqaNotAgreed && status === 'ready-for-signoff') status = 'in-progress';
  return {
    id: unit.id,
    title: unit.title,
    credits: unit.credits,
    level: unit.level,
    status,
    criteria,
    met,
    total: criteria.length,
    signoff: signoff ? { by: signoff.by, date: signoff.date } : undefined,
    iqaNotAgreed,
    ...(earlySignoff ? { earlySignoff } : {}),
  };
}

// Without a centre file there is no staff list to check against, so records stand.
function mayAssessIn(centre: CentreInfo | undefined): MayAssess {
  return centre ? (id: string) => centre.staff.get(id)?.roles.has('assessor') === true : undefined;
}

function criteriaOn(unit: Unit, learner: Learner, covered: Map<string, Evidence[]> | undefined, mayAssess: MayAssess, asOf: string): CriterionResult[] {
  const witnesses = witnessBook(learner);
  const criteria: CriterionResult[] = [];
  for (const o of unit.outcomes) for (const c of o.criteria) criteria.push(evaluateCriterion(c, covered?.get(c.id) ?? [], asOf, mayAssess, witnesses));
  return criteria;
}

function openOn(unit: Unit, learner: Learner, covered: Map<string, Evidence[]> | undefined, mayAssess: MayAssess, date: string): string[] {
  return criteriaOn(unit, learner, covered, mayAssess, date)
    .filter((c) => c.status !== 'met')
    .map((c) => c.id);
}

// Whether any record on the unit is dated after a day (and by the as-of date): if none is, the
// unit stood then as it stands now, and need not be judged again.
function changedSince(covered: Map<string, Evidence[]> | undefined, day: string, asOf: string): boolean {
  for (const items of covered?.values() ?? []) {
    for (const e of items) {
      for (const d of [e.date, e.assessment?.date]) if (d !== undefined && d > day && d <= asOf) return true;
    }
  }
  return false;
}

// The first day the unit was complete, after a day it was not: the earliest date of a record
// on the unit that completes it (criteria stay met once met, so a binary search finds it).
function completeSince(unit: Unit, learner: Learner, covered: Map<string, Evidence[]> | undefined, mayAssess: MayAssess, after: string, asOf: string): string {
  const days = new Set<string>();
  for (const items of covered?.values() ?? []) {
    for (const e of items) {
      for (const d of [e.date, e.assessment?.date]) if (d !== undefined && d > after && d <= asOf) days.add(d);
    }
  }
  const sorted = [...days].sort();
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (openOn(unit, learner, covered, mayAssess, sorted[mid]!).length === 0) hi = mid;
    else lo = mid + 1;
  }
  return sorted[lo] ?? asOf;
}

/** The criteria of a unit not yet met on a date, by the same rules as its status: what a
 * sign-off on that date would have vouched for without the evidence to show it. */
export function criteriaOpenOn(unit: Unit, learner: Learner, covered: Map<string, Evidence[]> | undefined, centre: CentreInfo | undefined, date: string): string[] {
  return openOn(unit, learner, covered, mayAssessIn(centre), date);
}

// A sign-off counts when it is dated by the as-of date and made by someone who may assess.
function latestSignoff(unit: Unit, learner: Learner, index: Index, mayAssess: MayAssess, asOf: string) {
  let latest: Learner['signoffs'][number] | undefined;
  for (const s of learner.signoffs) {
    if (s.date > asOf || (mayAssess && !mayAssess(s.by)) || index.canonical(s.unitRef) !== unit.id) continue;
    if (!latest || s.date > latest.date) latest = s;
  }
  return latest;
}

function latestIqa(unit: Unit, learner: Learner, index: Index, asOf: string) {
  return learner.iqa
    .filter((r) => index.canonical(r.unitRef) === unit.id && r.date <= asOf)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))[0];
}

export function evaluateLearner(learner: Learner, index: Index, centre: CentreInfo | undefined, asOf: string): LearnerResult {
  const scope = scopeOf(learner, index);
  const covered = coverage(learner, index);
  const units: UnitResult[] = scope.units.map((id) => {
    const spec = index.unit(id);
    const where = { group: scope.groupOf.get(id), mandatory: scope.mandatory.has(id) };
    const exempt = exemptionOf(learner, index, id, asOf);
    const base: UnitResult = spec ? { ...evaluateUnit(spec, learner, covered.get(id), index, centre, asOf), ...where } : { id, status: 'unknown', criteria: [], met: 0, total: 0, ...where };
    return claimedUnit(exempt ? exemptedUnit(base, exempt) : base, claimsOf(learner, index, id, asOf));
  });
  const q = scope.qualification;
  const roc = q ? evaluateRules(q, units, index, scope.chosen) : { rules: [], credits: { achieved: 0, unknownUnits: [] } };
  const criteria = { met: units.reduce((s, u) => s + u.met, 0), total: units.reduce((s, u) => s + u.total, 0) };
  const anyProgress = units.some((u) => u.status !== 'not-started' && u.status !== 'unknown');
  const complete = q !== undefined && roc.rules.length > 0 && roc.rules.every((r) => r.status === 'met');
  return withLifecycle({
    id: learner.id,
    name: learner.name,
    qualification: q?.id ?? learner.qualificationRef,
    qualificationTitle: q?.title,
    qualificationKnown: q !== undefined,
    assessor: learner.assessor,
    uln: learner.uln,
    registered: learner.registered,
    groups: (q?.groups ?? []).map((g) => ({ id: g.id, title: g.title })),
    status: complete ? 'achieved' : anyProgress ? 'in-progress' : 'not-started',
    credits: { achieved: roc.credits.achieved, required: q?.minCredits ?? null, unknownUnits: roc.credits.unknownUnits },
    units,
    rules: roc.rules,
    criteria,
    unitsAchieved: units.filter((u) => countsAchieved(u.status)).length,
    unitsNeeded: units.length,
  }, learner, index, asOf);
}
