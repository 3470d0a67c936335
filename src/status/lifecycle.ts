// What the learner's lifecycle does to their statuses (README "The learner's lifecycle"): an
// exempted or credit-transferred unit counts as achieved with its credits but none of its
// criteria is met here; a claim turns achieved units (or the qualification) into claimed, and
// certificated once the certificate number is recorded; a withdrawal and breaks are carried
// on the result for the cohort figures and the status view, and change no rule.
import type { Index } from '../model/index.js';
import type { Claim, Exemption, Learner } from '../model/types.js';
import { countsAchieved, type ClaimRecord, type ExemptionRecord, type LearnerResult, type QualificationStatus, type TransferRecord, type UnitResult } from './types.js';

/** The exemption a unit counts by on the as-of date: the first dated by then. */
export function exemptionOf(learner: Learner, index: Index, unitId: string, asOf: string): Exemption | undefined {
  return learner.exemptions.find((e) => e.date <= asOf && index.canonical(e.unitRef) === unitId);
}

/** The claims made by the as-of date that name a unit (or, for the qualification, the claims
 * of the whole qualification), first made first. */
export function claimsOf(learner: Learner, index: Index, unitId: string | undefined, asOf: string): Claim[] {
  return learner.claims
    .filter((c) => c.date <= asOf && (unitId === undefined ? c.qualification !== undefined : c.qualification !== undefined || (c.units ?? []).some((u) => index.canonical(u.ref) === unitId)))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const claimView = (c: Claim) => ({ date: c.date, ...(c.reference ? { reference: c.reference } : {}), ...(c.certificate ? { certificate: c.certificate } : {}) });

/** An exempted unit: shown as such, with no criterion met. */
export function exemptedUnit(base: UnitResult, e: Exemption): UnitResult {
  return {
    ...base,
    status: 'exempted',
    criteria: [],
    met: 0,
    total: 0,
    exemption: { kind: e.kind, date: e.date, ...(e.reference ? { reference: e.reference } : {}) },
  };
}

/** A unit that counts as achieved and is named by a claim becomes claimed (certificated when
 * any claim of it has its certificate). A unit claimed while not achieved keeps its status:
 * check reports the claim (claim-not-achieved). */
export function claimedUnit(u: UnitResult, claims: Claim[]): UnitResult {
  if (!claims.length || !countsAchieved(u.status)) return u;
  const cert = claims.find((c) => c.certificate);
  return { ...u, status: cert ? 'certificated' : 'claimed', claim: claimView(cert ?? claims[0]!) };
}

/** The learner's status with a claim of the whole qualification, and their withdrawal and breaks. */
export function withLifecycle(r: LearnerResult, learner: Learner, index: Index, asOf: string): LearnerResult {
  const claims = claimsOf(learner, index, undefined, asOf);
  const cert = claims.find((c) => c.certificate);
  let status: QualificationStatus = r.status;
  if (claims.length && status === 'achieved') status = cert ? 'certificated' : 'claimed';
  const w = learner.withdrawn && learner.withdrawn.date <= asOf ? learner.withdrawn : undefined;
  const records = lifecycleRecords(learner, index, asOf);
  const breaks = learner.breaks.filter((b) => b.from <= asOf).map((b) => ({ from: b.from, ...(b.to && b.to <= asOf ? { to: b.to } : {}), ...(b.reason ? { reason: b.reason } : {}) }));
  return {
    ...r,
    status,
    ...(w ? { withdrawn: { date: w.date, ...(w.reason ? { reason: w.reason } : {}), ...(w.by ? { by: w.by } : {}) } } : {}),
    ...(breaks.length ? { breaks } : {}),
    ...(claims.length ? { claim: claimView(cert ?? claims[0]!) } : {}),
    ...records,
  };
}

// What has happened by the as-of date: records dated later are left out, as the statuses leave
// them out. A certificate is shown as recorded, as the certificated status counts it.
function lifecycleRecords(learner: Learner, index: Index, asOf: string): Pick<LearnerResult, 'exemptions' | 'claims' | 'transfers'> {
  const unit = (ref: string) => index.canonical(ref);
  const exemptions: ExemptionRecord[] = learner.exemptions
    .filter((e) => e.date <= asOf)
    .map((e) => ({ unit: unit(e.unitRef), kind: e.kind, date: e.date, ...(e.reference ? { reference: e.reference } : {}), by: e.by }));
  const claims: ClaimRecord[] = learner.claims
    .filter((c) => c.date <= asOf)
    .map((c) => ({
      date: c.date,
      ...(c.qualification ? { qualification: index.qualification(c.qualification)?.id ?? c.qualification } : {}),
      ...(c.units ? { units: c.units.map((u) => unit(u.ref)) } : {}),
      by: c.by,
      ...(c.reference ? { reference: c.reference } : {}),
      ...(c.certificate ? { certificate: c.certificate } : {}),
      ...(c.certificateDate ? { certificateDate: c.certificateDate } : {}),
    }));
  const transfers: TransferRecord[] = learner.transfers
    .filter((t) => t.date <= asOf)
    .map((t) => ({ date: t.date, from: index.qualification(t.from)?.id ?? t.from, ...(t.by ? { by: t.by } : {}), ...(t.reason ? { reason: t.reason } : {}) }));
  return { ...(exemptions.length ? { exemptions } : {}), ...(claims.length ? { claims } : {}), ...(transfers.length ? { transfers } : {}) };
}

/** The break that goes on at the as-of date, if any. */
export function currentBreak(r: LearnerResult): { from: string } | undefined {
  return r.breaks?.find((b) => b.to === undefined);
}
