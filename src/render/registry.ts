// The one registry of formatters: (data, options) => text. The CLI and the library look a
// formatter up here by command and format; nothing else chooses output. The registry is typed
// by command, so a report of the wrong shape does not compile. A report that grows with the
// cohort (status as JSON or CSV) may give its text in pieces, written as they come.
import type { Progress } from '../history/progress.js';
import type { Timeline } from '../history/timeline.js';
import { checkFormats, type CheckReport } from './check.js';
import type { EqaPack } from '../api/eqa.js';
import { eqaPackFormats } from './eqa/index.js';
import { claimReadyFormats, type ClaimReadyReport } from './claims.js';
import { gapsFormats, type GapsReport } from './gaps.js';
import { historyFormats } from './history.js';
import { importFormats, type ImportReport } from './import.js';
import { importCheckFormats, type ImportCheckReport } from './import-check.js';
import { reassignFormats, transferFormats, type ReassignReport, type TransferReport } from './lifecycle.js';
import { iqaDueFormats, iqaPlanFormats, type DueReport, type PlanReport } from './iqa.js';
import { progressFormats } from './progress.js';
import { recordFormats, type RecordReport } from './record.js';
import { guardJson, guardText } from './safe.js';
import { specFormats, type SpecList, type SpecShow } from './spec.js';
import { statusFormats, type StatusReport } from './status.js';
import type { RenderOptions } from './style.js';

/** The data each command's formatters take. */
export interface Reports {
  check: CheckReport;
  /** verify reports findings in the check format, so every CI integration reads them as is */
  verify: CheckReport;
  status: StatusReport;
  gaps: GapsReport;
  'spec list': SpecList;
  'spec show': SpecShow;
  import: ImportReport;
  'import check': ImportCheckReport;
  history: Timeline;
  progress: Progress;
  /** evidence add, assess, signoff and iqa record */
  record: RecordReport;
  'iqa plan': PlanReport;
  'iqa due': DueReport;
  /** the files of an EQA pack's folder */
  'eqa pack': EqaPack;
  /** learner transfer: the record, and the units carried over, left behind and new */
  'learner transfer': TransferReport;
  'learner reassign': ReassignReport;
  'claim ready': ClaimReadyReport;
}

export type Rendered = string | Iterable<string>;

type Formatter<T> = (data: T, options: RenderOptions) => Rendered;

export const FORMATTERS = {
  check: checkFormats,
  verify: checkFormats,
  status: statusFormats,
  gaps: gapsFormats,
  'spec list': specFormats.list,
  'spec show': specFormats.show,
  import: importFormats,
  'import check': importCheckFormats,
  history: historyFormats,
  progress: progressFormats,
  record: recordFormats,
  'iqa plan': iqaPlanFormats,
  'iqa due': iqaDueFormats,
  'eqa pack': eqaPackFormats,
  'learner transfer': transferFormats,
  'learner reassign': reassignFormats,
  'claim ready': claimReadyFormats,
} satisfies { [C in keyof Reports]: Record<string, Formatter<Reports[C]>> };

/** A command that has formatters. */
export type Command = keyof typeof FORMATTERS;

/** The formats of a command, e.g. Format<'status'> is 'table' | 'json' | 'csv' | 'markdown'. */
export type Format<C extends Command> = keyof (typeof FORMATTERS)[C] & string;

/** A formatter's output as one string (for tests, and reports that are small anyway). */
export const text = (r: Rendered): string => (typeof r === 'string' ? r : [...r].join(''));

/** Is this one of the command's formats? */
export function isFormat<C extends Command>(command: C, format: string): format is Format<C> {
  return Object.hasOwn(FORMATTERS[command], format);
}

/** A report in one of its command's formats, piece by piece, with the last check of its
 * format applied (safe.ts). */
export function render<C extends Command>(command: C, format: Format<C>, data: Reports[C], options: RenderOptions): Rendered {
  // The one place data meets its formatter: the signature has tied data to command already.
  const f = (FORMATTERS[command] as Record<string, Formatter<Reports[C]>>)[format];
  if (!f) throw new TypeError(`${command} has no format "${format}": use one of ${formatsOf(command).join(', ')}`);
  return guarded(format, f(data, options), options.color);
}

// What each format's text is checked with on its way out (safe.ts): human formats may hold no
// control sequence but folio's own colours and no line that GitHub would run as a command;
// JSON formats are exact but never hold "##["; GitHub annotations and JUnit escape their own.
const HUMAN = new Set(['table', 'csv', 'markdown', 'samples-csv', 'decisions-csv', 'iqa-csv']);
const JSON_TEXT = new Set(['json', 'sarif', 'codeclimate']);

/** A formatter's output with the last check of its format applied, piece by piece. */
export function guarded(format: string, out: Rendered, color: boolean): Rendered {
  const check = HUMAN.has(format) ? (s: string) => guardText(s, color && format === 'table') : JSON_TEXT.has(format) ? guardJson : undefined;
  if (!check) return out;
  if (typeof out === 'string') return check(out);
  return {
    *[Symbol.iterator]() {
      for (const piece of out) yield check(piece);
    },
  };
}

/** Every format of a command, in the order help lists them. */
export function formatsOf<C extends Command>(command: C): Format<C>[] {
  return Object.keys(FORMATTERS[command]) as Format<C>[];
}
