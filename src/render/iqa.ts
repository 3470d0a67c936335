// Formatters for `folio iqa plan` and `folio iqa due`: the sample and why each decision is in it,
// and what a plan still asks for by IQA. The JSON is a contract, built field by field.
import type { Due, DueItem } from '../iqa/due.js';
import type { Plan, Quota, Sample } from '../iqa/plan.js';
import { plural } from '../text.js';
import { json, VERSION } from './contract.js';
import { visible } from './safe.js';
import { csvRow, palette, type RenderOptions } from './style.js';
import { table } from './table.js';

export interface PlanReport {
  id: string;
  file: string;
  plan: Plan;
  /** What became of the plan file: written now, already there as it is, or not written. */
  written: 'created' | 'unchanged' | null;
}

export interface DueReport extends Due {
  plan: string;
  file: string;
  asOf: string;
}

/** Why, in words: the reason and what it represents. */
export function why(s: Pick<Sample, 'reason' | 'for'>): string {
  if (s.reason === 'new-assessor') return 'new assessor (all)';
  if (s.reason === 'rate') return "assessor's rate";
  return `represents ${s.reason} ${s.for ?? ''}`.trimEnd();
}

const rate = (q: Quota) => `${q.rate}%`;

function planTable(r: PlanReport, o: RenderOptions): string {
  const c = palette(o.color);
  const p = r.plan;
  const s = p.strategy;
  const strategy = [`interim ${s.interimRate}%`, `summative ${s.summativeRate}%`, ...(s.newAssessorRate >= 0 && s.newAssessorMonths !== undefined ? [`new assessors ${s.newAssessorRate}% for their first ${plural(s.newAssessorMonths, 'month')}`] : [])];
  const out = [
    `${c.bold(`IQA sample plan ${visible(r.id)}`)}: ${p.samples.length} of ${plural(p.candidates, 'decision')} as of ${p.asOf}${p.from ? ` (from ${p.from})` : ''}`,
    `Strategy: ${strategy.join(', ')}.`,
    '',
  ];
  if (p.samples.length) {
    const rows = p.samples.map((x) => [visible(x.learner), visible(x.unit), x.stage, visible(x.assessor), visible(x.iqa ?? '(none free)'), visible(x.evidence.join(' ')), visible(why(x))]);
    out.push(table(['Learner', 'Unit', 'Stage', 'Assessor', 'IQA', 'Evidence', 'Why'], rows, { width: o.width, head: c.dim, shrink: 5, min: 8 }), '');
  }
  const rows = p.quotas.map((q) => [visible(q.assessor) + (q.newAssessor ? ' (new)' : ''), q.stage, String(q.decisions), rate(q), String(q.quota)]);
  if (rows.length) out.push(table(['Assessor', 'Stage', 'Decisions', 'Rate', 'At rate'], rows, { width: o.width, head: c.dim, right: [2, 3, 4] }), '');
  const left = [...p.unrepresented.units.map((u) => `unit ${u}`), ...p.unrepresented.methods.map((m) => `method ${m}`), ...p.unrepresented.sites.map((x) => `site ${x}`)];
  if (left.length) out.push(`Not represented (held only by decisions at a rate of 0%): ${visible(left.join(', '))}.`);
  const noIqa = p.samples.filter((x) => x.iqa === null).length;
  if (noIqa) out.push(`${plural(noIqa, 'sample')} ${noIqa === 1 ? 'has' : 'have'} no IQA: every IQA made a decision on ${noIqa === 1 ? 'it' : 'them'}; add an IQA to portfolios/centre.yaml.`);
  if (r.written === 'created') out.push(`Wrote ${r.file}: commit it before sampling begins.`);
  else if (r.written === 'unchanged') out.push(`${r.file} already holds this plan.`);
  while (out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

const SAMPLE_HEAD = ['learner', 'unit', 'stage', 'assessor', 'iqa', 'date', 'evidence', 'reason', 'for'];
const sampleCsv = (x: Sample) => [x.learner, x.unit, x.stage, x.assessor, x.iqa, x.date, x.evidence.join(' '), x.reason, x.for];

const sampleJson = (x: Sample) => ({
  learner: x.learner,
  unit: x.unit,
  qualification: x.qualification,
  stage: x.stage,
  assessor: x.assessor,
  newAssessor: x.newAssessor,
  iqa: x.iqa,
  date: x.date,
  evidence: x.evidence,
  methods: x.methods,
  sites: x.sites,
  reason: x.reason,
  for: x.for ?? null,
});

function planJson(r: PlanReport) {
  const p = r.plan;
  return {
    version: VERSION,
    plan: r.id,
    file: r.file,
    written: r.written,
    asOf: p.asOf,
    from: p.from ?? null,
    strategy: { interimRate: p.strategy.interimRate, summativeRate: p.strategy.summativeRate, newAssessorRate: p.strategy.newAssessorRate >= 0 ? p.strategy.newAssessorRate : null, newAssessorMonths: p.strategy.newAssessorMonths ?? null },
    candidates: p.candidates,
    quotas: p.quotas.map((q) => ({ assessor: q.assessor, stage: q.stage, newAssessor: q.newAssessor, decisions: q.decisions, rate: q.rate, quota: q.quota })),
    samples: p.samples.map(sampleJson),
    unrepresented: { units: p.unrepresented.units, methods: p.unrepresented.methods, sites: p.unrepresented.sites },
  };
}

function dueTable(r: DueReport, o: RenderOptions): string {
  const c = palette(o.color);
  const out = [`${c.bold(`IQA due on plan ${visible(r.plan)}`)}: ${r.due.length} of ${plural(r.total, 'sample')} still to do, as of ${r.asOf}.`];
  let last: string | null | undefined;
  const rows: (string[] | { heading: string })[] = [];
  for (const x of r.due) {
    if (x.iqa !== last) {
      if (rows.length) rows.push({ heading: '' });
      rows.push({ heading: c.bold(visible(x.iqa ?? 'no IQA allotted')) });
      last = x.iqa;
    }
    rows.push([visible(x.learner), visible(x.unit), x.stage, visible(x.assessor), visible(x.evidence.join(' ')) + (x.missing ? ' (learner not found)' : '')]);
  }
  if (rows.length) out.push('', table(['Learner', 'Unit', 'Stage', 'Assessor', 'Evidence'], rows, { width: o.width, head: c.dim, indent: 2, shrink: 4, min: 8 }));
  return `${out.join('\n')}\n`;
}

const dueCsv = (x: DueItem) => [x.iqa, x.learner, x.unit, x.stage, x.assessor, x.evidence.join(' '), x.missing ? 'yes' : 'no'];

export const iqaPlanFormats = {
  table: planTable,
  csv: (r: PlanReport) => [csvRow(SAMPLE_HEAD), ...r.plan.samples.map((x) => csvRow(sampleCsv(x)))].join('\n') + '\n',
  json: (r: PlanReport) => json(planJson(r)),
};

export const iqaDueFormats = {
  table: dueTable,
  csv: (r: DueReport) => [csvRow(['iqa', 'learner', 'unit', 'stage', 'assessor', 'evidence', 'learner_missing']), ...r.due.map((x) => csvRow(dueCsv(x)))].join('\n') + '\n',
  json: (r: DueReport) =>
    json({
      version: VERSION,
      plan: r.plan,
      file: r.file,
      asOf: r.asOf,
      total: r.total,
      done: r.done,
      due: r.due.map((x) => ({ iqa: x.iqa, learner: x.learner, unit: x.unit, stage: x.stage, assessor: x.assessor, evidence: x.evidence, learnerMissing: !!x.missing })),
    }),
};
