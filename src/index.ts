// folio as a library: the one typed entry point that the command line itself uses. A script
// of a centre's own, an editor plugin or a web report opens a centre, assesses it and formats
// what it needs, exactly as `folio status` or `folio gaps` would. Results are plain data; the
// JSON formats are the stable contract (README "Machine-readable output").
//
//   const centre = await openCentre({ dir: 'path/to/centre' });
//   const a = await assess(centre, { asOf: '2026-06-30' });
//   console.log(format('gaps', 'markdown', gaps(a)));

/** Open a centre from a folder, a git revision (at) or git's index (staged). */
export { openCentre, asOfFor, today, type Centre, type OpenOptions } from './api/centre.js';
/** Assess every learner or some, as of a day; or only what a change can affect. */
export { assess, type Assessment, type AssessOptions, type LearnerSummary, type Selection } from './api/assess.js';
/** Views of an assessment: the data each report formats. */
export { check, gaps, notAchieved, placeGaps, selectLearners, specList, specShow, status, statusStream, unitId, type CheckOptions, type LearnerFilter } from './api/views.js';
/** What the centre's git history says. */
export { history, progress, signaturePrograms, verify, type ProgressOptions, type Verification, type VerifyOptions, type Timeline, type Progress, type By, type VerifyResult } from './api/history.js';
/** The static HTML report: its data from the calls above, and the site written from it. */
export { report, type ReportData, type ReportLearner, type ReportOptions, type FromGit } from './api/report.js';
export { writeSite, type WriteSiteOptions, type WrittenSite } from './api/report-write.js';
/** What a learner's portfolio records (evidence, decisions, sign-offs, IQA), as of the assessment's day. */
export { records, type EvidenceRecord, type PortfolioRecords } from './api/records.js';
/** The quality cycle: the IQA sample plan, its file in iqa/plans/, and what a plan still asks for. */
export { iqaDue, iqaPlan, learnersOf, loadPlan, planIds, writePlan, type Due, type DueItem, type IqaDue, type IqaPlan, type Plan, type PlanFile, type Quota, type Sample, type SampleReason } from './api/iqa.js';
/** The EQA visit: a committed plan's samples with their decisions, evidence, IQA records and
 * the commits that recorded each, and the folder it is handed over in. */
export { eqaPack, packFiles, writePack, type EqaPack, type PackDecision, type PackEvidence, type PackIqa, type PackSample, type PlanOrder, type Provenance } from './api/eqa.js';
/** Claims for certification: what is ready to claim and why the rest is not (one definition),
 * and recording a claim or its certificate. */
export { claimReady, reasonText, type BeforeClaim, type ClaimEntry, type ClaimOf, type ClaimReady, type ClaimReadyOptions, type NotReady } from './api/claims.js';
export { recordClaim, type NewClaim } from './api/claim-record.js';
/** What folio writes. */
export { checkForms, type CheckFormsOptions, type ImportCheckReport, type UnitCheck } from './api/import-check.js';
export { addLearner, importForms, initCentre, jsonSchema, newSpec, type AddedLearner, type NewLearnerOptions, type ImportFormsOptions, type ImportReport, type InitOptions, type InitResult, type NewLearner, type NewSpec } from './api/write.js';
/** Recording the work: evidence, assessment decisions, sign-offs and IQA records, through one
 * writing core (refuses what check would report, writes atomically, commits as the staff member). */
export { criteriaNamed, recordChoices, type RecordChoices, type UnitChoice } from './api/choices.js';
/** Shell completion's candidates, read from only the files each kind of word needs. */
export { completionSource, type CompletionSource } from './api/complete.js';
export { addStaff, addWitness, type NewStaff, type NewWitness } from './api/people.js';
/** The learner's lifecycle: withdrawal, breaks, exemptions, a move to another qualification, an
 * assessor's caseload handed over. */
export { endBreak, exemptUnit, startBreak, withdrawLearner, type ExemptionKind, type NewExemption } from './api/lifecycle.js';
export { transferLearner, type Transfer, type TransferResult, type TransferUnit } from './api/transfer.js';
export { reassignCaseload, type Reassignment, type ReassignResult } from './api/reassign.js';
export { addEvidence, assessEvidence, nextEvidenceId, recordIqa, RecordRefused, signOff, type IqaDecision, type NewEvidence, type RecordOptions, type RecordResult } from './api/record.js';
/** One file folio init wrote, merged, left or replaced; how a centre installs folio. */
export type { InitStep } from './init-write.js';
export type { PackageSpec } from './install-source.js';
/** The formatters, from the one registry. */
export { format, formatChunks, formatsOf, isFormat, type Command, type Format, type FormatOptions, type Reports } from './api/format.js';
/** Where a centre is and where it sits in its git repository (no centre opened). */
export { findCentreRoot, locateCentre, type CentreLocation } from './locate.js';
/** The error thrown for a misuse or unusable input: its message says what to do. */
export { UsageError } from './usage-error.js';
/** Whether a finding of a code means results leave something out (a file skipped, an item dropped). */
export { leavesOut } from './diagnostics.js';
import { SCHEMA_KINDS as KINDS } from './schema/kinds.js';
import { VERSION as CONTRACT } from './render/contract.js';
import { VERSION as PACKAGE_VERSION } from './version.js';

/** The four kinds of file folio reads: unit, qualification, portfolio, centre. */
export const SCHEMA_KINDS = KINDS;
/** One of SCHEMA_KINDS. */
export type SchemaKind = import('./schema/kinds.js').SchemaKind;
/** folio's version. */
export const VERSION = PACKAGE_VERSION;
/** The version of the JSON output contract (the "version" of every JSON document). */
export const CONTRACT_VERSION = CONTRACT;

// The data types of results and reports, each named here with what it stands for.
/** A finding: file, line, column, severity, check code and message. */
export type Diagnostic = import('./diagnostics.js').Diagnostic;
/** How bad a finding is: an error fails a check, a warning only with --fail-on warning. */
export type Severity = import('./diagnostics.js').Severity;
/** The data of check's and verify's formats: findings and counts. */
export type CheckReport = import('./render/check.js').CheckReport;
/** The data of gaps's formats. */
export type GapsReport = import('./render/gaps.js').GapsReport;
/** The data of status's formats. */
export type StatusReport = import('./render/status.js').StatusReport;
/** The data of spec list's formats. */
export type SpecList = import('./render/spec.js').SpecList;
/** The data of spec show's formats. */
export type SpecShow = import('./render/spec.js').SpecShow;
/** One thing between a learner and achievement, with what to do about it. */
export type Gap = import('./status/gaps.js').Gap;
/** A criterion with every reason it is not met: the next gaps a record reports. */
export type GapGroup = import('./status/gaps.js').GapGroup;
/** Why a gap is one (README "Gap reasons"). */
export type GapReason = import('./status/gaps.js').GapReason;
/** One learner's results: qualification status, credits, units, rules of combination. */
export type LearnerResult = import('./status/types.js').LearnerResult;
/** One unit's status and criteria for a learner. */
export type UnitResult = import('./status/types.js').UnitResult;
/** One assessment criterion's status and evidence for a learner. */
export type CriterionResult = import('./status/types.js').CriterionResult;
/** One rule of combination, met or not. */
export type RuleResult = import('./status/types.js').RuleResult;
/** A learner's standing on their qualification (README "What each status means"). */
export type QualificationStatus = import('./status/types.js').QualificationStatus;
/** A unit's status for a learner. */
export type UnitStatus = import('./status/types.js').UnitStatus;
/** A criterion's status for a learner. */
export type CriterionStatus = import('./status/types.js').CriterionStatus;
/** The centre's specifications: units, qualifications and the centre file. */
export type Specs = import('./model/types.js').Specs;
/** A unit specification. */
export type Unit = import('./model/types.js').Unit;
/** A qualification specification with its rules of combination. */
export type Qualification = import('./model/types.js').Qualification;
