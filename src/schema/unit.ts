// Unit specification: outcomes and their assessment criteria (DESIGN.md "Unit specification").
import { z } from 'zod';
import { opt, OUTCOME_TYPES, ruleFields, strict, text, textList, whole } from './common.js';

export const criterionSchema = strict({
  id: text,
  text: opt(text),
  guidance: opt(text),
  ...ruleFields,
});

export const outcomeSchema = strict({
  id: text,
  title: opt(text),
  type: opt(z.enum(OUTCOME_TYPES)),
  guidance: opt(text),
  ...ruleFields,
  criteria: z.array(criterionSchema),
});

export const unitSchema = strict({
  unit: text,
  aliases: opt(textList),
  title: text,
  level: opt(whole),
  credits: opt(whole),
  glh: opt(whole),
  source: opt(text),
  guidance: opt(text),
  ...ruleFields,
  outcomes: z.array(outcomeSchema),
});

export type UnitInput = z.output<typeof unitSchema>;
