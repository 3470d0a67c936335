// Records changed after their unit was claimed, found by git's ancestry rather than by dates. A
// claim is final: the awarding body certificated the unit as it stood (folio check's
// changed-after-claim judges by the dates in the files, which anyone can set). A record on a
// claimed unit whose lines were last written by a commit that is not in the history of the
// commit that recorded the claim was changed after it, whatever date it carries: a later
// commit, or one on a branch merged after the claim. A change not yet committed is one too,
// unless the claim is not committed either (then both go into the same commit).
//
// The lines are blamed with the portfolio's other records (verify's one blame per portfolio);
// the ancestry costs one `git rev-list CLAIM..HEAD` per distinct claim commit, the commits
// HEAD has that the claim's commit does not: the walk stops at the claim's history.
import type { Finding } from '../diagnostics.js';
import { git, type BlameLine } from '../git/index.js';
import type { Index } from '../model/index.js';
import type { Learner } from '../model/types.js';
import { lineOffset, placeAt, recordAt, type SourceFile } from '../source.js';
import { short } from './people.js';
import type { DecisionRecord } from './records.js';

/** A record on a unit, as the claim check sees it: evidence items are records too. */
interface UnitRecord {
  kind: 'evidence' | DecisionRecord['kind'];
  file: string;
  label: string;
  units: string[];
  lines: number[];
  offsets: number[];
}

interface ClaimSpan {
  date: string;
  /** Canonical unit ids, or 'all' for a claim of the whole qualification. */
  units: Set<string> | 'all';
  lines: number[];
}

/** One portfolio's claims and the records on claimed units, before blame. */
export interface Claimed {
  learner: string;
  claims: ClaimSpan[];
  records: UnitRecord[];
  /** Every line to blame for them (the claims' and the records'). */
  lines: number[];
}

/** The same, with each line's origin. */
export interface ClaimCheck {
  learner: string;
  claims: Array<ClaimSpan & { origins: BlameLine[] }>;
  records: Array<UnitRecord & { origins: BlameLine[] }>;
}

export function claimsOf(learnerId: string, learner: Learner, source: SourceFile, index: Index, decisions: readonly DecisionRecord[]): Claimed {
  const claims: ClaimSpan[] = [];
  for (const c of learner.claims) {
    const span = recordAt(source, c.loc.path);
    if (!span || span.lines.length === 0) continue;
    const units = c.qualification !== undefined ? 'all' : new Set((c.units ?? []).map((u) => index.canonical(u.ref)));
    claims.push({ date: c.date, units, lines: span.lines });
  }
  const covered = (units: readonly string[]) => claims.some((c) => c.units === 'all' || units.some((u) => (c.units as Set<string>).has(u)));
  const records: UnitRecord[] = [];
  if (claims.length) {
    for (const e of learner.evidence) {
      const units = [...new Set(e.covers.map((c) => index.canonical(c.unitRef)))];
      const span = recordAt(source, e.loc.path);
      if (!span || !covered(units)) continue;
      // its assessment is a record of its own (below), with the line of its key: a line holding
      // both counts as the assessment's, so an assessment added later is reported once
      const a = e.assessment?.loc.path;
      const own = a && recordAt(source, a);
      const assessed = new Set(own ? [...own.lines, placeAt(source, { file: source.file, path: a, key: true }).line] : []);
      const lines = span.lines.filter((l) => !assessed.has(l));
      if (lines.length === 0) continue;
      records.push({ kind: 'evidence', file: source.file, label: `evidence ${e.id}`, units, lines, offsets: lines.map((l, i) => (i === 0 && l === span.lines[0] ? span.offset : lineOffset(source, l))) });
    }
    for (const d of decisions) if (covered(d.units)) records.push({ kind: d.kind, file: d.file, label: `${d.label} by ${d.by}`, units: d.units, lines: d.lines, offsets: d.offsets });
  }
  // nothing on a claimed unit: nothing to blame, not even the claim
  return { learner: learnerId, claims, records, lines: records.length ? [...claims, ...records].flatMap((x) => x.lines) : [] };
}

export function claimCheck(claimed: Claimed, origins: ReadonlyMap<number, BlameLine>): ClaimCheck | undefined {
  if (claimed.claims.length === 0 || claimed.records.length === 0) return undefined;
  const of = (lines: number[]) =>
    lines.map((l) => {
      const o = origins.get(l);
      if (!o) throw new Error(`git blame gave no line ${l} of a portfolio of ${claimed.learner}`);
      return o;
    });
  return {
    learner: claimed.learner,
    claims: claimed.claims.map((c) => ({ ...c, origins: of(c.lines) })),
    records: claimed.records.map((r) => ({ ...r, origins: of(r.lines) })),
  };
}

const time = (o: BlameLine) => Date.parse(o.committer.date);

/** The commit that recorded a claim: the earliest of its lines' commits (null: not committed).
 * A line at a shallow clone's boundary stands for that commit: the claim is no later. */
export function claimCommit(origins: readonly BlameLine[]): string | null {
  const committed = origins.filter((o) => !o.uncommitted);
  if (committed.length === 0) return null;
  return committed.reduce((a, b) => (time(b) < time(a) ? b : a)).commit;
}

export type ClaimOrder = 'after-claim' | 'not-after' | 'unknown';

/**
 * Whether a line of a record was written after a claim. claim: the claim's commit, null when it
 * is not committed; outside: the commits HEAD has that the claim's commit does not have in its
 * history (rev-list CLAIM..HEAD). Every line blamed in the working tree comes from HEAD's
 * history, so a commit not in outside is the claim's commit or one of its ancestors.
 */
export function orderToClaim(claim: string | null, line: Pick<BlameLine, 'commit' | 'uncommitted' | 'boundary'>, outside: ReadonlySet<string>): ClaimOrder {
  // an uncommitted claim will be committed on top of everything there is, changes included
  if (claim === null) return 'not-after';
  if (line.uncommitted) return 'after-claim';
  // A line at a shallow clone's boundary was written there or earlier: before the claim when
  // that commit is in the claim's history; otherwise unknown, even when it is the claim's own
  // boundary commit (the claim may be older than the line, or not)
  if (line.boundary) return line.commit !== claim && !outside.has(line.commit) ? 'not-after' : 'unknown';
  return outside.has(line.commit) ? 'after-claim' : 'not-after';
}

/** The findings of every portfolio's claim check: one rev-list per distinct claim commit. */
export function changedAfterClaim(checks: readonly ClaimCheck[], top: string): Finding[] {
  const outside = new Map<string, Set<string>>();
  const commitsOutside = (commit: string) => {
    let s = outside.get(commit);
    if (!s) {
      if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(commit)) throw new Error(`not a commit id: ${commit}`);
      s = new Set(git(top, ['rev-list', `${commit}..HEAD`, '--']).split('\n').filter((l) => l !== ''));
      outside.set(commit, s);
    }
    return s;
  };
  const out: Finding[] = [];
  for (const check of checks) {
    const claims = check.claims.map((c) => ({ ...c, commit: claimCommit(c.origins) }));
    for (const r of check.records) {
      // a record is reported once, against the first claim (in file order) it was changed after
      let found: { claim: (typeof claims)[number]; unit: string; i: number } | undefined;
      for (const claim of claims) {
        const unit = claim.units === 'all' ? r.units[0] : r.units.find((u) => (claim.units as Set<string>).has(u));
        if (unit === undefined || claim.commit === null) continue;
        const set = commitsOutside(claim.commit);
        const i = r.origins.findIndex((o) => orderToClaim(claim.commit, o, set) === 'after-claim');
        if (i >= 0) {
          found = { claim, unit, i };
          break;
        }
      }
      if (found) out.push(changed(check.learner, r, found.claim, found.unit, found.i));
    }
  }
  return out;
}

function changed(learner: string, r: UnitRecord & { origins: BlameLine[] }, claim: ClaimSpan & { commit: string | null }, unit: string, i: number): Finding {
  const o = r.origins[i]!;
  const how = o.uncommitted ? 'changes not yet committed changed it' : `commit ${short(o.commit)} of ${o.committer.date.slice(0, 10)} changed it, and that commit is not in the history of the claim's commit, whatever date the record carries`;
  const data = { learner, unit, record: r.kind, label: r.label, line: r.lines[i]!, commit: o.uncommitted ? null : o.commit, claimCommit: claim.commit, claimDate: claim.date };
  return {
    code: 'verify-changed-after-claim',
    messageId: o.uncommitted ? 'uncommitted-after-claim' : 'committed-after-claim',
    data,
    target: { file: r.file, offset: r.offsets[i]! },
    message: `the ${r.label} on unit ${unit} was changed after the claim of ${claim.date} was committed in ${short(claim.commit!)}: ${how}. A claimed unit's evidence and decisions are final: undo the change, or record it with the awarding body and correct the claim`,
  };
}
