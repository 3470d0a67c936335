// What `folio import` reads out of a form: plain data, before any YAML is written. A field
// the form does not give is null, never guessed (issue 3: "a field that the form does not
// give being null").
import type { Diagnostic } from '../diagnostics.js';
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

/** Stable codes for what the importer noticed; the README lists them. */
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
} as const;
export type ImportCode = keyof typeof IMPORT_CODES;
