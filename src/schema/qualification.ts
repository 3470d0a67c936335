// Qualification specification: the rules of combination (DESIGN.md "Qualification specification").
import { z } from 'zod';
import { opt, strict, text, textList, whole } from './common.js';

export const groupSchema = strict({
  id: text,
  title: opt(text),
  units: textList,
  required: opt(z.enum(['all'])),
  'min-credits': opt(whole),
  'max-credits': opt(whole),
  'min-units': opt(whole),
  'max-units': opt(whole),
});

export const qualificationSchema = strict({
  qualification: text,
  title: text,
  level: opt(whole),
  source: opt(text),
  'min-credits': opt(whole),
  groups: z.array(groupSchema),
  barred: opt(z.array(textList)),
  'min-credits-at-level': opt(strict({ level: whole, credits: whole })),
});

export type QualificationInput = z.output<typeof qualificationSchema>;
