// The shape of every cache entry, checked before use. An entry passes its MAC only if this
// user's folio wrote it, but a bug, a key shared by mistake or a hand-made entry must still be
// a miss rather than a crash in a formatter: each entry is walked once, by hand (the schema
// library is not loaded on a warm run), checking what later code reads. Keys this file does
// not know are allowed, so a field added to a result by a later change still passes.
import { CODES } from '../diagnostics.js';

type Check = (v: unknown) => boolean;

const str: Check = (v) => typeof v === 'string';
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const bool: Check = (v) => typeof v === 'boolean';
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v);
const nullable =
  (c: Check): Check =>
  (v) =>
    v === null || c(v);
const arr =
  (c: Check): Check =>
  (v) => {
    if (!Array.isArray(v)) return false;
    for (const x of v) if (!c(x)) return false;
    return true;
  };
const record =
  (c: Check): Check =>
  (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    for (const k in v) if (!c((v as Record<string, unknown>)[k])) return false;
    return true;
  };
/** An object with these fields; a key ending in '?' may be absent (or undefined). */
function obj(fields: Record<string, Check>): Check {
  const list = Object.entries(fields).map(([k, c]) => (k.endsWith('?') ? ([k.slice(0, -1), c, true] as const) : ([k, c, false] as const)));
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    const o = v as Record<string, unknown>;
    for (const [k, c, optional] of list) {
      const x = o[k];
      if (x === undefined ? !optional : !c(x)) return false;
    }
    return true;
  };
}

const path = arr((v) => typeof v === 'string' || typeof v === 'number');
const loc = obj({ file: str, path });

/** A plain JSON value (diagnostics.ts Json), as a finding's data holds; nesting is bounded so a
 * hand-made entry cannot make the walk itself deep. */
const json = (v: unknown, depth = 0): boolean => {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (depth > 8 || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.every((x) => json(x, depth + 1));
  for (const k in v) if (!json((v as Record<string, unknown>)[k], depth + 1)) return false;
  return true;
};
const data: Check = (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && json(v);

const diagnostic = obj({
  code: (v) => typeof v === 'string' && Object.hasOwn(CODES, v),
  severity: oneOf('error', 'warning'),
  message: str,
  'messageId?': str,
  'data?': data,
  file: str,
  line: num,
  column: num,
  'excerpt?': str,
  'excerptColumn?': num,
});
const diagnostics = arr(diagnostic);

const qualificationStatus = oneOf('achieved', 'claimed', 'certificated', 'in-progress', 'not-started');

/** A LearnerSummary (status/types.ts). */
const head = obj({ id: str, dir: str, file: str, name: str, 'assessor?': str, 'uln?': str, status: qualificationStatus, gaps: num, 'withdrawn?': str, 'onBreak?': str, optionalUnits: arr(obj({ ref: str, path })) });

const specsDeps = record(str);
/** A learner's head entry: their summary (what a check needs), and what it rests on. */
export const headEntry = obj({
  asOf: str,
  latest: str,
  deps: obj({ specs: specsDeps, catalogue: str, centre: str, listings: record(str) }),
  head,
  diagnostics,
  result: str,
});

const strs = arr(str);
const shortfall = obj({ reason: str, 'pending?': strs, 'referred?': strs, 'items?': strs, 'methods?': strs, 'have?': strs, 'need?': num, 'witnesses?': strs });
const criterion = obj({
  id: str,
  outcome: str,
  'text?': str,
  status: oneOf('met', 'insufficient', 'awaiting-assessment', 'not-yet', 'missing'),
  evidence: strs,
  shortfalls: arr(shortfall),
  pending: strs,
});
const claimShape = obj({ date: str, 'reference?': str, 'certificate?': str });
const dated = obj({ by: str, date: str, 'feedback?': str });
const unit = obj({
  id: str,
  'title?': str,
  'credits?': num,
  'level?': num,
  'group?': str,
  mandatory: bool,
  status: oneOf('achieved', 'exempted', 'claimed', 'certificated', 'ready-for-signoff', 'in-progress', 'not-started', 'unknown'),
  criteria: arr(criterion),
  met: num,
  total: num,
  'signoff?': dated,
  'iqaNotAgreed?': dated,
  'earlySignoff?': obj({ by: str, date: str, open: strs, since: str }),
  'exemption?': obj({ kind: oneOf('credit-transfer', 'exemption', 'rpl'), date: str, 'reference?': str }),
  'claim?': claimShape,
});
const rule = obj({ id: str, kind: str, 'group?': str, status: oneOf('met', 'unmet', 'unknown'), message: str, 'need?': num, 'have?': num, 'planned?': num, 'units?': strs, 'unknownUnits?': strs });
/** A learner's full result, as the status engine made it (less each criterion's wording). */
export const learnerResult = obj({
  id: str,
  name: str,
  qualification: str,
  'qualificationTitle?': str,
  qualificationKnown: bool,
  'assessor?': str,
  'uln?': str,
  'registered?': str,
  groups: arr(obj({ id: str, 'title?': str })),
  status: qualificationStatus,
  credits: obj({ achieved: num, required: nullable(num), unknownUnits: strs }),
  units: arr(unit),
  rules: arr(rule),
  criteria: obj({ met: num, total: num }),
  unitsAchieved: num,
  unitsNeeded: num,
  'withdrawn?': obj({ date: str, 'reason?': str, 'by?': str }),
  'breaks?': arr(obj({ from: str, 'to?': str, 'reason?': str })),
  'claim?': claimShape,
  'exemptions?': arr(obj({ unit: str, kind: oneOf('credit-transfer', 'exemption', 'rpl'), date: str, 'reference?': str, by: str })),
  'claims?': arr(obj({ date: str, 'qualification?': str, 'units?': strs, by: str, 'reference?': str, 'certificate?': str, 'certificateDate?': str })),
  'transfers?': arr(obj({ date: str, from: str, 'by?': str, 'reason?': str })),
});

const methodRules = { 'methods?': strs, 'requires?': strs };
const specCriterion = obj({ id: str, 'text?': str, 'guidance?': str, outcome: str, rules: obj({ ...methodRules, minEvidence: num }), loc });
const outcome = obj({ id: str, 'title?': str, 'type?': oneOf('knowledge', 'performance'), criteria: arr(specCriterion), loc });
const specUnit = obj({ id: str, aliases: strs, 'title?': str, 'level?': num, 'credits?': num, 'glh?': num, sources: strs, 'guidance?': str, outcomes: arr(outcome), loc });
const group = obj({
  id: str,
  'title?': str,
  units: arr(obj({ ref: str, loc })),
  requiredAll: bool,
  'minCredits?': num,
  'maxCredits?': num,
  'minUnits?': num,
  'maxUnits?': num,
  loc,
});
const qualification = obj({
  id: str,
  title: str,
  'level?': num,
  'minCredits?': num,
  groups: arr(group),
  barred: arr(obj({ units: strs, loc })),
  'minCreditsAtLevel?': obj({ level: num, credits: num }),
  loc,
});
const staff = obj({ id: str, name: str, roles: strs, emails: strs, loc });
const centre = obj({ name: str, 'number?': str, 'currencyYears?': num, loc, staffList: arr(staff) });
/** The specs entry: every spec assessed, its findings and the catalogue key. */
export const specsEntry = obj({
  specs: obj({ units: arr(specUnit), qualifications: arr(qualification), 'centre?': centre, unreadableSpecs: strs }),
  diagnostics,
  catalogue: str,
});

// A path from the centre's folder with no step out of it: a file a report links to or copies.
const plainPath: Check = (v) => typeof v === 'string' && v !== '' && !v.includes('\\') && v.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
const evidenceRecord = obj({
  id: str,
  'title?': str,
  // Shown as words, never looked up: the list of methods lives with the schemas, not loaded here.
  method: str,
  'date?': str,
  'witness?': str,
  'location?': obj({ kind: oneOf('file', 'url', 'ref'), value: str }),
  'file?': plainPath,
  'fileProblem?': oneOf('missing', 'not-a-file', 'outside'),
  covers: arr(obj({ unit: str, criteria: strs })),
  'assessment?': obj({ by: str, date: str, decision: oneOf('accepted', 'not-yet'), 'feedback?': str }),
});
/** A report's records of a learner (api/records.ts PortfolioRecords), with what they rest on
 * besides the portfolio's text and the catalogue (in the key): the as-of day they were read for,
 * the latest date in the record, and the evidence folders listed. */
export const recordsEntry = obj({
  asOf: str,
  latest: str,
  listings: record(str),
  records: obj({
    learner: str,
    evidence: arr(evidenceRecord),
    witnesses: arr(obj({ id: str, name: str, 'relationship?': str, 'status?': str })),
    signoffs: arr(obj({ unit: str, by: str, date: str })),
    iqa: arr(obj({ unit: str, by: str, date: str, stage: oneOf('interim', 'summative'), decision: oneOf('agreed', 'not-agreed'), evidence: strs, 'feedback?': str })),
    'lastEvidence?': str,
  }),
});

/** The entry parsed, if it has the shape; undefined for anything else (a miss). */
export function parseAs<T>(shape: Check, text: string): T | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return shape(v) ? (v as T) : undefined;
  } catch {
    return undefined;
  }
}
