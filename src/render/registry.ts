// The one registry of formatters: (data, options) => string. The CLI looks a formatter up
// here by command and --format; nothing else chooses output. A report that grows with the
// cohort (status as JSON or CSV) may give its text in pieces, written as they come.
import { checkFormats } from './check.js';
import { gapsFormats } from './gaps.js';
import { historyFormats } from './history.js';
import { importFormats } from './import.js';
import { progressFormats } from './progress.js';
import { guardJson, guardText } from './safe.js';
import { specFormats } from './spec.js';
import { statusFormats } from './status.js';

export const FORMATTERS = {
  check: checkFormats,
  // verify reports findings in the check format, so every CI integration reads them as is
  verify: checkFormats,
  status: statusFormats,
  gaps: gapsFormats,
  'spec list': specFormats.list,
  'spec show': specFormats.show,
  import: importFormats,
  history: historyFormats,
  progress: progressFormats,
} as const;

export type Command = keyof typeof FORMATTERS;

export type Rendered = string | Iterable<string>;

/** A formatter's output as one string (for tests, and reports that are small anyway). */
export const text = (r: Rendered): string => (typeof r === 'string' ? r : [...r].join(''));

// What each format's text is checked with on its way out (safe.ts): human formats may hold no
// control sequence but folio's own colours and no line that GitHub would run as a command;
// JSON formats are exact but never hold "##["; GitHub annotations and JUnit escape their own.
const HUMAN = new Set(['table', 'csv', 'markdown']);
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

export function formatsOf(command: Command): string[] {
  return Object.keys(FORMATTERS[command]);
}
