// Formatters for `folio gaps`: grouped by learner and unit in the terminal, flat elsewhere. The
// gaps are grouped by learner once (they come learner by learner) and every format is written
// learner by learner, so neither time nor the text held at once grows with learners × gaps.
import { RULE_REASONS, type Gap } from '../status/gaps.js';
import { jsonChunks, VERSION } from './contract.js';
import { gapsCi, type CiContext } from './ci/adapt.js';
import { ciFormats } from './ci/formats.js';
import { visible } from './safe.js';
import { csvRow, mdHead, mdRow, palette, proseWidth, wrap, type RenderOptions } from './style.js';
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

/** The gaps of each learner, in one pass over the list. */
export function gapsByLearner(gaps: readonly Gap[]): Map<string, Gap[]> {
  const by = new Map<string, Gap[]>();
  for (const g of gaps) {
    const list = by.get(g.learner);
    if (list) list.push(g);
    else by.set(g.learner, [g]);
  }
  return by;
}

/** Runs of consecutive gaps of one learner: the list's own order, without copying it. */
function* runs(gaps: readonly Gap[]): Generator<Gap[]> {
  let run: Gap[] = [];
  for (const g of gaps) {
    if (run.length && run[0]!.learner !== g.learner) {
      yield run;
      run = [];
    }
    run.push(g);
  }
  if (run.length) yield run;
}

function* gapsTable(r: GapsReport, o: RenderOptions): Generator<string> {
  const c = palette(o.color);
  const by = gapsByLearner(r.gaps);
  for (const id of r.learners) {
    const gaps = by.get(id) ?? [];
    const name = visible(r.names.get(id));
    if (!gaps.length) {
      yield `${c.bold(visible(id))} ${name}: ${c.green('no gaps')}\n\n`;
      continue;
    }
    const out: string[] = [];
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
    yield `${out.join('\n')}\n\n`;
  }
  const total = r.gaps.length;
  yield `${total} gap${total === 1 ? '' : 's'} for ${r.learners.length} learner${r.learners.length === 1 ? '' : 's'} as of ${r.asOf}.\n`;
}

const gapJson = (g: Gap) => ({ learner: g.learner, unit: g.unit, criterion: g.criterion, reason: g.reason, message: g.message });

function* gapsCsv(r: GapsReport): Generator<string> {
  yield `${csvRow(['learner', 'name', 'unit', 'criterion', 'reason', 'message'])}\n`;
  for (const run of runs(r.gaps)) yield `${run.map((g) => csvRow([g.learner, r.names.get(g.learner), g.unit, g.criterion, g.reason, g.message])).join('\n')}\n`;
}

function* gapsMarkdown(r: GapsReport): Generator<string> {
  yield `${mdHead(['Learner', 'Unit', 'Criterion', 'Reason', 'What to do'])}\n`;
  for (const run of runs(r.gaps)) yield `${run.map((g) => mdRow([`${g.learner} ${r.names.get(g.learner) ?? ''}`.trim(), g.unit, g.criterion, g.reason, g.message])).join('\n')}\n`;
}

export const gapsFormats = {
  table: gapsTable,
  json: (r: GapsReport) => jsonChunks({ version: VERSION, asOf: r.asOf }, 'gaps', runs(r.gaps), (run: Gap[]) => run.map(gapJson), true),
  csv: gapsCsv,
  markdown: gapsMarkdown,
  ...ciFormats((r: GapsReport) => gapsCi({ gaps: r.gaps, where: r.where ?? new Map() }, r.ci ?? { prefix: '', version: '' })),
};
