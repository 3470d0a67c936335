// Field lines of register pages, web pages and handbooks: "Unit Reference Number: …",
// "Level: 2   Credits: 3", "Unit Level<TAB>2". A unit number opens a unit (or names the one
// being read, the handbook's own number becoming an alias); the other fields fill it in.
import { isUrnShaped } from '../ids.js';
import { METADATA_LABEL, NOTE_HEADING } from './furniture.js';
import { CONTD, FIELD_LABELS, MARGIN_CODE, looksLikeValue, type Field } from './lines.js';
import type { ParseState } from './state.js';
import { checkLetter, openUnit, takeHeading } from './structure.js';

/** The fields of a field line, in order, a null value where it is on the next line; null when
 * the line is not a field line. */
export function fieldsOf(raw: string): [Field, string | null][] | null {
  const segments = raw.split(/\t|\s{3,}|\s\|\s/).map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (!segments.length || !FIELD_LABELS.some((f) => f.re.test(segments[0]!))) return null;
  // a header row of labels alone ("Unit reference   Level   GLH"): the values are in the next row
  const bare = (seg: string) => FIELD_LABELS.some((f) => f.re.test(seg) && f.re.exec(seg)![1] === undefined && !seg.replace(f.re, '').replace(/[\s:()]/g, ''));
  if (segments.length >= 2 && segments.every(bare)) return segments.map((seg) => [FIELD_LABELS.find((f) => f.re.test(seg))!.field, null]);
  const found: [Field, string | null][] = [];
  for (let k = 0; k < segments.length; k++) {
    const segment = segments[k]!;
    // "Unit Level:<TAB>Level 2": a label's value comes first, even if it reads like a label
    if (found.length && found[found.length - 1]![1] === null) {
      found[found.length - 1]![1] = segment;
      continue;
    }
    const label = FIELD_LABELS.find((f) => f.re.test(segment));
    // a code at the right margin of the title line ("Title: Understand …      HSC 204"): the
    // unit's number if it is a unit reference number, else one of its other numbers
    const prev = found[found.length - 1];
    if (!label && prev?.[0] === 'title' && k === segments.length - 1 && MARGIN_CODE.test(segment)) {
      found.push([isUrnShaped(segment) ? 'unit' : 'alias', segment]);
      continue;
    }
    // a form's own blanks after the fields ("GLH<TAB>20<TAB>Learner name<TAB>") are not read
    if (!label) return found.length > 1 || found[0]?.[1] ? found : null;
    // a value written inside the label ("QCF Level 1:"): what follows is the label's gloss
    const own = label.re.exec(segment)![1];
    if (own !== undefined) {
      found.push([label.field, own]);
      if (k + 1 < segments.length && !FIELD_LABELS.some((f) => f.re.test(segments[k + 1]!))) k++;
      continue;
    }
    const value = segment.replace(label.re, '').replace(/^\s*\([^)]*\)/, '').replace(/^\s*[:(]?\s*/, '').replace(/\)\s*$/, '').trim();
    // "Level: 2 GLH: 14", "Unit code: 2BA14 | Level 2": one space between fields; a value is
    // one word when what follows it is another field
    const rest = /^(\S+)\s+(?:[|,;/·•]\s+)?(\S.*)$/.exec(value);
    if (rest && label.field !== 'title' && FIELD_LABELS.some((f) => f.re.test(rest[2]!))) {
      found.push([label.field, rest[1]!.replace(/[,;]$/, '')]);
      segments.splice(k + 1, 0, rest[2]!);
      continue;
    }
    found.push([label.field, value || null]);
  }
  return found;
}

export function applyFields(s: ParseState, no: number, found: [Field, string | null][]): void {
  for (const [field, value] of found) {
    if (value === null) s.pendingField = field;
    else setField(s, no, field, value);
  }
  // a table's header row ("Unit code | Level | GLH"): its values are the cells of the next row
  const labels = found.filter(([, v]) => v === null).map(([f]) => f);
  s.pendingRow = labels.length >= 2 && labels.length === found.length ? labels : null;
}

/** The next row of a header table, cell by cell under its labels; false when its cells do not
 * line up with them (then the last label takes the line, as a value on the next line). */
export function applyRow(s: ParseState, no: number, raw: string, labels: Field[]): boolean {
  const cells = raw.split(/\t|\s{3,}|\s\|\s|^\|\s*|\s*\|$/).map((c) => c.trim()).filter(Boolean);
  if (cells.length !== labels.length || !labels.every((f, i) => looksLikeValue(f, cells[i]!))) return false;
  labels.forEach((f, i) => setField(s, no, f, cells[i]!));
  return true;
}

export function setField(s: ParseState, no: number, field: Field, value: string): void {
  const v = value.replace(CONTD, ' ').trim();
  if (field === 'unit') return setUnitNumber(s, no, v);
  if (field === 'title') {
    if (!s.unit || (s.unit.title && s.unit.outcomes.length)) openUnit(s, no, null, v);
    else s.unit.title = v;
    s.last = 'none';
    return;
  }
  if (field === 'alias') {
    const u = s.unit ?? openUnit(s, no, null, null);
    if (!u.aliases.includes(v) && u.unit !== v) u.aliases.push(v);
    return;
  }
  if (field === 'ssa' || field === 'withdrawal') {
    const u = s.unit ?? openUnit(s, no, null, null);
    u[field] = /^(none|n\/a|-)$/i.test(v) ? null : v;
    s.last = 'none';
    return;
  }
  const n = /^(?:level\s*)?(\d{1,3})\b/i.exec(v);
  if (!n) {
    s.warn(no, 'not-a-number', { field, value: v });
    return;
  }
  const u = s.unit && !(s.unit[field] !== null && s.unit.outcomes.length) ? s.unit : openUnit(s, no, null, null);
  u[field] = Number(n[1]);
  s.last = 'none';
}

function setUnitNumber(s: ParseState, no: number, v: string): void {
  const id = v.split(/\s+/)[0]!;
  const rest = v.slice(id.length).trim().replace(/^[:.\-–]\s*/, '');
  const unit = s.unit;
  if (unit && unit.unit === id) return;
  if (!unit || s.outside) {
    openUnit(s, no, id, rest || takeHeading(s, no));
    s.last = s.unit!.title ? 'none' : 'unit-title';
    return;
  }
  // a handbook's running number ("Unit 4") gives way to a labelled code of any shape
  const running = /^\d{1,4}[A-Z]?$/.test(unit.unit ?? '') && !/^\d{1,4}[A-Z]?$/.test(id);
  if (!unit.outcomes.length && (!unit.unit || ((isUrnShaped(id) || running) && !isUrnShaped(unit.unit!) && !s.units.some((u) => u.unit === id)))) {
    // "Unit 201 Title" then "Unit reference: T/506/1234": the handbook's number is an alias
    // (first: it was printed before the codes that followed it)
    if (unit.unit && !unit.aliases.includes(unit.unit)) unit.aliases.unshift(unit.unit);
    unit.unit = id;
    checkLetter(s, no, id);
    if (rest && !unit.title) unit.title = rest;
  } else openUnit(s, no, id, rest || null);
  // a web page gives the title on its own line under the number
  s.last = s.unit!.title ? 'none' : 'unit-title';
}

/** A label wrapped over two lines ("Guided learning" / "hours: 18"): joined on the first line,
 * the second left as a dropped line (a form feed, skipped like a page break) so that every
 * other line keeps its number. */
export function joinWrappedLabels(lines: { no: number; text: string }[]): { no: number; text: string }[] {
  return lines.map((l, i) => {
    const head = l.text.trim();
    const next = /^\s*([a-z][a-z ]{0,20}):(.*)$/.exec(lines[i + 1]?.text ?? '');
    if (next && /^[A-Z][A-Za-z ]{2,30}$/.test(head) && !fieldsOf(head)) {
      const joined = `${head} ${next[1]}:${next[2]}`;
      if (fieldsOf(joined)) return { no: l.no, text: joined };
    }
    // a heading or label whose last words wrap ("… regulatory body (if" / "appropriate)",
    // "… national occupational" / "standards (if appropriate)"): one line, as with the labels above
    if (wrapsOn(head, lines[i + 1]?.text.trim() ?? '')) return { no: l.no, text: `${head} ${lines[i + 1]!.text.trim()}` };
    if (wrapsOn(lines[i - 1]?.text.trim() ?? '', l.text.trim())) return { no: l.no, text: '\f' };
    const prev = lines[i - 1]?.text.trim() ?? '';
    const here = /^\s*([a-z][a-z ]{0,20}):(.*)$/.exec(l.text);
    if (here && /^[A-Z][A-Za-z ]{2,30}$/.test(prev) && !fieldsOf(prev) && fieldsOf(`${prev} ${here[1]}:${here[2]}`)) return { no: l.no, text: '\f' };
    return l;
  });
}

/** A heading or field label (furniture.ts) whose end is on the next line: a lower-case line
 * that closes a bracket, the two read together as a heading or label. */
function wrapsOn(head: string, next: string): boolean {
  if (!/^[A-Z][^.:;]{10,}$/.test(head) || !/^[a-z][^.:;]{0,40}\)$/.test(next)) return false;
  const joined = `${head} ${next}`;
  return NOTE_HEADING.test(joined) || METADATA_LABEL.test(joined);
}
