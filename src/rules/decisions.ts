// Decisions an awarding body will question: a sign-off of a unit that is not fully met, and
// an IQA who quality-assures their own assessment decisions. Judged on the record as it stood
// on the as-of date, as status is: a sign-off dated later has not been made yet.
import { itemKey, type Finding } from '../diagnostics.js';
import type { Index } from '../model/index.js';
import type { DroppedEvidence, Evidence, Loc } from '../model/types.js';
import type { UnitResult } from '../status/types.js';
import { at, type LearnerContext, type Rule } from './context.js';
import { closestCriterion, plural } from '../text.js';

export const decisions: Rule = {
  name: 'sign-off and IQA decisions',
  codes: ['signoff-unmet', 'iqa-own-decision'],
  learner({ learner, record: l, result, index, specs }) {
    const out: Finding[] = [];
    for (const s of l.signoffs) {
      const u = result.units.find((x) => x.id === index.canonical(s.unitRef));
      if (!u || u.status === 'unknown' || u.total === 0) continue;
      if (u.met < u.total) {
        const open = u.criteria.filter((c) => c.status !== 'met').map((c) => ({ criterion: c.id, status: c.status }));
        const said = { id: 'criteria-not-met', data: { unit: s.unitRef, total: u.total, met: u.met, open } };
        const text = (d: typeof said.data) => {
          const listed = d.open.map((c) => `${c.criterion} (${c.status})`);
          const shown = listed.slice(0, 6).join(', ') + (listed.length > 6 ? `, and ${listed.length - 6} more` : '');
          return `${d.unit} is signed off but ${d.total - d.met} of its ${plural(d.total, 'criterion', 'criteria')} ${d.total - d.met === 1 ? 'is' : 'are'} not met: ${shown}; withdraw the sign-off until they are`;
        };
        const f = at('signoff-unmet', s.loc, said, text, { sub: ['unit'] });
        const follows = unmetFollows({ learner, record: l, index, specs }, u);
        if (follows) f.follows = follows;
        out.push(f);
      }
    }
    for (const r of l.iqa) {
      const id = index.canonical(r.unitRef);
      const assessors = new Set<string>();
      for (const s of l.signoffs) if (index.canonical(s.unitRef) === id) assessors.add(s.by);
      for (const e of l.evidence) {
        if (!e.assessment) continue;
        if (r.evidence.length && !r.evidence.includes(e.id)) continue;
        if (e.covers.some((c) => index.canonical(c.unitRef) === id)) assessors.add(e.assessment.by);
      }
      if (assessors.has(r.by)) {
        const said = { id: 'own-decisions', data: { unit: r.unitRef, iqa: r.by } };
        out.push(at('iqa-own-decision', r.loc, said, (d) => `IQA record on ${d.unit} is by ${d.iqa}, who made assessment decisions on that unit: an IQA may not quality-assure their own decisions; another IQA must sample it`, { sub: ['by'] }));
      }
    }
    return out;
  },
};

/** The items a unit's open criteria would have been met by but for a mistake already reported,
 * one group per open criterion; undefined when some open criterion has none (a real gap). A
 * finding that follows only from a unit being unmet (a premature sign-off, a claim of a unit
 * that is no longer achieved) is a consequence of those items (pipeline/consequences.ts). */
export function unmetFollows(ctx: Pick<LearnerContext, 'learner' | 'record' | 'index' | 'specs'>, u: UnitResult): string[][] | undefined {
  const known = new Set(u.criteria.map((c) => c.id));
  const meant = (x: string) => (known.has(x) ? x : closestCriterion(x, known));
  const staffLeft = ctx.specs.centre?.droppedStaff ?? [];
  const open = u.criteria.filter((c) => c.status !== 'met');
  const follows = open.map((c) => claimsOf(ctx.record.evidence, ctx.learner.dropped, staffLeft, ctx.learner.droppedWitnesses, ctx.index, u.id, (x) => meant(x) === c.id));
  return follows.every((g) => g.length) ? follows : undefined;
}

// The items that would have met a criterion but for a mistake: those that claim it and were
// accepted by an assessor (or left out by the schema with an assessment). A criterion left unmet
// only because each of them is already reported makes the sign-off finding a consequence; one
// that nothing assessed claims is a real gap. A cover of a unit with no specification (often a
// typo of this unit's number) counts as a claim, and so does a criterion the unit does not have
// that check suggests the open criterion for (its did-you-mean): `criterion` says which ids
// stand for the open criterion.
function claimsOf(kept: readonly Evidence[], dropped: readonly DroppedEvidence[] | undefined, droppedStaff: readonly { id: string; loc: Loc }[], droppedWitnesses: readonly { id: string; loc: Loc }[] | undefined, index: Index, unit: string, criterion: (id: string) => boolean): string[] {
  const claims = (covers: readonly { unitRef: string; criteria: readonly (string | { criterion: string })[] }[]) =>
    covers.some((c) => (index.canonical(c.unitRef) === unit || !index.unit(c.unitRef)) && c.criteria.some((x) => criterion(typeof x === 'string' ? x : x.criterion)));
  const accepted = kept.filter((e) => e.assessment?.decision === 'accepted');
  const items = [...accepted, ...(dropped ?? []).filter((d) => d.assessed)].filter((e) => claims(e.covers));
  // An accepted item whose assessor's staff entry was left out follows from that entry too.
  const assessors = accepted.filter((e) => claims(e.covers)).flatMap((e) => droppedStaff.filter((s) => s.id === e.assessment?.by));
  // So does one whose witness entry was left out.
  const witnesses = accepted.filter((e) => claims(e.covers)).flatMap((e) => (droppedWitnesses ?? []).filter((w) => w.id === e.witness));
  return [...items, ...assessors, ...witnesses].map((e) => itemKey(e.loc.file, e.loc.path));
}
