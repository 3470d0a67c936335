// One criterion for one learner: README "What each status means", in that order.
import type { Criterion } from '../model/types.js';
import type { Evidence } from '../model/types.js';
import type { Method } from '../schema/common.js';
import type { CriterionResult, Shortfall } from './types.js';
import { standingOf, type WitnessBook } from './witness.js';

/** Who may make assessment decisions; undefined when the centre has no staff list. */
export type MayAssess = ((staffId: string) => boolean) | undefined;

/** The decision on an item as of a date. An assessment dated later has not happened yet, and
 * one recorded by someone who may not assess is no decision (check reports it). */
function decisionOf(e: Evidence, asOf: string, mayAssess?: MayAssess): 'accepted' | 'not-yet' | undefined {
  if (!e.assessment || e.assessment.date > asOf) return undefined;
  if (mayAssess && !mayAssess(e.assessment.by)) return undefined;
  return e.assessment.decision;
}

// The methods a criterion accepts: its methods plus what it requires, since a method it
// requires is acceptable even when its methods list omits it (README "Decisions where the
// design was silent": the design's own example requires expert-witness without listing it). Computed once per criterion, not per learner.
const accepting = new WeakMap<Criterion, { list: Method[]; set: Set<string> } | null>();
function acceptedMethods(c: Criterion): { list: Method[]; set: Set<string> } | null {
  let m = accepting.get(c);
  if (m === undefined) {
    const { methods, requires } = c.rules;
    const list = methods && requires ? [...new Set([...methods, ...requires])] : methods;
    m = list ? { list, set: new Set(list) } : null;
    accepting.set(c, m);
  }
  return m;
}

export function evaluateCriterion(c: Criterion, covering: Evidence[], asOf: string, mayAssess?: MayAssess, witnesses?: WitnessBook): CriterionResult {
  const { requires, minEvidence } = c.rules;
  const acceptedBy = acceptedMethods(c);
  const accepts = acceptedBy?.set;
  const evidence: string[] = [];
  const pending: string[] = [];
  const accepted: Evidence[] = [];
  const counted: (Method | undefined)[] = [];
  let valid = 0;
  let requiresMet = !requires;
  for (const e of covering) {
    if (e.date && e.date > asOf) continue;
    evidence.push(e.id);
    const decision = decisionOf(e, asOf, mayAssess);
    if (decision === undefined) pending.push(e.id);
    else if (decision === 'accepted') {
      const standing = standingOf(e, witnesses);
      const method = 'method' in standing ? standing.method : undefined;
      accepted.push(e);
      counted.push(method);
      if (method && !e.fileProblem && (!accepts || accepts.has(method))) {
        valid++;
        if (!requiresMet && requires!.includes(method)) requiresMet = true;
      }
    }
  }
  const base = { id: c.id, outcome: c.outcome, text: c.text, evidence, pending };

  if (valid >= minEvidence && requiresMet) return { ...base, status: 'met', shortfalls: [] };

  if (accepted.length > 0) {
    const methods = acceptedBy?.list;
    const shortfalls: Shortfall[] = [];
    const broken = accepted.filter((e) => e.fileProblem).map((e) => e.id);
    if (broken.length) shortfalls.push({ reason: 'evidence-file-missing', items: broken });
    const unknown = accepted.filter((e, i) => !e.fileProblem && counted[i] === undefined);
    if (unknown.length) shortfalls.push({ reason: 'witness-unknown', items: unknown.map((e) => e.id), witnesses: [...new Set(unknown.map((e) => e.witness!))] });
    // Expert evidence taken as ordinary testimony matters when that leaves it unaccepted, or
    // when the criterion requires an expert witness and has none.
    const needsExpert = !requiresMet && requires?.includes('expert-witness') === true;
    const downgraded: { id: string; why: string }[] = [];
    const wrongMethod: string[] = [];
    accepted.forEach((e, i) => {
      const method = counted[i];
      if (e.fileProblem || !method) return;
      const standing = standingOf(e, witnesses);
      const acceptedMethod = !accepts || accepts.has(method);
      if ('notExpert' in standing && (needsExpert || !acceptedMethod)) downgraded.push({ id: e.id, why: standing.notExpert });
      else if (!acceptedMethod) wrongMethod.push(e.id);
    });
    if (downgraded.length) shortfalls.push({ reason: 'witness-not-expert', items: downgraded.map((d) => d.id), witnesses: downgraded.map((d) => d.why) });
    if (wrongMethod.length && methods) shortfalls.push({ reason: 'method-not-accepted', items: wrongMethod, methods });
    // With one item needed, a broken file or a wrong method already says what is short.
    if (valid < minEvidence && (minEvidence > 1 || shortfalls.length === 0)) {
      const have = accepted.filter((e, i) => !e.fileProblem && counted[i] && (!accepts || accepts.has(counted[i]!))).map((e) => e.id);
      shortfalls.push({ reason: 'needs-more-evidence', have, need: minEvidence });
    }
    if (!requiresMet && requires) shortfalls.push({ reason: 'requires-method', methods: requires });
    if (pending.length) shortfalls.push({ reason: 'awaiting-assessment', pending });
    return { ...base, status: 'insufficient', shortfalls };
  }
  if (pending.length) return { ...base, status: 'awaiting-assessment', shortfalls: [{ reason: 'awaiting-assessment', pending }] };
  if (evidence.length) return { ...base, status: 'not-yet', shortfalls: [{ reason: 'not-yet', referred: [...evidence] }] };
  return { ...base, status: 'missing', shortfalls: [{ reason: 'missing' }] };
}
