// Formatters for `folio spec list` and `folio spec show`.
import type { Qualification, Unit } from '../model/types.js';
import { json, VERSION } from './contract.js';
import { visible } from './safe.js';
import { palette, proseWidth, wrap, type RenderOptions } from './style.js';
import { table } from './table.js';
import { plural } from '../text.js';

export interface SpecList {
  qualifications: Qualification[];
  units: Unit[];
}

/** One unit, or one qualification with the units it names (by number and alias). */
export interface SpecShow {
  unit?: Unit;
  qualification?: Qualification;
  units: Map<string, Unit>;
}

const unitJson = (u: Unit) => ({
  unit: u.id,
  aliases: u.aliases,
  title: u.title ?? null,
  level: u.level ?? null,
  credits: u.credits ?? null,
  glh: u.glh ?? null,
  source: u.sources,
  guidance: u.guidance ?? null,
  outcomes: u.outcomes.map((o) => ({
    id: o.id,
    title: o.title ?? null,
    type: o.type ?? null,
    criteria: o.criteria.map((c) => ({
      id: c.id,
      text: c.text ?? null,
      guidance: c.guidance ?? null,
      methods: c.rules.methods ?? null,
      requires: c.rules.requires ?? null,
      minEvidence: c.rules.minEvidence,
    })),
  })),
});

const qualificationJson = (q: Qualification) => ({
  qualification: q.id,
  title: q.title,
  level: q.level ?? null,
  minCredits: q.minCredits ?? null,
  groups: q.groups.map((g) => ({
    id: g.id,
    title: g.title ?? null,
    units: g.units.map((u) => u.ref),
    required: g.requiredAll ? 'all' : null,
    minCredits: g.minCredits ?? null,
    maxCredits: g.maxCredits ?? null,
    minUnits: g.minUnits ?? null,
    maxUnits: g.maxUnits ?? null,
  })),
  barred: q.barred.map((b) => b.units),
  minCreditsAtLevel: q.minCreditsAtLevel ?? null,
});

function listTable(s: SpecList, o: RenderOptions): string {
  const c = palette(o.color);
  const out: string[] = [c.underline('Qualifications')];
  const quals = s.qualifications.map((q) => [visible(q.id), visible(q.title), `${q.minCredits ?? '?'} credits`]);
  if (quals.length) out.push(table(undefined, quals, { width: o.width, indent: 2, shrink: 1, min: 20 }));
  out.push('', c.underline('Units'));
  const units = s.units.map((u) => [visible(u.id), visible(u.title ?? '(no title)'), String(u.level ?? '?'), String(u.credits ?? '?'), String(u.outcomes.reduce((n, x) => n + x.criteria.length, 0))]);
  out.push(table(['Unit', 'Title', 'Lvl', 'Cr', 'Criteria'], units, { width: o.width, indent: 2, head: c.dim, right: [2, 3, 4], shrink: 1, min: 20 }));
  out.push('', `${plural(s.qualifications.length, 'qualification')}, ${plural(s.units.length, 'unit')}.`);
  return `${out.join('\n')}\n`;
}

function showUnit(u: Unit, o: RenderOptions): string {
  const c = palette(o.color);
  const facts = [`level ${u.level ?? 'unknown'}`, `${u.credits ?? 'unknown'} credits`, `${u.glh ?? 'unknown'} GLH`];
  const out = [`${c.bold(visible(u.id))} ${visible(u.title ?? '(no title)')}`, `${facts.join(' · ')}${u.aliases.length ? ` · also ${visible(u.aliases.join(', '))}` : ''}`];
  if (u.guidance && o.detail) out.push('', c.dim(wrap(visible(u.guidance.trim().replace(/\s+/g, ' ')), proseWidth(o), '')));
  for (const outcome of u.outcomes) {
    out.push('', c.underline(`Outcome ${visible(outcome.id)}${outcome.title ? ` ${visible(outcome.title)}` : ''}${outcome.type ? ` (${outcome.type})` : ''}`));
    for (const cr of outcome.criteria) {
      out.push(`  ${visible(cr.id).padEnd(7)} ${wrap(visible((cr.text ?? '(no text)').replace(/\s+/g, ' ')), proseWidth(o) - 10, ' '.repeat(10))}`);
      const rules: string[] = [];
      if (cr.rules.methods) rules.push(`methods: ${cr.rules.methods.join(', ')}`);
      if (cr.rules.requires) rules.push(`requires: ${cr.rules.requires.join(' or ')}`);
      if (cr.rules.minEvidence > 1) rules.push(`min-evidence: ${cr.rules.minEvidence}`);
      if (rules.length) out.push(c.dim(`          ${wrap(rules.join('; '), proseWidth(o) - 10, ' '.repeat(10))}`));
      if (cr.guidance && o.detail) out.push(c.dim(`          ${wrap(visible(cr.guidance.trim().replace(/\s+/g, ' ')), proseWidth(o) - 10, ' '.repeat(10))}`));
    }
  }
  return `${out.join('\n')}\n`;
}

function showQualification(q: Qualification, units: Map<string, Unit>, o: RenderOptions): string {
  const c = palette(o.color);
  const out = [`${c.bold(visible(q.id))} ${visible(q.title)}`, `at least ${q.minCredits ?? '?'} credits${q.minCreditsAtLevel ? `, ${q.minCreditsAtLevel.credits} at level ${q.minCreditsAtLevel.level} or above` : ''}`];
  for (const g of q.groups) {
    const rule = [g.requiredAll ? 'all required' : '', g.minCredits !== undefined ? `at least ${plural(g.minCredits, 'credit')}` : '', g.maxCredits !== undefined ? `at most ${plural(g.maxCredits, 'credit')} ${g.maxCredits === 1 ? 'counts' : 'count'}` : '', g.minUnits !== undefined ? `at least ${plural(g.minUnits, 'unit')}` : '', g.maxUnits !== undefined ? `at most ${plural(g.maxUnits, 'unit')} ${g.maxUnits === 1 ? 'counts' : 'count'}` : ''].filter(Boolean).join(', ');
    out.push('', c.underline(`${visible(g.title ?? `Group ${g.id}`)} (${rule})`));
    const rows = g.units.map((ref) => [visible(ref.ref), visible(units.get(ref.ref)?.title ?? '(no specification)'), String(units.get(ref.ref)?.credits ?? '?')]);
    if (rows.length) out.push(table(undefined, rows, { width: o.width, indent: 2, right: [2], shrink: 1, min: 20 }));
  }
  if (q.barred.length) out.push('', c.underline('Barred combinations'), ...q.barred.map((b) => `  ${visible(b.units.join(' / '))}`));
  return `${out.join('\n')}\n`;
}

export const specFormats = {
  list: {
    table: listTable,
    json: (s: SpecList) => json({ version: VERSION, qualifications: s.qualifications.map(qualificationJson), units: s.units.map(unitJson) }),
  },
  show: {
    table: (x: SpecShow, o: RenderOptions) => (x.unit ? showUnit(x.unit, o) : showQualification(x.qualification!, x.units, o)),
    json: (x: SpecShow) => json({ version: VERSION, ...(x.unit ? { unit: unitJson(x.unit) } : { qualification: qualificationJson(x.qualification!) }) }),
  },
};
