// What a learner's portfolio records, as plain data: the evidence items with their method,
// date, where they are kept and the assessor's decision, the witnesses, sign-offs and IQA
// records. Status says what the record amounts to; a report for an EQA also shows the record
// itself, the trail behind each decision. The portfolio is read again through the assessment's
// reader (the same load stage every command uses) and seen as of the assessment's day, as the
// status engine saw it: what is dated later has not happened yet.
import { loadLearner } from '../load/load.js';
import { recordAsOf } from '../model/as-of.js';
import type { Learner } from '../model/types.js';
import type { Method } from '../schema/common.js';
import { idOf, indexOf, innerOf, type Assessment } from './assess.js';
import { selectLearners } from './views.js';

/** One evidence item as recorded, with its units by their own numbers. */
export interface EvidenceRecord {
  id: string;
  title?: string;
  method: Method;
  date?: string;
  witness?: string;
  /** Where it is kept, as written: a file in the learner's folder, a web address or a reference. */
  location?: { kind: 'file' | 'url' | 'ref'; value: string };
  /** For a file that is in the learner's folder: its path from the centre's folder. */
  file?: string;
  /** For a file that is not there (missing, not a regular file, or outside the folder). */
  fileProblem?: 'missing' | 'not-a-file' | 'outside';
  covers: { unit: string; criteria: string[] }[];
  assessment?: { by: string; date: string; decision: 'accepted' | 'not-yet'; feedback?: string };
}

/** A learner's record as of the assessment's day. */
export interface PortfolioRecords {
  learner: string;
  evidence: EvidenceRecord[];
  witnesses: { id: string; name: string; relationship?: string; status?: string }[];
  signoffs: { unit: string; by: string; date: string }[];
  iqa: { unit: string; by: string; date: string; stage: 'interim' | 'summative'; decision: 'agreed' | 'not-agreed'; evidence: string[]; feedback?: string }[];
  /** The latest evidence date on record, if any item is dated. */
  lastEvidence?: string;
}

/** The records of one learner (a folder name), as of the assessment's day; undefined when the
 * portfolio can no longer be read. Throws UsageError for a learner not in the assessment. */
export function records(a: Assessment, learner: string): PortfolioRecords | undefined {
  const [summary] = selectLearners(a, { learners: [learner] });
  return recordsOf(a, summary!);
}

/** The records of a learner already selected (a report of a cohort selects them once, not once
 * per learner). */
export function recordsOf(a: Assessment, summary: Assessment['learners'][number]): PortfolioRecords | undefined {
  const l = learnerAsOf(a, summary);
  return l && recordsFrom(a, summary, l);
}

/** The records of a learner's model as of the assessment's day (learnerAsOf). */
export function recordsFrom(a: Assessment, summary: Assessment['learners'][number], l: Learner): PortfolioRecords {
  const unit = (ref: string) => indexOf(a).canonical(ref);
  let lastEvidence: string | undefined;
  for (const e of l.evidence) if (e.date && (!lastEvidence || e.date > lastEvidence)) lastEvidence = e.date;
  return {
    learner: idOf(summary),
    evidence: l.evidence.map((e) => ({
      id: e.id,
      ...(e.title !== undefined ? { title: e.title } : {}),
      method: e.method,
      ...(e.date !== undefined ? { date: e.date } : {}),
      ...(e.witness !== undefined ? { witness: e.witness } : {}),
      ...(e.location ? { location: { kind: e.location.kind, value: e.location.value } } : {}),
      ...(e.location?.kind === 'file' && !e.fileProblem ? { file: fileOf(l.dir, e.location.value) } : {}),
      ...(e.fileProblem ? { fileProblem: e.fileProblem } : {}),
      covers: e.covers.map((c) => ({ unit: unit(c.unitRef), criteria: c.criteria.map((r) => r.criterion) })),
      ...(e.assessment
        ? { assessment: { by: e.assessment.by, date: e.assessment.date, decision: e.assessment.decision, ...(e.assessment.feedback !== undefined ? { feedback: e.assessment.feedback } : {}) } }
        : {}),
    })),
    witnesses: l.witnesses.map((w) => ({ id: w.id, name: w.name, ...(w.relationship !== undefined ? { relationship: w.relationship } : {}), ...(w.status !== undefined ? { status: w.status } : {}) })),
    signoffs: l.signoffs.map((s) => ({ unit: unit(s.unitRef), by: s.by, date: s.date })),
    iqa: l.iqa.map((r) => ({ unit: unit(r.unitRef), by: r.by, date: r.date, stage: r.stage, decision: r.decision, evidence: [...r.evidence], ...(r.feedback !== undefined ? { feedback: r.feedback } : {}) })),
    ...(lastEvidence ? { lastEvidence } : {}),
  };
}

/** A learner of the assessment as the model, read again through its reader and seen as of its
 * day, as the status engine saw it; undefined when the portfolio can no longer be read. */
export function learnerAsOf(a: Assessment, summary: Assessment['learners'][number]): Learner | undefined {
  const loaded = loadLearner(innerOf(a).reader, summary).learner;
  return loaded && recordAsOf(loaded, a.asOf);
}

// The file's path from the centre's folder, as the evidence check resolved it (it is inside
// the learner's folder, or it would have a fileProblem): "." and "" segments dropped.
function fileOf(dir: string, written: string): string {
  const parts: string[] = [];
  for (const seg of `${dir}/${written.trim().replace(/\\/g, '/')}`.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}
