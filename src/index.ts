// folio as a library: the one typed entry point that the command line itself uses. A script
// of a centre's own, an editor plugin or a web report opens a centre, assesses it and formats
// what it needs, exactly as `folio status` or `folio gaps` would. Results are plain data; the
// JSON formats are the stable contract (README "Machine-readable output").
//
//   const centre = await openCentre({ dir: 'path/to/centre' });
//   const a = await assess(centre, { asOf: '2026-06-30' });
//   console.log(format('gaps', 'markdown', await gaps(a)));

/** Open a centre from a folder, a git revision (at) or git's index (staged). */
export { openCentre, asOfFor, today, type Centre, type OpenOptions } from './api/centre.js';
/** Assess every learner or some, as of a day; or only what a change can affect. */
export { assess, type Assessment, type AssessOptions, type LearnerReport, type Selection } from './api/assess.js';
/** Views of an assessment: the data each report formats. */
export { check, gaps, placeGaps, selectLearners, specList, specShow, status, unitId, type CheckOptions, type LearnerFilter } from './api/views.js';
/** What the centre's git history says. */
export { history, progress, signaturePrograms, verify, type ProgressOptions, type Verification, type VerifyOptions, type Timeline, type Progress, type By, type VerifyResult } from './api/history.js';
/** What folio writes. */
export { addLearner, importForms, initCentre, jsonSchema, type ImportFormsOptions, type ImportReport, type InitOptions, type NewLearner } from './api/write.js';
/** The formatters, from the one registry. */
export { format, formatChunks, formatsOf, isFormat, type Command, type Format, type FormatOptions, type Reports } from './api/format.js';
/** Where a centre is and where it sits in its git repository (no centre opened). */
export { findCentreRoot, locateCentre, type CentreLocation } from './locate.js';
/** The error thrown for a misuse or unusable input: its message says what to do. */
export { UsageError } from './api/errors.js';
export { SCHEMA_KINDS, type SchemaKind } from './schema/kinds.js';

export type { Diagnostic, Severity } from './diagnostics.js';
export type { CheckReport } from './render/check.js';
export type { GapsReport } from './render/gaps.js';
export type { StatusReport } from './render/status.js';
export type { SpecList, SpecShow } from './render/spec.js';
export type { Gap, GapReason } from './status/gaps.js';
export type { CriterionResult, CriterionStatus, LearnerResult, QualificationStatus, RuleResult, UnitResult, UnitStatus } from './status/types.js';
export type { Qualification, Specs, Unit } from './model/types.js';
/** folio's version, and the version of its JSON output contract. */
export { VERSION } from './version.js';
export { VERSION as CONTRACT_VERSION } from './render/contract.js';
