// portfolios/centre.yaml: the centre, its staff and their roles, and centre policy.
import { z } from 'zod';
import { opt, positive, ROLES, strict, text, textList } from './common.js';

export const staffSchema = strict({
  id: text,
  name: text,
  roles: z.array(z.enum(ROLES)),
  email: opt(z.union([text, textList])),
});

export const centreSchema = strict({
  centre: strict({ name: text, number: opt(text) }),
  staff: z.array(staffSchema),
  policy: opt(strict({ 'evidence-currency-years': opt(positive) })),
});

export type CentreInput = z.output<typeof centreSchema>;
