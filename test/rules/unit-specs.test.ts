// Case table for rules/unit-specs.ts: unit numbers and aliases owned by one specification,
// outcome and criterion ids unique within a unit, files named after their unit.
import type { Unit } from '../../src/model/types.js';
import { unitSpecs } from '../../src/rules/unit-specs.js';
import { loc, unit, unitFile } from '../model-builders.js';
import { testRule } from '../rule-tester.js';

/** A unit whose outcomes hold the given criterion ids. */
function withOutcomes(id: string, outcomes: [string, string[]][]): Unit {
  const u = unit(id, 3, 2);
  const file = u.loc.file;
  const built = outcomes.map(([oid, crits], oi) => ({
    id: oid,
    title: `Outcome ${oid}`,
    criteria: crits.map((c, ci) => ({ id: c, outcome: oid, rules: { minEvidence: 1 }, loc: loc(file, ['outcomes', oi, 'criteria', ci]) })),
    loc: loc(file, ['outcomes', oi]),
  }));
  return { ...u, outcomes: built, criteria: new Map(built.flatMap((o) => o.criteria.map((c) => [c.id, c] as const))) };
}

testRule(unitSpecs, {
  valid: [
    { name: 'units with numbers and aliases of their own', model: { units: [unit('L/600/0001', 3, 2, { aliases: ['CU1'] }), unit('R/600/0002', 3, 2, { aliases: ['CU2'] })] } },
    { name: 'a spec file ending .yml', model: { units: [unit('L/600/0001', 3, 2, { file: 'specs/units/L-600-0001.yml' })] } },
    { name: 'a unit that repeats its own number as an alias (one specification owns both)', model: { units: [unit('U1', 3, 2, { aliases: ['U1'] })] } },
    { name: 'the same criterion number under two units', model: { units: [withOutcomes('U1', [['1', ['1.1']]]), withOutcomes('U2', [['1', ['1.1']]])] } },
    { name: 'outcomes and criteria with ids of their own', model: { units: [withOutcomes('U1', [['1', ['1.1', '1.2']], ['2', ['2.1']]])] } },
  ],
  invalid: [
    {
      name: 'two specification files for one unit number (.yaml and .yml)',
      model: { units: [unit('L/600/0001', 3, 2), unit('L/600/0001', 3, 2, { file: 'specs/units/L-600-0001.yml' })] },
      errors: [{ code: 'duplicate-unit', messageId: 'number-taken', data: { unit: 'L/600/0001', file: unitFile('L/600/0001') }, file: 'specs/units/L-600-0001.yml', path: ['unit'], says: ['"L/600/0001"', unitFile('L/600/0001')] }],
    },
    {
      name: "an alias that is another unit's number",
      model: { units: [unit('U1', 3, 2), unit('U2', 3, 2, { aliases: ['CU2', 'U1'] })] },
      errors: [{ code: 'duplicate-unit', messageId: 'alias-taken', data: { unit: 'U1', file: unitFile('U1') }, file: unitFile('U2'), path: ['aliases', 1] }],
    },
    {
      name: 'an outcome id twice in a unit',
      model: { units: [withOutcomes('U1', [['1', ['1.1']], ['1', ['1.2']]])] },
      errors: [{ code: 'duplicate-outcome', messageId: 'outcome-twice', data: { outcome: '1', unit: 'U1' }, path: ['outcomes', 1, 'id'], says: ['"1"', 'unit U1'] }],
    },
    {
      name: 'a criterion id twice, in different outcomes',
      model: { units: [withOutcomes('U1', [['1', ['1.1']], ['2', ['1.1']]])] },
      errors: [{ code: 'duplicate-criterion', messageId: 'criterion-twice', data: { criterion: '1.1', unit: 'U1' }, path: ['outcomes', 1, 'criteria', 0, 'id'] }],
    },
    {
      name: 'a spec file not named after its unit',
      model: { units: [unit('L/600/0001', 3, 2, { file: 'specs/units/L600-0001.yaml' })] },
      errors: [{ code: 'spec-file-name', messageId: 'unit-file', data: { unit: 'L/600/0001', file: 'L600-0001.yaml', expected: 'L-600-0001.yaml' }, file: 'specs/units/L600-0001.yaml', path: ['unit'], says: ['L600-0001.yaml', 'L-600-0001.yaml'] }],
    },
  ],
});
