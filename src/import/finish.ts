// Closing a unit read from a form: join guidance and notes, add the N/SVQ grid outcomes
// after the elements, and report what a careful reader of the form would query: numbering
// gaps and repeats, repeated wording, a unit with no number or no criteria.
import type { ImportData, ImportMessageId } from './messages.js';
import type { ImportedCriterion, ImportedOutcome, ImportedUnit } from './types.js';

/** A unit while its form is being read: what the parser collects before it is finished. */
export interface Draft extends ImportedUnit {
  guidanceLines: Map<ImportedCriterion, string[]>;
  noteLines: string[];
  /** The index in noteLines of a heading written with nothing after it yet: dropped if nothing
   * follows (a heading over the methods, or the last line of the unit). */
  bareHeading?: number;
  duplicates: { criterion: ImportedCriterion; first: ImportedCriterion }[];
  grid?: { rows: string[][]; line: number; knowledge: boolean; done: boolean };
  gridOutcomes: ImportedOutcome[];
}

/** Remove the note heading just written when nothing has followed it: a heading over the
 * methods, or the last line of the unit. */
export function dropBareHeading(unit: Draft): void {
  if (unit.bareHeading !== undefined && unit.bareHeading === unit.noteLines.length - 1) unit.noteLines.pop();
  unit.bareHeading = undefined;
}

/** Report a warning at a line of the form being read. */
export type Warn = <K extends ImportMessageId>(line: number, id: K, data: ImportData<K>) => void;

export function finishUnit(d: Draft, warn: Warn): ImportedUnit {
  for (const o of d.outcomes) {
    for (const c of o.criteria) {
      const g = d.guidanceLines.get(c);
      if (g) c.guidance = paragraphs(g);
    }
  }
  dropBareHeading(d);
  const guidance = d.noteLines.length ? paragraphs(d.noteLines.join('\n').split('\n')) : null;

  for (const { criterion, first } of d.duplicates) {
    const same = (criterion.text ?? '') === (first.text ?? '');
    if (same) warn(criterion.line, 'repeat-same', { criterion: criterion.id, firstLine: first.line });
    else warn(criterion.line, 'repeat-other', { criterion: criterion.id, firstLine: first.line, text: criterion.text ?? '' });
  }
  numbering(d, warn);
  const seen = new Map<string, ImportedCriterion>();
  for (const c of d.outcomes.flatMap((o) => o.criteria)) {
    if (!c.text) continue;
    const key = c.text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    const first = seen.get(key);
    if (first) warn(c.line, 'repeated-text', { criterion: c.id, first: first.id, firstLine: first.line });
    else seen.set(key, c);
  }
  if (!d.unit) warn(d.line, 'no-unit-number', { title: d.title });
  const outcomes = [...d.outcomes, ...d.gridOutcomes];
  if (!outcomes.some((o) => o.criteria.length)) warn(d.line, 'no-criteria', { unit: d.unit });

  return {
    unit: d.unit,
    aliases: d.aliases,
    title: d.title,
    level: d.level,
    credits: d.credits,
    glh: d.glh,
    ssa: d.ssa,
    withdrawal: d.withdrawal,
    guidance,
    outcomes,
    file: d.file,
    line: d.line,
  };
}

/** Gaps (outcomes 1, 2, 4 or criteria 1.1, 1.3: each list should count up from 1) and order
 * (2.3 before 2.1): the form's order is kept, and the reader told. */
function numbering(d: Draft, warn: Warn) {
  const numeric = d.outcomes.filter((o) => /^\d+$/.test(o.id));
  let top = 0;
  const outcomeNumbers = new Set(numeric.map((o) => Number(o.id)));
  // a number missing here but given later is out of order, not missing
  const missing = (from: number, to: number, have: Set<number>) => Array.from({ length: to - from - 1 }, (_, k) => from + k + 1).some((k) => !have.has(k));
  for (const o of numeric) {
    const n = Number(o.id);
    if (n < top) warn(o.line, 'outcome-order', { outcome: o.id, previous: String(top) });
    else if (n > top + 1 && missing(top, n, outcomeNumbers)) warn(o.line, 'outcome-gap', { unit: d.unit, outcome: o.id, previous: top });
    top = Math.max(top, n);
  }
  for (const o of d.outcomes) {
    let prev = 0;
    let last: string | undefined;
    const numbers = new Set(o.criteria.map((c) => Number(/(?:^|\.|[PK])(\d+)$/.exec(c.id)?.[1] ?? NaN)));
    for (const c of o.criteria) {
      const m = /(?:^|\.|[PK])(\d+)$/.exec(c.id);
      if (!m) continue;
      const n = Number(m[1]);
      if (n < prev) warn(c.line, 'criterion-order', { criterion: c.id, previous: last! });
      else if (n > prev + 1 && missing(prev, n, numbers)) {
        const stem = c.id.slice(0, c.id.length - m[1]!.length);
        const gap = Array.from({ length: n - prev - 1 }, (_, k) => `${stem}${prev + k + 1}`);
        warn(c.line, 'criterion-gap', { criterion: c.id, outcome: o.id, previous: prev === 0 ? null : `${stem}${prev}`, missing: gap });
      }
      if (n > prev) last = c.id;
      prev = Math.max(prev, n);
    }
  }
}

/** Lines joined as paragraphs: one blank line between paragraphs, none at the ends. */
function paragraphs(lines: string[]): string | null {
  const out = lines.join('\n').replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim();
  return out || null;
}
