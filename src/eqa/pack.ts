// The EQA pack's data: for each sample of a committed plan, the decisions it asked an IQA to
// look at (the assessments of the evidence items it names and, for a summative sample, the
// unit's sign-offs), with their evidence, who made them and the commit that recorded each; and
// every IQA record on the learner's unit, with whether the plan's line for the sample was
// committed before it. It works on the model and the blamed lines, so a test can build a
// fixture repository and work out the pack by hand.
import type { BlameLine } from '../git/index.js';
import type { PlanFile } from '../iqa/plan-file.js';
import type { Stage } from '../iqa/plan.js';
import type { Index } from '../model/index.js';
import type { Learner } from '../model/types.js';
import type { Method } from '../schema/common.js';
import type { SourceFile } from '../source.js';
import { lazySource, recordAt } from '../source.js';
import { recordsOf } from '../verify/records.js';
import { authorsOf, blameGroups, descendantsIn, NO_REPOSITORY, planOrder, provenanceOf, type GitPlace, type PlanOrder, type Provenance } from './provenance.js';

export interface PackEvidence {
  id: string;
  title?: string;
  method: Method;
  date?: string;
  location?: { kind: 'file' | 'url' | 'ref'; value: string };
}

/** One decision a sample asked for: an assessment of an evidence item, or a sign-off. */
export interface PackDecision {
  kind: 'assessment' | 'sign-off';
  /** The item assessed; with missing, an item the plan names that the portfolio no longer
   * holds assessed (as of the pack's day). */
  evidence?: PackEvidence;
  evidenceId?: string;
  missing?: boolean;
  by: string | null;
  date: string | null;
  decision?: 'accepted' | 'not-yet';
  feedback?: string;
  recorded: Provenance;
}

export interface PackIqa {
  stage: Stage;
  decision: 'agreed' | 'not-agreed';
  by: string;
  date: string;
  evidence: string[];
  feedback?: string;
  recorded: Provenance;
  /** Whether the plan's line for the sample was committed before this record's commit. */
  order: PlanOrder;
}

export interface PackSample {
  learner: string;
  unit: string;
  stage: Stage;
  assessor: string;
  iqa: string | null;
  date: string;
  reason: PlanFile['samples'][number]['reason'];
  for?: string;
  /** The learner's portfolio is not in the centre, or cannot be read. */
  missing: boolean;
  /** The commit that wrote the plan's line for this sample. */
  planned: Provenance;
  decisions: PackDecision[];
  iqaRecords: PackIqa[];
}

/** A sampled learner as loaded: the whole portfolio, as of the pack's day, and its syntax. */
export interface PackLearner {
  file: string;
  full: Learner;
  asOf: Learner;
  source: SourceFile;
}

export interface PackInput {
  plan: PlanFile;
  planText: string;
  learners: ReadonlyMap<string, PackLearner>;
  index: Index;
  /** Undefined: not a git repository, every commit is unknown. */
  git?: GitPlace;
}

const pathKey = (p: readonly (string | number)[]) => JSON.stringify(p);

export function packSamples(input: PackInput): PackSample[] {
  const { plan, index, git } = input;
  // Every blame first (one per file), then the authors of all of them in one read.
  const planSource = lazySource(plan.file, () => input.planText);
  const planLines = plan.samples.map((_, i) => recordAt(planSource, ['samples', i])?.lines ?? []);
  const planOrigins = git ? blameGroups(git, plan.file, planLines) : [];
  const origins = new Map<string, Map<string, BlameLine[]>>();
  for (const [id, l] of input.learners) {
    const records = recordsOf(l.full, l.source, index);
    const blamed = git ? blameGroups(git, l.file, records.map((r) => r.lines)) : [];
    origins.set(id, new Map(records.map((r, i) => [pathKey(r.path), blamed[i] ?? []])));
  }
  const all = [...planOrigins.flat(), ...[...origins.values()].flatMap((m) => [...m.values()].flat())];
  const authors = git ? authorsOf(git, all) : new Map();
  const descendants = git ? descendantsIn(git) : () => new Set<string>();
  const prov = (o: BlameLine[] | undefined) => (git && o ? provenanceOf(o, authors) : NO_REPOSITORY);

  return plan.samples.map((s, i) => {
    const planned = git && planOrigins[i]!.length ? provenanceOf(planOrigins[i]!, authors) : NO_REPOSITORY;
    const base = { learner: s.learner, unit: s.unit, stage: s.stage, assessor: s.assessor, iqa: s.iqa, date: s.date, reason: s.reason, ...(s.for !== undefined ? { for: s.for } : {}), planned };
    const l = input.learners.get(s.learner);
    if (!l) return { ...base, missing: true, decisions: [], iqaRecords: [] };
    const lines = origins.get(s.learner)!;
    const unit = index.canonical(s.unit);
    const on = (ref: string) => index.canonical(ref) === unit;
    const assessed = l.asOf.evidence.filter((e) => e.assessment && e.covers.some((c) => on(c.unitRef)));
    const wanted = s.evidence.length ? s.evidence : assessed.map((e) => e.id);
    const decisions: PackDecision[] = wanted.map((id) => {
      const e = assessed.find((x) => x.id === id);
      if (!e) return { kind: 'assessment', evidenceId: id, missing: true, by: null, date: null, recorded: NO_REPOSITORY };
      const a = e.assessment!;
      const evidence: PackEvidence = { id: e.id, ...(e.title !== undefined ? { title: e.title } : {}), method: e.method, ...(e.date !== undefined ? { date: e.date } : {}), ...(e.location ? { location: { ...e.location } } : {}) };
      return { kind: 'assessment', evidence, evidenceId: e.id, by: a.by, date: a.date, decision: a.decision, ...(a.feedback !== undefined ? { feedback: a.feedback } : {}), recorded: prov(lines.get(pathKey(a.loc.path))) };
    });
    if (s.stage === 'summative') {
      for (const so of l.asOf.signoffs.filter((x) => on(x.unitRef))) decisions.push({ kind: 'sign-off', by: so.by, date: so.date, recorded: prov(lines.get(pathKey(so.loc.path))) });
    }
    const iqaRecords: PackIqa[] = l.asOf.iqa
      .filter((r) => on(r.unitRef))
      .map((r) => {
        const recorded = prov(lines.get(pathKey(r.loc.path)));
        return { stage: r.stage, decision: r.decision, by: r.by, date: r.date, evidence: [...r.evidence], ...(r.feedback !== undefined ? { feedback: r.feedback } : {}), recorded, order: planOrder(planned, recorded, { record: r.date, plan: plan.asOf }, descendants) };
      });
    return { ...base, missing: false, decisions, iqaRecords };
  });
}
