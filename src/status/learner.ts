// One learner: criterion → unit → qualification statuses. Pure: model and a date in, plain
// results out.
import type { Index } from '../model/index.js';
import type { CentreInfo, Evidence, Learner, Qualification, Unit } from '../model/types.js';
import { evaluateCriterion, type MayAssess } from './criterion.js';
import { evaluateRules } from './roc.js';
import type { CriterionResult, LearnerResult, UnitResult, UnitStatus } from './types.js';

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
  const chosen = new Set(learner.optionalUnits.map((u) => index.canonical(u.ref)));
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
  const criteria: CriterionResult[] = [];
  // Without a centre file there is no staff list to check against, so records stand.
  const mayAssess = centre ? (id: string) => centre.staff.get(id)?.roles.has('assessor') === true : undefined;
  for (const o of unit.outcomes) for (const c of o.criteria) criteria.push(evaluateCriterion(c, covered?.get(c.id) ?? [], asOf, mayAssess));
  const met = criteria.filter((c) => c.status === 'met').length;
  const signoff = validSignoff(unit, learner, index, mayAssess, asOf);
  const iqa = latestIqa(unit, learner, index, asOf);
  const iqaNotAgreed = iqa && iqa.decision === 'not-agreed' && (!signoff || iqa.date >= signoff.date) ? { by: iqa.by, date: iqa.date, feedback: iqa.feedback } : undefined;
  let status: UnitStatus;
  if (criteria.length > 0 && met === criteria.length) status = signoff && !iqaNotAgreed ? 'achieved' : 'ready-for-signoff';
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
  };
}

// A sign-off counts when it is dated by the as-of date and made by someone who may assess.
function validSignoff(unit: Unit, learner: Learner, index: Index, mayAssess: MayAssess, asOf: string) {
  const ok = learner.signoffs.filter((s) => index.canonical(s.unitRef) === unit.id && s.date <= asOf && (!mayAssess || mayAssess(s.by)));
  return ok.sort((a, b) => (a.date < b.date ? 1 : -1))[0];
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
    if (!spec) return { id, status: 'unknown', criteria: [], met: 0, total: 0, ...where };
    return { ...evaluateUnit(spec, learner, covered.get(id), index, centre, asOf), ...where };
  });
  const q = scope.qualification;
  const roc = q ? evaluateRules(q, units, index, scope.chosen) : { rules: [], credits: { achieved: 0, unknownUnits: [] } };
  const criteria = { met: units.reduce((s, u) => s + u.met, 0), total: units.reduce((s, u) => s + u.total, 0) };
  const anyProgress = units.some((u) => u.status !== 'not-started' && u.status !== 'unknown');
  const complete = q !== undefined && roc.rules.length > 0 && roc.rules.every((r) => r.status === 'met');
  return {
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
    unitsAchieved: units.filter((u) => u.status === 'achieved').length,
    unitsNeeded: units.length,
  };
}
