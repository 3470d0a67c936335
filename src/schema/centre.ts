// portfolios/centre.yaml: the centre, its staff and their roles, and centre policy.
// The descriptions are shown by editors through the generated JSON Schemas (json-schema.ts).
import { z } from 'zod';
import { opt, positive, ROLES, strict, text, textList } from './common.js';

const staffSchema = strict({
  id: text.describe('Staff id, used by assessor: and by: in portfolios, e.g. a.jones'),
  name: text.describe('Full name'),
  roles: z.array(z.enum(ROLES)).describe('Roles held: assessor, iqa (internal quality assurer), eqa (external quality assurer), admin'),
  email: opt(z.union([text, textList])).describe('One email address or a list'),
});

export const centreSchema = strict({
  centre: strict({
    name: text.describe('Centre name'),
    number: opt(text).describe("The awarding organisation's centre number"),
  }).describe('The approved centre'),
  staff: z.array(staffSchema).describe('Assessors, internal and external quality assurers and administrators'),
  policy: opt(
    strict({
      'evidence-currency-years': opt(positive).describe('Warn when evidence was older than this many years when it was assessed'),
    }),
  ).describe('Centre policy'),
});

export type CentreInput = z.output<typeof centreSchema>;
