// Formatters for `folio progress`: a chart per learner in the terminal (one block per period,
// as high as the share of criteria met), and CSV/JSON rows for spreadsheets.
import type { Point, Progress } from '../history/progress.js';
import { json, VERSION } from './contract.js';
import { visible } from './safe.js';
import { csvRow, paint, palette, percent, type RenderOptions } from './style.js';
import { displayWidth, table } from './table.js';

const BLOCKS = '▁▂▃▄▅▆▇█';

/** One character per period: blank before the learner's portfolio existed, ▁ for none met, █ for all. */
function sparkline(points: (Point | null)[]): string {
  return points
    .map((p) => {
      if (!p) return ' ';
      if (p.criteriaTotal === 0) return BLOCKS[0]!;
      return BLOCKS[Math.min(BLOCKS.length - 1, Math.floor((p.criteriaMet / p.criteriaTotal) * (BLOCKS.length - 1) + 0.5))]!;
    })
    .join('');
}

function progressTable(r: Progress, o: RenderOptions): string {
  const c = palette(o.color);
  if (!r.periods.length) return `No ${r.by}s between ${r.since} and ${r.until}.\n`;
  const first = r.periods[0]!;
  const last = r.periods.at(-1)!;
  const out = [c.bold(`Criteria met by ${r.by}, ${first.id} to ${last.id}`) + c.dim(` (one column per ${r.by}: the share of each learner's criteria met at its end)`), ''];
  const nameWidth = Math.min(22, Math.max(4, ...r.learners.map((l) => displayWidth(visible(l.name)))));
  const idWidth = Math.max(7, ...r.learners.map((l) => displayWidth(visible(l.id))));
  // A long range shows its most recent periods, as many as the terminal has room for.
  const room = Math.max(8, o.width - idWidth - nameWidth - 40);
  const from = Math.max(0, r.periods.length - room);
  if (from > 0) out.push(c.dim(`(the last ${r.periods.length - from} of ${r.periods.length} ${r.by}s; --since narrows the range, --format csv gives them all)`));
  const rows = r.learners.map((l) => {
    // The last period says where the learner stands now: no portfolio then is no figures.
    const now = l.series.at(-1) ?? null;
    const lead = [visible(l.id), visible(l.name), c.cyan(sparkline(l.series.slice(from)))];
    if (!now) return [...lead, c.dim('no portfolio at the end')];
    return [...lead, `${now.criteriaMet}/${now.criteriaTotal}`, percent(now.criteriaMet, now.criteriaTotal), `${now.unitsAchieved}/${now.unitsNeeded} units`, paint(c, now.status)];
  });
  if (rows.length) out.push(table(undefined, rows, { width: o.width, right: [3, 4, 5], shrink: 1, min: Math.min(nameWidth, 8) }));
  out.push('', `${r.learners.length} learner${r.learners.length === 1 ? '' : 's'}, ${r.periods.length} ${r.by}${r.periods.length === 1 ? '' : 's'} from ${r.since} to ${r.until}.`);
  return `${out.join('\n')}\n`;
}

function progressJson(r: Progress) {
  return {
    version: VERSION,
    by: r.by,
    since: r.since,
    until: r.until,
    periods: r.periods.map((p) => ({ period: p.id, end: p.end, commit: p.commit ?? null })),
    learners: r.learners.map((l) => ({
      id: l.id,
      name: l.name,
      series: l.series.map((p) => (p ? { criteriaMet: p.criteriaMet, criteriaTotal: p.criteriaTotal, unitsAchieved: p.unitsAchieved, unitsNeeded: p.unitsNeeded, status: p.status } : null)),
    })),
  };
}

export const progressFormats = {
  table: progressTable,
  json: (r: Progress) => json(progressJson(r)),
  csv: (r: Progress) =>
    `${[
      csvRow(['learner', 'name', 'period', 'end', 'commit', 'criteria_met', 'criteria_total', 'units_achieved', 'units_needed', 'status']),
      ...r.learners.flatMap((l) => l.series.flatMap((p, i) => (p ? [csvRow([l.id, l.name, r.periods[i]!.id, r.periods[i]!.end, r.periods[i]!.commit ?? '', p.criteriaMet, p.criteriaTotal, p.unitsAchieved, p.unitsNeeded, p.status])] : []))),
    ].join('\n')}\n`,
};
