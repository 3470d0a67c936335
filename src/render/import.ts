// Formatters for `folio import`: a summary a centre admin can check against the form (units,
// criteria per unit, what happened to each spec, every line that could not be placed), the
// JSON contract, and the specs' YAML for --stdout.
import type { SpecPlan } from '../import/index.js';
import type { ImportedUnit, ImportWarning } from '../import/types.js';
import { importJson, json } from './contract.js';
import { visible } from './safe.js';
import { fit, pad, palette, type RenderOptions } from './style.js';
import { plural } from '../text.js';

export interface ImportReport {
  units: ImportedUnit[];
  warnings: ImportWarning[];
  /** written: this spec was stored by this run; reason: why not, when it was not. */
  specs: (SpecPlan & { backup?: string; written?: boolean; reason?: string })[];
  /** The spec folder as the user would name it. */
  dir: string;
  /** False for a dry run (--format json without -o): actions are what would happen. */
  written: boolean;
  /** Each unit's confidence report: the warnings on its lines. */
  unsure?: Map<ImportedUnit, ImportWarning[]>;
}

const DONE: Record<SpecPlan['action'], string> = {
  create: 'created',
  update: 'filled in',
  unchanged: 'unchanged',
  conflict: 'differs',
  replace: 'replaced',
  unreadable: 'unreadable',
  unsure: 'unsure',
};
const PLANNED: Record<SpecPlan['action'], string> = {
  create: 'new',
  update: 'to fill in',
  unchanged: 'unchanged',
  conflict: 'differs',
  replace: 'to replace',
  unreadable: 'unreadable',
  unsure: 'unsure',
};

function importTable(r: ImportReport, o: RenderOptions): string {
  const c = palette(o.color);
  const out: string[] = [];
  const files = [...new Set(r.units.map((u) => u.file).concat(r.warnings.map((w) => w.file)))];
  const words = r.written ? DONE : PLANNED;
  const colour = (a: SpecPlan['action'], s: string) => (a === 'conflict' || a === 'unreadable' || a === 'unsure' ? c.red(s) : a === 'unchanged' ? c.dim(s) : c.green(s));
  const idWidth = Math.min(24, Math.max(10, ...r.specs.map((s) => s.id.length)));
  for (const f of files) {
    const units = r.units.filter((u) => u.file === f);
    const criteria = units.reduce((n, u) => n + u.outcomes.reduce((m, x) => m + x.criteria.length, 0), 0);
    out.push(c.bold(`${visible(f)}: ${plural(units.length, 'unit')}, ${plural(criteria, 'criterion', 'criteria')}`));
    for (const u of units) {
      const spec = r.specs.find((s) => s.units.includes(u));
      const count = u.outcomes.reduce((m, x) => m + x.criteria.length, 0);
      const id = visible(spec?.id ?? u.unit ?? '?');
      const refused = r.written && spec && spec.written === false && (spec.action === 'create' || spec.action === 'update' || spec.action === 'replace');
      const action = spec ? (refused ? c.red(pad('not written', 10)) : colour(spec.action, pad(words[spec.action], 10))) : pad('', 10);
      const head = `  ${pad(fit(id, idWidth), idWidth)}  ${action}  ${pad(plural(u.outcomes.length, 'outcome'), 11)} ${pad(String(count), 3, true)} criteria  `;
      out.push(`${head}${fit(visible(u.title ?? '(the form gives no title)'), Math.max(12, o.width - idWidth - 41))}`);
      const doubts = r.unsure?.get(u)?.length ?? 0;
      if (spec?.action === 'unsure') out.push(`      not written: ${plural(doubts, 'warning')} on this unit's lines (--strict); check them against the form`);
      if (refused && spec.units[0] === u) out.push(`      ${visible(spec.reason ?? '')}`);
      if (spec && (spec.action === 'conflict' || spec.action === 'replace') && spec.units[0] === u) {
        for (const d of spec.conflicts) {
          const one = (t: string) => visible(t.replace(/\s+/g, ' ').trim());
          if (one(d.spec).length + one(d.form).length < o.width - 30) out.push(`      ${c.yellow(d.at)}: spec “${one(d.spec)}”, form “${one(d.form)}”`);
          else out.push(`      ${c.yellow(d.at)}:`, `        spec “${one(d.spec)}”`, `        form “${one(d.form)}”`);
        }
        if (spec.backup) out.push(`      previous spec kept as ${r.dir}/${spec.backup}`);
      }
    }
  }
  if (r.warnings.length) {
    out.push('', c.bold(`${plural(r.warnings.length, 'warning')}:`));
    for (const w of r.warnings) out.push(`  ${visible(w.file)}${w.line ? `:${w.line}` : ''}: ${w.severity === 'error' ? c.red('error') : c.yellow('warning')}: ${visible(w.message)} ${c.dim(`[${w.code}]`)}`);
  }
  out.push('', summary(r));
  return `${out.join('\n')}\n`;
}

export function summary(r: ImportReport): string {
  const lost = (s: ImportReport['specs'][number]) => r.written && s.written === false && (s.action === 'create' || s.action === 'update' || s.action === 'replace');
  const n = (a: SpecPlan['action']) => r.specs.filter((s) => s.action === a && !lost(s)).length;
  const parts = [
    [n('create'), r.written ? 'created' : 'to create'],
    [n('update'), r.written ? 'filled in' : 'to fill in'],
    [n('replace'), r.written ? 'replaced (backups kept)' : 'to replace'],
    [n('unchanged'), 'unchanged'],
  ]
    .filter(([k]) => k)
    .map(([k, w]) => `${k} ${w}`);
  const held = n('conflict') + n('unreadable');
  const unsure = n('unsure');
  const raced = r.specs.filter(lost).length;
  const head = `${plural(r.units.length, 'unit')} read; specs in ${r.dir}: ${parts.join(', ') || 'none'}${raced ? `; ${raced} not written (see above)` : ''}`;
  const strict = unsure ? `; ${unsure} not written because the importer is unsure of ${unsure === 1 ? 'it' : 'them'} (--strict; see the warnings)` : '';
  return held ? `${head}${strict}; ${held} not written because the spec differs from the form (see above; --force replaces it and keeps a backup).` : `${head}${strict}.`;
}

export const importFormats = {
  table: importTable,
  json: (r: ImportReport) => json(importJson(r)),
  yaml: (r: ImportReport) => r.specs.map((s) => `# ${r.dir}/${s.file}\n${s.text}`).join('---\n'),
};
