// One criterion for one learner: DESIGN.md "What each status means", in that order.
import type { Criterion } from '../model/types.js';
import type { Evidence } from '../model/types.js';
import type { CriterionResult, Shortfall } from './types.js';

/** Who may make assessment decisions; undefined when the centre has no staff list. */
export type MayAssess = ((staffId: string) => boolean) | undefined;

/** The decision on an item as of a date. An assessment dated later has not happened yet, and
 * one recorded by someone who may not assess is no decision (check reports it). */
export function decisionOf(e: Evidence, asOf: string, mayAssess?: MayAssess): 'accepted' | 'not-yet' | undefined {
  if (!e.assessment || e.assessment.date > asOf) return undefined;
  if (mayAssess && !mayAssess(e.assessment.by)) return undefined;
  return e.assessment.decision;
}

export function evaluateCriterion(c: Criterion, covering: Evidence[], asOf: string, mayAssess?: MayAssess): CriterionResult {
  const items = covering.filter((e) => !e.date || e.date <= asOf);
  const { requires, minEvidence } = c.rules;
  // A method the criterion requires is acceptable even when its methods list omits it
  // (DESIGN.md's own example requires expert-witness without listing it).
  const methods = c.rules.methods && requires ? [...new Set([...c.rules.methods, ...requires])] : c.rules.methods;
  const accepted = items.filter((e) => decisionOf(e, asOf, mayAssess) === 'accepted');
  const pending = items.filter((e) => decisionOf(e, asOf, mayAssess) === undefined).map((e) => e.id);
  const usable = accepted.filter((e) => !e.fileProblem);
  const valid = usable.filter((e) => !methods || methods.includes(e.method));
  const requiresMet = !requires || valid.some((e) => requires.includes(e.method));
  const base = { id: c.id, outcome: c.outcome, text: c.text, evidence: items.map((e) => e.id), pending };

  if (valid.length >= minEvidence && requiresMet) return { ...base, status: 'met', shortfalls: [] };

  if (accepted.length > 0) {
    const shortfalls: Shortfall[] = [];
    const broken = accepted.filter((e) => e.fileProblem).map((e) => e.id);
    if (broken.length) shortfalls.push({ reason: 'evidence-file-missing', items: broken });
    const wrongMethod = usable.filter((e) => methods && !methods.includes(e.method)).map((e) => e.id);
    if (wrongMethod.length && methods) shortfalls.push({ reason: 'method-not-accepted', items: wrongMethod, methods });
    // With one item needed, a broken file or a wrong method already says what is short.
    if (valid.length < minEvidence && (minEvidence > 1 || shortfalls.length === 0)) {
      shortfalls.push({ reason: 'needs-more-evidence', have: valid.map((e) => e.id), need: minEvidence });
    }
    if (!requiresMet && requires) shortfalls.push({ reason: 'requires-method', methods: requires });
    if (pending.length) shortfalls.push({ reason: 'awaiting-assessment', pending });
    return { ...base, status: 'insufficient', shortfalls };
  }
  if (pending.length) return { ...base, status: 'awaiting-assessment', shortfalls: [{ reason: 'awaiting-assessment', pending }] };
  if (items.length) return { ...base, status: 'not-yet', shortfalls: [{ reason: 'not-yet', referred: items.map((e) => e.id) }] };
  return { ...base, status: 'missing', shortfalls: [{ reason: 'missing' }] };
}
