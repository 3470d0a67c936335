// What the form reader knows between one line and the next, in one explicit object. Each line
// of a form is read by a handler for its kind (kinds.ts) that updates this state; nothing
// about the reading lives anywhere else, so a handler can be read on its own.
import type { Draft, Warn } from './finish.js';
import type { Field, PipeColumns } from './lines.js';
import { FormText, importWarning } from './messages.js';
import type { ImportedCriterion, ImportedOutcome, ImportWarning } from './types.js';
import type { Method } from '../schema/common.js';
import { tickBoxes } from './marks.js';

/** What the last content line opened, so the next plain line knows where it belongs. */
export type Last =
  | 'none'
  | 'unit-title' // a unit header without its title (seed 002: "Unit 105" then the title)
  | 'outcome-title'
  | 'outcome-empty' // "LO 1" with the title on the next line (seed 003)
  | 'criterion-text'
  | 'criterion-empty' // "AC 1.1" with the text on the next line (seed 003)
  | 'sub-item'
  | 'methods'
  | 'guidance'
  | 'note'
  | 'lead-in' // boilerplate above the outcomes: its wrapped lines are skipped too
  | 'assessment-field' // how the unit is assessed, a header field: its wrapped lines too
  | 'heading' // a line shaped like a section heading folio does not know (text.ts)
  | 'furniture';

export interface ParseState {
  readonly file: string;
  readonly units: Draft[];
  readonly warnings: ImportWarning[];
  readonly warn: Warn;
  /** What the lines so far have opened: text that follows is attached to the innermost. */
  unit: Draft | null;
  outcome: ImportedOutcome | null;
  criterion: ImportedCriterion | null;
  last: Last;
  /** The previous line was blank (a paragraph break, or a gap before a guidance column). */
  blank: boolean;
  /** A field label whose value is on the next line ("Unit Level" then "2"). */
  pendingField: Field | null;
  /** The labels of a header row whose values are the cells of the next row. */
  pendingRow: Field[] | null;
  /** Skip the next content line: the value of a field folio does not keep. */
  skipValue: boolean;
  /** The form has a guidance column: text after a gap under a criterion is its guidance. */
  guidanceColumn: boolean;
  /** A closing "Note:" runs to the end of the unit; an aim paragraph ends at a blank line. */
  noteRunsOn: boolean;
  /** After an "Appendix 2" heading: general forms, not units. */
  outside: boolean;
  /** The run of lines outside any unit not yet reported. */
  outsideBlock: { from: number; to: number; first: string } | null;
  /** The last line outside units: a web page's heading above "Unit No: …" is the unit's title. */
  lastOutside: { no: number; text: string } | null;
  /** The columns of a pipe table, from its header row. */
  pipeColumns: PipeColumns | null;
  /** A register page may print an outcome's number on its own line and the title below it. */
  pendingOutcome: { id: string; text: string; line: number; seen: boolean } | null;
  /** A "Performance criteria" or "Knowledge and understanding" heading: the title of the P or K
   * outcome its items open, if P1 … or K1 … follow. */
  svqHeading: { id: 'P' | 'K'; title: string; line: number } | null;
  /** The last content line was the unit's title on a line of its own. */
  titled: boolean;
  /** The heading folio does not know on the line above (last 'heading'): a section of the
   * unit's guidance if a paragraph follows it. */
  pendingHeading: { text: string; line: number } | null;
  /** Under a range section ("Range", "What you must cover") after the criteria: its heading, for
   * a paragraph of prose after its list. */
  rangeSection: string | null;
  /** Lines numbered like an outcome ("2. Plan the work") whose next line is its criterion N.1. */
  headsCriteria: Set<number>;
  /** A tick-box legend ("O = Observation, Q = Questioning"): the methods its codes name. */
  legend: Map<string, Method> | null;
}

/** One line of a form as the handlers see it. */
export interface Line {
  /** Line number in the form, from 1. */
  no: number;
  /** The line with odd spaces made plain; tabs kept (they separate cells and fields). */
  raw: string;
  /** The line with whitespace runs folded and trimmed. */
  text: string;
  /** A blank line came before this one (set when the line turns out to be content). */
  wasBlank: boolean;
  /** The content line before this one was the unit's title on a line of its own. */
  afterTitle?: boolean;
  /** The codes of ticked boxes taken off the end of the line (marks.ts). */
  ticked: string[];
}

export function lineOf(no: number, rawLine: string): Line {
  const raw = rawLine.replace(/[\u00a0\u2000-\u200b\u202f\u3000]/g, ' ');
  const text = raw.replace(/\s+/g, ' ').trim();
  // tick-box columns are never a line's words: a line of boxes alone is left whole (furniture)
  const boxes = tickBoxes(text);
  return { no, raw, text: boxes.text || text, wasBlank: false, ticked: boxes.text ? boxes.ticked : [] };
}

export function initialState(form: FormText): ParseState {
  const warnings: ImportWarning[] = [];
  return {
    file: form.file,
    units: [],
    warnings,
    warn: (line, id, data) => void warnings.push(importWarning(id, data, form.at(line))),
    unit: null,
    outcome: null,
    criterion: null,
    last: 'none',
    blank: false,
    pendingField: null,
    pendingRow: null,
    skipValue: false,
    guidanceColumn: false,
    noteRunsOn: false,
    outside: false,
    outsideBlock: null,
    lastOutside: null,
    pipeColumns: null,
    pendingOutcome: null,
    svqHeading: null,
    titled: false,
    legend: null,
    pendingHeading: null,
    headsCriteria: new Set(),
    rangeSection: null,
  };
}
