// The quality cycle in the library: a sample plan from an assessment (iqa/plan.ts on the
// learners as of its day), written to iqa/plans/ of the centre, and what a committed plan still
// asks for. The plan is read through the centre's reader, so `--at` reads it as committed.
import { resolve as resolvePath } from 'node:path';
import { readFileSync } from 'node:fs';
import { dayOption } from '../dates.js';
import type { Diagnostic } from '../diagnostics.js';
import { dueOf, type Due } from '../iqa/due.js';
import { PLANS_DIR, planText, readPlan, type PlanFile } from '../iqa/plan-file.js';
import { planSample, type Plan } from '../iqa/plan.js';
import type { Learner } from '../model/types.js';
import { resolveAll } from '../pipeline/positions.js';
import { createFile } from '../write-file.js';
import { UsageError } from '../usage-error.js';
import { indexOf, innerOf, type Assessment } from './assess.js';
import type { Centre } from './centre.js';
import { learnerAsOf } from './records.js';

export type { Plan, Sample, Quota, SampleReason } from '../iqa/plan.js';
export type { Due, DueItem } from '../iqa/due.js';
export type { PlanFile } from '../iqa/plan-file.js';

/** A plan made now, with the file it belongs in and that file's text. */
export interface IqaPlan {
  id: string;
  /** Centre-relative. */
  file: string;
  plan: Plan;
  text: string;
}

/** The learners of an assessment as the model, as of its day (unreadable ones left out). */
export function learnersOf(a: Assessment): Map<string, Learner> {
  const out = new Map<string, Learner>();
  for (const s of a.learners) {
    const l = learnerAsOf(a, s);
    if (l) out.set(l.id, l);
  }
  return out;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The sample plan for an assessment: decisions dated from `from` (default: all) to its day. */
export function iqaPlan(a: Assessment, opts: { from?: string; id?: string } = {}): IqaPlan {
  if (!a.specs.centre) throw new UsageError('there is no portfolios/centre.yaml, so no staff and no sampling strategy: add one (folio init writes it)');
  if (!a.specs.centre.sampling) throw new UsageError('portfolios/centre.yaml has no sampling: strategy: add one, e.g. sampling: { interim-rate: 25, summative-rate: 50, new-assessor-rate: 100, new-assessor-months: 6 }');
  dayOption('--from', opts.from);
  const id = opts.id ?? a.asOf;
  if (!ID.test(id)) throw new UsageError(`plan id "${id}" may hold only letters, digits, ".", "_" and "-" (it names the file iqa/plans/ID.yaml)`);
  const plan = planSample({ learners: [...learnersOf(a).values()], centre: a.specs.centre, index: indexOf(a), asOf: a.asOf, from: opts.from });
  return { id, file: `${PLANS_DIR}/${id}.yaml`, plan, text: planText(id, plan, a.specs.centre.name) };
}

/** Write a plan's file: created, or already there as written. A plan file holding another
 * plan is never replaced: it may be committed as the record of a sample already under way. */
export function writePlan(centre: Centre, p: IqaPlan): 'created' | 'unchanged' {
  const path = resolvePath(centre.root, p.file);
  let existing: string | undefined;
  try {
    existing = readFileSync(path, 'utf8');
  } catch {
    existing = undefined;
  }
  if (existing === p.text) return 'unchanged';
  if (existing !== undefined) throw new UsageError(`${p.file} holds another plan, which may be the record of a sample already under way, so folio does not replace it: give the new plan another id with --id, or remove that file yourself`);
  createFile(path, p.text);
  return 'created';
}

/** The plans in the centre, by id. */
export function planIds(a: Assessment): string[] {
  return innerOf(a)
    .reader.list(PLANS_DIR)
    .filter((e) => !e.dir && !e.outside && /\.ya?ml$/i.test(e.name))
    .map((e) => e.name.replace(/\.ya?ml$/i, ''));
}

/** A plan file of the centre, read and checked (by id; default the last by id). */
export function loadPlan(a: Assessment, id?: string): { plan?: PlanFile; diagnostics: Diagnostic[] } {
  const { reader } = innerOf(a);
  const ids = planIds(a);
  const chosen = id ?? ids[ids.length - 1];
  if (chosen === undefined) throw new UsageError(`there is no plan in ${PLANS_DIR}/: make one with "folio iqa plan"`);
  if (!ids.includes(chosen)) throw new UsageError(`there is no plan "${chosen}" in ${PLANS_DIR}/${ids.length ? `: the plans are ${ids.join(', ')}` : ''}`);
  const entry = reader.list(PLANS_DIR).find((e) => e.name.replace(/\.ya?ml$/i, '') === chosen)!;
  const file = `${PLANS_DIR}/${entry.name}`;
  const r = readPlan(file, reader.read(file));
  return { ...(r.plan ? { plan: r.plan } : {}), diagnostics: resolveAll(reader, r.findings) };
}

/** What a plan still asks for: its samples with no IQA record of their stage yet. */
export interface IqaDue extends Due {
  plan: string;
  file: string;
  asOf: string;
}

export function iqaDue(a: Assessment, plan: PlanFile): IqaDue {
  return { plan: plan.id, file: plan.file, asOf: a.asOf, ...dueOf(plan.samples, learnersOf(a), indexOf(a)) };
}
