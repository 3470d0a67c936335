// One Diagnostic type for every finding: YAML syntax, schema shape, cross-file rules and the
// warnings of folio import.
// Stages create diagnostics with a data path; positions are resolved in one place
// (source.ts) so no rule ever computes a line number itself.
// Each finding also carries a message id (short, kebab-case, unique within its code, stable)
// and the data its message is written from (plain JSON values: ids, references, dates,
// counts), so a caller or a test tells findings apart by code and message id, never by the
// wording. The wording stays where the finding is made, so a check and what it says are read
// together: a rule passes its message id and data to at() (rules/context.ts) with a function
// that writes the message from that data; the loader, the schema mapper (schema/validate.ts)
// and verify (verify/records.ts finding()) set both next to the text they write; folio import,
// whose messages are many and short, keeps one table (import/messages.ts). Message ids and data
// are for library callers and tests: no output format prints them, the JSON contract does not
// carry them, and the cache keeps them (cache/shape.ts).
import { quote } from './render/safe.js';

export type Severity = 'error' | 'warning';

/** A plain JSON value: what a finding's data holds, so it survives the cache and workers. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
/** The values a message is written from, by name. */
export type MessageData = Record<string, Json>;

/** Where in a file a finding points: a data path, and whether the key or the value is meant. */
export interface Target {
  file: string; // repository-relative, with '/'
  path?: (string | number)[];
  key?: boolean; // point at the map key rather than its value
  offset?: number; // a raw offset, for YAML syntax errors that have no data path
  whole?: boolean; // the file as a whole (line 0), e.g. for its folder's name
}

/** A finding with its position. C is the registry its code is from: CODES for check and verify,
 * IMPORT_CODES for folio import's warnings (placed on a line of the form, not in YAML). */
export interface Diagnostic<C extends string = Code> {
  code: C;
  severity: Severity;
  message: string;
  /** Which message of its code this is (short, kebab-case, unique within its code, stable), and
   * the values it was written from: a caller tells findings apart by code and message id, never
   * by the wording. Every finding of check and verify and every warning of import has both;
   * they are optional here only for diagnostics a caller builds by hand. No output format
   * prints them. */
  messageId?: string;
  data?: Record<string, unknown>;
  file: string;
  line: number; // from 1; 0 when the file as a whole is meant
  column: number; // from 1; 0 when the file as a whole is meant
  /** The source line the position falls on, for excerpts in the terminal. */
  excerpt?: string;
  /** Where the column falls in the excerpt, when a long line was cut to a window around it. */
  excerptColumn?: number;
}

/** A finding before its position is resolved. */
export interface Finding {
  code: Code;
  message: string;
  /** Which message of its code this is (see Diagnostic). */
  messageId: string;
  /** The values the message is written from. */
  data: MessageData;
  target: Target;
  severity?: Severity; // defaults to the code's severity
  /** What the finding follows from, when it may be only a consequence of another mistake: one
   * group per reason it holds, each group the items (itemKey) any of which, already reported
   * as an error, explains that reason. When every group is explained the finding is left out,
   * so one typo is reported once (pipeline/consequences.ts). */
  follows?: string[][];
}

interface CodeInfo {
  severity: Severity;
  summary: string;
  /** The command that reports it, when not folio check. */
  command?: 'verify';
  /** A code whose finding on the same line already says what this one would: this one is then
   * left out, so one mistake is reported once. For raw characters, which have no data path; a
   * finding that follows from a reported list item names it in Finding.follows instead. */
  consequenceOf?: string;
  /** A finding of this code means folio read less than the file holds (the file skipped, or a
   * value or item of it dropped), so results leave something out: the CLI says so on stderr. */
  leavesOut?: true;
}

// The registry of stable codes. Adding a check means adding its code here first; the README
// table of check codes is tested against this list. CI formats describe the codes of the
// command that ran (check, or verify).
export const CODES = {
  'yaml-syntax': { severity: 'error', summary: 'The file is not valid YAML.', leavesOut: true },
  'duplicate-key': { severity: 'error', summary: 'A key appears twice in the same mapping.' },
  'too-deep': { severity: 'error', summary: 'Lists and mappings are nested more than 64 levels deep (aliases included); the file is skipped.', leavesOut: true },
  'alias-expansion': { severity: 'error', summary: "A file's aliases stand for more than 100,000 values in all; the file is skipped.", leavesOut: true },
  'value-too-long': { severity: 'error', summary: 'A single key or value is longer than folio reads (10,000 characters), so the file is skipped.', leavesOut: true },
  'too-many-values': { severity: 'error', summary: 'A file holds more keys and values than folio reads (50,000), so the file is skipped.', leavesOut: true },
  'file-unreadable': { severity: 'error', summary: 'A file could not be read.', leavesOut: true },
  'link-outside': { severity: 'error', summary: 'A file or folder of the centre is a symbolic link that leads outside the centre, so it is not read.', leavesOut: true },
  'special-file': { severity: 'error', summary: 'A named pipe, socket or device stands where a YAML file should be, so it is not opened.', leavesOut: true },
  'file-too-large': { severity: 'error', summary: "A YAML file is over folio's size limit (1 MiB), so it is not read.", leavesOut: true },
  'file-encoding': { severity: 'error', summary: 'A file is not UTF-8, so its content is not checked further.', leavesOut: true },
  'control-character': { severity: 'error', summary: 'A control character (NUL, ESC…) other than tab and line breaks is in a file.' },
  'unknown-key': { severity: 'error', summary: 'A key that the format does not define (often a typo).' },
  'missing-field': { severity: 'error', summary: 'A required field is absent.', leavesOut: true },
  'invalid-type': { severity: 'error', summary: 'A value has the wrong shape (e.g. text where a list is expected).', leavesOut: true },
  'invalid-value': { severity: 'error', summary: 'A value is outside its fixed vocabulary or range.', leavesOut: true },
  'invalid-date': { severity: 'error', summary: 'A date is not a real calendar date written YYYY-MM-DD.', leavesOut: true },
  'invalid-number': { severity: 'error', summary: 'A number is not a whole number.', leavesOut: true },
  'evidence-location': { severity: 'error', summary: 'An evidence item must give exactly one of file, url or ref.', leavesOut: true },
  'claim-scope': { severity: 'error', summary: 'A claim must give exactly one of qualification (the whole qualification) or units (unit certificates).', leavesOut: true },
  'unknown-qualification': { severity: 'error', summary: 'A portfolio names a qualification with no specification.' },
  'unknown-unit': { severity: 'error', summary: 'A unit is referenced that has no specification.' },
  'qualification-unit-unknown': { severity: 'warning', summary: 'A qualification lists a unit that has no specification, so no learner can take it yet.', consequenceOf: 'placeholder' },
  'unknown-criterion': { severity: 'error', summary: 'An evidence item claims a criterion the unit does not have.' },
  'unit-not-in-qualification': { severity: 'error', summary: "A unit is used that is not part of the learner's qualification." },
  'unit-not-chosen': { severity: 'warning', summary: 'Evidence covers an optional unit the learner has not chosen.' },
  'unknown-evidence': { severity: 'error', summary: 'An IQA record samples an evidence id the portfolio does not have.' },
  'duplicate-evidence-id': { severity: 'error', summary: 'Two evidence items in one portfolio share an id.' },
  'duplicate-unit': { severity: 'error', summary: 'Two unit specifications claim the same number or alias.' },
  'duplicate-qualification': { severity: 'error', summary: 'Two qualification specifications claim the same number.' },
  'duplicate-outcome': { severity: 'error', summary: 'A unit has two outcomes with the same id.' },
  'duplicate-criterion': { severity: 'error', summary: 'A unit has two criteria with the same id.' },
  'duplicate-entry': { severity: 'error', summary: 'A list names the same staff member, witness or unit twice, or a unit is claimed twice.' },
  'duplicate-uln': { severity: 'error', summary: 'Two learners share a Unique Learner Number.' },
  'spec-file-name': { severity: 'warning', summary: 'A specification file is not named after its identifier.' },
  'evidence-file-missing': { severity: 'error', summary: 'An evidence file does not exist.' },
  'evidence-file-outside': { severity: 'error', summary: "An evidence file lies outside the learner's folder." },
  'unknown-staff': { severity: 'error', summary: 'A staff id is not listed in portfolios/centre.yaml.' },
  'staff-role': { severity: 'error', summary: 'A staff member acts in a role they do not hold.' },
  'unknown-witness': { severity: 'error', summary: "A witness id is not listed in the portfolio's witnesses." },
  'unknown-site': { severity: 'error', summary: 'A portfolio, an evidence item or a staff member names a site that portfolios/centre.yaml does not list.' },
  'future-date': { severity: 'error', summary: 'A date lies after today (or --as-of).' },
  'date-order': { severity: 'error', summary: 'Dates are out of order (assessed before dated, signed off before assessed, withdrawn before registered, a break ending before it starts, a certificate before its claim…).' },
  'signoff-unmet': { severity: 'error', summary: 'A unit is signed off while some of its criteria are not met.' },
  'iqa-own-decision': { severity: 'error', summary: 'An IQA decision is made by the assessor whose decisions it reviews.' },
  'barred-combination': { severity: 'error', summary: 'A learner combines units the rules of combination bar together.' },
  'unit-check-letter': { severity: 'warning', summary: 'A unit reference number has the wrong check letter.' },
  'qualification-check-digit': { severity: 'warning', summary: 'A qualification number has the wrong check character.' },
  'placeholder': { severity: 'error', summary: 'A specification still holds a TODO that folio spec new wrote, to fill in from the awarding body\'s document.' },
  'uln-check-digit': { severity: 'error', summary: 'A Unique Learner Number fails its check digit or format.' },
  'evidence-currency': { severity: 'warning', summary: "Evidence was older than the centre's currency policy when assessed." },
  'witness-missing': { severity: 'warning', summary: 'Witness evidence does not say who the witness is.' },
  'witness-not-expert': { severity: 'warning', summary: 'Expert-witness evidence whose witness is not an expert witness (status 1), so it counts only as witness testimony.' },
  'claim-not-achieved': { severity: 'error', summary: 'A claim names a unit or qualification the learner has not achieved, or another qualification.' },
  'changed-after-claim': { severity: 'error', summary: "Evidence, a decision, a sign-off or an IQA record on a claimed unit is dated after the claim." },
  'certification-end': { severity: 'warning', summary: 'A learner has not achieved a qualification or unit whose certification end date is less than 90 days away or past.' },
  'unsafe-text': { severity: 'error', summary: 'A name, id, title or claim, certificate, exemption or registration number (or a learner folder name) holds a control, line-separator or text-direction character that reports can only show escaped.', consequenceOf: 'control-character' },
  // From folio verify, which checks the records against the git history that holds them.
  'verify-author': { severity: 'error', summary: 'folio verify: a line of a decision, sign-off or IQA record was committed by someone other than the staff member it names.', command: 'verify' },
  'verify-uncommitted': { severity: 'error', summary: 'folio verify: a decision, sign-off or IQA record is not committed, so its author is not on record.', command: 'verify' },
  'verify-no-email': { severity: 'error', summary: 'folio verify: a staff member named by records has no email in portfolios/centre.yaml, so their records cannot be verified.', command: 'verify' },
  'verify-edited-after-iqa': { severity: 'error', summary: 'folio verify: a decision or sign-off was changed after an IQA record on its unit sampled it.', command: 'verify' },
  'verify-iqa-before-plan': { severity: 'warning', summary: 'folio verify: an IQA record dated on or after a sample plan that samples its unit was committed before the plan asked for it.', command: 'verify' },
  'verify-changed-after-claim': { severity: 'error', summary: 'folio verify: evidence, a decision, a sign-off or an IQA record on a claimed unit was last changed by a commit not in the history of the commit that recorded the claim.', command: 'verify' },
  'verify-history-missing': { severity: 'error', summary: "folio verify: a record's line comes from before a shallow clone's history starts, so its author cannot be known.", command: 'verify' },
  'verify-unsigned': { severity: 'error', summary: 'folio verify --signed: a commit behind a record is not signed.', command: 'verify' },
  'verify-bad-signature': { severity: 'error', summary: 'folio verify --signed: a commit behind a record has a signature that does not match its content.', command: 'verify' },
  'verify-signature-unknown': { severity: 'error', summary: 'folio verify --signed: a commit behind a record has a signature that cannot be trusted (not checkable, untrusted, expired or revoked key).', command: 'verify' },
  'verify-signer': { severity: 'error', summary: 'folio verify --signed: a commit behind a record is signed by someone other than the staff member it names.', command: 'verify' },
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;

/** Stable codes for what folio import notices in a form, each a warning: the README's
 * "Importing unit specifications" lists them. Its messages are in import/messages.ts. */
export const IMPORT_CODES = {
  'unplaced-text': 'text inside a unit that could not be attached to a unit, outcome or criterion',
  'outside-units': 'lines before, between or after units (covers, appendices of general forms): skipped',
  'foreign-criterion': 'a criterion numbered for another unit (seed 002 prints 203.3.5 inside unit 202)',
  'numbering-gap': 'a criterion or outcome number is skipped',
  'numbering-repeat': 'a criterion number appears twice; the first is kept',
  'repeated-text': 'two criteria have the same text',
  'check-letter': 'a unit reference number whose check letter is wrong',
  'unknown-method': 'an "Evidence may be supplied by" entry that is not one of the evidence methods',
  'no-unit-number': 'the form gives no unit number',
  'no-criteria': 'a unit with no assessment criteria',
  'no-units': 'a form in which no unit was found',
  'grid-unread': 'an N/SVQ U/K or evidence requirements grid that could not be read',
  'matched-spec': 'a form without a unit number whose criteria match an existing specification',
  'wording-differs': 'a form merged into a specification words a criterion differently',
  encoding: 'a form that is not UTF-8 (read as Windows-1252 or UTF-16, as its bytes show)',
  'numbering-order': 'an outcome or criterion out of order: kept in the order the form gives',
  'misplaced-criterion': 'a criterion numbered for another outcome than the one it stands under: filed under the outcome its number names',
  'may-continue': 'text that may belong to the criterion above it: check the form',
  'no-text-layer': 'a PDF (or image) with no text to read: a scan; the form is not read (error)',
  'form-unreadable': 'a form that cannot be read: encrypted, damaged, too large, an unknown kind of file (error)',
} as const;
export type ImportCode = keyof typeof IMPORT_CODES;

export function severityOf(code: Code): Severity {
  return CODES[code].severity;
}

/** Stable order for output: file, then position, then code. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** Quote a value the user wrote, for messages: a short excerpt, with every control character
 * made visible (render/safe.ts), so a message never carries a whole line or an escape sequence. */
export function q(value: unknown, max?: number): string {
  return quote(value, max);
}

/** The key of a list item of a file (an evidence item: ['evidence', 6]) as findings name it in
 * follows: the item's index in the file, which stays the same when an earlier item is dropped. */
export function itemKey(file: string, path: readonly (string | number)[]): string {
  return `${file}#${path.slice(0, 2).join('/')}`;
}

/** Whether a finding of this code means folio read less than the file holds, so results leave
 * something out (CodeInfo leavesOut). */
export function leavesOut(code: string): boolean {
  return Object.hasOwn(CODES, code) && (CODES[code as Code] as CodeInfo).leavesOut === true;
}
