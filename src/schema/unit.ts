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
  // A form may give no title (seed 003); the spec then says nothing rather than invent one.
  title: opt(text),
  level: opt(whole),
  credits: opt(whole),
  glh: opt(whole),
  // Provenance: one form, or every form the spec was merged from (seed 004 into A/506/2130).
  source: opt(z.union([text, textList])),
  guidance: opt(text),
  ...ruleFields,
  outcomes: z.array(outcomeSchema),
});

export type UnitInput = z.output<typeof unitSchema>;
