// `folio import --check`: a form against the spec already in the centre, field by field, so a
// centre can confirm its spec against the awarding body's latest handbook. Every difference is
// listed: a value the form gives that the spec holds otherwise or lacks, an outcome or
// criterion on one side only, and the order of outcomes and criteria. A field the form does
// not give is not a difference (the spec may hold what another document gave). Outcome types
// are compared as folio reads them: stated, or inferred from the title (model/outcome-type.ts).
import { outcomeTypeOf } from '../model/outcome-type.js';
import { norm } from './spec-yaml.js';
import type { ImportedUnit } from './types.js';

export interface Difference {
  /** Where, in the spec's words: "title", "outcome 2", "criterion 1.4 text". */
  at: string;
  /** The spec's value, or null when the spec lacks it. */
  spec: string | null;
  /** The form's value, or null when the form lacks it. */
  form: string | null;
  /** The line of the form it is on. */
  line: number;
}

interface SpecData {
  title?: unknown;
  level?: unknown;
  credits?: unknown;
  glh?: unknown;
  guidance?: unknown;
  aliases?: unknown;
  outcomes?: { id?: unknown; title?: unknown; type?: unknown; methods?: unknown; criteria?: { id?: unknown; text?: unknown }[] }[];
}

const s = (v: unknown): string | null => (v === undefined || v === null || v === '' ? null : String(v));
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined || v === null ? [] : [String(v)]);

export function compareUnit(u: ImportedUnit, spec: SpecData | undefined): Difference[] {
  if (!spec) return [{ at: 'the unit', spec: null, form: u.title ?? u.unit ?? '(no title)', line: u.line }];
  const out: Difference[] = [];
  const add = (at: string, specValue: string | null, form: string | null, line: number) => {
    if (form === null) return;
    if (specValue !== null && norm(specValue) === norm(form)) return;
    out.push({ at, spec: specValue, form, line });
  };
  add('title', s(spec.title), u.title, u.line);
  add('level', s(spec.level), u.level === null ? null : String(u.level), u.line);
  add('credits', s(spec.credits), u.credits === null ? null : String(u.credits), u.line);
  add('guided learning hours', s(spec.glh), u.glh === null ? null : String(u.glh), u.line);
  add('guidance', s(spec.guidance), u.guidance, u.line);
  const aliases = list(spec.aliases);
  for (const a of u.aliases) if (!aliases.includes(a) && a !== u.unit) out.push({ at: 'aliases', spec: aliases.join(', ') || null, form: a, line: u.line });

  const outcomes = spec.outcomes ?? [];
  const ids = (xs: { id?: unknown }[]) => xs.map((x) => String(x.id));
  order(out, 'outcomes', ids(outcomes), u.outcomes.map((o) => o.id), u.line);
  for (const o of u.outcomes) {
    const so = outcomes.find((x) => String(x.id) === o.id);
    const where = `outcome ${o.id}`;
    if (!so) {
      out.push({ at: where, spec: null, form: o.title ?? `${o.criteria.length} criteria`, line: o.line });
      continue;
    }
    add(`${where} title`, s(so.title), o.title, o.line);
    const type = s(so.type) ?? outcomeTypeOf(s(so.title));
    add(`${where} type`, type, o.type, o.line);
    if (o.methods) add(`${where} methods`, list(so.methods).join(', ') || null, o.methods.join(', '), o.line);
    const criteria = so.criteria ?? [];
    order(out, `${where} criteria`, ids(criteria), o.criteria.map((c) => c.id), o.line);
    for (const c of o.criteria) {
      const sc = criteria.find((x) => String(x.id) === c.id);
      if (!sc) out.push({ at: `criterion ${c.id}`, spec: null, form: c.text ?? '(no text)', line: c.line });
      else add(`criterion ${c.id} text`, s(sc.text), c.text, c.line);
    }
    for (const sc of criteria) if (!o.criteria.some((c) => c.id === String(sc.id))) out.push({ at: `criterion ${String(sc.id)}`, spec: s(sc.text) ?? '(no text)', form: null, line: o.line });
  }
  for (const so of outcomes) if (!u.outcomes.some((o) => o.id === String(so.id))) out.push({ at: `outcome ${String(so.id)}`, spec: s(so.title) ?? '(no title)', form: null, line: u.line });
  return out;
}

/** The same ids in another order (those on one side only are reported on their own). */
function order(out: Difference[], at: string, spec: string[], form: string[], line: number) {
  const both = (xs: string[], other: string[]) => xs.filter((x) => other.includes(x));
  const a = both(spec, form);
  const b = both(form, spec);
  if (a.join('\0') !== b.join('\0')) out.push({ at: `order of ${at}`, spec: a.join(', '), form: b.join(', '), line });
}
