// Case table for rules/placeholders.ts: a TODO that folio spec new wrote and nobody replaced is
// reported where it stands; a title that merely mentions the word is not.
import type { Unit } from '../../src/model/types.js';
import { placeholders } from '../../src/rules/placeholders.js';
import { group, qual, unit, unitFile } from '../model-builders.js';
import { testRule } from '../rule-tester.js';

/** A unit whose first outcome and criterion carry these texts. */
function written(id: string, texts: { title?: string; outcome?: string; criterion?: string }): Unit {
  const u = unit(id, 3, 2, { title: texts.title });
  const [o] = u.outcomes;
  const c = { ...o!.criteria[0]!, text: texts.criterion ?? 'Describe the process', loc: { file: u.loc.file, path: ['outcomes', 0, 'criteria', 0] } };
  const outcome = { ...o!, title: texts.outcome ?? 'Know the process', criteria: [c], loc: { file: u.loc.file, path: ['outcomes', 0] } };
  return { ...u, outcomes: [outcome], criteria: new Map([[c.id, c]]) };
}

testRule(placeholders, {
  valid: [
    { name: 'a unit filled in', model: { units: [written('L/600/0001', { title: 'Health and safety' })] } },
    { name: 'a title that mentions the word, not as a placeholder', model: { units: [written('L/600/0001', { title: 'Writing a TODOs list', criterion: 'Keep a to-do list: what is TODO today' })] } },
    { name: 'a qualification naming real units', model: { units: [unit('L/600/0001', 3, 2)], qualifications: [qual([group('M', ['L/600/0001'])])] } },
  ],
  invalid: [
    {
      name: 'the unit title left as TODO',
      model: { units: [written('L/600/0001', { title: 'TODO: the title as published' })] },
      errors: [{ code: 'placeholder', messageId: 'todo', data: { field: 'the unit title' }, file: unitFile('L/600/0001'), path: ['title'], says: ['"TODO"'] }],
    },
    {
      name: "an outcome's title and a criterion's text left as TODO",
      model: { units: [written('L/600/0001', { title: 'Health and safety', outcome: 'TODO', criterion: '  TODO copy the criterion' })] },
      errors: [
        { code: 'placeholder', messageId: 'todo', data: { field: "outcome 1's title" }, path: ['outcomes', 0, 'title'] },
        { code: 'placeholder', messageId: 'todo', data: { field: "criterion 1.1's text" }, path: ['outcomes', 0, 'criteria', 0, 'text'] },
      ],
    },
    {
      name: 'a unit of a qualification group left as TODO',
      model: { units: [unit('L/600/0001', 3, 2)], qualifications: [qual([group('M', ['L/600/0001', 'TODO'])])] },
      errors: [{ code: 'placeholder', messageId: 'todo', data: { field: 'a unit of group M' }, path: ['groups', 0, 'units', 1] }],
    },
  ],
});
