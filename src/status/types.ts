// Plain results of the status engine. Formatters and the JSON contract read these; nothing
// here knows about output.
//
// What "a learner" is, by stage (one name each):
//   LearnerEntry   (load/files.ts)      where a learner's portfolio is: folder id, folder, file.
//                                        Exists from listing portfolios/, before anything is read.
//   Learner        (model/types.ts)     the portfolio as the linked model, every record with its
//                                        place. Exists only while that one learner is assessed.
//   LearnerResult  (here)               the status engine's judgement: units, criteria, rules.
//                                        The JSON contract; kept in memory or in the cache.
//   LearnerSummary (here)               the entry plus what a check and the cohort table need
//                                        (name, ULN, status, how many gaps): one per learner in
//                                        an analysis, and what the cross-learner rules receive.
//   Assessed       (pipeline/learner.ts) one learner as the pipeline hands it on: summary,
//                                        result, diagnostics and what they rested on (for the
//                                        cache). Exists between assessing and storing a learner.
import type { LearnerEntry } from '../load/files.js';
import type { Path } from '../model/types.js';
import type { Method } from '../schema/common.js';

export type CriterionStatus = 'met' | 'insufficient' | 'awaiting-assessment' | 'not-yet' | 'missing';
/** exempted: counted by credit transfer, exemption or RPL, not by criteria met here; claimed:
 * achieved (or exempted) and claimed from the awarding body; certificated: its certificate is
 * recorded. The last four all count as achieved in the rules of combination (countsAchieved). */
export type UnitStatus = 'achieved' | 'exempted' | 'claimed' | 'certificated' | 'ready-for-signoff' | 'in-progress' | 'not-started' | 'unknown';
export type QualificationStatus = 'achieved' | 'claimed' | 'certificated' | 'in-progress' | 'not-started';

/** Whether a unit counts as achieved: by its criteria, by exemption, or claimed since. */
export const countsAchieved = (s: UnitStatus): boolean => s === 'achieved' || s === 'exempted' || s === 'claimed' || s === 'certificated';
/** Whether a learner has achieved the qualification, claimed since or not. */
export const hasAchieved = (s: QualificationStatus): boolean => s === 'achieved' || s === 'claimed' || s === 'certificated';
export type RuleStatus = 'met' | 'unmet' | 'unknown';

/** Why a criterion is not met, with what it would take. One criterion may have several. */
export type Shortfall =
  | { reason: 'missing' }
  | { reason: 'awaiting-assessment'; pending: string[] }
  | { reason: 'not-yet'; referred: string[] }
  | { reason: 'method-not-accepted'; items: string[]; methods: Method[] }
  | { reason: 'needs-more-evidence'; have: string[]; need: number }
  | { reason: 'requires-method'; methods: Method[] }
  | { reason: 'evidence-file-missing'; items: string[] }
  /** Accepted witness evidence naming a witness the portfolio does not list: it cannot count. */
  | { reason: 'witness-unknown'; items: string[]; witnesses: string[] }
  /** Accepted expert-witness evidence whose witness is not an expert (why, per item). */
  | { reason: 'witness-not-expert'; items: string[]; witnesses: string[] };

export interface CriterionResult {
  id: string;
  outcome: string;
  text?: string;
  status: CriterionStatus;
  /** Ids of every item that covers the criterion, in portfolio order. */
  evidence: string[];
  shortfalls: Shortfall[];
  /** Items covering it that still await assessment (may coexist with accepted ones). */
  pending: string[];
}

export interface UnitResult {
  id: string;
  title?: string;
  credits?: number;
  level?: number;
  group?: string;
  mandatory: boolean;
  status: UnitStatus;
  criteria: CriterionResult[];
  met: number;
  total: number;
  signoff?: { by: string; date: string };
  /** Latest IQA decision on the unit when it did not agree the assessment. */
  iqaNotAgreed?: { by: string; date: string; feedback?: string };
  /** The latest sign-off when it came before every criterion was met, so it does not count:
   * the criteria not yet met on its date, and the first day every criterion was met. */
  earlySignoff?: { by: string; date: string; open: string[]; since: string };
  /** The exemption or credit transfer it counts by (status exempted, or claimed since). */
  exemption?: { kind: 'credit-transfer' | 'exemption' | 'rpl'; date: string; reference?: string };
  /** The claim that names it, or the claim of the whole qualification. */
  claim?: { date: string; reference?: string; certificate?: string };
}

export interface RuleResult {
  id: string;
  kind: 'required' | 'min-credits' | 'max-credits' | 'min-units' | 'max-units' | 'total-credits' | 'level-credits' | 'barred';
  group?: string;
  status: RuleStatus;
  message: string;
  /** Figures for gap messages: needed, achieved, and what the chosen units could add. */
  need?: number;
  have?: number;
  planned?: number;
  units?: string[];
  unknownUnits?: string[];
}

export interface LearnerResult {
  id: string;
  name: string;
  qualification: string;
  qualificationTitle?: string;
  qualificationKnown: boolean;
  assessor?: string;
  uln?: string;
  registered?: string;
  /** The qualification's groups in order, for headings. */
  groups: { id: string; title?: string }[];
  status: QualificationStatus;
  credits: { achieved: number; required: number | null; unknownUnits: string[] };
  units: UnitResult[];
  rules: RuleResult[];
  criteria: { met: number; total: number };
  unitsAchieved: number;
  /** Units the learner must achieve: mandatory plus chosen optional units. */
  unitsNeeded: number;
  /** Set when the learner has withdrawn (by the as-of date): out of cohort figures and --fail-on. */
  withdrawn?: { date: string; reason?: string; by?: string };
  /** Breaks in learning begun by the as-of date, in file order; a break pauses nothing. */
  breaks?: { from: string; to?: string; reason?: string }[];
  /** The claim of the whole qualification, when there is one by the as-of date. */
  claim?: { date: string; reference?: string; certificate?: string };
  /** The lifecycle records themselves, dated by the as-of date, in file order, for the views
   * that show them (status of a learner, the report's learner page); units by their own numbers. */
  exemptions?: ExemptionRecord[];
  claims?: ClaimRecord[];
  transfers?: TransferRecord[];
}

/** An exemption, credit transfer or RPL as recorded. */
export interface ExemptionRecord {
  unit: string;
  kind: 'credit-transfer' | 'exemption' | 'rpl';
  date: string;
  reference?: string;
  by: string;
}

/** A claim to the awarding body as recorded: of the qualification, or of units. */
export interface ClaimRecord {
  date: string;
  qualification?: string;
  units?: string[];
  by: string;
  reference?: string;
  certificate?: string;
  certificateDate?: string;
}

/** A move from another qualification to this one. */
export interface TransferRecord {
  date: string;
  from: string;
  by?: string;
  reason?: string;
}

/** Learners' results as a report walks through them, once or more: read one at a time as it
 * goes, so a cohort of thousands is never in memory at once. An array is one too. */
export interface Results extends Iterable<LearnerResult> {
  readonly length: number;
}

/** A learner in an analysis: where their portfolio is, and the figures a check, the cohort
 * table and the cross-learner rules need without the full result. Plain data. */
export interface LearnerSummary extends LearnerEntry {
  name: string;
  assessor?: string;
  uln?: string;
  status: QualificationStatus;
  /** How many gaps stand between the learner and achievement (the cohort table shows it). */
  gaps: number;
  /** The date the learner withdrew, when they have: out of cohort figures and --fail-on. */
  withdrawn?: string;
  /** The start of a break in learning that goes on at the as-of date. */
  onBreak?: string;
  /** Where each optional unit is chosen in the portfolio, for placing gaps in CI reports. */
  optionalUnits: { ref: string; path: Path }[];
}
