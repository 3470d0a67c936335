// Case table for rules/evidence.ts: evidence ids unique within a portfolio, evidence files
// that exist inside the learner's folder, IQA records that sample items that exist.
import { evidenceItems } from '../../src/rules/evidence.js';
import type { Evidence } from '../../src/model/types.js';
import { evidence, iqa, learner, unit } from '../model-builders.js';
import { testRule, type Model } from '../rule-tester.js';

const U = unit('U1', 3, 2, { criteria: ['1.1', '1.2'] });
const item = (id: string, extra: Partial<Evidence> = {}) => evidence(id, 'U1', ['1.1'], 'observation', 'accepted', extra);
const file = (value: string, fileProblem?: Evidence['fileProblem']): Partial<Evidence> => ({ location: { kind: 'file', value }, fileProblem });
const centre = (evidence: Evidence[], samples: string[][] = []): Model => ({
  units: [U],
  learners: [learner([U], { evidence, iqa: samples.map((ids) => ({ ...iqa('U1', '2026-05-01', 'agreed'), evidence: ids })) })],
});

testRule(evidenceItems, {
  valid: [
    { name: 'items with ids of their own, a file that is there', model: centre([item('E1', file('obs.md')), item('E2')]) },
    { name: 'an IQA record sampling items that exist, or none named', model: centre([item('E1'), item('E2')], [['E1', 'E2'], []]) },
    { name: 'a url or a reference is not a file to look for', model: centre([item('E1', { location: { kind: 'url', value: 'https://example.org/x' } })]) },
  ],
  invalid: [
    {
      name: 'an evidence id used twice, named by the first item',
      model: centre([item('E1'), item('E2'), item('E1')]),
      errors: [{ code: 'duplicate-evidence-id', messageId: 'id-taken', data: { evidence: 'E1', item: 1 }, path: ['evidence', 2, 'id'], says: ['"E1"', 'item 1'] }],
    },
    {
      name: 'an evidence file that does not exist',
      model: centre([item('E1', file('obs.md', 'missing'))]),
      errors: [{ code: 'evidence-file-missing', messageId: 'no-such-file', data: { evidence: 'E1', file: 'obs.md', dir: 'portfolios/NT-0001' }, path: ['evidence', 0, 'file'], says: ['"obs.md"', 'portfolios/NT-0001/'] }],
    },
    {
      name: 'a pipe where the evidence file should be',
      model: centre([item('E1', file('obs.md', 'not-a-file'))]),
      errors: [{ code: 'evidence-file-missing', messageId: 'not-a-file', data: { file: 'obs.md' }, path: ['evidence', 0, 'file'] }],
    },
    {
      name: "an evidence file outside the learner's folder",
      model: centre([item('E1', file('../other/shared.md', 'outside'))]),
      errors: [{ code: 'evidence-file-outside', messageId: 'outside-folder', data: { file: '../other/shared.md' }, path: ['evidence', 0, 'file'] }],
    },
    {
      name: 'an IQA record sampling an item the portfolio does not have',
      model: centre([item('E1')], [['E1', 'E9']]),
      errors: [{ code: 'unknown-evidence', messageId: 'not-in-portfolio', data: { evidence: 'E9' }, path: ['iqa', 0, 'evidence', 1], says: ['"E9"'] }],
    },
  ],
});
