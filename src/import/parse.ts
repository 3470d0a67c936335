// Reads the text of a recording form or unit specification into units, line by line: one
// pass, one state (state.ts) for every layout (seeds 000–004, register pages, awarding-body
// web pages, pipe tables, SVQ forms). Each line is handled by the first kind of line it fits
// (kinds.ts), and text is attached to what the previous lines opened. What cannot be placed
// becomes a warning with its line number.
import { readColumns } from './columns.js';
import { dropContents } from './contents.js';
import { dropRunningText } from './files/running.js';
import { joinWrappedLabels } from './fields.js';
import { finishUnit } from './finish.js';
import { step } from './kinds.js';
import { FormText } from './messages.js';
import { initialState } from './state.js';
import { CRITERION, OUTCOME_NUMBERED } from './lines.js';
import { dropPendingOutcome, flushOutside } from './structure.js';
import type { ImportedUnit, ImportWarning } from './types.js';

export interface ParseResult {
  units: ImportedUnit[];
  warnings: ImportWarning[];
}

export function parseForm(file: string, content: string): ParseResult {
  const form = new FormText(file, content);
  // running headers and footers between pages (form feeds) are not part of the unit
  // and a two-column layout is read an outcome at a time (columns.ts)
  const lines = joinWrappedLabels(readColumns(new FormText(file, dropRunningText(dropContents(content))).lines.join('\n')));
  const start = initialState(form);
  // an outcome's heading is known by the criterion under it (its N.1 on the next line)
  const printed = lines.filter((l) => l.text.trim() && l.text !== '\f');
  printed.forEach((l, i) => {
    const n = OUTCOME_NUMBERED.exec(l.text.trim())?.[1];
    if (n && CRITERION.exec(printed[i + 1]?.text.trim() ?? '')?.[1] === `${n}.1`) start.headsCriteria.add(l.no);
  });
  const s = lines.reduce((state, line) => step(state, line.no, line.text), start);
  dropPendingOutcome(s);
  flushOutside(s);
  if (!s.units.length) s.warn(1, 'no-units', {});
  const units = s.units.map((u) => finishUnit(u, s.warn));
  return { units, warnings: s.warnings.sort((a, b) => a.line - b.line) };
}
