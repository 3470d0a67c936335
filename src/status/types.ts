// Plain results of the status engine. Formatters and the JSON contract read these; nothing
// here knows about output.
import type { Method } from '../schema/common.js';

export type CriterionStatus = 'met' | 'insufficient' | 'awaiting-assessment' | 'not-yet' | 'missing';
export type UnitStatus = 'achieved' | 'ready-for-signoff' | 'in-progress' | 'not-started' | 'unknown';
export type QualificationStatus = 'achieved' | 'in-progress' | 'not-started';
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
}

/** Learners' results as a report walks through them, once or more: read one at a time as it
 * goes, so a cohort of thousands is never in memory at once. An array is one too. */
export interface Results extends Iterable<LearnerResult> {
  readonly length: number;
}
