// Gaps: each thing between a learner and achievement, with a reason from a fixed vocabulary
// and a sentence that says what to do next. Computed from status results, never from output.
import { q } from '../diagnostics.js';
import type { Method } from '../schema/common.js';
import { countsAchieved, hasAchieved, type LearnerResult, type RuleResult, type Shortfall, type UnitResult } from './types.js';
import { plural } from '../text.js';

/** Reasons that come from the rules of combination rather than from one unit's criteria. */
const RULE_REASON_LIST = [
  'mandatory-unit-missing',
  'group-credits-short',
  'group-units-short',
  'total-credits-short',
  'level-credits-short',
  'unit-not-chosen',
  'credits-unknown',
  'barred-combination',
] as const;

export const GAP_REASONS = [
  'missing',
  'awaiting-assessment',
  'not-yet',
  'method-not-accepted',
  'requires-method',
  'needs-more-evidence',
  'evidence-file-missing',
  'witness-unknown',
  'witness-not-expert',
  'signoff-missing',
  'signoff-early',
  'iqa-not-agreed',
  'unit-spec-missing',
  'qualification-spec-missing',
  ...RULE_REASON_LIST,
] as const;
export type GapReason = (typeof GAP_REASONS)[number];
export const RULE_REASONS: ReadonlySet<GapReason> = new Set(RULE_REASON_LIST);

/** What each reason means (the README's table is tested against this), for CI rule lists. */
export const GAP_REASON_INFO: Record<GapReason, { level: 'criterion' | 'unit' | 'learner' | 'rule'; summary: string }> = {
  'missing': { level: 'criterion', summary: 'nothing covers it: plan an activity and add the evidence' },
  'awaiting-assessment': { level: 'criterion', summary: 'named items await a decision' },
  'not-yet': { level: 'criterion', summary: 'named items were assessed not yet: act on the feedback or add evidence' },
  'method-not-accepted': { level: 'criterion', summary: 'accepted items use a method the criterion does not accept: which methods it does' },
  'requires-method': { level: 'criterion', summary: 'needs an accepted item by one of the required methods' },
  'needs-more-evidence': { level: 'criterion', summary: 'needs N accepted items, has M (named): how many more' },
  'evidence-file-missing': { level: 'criterion', summary: 'an accepted item\'s file does not exist, so it cannot count' },
  'witness-unknown': { level: 'criterion', summary: 'accepted witness evidence names a witness the portfolio does not list, so it cannot count' },
  'witness-not-expert': { level: 'criterion', summary: 'expert-witness evidence whose witness is not an expert witness (status 1) counts only as witness testimony' },
  'signoff-missing': { level: 'unit', summary: 'every criterion met: the assessor can sign the unit off' },
  'signoff-early': { level: 'unit', summary: 'the unit was signed off before every criterion was met, so the sign-off does not count: sign it off again' },
  'iqa-not-agreed': { level: 'unit', summary: 'the IQA did not agree: act on the feedback and sign off again' },
  'unit-spec-missing': { level: 'unit', summary: 'the unit has no specification' },
  'qualification-spec-missing': { level: 'learner', summary: 'the qualification has no specification' },
  'mandatory-unit-missing': { level: 'rule', summary: 'a mandatory unit is not achieved (with its progress)' },
  'group-credits-short': { level: 'rule', summary: 'the group needs N credits, has M: which chosen units would add them' },
  'group-units-short': { level: 'rule', summary: 'the group needs N units, has M' },
  'total-credits-short': { level: 'rule', summary: 'the qualification needs N credits, has M' },
  'level-credits-short': { level: 'rule', summary: 'not enough credits at or above the stated level' },
  'unit-not-chosen': { level: 'rule', summary: 'even if every chosen unit is achieved, a group falls short: choose more optional units' },
  'credits-unknown': { level: 'rule', summary: 'a rule cannot be decided because a unit\'s credits are not known' },
  'barred-combination': { level: 'rule', summary: 'two barred units are both taken: keep one' },
};

export interface Gap {
  learner: string;
  unit: string | null;
  criterion: string | null;
  reason: GapReason;
  message: string;
}

const list = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
const orList = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`);
const methodsText = (ms: Method[]) => orList(ms.map((m) => m.replace(/-/g, ' ')));
const items = (n: number) => `${n} accepted item${n === 1 ? '' : 's'}`;

function criterionGap(learner: string, unit: UnitResult, criterion: string, s: Shortfall): Gap {
  const at = { learner, unit: unit.id, criterion };
  switch (s.reason) {
    case 'missing':
      return { ...at, reason: s.reason, message: `No evidence covers ${criterion} yet: plan an activity that shows it and add the item to the portfolio` };
    case 'awaiting-assessment':
      return { ...at, reason: s.reason, message: `${list(s.pending)} ${s.pending.length === 1 ? 'awaits' : 'await'} assessment: the assessor records a decision` };
    case 'not-yet':
      return { ...at, reason: s.reason, message: `${list(s.referred)} ${s.referred.length === 1 ? 'was' : 'were'} assessed not yet: act on the feedback and resubmit, or add new evidence` };
    case 'method-not-accepted':
      return { ...at, reason: s.reason, message: `${list(s.items)} ${s.items.length === 1 ? 'uses a method' : 'use methods'} this criterion does not accept: add evidence by ${methodsText(s.methods)}` };
    case 'needs-more-evidence': {
      const more = s.need - s.have.length;
      return { ...at, reason: s.reason, message: `Needs ${items(s.need)}, has ${s.have.length}${s.have.length ? ` (${list(s.have)})` : ''}: add ${more} more` };
    }
    case 'requires-method':
      return { ...at, reason: s.reason, message: `Needs at least one accepted item by ${methodsText(s.methods)}: arrange it` };
    case 'evidence-file-missing':
      return { ...at, reason: s.reason, message: `The file of ${list(s.items)} does not exist, so it cannot count: add the file or correct its path` };
    case 'witness-unknown': {
      const one = s.witnesses.length === 1;
      return { ...at, reason: s.reason, message: `${list(s.items)} ${s.items.length === 1 ? 'names' : 'name'} witness ${list(s.witnesses)}, who ${one ? 'is' : 'are'} not in this portfolio's witnesses, so ${s.items.length === 1 ? 'it cannot' : 'they cannot'} count: add ${one ? 'the witness' : 'them'} under witnesses with ${one ? 'their' : 'each'} status, or correct the id` };
    }
    case 'witness-not-expert': {
      const why = s.items.map((id, i) => `${id}: ${s.witnesses[i]}`).join('; ');
      return { ...at, reason: s.reason, message: `${list(s.items)} ${s.items.length === 1 ? 'is' : 'are'} expert-witness evidence from a witness not shown to be an expert (${why}), so ${s.items.length === 1 ? 'it counts' : 'they count'} only as witness testimony: an expert witness is an occupational expert and assessor (status 1); correct the witness's status if that is so, or add evidence by another method` };
    }
  }
}

function unitGaps(r: LearnerResult, u: UnitResult): Gap[] {
  const at = { learner: r.id, unit: u.id, criterion: null };
  if (countsAchieved(u.status)) return [];
  if (u.status === 'unknown') {
    return [{ ...at, reason: 'unit-spec-missing', message: `No specification for unit ${u.id}: add specs/units/${u.id.replace(/\//g, '-')}.yaml (folio import can write it)` }];
  }
  const gaps: Gap[] = [];
  for (const c of u.criteria) for (const s of c.shortfalls) gaps.push(criterionGap(r.id, u, c.id, s));
  if (u.iqaNotAgreed) {
    gaps.push({ ...at, reason: 'iqa-not-agreed', message: `IQA ${u.iqaNotAgreed.by} did not agree the assessment on ${u.iqaNotAgreed.date}${u.iqaNotAgreed.feedback ? ` (${q(u.iqaNotAgreed.feedback.trim(), 80)})` : ''}: act on their feedback, then sign the unit off again` });
  } else if (u.earlySignoff) {
    const e = u.earlySignoff;
    gaps.push({ ...at, reason: 'signoff-early', message: `${e.by} signed the unit off on ${e.date}, before ${e.open.length > 5 ? `${e.open.slice(0, 5).join(', ')} and ${e.open.length - 5} more` : list(e.open)} ${e.open.length === 1 ? 'was' : 'were'} met, so the sign-off does not count: every criterion has been met since ${e.since}; sign the unit off again, dated on or after then` });
  } else if (u.status === 'ready-for-signoff') {
    gaps.push({ ...at, reason: 'signoff-missing', message: `${u.total === 1 ? 'The 1 criterion is' : `All ${u.total} criteria are`} met: ${r.assessor ?? 'the assessor'} can sign the unit off` });
  }
  return gaps;
}

function ruleGaps(r: LearnerResult, rule: RuleResult): Gap[] {
  const at = { learner: r.id, unit: null, criterion: null };
  if (rule.status === 'met') return [];
  if (rule.status === 'unknown') {
    const units = rule.unknownUnits ?? [];
    return [{ ...at, reason: 'credits-unknown', message: `${rule.message}: the rule cannot be decided until the credit value${units.length === 1 ? '' : 's'} of ${list(units)} ${units.length === 1 ? 'is' : 'are'} added to the unit specification` }];
  }
  const unitTitle = (id: string) => r.units.find((u) => u.id === id);
  switch (rule.kind) {
    case 'required':
      return (rule.units ?? []).map((id) => {
        const u = unitTitle(id);
        const state = u ? `${u.status.replace(/-/g, ' ')}, ${u.met}/${u.total} criteria met` : 'not started';
        return { ...at, unit: id, reason: 'mandatory-unit-missing' as const, message: `Mandatory unit ${id}${u?.title ? ` ${u.title}` : ''} is not achieved (${state})` };
      });
    case 'min-credits': {
      const short = rule.need! - rule.have!;
      const planned = rule.planned ?? 0;
      if (rule.have! + planned < rule.need!) {
        return [{ ...at, reason: 'unit-not-chosen', message: `Group ${rule.group} needs ${plural(rule.need!, 'credit')} but achieved and chosen units give ${rule.have! + planned}: choose group ${rule.group} units worth ${plural(rule.need! - rule.have! - planned, 'more credit', 'more credits')} in optional-units` }];
      }
      const inProgress = (rule.units ?? []).map((id) => `${id} (${unitTitle(id)?.credits ?? '?'})`);
      return [{ ...at, reason: 'group-credits-short', message: `Group ${rule.group} needs ${plural(rule.need!, 'credit')}, ${rule.have} achieved: ${short} more${inProgress.length ? ` from ${list(inProgress)}` : ''}` }];
    }
    case 'min-units': {
      const planned = rule.planned ?? 0;
      if (rule.have! + planned < rule.need!) {
        return [{ ...at, reason: 'unit-not-chosen', message: `Group ${rule.group} needs ${plural(rule.need!, 'unit')} but achieved and chosen units make ${rule.have! + planned}: choose ${rule.need! - rule.have! - planned} more in optional-units` }];
      }
      return [{ ...at, reason: 'group-units-short', message: `Group ${rule.group} needs ${plural(rule.need!, 'unit')}, ${rule.have} achieved: ${rule.need! - rule.have!} more` }];
    }
    case 'total-credits':
      return [{ ...at, reason: 'total-credits-short', message: `${plural(rule.need!, 'credit')} needed in total, ${rule.have} achieved: ${rule.need! - rule.have!} more` }];
    case 'level-credits':
      return [{ ...at, reason: 'level-credits-short', message: `${rule.message}: ${plural(rule.need! - rule.have!, 'more credit', 'more credits')} at that level` }];
    case 'barred':
      return [{ ...at, reason: 'barred-combination', message: `${rule.message}: keep one of them in optional-units` }];
    default:
      return [];
  }
}

export function gapsOf(r: LearnerResult): Gap[] {
  if (!r.qualificationKnown) {
    return [{ learner: r.id, unit: null, criterion: null, reason: 'qualification-spec-missing', message: `No specification for qualification ${r.qualification}: add specs/qualifications/${r.qualification.replace(/\//g, '-')}.yaml` }];
  }
  if (hasAchieved(r.status)) return [];
  return [...r.units.flatMap((u) => unitGaps(r, u)), ...r.rules.flatMap((rule) => ruleGaps(r, rule))];
}

/** A criterion (or unit, or rule) with every reason that stands in its way: the "next gaps" a
 * record prints name each criterion once, however many reasons it has. */
export interface GapGroup {
  unit: string | null;
  criterion: string | null;
  reasons: { reason: GapReason; message: string }[];
}

/** Gaps grouped by what they are on (unit and criterion), in the order each first appears. */
export function gapsByCriterion(gaps: readonly Gap[]): GapGroup[] {
  const groups = new Map<string, GapGroup>();
  for (const g of gaps) {
    const key = `${g.unit ?? ''}\0${g.criterion ?? ''}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { unit: g.unit, criterion: g.criterion, reasons: [] }));
    group.reasons.push({ reason: g.reason, message: g.message });
  }
  return [...groups.values()];
}
