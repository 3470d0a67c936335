// The kinds of line a form has, in the order they are tried, each with a test (does this line,
// in this state, belong to the kind?) and a handler (what it changes in the state). `step` is
// the reducer the form reader folds over a form's lines: the first kind whose test matches
// handles the line; a handler may pass the line on to the kinds after it.
import { outcomeTypeOf } from '../model/outcome-type.js';
import { isFurniture, isFurnitureRow, isGridHeading, isGuidanceHeading, isPageFurniture, LEAD_IN, METADATA_LABEL } from './furniture.js';
import { applyFields, fieldsOf, setField } from './fields.js';
import { APPENDIX, QUALIFICATIONS_LIST, BULLET, CRITERION, METHODS_HEADING, OUTCOME_LABELLED, OUTCOME_NUMBERED, STRAY_ENUMERATOR, SVQ_HEADING, SVQ_LIST, cleanTitle, looksLikeValue, marginCode, svqItem, unitHeaderOf } from './lines.js';
import { isUrnShaped } from '../ids.js';
import { pipeRow } from './pipe.js';
import { lineOf, type Line, type ParseState } from './state.js';
import { dropBareHeading } from './finish.js';
import { addMethods, appendText, dropPendingOutcome, noteOutside, openCriterion, openOutcome, openUnit } from './structure.js';
import { continueText } from './text.js';
import { isTickRow } from './marks.js';
import { kind, type LineKind } from './line-kind.js';
import { cells, fieldRow, legend, numberedSection, tickedMethods } from './rows.js';
import { assessmentField, guidanceHeading, noteHeadingKind } from './sections.js';

/** Kinds that are not content: they do not end a paragraph or age a pending outcome number. */
const LAYOUT = [
  // a page break, or a running header or footer taken out (files/running.ts): as if not there
  kind({ kind: 'page-break', test: (_s, l) => /^\f+$/.test(l.raw), handle: () => {} }),
  // N/SVQ grid cells: "\t" is an empty cell, "" ends a row
  kind({
    kind: 'grid-cell',
    test: (s, l) => {
      const g = s.unit?.grid;
      return g && !g.done && (l.text === '' || /^([a-z]|\d{1,2})$/.test(l.text) || isFurniture(l.text)) ? g : undefined;
    },
    handle: (_s, { raw, text }, grid) => {
      if (raw === '' || (raw.trim() === '' && !raw.includes('\t'))) grid.rows.push([]);
      else if (!isFurniture(text)) {
        if (!grid.rows.length) grid.rows.push([]);
        grid.rows[grid.rows.length - 1]!.push(text);
      }
    },
  }),
  kind({
    kind: 'blank',
    test: (_s, l) => l.text === '',
    handle: (s) => {
      s.blank = true;
      if (s.last === 'note' && !s.noteRunsOn) s.last = 'none';
    },
  }),
  kind({ kind: 'page-furniture', test: (_s, l) => isPageFurniture(l.text), handle: () => {} }),
  // a row of tick boxes and their codes, or the codes over the boxes' column
  kind({ kind: 'tick-row', test: (_s, l) => isTickRow(l.text), handle: () => {} }),
  kind({ kind: 'skipped-value', test: (s) => s.skipValue, handle: (s) => void (s.skipValue = false) }),
];

const CONTENT = [
  kind({
    kind: 'appendix',
    test: (s, l) => APPENDIX.test(l.text) || (!!s.unit?.outcomes.length && QUALIFICATIONS_LIST.test(l.text)),
    handle: (s, l) => {
      s.unit = null;
      s.outcome = null;
      s.criterion = null;
      s.outside = true;
      noteOutside(s, l.no, l.text);
    },
  }),
  fieldRow,
  // the value of a field whose label was alone on the line above
  kind({
    kind: 'field-value',
    test: (s) => s.pendingField,
    handle: (s, l, field) => {
      s.pendingField = null;
      // a label wrapped over two lines ("Unit reference" / "number: M/601/8832"): its value after the rest of it
      const value = looksLikeValue(field, l.text) ? l.text : /^[a-z][a-z ]{0,30}:\s*(\S.*)$/.exec(l.text)?.[1];
      if (!value || !looksLikeValue(field, value)) return 'next';
      // a title with the unit's code at its right margin (lines.ts): the code is another field
      const margin = field === 'title' && value === l.text ? marginCode(l.raw) : null;
      setField(s, l.no, field, margin ? margin.text : value);
      if (margin) setField(s, l.no, isUrnShaped(margin.code) ? 'unit' : 'alias', margin.code);
    },
  }),
  kind({
    kind: 'pipe-row',
    test: (_s, l) => l.text.startsWith('|'),
    handle: (s, l) => {
      for (const cell of pipeRow(s, l.no, l.text) ?? []) step(s, l.no, cell);
    },
  }),
  cells,
  kind({ kind: 'unit-header', test: (_s, l) => unitHeaderOf(l.raw, l.text), handle: (s, l, h) => void openUnit(s, l.no, h.id, h.title || null, h.aliases) }),
  // after the units (an appendix, a list of qualifications) only a unit number starts a unit:
  // a qualification's level or title is not a unit's field
  kind({
    kind: 'fields',
    test: (s, l) => {
      const found = /^[A-Z]/.test(l.text) && fieldsOf(l.raw);
      return found && (!s.outside || found.some(([f, v]) => f === 'unit' && v)) ? found : undefined;
    },
    handle: (s, l, found) => applyFields(s, l.no, found),
  }),
  legend,
  // before the first unit or after the units: only a structure line starts a unit here
  kind({
    kind: 'outside-units',
    test: (s, { text }) => {
      if (!s.outside && s.unit) return false;
      const numbered = OUTCOME_NUMBERED.exec(text);
      // an unnumbered form starts with its first outcome or criterion
      return !(!s.outside && (CRITERION.test(text) || OUTCOME_LABELLED.test(text) || SVQ_LIST.test(text) || (numbered && outcomeTypeOf(numbered[2]!))));
    },
    handle: (s, l) => {
      if (isGuidanceHeading(l.text)) s.guidanceColumn = true;
      if (!isFurniture(l.text) && !isGuidanceHeading(l.text)) noteOutside(s, l.no, l.text);
    },
  }),
  kind({
    kind: 'svq-list',
    test: (_s, l) => SVQ_LIST.exec(l.text),
    handle: (s, l, m) => {
      const doing = m[2]!.toLowerCase() === 'do';
      const heading = l.raw.split('\t').map((c) => c.trim()).find(Boolean) ?? l.text;
      openOutcome(s, l.no, doing ? 'P' : 'K', heading.replace(/:$/, ''), doing ? 'performance' : 'knowledge');
      s.last = 'furniture';
    },
  }),
  // "Performance criteria" / "Knowledge and understanding (applies to both elements)": the
  // heading of a P or K list when P1 … or K1 … items follow, a column heading otherwise
  kind({
    kind: 'svq-heading',
    test: (s, l) => s.unit && SVQ_HEADING.exec(l.text),
    handle: (s, l, m) => {
      s.svqHeading = { id: /^p/i.test(m[1]!) ? 'P' : 'K', title: l.text.replace(/\s*:$/, ''), line: l.no };
      if (s.last !== 'outcome-empty' && s.last !== 'criterion-empty' && s.last !== 'unit-title') s.last = 'furniture';
    },
  }),
  kind({
    kind: 'methods-heading',
    test: (_s, l) => METHODS_HEADING.exec(l.text),
    handle: (s, l, m) => {
      // "Assessment" then "Evidence may be supplied by:": the heading heads the methods, not a note
      if (s.last === 'note' && s.unit) dropBareHeading(s.unit);
      s.last = 'methods';
      if (m[1]) addMethods(s, l.no, m[1]);
    },
  }),
  kind({
    kind: 'metadata',
    test: (_s, l) => METADATA_LABEL.exec(l.text),
    handle: (s, _l, m) => {
      // a heading over register fields ("Additional information about the unit") heads no prose
      if (s.last === 'note' && s.unit) dropBareHeading(s.unit);
      if (!m[1]) s.skipValue = true;
      s.last = 'furniture';
    },
  }),
  kind({
    kind: 'lead-in',
    test: (s, l) => s.unit && LEAD_IN.test(l.text),
    handle: (s) => void (s.last = 'lead-in'),
  }),
  assessmentField,
  noteHeadingKind,
  guidanceHeading,
  kind({
    kind: 'grid-heading',
    test: (s, l) => s.unit && isGridHeading(l.text) && s.unit,
    handle: (_s, l, unit) => {
      if (!unit.grid || unit.grid.done) unit.grid = { rows: [], line: l.no, knowledge: /u\/k/i.test(l.text), done: false };
      else if (/u\/k/i.test(l.text)) unit.grid.knowledge = true;
    },
  }),
  kind({
    kind: 'furniture',
    // column headings side by side ("Learning outcomes      Assessment criteria"): furniture each
    test: (_s, l) => isFurniture(l.text) || isFurnitureRow(l.raw),
    handle: (s) => {
      // "Learning outcome 1" / "The learner will:" / the title: the lead-in keeps the title pending
      if (s.last !== 'outcome-empty' && s.last !== 'criterion-empty' && s.last !== 'unit-title') s.last = 'furniture';
    },
  }),
  // a sentence of guidance wrapped so that a line starts with the number it names ("… note
  // that criterion" / "3.1 must be evidenced …"): the sentence goes on, no criterion starts
  kind({
    kind: 'wrapped-number',
    // … or a reference to an outcome in lower case ("… understand learning" / "outcome 1. Guest
    // speakers …"): an outcome's own heading is never written so
    test: (s, l) =>
      s.unit &&
      s.last === 'note' &&
      !l.wasBlank &&
      (/^\d{1,3}(?:\.\d{1,3})+\s+[a-z]/.test(l.text) || /^(?:outcome|criteri(?:on|a)|unit|lo|ac)\s+\d/.test(l.text)) &&
      !/[.:;!?]$/.test(s.unit.noteLines[s.unit.noteLines.length - 1] ?? '.'),
    handle: (s, l) => void s.unit!.noteLines.push(l.text),
  }),
  numberedSection,
  // N/SVQ element heading ("201.1 Establish rapport") above its criteria 201.1.1 …
  kind({
    kind: 'element',
    test: (s, l) => {
      const m = /^(?:Element\s+)?(\d{3})\.(\d{1,2})\s*[:.\-–]?\s+(\S.*)$/i.exec(l.text);
      return m && s.unit?.unit === m[1] ? m : undefined;
    },
    handle: (s, l, m) => void openOutcome(s, l.no, m[2]!, cleanTitle(m[3]!), outcomeTypeOf(m[3]!)),
  }),
  // "1.2 Explain the following:" then "1. tone of voice": items of the criterion, not outcomes
  kind({
    kind: 'list-item',
    test: (s, l) => {
      const m = /^(\d{1,2})[.)]\s+(\S.*)$/.exec(l.text);
      const c = s.criterion;
      return m && c && (s.last === 'criterion-text' || s.last === 'sub-item') && (/:$/.test(c.text ?? '') || s.last === 'sub-item' || /^[a-z]/.test(m[2]!));
    },
    handle: (s, l) => {
      appendText(s, l.text);
      s.last = 'sub-item';
    },
  }),
  kind({
    kind: 'criterion',
    test: (s, l) => CRITERION.exec(l.text) ?? svqItem(l.text, s.svqHeading && l.text[0] === s.svqHeading.id ? null : s.outcome),
    handle: (s, l, m) => {
      const h = s.svqHeading;
      if (h && m[1]![0] === h.id && /^[PK]\d+$/.test(m[1]!) && !s.unit?.outcomes.some((o) => o.id === h.id)) {
        openOutcome(s, h.line, h.id, h.title, h.id === 'P' ? 'performance' : 'knowledge');
        s.svqHeading = null;
      }
      openCriterion(s, l.no, m[1]!, m[2]!.trim());
    },
  }),
  kind({
    kind: 'outcome-heading',
    test: (s, l) => {
      const labelled = OUTCOME_LABELLED.exec(l.text);
      const numbered = labelled ? null : OUTCOME_NUMBERED.exec(l.text);
      // after guidance, "1. …" is a numbered line of the guidance; in a note on the whole unit,
      // only a heading that reads as one ("LO 2:", "2 Be able to …") ends the note
      if (s.last === 'note') {
        if (labelled) return labelled.separated || !labelled[2] || outcomeTypeOf(cleanTitle(labelled[2])) ? labelled : undefined;
        // … or one whose first criterion (N.1) comes next: guidance ends where the outcomes begin
        return numbered && (outcomeTypeOf(cleanTitle(numbered[2]!)) || s.headsCriteria.has(l.no)) ? numbered : undefined;
      }
      return labelled ?? (numbered && (s.last !== 'guidance' || outcomeTypeOf(cleanTitle(numbered[2]!))) ? numbered : undefined);
    },
    handle: (s, l, m) => {
      const title = cleanTitle(m[2]!);
      openOutcome(s, l.no, m[1]!, title, outcomeTypeOf(title));
    },
  }),
  kind({
    kind: 'bare-number',
    test: (_s, l) => /^(\d{1,2})\.?$/.exec(l.text),
    handle: (s, l, m) => {
      dropPendingOutcome(s);
      s.pendingOutcome = { id: m[1]!, text: l.text, line: l.no, seen: false };
      // a lead-in's wrapped lines end here: the next line is the outcome's title
      if (s.last === 'lead-in' || s.last === 'assessment-field') s.last = 'none';
    },
  }),
  kind({
    kind: 'stray-enumerator',
    test: (_s, l) => STRAY_ENUMERATOR.test(l.text),
    handle: (s, l) => {
      if (!BULLET.test(l.text)) s.warn(l.no, 'stands-alone', { text: l.text });
    },
  }),
  kind({ kind: 'text', test: () => true, handle: continueText }),
];

function first(kinds: LineKind<unknown>[], s: ParseState, l: Line): boolean {
  for (const k of kinds) {
    const m = k.test(s, l);
    if (m === undefined || m === null || m === false) continue;
    if (k.handle(s, l, m) !== 'next') return true;
  }
  return false;
}

/** Read one line of a form into the state. */
export function step(s: ParseState, no: number, rawLine: string): ParseState {
  const l = lineOf(no, rawLine);
  if (first(LAYOUT, s, l)) return s;
  l.wasBlank = s.blank;
  s.blank = false;
  l.afterTitle = s.titled;
  s.titled = false;
  if (s.pendingOutcome?.seen) dropPendingOutcome(s);
  else if (s.pendingOutcome) s.pendingOutcome.seen = true;
  first(CONTENT, s, l);
  if (l.ticked.length) tickedMethods(s, l);
  return s;
}
