// Lines that hold more than one thing: a table row of cells (an outcome beside its first
// criterion), the row of values under a header row of field labels, a document's section
// number before a field or heading, and the tick-box legend whose codes name methods. Each is
// one kind of line in the ordered list of kinds.ts, kept here to keep that file short.
import { outcomeTypeOf } from '../model/outcome-type.js';
import { isFurniture, NOTE_HEADING } from './furniture.js';
import { applyRow, fieldsOf } from './fields.js';
import { kind } from './line-kind.js';
import { CRITERION, METHODS_HEADING, OUTCOME_LABELLED, OUTCOME_NUMBERED, cleanTitle, unitHeader } from './lines.js';
import { CRITERION_START, methodLegend } from './marks.js';
import { step } from './kinds.js';
import type { Line, ParseState } from './state.js';

// the row under a header row of field labels
export const fieldRow = kind({
  kind: 'field-row',
  test: (s) => s.pendingRow,
  handle: (s, l, labels) => {
    s.pendingRow = null;
    if (!applyRow(s, l.no, l.raw, labels)) return 'next';
    s.pendingField = null;
  },
});

// a table row saved as tab-separated cells, an outcome beside its first criterion
// ("1. Understand …<TAB>1.1 Describe …<TAB><TAB>"): each cell read as a line of its own
// (cells apart at a tab, or at a wide gap before a criterion's number). A first cell that
// heads no outcome, beside a criterion of the outcome being read, is its title wrapped on
export const cells = kind({
  kind: 'cells',
  test: (_s, l) => {
    const cells = l.raw.split(/\t|\s{2,}(?=(?:AC\s*)?\(?\d{1,3}\.\d)/).map((c) => c.replace(/\s+/g, ' ').trim()).filter(Boolean);
    return cells.length >= 2 && !CRITERION.test(cells[0]!) && cells.slice(1).some((c) => CRITERION_START.test(c)) ? cells : undefined;
  },
  handle: (s, l, cells) => {
    const [head, ...rest] = cells;
    const o = s.outcome;
    const beside = CRITERION.exec(rest[0] ?? '')?.[1]?.split('.')[0];
    if (o?.title && o.id === beside && !OUTCOME_LABELLED.test(head!) && !OUTCOME_NUMBERED.test(head!) && !isFurniture(head!) && !unitHeader(head!) && !METHODS_HEADING.test(head!)) {
      o.title = cleanTitle(`${o.title} ${head}`);
      o.type = outcomeTypeOf(o.title) ?? o.type;
    } else step(s, l.no, head!);
    for (const cell of rest) step(s, l.no, cell);
  },
});

// a document's section number before a field or a section heading ("4 Guided learning hours:
// 54", "5. Assessment guidance", "2.3 Credit value: 3"): the number heads neither an outcome
// nor a criterion, and the rest is read as a line of its own
export const numberedSection = kind({
  kind: 'numbered-section',
  test: (s, l) => {
    const m = /^(\d{1,2}(?:\.\d{1,2})?)\.?\s+([A-Z].*)$/.exec(l.text);
    if (!m || !s.unit || outcomeTypeOf(m[2]!)) return undefined;
    const field = fieldsOf(m[2]!)?.some(([f]) => f !== 'title');
    return field || (!m[1]!.includes('.') && NOTE_HEADING.test(m[2]!)) ? m[2]! : undefined;
  },
  handle: (s, l, rest) => void step(s, l.no, rest),
});

// "O = Observation  Q = Questioning  WT = Witness testimony": what the tick boxes' codes mean
export const legend = kind({
  kind: 'method-legend',
  test: (_s, l) => methodLegend(l.text),
  handle: (s, _l, legend) => {
    s.legend = new Map([...(s.legend ?? []), ...legend]);
    if (s.last !== 'outcome-empty' && s.last !== 'criterion-empty' && s.last !== 'unit-title') s.last = 'furniture';
  },
});

/** Ticked boxes on a criterion's line: the methods the legend names, for its outcome. */
export function tickedMethods(s: ParseState, l: Line): void {
  const names = l.ticked.map((code) => (s.legend?.get(code) ? code : null));
  const unknown = l.ticked.filter((_c, i) => !names[i]);
  for (const phrase of unknown) s.warn(l.no, 'unknown-method', { phrase, outcome: s.outcome?.id ?? '' });
  if (!s.outcome) return;
  const methods = s.outcome.methods ?? [];
  for (const code of l.ticked) {
    const m = s.legend?.get(code);
    if (m && !methods.includes(m)) methods.push(m);
  }
  if (methods.length) s.outcome.methods = methods;
}
