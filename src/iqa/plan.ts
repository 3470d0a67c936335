// The IQA sample plan: which of the assessors' decisions an IQA looks at, and why, from the
// centre's sampling strategy. It works on the model alone (the learners as of the plan's day),
// so a test can build a centre by hand and compute the plan it must give. Deterministic: no
// randomness, every choice falls back on a stable order (learner id, then unit number), so the
// same inputs give the same plan (README "The quality cycle").
import { addMonths } from '../dates.js';
import type { Index } from '../model/index.js';
import type { CentreInfo, Learner, Sampling, Staff } from '../model/types.js';
import type { Method } from '../schema/common.js';

export type Stage = 'interim' | 'summative';
/** Why a decision is in the sample: the assessor's rate while new, their ordinary rate, or to
 * represent a unit, method or site nothing else in the sample does. */
export type SampleReason = 'new-assessor' | 'rate' | 'unit' | 'method' | 'site';

/** One decision that may be sampled: a learner's unit, signed off (summative) or assessed in
 * part (interim). */
export interface Candidate {
  learner: string;
  unit: string;
  qualification: string;
  stage: Stage;
  /** Who signed it off (summative), or made the latest assessment decision on it (interim). */
  assessor: string;
  /** The sign-off's date, or the latest assessment decision's. */
  date: string;
  /** Whether the assessor was new to the centre or the qualification on that date. */
  newAssessor: boolean;
  /** The assessed evidence items covering the unit, in portfolio order. */
  evidence: string[];
  methods: Method[];
  sites: string[];
  /** Everyone who made a decision on the unit for this learner: never its IQA. */
  deciders: string[];
}

export interface Sample extends Candidate {
  reason: SampleReason;
  /** The unit, method or site a coverage reason is for. */
  for?: string;
  /** The IQA allotted, or null when every IQA made a decision on it. */
  iqa: string | null;
}

/** One assessor's decisions at a stage, at one rate. */
export interface Quota {
  assessor: string;
  stage: Stage;
  newAssessor: boolean;
  decisions: number;
  rate: number;
  /** ceil(decisions × rate / 100). */
  quota: number;
}

export interface PlanStrategy {
  interimRate: number;
  summativeRate: number;
  newAssessorRate: number;
  newAssessorMonths?: number;
}

export interface Plan {
  asOf: string;
  /** Decisions dated before this day are left out. */
  from?: string;
  strategy: PlanStrategy;
  quotas: Quota[];
  /** By learner, unit, stage. */
  samples: Sample[];
  /** What the candidates held that no sample represents (only when no candidate could be
   * sampled at a rate above 0). */
  unrepresented: { units: string[]; methods: string[]; sites: string[] };
  candidates: number;
}

/** The strategy with its gaps filled as README "The quality cycle" says: a stage without a rate
 * is not sampled by rate; a new assessor without a rate of their own takes the stage's rate;
 * without new-assessor-months nobody counts as new. */
export function strategyOf(s: Sampling | undefined): PlanStrategy {
  return {
    interimRate: s?.interimRate ?? 0,
    summativeRate: s?.summativeRate ?? 0,
    newAssessorRate: s?.newAssessorRate ?? -1,
    ...(s?.newAssessorMonths !== undefined ? { newAssessorMonths: s.newAssessorMonths } : {}),
  };
}

/** Was the assessor new to the centre or to the qualification on this day? */
export function isNew(staff: Staff | undefined, qualification: string, date: string, months: number | undefined, index: Index): boolean {
  if (!staff || months === undefined) return false;
  const key = index.qualification(qualification)?.id ?? qualification;
  const starts = [staff.since, ...(staff.qualifications ?? []).filter((q) => (index.qualification(q.qualification)?.id ?? q.qualification) === key).map((q) => q.since)];
  return starts.some((since) => since !== undefined && date >= since && date < addMonths(since, months));
}

/** Every decision of the learners that may be sampled, in learner then unit order. */
export function candidatesOf(learners: readonly Learner[], centre: CentreInfo | undefined, index: Index, strategy: PlanStrategy, from?: string): Candidate[] {
  const out: Candidate[] = [];
  for (const l of [...learners].sort((a, b) => cmp(a.id, b.id))) {
    const qualification = index.qualification(l.qualificationRef)?.id ?? l.qualificationRef;
    const units = new Set<string>();
    for (const s of l.signoffs) units.add(index.canonical(s.unitRef));
    for (const e of l.evidence) if (e.assessment) for (const c of e.covers) units.add(index.canonical(c.unitRef));
    for (const unit of [...units].sort(cmp)) {
      const items = l.evidence.filter((e) => e.assessment && e.covers.some((c) => index.canonical(c.unitRef) === unit));
      const signoffs = l.signoffs.filter((s) => index.canonical(s.unitRef) === unit);
      const signoff = signoffs[signoffs.length - 1];
      let assessor: string;
      let date: string;
      if (signoff) ({ by: assessor, date } = signoff);
      else {
        // The latest decision; of two on one day, the later in the portfolio.
        const last = items.reduce((a, b) => (b.assessment!.date >= a.assessment!.date ? b : a));
        ({ by: assessor, date } = last.assessment!);
      }
      if (from !== undefined && date < from) continue;
      const methods = [...new Set(items.map((e) => e.method))].sort(cmp);
      const sites = [...new Set(items.map((e) => e.site ?? l.site).filter((s): s is string => s !== undefined))].sort(cmp);
      const deciders = [...new Set([...signoffs.map((s) => s.by), ...items.map((e) => e.assessment!.by)])].sort(cmp);
      const newAssessor = isNew(centre?.staff.get(assessor), qualification, date, strategy.newAssessorMonths, index);
      out.push({ learner: l.id, unit, qualification, stage: signoff ? 'summative' : 'interim', assessor, date, newAssessor, evidence: items.map((e) => e.id), methods, sites, deciders });
    }
  }
  return out;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const key = (c: Candidate) => `${c.learner}\0${c.unit}\0${c.stage}`;

/** The rate a decision is sampled at. */
export function rateOf(c: Pick<Candidate, 'stage' | 'newAssessor'>, s: PlanStrategy): number {
  const stage = c.stage === 'interim' ? s.interimRate : s.summativeRate;
  return c.newAssessor && s.newAssessorRate >= 0 ? s.newAssessorRate : stage;
}

/** The plan: each assessor's decisions at their rate, then whatever unit, method or site is not
 * yet represented, then an IQA for each sample. */
export function planSample(input: { learners: readonly Learner[]; centre: CentreInfo | undefined; index: Index; asOf: string; from?: string }): Plan {
  const strategy = strategyOf(input.centre?.sampling);
  const all = candidatesOf(input.learners, input.centre, input.index, strategy, input.from);
  const chosen = new Map<string, Sample>();
  // What the sample represents so far: units, methods, sites and learners (Candidates).
  const covered = { unit: new Set<string>(), method: new Set<string>(), site: new Set<string>(), learner: new Set<string>() };
  const gain = (c: Candidate) =>
    (covered.unit.has(c.unit) ? 0 : 1) + c.methods.filter((m) => !covered.method.has(m)).length + c.sites.filter((s) => !covered.site.has(s)).length + (covered.learner.has(c.learner) ? 0 : 1);
  const take = (c: Candidate, reason: SampleReason, why?: string) => {
    chosen.set(key(c), { ...c, reason, ...(why !== undefined ? { for: why } : {}), iqa: null });
    covered.unit.add(c.unit);
    for (const m of c.methods) covered.method.add(m);
    for (const s of c.sites) covered.site.add(s);
    covered.learner.add(c.learner);
  };
  // The best of a pool: the most not yet represented; of equals, the first in stable order.
  const best = (pool: Candidate[]) => pool.reduce<Candidate | undefined>((b, c) => (chosen.has(key(c)) ? b : b === undefined || gain(c) > gain(b) ? c : b), undefined);

  // 1. Assessors: each one's decisions at a stage and a rate, new before established.
  const groups = new Map<string, Candidate[]>();
  for (const c of all) {
    const g = `${c.assessor}\0${c.stage === 'interim' ? 0 : 1}\0${c.newAssessor ? 0 : 1}`;
    groups.set(g, [...(groups.get(g) ?? []), c]);
  }
  const quotas: Quota[] = [];
  for (const g of [...groups.keys()].sort(cmp)) {
    const pool = groups.get(g)!;
    const { assessor, stage, newAssessor } = pool[0]!;
    const rate = rateOf(pool[0]!, strategy);
    const quota = Math.ceil((pool.length * rate) / 100);
    quotas.push({ assessor, stage, newAssessor, decisions: pool.length, rate, quota });
    for (let i = 0; i < quota; i++) take(best(pool)!, newAssessor && strategy.newAssessorRate >= 0 ? 'new-assessor' : 'rate');
  }

  // 2. Units, methods, sites: each held by a decision that may be sampled (a rate above 0) is
  // represented by one, the one that represents most.
  const eligible = all.filter((c) => rateOf(c, strategy) > 0);
  const dims = [
    ['unit', (c: Candidate) => [c.unit]],
    ['method', (c: Candidate) => c.methods],
    ['site', (c: Candidate) => c.sites],
  ] as const;
  for (const [dim, values] of dims) {
    for (const v of [...new Set(eligible.flatMap((c) => values(c)))].sort(cmp)) {
      if (covered[dim].has(v)) continue;
      const c = best(eligible.filter((x) => (values(x) as readonly string[]).includes(v)));
      if (c) take(c, dim, v);
    }
  }
  const samples = [...chosen.values()].sort((a, b) => cmp(key(a), key(b)));
  allotIqas(samples, input.centre);
  const left = (values: (c: Candidate) => readonly string[], seen: Set<string>) => [...new Set(all.flatMap((c) => values(c)))].filter((v) => !seen.has(v)).sort(cmp);
  return {
    asOf: input.asOf,
    ...(input.from !== undefined ? { from: input.from } : {}),
    strategy,
    quotas,
    samples,
    unrepresented: { units: left((c) => [c.unit], covered.unit), methods: left((c) => c.methods, covered.method), sites: left((c) => c.sites, covered.site) },
    candidates: all.length,
  };
}

// Each sample to the IQA with fewest so far who made no decision on it (staff list order among
// equals), so the work is shared and no IQA samples their own decisions.
function allotIqas(samples: Sample[], centre: CentreInfo | undefined): void {
  const iqas = (centre?.staffList ?? []).filter((s, i, list) => s.roles.has('iqa') && list.findIndex((x) => x.id === s.id) === i).map((s) => s.id);
  const load = new Map(iqas.map((id) => [id, 0]));
  for (const s of samples) {
    const free = iqas.filter((id) => !s.deciders.includes(id));
    const pick = free.reduce<string | undefined>((b, id) => (b === undefined || load.get(id)! < load.get(b)! ? id : b), undefined);
    if (pick === undefined) continue;
    s.iqa = pick;
    load.set(pick, load.get(pick)! + 1);
  }
}
