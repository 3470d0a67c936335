// Qualification specifications: unique numbers, groups that name known units once, and barred
// pairs that do not bar two mandatory units.
import { fileNameForId } from '../load/files.js';
import { q, type Finding } from '../diagnostics.js';
import { barredTaken } from '../status/roc.js';
import { at, type Rule } from './context.js';
import { unknownUnitMessage } from './portfolio-units.js';

export const qualificationSpecs: Rule = {
  name: 'qualification specifications',
  codes: ['duplicate-qualification', 'qualification-unit-unknown', 'duplicate-entry', 'spec-file-name', 'barred-combination'],
  specs(ctx) {
    const { specs, index } = ctx;
    const out: Finding[] = [];
    const seen = new Map<string, string>();
    for (const qual of specs.qualifications) {
      const key = qual.id.replace(/\//g, '');
      const prev = seen.get(key);
      if (prev) out.push(at('duplicate-qualification', qual.loc, `qualification ${q(qual.id)} is already specified in ${prev}: keep one file per qualification`));
      else seen.set(key, qual.loc.file);
      const expected = fileNameForId(qual.id);
      const actual = qual.loc.file.split('/').pop()!;
      if (actual.replace(/\.yml$/i, '.yaml') !== expected) out.push(at('spec-file-name', qual.loc, `qualification ${q(qual.id)} is in ${actual}: rename the file to ${expected}`));

      const inGroup = new Map<string, string>();
      for (const g of qual.groups) {
        for (const u of g.units) {
          const id = index.canonical(u.ref);
          if (!index.unit(u.ref) && !specs.unreadableSpecs.has(u.ref)) {
            // Centres import only the units they deliver, so this is not an error until a
            // learner takes the unit (then portfolio-units reports unknown-unit).
            out.push(at('qualification-unit-unknown', u.loc, `${unknownUnitMessage(ctx, u.ref)}; until then no learner can take it`));
          }
          const other = inGroup.get(id);
          if (other !== undefined) out.push(at('duplicate-entry', u.loc, `unit ${q(u.ref)} is already listed in group ${other}: list each unit in one group`));
          else inGroup.set(id, g.id);
        }
      }
      const mandatory = new Set(qual.groups.filter((g) => g.requiredAll).flatMap((g) => g.units.map((u) => index.canonical(u.ref))));
      for (const b of qual.barred) {
        const both = barredTaken(b.units, index, (id) => mandatory.has(id));
        if (both.length > 1) out.push(at('barred-combination', b.loc, `barred units ${both.join(' and ')} are both mandatory: no learner could achieve this qualification; correct the groups or the barred list`));
      }
    }
    return out;
  },
};
