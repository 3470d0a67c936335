// portfolios/<learner-id>/portfolio.yaml: one learner's evidence, sign-offs and IQA records.
import { z } from 'zod';
import { date, DECISIONS, IQA_DECISIONS, IQA_STAGES, method, opt, strict, text, textList, WITNESS_STATUSES } from './common.js';

export const assessmentSchema = strict({
  by: text,
  date: date,
  decision: z.enum(DECISIONS),
  feedback: opt(text),
});

export const evidenceSchema = strict({
  id: text,
  title: opt(text),
  method: method,
  witness: opt(text),
  date: opt(date),
  file: opt(text),
  url: opt(text),
  ref: opt(text),
  // A single criterion may be written without brackets: `A/506/2130: 4.4`.
  covers: z.record(text, z.union([text, textList])),
  assessment: opt(assessmentSchema),
  notes: opt(text),
}).superRefine((e, ctx) => {
  const given = (['file', 'url', 'ref'] as const).filter((k) => e[k] != null && e[k] !== '');
  if (given.length === 1) return;
  ctx.addIssue({
    code: 'custom',
    input: e,
    params: {
      code: 'evidence-location',
      message:
        given.length === 0
          ? `evidence "${e.id}" says nowhere where it can be found: add file (inside the learner's folder), url, or ref`
          : `evidence "${e.id}" gives ${given.join(' and ')}: keep exactly one of file, url or ref`,
    },
  });
});

export const witnessSchema = strict({
  id: text,
  name: text,
  relationship: opt(text),
  status: opt(z.enum(WITNESS_STATUSES)),
  email: opt(text),
});

export const signoffSchema = strict({
  unit: text,
  by: text,
  date: date,
  note: opt(text),
});

export const iqaSchema = strict({
  unit: text,
  by: text,
  date: date,
  stage: z.enum(IQA_STAGES),
  decision: z.enum(IQA_DECISIONS),
  evidence: opt(textList),
  feedback: opt(text),
});

export const portfolioSchema = strict({
  learner: strict({ name: text, uln: opt(text), email: opt(text) }),
  qualification: text,
  registered: opt(date),
  assessor: opt(text),
  'optional-units': opt(textList),
  witnesses: opt(z.array(witnessSchema)),
  evidence: opt(z.array(evidenceSchema)),
  signoffs: opt(z.array(signoffSchema)),
  iqa: opt(z.array(iqaSchema)),
  notes: opt(text),
});

export type PortfolioInput = z.output<typeof portfolioSchema>;
export type EvidenceInput = z.output<typeof evidenceSchema>;
