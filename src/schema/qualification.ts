// Qualification specification: the rules of combination (README "File formats": "Qualification specification").
// The descriptions are shown by editors through the generated JSON Schemas (json-schema.ts).
import { z } from 'zod';
import { date, opt, strict, text, textList, whole } from './common.js';

const groupSchema = strict({
  id: text.describe('Group identifier, e.g. mandatory or A'),
  title: opt(text).describe('Group title, e.g. "Optional group A"'),
  units: textList.describe('The units of this group, by unit number or alias'),
  required: opt(z.enum(['all'])).describe('all: every unit of the group must be achieved (a mandatory group)'),
  'min-credits': opt(whole).describe('Minimum credits to achieve from this group'),
  'max-credits': opt(whole).describe('Maximum credits from this group that count towards the qualification'),
  'min-units': opt(whole).describe('Minimum number of units to achieve from this group'),
  'max-units': opt(whole).describe('Maximum number of units from this group that count'),
});

export const qualificationSchema = strict({
  qualification: text.describe('Ofqual qualification number (NNN/NNNN/N, e.g. 601/3734/4)'),
  title: text.describe('Qualification title, e.g. "BIIAB Level 2 Diploma in Customer Service"'),
  level: opt(whole).describe('Level of the qualification, a whole number'),
  source: opt(text).describe('The document the rules of combination were taken from'),
  'min-credits': opt(whole).describe('Minimum total credits to achieve the qualification'),
  'operational-end': opt(date).describe('Last date learners may be registered on this qualification, YYYY-MM-DD'),
  'certification-end': opt(date).describe('Last date this qualification may be certificated, YYYY-MM-DD; check warns about learners at risk of not finishing by then'),
  groups: z.array(groupSchema).describe('The unit groups of the rules of combination'),
  barred: opt(z.array(textList)).describe('Barred combinations: each entry lists units that may not be taken together'),
  'min-credits-at-level': opt(
    strict({
      level: whole.describe('The level, a whole number'),
      credits: whole.describe('Credits needed from units at this level or above'),
    }),
  ).describe('Minimum credits to achieve at or above a level'),
});

export type QualificationInput = z.output<typeof qualificationSchema>;
