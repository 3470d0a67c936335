// Formatters for `folio import --check`: for each unit of each form, the spec it was compared
// with and every difference, the form's line first so the admin can find it in the handbook.
import type { ImportCheckReport } from '../api/import-check.js';
import { VERSION } from './contract.js';
import { visible } from './safe.js';
import { palette, type RenderOptions } from './style.js';
import { plural } from '../text.js';

export type { ImportCheckReport };

const one = (t: string | null) => (t === null ? null : visible(t.replace(/\s+/g, ' ').trim()));

function table(r: ImportCheckReport, o: RenderOptions): string {
  const c = palette(o.color);
  const out: string[] = [];
  for (const { unit: u, spec, differences } of r.units) {
    const name = visible(u.unit ?? u.title ?? '(no number)');
    if (!spec) {
      out.push(`${c.bold(name)} (${visible(u.file)}:${u.line}): ${c.red('no spec')} in the spec folder to compare with`);
      continue;
    }
    out.push(`${c.bold(name)} (${visible(u.file)}:${u.line}) against ${visible(spec)}: ${differences.length ? c.red(plural(differences.length, 'difference')) : c.green('the same')}`);
    for (const d of differences) {
      const where = `${visible(u.file)}:${d.line}: ${c.yellow(d.at)}`;
      if (d.spec === null) out.push(`  ${where}: only in the form: “${one(d.form)}”`);
      else if (d.form === null) out.push(`  ${where}: only in the spec: “${one(d.spec)}”`);
      else out.push(`  ${where}:`, `      spec “${one(d.spec)}”`, `      form “${one(d.form)}”`);
    }
  }
  for (const w of r.warnings) if (w.severity === 'error') out.push(`${visible(w.file)}: ${c.red('error')}: ${visible(w.message)} ${c.dim(`[${w.code}]`)}`);
  const n = r.units.reduce((k, u) => k + u.differences.length, 0);
  const differing = r.units.filter((u) => u.differences.length).length;
  out.push('', n ? `${differing} of ${plural(r.units.length, 'unit')} ${differing === 1 ? 'differs' : 'differ'} from ${differing === 1 ? 'its spec' : 'their specs'}: ${plural(n, 'difference')}.` : `${plural(r.units.length, 'unit')} checked: the specs say what the forms say.`);
  return `${out.join('\n')}\n`;
}

function json(r: ImportCheckReport): string {
  const doc = {
    version: VERSION,
    units: r.units.map(({ unit: u, spec, differences }) => ({
      unit: u.unit,
      title: u.title,
      form: { file: u.file, line: u.line },
      spec,
      differences: differences.map((d) => ({ at: d.at, spec: d.spec, form: d.form, line: d.line })),
    })),
    warnings: r.warnings.map((w) => ({ file: w.file, line: w.line, code: w.code, severity: w.severity, message: w.message })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export const importCheckFormats = { table, json };
