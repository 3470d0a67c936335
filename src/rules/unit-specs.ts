// Unit specifications on their own: unique numbers and aliases, unique outcome and criterion
// ids, files named after their unit.
import { fileNameForId } from '../load/files.js';
import { at, type Rule } from './context.js';
import { q, type Finding } from '../diagnostics.js';

export const unitSpecs: Rule = {
  name: 'unit specifications',
  codes: ['duplicate-unit', 'duplicate-outcome', 'duplicate-criterion', 'spec-file-name'],
  specs({ specs }) {
    const out: Finding[] = [];
    const owner = new Map<string, string>();
    for (const u of specs.units) {
      for (const [name, sub] of [[u.id, ['unit']], ...u.aliases.map((a, i) => [a, ['aliases', i]] as const)] as const) {
        const prev = owner.get(name);
        if (prev && prev !== u.loc.file) {
          const said = { id: sub[0] === 'unit' ? 'number-taken' : 'alias-taken', data: { unit: name, file: prev } };
          out.push(at('duplicate-unit', { file: u.loc.file, path: [...sub] }, said, (d) => `unit number ${q(d.unit)} is already used by ${d.file}: each unit number and alias may belong to one specification`));
        } else owner.set(name, u.loc.file);
      }
      const expected = fileNameForId(u.id);
      const actual = u.loc.file.split('/').pop()!;
      if (actual.replace(/\.yml$/i, '.yaml') !== expected) {
        const said = { id: 'unit-file', data: { unit: u.id, file: actual, expected } };
        out.push(at('spec-file-name', u.loc, said, (d) => `unit ${q(d.unit)} is in ${d.file}: rename the file to ${d.expected} so it can be found by its number`));
      }
      const outcomes = new Set<string>();
      const criteria = new Set<string>();
      for (const o of u.outcomes) {
        if (outcomes.has(o.id)) out.push(at('duplicate-outcome', o.loc, { id: 'outcome-twice', data: { outcome: o.id, unit: u.id } }, (d) => `outcome ${q(d.outcome)} appears twice in unit ${d.unit}: give each outcome its own id`, { sub: ['id'] }));
        outcomes.add(o.id);
        for (const c of o.criteria) {
          if (criteria.has(c.id)) out.push(at('duplicate-criterion', c.loc, { id: 'criterion-twice', data: { criterion: c.id, unit: u.id } }, (d) => `criterion ${q(d.criterion)} appears twice in unit ${d.unit}: give each criterion its own id`, { sub: ['id'] }));
          criteria.add(c.id);
        }
      }
    }
    return out;
  },
};
