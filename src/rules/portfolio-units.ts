// Every unit and criterion a portfolio names must exist and belong to the learner's
// qualification: the references an assessor most often mistypes.
import { q, type Finding } from '../diagnostics.js';
import { checkUrn } from '../ids.js';
import { closest, closestCriterion } from '../text.js';
import { scopeOf } from '../status/learner.js';
import { at, type Rule, type SpecsOnly } from './context.js';

export function unknownUnitMessage(ctx: SpecsOnly, ref: string): string {
  const ids = ctx.specs.units.flatMap((u) => [u.id, ...u.aliases]);
  const fixed = checkUrn(ref);
  if (!fixed.ok && fixed.expected && ctx.index.unit(fixed.expected)) {
    return `unit ${q(ref)} has no specification; its ${fixed.reason}: did you mean ${q(fixed.expected)}?`;
  }
  const guess = closest(ref, ids);
  return `unit ${q(ref)} has no specification in specs/units/: ${guess ? `did you mean ${q(guess)}?` : 'add its specification (folio import) or correct the number'}`;
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
      const guess = closest(l.qualificationRef, specs.qualifications.map((x) => x.id));
      out.push(at('unknown-qualification', { file: l.loc.file, path: ['qualification'] }, `qualification ${q(l.qualificationRef)} has no specification in specs/qualifications/: ${guess ? `did you mean ${q(guess)}?` : 'add it or correct the number'}`));
    }
    const inQualification = (id: string) => !qual || scope.groupOf.has(id);
    const check = (ref: string, loc: { file: string; path: (string | number)[] }, key = false) => {
      if (!known(ref)) {
        out.push(at('unknown-unit', loc, unknownUnitMessage(ctx, ref), { key }));
        return false;
      }
      const id = index.canonical(ref);
      if (!inQualification(id)) {
        out.push(at('unit-not-in-qualification', loc, `unit ${q(ref)} is not part of ${qual!.id} ${qual!.title}: remove it or correct the number`, { key }));
        return false;
      }
      return true;
    };

    for (const u of l.optionalUnits) check(u.ref, u.loc);
    for (const s of l.signoffs) check(s.unitRef, { file: s.loc.file, path: [...s.loc.path, 'unit'] });
    for (const r of l.iqa) check(r.unitRef, { file: r.loc.file, path: [...r.loc.path, 'unit'] });

    for (const e of l.evidence) {
      for (const cover of e.covers) {
        if (!check(cover.unitRef, cover.loc, true)) continue;
        const unit = index.unit(cover.unitRef);
        const id = index.canonical(cover.unitRef);
        if (qual && !scope.mandatory.has(id) && !scope.chosen.has(id)) {
          out.push(at('unit-not-chosen', cover.loc, `evidence ${q(e.id)} covers ${id}, an optional unit not in this learner's optional-units: add it there, or correct the unit`, { key: true }));
        }
        if (!unit) continue;
        for (const c of cover.criteria) {
          if (unit.criteria.has(c.criterion)) continue;
          const guess = closestCriterion(c.criterion, unit.criteria.keys());
          const hint = guess ? `did you mean ${q(guess)}?` : `its criteria are ${[...unit.criteria.keys()].join(', ')}`;
          out.push(at('unknown-criterion', c.loc, `unit ${unit.id} has no criterion ${q(c.criterion)}: ${hint}`));
        }
      }
    }
    return out;
  },
};
