// The changes a line can make to what the form reader has built: open a unit, an outcome or a
// criterion, attach text, methods and guidance to them, close an N/SVQ grid, and keep track
// of lines outside any unit. The handlers of kinds.ts decide which applies; these say how.
import { checkUrn, isUrnShaped } from '../ids.js';
import type { Method } from '../schema/common.js';
import type { Draft } from './finish.js';
import { readGrid } from './grid.js';
import { methodOf, methodPhrases } from './methods.js';
import type { ParseState } from './state.js';
import type { ImportedCriterion, ImportedOutcome } from './types.js';

/** Open a unit, or go back to one already read (a repeated page header, a signature page). */
export function openUnit(s: ParseState, no: number, id: string | null, title: string | null, aliases: string[] = []): Draft {
  flushOutside(s);
  s.outside = false;
  closeGrid(s);
  // a page header may name the unit by the number that became its alias ("Unit 305")
  const again = id ? (s.units.find((u) => u.unit === id) ?? s.units.find((u) => u.aliases.includes(id))) : undefined;
  s.outcome = null;
  s.criterion = null;
  if (again) {
    if (title && !again.title) again.title = title;
    s.unit = again;
    s.last = title ? 'furniture' : 'unit-title';
    return again;
  }
  const u: Draft = {
    unit: id,
    aliases,
    title: title || null,
    level: null,
    credits: null,
    glh: null,
    ssa: null,
    withdrawal: null,
    guidance: null,
    outcomes: [],
    file: s.file,
    line: no,
    guidanceLines: new Map(),
    noteLines: [],
    duplicates: [],
    gridOutcomes: [],
  };
  if (id) checkLetter(s, no, id);
  s.units.push(u);
  s.unit = u;
  s.rangeSection = null;
  s.last = title ? 'none' : 'unit-title';
  return u;
}

/** A unit reference number with a wrong check letter is kept as printed, and reported. */
export function checkLetter(s: ParseState, no: number, id: string): void {
  if (!isUrnShaped(id)) return;
  const c = checkUrn(id);
  if (!c.ok) s.warn(no, 'check-letter', { unit: id, reason: c.reason, expected: c.expected });
}

/** The unit being read; a form that starts with its outcomes opens one without a number. */
export function ensureUnit(s: ParseState, no: number): Draft {
  return s.unit ?? openUnit(s, no, null, null);
}

export function openOutcome(s: ParseState, no: number, id: string, title: string | null, type: ImportedOutcome['type'] = null): ImportedOutcome {
  const u = ensureUnit(s, no);
  closeGrid(s);
  s.criterion = null;
  let o = u.outcomes.find((x) => x.id === id);
  if (!o) {
    o = { id, title: title || null, type, methods: null, criteria: [], line: no };
    u.outcomes.push(o);
  } else if (title && !o.title) {
    // the heading of an outcome its criteria opened already
    o.title = title;
    o.type ??= type;
  }
  s.outcome = o;
  s.rangeSection = null;
  s.last = title ? 'outcome-title' : 'outcome-empty';
  return o;
}

/** Open a criterion under the outcome its number names (P/K for SVQ items, the middle part
 * of an N/SVQ unit.element.criterion number), opening that outcome when needed. */
export function openCriterion(s: ParseState, no: number, rawId: string, text: string): void {
  const u = ensureUnit(s, no);
  closeGrid(s);
  let id = rawId;
  let outcomeId: string;
  const parts = rawId.split('.');
  if (/^[PK]\d+$/.test(rawId)) outcomeId = rawId[0]!;
  else if (parts.length === 3) {
    outcomeId = parts[1]!;
    if (u.unit && /^\d+$/.test(u.unit) && parts[0] !== u.unit) {
      const renumbered = `${u.unit}.${parts[1]}.${parts[2]}`;
      const taken = u.outcomes.some((o) => o.criteria.some((c) => c.id === renumbered));
      if (!taken) {
        s.warn(no, 'foreign-renumbered', { criterion: rawId, printedUnit: parts[0]!, unit: u.unit, as: renumbered });
        id = renumbered;
      } else s.warn(no, 'foreign-kept', { criterion: rawId, printedUnit: parts[0]!, unit: u.unit });
    }
  } else outcomeId = parts[0]!;
  let outcome = s.outcome;
  let stay: ImportedOutcome | null = null;
  if (!outcome || outcome.id !== outcomeId || !u.outcomes.includes(outcome)) {
    const existing = u.outcomes.find((o) => o.id === outcomeId);
    // under one outcome's heading, a criterion of another outcome: going back to an earlier
    // one, or straight after a heading whose own criteria never came
    const under = outcome && u.outcomes.includes(outcome) ? outcome : null;
    if (under && /^\d+$/.test(outcomeId) && ((existing && under.title) || (!existing && under.title && !under.criteria.length))) {
      s.warn(no, 'criterion-elsewhere', { criterion: id, outcome: outcomeId, under: under.id });
      // the heading it stood under is still the one being read
      if (existing) stay = under;
    }
    const svq = outcomeId === 'P' ? 'performance' : outcomeId === 'K' ? 'knowledge' : null;
    outcome = existing ?? openOutcome(s, no, outcomeId, null, /^[PK]\d+$/.test(rawId) ? svq : null);
    s.outcome = outcome;
  }
  const c: ImportedCriterion = { id, text: text || null, guidance: null, line: no };
  const first = u.outcomes.flatMap((o) => o.criteria).find((x) => x.id === id);
  if (first) u.duplicates.push({ criterion: c, first });
  else outcome.criteria.push(c);
  if (stay) s.outcome = stay;
  s.criterion = c;
  s.rangeSection = null;
  s.last = text ? 'criterion-text' : 'criterion-empty';
}

export function addMethods(s: ParseState, no: number, list: string): void {
  const outcome = s.outcome;
  if (!outcome) {
    s.warn(no, 'methods-before-outcome', { list });
    return;
  }
  const methods: Method[] = outcome.methods ?? [];
  for (const phrase of methodPhrases(list)) {
    const m = methodOf(phrase);
    if (!m) s.warn(no, 'unknown-method', { phrase, outcome: outcome.id });
    else if (!methods.includes(m)) methods.push(m);
  }
  outcome.methods = methods;
}

export function addGuidance(s: ParseState, text: string, afterBlank: boolean): void {
  const u = s.unit!;
  const list = u.guidanceLines.get(s.criterion!) ?? [];
  if (afterBlank && list.length) list.push('');
  list.push(text);
  u.guidanceLines.set(s.criterion!, list);
  s.last = 'guidance';
}

export function appendText(s: ParseState, text: string): void {
  const c = s.criterion!;
  // "person-" at the end of a line and "centred" on the next: one hyphenated word
  c.text = c.text ? (/[A-Za-z]-$/.test(c.text) && /^[a-z]/.test(text) ? `${c.text}${text}` : `${c.text} ${text}`) : text;
}

/** The N/SVQ grid ends where the next structure starts: read its cells into outcomes. */
export function closeGrid(s: ParseState): void {
  const unit = s.unit;
  const g = unit?.grid;
  if (!unit || !g || g.done) return;
  g.done = true;
  const read = readGrid(g.rows.filter((r) => r.length), g.knowledge);
  if (!read) {
    s.warn(g.line, 'grid-unread', { unit: unit.unit });
    return;
  }
  const add = (id: string, title: string, ids: string[]) => {
    if (!ids.length) return;
    let o = unit.gridOutcomes.find((x) => x.id === id);
    if (!o) {
      o = { id, title, type: 'knowledge', methods: null, criteria: [], line: g.line };
      unit.gridOutcomes.push(o);
    }
    for (const c of ids) if (!o.criteria.some((x) => x.id === c)) o.criteria.push({ id: c, text: null, guidance: null, line: g.line });
  };
  add('U/K', 'Underpinning knowledge', read.knowledge);
  add('ER', 'Evidence requirements', read.requirements);
}

/** Report the run of lines outside any unit, once it ends. */
export function flushOutside(s: ParseState): void {
  if (!s.outsideBlock) return;
  const { from, to, first } = s.outsideBlock;
  s.warn(from, 'outside-units', { from, to, first });
  s.outsideBlock = null;
}

export function noteOutside(s: ParseState, no: number, text: string): void {
  if (s.outsideBlock) s.outsideBlock.to = no;
  else s.outsideBlock = { from: no, to: no, first: text };
  s.lastOutside = { no, text };
}

/** A short heading just above a unit's number is its title: taken out of the outside run. */
export function takeHeading(s: ParseState, no: number): string | null {
  const h = s.lastOutside;
  const block = s.outsideBlock;
  if (!h || !block || block.to !== h.no || no - h.no > 4 || h.text.length > 100 || /[.:;,]$/.test(h.text)) return null;
  if (block.from === h.no) s.outsideBlock = null;
  else block.to = h.no - 1;
  s.lastOutside = null;
  return h.text;
}

/** An outcome number on its own line whose title never came: reported, not placed. */
export function dropPendingOutcome(s: ParseState): void {
  if (s.pendingOutcome) s.warn(s.pendingOutcome.line, 'stands-alone', { text: s.pendingOutcome.text });
  s.pendingOutcome = null;
}
