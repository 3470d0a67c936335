// `folio import` as a library call: forms in, a plan of spec files out. Reading forms, finding
// where each unit goes (its number, or for a form without one the existing spec its criteria
// match), merging and deciding what may be written all happen here; the CLI only reads the
// files, prints the plan and performs the writes it allows.
import { fileNameForId } from '../load/files.js';
import { aliasMap } from '../model/aliases.js';
import { FormText, importWarning, type FormPlace } from './messages.js';
import { parseForm } from './parse.js';
import { criteriaOf, emptySpec, mergeUnit, norm, parseSpec, renderSpec, type Conflict } from './spec-yaml.js';
import type { ImportedUnit, ImportWarning } from './types.js';

export interface Form {
  /** As the user named it, for messages. */
  file: string;
  /** As recorded in the spec's `source`: relative to the centre root where possible. */
  source: string;
  content: string;
  /** How the file was decoded when it was not UTF-8. */
  encoding?: string;
  /** What kind of file the text came from. */
  kind?: 'text' | 'pdf' | 'docx';
}

/** The folder specs are written to, as the importer sees it. */
export interface SpecFolder {
  read(name: string): string | undefined;
  list(): string[];
}

export interface ImportOptions {
  force: boolean;
  /** The number to give a unit whose form gives none. */
  unit?: string;
  /** Where a new spec finds the unit JSON Schema, for its yaml-language-server line. */
  schema?: string;
  /** Write no spec for a unit the importer warned about (--strict). */
  strict?: boolean;
}

export type Action = 'create' | 'update' | 'unchanged' | 'conflict' | 'replace' | 'unreadable' | 'unsure';

export interface SpecPlan {
  id: string;
  /** File name inside the spec folder. */
  file: string;
  action: Action;
  /** Every unit read from the forms that went into this spec, numbered forms first. */
  units: ImportedUnit[];
  filled: string[];
  conflicts: Conflict[];
  /** The spec's text after the import (what --stdout prints and a write stores). */
  text: string;
  /** The spec's text before, when it existed. */
  previous?: string;
}

export interface ImportResult {
  units: ImportedUnit[];
  warnings: ImportWarning[];
  specs: SpecPlan[];
  /** Where each unit went: its spec id, by unit. */
  target: Map<ImportedUnit, string>;
  /** Each unit's confidence report: the warnings on its lines (and its form's, such as the
   * encoding it was read in). */
  unsure: Map<ImportedUnit, ImportWarning[]>;
}

export function importForms(forms: Form[], folder: SpecFolder, opts: ImportOptions): ImportResult {
  const warnings: ImportWarning[] = [];
  const units: ImportedUnit[] = [];
  const sourceOf = new Map<ImportedUnit, string>();
  const texts = new Map(forms.map((f) => [f.file, new FormText(f.file, f.content)]));
  const at = (file: string, line: number) => texts.get(file)?.at(line) ?? { file, line, column: 1 };
  for (const f of forms) {
    const r = parseForm(f.file, f.content);
    if (f.encoding) warnings.push(importWarning('encoding', { encoding: f.encoding }, at(f.file, 1)));
    warnings.push(...r.warnings);
    for (const u of r.units) {
      units.push(u);
      sourceOf.set(u, f.source);
    }
  }

  const unnumbered = units.filter((u) => !u.unit);
  if (opts.unit && unnumbered.length > 1) throw new Error(`--unit names one unit, but ${unnumbered.length} units in these forms have no number: import their forms one at a time`);
  const target = new Map<ImportedUnit, string>();
  const matched = new Set<ImportedUnit>();
  // a form may name a unit by another of its numbers: the spec that lists it as an alias gets it
  const owners = ownersIn(folder);
  for (const u of units) if (u.unit) target.set(u, owners.get(u.unit) ?? u.unit);
  if (unnumbered.length) {
    const candidates = candidatesFor(units, folder);
    for (const u of unnumbered) {
      if (opts.unit) {
        target.set(u, opts.unit);
        continue;
      }
      const m = bestMatch(u, candidates);
      if (m) {
        target.set(u, m.id);
        matched.add(u);
        const i = warnings.findIndex((w) => w.messageId === 'no-unit-number' && w.file === u.file && w.line === u.line);
        if (i >= 0) warnings.splice(i, 1);
        warnings.push(importWarning('matched-spec', { same: m.same, of: m.of, unit: m.id, file: fileNameForId(m.id) }, at(u.file, u.line)));
      } else {
        const stem = u.file.split(/[\\/]/).pop()!.replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_-]+/g, '-');
        // two forms named alike (a/form.txt, b/form.txt) must not share a spec
        let id = stem;
        for (let n = 2; [...target.values()].includes(id); n++) id = `${stem}-${n}`;
        target.set(u, id);
      }
    }
  }

  const byId = new Map<string, ImportedUnit[]>();
  for (const u of units) {
    const id = target.get(u)!;
    byId.set(id, [...(byId.get(id) ?? []), u]);
  }
  const specs: SpecPlan[] = [];
  for (const [id, contributors] of byId) {
    contributors.sort((a, b) => Number(matched.has(a)) - Number(matched.has(b)));
    specs.push(plan(id, contributors, folder, opts, matched, sourceOf, (w) => warnings.push(w(at))));
  }
  const order = new Map(forms.map((f, i) => [f.file, i]));
  warnings.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line);
  const unsure = confidence(units, warnings);
  if (opts.strict) {
    for (const spec of specs) {
      if (spec.action === 'unchanged' || spec.action === 'conflict' || spec.action === 'unreadable') continue;
      if (spec.units.some((u) => unsure.get(u)!.length)) Object.assign(spec, { action: 'unsure', text: spec.previous ?? '' });
    }
  }
  return { units, warnings, specs, target, unsure };
}

/** The warnings of each unit: those on its lines (from its first line to the next unit's of
 * the same form), and those on its whole form at line 1 before any unit (the encoding).
 * Lines outside every unit are not any unit's. */
function confidence(units: ImportedUnit[], warnings: ImportWarning[]): Map<ImportedUnit, ImportWarning[]> {
  const out = new Map(units.map((u) => [u, [] as ImportWarning[]]));
  for (const w of warnings) {
    if (w.code === 'outside-units') continue;
    const mine = units.filter((u) => u.file === w.file).sort((a, b) => a.line - b.line);
    if (w.code === 'encoding') for (const u of mine) out.get(u)!.push(w);
    else {
      const owner = mine.filter((u) => u.line <= w.line).pop();
      if (owner) out.get(owner)!.push(w);
    }
  }
  return out;
}

/** A warning that is placed once it is known which form text it is in. */
type Placed = (at: (file: string, line: number) => FormPlace) => ImportWarning;

function plan(id: string, contributors: ImportedUnit[], folder: SpecFolder, opts: ImportOptions, matched: Set<ImportedUnit>, sourceOf: Map<ImportedUnit, string>, warn: (w: Placed) => void): SpecPlan {
  const file = fileNameForId(id);
  const previous = folder.read(file);
  const base = { id, file, units: contributors, previous };
  const doc = previous === undefined ? emptySpec() : parseSpec(previous);
  if (!doc) return { ...base, action: 'unreadable', filled: [], conflicts: [], text: previous ?? '' };
  const filled: string[] = [];
  const conflicts: Conflict[] = [];
  contributors.forEach((u, i) => {
    const keepWording = matched.has(u);
    const r = mergeUnit(doc, u, { overwrite: opts.force && !keepWording, keepWording, id, source: sourceOf.get(u)! });
    filled.push(...r.filled);
    for (const c of r.conflicts) {
      const between = previous === undefined || keepWording;
      if (!between) conflicts.push(c);
      else {
        const other = i === 0 ? 'the spec' : `${contributors[0]!.file}`;
        warn((at) => importWarning('wording-differs', { at: c.at, form: c.form, other, spec: c.spec, kept: keepWording ? 'spec' : 'first' }, at(u.file, lineOf(u, c.at))));
      }
    }
  });
  if (previous === undefined) {
    const first = contributors[0]!;
    const lines = [...(opts.schema ? [` yaml-language-server: $schema=${opts.schema}`] : []), ` Unit specification ${id}${first.title ? ` ${first.title}` : ''}: imported by folio import from ${sourceOf.get(first)}.`];
    if (!first.unit && !matched.has(first) && !opts.unit) {
      lines.push(' The form gives no unit number: this spec is named after the form. Put the awarding', " body's number in `unit:` and rename the file to match.");
    }
    doc.commentBefore = lines.join('\n');
  }
  const text = renderSpec(doc);
  let action: Action;
  if (previous === undefined) action = 'create';
  else if (!filled.length && !conflicts.length) action = 'unchanged';
  else if (conflicts.length) action = opts.force ? 'replace' : 'conflict';
  else action = 'update';
  return { ...base, action, filled, conflicts, text: action === 'conflict' || action === 'unchanged' ? previous! : text };
}

/** Every unit number and alias in the spec folder → the number of the spec that holds it. */
function ownersIn(folder: SpecFolder): Map<string, string> {
  const held: { id: string; aliases: string[] }[] = [];
  for (const name of folder.list()) {
    if (!/\.ya?ml$/i.test(name)) continue;
    const doc = parseSpec(folder.read(name) ?? '');
    const root = doc?.contents as { get(k: string, keep?: boolean): unknown } | undefined;
    const id = root ? String(root.get('unit') ?? '') : '';
    if (!id) continue;
    const aliases = root!.get('aliases');
    const list = aliases && typeof aliases === 'object' && 'items' in aliases ? (aliases as { items: { value?: unknown }[] }).items.map((n) => String(n.value ?? '')) : [];
    held.push({ id, aliases: list.filter(Boolean) });
  }
  const owners = aliasMap(held, (s) => s.id, (s) => s.aliases);
  return new Map([...owners].map(([name, s]) => [name, s.id]));
}

interface Candidate {
  id: string;
  criteria: Map<string, string>;
}

function candidatesFor(units: ImportedUnit[], folder: SpecFolder): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const u of units) {
    if (!u.unit || seen.has(u.unit)) continue;
    seen.add(u.unit);
    out.push({ id: u.unit, criteria: new Map(u.outcomes.flatMap((o) => o.criteria).map((c) => [c.id, c.text ?? ''])) });
  }
  for (const name of folder.list()) {
    if (!/\.ya?ml$/i.test(name)) continue;
    const doc = parseSpec(folder.read(name) ?? '');
    const id = doc ? String((doc.contents as { get(k: string): unknown }).get('unit') ?? '') : '';
    if (!doc || !id || seen.has(id)) continue;
    seen.add(id);
    out.push({ id, criteria: criteriaOf(doc) });
  }
  return out;
}

/** The spec whose criteria this form's criteria match: same ids, nearly the same words. */
function bestMatch(u: ImportedUnit, candidates: Candidate[]): { id: string; same: number; of: number } | undefined {
  const mine = u.outcomes.flatMap((o) => o.criteria).filter((c) => c.text);
  if (mine.length < 2) return undefined;
  let best: { id: string; same: number; of: number; score: number } | undefined;
  for (const c of candidates) {
    const same = mine.filter((m) => c.criteria.has(m.id) && similar(m.text!, c.criteria.get(m.id)!)).length;
    const of = Math.max(mine.length, c.criteria.size);
    const score = same / of;
    if (score >= 0.8 && (!best || score > best.score)) best = { id: c.id, same, of, score };
  }
  return best && { id: best.id, same: best.same, of: best.of };
}

/** Most words in common: a form's typo or regional spelling does not hide the match. */
function similar(a: string, b: string): boolean {
  const words = (s: string) => new Set(norm(s).toLowerCase().split(/[^a-z0-9]+/).filter(Boolean));
  const wa = words(a);
  const wb = words(b);
  const common = [...wa].filter((w) => wb.has(w)).length;
  return common / Math.max(wa.size, wb.size, 1) >= 0.7;
}

function lineOf(u: ImportedUnit, at: string): number {
  const m = /^criterion (\S+)/.exec(at);
  const c = m && u.outcomes.flatMap((o) => o.criteria).find((x) => x.id === m[1]);
  return c ? c.line : u.line;
}
