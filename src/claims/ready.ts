// Who and what may be claimed from the awarding body, and why the rest may not: the one
// definition that `folio claim ready` lists and `folio claim record` refuses by (README "Claims
// for certification"). It works on a learner's results and model alone, so a test can build a
// learner by hand and see each condition take them out.
import type { Index } from '../model/index.js';
import type { Learner } from '../model/types.js';
import { countsAchieved, hasAchieved, type LearnerResult, type UnitResult } from '../status/types.js';

/** Which units need an agreed summative IQA before they may be claimed (centre.yaml
 * sampling.before-claim; all when the centre does not say). */
export type BeforeClaim = 'none' | 'sampled' | 'all';

/** What a claim is of: the whole qualification, or one unit (a unit certificate). */
export interface ClaimOf {
  kind: 'qualification' | 'unit';
  /** The qualification or unit number. */
  id: string;
  title?: string;
}

/** Why something may not be claimed yet. One entry may have several. */
export type NotReady =
  /** The qualification is not achieved (its status). */
  | { reason: 'not-achieved'; status: string }
  /** A unit has criteria not met (met of total). */
  | { reason: 'criteria-unmet'; unit: string; met: number; total: number }
  /** Every criterion met, not (validly) signed off. */
  | { reason: 'not-signed-off'; unit: string }
  /** The latest IQA decision on the unit did not agree the assessment. */
  | { reason: 'iqa-not-agreed'; unit: string; date: string }
  /** before-claim asks for an agreed summative IQA and there is none (or the latest is not agreed). */
  | { reason: 'no-summative-iqa'; unit: string; beforeClaim: 'sampled' | 'all'; plans?: string[] }
  /** The unit has no specification. */
  | { reason: 'unknown-unit'; unit: string }
  /** The unit's or qualification's certification end is before the claim date. */
  | { reason: 'certification-ended'; what: string; end: string }
  /** Check reports errors in the learner's portfolio. */
  | { reason: 'check-errors'; errors: number; codes: string[] }
  /** A whole-qualification claim for a learner who has withdrawn. */
  | { reason: 'withdrawn'; date: string }
  /** Claimed already (and certificated when the certificate is recorded). */
  | { reason: 'already-claimed'; date: string; reference?: string; certificate?: string }
  /** A sample plan in iqa/plans/ could not be read, so which units it samples is not known. */
  | { reason: 'plan-unreadable'; file: string };

export interface ClaimEntry {
  learner: string;
  name: string;
  uln?: string;
  registrationNumber?: string;
  qualification: string;
  claim: ClaimOf;
  /** Empty when it may be claimed. */
  reasons: NotReady[];
}

export interface ReadyInput {
  result: LearnerResult;
  learner: Learner;
  index: Index;
  /** The claim date (the as-of day). */
  date: string;
  beforeClaim: BeforeClaim;
  /** With before-claim: sampled, the units of this learner in a plan's summative samples, with
   * the plan ids that sample each. */
  sampled: ReadonlyMap<string, string[]>;
  /** Errors check reports in the learner's portfolio, by code. */
  errors: string[];
  /** Plan files that could not be read (with before-claim: sampled). */
  unreadablePlans: string[];
  /** Also unit certificates for a learner still in learning; a withdrawn learner's units are
   * always entries (unit certificates are what they can still have). */
  inLearning?: boolean;
}

const claimed = (s: string) => s === 'claimed' || s === 'certificated';

/** The learner's entries: the qualification, and, when the qualification itself cannot be the
 * claim (withdrawn, or not achieved and units asked for), each unit with evidence that could be
 * certificated on its own. An exempted or credit-transferred unit is never claimed as a unit of its own. */
export function claimEntries(input: ReadyInput): ClaimEntry[] {
  const { result: r, learner: l } = input;
  const head = { learner: r.id, name: r.name, ...(r.uln ? { uln: r.uln } : {}), ...(l.registrationNumber ? { registrationNumber: l.registrationNumber } : {}), qualification: r.qualification };
  const common: NotReady[] = [];
  if (input.errors.length) common.push({ reason: 'check-errors', errors: input.errors.length, codes: [...new Set(input.errors)].sort() });
  if (input.beforeClaim === 'sampled') for (const file of input.unreadablePlans) common.push({ reason: 'plan-unreadable', file });

  const qual: ClaimEntry = { ...head, claim: { kind: 'qualification', id: r.qualification, ...(r.qualificationTitle ? { title: r.qualificationTitle } : {}) }, reasons: [] };
  const ended = (what: string, end: string | undefined): NotReady[] => (end !== undefined && end < input.date ? [{ reason: 'certification-ended', what, end }] : []);
  const spec = input.index.qualification(l.qualificationRef);
  if (claimed(r.status)) qual.reasons.push({ reason: 'already-claimed', ...claimView(r.claim) });
  else if (!hasAchieved(r.status)) qual.reasons.push({ reason: 'not-achieved', status: r.status });
  if (r.withdrawn) qual.reasons.push({ reason: 'withdrawn', date: r.withdrawn.date });
  if (hasAchieved(r.status) && !claimed(r.status)) {
    // Every unit assessed here (not exempted) must meet before-claim; a unit already claimed
    // on its own was judged when it was claimed.
    for (const u of r.units) if (u.status === 'achieved') qual.reasons.push(...iqaNeeded(u, input));
    qual.reasons.push(...ended(`qualification ${r.qualification}`, spec?.certificationEnd));
  }
  qual.reasons.push(...common);
  if (hasAchieved(r.status) && !r.withdrawn) return [qual];
  // A learner still in learning is claimed for when they achieve: unit certificates now would
  // be claims the centre pays for and does not usually want, unless it asks (--in-learning).
  if (!r.withdrawn && !input.inLearning) return [qual];

  const units: ClaimEntry[] = [];
  for (const u of r.units) {
    if (u.exemption || u.status === 'exempted' || u.status === 'not-started') continue;
    const reasons = unitReasons(u, input);
    units.push({ ...head, claim: { kind: 'unit', id: u.id, ...(u.title ? { title: u.title } : {}) }, reasons: [...reasons, ...(reasons.some((x) => x.reason === 'already-claimed') ? [] : ended(`unit ${u.id}`, input.index.unit(u.id)?.certificationEnd)), ...common] });
  }
  return [qual, ...units];
}

function claimView(c: { date: string; reference?: string; certificate?: string } | undefined): { date: string; reference?: string; certificate?: string } {
  return { date: c?.date ?? '', ...(c?.reference ? { reference: c.reference } : {}), ...(c?.certificate ? { certificate: c.certificate } : {}) };
}

function unitReasons(u: UnitResult, input: ReadyInput): NotReady[] {
  if (claimed(u.status)) return [{ reason: 'already-claimed', ...claimView(u.claim) }];
  if (u.status === 'unknown') return [{ reason: 'unknown-unit', unit: u.id }];
  if (u.iqaNotAgreed) return [{ reason: 'iqa-not-agreed', unit: u.id, date: u.iqaNotAgreed.date }];
  if (u.status === 'ready-for-signoff') return [{ reason: 'not-signed-off', unit: u.id }];
  if (!countsAchieved(u.status)) return [{ reason: 'criteria-unmet', unit: u.id, met: u.met, total: u.total }];
  return iqaNeeded(u, input);
}

/** The summative IQA before-claim asks of an achieved unit, if it is missing. */
function iqaNeeded(u: UnitResult, input: ReadyInput): NotReady[] {
  const { beforeClaim } = input;
  if (beforeClaim === 'none') return [];
  const plans = input.sampled.get(u.id);
  if (beforeClaim === 'sampled' && !plans) return [];
  if (agreedSummative(input.learner, input.index, u.id, input.date)) return [];
  return [{ reason: 'no-summative-iqa', unit: u.id, beforeClaim, ...(plans ? { plans } : {}) }];
}

/** Whether the latest summative IQA record on the unit, by the day, agreed. */
export function agreedSummative(l: Learner, index: Index, unit: string, day: string): boolean {
  let latest: Learner['iqa'][number] | undefined;
  for (const r of l.iqa) {
    if (r.stage !== 'summative' || r.date > day || index.canonical(r.unitRef) !== unit) continue;
    if (!latest || r.date >= latest.date) latest = r;
  }
  return latest?.decision === 'agreed';
}

/** What a reason says, in words, for the table and for a refused claim. */
export function reasonText(x: NotReady): string {
  switch (x.reason) {
    case 'not-achieved':
      return `the qualification is ${x.status.replace(/-/g, ' ')}, not achieved`;
    case 'criteria-unmet':
      return `${x.unit}: ${x.met} of ${x.total} criteria met`;
    case 'not-signed-off':
      return `${x.unit}: every criterion met, not signed off`;
    case 'iqa-not-agreed':
      return `${x.unit}: the IQA did not agree it on ${x.date}`;
    case 'no-summative-iqa':
      return `${x.unit}: no agreed summative IQA (before-claim: ${x.beforeClaim}${x.plans ? `, sampled in plan ${x.plans.join(', ')}` : ''})`;
    case 'unknown-unit':
      return `${x.unit}: no unit specification`;
    case 'certification-ended':
      return `${x.what} could be certificated only until ${x.end}`;
    case 'check-errors':
      return `check reports ${x.errors === 1 ? '1 error' : `${x.errors} errors`} in the portfolio (${x.codes.join(', ')})`;
    case 'withdrawn':
      return `withdrew on ${x.date}: unit certificates only`;
    case 'already-claimed':
      return `claimed on ${x.date}${x.reference ? ` (${x.reference})` : ''}${x.certificate ? `, certificate ${x.certificate}` : ''}`;
    case 'plan-unreadable':
      return `${x.file} cannot be read, so which units it samples is not known`;
  }
}
