// The centre as one linked model: what rules and the status engine work on. Every entity
// keeps where it came from (file + data path) so findings can point at it.
import type { Method } from '../schema/common.js';

export type Path = (string | number)[];
export interface Loc {
  file: string;
  path: Path;
}

export interface AssessmentRules {
  methods?: Method[];
  requires?: Method[];
  minEvidence?: number;
}

export interface Criterion {
  id: string;
  text?: string;
  guidance?: string;
  outcome: string;
  /** Own rules, then the outcome's, then the unit's: the first that states each wins. */
  rules: { methods?: Method[]; requires?: Method[]; minEvidence: number };
  loc: Loc;
}

export interface Outcome {
  id: string;
  title?: string;
  type?: 'knowledge' | 'performance';
  criteria: Criterion[];
  loc: Loc;
}

export interface Unit {
  id: string;
  aliases: string[];
  title?: string;
  level?: number;
  credits?: number;
  glh?: number;
  sources: string[];
  /** Notes on the whole unit (a form's closing note). */
  guidance?: string;
  outcomes: Outcome[];
  criteria: Map<string, Criterion>;
  /** Last registration and last certification dates, when the awarding body has set them. */
  operationalEnd?: string;
  certificationEnd?: string;
  loc: Loc;
}

export interface Group {
  id: string;
  title?: string;
  units: { ref: string; loc: Loc }[];
  requiredAll: boolean;
  minCredits?: number;
  maxCredits?: number;
  minUnits?: number;
  maxUnits?: number;
  loc: Loc;
}

export interface Qualification {
  id: string;
  title: string;
  level?: number;
  minCredits?: number;
  groups: Group[];
  barred: { units: string[]; loc: Loc }[];
  minCreditsAtLevel?: { level: number; credits: number };
  operationalEnd?: string;
  certificationEnd?: string;
  loc: Loc;
}

export interface Staff {
  id: string;
  name: string;
  roles: Set<string>;
  emails: string[];
  /** When they started in their role at this centre (sampling counts an assessor new from it). */
  since?: string;
  /** When they started on each qualification, by qualification number as written. */
  qualifications?: { qualification: string; since: string; loc: Loc }[];
  /** Ids of the sites where they work. */
  sites?: { id: string; loc: Loc }[];
  loc: Loc;
}

/** An assessment site: the centre's own premises or an employer's workplace. */
export interface Site {
  id: string;
  name: string;
  address?: string;
  loc: Loc;
}

/** The centre's IQA sampling strategy (README "The quality cycle"); rates are percentages. */
export interface Sampling {
  interimRate?: number;
  summativeRate?: number;
  newAssessorRate?: number;
  newAssessorMonths?: number;
  beforeClaim?: 'none' | 'sampled' | 'all';
  loc: Loc;
}

export interface CentreInfo {
  name: string;
  number?: string;
  staff: Map<string, Staff>;
  /** Every entry as written, duplicates included, for the duplicate check. */
  staffList: Staff[];
  /** Staff entries the schema left out (already reported in the centre file), by id and place:
   * a record naming one is not reported again as unknown-staff, and what follows from its
   * decisions not counting is a consequence. Absent when none was left out. */
  droppedStaff?: { id: string; loc: Loc }[];
  currencyYears?: number;
  /** Every site as written, duplicates included (the sites rule reports them). */
  sites?: Site[];
  sampling?: Sampling;
  loc: Loc;
}

export interface CoverRef {
  criterion: string;
  loc: Loc;
}

export interface Cover {
  unitRef: string; // as written
  criteria: CoverRef[];
  loc: Loc; // the key
}

export interface Assessment {
  by: string;
  date: string;
  decision: 'accepted' | 'not-yet';
  feedback?: string;
  loc: Loc;
}

export interface Evidence {
  id: string;
  title?: string;
  method: Method;
  witness?: string;
  date?: string;
  location: { kind: 'file' | 'url' | 'ref'; value: string } | undefined;
  /** For file evidence: whether the file exists inside the learner's folder. */
  fileProblem?: 'missing' | 'not-a-file' | 'outside';
  covers: Cover[];
  assessment?: Assessment;
  /** The site where it was produced or observed, when not the learner's. */
  site?: string;
  loc: Loc;
}

export interface DroppedEvidence {
  id?: string;
  covers: { unitRef: string; criteria: string[] }[];
  /** Whether it holds an assessment at all (its decision may be the typo). */
  assessed: boolean;
  loc: Loc;
}

export interface Witness {
  id: string;
  name: string;
  relationship?: string;
  status?: string;
  loc: Loc;
}

export interface Signoff {
  unitRef: string;
  by: string;
  date: string;
  loc: Loc;
}

export interface IqaRecord {
  unitRef: string;
  by: string;
  date: string;
  stage: 'interim' | 'summative';
  decision: 'agreed' | 'not-agreed';
  evidence: string[];
  feedback?: string;
  loc: Loc;
}

/** The learner's last day in learning, when they have withdrawn. */
export interface Withdrawal {
  date: string;
  reason?: string;
  by?: string;
  loc: Loc;
}

export interface Break {
  from: string;
  /** The day the learner came back; absent while the break goes on. */
  to?: string;
  reason?: string;
  loc: Loc;
}

export type ExemptionKind = 'credit-transfer' | 'exemption' | 'rpl';

/** A unit achieved elsewhere (credit transfer), exempted, or recognised as prior learning:
 * it counts as achieved with its credits, never as met criteria. */
export interface Exemption {
  unitRef: string;
  kind: ExemptionKind;
  reference?: string;
  date: string;
  by: string;
  note?: string;
  loc: Loc;
}

/** A claim to the awarding body: the whole qualification, or units for unit certificates. */
export interface Claim {
  date: string;
  qualification?: string;
  units?: { ref: string; loc: Loc }[];
  by: string;
  reference?: string;
  certificate?: string;
  certificateDate?: string;
  loc: Loc;
}

export interface Transfer {
  date: string;
  from: string;
  by?: string;
  reason?: string;
  loc: Loc;
}

/** A portfolio as the linked model, while one learner is assessed (the learner types are
 * listed in status/types.ts). */
export interface Learner {
  id: string; // the folder name
  dir: string; // repository-relative folder
  name: string;
  uln?: string;
  qualificationRef: string;
  registered?: string;
  assessor?: string;
  /** The learner's assessment site (an id from the centre's sites). */
  site?: string;
  optionalUnits: { ref: string; loc: Loc }[];
  witnesses: Witness[];
  evidence: Evidence[];
  /** Evidence items the schema left out (a shape error, already reported), with what they
   * claimed as far as it could be read: findings that follow only from their absence are
   * consequences of that report (pipeline/consequences.ts). Absent when none was left out. */
  dropped?: DroppedEvidence[];
  /** Witness entries the schema left out (already reported), by id and place: evidence naming
   * one is not reported again as unknown-witness. Absent when none was left out. */
  droppedWitnesses?: { id: string; loc: Loc }[];
  /** Sign-offs the schema left out (already reported), by the unit they name: a summative IQA
   * of that unit is not reported again as before any sign-off. Absent when none was left out. */
  droppedSignoffs?: { unitRef: string; loc: Loc }[];
  signoffs: Signoff[];
  iqa: IqaRecord[];
  registrationNumber?: string;
  withdrawn?: Withdrawal;
  breaks: Break[];
  exemptions: Exemption[];
  claims: Claim[];
  transfers: Transfer[];
  loc: Loc;
}

/** What every learner is evaluated against: the unit and qualification specifications and the
 * centre file. Loaded once per run; learners are loaded and evaluated one at a time. */
export interface Specs {
  units: Unit[];
  qualifications: Qualification[];
  centre?: CentreInfo;
  /** Ids that spec files in error would have defined (from their file names): references to
   * them are not reported again as unknown. */
  unreadableSpecs: Set<string>;
}
