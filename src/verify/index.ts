// folio verify: is every assessment decision, sign-off and IQA record in the portfolios on file
// as committed by the staff member it names? A centre that keeps portfolios in git has an
// audit trail that closed e-portfolios sell as e-signatures; this reads it. Plain data out:
// diagnostics in the check format and counts; the command line prints them.
//
//   verifyCentre({ root, reader, learners?, signed? }) → VerifyResult; throws VerifyError when
//   verify cannot run at all (no git, not a repository, blame.ignoreRevsFile set, no centre
//   file, unknown learner): a usage error, not a finding.
//
// Cost in git processes: 3 to find the repository and its blame settings, then, for fewer
// than WALK_FROM portfolios, ONE `git blame` per portfolio (only the records' lines), and for
// more, ONE walk over the history of portfolios/ for them all (4 processes: git/origins.ts)
// plus a blame for each portfolio it leaves to blame (changed in the working tree, say); then
// one `git cat-file --batch` for the commits' recorded authors, one more per 100 portfolios
// with IQA records for the portfolios as each IQA record's commit left them and, with signed,
// one `git log --no-walk` for the signatures of every commit involved (plus one cat-file when
// some are unsigned).
// For the plans in iqa/plans/, one blame per plan file and one `git rev-list --ancestry-path`
// per commit that wrote plan lines and has an IQA record to compare with; one `git rev-list`
// per commit that recorded a claim (claims.ts). Never one per record or line.
import { compareDiagnostics, type Diagnostic, type Finding } from '../diagnostics.js';
import { batchRead, blameContext, isMissing, logCommits, type Located } from '../git/index.js';
import { CENTRE_FILE, listLearners } from '../load/files.js';
import type { Reader } from '../load/reader.js';
import { locationOf, type CentreLocation } from '../locate.js';
import type { Staff } from '../model/types.js';
import { modelStage } from '../pipeline/learner.js';
import { resolveAll } from '../pipeline/positions.js';
import { specStage } from '../pipeline/specs.js';
import { attributor } from './attribution.js';
import { changedAfterClaim, claimCheck, claimsOf, type ClaimCheck } from './claims.js';
import { authorChecks, authorFindings, readAuthors, unattributed, type Attributed, type AuthorCheck } from './authors.js';
import { blobOf, editedAfterIqa, iqaChecks, type IqaCheck } from './iqa.js';
import { staffBook } from './people.js';
import { beforePlanFindings, plannedSamples } from './plans.js';
import { descendantsIn } from '../eqa/provenance.js';
import { learnerEmail, recordsOf } from './records.js';
import { signatureFindings, type SignedLine } from './signatures.js';

export interface VerifyOptions {
  /** The centre's folder (where specs/ is). */
  root: string;
  /** Where the centre is in its repository, when the caller has located it already. */
  location?: CentreLocation;
  reader: Reader;
  /** Only these learners (folder names); every learner when absent. */
  learners?: string[];
  /** Also require a good signature by the named staff member on every commit behind a record. */
  signed?: boolean;
  progress?: (done: number, total: number) => void;
  /** From how many portfolios to walk the history once instead of blaming each (default
   * WALK_FROM in attribution.ts; the answer is the same either way). */
  walkFrom?: number;
}

export interface VerifyResult {
  diagnostics: Diagnostic[];
  /** Portfolios verified. */
  portfolios: number;
  /** Records found in them (assessment decisions, sign-offs, IQA records). */
  records: number;
  /** Records whose authors could be checked: the staff member they name has an email. */
  verified: number;
  /** Records naming a staff id that is not in centre.yaml (folio check reports unknown-staff). */
  unknownStaff: number;
  /** Learners whose portfolio could not be read (folio check says why). */
  unreadable: string[];
  /** The centre's folder inside the repository ('' at its top), for CI paths. */
  prefix: string;
}

/** verify cannot run: the message says why and what to do. */
export class VerifyError extends Error {}

export function verifyCentre(opts: VerifyOptions): VerifyResult {
  const { reader } = opts;
  const { repository, noRepository } = opts.location ?? locationOf(opts.root);
  if (!repository) throw new VerifyError(notARepository(noRepository!, opts.root));
  const { top, prefix } = repository;
  const context = blameContext(top);
  if (context.ignoreRevsFiles.length) {
    throw new VerifyError(
      `this repository sets blame.ignoreRevsFile (${context.ignoreRevsFiles.join(', ')}), which makes git credit the lines of the commits listed there to earlier authors: folio verify would name the wrong person. Unset it (git config --unset blame.ignoreRevsFile, and --global if it is set there) and verify again`,
    );
  }

  // No rules run: folio check reports what is wrong in the files; verify asks only who wrote them.
  const { specs, index } = specStage(reader, []);
  const centre = specs.centre;
  if (!centre) {
    throw new VerifyError(
      reader.isFile(CENTRE_FILE)
        ? `${CENTRE_FILE} cannot be read, so nobody's email is known: "folio check" shows why`
        : `there is no ${CENTRE_FILE}: folio verify compares who committed each decision with the staff and emails listed there`,
    );
  }
  const staff = staffBook(centre);
  const entries = listLearners(reader, opts.learners);
  const unknown = (opts.learners ?? []).filter((id) => !entries.some((e) => e.id === id));
  if (unknown.length) throw new VerifyError(`no learner ${unknown.join(', ')} in portfolios/: a learner is named by the folder that holds their portfolio.yaml`);

  const findings: Finding[] = [];
  const authorship: AuthorCheck[] = [];
  const signedLines: SignedLine[] = [];
  const iqa: IqaCheck[][] = [];
  const claims: ClaimCheck[] = [];
  const place = { top, prefix, context };
  const plans = plannedSamples(reader, place, index);
  const descendants = descendantsIn(place);
  const noEmail = new Map<string, { records: number; portfolios: Set<string> }>();
  const result: VerifyResult = { diagnostics: [], portfolios: 0, records: 0, verified: 0, unknownStaff: 0, unreadable: [], prefix: prefix.replace(/\/$/, '') };

  const attribute = attributor(top, prefix, entries.map((e) => `${prefix}${e.file}`), context, opts.walkFrom);
  for (const [n, entry] of entries.entries()) {
    // Who wrote each record needs the model, not the status.
    const { learner, source } = modelStage(reader, entry);
    if (!learner || !source) {
      if (opts.learners) throw new VerifyError(`the portfolio of ${entry.id} cannot be read: "folio check" shows why`);
      result.unreadable.push(entry.id);
      continue;
    }
    result.portfolios++;
    const all = recordsOf(learner, source, index);
    result.records += all.length;
    // A record naming someone not on the staff list does not count towards status, and
    // folio check reports it (unknown-staff): nothing to verify it against.
    const known = all.filter((r) => staff.get(r.by));
    result.unknownStaff += all.length - known.length;
    for (const r of known) {
      if (staff.get(r.by)!.emails.length) result.verified++;
      else {
        const x = noEmail.get(r.by) ?? { records: 0, portfolios: new Set() };
        x.records++;
        x.portfolios.add(entry.id);
        noEmail.set(r.by, x);
      }
    }

    const claimed = claimsOf(entry.id, learner, source, index, all);
    const origins = attribute(`${prefix}${entry.file}`, [...known.flatMap((r) => r.lines), ...claimed.lines]);
    const claim = claimCheck(claimed, origins);
    if (claim) claims.push(claim);
    const attributed: Attributed[] = known.map((record) => ({
      record,
      origins: record.lines.map((l) => {
        const o = origins.get(l);
        if (!o) throw new Error(`git blame gave no line ${l} of ${entry.file}`);
        return o;
      }),
    }));
    const email = learnerEmail(source);
    for (const a of attributed) {
      findings.push(...unattributed(a));
      authorship.push(...authorChecks(a, staff, email));
    }
    if (opts.signed) for (const a of attributed) signedLines.push(...commitsBehind(a));
    const planned = plans.get(entry.id);
    if (planned) findings.push(...beforePlanFindings(attributed, planned, descendants));
    const checks = iqaChecks(attributed);
    if (checks.length) iqa.push(checks);
    opts.progress?.(n + 1, entries.length);
  }

  const changers = iqa.flat().flatMap((c) => c.decisions.flatMap((d) => d.origins.filter((o) => !o.uncommitted).map((o) => o.commit)));
  const authors = readAuthors(top, [...authorship.map((c) => c.origin.commit), ...signedLines.map((l) => l.commit), ...changers]);
  findings.push(...authorFindings(authorship, authors, staff));
  // The portfolios as IQA records' commits left them, IQA_BATCH portfolios' at a time: read all
  // at once they were tens of MB at 1,000 learners, on top of everything else verify holds.
  for (let i = 0; i < iqa.length; i += IQA_BATCH) {
    const batch = iqa.slice(i, i + IQA_BATCH);
    const blobs = batchRead(top, batch.flat().map(blobOf));
    const texts = new Map<string, string | undefined>();
    for (const [spec, b] of blobs) texts.set(spec, isMissing(b) ? undefined : b.content.toString('utf8'));
    for (const checks of batch) findings.push(...editedAfterIqa(checks, texts, index, authors));
  }
  if (signedLines.length) {
    const commits = logCommits(top, { commits: [...new Set(signedLines.map((l) => l.commit))], signatures: true });
    findings.push(...signatureFindings(signedLines, new Map(commits.map((c) => [c.id, c])), staff, authors));
  }
  findings.push(...changedAfterClaim(claims, top));
  findings.push(...[...noEmail].map(([id, x]) => noEmailFinding(staff.get(id)!, x.records, x.portfolios.size)));
  result.diagnostics = resolveAll(reader, findings).sort(compareDiagnostics);
  return result;
}

/** How many portfolios' IQA checks read their old texts in one git process. */
const IQA_BATCH = 100;

/** Each commit behind a record, once, at the first line it wrote. */
function commitsBehind({ record, origins }: Attributed): SignedLine[] {
  const seen = new Set<string>();
  const out: SignedLine[] = [];
  origins.forEach((o, i) => {
    // an uncommitted or cut-off line is reported as such; it has no commit to check
    if (o.uncommitted || o.boundary || seen.has(o.commit)) return;
    seen.add(o.commit);
    out.push({ record, commit: o.commit, author: o.author, index: i });
  });
  return out;
}

function noEmailFinding(s: Staff, records: number, portfolios: number): Finding {
  const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  return {
    code: 'verify-no-email',
    messageId: 'no-email',
    data: { staff: s.id, name: s.name, records, portfolios },
    target: { file: s.loc.file, path: s.loc.path },
    message: `${s.id} (${s.name}) has no email in ${CENTRE_FILE}, so the ${n(records, 'record')} naming them in ${n(portfolios, 'portfolio')} cannot be checked against the commits that wrote them: add email: with the address(es) they commit with`,
  };
}

function notARepository(r: Extract<Located, { ok: false }>, root: string): string {
  const others = 'the other commands (check, status, gaps, spec) read the files and work without it';
  switch (r.reason) {
    case 'no-git':
      return `folio verify needs git, which is not installed (or not on PATH): it checks each decision against the commit that recorded it; ${others}`;
    case 'not-a-repository':
      return `folio verify needs a git repository, and ${root} is not in one: it checks each decision against the commit that recorded it; ${others}`;
    default:
      return `folio verify cannot read the git repository at ${root}: ${r.message}`;
  }
}
