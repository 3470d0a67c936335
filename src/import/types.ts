// What `folio import` reads out of a form: plain data, before any YAML is written. A field
// the form does not give is null, never guessed (issue 3: "a field that the form does not
// give being null").
import type { Diagnostic, ImportCode } from '../diagnostics.js';
import type { Method } from '../schema/common.js';

export interface ImportedCriterion {
  id: string;
  text: string | null;
  guidance: string | null;
  line: number;
}

export interface ImportedOutcome {
  id: string;
  title: string | null;
  type: 'knowledge' | 'performance' | null;
  methods: Method[] | null;
  criteria: ImportedCriterion[];
  line: number;
}

export interface ImportedUnit {
  /** The unit reference number or awarding-body number; null when the form gives none. */
  unit: string | null;
  aliases: string[];
  title: string | null;
  level: number | null;
  credits: number | null;
  glh: number | null;
  /** The sector subject area as the form prints it ("15.3 Business management"). */
  ssa: string | null;
  /** The regulator's withdrawal date as printed (register pages). */
  withdrawal: string | null;
  /** Unit-level notes ("Note: …" under the last outcome). */
  guidance: string | null;
  outcomes: ImportedOutcome[];
  /** The form, as the user named it, and the line the unit starts on. */
  file: string;
  line: number;
}

/** What the importer noticed: the one Diagnostic type, with import's codes; built from a
 * message id and data in messages.ts. */
export type ImportWarning = Diagnostic<ImportCode>;

// The codes live in the one registry of codes (diagnostics.ts); the README's import table is
// tested against them under this name.
export { IMPORT_CODES, type ImportCode } from '../diagnostics.js';
