// Placeholders left in a specification: folio spec new writes TODO where the exams officer
// must copy a title, a criterion or a unit number from the awarding body's document, and check
// points at each one left, so a scaffold can never pass for a finished specification.
import { q, type Finding } from '../diagnostics.js';
import type { Path } from '../model/types.js';
import { at, type Rule } from './context.js';

/** The word folio spec new writes in each place to fill in. */
export const PLACEHOLDER = 'TODO';
const isPlaceholder = (v: string | undefined) => v !== undefined && new RegExp(`^${PLACEHOLDER}\\b`).test(v.trim());

export const placeholders: Rule = {
  name: 'placeholders',
  codes: ['placeholder'],
  specs({ specs }) {
    const out: Finding[] = [];
    const flag = (file: string, path: Path, field: string) => out.push(at('placeholder', { file, path }, { id: 'todo', data: { field } }, (d) => `${d.field} is still ${q(PLACEHOLDER)}: copy it from the awarding body's specification`));
    for (const u of specs.units) {
      const file = u.loc.file;
      if (isPlaceholder(u.title)) flag(file, ['title'], 'the unit title');
      for (const o of u.outcomes) {
        if (isPlaceholder(o.title)) flag(file, [...o.loc.path, 'title'], `outcome ${o.id}'s title`);
        for (const c of o.criteria) if (isPlaceholder(c.text)) flag(file, [...c.loc.path, 'text'], `criterion ${c.id}'s text`);
      }
    }
    for (const qual of specs.qualifications) {
      const file = qual.loc.file;
      if (isPlaceholder(qual.title)) flag(file, ['title'], 'the qualification title');
      for (const g of qual.groups) for (const u of g.units) if (isPlaceholder(u.ref)) flag(file, u.loc.path, `a unit of group ${g.id}`);
    }
    return out;
  },
};
