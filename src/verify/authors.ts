// Is each record on file as written by the person it names? Every line of the record must come
// from a commit authored by that staff member; a line not committed, or older than a shallow
// clone's history, has no author on record and is reported as such, never guessed.
//
// The author compared is the one recorded in the commit object, not the one git blame shows:
// blame applies .mailmap from the working tree, and anyone who can commit can add a line there
// that shows their commits under an assessor's name. Reading the commit objects takes one
// `git cat-file` for every commit of every portfolio, so authors are compared after all
// portfolios are blamed (authorChecks now, authorFindings then).
import { q, type Finding } from '../diagnostics.js';
import { batchRead, isMissing, parseCommit, type BlameLine, type Person } from '../git/index.js';
import { named, short, whoIs, type StaffBook } from './people.js';
import { finding as at, type DecisionRecord } from './records.js';

/** A record with the origin of each of its lines (aligned with record.lines). */
export interface Attributed {
  record: DecisionRecord;
  origins: BlameLine[];
}

/** One commit behind one record whose staff member has an email: compared once commits are read. */
export interface AuthorCheck {
  record: DecisionRecord;
  /** The record's first line from this commit (an index into record.lines). */
  index: number;
  origin: BlameLine;
  learnerEmail?: string;
}

/** Commit → its author as recorded in the commit object. */
export type Authors = Map<string, Person>;

const lineList = (lines: number[]) => (lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(', ')}`);

/** Lines with no author on record: older than a shallow clone's history, or not committed. */
export function unattributed({ record: r, origins }: Attributed): Finding[] {
  const out: Finding[] = [];
  const cut = origins.findIndex((o) => o.boundary);
  if (cut >= 0) {
    const o = origins[cut]!;
    out.push(
      at(
        'verify-history-missing',
        r,
        cut,
        { id: 'shallow-clone', data: { commit: o.commit } },
        `who wrote the ${r.label} by ${r.by} cannot be known: line ${r.lines[cut]} comes from commit ${short(o.commit)}, where this shallow clone's history stops, and the commit that wrote it was not fetched. Fetch the whole history (git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0) and verify again`,
      ),
    );
  }
  const open = origins.flatMap((o, i) => (o.uncommitted ? [i] : []));
  if (open.length) {
    out.push(at('verify-uncommitted', r, open[0]!, { id: 'not-committed', data: { lines: open.map((i) => r.lines[i]!) } }, `the ${r.label} by ${r.by} is not committed (${lineList(open.map((i) => r.lines[i]!))}): commit it, as ${r.by}, so its author is on record`));
  }
  return out;
}

/** The commits behind a record whose author can be compared with the staff member it names. */
export function authorChecks({ record, origins }: Attributed, staff: StaffBook, learnerEmail?: string): AuthorCheck[] {
  // no email: nothing to compare with, reported once at the staff entry
  if (!staff.get(record.by)?.emails.length) return [];
  const seen = new Set<string>();
  const out: AuthorCheck[] = [];
  origins.forEach((origin, index) => {
    if (origin.boundary || origin.uncommitted || seen.has(origin.commit)) return;
    seen.add(origin.commit);
    out.push({ record, index, origin, learnerEmail });
  });
  return out;
}

export function authorFindings(checks: AuthorCheck[], authors: Authors, staff: StaffBook): Finding[] {
  const out: Finding[] = [];
  for (const { record: r, index: i, origin: o, learnerEmail } of checks) {
    const author = authors.get(o.commit) ?? o.author;
    if (staff.owns(r.by, author.email)) continue;
    const member = staff.get(r.by)!;
    const mapped = author.email.toLowerCase() !== o.author.email.toLowerCase() ? ` (shown as ${o.author.name} <${o.author.email}> through .mailmap, which verify does not follow: anyone who can commit can edit it)` : '';
    // git knows lines, not fields: say so when the line holds more than the record
    const line = r.lines[i]!;
    const also = r.shared.includes(line) ? ` (line ${line} also holds other fields, and git cannot tell which of them a commit changed: keep each decision on lines of its own, e.g. assessment: on its own line)` : '';
    out.push(
      at(
        'verify-author',
        r,
        i,
        // Through .mailmap or not, and whether the line holds more than the record, are data.
        {
          id: 'other-author',
          data: { commit: o.commit, author: { name: author.name, email: author.email }, shownAs: mapped ? { name: o.author.name, email: o.author.email } : null, sharedLine: !!also },
        },
        `the ${r.label} by ${r.by} was committed by ${whoIs(author, staff, learnerEmail)}${mapped} in ${short(o.commit)} ${q(o.summary)}, not by ${named(member)}${also}: staff record their own decisions, so ${r.by} must commit it from their own account (re-commit it as them), or correct by: if someone else made the decision`,
      ),
    );
  }
  return out;
}

/** Who each commit says its author is, before any .mailmap (one cat-file for them all). */
export function readAuthors(top: string, commits: string[]): Authors {
  const out: Authors = new Map();
  const unique = [...new Set(commits)];
  if (unique.length === 0) return out;
  for (const [id, obj] of batchRead(top, unique)) {
    const author = isMissing(obj) ? undefined : parseCommit(obj.content).author;
    if (author) out.set(id, { name: author.name, email: author.email, date: '' });
  }
  return out;
}
