// The EQA pack's CSV files, for a spreadsheet or an awarding body's own tools: samples.csv (one
// row per sample), decisions.csv (one row per sampled decision) and iqa.csv (one row per IQA
// record on a sampled unit). Every cell goes through csvRow (visible text, never a formula);
// a commit that cannot be known reads "unknown".
import type { EqaPack } from '../../api/eqa.js';
import type { PackDecision, PackSample } from '../../eqa/pack.js';
import type { Provenance } from '../../eqa/provenance.js';
import { csvRow } from '../style.js';
import { orderWords } from './words.js';

const COMMIT = ['commit', 'author', 'email', 'commit-date'];
const recorded = (p: Provenance) => [p.commit ?? 'unknown', p.author ?? 'unknown', p.email ?? 'unknown', p.date ?? 'unknown'];
const lines = (rows: (string | number | null | undefined)[][]) => `${rows.map(csvRow).join('\n')}\n`;

export function samplesCsv(p: EqaPack): string {
  const head = ['plan', 'learner', 'unit', 'stage', 'assessor', 'iqa', 'date', 'reason', 'for', 'decisions', 'iqa-records', 'before-plan', 'plan-commit', 'plan-author', 'plan-email', 'plan-commit-date'];
  return lines([
    head,
    ...p.samples.map((s) => [p.plan.id, s.learner, s.unit, s.stage, s.assessor, s.iqa, s.date, s.reason, s.for, s.decisions.length, s.iqaRecords.length, s.iqaRecords.filter((r) => r.order === 'before-plan').length, ...recorded(s.planned)]),
  ]);
}

/** The IQA records on the unit that looked at this decision: those naming its item, or the whole unit. */
function lookedAt(s: PackSample, d: PackDecision): string {
  const by = s.iqaRecords.filter((r) => d.kind === 'sign-off' || r.evidence.length === 0 || (d.evidenceId !== undefined && r.evidence.includes(d.evidenceId)));
  return by.map((r) => `${r.by} ${r.date} ${r.stage} ${r.decision}`).join('; ');
}

export function decisionsCsv(p: EqaPack): string {
  const head = ['learner', 'unit', 'stage', 'decision', 'outcome', 'evidence', 'title', 'method', 'evidence-date', 'kept-as', 'kept-at', 'by', 'date', 'planned-iqa', 'iqa-records', ...COMMIT, 'later-commits'];
  const rows = p.samples.flatMap((s) =>
    s.decisions.map((d) => {
      const e = d.evidence;
      const outcome = d.missing ? 'not assessed' : d.kind === 'sign-off' ? 'signed off' : d.decision;
      return [s.learner, s.unit, s.stage, d.kind, outcome, d.evidenceId, e?.title, e?.method, e?.date, e?.location?.kind, e?.location?.value, d.by, d.date, s.iqa, lookedAt(s, d), ...recorded(d.recorded), d.recorded.later.join(' ')];
    }),
  );
  return lines([head, ...rows]);
}

export function iqaCsv(p: EqaPack): string {
  const head = ['learner', 'unit', 'stage', 'decision', 'by', 'date', 'evidence', ...COMMIT, 'plan-commit', 'order'];
  const rows = p.samples.flatMap((s) => s.iqaRecords.map((r) => [s.learner, s.unit, r.stage, r.decision, r.by, r.date, r.evidence.join(' '), ...recorded(r.recorded), s.planned.commit ?? 'unknown', orderWords(r.order)]));
  return lines([head, ...rows]);
}
