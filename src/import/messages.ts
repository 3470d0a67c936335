// What folio import says about a form, as Diagnostics (diagnostics.ts): each warning is built
// from a message id and its data, so a caller tells warnings apart by code and message id,
// never by their wording, and the wording of each message lives in this one table. A warning
// points at a line of the form (file, line and the column where the line's text starts).
import { clip } from './lines.js';
import type { ImportCode, ImportWarning } from './types.js';

const outcomesMissing = (from: number, to: number): string => {
  const ids = Array.from({ length: to - from - 1 }, (_, k) => String(from + k + 1));
  return `${ids.length === 1 ? 'outcome' : 'outcomes'} ${ids.join(', ')} ${ids.length === 1 ? 'is' : 'are'}`;
};

/** Whitespace and line breaks folded, then cut to 70 characters: two wordings side by side. */
const excerpt = (s: string): string => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 70 ? `${t.slice(0, 69)}…` : t;
};

const checkLetter = (d: { unit: string; reason: string; expected: string }) => `unit reference number ${d.unit}: ${d.reason} (${d.expected}); kept as printed, check the form`;

/** Every message folio import gives: its code, and its wording from its data. */
export const IMPORT_MESSAGES = {
  'stands-alone': { code: 'unplaced-text', text: (d: { text: string }) => `“${d.text}” stands alone: not placed` },
  'could-not-place': { code: 'unplaced-text', text: (d: { text: string; unit: string | null }) => `could not place “${clip(d.text)}”${d.unit ? ` in unit ${d.unit}` : ''}` },
  'methods-before-outcome': { code: 'unplaced-text', text: (d: { list: string }) => `evidence methods “${clip(d.list)}” come before any outcome: not placed` },
  'not-a-number': { code: 'unplaced-text', text: (d: { field: 'level' | 'credits' | 'glh'; value: string }) => `${d.field === 'glh' ? 'guided learning hours' : d.field} “${clip(d.value)}” is not a whole number: not placed` },
  'not-a-criterion-number': { code: 'unplaced-text', text: (d: { cell: string }) => `could not read “${d.cell}” as a criterion number: row not placed` },
  'no-criterion-above': { code: 'unplaced-text', text: (d: { text: string }) => `could not place “${clip(d.text)}”: no criterion above it` },
  'outside-units': {
    code: 'outside-units',
    text: (d: { from: number; to: number; first: string }) => `${d.from === d.to ? `line ${d.from} is` : `lines ${d.from}–${d.to} are`} not part of any unit (“${clip(d.first)}”): skipped`,
  },
  'foreign-renumbered': {
    code: 'foreign-criterion',
    text: (d: { criterion: string; printedUnit: string; unit: string; as: string }) => `criterion ${d.criterion} is numbered for unit ${d.printedUnit} inside unit ${d.unit}: imported as ${d.as}, check the form`,
  },
  'foreign-kept': {
    code: 'foreign-criterion',
    text: (d: { criterion: string; printedUnit: string; unit: string }) => `criterion ${d.criterion} is numbered for unit ${d.printedUnit} inside unit ${d.unit}: kept as printed, check the form`,
  },
  'outcome-gap': {
    code: 'numbering-gap',
    text: (d: { unit: string | null; outcome: string; previous: number }) =>
      `unit ${d.unit ?? 'without a number'}: outcome ${d.outcome} follows ${d.previous === 0 ? 'no outcome' : `outcome ${d.previous}`}; ${outcomesMissing(d.previous, Number(d.outcome))} missing`,
  },
  'criterion-gap': {
    code: 'numbering-gap',
    text: (d: { criterion: string; outcome: string; previous: string | null; missing: string[] }) =>
      `criterion ${d.criterion} follows ${d.previous === null ? `the start of outcome ${d.outcome}` : d.previous}: ${d.missing.join(', ')} ${d.missing.length === 1 ? 'is' : 'are'} missing`,
  },
  'repeat-same': { code: 'numbering-repeat', text: (d: { criterion: string; firstLine: number }) => `criterion ${d.criterion} appears again (first at line ${d.firstLine}) with the same text: kept once` },
  'repeat-other': {
    code: 'numbering-repeat',
    text: (d: { criterion: string; firstLine: number; text: string }) => `criterion ${d.criterion} appears again (first at line ${d.firstLine}) with other text “${d.text}”: the first is kept, check the form`,
  },
  'repeated-text': { code: 'repeated-text', text: (d: { criterion: string; first: string; firstLine: number }) => `criterion ${d.criterion} has the same text as ${d.first} (line ${d.firstLine}): check the form` },
  'check-letter': { code: 'check-letter', text: checkLetter },
  'unknown-method': { code: 'unknown-method', text: (d: { phrase: string; outcome: string }) => `“${d.phrase}” is not an evidence method folio knows: add it to outcome ${d.outcome}'s methods by hand if it is one` },
  'no-unit-number': {
    code: 'no-unit-number',
    text: (d: { title: string | null }) => `the form gives no unit number for the unit starting here${d.title ? ` (“${d.title}”)` : ''}: give it with --unit, or folio matches it to an existing specification by its criteria`,
  },
  'no-criteria': { code: 'no-criteria', text: (d: { unit: string | null }) => `unit ${d.unit ?? 'without a number'} has no assessment criteria in this form` },
  'no-units': {
    code: 'no-units',
    text: (_d: Record<string, never>) => 'no unit found: folio reads unit headers ("A/506/2130 Title", "Unit 101 Title", "Unit Reference Number: …") and numbered outcomes and criteria',
  },
  'grid-unread': { code: 'grid-unread', text: (d: { unit: string | null }) => `the U/K and evidence requirements grid of unit ${d.unit ?? '(no number)'} could not be read: add those outcomes by hand` },
  'matched-spec': {
    code: 'matched-spec',
    text: (d: { same: number; of: number; unit: string; file: string }) =>
      `no unit number, but ${d.same} of ${d.of} criteria match unit ${d.unit}: merged into ${d.file} (guidance, methods and titles only; its criterion wording is kept)`,
  },
  'wording-differs': {
    code: 'wording-differs',
    text: (d: { at: string; form: string; other: string; spec: string; kept: 'spec' | 'first' }) => `${d.at}: this form has “${excerpt(d.form)}”, ${d.other} has “${excerpt(d.spec)}”; the ${d.kept}'s is kept`,
  },
  encoding: {
    code: 'encoding',
    text: (d: { encoding: string }) => `not UTF-8: read as ${d.encoding === 'windows-1252' ? 'Windows-1252 (Word\'s "Plain Text")' : d.encoding.toUpperCase()}; check quotes and dashes in the result`,
  },
  'outcome-order': {
    code: 'numbering-order',
    text: (d: { outcome: string; previous: string }) => `outcome ${d.outcome} comes after outcome ${d.previous}: kept in the form's order, check the form`,
  },
  'criterion-order': {
    code: 'numbering-order',
    text: (d: { criterion: string; previous: string }) => `criterion ${d.criterion} comes after ${d.previous}: kept in the form's order, check the form`,
  },
  'criterion-elsewhere': {
    code: 'misplaced-criterion',
    text: (d: { criterion: string; outcome: string; under: string }) => `criterion ${d.criterion} stands under outcome ${d.under}: filed under outcome ${d.outcome} as its number says, check the form`,
  },
  'after-gap': {
    code: 'may-continue',
    text: (d: { criterion: string; text: string }) => `“${clip(d.text)}” follows a gap after criterion ${d.criterion}: joined to its text, check the form`,
  },
  'unknown-heading': {
    code: 'may-continue',
    text: (d: { heading: string }) => `“${clip(d.heading)}” is not a heading folio knows: the paragraph under it is read as a section of the unit's guidance, check the form`,
  },
  'title-after-gap': {
    code: 'may-continue',
    text: (d: { outcome: string; text: string }) => `“${clip(d.text)}” follows a gap after the title of outcome ${d.outcome}: joined to the title, check the form`,
  },
  'no-text-layer': {
    code: 'no-text-layer',
    text: (d: { pages: number }) => `no text to read in ${d.pages === 1 ? 'this file' : `its ${d.pages} pages`}: it is a scan (an image of the pages). Ask the awarding body for the typed PDF or Word file, or run it through OCR and import the text`,
  },
  'pdf-encrypted': { code: 'form-unreadable', text: (_d: Record<string, never>) => 'the PDF is encrypted with a password: open it, print it to a new PDF (or save its text), and import that' },
  'pdf-damaged': { code: 'form-unreadable', text: (d: { reason: string }) => `the PDF cannot be read (${d.reason}): download it again, or save its text and import that` },
  'too-many-pages': { code: 'form-unreadable', text: (d: { pages: number; limit: number }) => `the PDF has ${d.pages} pages, more than folio reads (${d.limit}): save the unit's pages as a PDF of their own` },
  'too-large': { code: 'form-unreadable', text: (d: { bytes: number; limit: number }) => `the file is ${Math.ceil(d.bytes / 1024 / 1024)} MiB, more than folio reads (${d.limit / 1024 / 1024} MiB): save the unit's pages on their own` },
  'zip-bomb': { code: 'form-unreadable', text: (d: { reason: string }) => `the Word file expands too far to read safely (${d.reason}): save it again from Word, or save its text` },
  'docx-damaged': { code: 'form-unreadable', text: (d: { reason: string }) => `the Word file cannot be read (${d.reason}): save it again from Word as .docx` },
  'not-a-form-file': { code: 'form-unreadable', text: (d: { kind: string }) => `this is ${d.kind}, not a text, PDF or Word form: save it as .docx, PDF or plain text` },
  'legacy-word': { code: 'form-unreadable', text: (_d: Record<string, never>) => 'this is an old Word document (.doc): open it in Word and save it as .docx, then import that' },
  'timed-out': { code: 'form-unreadable', text: (d: { seconds: number }) => `reading the file took longer than ${d.seconds} seconds: save its text and import that` },
  'library-missing': {
    code: 'form-unreadable',
    text: (d: { library: string; version: string }) => `reading this kind of file needs ${d.library}, an optional dependency that is not installed: npm install ${d.library}@${d.version}`,
  },
} as const satisfies Record<string, { code: ImportCode; text: (d: never) => string }>;

/** Codes after which the form was not read at all. */
const ERRORS: ReadonlySet<ImportCode> = new Set(['no-text-layer', 'form-unreadable']);

export type ImportMessageId = keyof typeof IMPORT_MESSAGES;
export type ImportData<K extends ImportMessageId> = Parameters<(typeof IMPORT_MESSAGES)[K]['text']>[0];

/** A place in a form: the file as the user named it, a line and a column from 1. */
export interface FormPlace {
  file: string;
  line: number;
  column: number;
}

/** The form's lines, to place a warning on one of them. */
export class FormText {
  readonly lines: string[];
  constructor(
    readonly file: string,
    content: string,
  ) {
    this.lines = content.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  }

  /** A line of the form; its column is where the line's text starts. */
  at(line: number): FormPlace {
    const text = this.lines[line - 1] ?? '';
    const indent = /^\s*/.exec(text)![0].length;
    return { file: this.file, line, column: indent < text.length ? indent + 1 : 1 };
  }
}

export function importWarning<K extends ImportMessageId>(messageId: K, data: ImportData<K>, at: FormPlace): ImportWarning {
  const m = IMPORT_MESSAGES[messageId];
  const message = (m.text as (d: ImportData<K>) => string)(data);
  return { code: m.code, severity: ERRORS.has(m.code) ? 'error' : 'warning', message, messageId, data: data as Record<string, unknown>, file: at.file, line: at.line, column: at.column };
}
