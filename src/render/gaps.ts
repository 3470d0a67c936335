// Formatters for `folio gaps`: grouped by learner and unit in the terminal, flat elsewhere.
import { RULE_REASONS, type Gap } from '../status/gaps.js';
import { gapsJson, json } from './contract.js';
import { gapsCi, type CiContext } from './ci/adapt.js';
import { ciFormats } from './ci/formats.js';
import { visible } from './safe.js';
import { csvRow, mdTable, palette, proseWidth, wrap, type RenderOptions } from './style.js';
import { table } from './table.js';

export interface GapsReport {
  asOf: string;
  gaps: Gap[];
  /** Learner names by id, for headings. */
  names: Map<string, string>;
  /** Learners evaluated, so those without gaps can be listed as complete. */
  learners: string[];
  /** For the CI formats: where each gap shows in the files, and the repository context. */
  where?: Map<Gap, { file: string; line: number; column: number }>;
  ci?: CiContext;
}

function gapsTable(r: GapsReport, o: RenderOptions): string {
  const c = palette(o.color);
  const out: string[] = [];
  for (const id of r.learners) {
    const gaps = r.gaps.filter((g) => g.learner === id);
    const name = visible(r.names.get(id));
    if (!gaps.length) {
      out.push(`${c.bold(visible(id))} ${name}: ${c.green('no gaps')}`, '');
      continue;
    }
    out.push(`${c.bold(visible(id))} ${name}: ${gaps.length} gap${gaps.length === 1 ? '' : 's'}`);
    // The criteria and reasons in one table, so they line up whatever the criterion ids; each
    // gap's advice wraps below it, and a heading goes in above each unit's first gap.
    const rows = gaps.map((g) => (g.criterion ? [visible(g.criterion), c.yellow(g.reason)] : [c.yellow(g.reason)]));
    const lines = table(undefined, rows, { width: o.width, indent: 4 }).split('\n');
    let heading: string | undefined;
    gaps.forEach((g, i) => {
      const h = RULE_REASONS.has(g.reason) ? 'Rules of combination' : visible(g.unit ?? 'Qualification');
      if (h !== heading) {
        heading = h;
        out.push(`  ${c.underline(h)}`);
      }
      const indent = '      ';
      out.push(lines[i]!);
      out.push(indent + wrap(visible(g.message), Math.max(30, proseWidth(o) - indent.length), indent));
    });
    out.push('');
  }
  const total = r.gaps.length;
  out.push(`${total} gap${total === 1 ? '' : 's'} for ${r.learners.length} learner${r.learners.length === 1 ? '' : 's'} as of ${r.asOf}.`);
  return `${out.join('\n')}\n`;
}

export const gapsFormats = {
  table: gapsTable,
  json: (r: GapsReport) => json(gapsJson(r.asOf, r.gaps)),
  csv: (r: GapsReport) =>
    `${[csvRow(['learner', 'name', 'unit', 'criterion', 'reason', 'message']), ...r.gaps.map((g) => csvRow([g.learner, r.names.get(g.learner), g.unit, g.criterion, g.reason, g.message]))].join('\n')}\n`,
  markdown: (r: GapsReport) =>
    `${mdTable(['Learner', 'Unit', 'Criterion', 'Reason', 'What to do'], r.gaps.map((g) => [`${g.learner} ${r.names.get(g.learner) ?? ''}`.trim(), g.unit, g.criterion, g.reason, g.message]))}\n`,
  ...ciFormats((r: GapsReport) => gapsCi({ gaps: r.gaps, where: r.where ?? new Map() }, r.ci ?? { prefix: '', version: '' })),
};
