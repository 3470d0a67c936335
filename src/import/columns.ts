// Two-column layouts (a PDF's layout text, a handbook page): the learning outcomes in a left
// column and the assessment criteria in a right one, so one printed line holds the end of an
// outcome's title and a criterion's text side by side. Read line by line, the outcome title
// would swallow its first criterion. The right column is found by a consistent position: the
// column at which criterion numbers ("1.1", "2.3") start on at least two lines, at least one
// of them with text to its left. Inside a run of such lines, each outcome's left-column lines
// are read first (its whole title), then its right-column lines (its criteria), each keeping
// the line number it was printed on. A line whose text runs across the column, or a left-column
// line after a gap that does not start an outcome ("Amplification", a footer), ends the run.
import { CRITERION } from './lines.js';
import { CRITERION_AT } from './marks.js';

/** A line as the form reader gets it: its text and the line of the form it was printed on. */
export interface NumberedLine {
  no: number;
  text: string;
}

const AT_CRITERION = CRITERION_AT;
const OUTCOME_START = /^(?:LO\s*)?\d{1,2}\.?\s+\S/i;

/** Where the right column starts, or undefined when the form has no two-column layout. */
export function criteriaColumn(lines: string[]): number | undefined {
  const seen = new Map<number, { lines: number; beside: number }>();
  for (const line of lines) {
    if (line.includes('\t')) continue;
    for (const m of line.matchAll(AT_CRITERION)) {
      if (m.index < 12) continue;
      const c = seen.get(m.index) ?? { lines: 0, beside: 0 };
      c.lines++;
      if (line.slice(0, m.index).trim()) c.beside++;
      seen.set(m.index, c);
    }
  }
  let best: [number, number] | undefined;
  for (const [col, c] of seen) if (c.lines >= 2 && c.beside >= 1 && (!best || c.lines > best[1])) best = [col, c.lines];
  return best?.[0];
}

type Cut = { left: string; right: string } | undefined;

/** The line cut at the column, or undefined when its text runs across it. */
function cut(line: string, col: number): Cut {
  if (line.includes('\t')) return undefined;
  const left = line.slice(0, col);
  const right = line.slice(col);
  if (right.trim() && left.trim() && !/ {2}$/.test(left)) return undefined;
  return { left: left.trim(), right: right.trim() };
}

/** The form's lines in reading order, with each outcome's left column read before its right. */
export function readColumns(text: string): NumberedLine[] {
  const lines = text.split(/\r\n|\r|\n/);
  const col = criteriaColumn(lines);
  const plain = lines.map((t, i) => ({ no: i + 1, text: t }));
  if (col === undefined) return plain;
  const out: NumberedLine[] = [];
  let seg: { left: NumberedLine[]; right: NumberedLine[] } | null = null;
  let gap = false;
  const flush = () => {
    if (seg) out.push(...seg.left, ...seg.right);
    seg = null;
  };
  lines.forEach((line, i) => {
    const no = i + 1;
    if (!line.trim()) {
      if (seg) seg.right.push({ no, text: '' });
      else out.push({ no, text: line });
      gap = true;
      return;
    }
    const c = line.length > col ? cut(line, col) : undefined;
    const startsRun = c && c.right && CRITERION.test(c.right) && (!c.left || OUTCOME_START.test(c.left));
    if (!seg && !startsRun) {
      out.push({ no, text: line });
      gap = false;
      return;
    }
    const part = c ?? (line.length <= col ? { left: line.trim(), right: '' } : undefined);
    const afterGap = gap;
    gap = false;
    if (!part || (part.left && afterGap && !OUTCOME_START.test(part.left))) {
      flush();
      out.push({ no, text: line });
      return;
    }
    if (!seg || (part.left && OUTCOME_START.test(part.left))) {
      flush();
      seg = { left: [], right: [] };
    }
    const s = seg as { left: NumberedLine[]; right: NumberedLine[] };
    if (part.left) s.left.push({ no, text: part.left });
    if (part.right) s.right.push({ no, text: part.right });
  });
  flush();
  return out;
}
