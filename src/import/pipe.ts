// Pipe tables ("| LO | title | AC | text |") as a web page or a converted document prints
// them: a header row names the columns, continuation rows (empty LO and AC cells) carry on a
// wrapped title or text. A table that is not an outcome/criterion table is read cell by cell.
import { outcomeTypeOf } from '../model/outcome-type.js';
import { cleanTitle, pipeHeader } from './lines.js';
import type { ParseState } from './state.js';
import { addGuidance, appendText, openCriterion, openOutcome, openUnit } from './structure.js';

/** Read one row; returns the cells to read as lines of their own when the row is not part of
 * an outcome/criterion table. */
export function pipeRow(s: ParseState, no: number, text: string): string[] | undefined {
  const cells = text.replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.replace(/\s+/g, ' ').trim());
  if (cells.every((c) => /^:?-{2,}:?$/.test(c) || c === '')) return undefined;
  const header = pipeHeader(cells);
  if (header) {
    s.pipeColumns = header;
    return undefined;
  }
  const fitsDefault = /^(LO\s*)?\d{1,2}\.?$/i.test(cells[0] ?? '') || /^(AC\s*)?\d{1,3}(\.\d{1,3}){1,2}\.?$/i.test(cells[2] ?? '') || (cells[0] === '' && cells.length >= 4);
  if (!s.pipeColumns && !fitsDefault) return cells.filter((c) => c);
  const cols = s.pipeColumns ?? { lo: 0, title: 1, ac: 2, text: 3, guidance: -1 };
  const cell = (k: number) => (k >= 0 ? (cells[k] ?? '') : '');
  let lo = cell(cols.lo).replace(/^LO\s*/i, '').replace(/\.$/, '');
  let loTitle = cell(cols.title);
  // no title column: the LO cell holds "1 Understand …", and a wrapped title's next line
  const inline = cols.title < 0 ? /^(\d{1,2})\.?\s+(\S.*)$/.exec(lo) : null;
  if (inline) [lo, loTitle] = [inline[1]!, inline[2]!];
  else if (cols.title < 0 && lo && !/^\d{1,2}$/.test(lo)) [lo, loTitle] = ['', lo];
  const ac = cell(cols.ac).replace(/^AC\s*/i, '').replace(/\.$/, '');
  const acText = cell(cols.text);
  const guide = cell(cols.guidance);
  if (!s.unit) openUnit(s, no, null, null);
  if (/^\d{1,2}$/.test(lo)) {
    const title = cleanTitle(loTitle);
    openOutcome(s, no, lo, title || null, outcomeTypeOf(title));
  } else if (loTitle && s.outcome) {
    s.outcome.title = cleanTitle(`${s.outcome.title ?? ''} ${loTitle}`);
    s.outcome.type = outcomeTypeOf(s.outcome.title) ?? s.outcome.type;
  }
  if (/^\d{1,3}(\.\d{1,3}){1,2}$/.test(ac)) openCriterion(s, no, ac, acText);
  else if (ac) s.warn(no, 'not-a-criterion-number', { cell: ac });
  else if (acText && s.criterion) appendText(s, acText);
  else if (acText) s.warn(no, 'no-criterion-above', { text: acText });
  if (guide && s.criterion) addGuidance(s, guide, false);
  s.last = 'none';
  return undefined;
}
