// Reads the text of a recording form or unit specification into units, line by line.
// One pass, one small state machine for every layout (seeds 000–004, register pages,
// awarding-body web pages, pipe tables, SVQ forms): each line is classified (unit header,
// field, outcome, criterion, sub-item, list, furniture, text) and text is attached to what
// the previous lines opened. What cannot be placed becomes a warning with its line number.
import { checkUrn, isUrnShaped } from '../ids.js';
import { outcomeTypeOf } from '../model/outcome-type.js';
import type { Method } from '../schema/common.js';
import { isFurniture, isGridHeading, isGuidanceHeading, isPageFurniture, METADATA_LABEL, NOTE_HEADING } from './furniture.js';
import { readGrid } from './grid.js';
import { methodOf, methodPhrases } from './methods.js';
import { finishUnit, type Draft, type Warn } from './finish.js';
import {
  CONTD,
  FIELD_LABELS,
  OUTCOME_LABELLED,
  OUTCOME_NUMBERED,
  CRITERION,
  SVQ_LIST,
  SUB_ITEM,
  BULLET,
  METHODS_HEADING,
  APPENDIX,
  STRAY_ENUMERATOR,
  pipeHeader,
  unitHeader,
  svqItem,
  cleanTitle,
  clip,
  looksLikeValue,
  type Field,
  type PipeColumns,
} from './lines.js';
import { FormText, importWarning } from './messages.js';
import type { ImportedCriterion, ImportedOutcome, ImportedUnit, ImportWarning } from './types.js';

export interface ParseResult {
  units: ImportedUnit[];
  warnings: ImportWarning[];
}

/** What the last content line opened, so the next plain line knows where it belongs. */
type Last =
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
  | 'furniture';

export function parseForm(file: string, content: string): ParseResult {
  const form = new FormText(file, content);
  const lines = form.lines;
  const units: Draft[] = [];
  const warnings: ImportWarning[] = [];
  const warn: Warn = (line, id, data) => void warnings.push(importWarning(id, data, form.at(line)));

  // (the casts stop TypeScript narrowing these to their first value: the helpers below change them)
  let unit = null as Draft | null;
  let outcome = null as ImportedOutcome | null;
  let criterion = null as ImportedCriterion | null;
  let last = 'none' as Last;
  let blank = false;
  let pendingField = null as Field | null;
  let guidanceColumn = false;
  let outside = false; // after an "Appendix 2" heading: general forms, not units
  let outsideBlock = null as { from: number; to: number; first: string } | null;
  let pipeColumns = null as PipeColumns | null;
  // a register page may print an outcome's number on its own line and the title below it
  let pendingOutcome = null as { id: string; text: string; line: number; seen: boolean } | null;
  const dropPendingOutcome = () => {
    if (pendingOutcome) warn(pendingOutcome.line, 'stands-alone', { text: pendingOutcome.text });
    pendingOutcome = null;
  };

  const flushOutside = () => {
    if (!outsideBlock) return;
    const { from, to, first } = outsideBlock;
    warn(from, 'outside-units', { from, to, first });
    outsideBlock = null;
  };
  const noteOutside = (no: number, text: string) => {
    if (outsideBlock) outsideBlock.to = no;
    else outsideBlock = { from: no, to: no, first: text };
    lastOutside = { no, text };
  };
  // a web page's heading above "Unit No: …" is the unit's title
  let lastOutside = null as { no: number; text: string } | null;
  const takeHeading = (no: number): string | null => {
    const h = lastOutside;
    if (!h || !outsideBlock || outsideBlock.to !== h.no || no - h.no > 4 || h.text.length > 100 || /[.:;,]$/.test(h.text)) return null;
    if (outsideBlock.from === h.no) outsideBlock = null;
    else outsideBlock.to = h.no - 1;
    lastOutside = null;
    return h.text;
  };
  let skipValue = false;
  let noteRunsOn = false;

  const openUnit = (no: number, id: string | null, title: string | null, aliases: string[] = []): Draft => {
    flushOutside();
    outside = false;
    closeGrid(no);
    const again = id ? units.find((u) => u.unit === id) : undefined;
    outcome = null;
    criterion = null;
    if (again) {
      // a page header repeated ("(cont'd)") or the signature page of a unit already read
      if (title && !again.title) again.title = title;
      unit = again;
      last = title ? 'furniture' : 'unit-title';
      return again;
    }
    const u: Draft = {
      unit: id,
      aliases,
      title: title || null,
      level: null,
      credits: null,
      glh: null,
      guidance: null,
      outcomes: [],
      file,
      line: no,
      guidanceLines: new Map(),
      noteLines: [],
      duplicates: [],
      gridOutcomes: [],
    };
    if (id && isUrnShaped(id)) {
      const c = checkUrn(id);
      if (!c.ok) warn(no, 'check-letter', { unit: id, reason: c.reason, expected: c.expected });
    }
    units.push(u);
    unit = u;
    last = title ? 'none' : 'unit-title';
    return u;
  };

  const ensureUnit = (no: number): Draft => unit ?? openUnit(no, null, null);

  const openOutcome = (no: number, id: string, title: string | null, type: ImportedOutcome['type'] = null): ImportedOutcome => {
    const u = ensureUnit(no);
    closeGrid(no);
    criterion = null;
    let o = u.outcomes.find((x) => x.id === id);
    if (!o) {
      o = { id, title: title || null, type, methods: null, criteria: [], line: no };
      u.outcomes.push(o);
    } else if (title && !o.title) o.title = title;
    outcome = o;
    last = title ? 'outcome-title' : 'outcome-empty';
    return o;
  };

  const openCriterion = (no: number, rawId: string, text: string) => {
    const u = ensureUnit(no);
    closeGrid(no);
    let id = rawId;
    let outcomeId: string;
    const parts = rawId.split('.');
    if (/^[PK]\d+$/.test(rawId)) outcomeId = rawId[0]!;
    else if (parts.length === 3) {
      // N/SVQ: unit.element.criterion
      outcomeId = parts[1]!;
      if (u.unit && /^\d+$/.test(u.unit) && parts[0] !== u.unit) {
        const renumbered = `${u.unit}.${parts[1]}.${parts[2]}`;
        const taken = u.outcomes.some((o) => o.criteria.some((c) => c.id === renumbered));
        if (!taken) {
          warn(no, 'foreign-renumbered', { criterion: rawId, printedUnit: parts[0]!, unit: u.unit, as: renumbered });
          id = renumbered;
        } else warn(no, 'foreign-kept', { criterion: rawId, printedUnit: parts[0]!, unit: u.unit });
      }
    } else outcomeId = parts[0]!;
    if (!outcome || outcome.id !== outcomeId || !u.outcomes.includes(outcome)) {
      const existing = u.outcomes.find((o) => o.id === outcomeId);
      const svq = outcomeId === 'P' ? 'performance' : outcomeId === 'K' ? 'knowledge' : null;
      outcome = existing ?? openOutcome(no, outcomeId, null, /^[PK]\d+$/.test(rawId) ? svq : null);
    }
    const c: ImportedCriterion = { id, text: text || null, guidance: null, line: no };
    const first = u.outcomes.flatMap((o) => o.criteria).find((x) => x.id === id);
    if (first) u.duplicates.push({ criterion: c, first });
    else outcome.criteria.push(c);
    criterion = c;
    last = text ? 'criterion-text' : 'criterion-empty';
  };

  const addMethods = (no: number, list: string) => {
    if (!outcome) {
      warn(no, 'methods-before-outcome', { list });
      return;
    }
    const methods: Method[] = outcome.methods ?? [];
    for (const phrase of methodPhrases(list)) {
      const m = methodOf(phrase);
      if (!m) warn(no, 'unknown-method', { phrase, outcome: outcome.id });
      else if (!methods.includes(m)) methods.push(m);
    }
    outcome.methods = methods;
  };

  const addGuidance = (text: string, afterBlank: boolean) => {
    const u = unit!;
    const list = u.guidanceLines.get(criterion!) ?? [];
    if (afterBlank && list.length) list.push('');
    list.push(text);
    u.guidanceLines.set(criterion!, list);
    last = 'guidance';
  };

  const appendText = (text: string) => {
    criterion!.text = criterion!.text ? `${criterion!.text} ${text}` : text;
  };

  const setField = (no: number, field: Field, value: string) => {
    const v = value.replace(CONTD, ' ').trim();
    if (field === 'unit') {
      const id = v.split(/\s+/)[0]!;
      const rest = v.slice(id.length).trim().replace(/^[:.\-–]\s*/, '');
      if (unit && unit.unit === id) return;
      if (!unit || outside) {
        openUnit(no, id, rest || takeHeading(no));
        last = unit!.title ? 'none' : 'unit-title';
        return;
      }
      if (unit && !unit.outcomes.length && (!unit.unit || (isUrnShaped(id) && !isUrnShaped(unit.unit) && !units.some((u) => u.unit === id)))) {
        // "Unit 201 Title" then "Unit reference: T/506/1234": the handbook's number is an alias
        if (unit.unit && !unit.aliases.includes(unit.unit)) unit.aliases.push(unit.unit);
        unit.unit = id;
        if (isUrnShaped(id)) {
          const c = checkUrn(id);
          if (!c.ok) warn(no, 'check-letter', { unit: id, reason: c.reason, expected: c.expected });
        }
        if (rest && !unit.title) unit.title = rest;
      } else openUnit(no, id, rest || null);
      // a web page gives the title on its own line under the number
      last = unit!.title ? 'none' : 'unit-title';
      return;
    }
    if (field === 'title') {
      if (!unit || (unit.title && unit.outcomes.length)) openUnit(no, null, v);
      else unit.title = v;
      last = 'none';
      return;
    }
    const n = /^(?:level\s*)?(\d{1,3})\b/i.exec(v);
    if (!n) {
      warn(no, 'not-a-number', { field, value: v });
      return;
    }
    const u = unit && !(unit[field] !== null && unit.outcomes.length) ? unit : openUnit(no, null, null);
    u[field] = Number(n[1]);
    last = 'none';
  };

  /** Split "Level: 2   Credits: 3" or "Unit Level<TAB>2" into fields; false when not a field line. */
  const tryFields = (no: number, raw: string): boolean => {
    const segments = raw.split(/\t|\s{3,}|\s\|\s/).map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
    if (!segments.length || !FIELD_LABELS.some((f) => f.re.test(segments[0]!))) return false;
    const found: [Field, string | null][] = [];
    for (let i = 0; i < segments.length; i++) {
      // "Unit Level:<TAB>Level 2": a label's value comes first, even if it reads like a label
      if (found.length && found[found.length - 1]![1] === null) {
        found[found.length - 1]![1] = segments[i]!;
        continue;
      }
      const label = FIELD_LABELS.find((f) => f.re.test(segments[i]!));
      if (!label) return false;
      const value = segments[i]!.replace(label.re, '').replace(/^\s*\([^)]*\)/, '').replace(/^\s*[:(]?\s*/, '').replace(/\)\s*$/, '').trim();
      found.push([label.field, value || null]);
    }
    for (const [field, value] of found) {
      if (value === null) pendingField = field;
      else setField(no, field, value);
    }
    return true;
  };

  const closeGrid = (no: number) => {
    const g = unit?.grid;
    if (!g || g.done) return;
    g.done = true;
    const rows = g.rows.filter((r) => r.length);
    const read = readGrid(rows, g.knowledge);
    if (!read) {
      warn(g.line, 'grid-unread', { unit: unit!.unit });
      return;
    }
    const add = (id: string, title: string, ids: string[]) => {
      if (!ids.length) return;
      let o = unit!.gridOutcomes.find((x) => x.id === id);
      if (!o) {
        o = { id, title, type: 'knowledge', methods: null, criteria: [], line: g.line };
        unit!.gridOutcomes.push(o);
      }
      for (const c of ids) if (!o.criteria.some((x) => x.id === c)) o.criteria.push({ id: c, text: null, guidance: null, line: g.line });
    };
    add('U/K', 'Underpinning knowledge', read.knowledge);
    add('ER', 'Evidence requirements', read.requirements);
    void no;
  };

  const handle = (no: number, rawLine: string): void => {
    const raw = rawLine.replace(/[\u00a0\u2000-\u200b\u202f\u3000]/g, ' ');
    const text = raw.replace(/\s+/g, ' ').trim();

    // N/SVQ grid cells: "\t" is an empty cell, "" ends a row
    const grid = unit?.grid;
    if (grid && !grid.done && (text === '' || /^([a-z]|\d{1,2})$/.test(text) || isFurniture(text))) {
      if (raw === '' || raw.trim() === '' && !raw.includes('\t')) grid.rows.push([]);
      else if (!isFurniture(text)) {
        if (!grid.rows.length) grid.rows.push([]);
        grid.rows[grid.rows.length - 1]!.push(text);
      }
      return;
    }

    if (!text) {
      blank = true;
      if (last === 'note' && !noteRunsOn) last = 'none';
      return;
    }
    if (isPageFurniture(text)) return;
    if (skipValue) {
      skipValue = false;
      return;
    }
    const wasBlank = blank;
    blank = false;
    if (pendingOutcome?.seen) dropPendingOutcome();
    else if (pendingOutcome) pendingOutcome.seen = true;

    if (APPENDIX.test(text)) {
      unit = null;
      outcome = null;
      criterion = null;
      outside = true;
      noteOutside(no, text);
      return;
    }

    if (pendingField) {
      const f = pendingField;
      pendingField = null;
      if (looksLikeValue(f, text)) {
        setField(no, f, text);
        return;
      }
    }

    if (text.startsWith('|')) {
      handlePipeRow(no, text);
      return;
    }

    const header = unitHeader(text);
    if (header) {
      openUnit(no, header.id, header.title || null, header.aliases);
      return;
    }

    const continuing = !wasBlank && (last === 'criterion-text' || last === 'sub-item' || last === 'outcome-title');
    if (/^[A-Z]/.test(text) && !(continuing && /^[a-z]/.test(text)) && tryFields(no, raw)) return;

    if (outside || !unit) {
      // before the first unit or after the units: only a structure line starts a unit here
      const numbered = OUTCOME_NUMBERED.exec(text);
      if (!outside && (CRITERION.test(text) || OUTCOME_LABELLED.test(text) || SVQ_LIST.test(text) || (numbered && outcomeTypeOf(numbered[2]!)))) {
        // fall through: an unnumbered form starts with its first outcome or criterion
      } else {
        if (isGuidanceHeading(text)) guidanceColumn = true;
        if (!isFurniture(text) && !isGuidanceHeading(text)) noteOutside(no, text);
        return;
      }
    }

    const svqList = SVQ_LIST.exec(text);
    if (svqList) {
      const doing = svqList[2]!.toLowerCase() === 'do';
      const heading = raw.split('\t').map((c) => c.trim()).find(Boolean) ?? text;
      openOutcome(no, doing ? 'P' : 'K', heading.replace(/:$/, ''), doing ? 'performance' : 'knowledge');
      last = 'furniture';
      return;
    }

    const methods = METHODS_HEADING.exec(text);
    if (methods) {
      last = 'methods';
      if (methods[1]) addMethods(no, methods[1]);
      return;
    }

    const meta = METADATA_LABEL.exec(text);
    if (meta) {
      if (!meta[1]) skipValue = true;
      last = 'furniture';
      return;
    }
    const note = NOTE_HEADING.exec(text);
    if (note && unit) {
      last = 'note';
      // a closing "Note:" runs to the end of the unit; an aim or assessment paragraph ends at a blank line
      noteRunsOn = /^notes?\b/i.test(text);
      if (note[1] && !/^(none|n\/a|-)$/i.test(note[1])) unit.noteLines.push(unit.noteLines.length ? `\n${note[1]}` : note[1]);
      return;
    }

    if (isGuidanceHeading(text)) {
      guidanceColumn = true;
      last = 'furniture';
      return;
    }
    if (isGridHeading(text) && unit) {
      if (!unit.grid || unit.grid.done) unit.grid = { rows: [], line: no, knowledge: /u\/k/i.test(text), done: false };
      else if (/u\/k/i.test(text)) unit.grid.knowledge = true;
      return;
    }
    if (isFurniture(text)) {
      // "Learning outcome 1" / "The learner will:" / the title: the lead-in keeps the title pending
      if (last !== 'outcome-empty' && last !== 'criterion-empty' && last !== 'unit-title') last = 'furniture';
      return;
    }

    const element = /^(\d{3})\.(\d{1,2})\s+(\S.*)$/.exec(text);
    if (element && unit?.unit === element[1]) {
      // N/SVQ element heading ("201.1 Establish rapport") above its criteria 201.1.1 …
      openOutcome(no, element[2]!, cleanTitle(element[3]!), outcomeTypeOf(element[3]!));
      return;
    }
    const listItem = /^(\d{1,2})[.)]\s+(\S.*)$/.exec(text);
    if (listItem && criterion && (last === 'criterion-text' || last === 'sub-item') && (/:$/.test(criterion.text ?? '') || last === 'sub-item' || /^[a-z]/.test(listItem[2]!))) {
      // "1.2 Explain the following:" then "1. tone of voice": items of the criterion, not outcomes
      appendText(text);
      last = 'sub-item';
      return;
    }
    const crit = CRITERION.exec(text) ?? svqItem(text, outcome);
    if (crit) {
      openCriterion(no, crit[1]!, crit[2]!.trim());
      return;
    }

    const labelled = OUTCOME_LABELLED.exec(text);
    const numbered = labelled ? null : OUTCOME_NUMBERED.exec(text);
    const heading = labelled ?? numbered;
    if (heading && !(last === 'guidance' && numbered)) {
      const title = cleanTitle(heading[2]!);
      openOutcome(no, heading[1]!, title, outcomeTypeOf(title));
      return;
    }

    const bare = /^(\d{1,2})\.?$/.exec(text);
    if (bare) {
      dropPendingOutcome();
      pendingOutcome = { id: bare[1]!, text, line: no, seen: false };
      return;
    }
    if (STRAY_ENUMERATOR.test(text)) {
      if (!BULLET.test(text)) warn(no, 'stands-alone', { text });
      return;
    }

    // plain text, a sub-item or a bullet: it continues whatever the previous lines opened
    const isSub = SUB_ITEM.test(text) || BULLET.test(text);
    const body = BULLET.test(text) ? text.replace(BULLET, '') : text;
    if (pendingOutcome && !isSub) {
      const { id } = pendingOutcome;
      pendingOutcome = null;
      const title = cleanTitle(text);
      openOutcome(no, id, title, outcomeTypeOf(title));
    } else if (last === 'methods') addMethods(no, body);
    else if (last === 'note') unit!.noteLines.push(wasBlank ? `\n${text}` : text);
    else if (last === 'unit-title' && unit && !unit.title) {
      unit.title = text.replace(CONTD, ' ').trim();
      last = 'none';
    } else if (last === 'unit-title' && unit && unit.title === text.replace(CONTD, ' ').trim()) last = 'none';
    else if (last === 'criterion-empty' && criterion) {
      criterion.text = body;
      last = 'criterion-text';
    } else if (last === 'outcome-empty' && outcome) {
      outcome.title = cleanTitle(text);
      outcome.type ??= outcomeTypeOf(outcome.title);
      last = 'outcome-title';
    } else if (last === 'outcome-title' && outcome && !wasBlank && !isSub && /^[a-z(‘“'"]/.test(text)) {
      outcome.title = cleanTitle(`${outcome.title ?? ''} ${text}`);
      outcome.type = outcomeTypeOf(outcome.title) ?? outcome.type;
    } else if (guidanceColumn && criterion && (wasBlank || last === 'guidance')) addGuidance(text, wasBlank);
    else if (criterion && (last === 'criterion-text' || last === 'sub-item') && (!wasBlank || isSub)) {
      appendText(body);
      last = isSub ? 'sub-item' : last;
    } else if (criterion && isSub && last !== 'furniture') {
      appendText(body);
      last = 'sub-item';
    } else if (last === 'furniture' && !wasBlank && text.length <= 30 && !/[.:]$/.test(text)) {
      // the second line of a wrapped heading or prompt ("Tutor Name, Signature / and Date")
    } else {
      warn(no, 'could-not-place', { text, unit: unit?.unit ?? null });
      last = 'none';
    }
  };

  for (let i = 0; i < lines.length; i++) handle(i + 1, lines[i]!);

  function handlePipeRow(no: number, text: string) {
    const cells = text.replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.replace(/\s+/g, ' ').trim());
    if (cells.every((c) => /^:?-{2,}:?$/.test(c) || c === '')) return;
    const header = pipeHeader(cells);
    if (header) {
      pipeColumns = header;
      return;
    }
    const fitsDefault = /^(LO\s*)?\d{1,2}\.?$/i.test(cells[0] ?? '') || /^(AC\s*)?\d{1,3}(\.\d{1,3}){1,2}\.?$/i.test(cells[2] ?? '') || (cells[0] === '' && cells.length >= 4);
    if (!pipeColumns && !fitsDefault) {
      // some other table: read its cells as lines
      for (const c of cells) if (c) handle(no, c);
      return;
    }
    const cols = pipeColumns ?? { lo: 0, title: 1, ac: 2, text: 3, guidance: -1 };
    const cell = (k: number) => (k >= 0 ? cells[k] ?? '' : '');
    const lo = cell(cols.lo).replace(/^LO\s*/i, '').replace(/\.$/, '');
    const loTitle = cell(cols.title);
    const ac = cell(cols.ac).replace(/^AC\s*/i, '').replace(/\.$/, '');
    const acText = cell(cols.text);
    const guide = cell(cols.guidance);
    if (!unit) openUnit(no, null, null);
    if (/^\d{1,2}$/.test(lo)) {
      const title = cleanTitle(loTitle);
      openOutcome(no, lo, title || null, outcomeTypeOf(title));
    } else if (loTitle && outcome) {
      outcome.title = cleanTitle(`${outcome.title ?? ''} ${loTitle}`);
      outcome.type = outcomeTypeOf(outcome.title) ?? outcome.type;
    }
    if (/^\d{1,3}(\.\d{1,3}){1,2}$/.test(ac)) openCriterion(no, ac, acText);
    else if (ac) warn(no, 'not-a-criterion-number', { cell: ac });
    else if (acText && criterion) appendText(acText);
    else if (acText) warn(no, 'no-criterion-above', { text: acText });
    if (guide && criterion) addGuidance(guide, false);
    last = 'none';
  }

  dropPendingOutcome();
  flushOutside();
  if (!units.length) warn(1, 'no-units', {});
  return { units: units.map((u) => finishUnit(u, warn)), warnings: warnings.sort((a, b) => a.line - b.line) };
}

