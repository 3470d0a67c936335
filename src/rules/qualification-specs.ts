// Qualification specifications: unique numbers, groups that name known units once, and barred
// pairs that do not bar two mandatory units.
import { fileNameForId } from '../load/files.js';
import { q, type Finding } from '../diagnostics.js';
import { barredTaken } from '../status/roc.js';
import { at, type Rule } from './context.js';
import { unknownUnit } from './portfolio-units.js';

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
      if (prev) out.push(at('duplicate-qualification', qual.loc, { id: 'number-taken', data: { qualification: qual.id, file: prev } }, (d) => `qualification ${q(d.qualification)} is already specified in ${d.file}: keep one file per qualification`));
      else seen.set(key, qual.loc.file);
      const expected = fileNameForId(qual.id);
      const actual = qual.loc.file.split('/').pop()!;
      if (actual.replace(/\.yml$/i, '.yaml') !== expected) {
        const said = { id: 'qualification-file', data: { qualification: qual.id, file: actual, expected } };
        out.push(at('spec-file-name', qual.loc, said, (d) => `qualification ${q(d.qualification)} is in ${d.file}: rename the file to ${d.expected}`));
      }

      const inGroup = new Map<string, string>();
      for (const g of qual.groups) {
        for (const u of g.units) {
          const id = index.canonical(u.ref);
          if (!index.unit(u.ref) && !specs.unreadableSpecs.has(u.ref)) {
            // Centres import only the units they deliver, so this is not an error until a
            // learner takes the unit (then portfolio-units reports unknown-unit).
            const { said, text } = unknownUnit(ctx, u.ref);
            out.push(at('qualification-unit-unknown', u.loc, said, (d) => `${text(d)}; until then no learner can take it`));
          }
          const other = inGroup.get(id);
          if (other !== undefined) out.push(at('duplicate-entry', u.loc, { id: 'unit-in-two-groups', data: { unit: u.ref, group: other } }, (d) => `unit ${q(d.unit)} is already listed in group ${d.group}: list each unit in one group`));
          else inGroup.set(id, g.id);
        }
      }
      const mandatory = new Set(qual.groups.filter((g) => g.requiredAll).flatMap((g) => g.units.map((u) => index.canonical(u.ref))));
      for (const b of qual.barred) {
        const both = barredTaken(b.units, index, (id) => mandatory.has(id));
        if (both.length > 1) out.push(at('barred-combination', b.loc, { id: 'both-mandatory', data: { units: both } }, (d) => `barred units ${d.units.join(' and ')} are both mandatory: no learner could achieve this qualification; correct the groups or the barred list`));
      }
    }
    return out;
  },
};
