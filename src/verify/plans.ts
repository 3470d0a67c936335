// IQA records committed before the plan that asks for them. A sample plan is committed so that
// the history shows it was on record before the sampling it describes (README "The quality
// cycle"); a record dated on or after a plan's day, on a unit that plan samples for the
// learner, whose commit does not have the plan's line for that sample in its history, was on
// file first (or came from a branch without the plan), whatever the dates in the files say.
// A record dated before the plan's day is not a sample of it (a later plan may take in a unit
// sampled already) and is left alone. The same rule as the EQA pack's (eqa/provenance.ts).
import type { Finding } from '../diagnostics.js';
import { blameGroups, descendantsIn, planOrder, provenanceOf, type GitPlace, type Provenance } from '../eqa/provenance.js';
import { PLANS_DIR, readPlan, type PlanFile } from '../iqa/plan-file.js';
import type { Reader } from '../load/reader.js';
import type { Index } from '../model/index.js';
import { lazySource, recordAt } from '../source.js';
import type { Attributed } from './authors.js';
import { short } from './people.js';
import { finding } from './records.js';

/** One sample of a plan file, with the commit that wrote its line. */
interface Planned {
  plan: PlanFile;
  unit: string;
  planned: Provenance;
}

/** The samples of every readable plan file, by learner: one blame per plan file. A plan file
 * that does not read is left out here (folio iqa due reports what is wrong with it). */
export function plannedSamples(reader: Reader, place: GitPlace, index: Index): Map<string, Planned[]> {
  const out = new Map<string, Planned[]>();
  const names = reader
    .list(PLANS_DIR)
    .filter((e) => !e.dir && !e.outside && /\.ya?ml$/i.test(e.name))
    .map((e) => e.name)
    .sort();
  for (const name of names) {
    const file = `${PLANS_DIR}/${name}`;
    const text = reader.read(file);
    const { plan } = readPlan(file, text);
    if (!plan) continue;
    const source = lazySource(file, () => text);
    const lines = plan.samples.map((_, i) => recordAt(source, ['samples', i])?.lines ?? []);
    const origins = blameGroups(place, file, lines);
    plan.samples.forEach((s, i) => {
      const planned = provenanceOf(origins[i]!, new Map());
      out.set(s.learner, [...(out.get(s.learner) ?? []), { plan, unit: index.canonical(s.unit), planned }]);
    });
  }
  return out;
}

/** The findings on one portfolio's IQA records. A record sampled by several plans is reported
 * only when it came before every one of them that it is dated on or after. */
export function beforePlanFindings(records: Attributed[], planned: readonly Planned[], descendants: ReturnType<typeof descendantsIn>): Finding[] {
  const out: Finding[] = [];
  for (const a of records) {
    const r = a.record;
    if (r.kind !== 'iqa' || r.units.length === 0) continue;
    const recorded = provenanceOf(a.origins, new Map());
    const orders = planned.filter((p) => p.unit === r.units[0]).map((p) => ({ p, order: planOrder(p.planned, recorded, { record: r.date, plan: p.plan.asOf }, descendants) }));
    const applies = orders.filter((o) => o.order !== 'dated-before-plan');
    if (applies.length === 0 || applies.some((o) => o.order !== 'before-plan')) continue;
    const { p } = applies[0]!;
    const when = recorded.commit ? `committed in ${short(recorded.commit)} on ${recorded.date}` : 'committed';
    const plannedIn = p.planned.commit ? `the plan's sample of it was committed in ${short(p.planned.commit)} on ${p.planned.date}, not before it` : "the plan's sample of it is not committed";
    out.push(
      finding(
        'verify-iqa-before-plan',
        r,
        0,
        { id: 'before-plan', data: { plan: p.plan.id, planFile: p.plan.file, planAsOf: p.plan.asOf, planCommit: p.planned.commit, iqaCommit: recorded.commit } },
        `the ${r.label} by ${r.by} is dated ${r.date}, on or after plan ${p.plan.id} (as of ${p.plan.asOf}), but was ${when}, and ${plannedIn}: the plan was not on record before the sampling it describes. Commit each plan before sampling from it, and make it as of the day it is made`,
      ),
    );
  }
  return out;
}
