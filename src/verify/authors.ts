// Is each record on file as written by the person it names? Every line of the record must come
// from a commit authored by that staff member; a line not committed, or older than a shallow
// clone's history, has no author on record and is reported as such, never guessed.
import type { Code, Finding } from '../diagnostics.js';
import type { BlameLine } from '../git/index.js';
import { named, short, whoIs, type StaffBook } from './people.js';
import type { DecisionRecord } from './records.js';

/** A record with the origin of each of its lines (aligned with record.lines). */
export interface Attributed {
  record: DecisionRecord;
  origins: BlameLine[];
}

const at = (code: Code, r: DecisionRecord, i: number, message: string): Finding => ({ code, message, target: { file: r.file, offset: r.offsets[i]! } });

const lineList = (lines: number[]) => (lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(', ')}`);

export function authorFindings({ record: r, origins }: Attributed, staff: StaffBook, learnerEmail?: string): Finding[] {
  const out: Finding[] = [];
  const cut = origins.findIndex((o) => o.boundary);
  if (cut >= 0) {
    const o = origins[cut]!;
    out.push(
      at(
        'verify-history-missing',
        r,
        cut,
        `who wrote the ${r.label} by ${r.by} cannot be known: line ${r.lines[cut]} comes from commit ${short(o.commit)}, where this shallow clone's history stops, and the commit that wrote it was not fetched. Fetch the whole history (git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0) and verify again`,
      ),
    );
  }
  const open = origins.flatMap((o, i) => (o.uncommitted ? [i] : []));
  if (open.length) {
    out.push(at('verify-uncommitted', r, open[0]!, `the ${r.label} by ${r.by} is not committed (${lineList(open.map((i) => r.lines[i]!))}): commit it, as ${r.by}, so its author is on record`));
  }
  const member = staff.get(r.by);
  if (!member || member.emails.length === 0) return out; // nothing to compare with: reported once, at the staff entry
  const reported = new Set<string>();
  origins.forEach((o, i) => {
    if (o.boundary || o.uncommitted || reported.has(o.commit) || staff.owns(r.by, o.author.email)) return;
    reported.add(o.commit);
    // git knows lines, not fields: say so when the line holds more than the record
    const line = r.lines[i]!;
    const also = r.shared.includes(line) ? ` (line ${line} also holds other fields, and git cannot tell which of them a commit changed: keep each decision on lines of its own, e.g. assessment: on its own line)` : '';
    out.push(
      at(
        'verify-author',
        r,
        i,
        `the ${r.label} by ${r.by} was committed by ${whoIs(o.author, staff, learnerEmail)} in ${short(o.commit)} "${o.summary}", not by ${named(member)}${also}: staff record their own decisions, so ${r.by} must commit it from their own account (re-commit it as them), or correct by: if someone else made the decision`,
      ),
    );
  });
  return out;
}
