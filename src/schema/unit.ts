// Unit specification: outcomes and their assessment criteria (README "File formats": "Unit specification").
// The descriptions are shown by editors through the generated JSON Schemas (json-schema.ts).
import { z } from 'zod';
import { date, opt, OUTCOME_TYPES, ruleFields, strict, text, textList, whole } from './common.js';

export const criterionSchema = strict({
  id: text.describe('Assessment criterion number, e.g. "1.1"; kept exactly as written, so 1.10 is not 1.1'),
  text: opt(text).describe('What the learner must do or know; may be left out (N/SVQ knowledge lists often give none)'),
  guidance: opt(text).describe('Range, guidance or amplification for this criterion'),
  ...ruleFields,
});

export const outcomeSchema = strict({
  id: text.describe('Learning outcome number, e.g. "1"'),
  title: opt(text).describe('The learning outcome as written, e.g. "Understand customer service delivery"'),
  type: opt(z.enum(OUTCOME_TYPES)).describe('knowledge or performance; when left out it is read from the title ("Be able to…" is performance, "Understand…" or "Know…" is knowledge)'),
  guidance: opt(text).describe('Notes on the whole outcome'),
  ...ruleFields,
  criteria: z.array(criterionSchema).describe('The assessment criteria of this outcome'),
});

export const unitSchema = strict({
  unit: text.describe("Ofqual unit reference number (L/DDD/DDDD, e.g. A/506/2130) or the awarding body's unit number"),
  aliases: opt(textList).describe('Other numbers the unit is known by, e.g. the awarding body\'s unit number "201"'),
  // A form may give no title (seed 003); the spec then says nothing rather than invent one.
  title: opt(text).describe('Unit title as published'),
  level: opt(whole).describe('Level of the unit, a whole number (2 for Level 2)'),
  credits: opt(whole).describe('Credit value (one credit is 10 hours of total qualification time); leave out when not known'),
  glh: opt(whole).describe('Guided learning hours'),
  // Provenance: one form, or every form the spec was merged from (seed 004 into A/506/2130).
  source: opt(z.union([text, textList])).describe('The form the specification was imported from, or a list of every form it was merged from'),
  'operational-end': opt(date).describe('Last date learners may be registered on this unit, YYYY-MM-DD'),
  'certification-end': opt(date).describe('Last date this unit may be certificated, YYYY-MM-DD; check warns about learners at risk of not finishing by then'),
  guidance: opt(text).describe('Notes on the whole unit, e.g. the form\'s closing guidance'),
  ...ruleFields,
  outcomes: z.array(outcomeSchema).describe('Learning outcomes, each with its assessment criteria'),
});

export type UnitInput = z.output<typeof unitSchema>;
