// portfolios/<learner-id>/portfolio.yaml: one learner's evidence, sign-offs and IQA records.
// The descriptions are shown by editors through the generated JSON Schemas (json-schema.ts).
import { z } from 'zod';
import { date, DECISIONS, EXEMPTION_KINDS, exactlyOne, IQA_DECISIONS, IQA_STAGES, method, opt, strict, text, textList, WITNESS_STATUSES } from './common.js';
import { q } from '../diagnostics.js';

const assessmentSchema = strict({
  by: text.describe('Staff id of the assessor who made the decision'),
  date: date.describe('Date of the assessment decision, YYYY-MM-DD'),
  decision: z.enum(DECISIONS).describe('accepted, or not-yet when the evidence does not yet meet the criteria'),
  feedback: opt(text).describe('Feedback to the learner'),
});

export const evidenceSchema = exactlyOne(
  strict({
    id: text.describe('Evidence reference, unique in the portfolio, e.g. E07'),
    title: opt(text).describe('What the evidence is'),
    method: method.describe('Assessment method, from the fixed vocabulary'),
    witness: opt(text).describe('Id of the witness (from witnesses:) who gave this testimony'),
    date: opt(date).describe('Date the evidence was produced or the activity took place, YYYY-MM-DD'),
    file: opt(text).describe("Path of the evidence file inside this learner's folder; give exactly one of file, url or ref"),
    url: opt(text).describe('Web address of the evidence; give exactly one of file, url or ref'),
    ref: opt(text).describe('Where the evidence is kept when it is not a file or a web page, e.g. a workplace log; give exactly one of file, url or ref'),
    // A single criterion may be written without brackets: `A/506/2130: 4.4`.
    covers: z
      .record(text, z.union([text, textList]))
      .describe('Criteria this item covers: unit number (or alias) to a list of criterion ids, or one id, e.g. { A/506/2130: [4.1, 4.2] }'),
    assessment: opt(assessmentSchema).describe("The assessor's decision on this item"),
    site: opt(text).describe("Id of the assessment site (from sites: in centre.yaml) where the evidence was produced or observed, when not the learner's site"),
    notes: opt(text).describe('Notes on this item'),
  }),
  ['file', 'url', 'ref'],
  (e, given) => ({
    code: 'evidence-location',
    id: given.length === 0 ? 'no-location' : 'several-locations',
    data: { evidence: e.id, given },
    message:
      given.length === 0
        ? `evidence ${q(e.id)} says nowhere where it can be found: add file (inside the learner's folder), url, or ref`
        : `evidence ${q(e.id)} gives ${given.join(' and ')}: keep exactly one of file, url or ref`,
  }),
);

const witnessSchema = strict({
  id: text.describe('Witness id, named by witness: on evidence items, e.g. w-reed'),
  name: text.describe("The witness's full name"),
  relationship: opt(text).describe('Relationship to the learner, e.g. line manager'),
  status: opt(z.enum(WITNESS_STATUSES)).describe('Witness status category, 1 to 5'),
  email: opt(text).describe("The witness's email address"),
});

const signoffSchema = strict({
  unit: text.describe('Unit signed off, by number or alias'),
  by: text.describe('Staff id of the assessor signing the unit off'),
  date: date.describe('Date of the sign-off, YYYY-MM-DD'),
  note: opt(text).describe('Note on the sign-off'),
});

const iqaSchema = strict({
  unit: text.describe('Unit sampled, by number or alias'),
  by: text.describe('Staff id of the internal quality assurer'),
  date: date.describe('Date of the IQA decision, YYYY-MM-DD'),
  stage: z.enum(IQA_STAGES).describe('interim (sampled while assessment is in progress) or summative (after the unit is signed off)'),
  decision: z.enum(IQA_DECISIONS).describe("agreed or not-agreed with the assessor's judgements"),
  evidence: opt(textList).describe('Ids of the evidence items sampled'),
  feedback: opt(text).describe('Feedback to the assessor'),
});

const withdrawnSchema = strict({
  date: date.describe('Date the learner withdrew (their last day in learning), YYYY-MM-DD'),
  reason: opt(text).describe('Why the learner withdrew'),
  by: opt(text).describe('Staff id of whoever recorded the withdrawal'),
});

const breakSchema = strict({
  from: date.describe('First day of the break in learning, YYYY-MM-DD'),
  to: opt(date).describe('Day the learner returned, YYYY-MM-DD; leave out while the break goes on'),
  reason: opt(text).describe('Why the learner took a break, e.g. maternity leave'),
});

const exemptionSchema = strict({
  unit: text.describe('Unit achieved elsewhere or exempted, by number or alias'),
  kind: z.enum(EXEMPTION_KINDS).describe('credit-transfer (a unit certificated elsewhere), exemption (an equivalent achievement the rules allow), or rpl (recognition of prior learning)'),
  reference: opt(text).describe('Where the achievement is recorded, e.g. the certificate number'),
  date: date.describe('Date the exemption or credit transfer was recorded, YYYY-MM-DD'),
  by: text.describe('Staff id of whoever checked and recorded it'),
  note: opt(text).describe('Note on the exemption'),
});

export const claimSchema = exactlyOne(
  strict({
    date: date.describe('Date the claim was made to the awarding body, YYYY-MM-DD'),
    qualification: opt(text).describe('The qualification claimed, for a claim of the whole qualification; give exactly one of qualification or units'),
    units: opt(textList).describe('Units claimed, for unit certificates; give exactly one of qualification or units'),
    by: text.describe('Staff id of whoever made the claim (usually the exams officer)'),
    reference: opt(text).describe("The awarding body's reference for the claim"),
    certificate: opt(text).describe('Certificate number, when the certificate has come back'),
    'certificate-date': opt(date).describe('Date on the certificate, YYYY-MM-DD'),
  }),
  ['qualification', 'units'],
  (c, given) => ({
    code: 'claim-scope',
    id: given.length === 0 ? 'no-scope' : 'both-scopes',
    data: { date: c.date, given },
    message:
      given.length === 0
        ? `the claim of ${q(c.date)} says neither what was claimed: add qualification (the whole qualification) or units (unit certificates)`
        : `the claim of ${q(c.date)} gives both qualification and units: keep qualification for the whole qualification, or units for unit certificates`,
  }),
);

const transferSchema = strict({
  date: date.describe('Date the learner moved to this qualification, YYYY-MM-DD'),
  from: text.describe('Number of the qualification the learner moved from'),
  by: opt(text).describe('Staff id of whoever recorded the transfer'),
  reason: opt(text).describe('Why the learner moved'),
});

export const portfolioSchema = strict({
  learner: strict({
    name: text.describe("The learner's full name"),
    uln: opt(text).describe('Unique Learner Number: 10 digits, the last a check digit'),
    email: opt(text).describe("The learner's email address"),
  }).describe('The learner'),
  qualification: text.describe('Number of the qualification the learner is registered on, with or without slashes (601/3734/4 or 60137344)'),
  registered: opt(date).describe('Date the learner was registered, YYYY-MM-DD'),
  'registration-number': opt(text).describe("The awarding body's registration number for this learner on this qualification"),
  site: opt(text).describe('Id of the learner\'s assessment site (from sites: in centre.yaml)'),
  assessor: opt(text).describe("Staff id of the learner's assessor (from centre.yaml)"),
  'optional-units': opt(textList).describe('Optional units the learner has chosen, by number or alias'),
  witnesses: opt(z.array(witnessSchema)).describe('Witnesses who give testimony on the learner\'s work'),
  evidence: opt(z.array(evidenceSchema)).describe('Evidence items, each mapped to the criteria it covers'),
  signoffs: opt(z.array(signoffSchema)).describe('Units the assessor has signed off as complete'),
  iqa: opt(z.array(iqaSchema)).describe('Internal quality assurance sampling records'),
  exemptions: opt(z.array(exemptionSchema)).describe('Units achieved by credit transfer, exemption or recognition of prior learning, not by evidence here'),
  claims: opt(z.array(claimSchema)).describe('Certification claims made to the awarding body'),
  breaks: opt(z.array(breakSchema)).describe('Breaks in learning'),
  withdrawn: opt(withdrawnSchema).describe('Set when the learner has withdrawn from the qualification'),
  transfers: opt(z.array(transferSchema)).describe('Earlier qualifications this learner moved from, most recent last'),
  notes: opt(text).describe('Notes on the portfolio'),
});

export type PortfolioInput = z.output<typeof portfolioSchema>;
