// Every unit and criterion a portfolio names must exist and belong to the learner's
// qualification: the references an assessor most often mistypes.
import { itemKey, q, type Finding } from '../diagnostics.js';
import { checkUrn } from '../ids.js';
import { closest, closestCriterion } from '../text.js';
import { scopeOf } from '../status/learner.js';
import { at, type Rule, type Said, type SpecsOnly } from './context.js';

type UnknownUnit = { unit: string; reason: string | null; guess: string | null };

/** A unit with no specification: when its check letter is wrong and the corrected number has
 * one, that is the likely fix ('wrong-check-letter'); otherwise the closest number, if any. */
export function unknownUnit(ctx: SpecsOnly, ref: string): { said: Said<UnknownUnit>; text: (d: UnknownUnit) => string } {
  const fixed = checkUrn(ref);
  if (!fixed.ok && fixed.expected && ctx.index.unit(fixed.expected)) {
    return { said: { id: 'wrong-check-letter', data: { unit: ref, reason: fixed.reason, guess: fixed.expected } }, text: (d) => `unit ${q(d.unit)} has no specification; its ${d.reason}: did you mean ${q(d.guess)}?` };
  }
  const guess = closest(ref, ctx.specs.units.flatMap((u) => [u.id, ...u.aliases])) ?? null;
  return {
    said: { id: 'no-specification', data: { unit: ref, reason: null, guess } },
    text: (d) => `unit ${q(d.unit)} has no specification in specs/units/: ${d.guess ? `did you mean ${q(d.guess)}?` : 'add its specification (folio import) or correct the number'}`,
  };
}

export const portfolioUnits: Rule = {
  name: 'portfolio units and criteria',
  codes: ['unknown-qualification', 'unknown-unit', 'unknown-criterion', 'unit-not-in-qualification', 'unit-not-chosen'],
  learner(ctx) {
    const { specs, index, learner: l } = ctx;
    const out: Finding[] = [];
    const known = (ref: string) => index.unit(ref) !== undefined || specs.unreadableSpecs.has(ref);

    const scope = scopeOf(l, index);
    const qual = scope.qualification;
    if (!qual && !specs.unreadableSpecs.has(l.qualificationRef)) {
      const said = { id: 'no-specification', data: { qualification: l.qualificationRef, guess: closest(l.qualificationRef, specs.qualifications.map((x) => x.id)) ?? null } };
      const text = (d: typeof said.data) => `qualification ${q(d.qualification)} has no specification in specs/qualifications/: ${d.guess ? `did you mean ${q(d.guess)}?` : 'add it or correct the number'}`;
      out.push(at('unknown-qualification', { file: l.loc.file, path: ['qualification'] }, said, text));
    }
    const inQualification = (id: string) => !qual || scope.groupOf.has(id);
    // A learner who moved qualification (transfers:, folio learner transfer) keeps the records
    // made on the units of the one they left: history, not a mistake. Only optional-units must
    // name units of the qualification they are on now.
    const earlier = new Set(l.transfers.flatMap((t) => (index.qualification(t.from)?.groups ?? []).flatMap((g) => g.units.map((u) => index.canonical(u.ref)))));
    const mistypedFor = (ref: string) => {
      const guess = unknownUnit(ctx, ref).said.data.guess;
      return guess === null ? undefined : index.canonical(guess);
    };
    const check = (ref: string, loc: { file: string; path: (string | number)[] }, key = false, kept = true) => {
      if (!known(ref)) {
        const { said, text } = unknownUnit(ctx, ref);
        out.push(at('unknown-unit', loc, said, text, { key }));
        return false;
      }
      const id = index.canonical(ref);
      if (!inQualification(id)) {
        if (kept && earlier.has(id)) return false;
        const said = { id: 'not-in-qualification', data: { unit: ref, qualification: qual!.id, title: qual!.title } };
        out.push(at('unit-not-in-qualification', loc, said, (d) => `unit ${q(d.unit)} is not part of ${d.qualification} ${d.title}: remove it or correct the number`, { key }));
        return false;
      }
      return true;
    };

    for (const u of l.optionalUnits) check(u.ref, u.loc, false, false);
    for (const s of l.signoffs) check(s.unitRef, { file: s.loc.file, path: [...s.loc.path, 'unit'] });
    for (const r of l.iqa) check(r.unitRef, { file: r.loc.file, path: [...r.loc.path, 'unit'] });
    for (const x of l.exemptions) check(x.unitRef, { file: x.loc.file, path: [...x.loc.path, 'unit'] });
    for (const c of l.claims) for (const u of c.units ?? []) check(u.ref, u.loc);

    for (const e of l.evidence) {
      for (const cover of e.covers) {
        if (!check(cover.unitRef, cover.loc, true)) continue;
        const unit = index.unit(cover.unitRef);
        const id = index.canonical(cover.unitRef);
        if (qual && !scope.mandatory.has(id) && !scope.chosen.has(id)) {
          const said = { id: 'optional-not-chosen', data: { evidence: e.id, unit: id } };
          const f = at('unit-not-chosen', cover.loc, said, (d) => `evidence ${q(d.evidence)} covers ${d.unit}, an optional unit not in this learner's optional-units: add it there, or correct the unit`, { key: true });
          // An optional-units entry with no specification that check suggests this unit for is
          // the typo (reported as unknown-unit): the unit was chosen, just misspelt.
          const meant = l.optionalUnits.filter((o) => !known(o.ref) && mistypedFor(o.ref) === id).map((o) => itemKey(o.loc.file, o.loc.path));
          if (meant.length) f.follows = [meant];
          out.push(f);
        }
        if (!unit) continue;
        for (const c of cover.criteria) {
          if (unit.criteria.has(c.criterion)) continue;
          const guess = closestCriterion(c.criterion, unit.criteria.keys());
          // A near criterion is suggested; failing that, the unit's criteria are listed.
          const said = guess
            ? { id: 'did-you-mean', data: { unit: unit.id, criterion: c.criterion, guess, criteria: [] as string[] } }
            : { id: 'not-in-unit', data: { unit: unit.id, criterion: c.criterion, guess: null, criteria: [...unit.criteria.keys()] } };
          const text = (d: typeof said.data) => `unit ${d.unit} has no criterion ${q(d.criterion)}: ${d.guess ? `did you mean ${q(d.guess)}?` : `its criteria are ${d.criteria.join(', ')}`}`;
          out.push(at('unknown-criterion', c.loc, said, text));
        }
      }
    }
    return out;
  },
};
