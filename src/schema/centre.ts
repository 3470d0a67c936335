// portfolios/centre.yaml: the centre, its staff and their roles, and centre policy.
// The descriptions are shown by editors through the generated JSON Schemas (json-schema.ts).
import { z } from 'zod';
import { BEFORE_CLAIM, date, opt, percent, positive, ROLES, strict, text, textList } from './common.js';

const staffSchema = strict({
  id: text.describe('Staff id, used by assessor: and by: in portfolios, e.g. a.jones'),
  name: text.describe('Full name'),
  roles: z.array(z.enum(ROLES)).describe('Roles held: assessor, iqa (internal quality assurer), eqa (external quality assurer), admin'),
  email: opt(z.union([text, textList])).describe('One email address or a list'),
  since: opt(date).describe('Date the person started in their role at this centre, YYYY-MM-DD; an assessor newer than sampling: new-assessor-months is sampled at new-assessor-rate'),
  qualifications: opt(
    z.array(
      strict({
        qualification: text.describe('Qualification number'),
        since: date.describe('Date the person started assessing or quality-assuring this qualification, YYYY-MM-DD'),
      }),
    ),
  ).describe('When the person started on each qualification: an assessor new to a qualification is sampled at new-assessor-rate on it'),
  sites: opt(textList).describe('Ids of the sites (from sites:) where the person works'),
});

const siteSchema = strict({
  id: text.describe('Site id, used by site: in portfolios, e.g. leeds'),
  name: text.describe('Site name'),
  address: opt(text).describe('Address of the site'),
});

const samplingSchema = strict({
  'interim-rate': opt(percent).describe("Percentage of each assessor's units in progress to sample at the interim stage"),
  'summative-rate': opt(percent).describe("Percentage of each assessor's signed-off units to sample at the summative stage"),
  'new-assessor-rate': opt(percent).describe('Percentage for an assessor new to the centre or to the qualification (usually 100)'),
  'new-assessor-months': opt(positive).describe('How many months after their since: date an assessor counts as new'),
  'before-claim': opt(z.enum(BEFORE_CLAIM)).describe('Units that need an agreed summative IQA before they may be claimed: none, sampled (those in a committed sample plan) or all'),
});

export const centreSchema = strict({
  centre: strict({
    name: text.describe('Centre name'),
    number: opt(text).describe("The awarding organisation's centre number"),
  }).describe('The approved centre'),
  sites: opt(z.array(siteSchema)).describe('Assessment sites: the centre\'s own premises and employers\' workplaces'),
  staff: z.array(staffSchema).describe('Assessors, internal and external quality assurers and administrators'),
  policy: opt(
    strict({
      'evidence-currency-years': opt(positive).describe('Warn when evidence was older than this many years when it was assessed'),
    }),
  ).describe('Centre policy'),
  sampling: opt(samplingSchema).describe('The IQA sampling strategy, read by folio iqa plan'),
});

export type CentreInput = z.output<typeof centreSchema>;
