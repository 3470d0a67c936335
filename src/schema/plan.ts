// iqa/plans/<id>.yaml: an IQA sample plan as folio iqa plan wrote it, committed so that folio
// verify can show it was there before the sampling it describes, and folio iqa due can say
// what it still asks for. Written by folio, read back with this schema like every other file.
import { z } from 'zod';
import { date, IQA_STAGES, opt, percent, positive, strict, text, textList } from './common.js';

export const SAMPLE_REASONS = ['new-assessor', 'rate', 'unit', 'method', 'site'] as const;

const sampleSchema = strict({
  learner: text.describe("The learner's id (their folder name)"),
  unit: text.describe('The unit sampled, by number'),
  stage: z.enum(IQA_STAGES).describe('interim (assessment in progress) or summative (signed off)'),
  assessor: text.describe('Staff id of the assessor whose decisions are sampled'),
  iqa: opt(text).describe('Staff id of the IQA allotted; empty when every IQA made a decision on the unit'),
  date: date.describe("Date of the decision sampled: the sign-off's, or the latest assessment's"),
  evidence: opt(textList).describe('Evidence items to sample'),
  reason: z.enum(SAMPLE_REASONS).describe("Why it is sampled: new-assessor (all of a new assessor's decisions), rate (the assessor's sampling rate), or to represent a unit, method or site"),
  for: opt(text).describe('The unit, method or site a unit, method or site reason represents'),
});

export const planSchema = strict({
  plan: strict({
    id: text.describe('The plan id, which names the file'),
    'as-of': date.describe('The day the plan was made from the portfolios as they stood, YYYY-MM-DD'),
    from: opt(date).describe('Decisions dated before this day were left out, YYYY-MM-DD'),
  }).describe('Which plan this is'),
  strategy: strict({
    'interim-rate': percent,
    'summative-rate': percent,
    'new-assessor-rate': opt(percent),
    'new-assessor-months': opt(positive),
  }).describe("The sampling strategy from centre.yaml the plan was made with"),
  samples: z.array(sampleSchema).describe('The decisions to sample'),
});

export type PlanInput = z.output<typeof planSchema>;
