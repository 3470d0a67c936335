// Which commit recorded each line of an EQA pack: the decisions, sign-offs and IQA records of a
// portfolio, and each sample of the plan file. An EQA asks "who recorded this, and when", and
// "was the sample planned before it was taken": git answers both, with the same attribution
// verify uses (one `git blame` per file, of the working tree or of the file as committed at
// --at), the authors as recorded in the commit objects (never .mailmap, which anyone who can
// commit can edit), and, for the order, git's ancestry rather than dates anyone can set.
//
// Cost in git processes: one blame per sampled portfolio and one for the plan file, one
// cat-file for every author, one rev-list per distinct commit that wrote plan lines.
import { blameContext, git, type BlameContext, type BlameLine } from '../git/index.js';
import { UsageError } from '../usage-error.js';
import { attribute } from '../verify/attribution.js';
import { readAuthors } from '../verify/authors.js';

/** The commit that recorded something, or why it is not known. */
export interface Provenance {
  /** The commit that first wrote its lines (the earliest, by committer time), or null. */
  commit: string | null;
  author: string | null;
  email: string | null;
  /** The committer's day of that commit, YYYY-MM-DD. */
  date: string | null;
  /** Later commits that changed some of its lines, oldest first. */
  later: string[];
  /** Why commit is null: no git repository, the lines are not committed, or a shallow clone's
   * history stops before them. */
  unknown?: 'no-repository' | 'not-committed' | 'history-cut';
}

export const NO_REPOSITORY: Provenance = { commit: null, author: null, email: null, date: null, later: [], unknown: 'no-repository' };

/** Where the lines are blamed: the repository, the centre's folder in it, and the commit (--at)
 * or the working tree (rev undefined). */
export interface GitPlace {
  top: string;
  prefix: string;
  rev?: string;
  context: BlameContext;
}

export function gitPlace(repository: { top: string; prefix: string } | undefined, rev: string | undefined): GitPlace | undefined {
  if (!repository) return undefined;
  const context = blameContext(repository.top);
  if (context.ignoreRevsFiles.length) {
    throw new UsageError(`this repository sets blame.ignoreRevsFile (${context.ignoreRevsFiles.join(', ')}), which makes git credit lines to earlier authors: the pack would name the wrong commits. Unset it (git config --unset blame.ignoreRevsFile) and try again`);
  }
  return { top: repository.top, prefix: repository.prefix, ...(rev !== undefined ? { rev } : {}), context };
}

/** The origins of each group of lines of one centre file (groups in, origins out, same order). */
export function blameGroups(place: GitPlace, file: string, groups: readonly number[][]): BlameLine[][] {
  const origins = attribute(place.top, `${place.prefix}${file}`, groups.flat(), place.context, place.rev);
  return groups.map((lines) =>
    lines.map((l) => {
      const o = origins.get(l);
      if (!o) throw new Error(`git blame gave no line ${l} of ${file}`);
      return o;
    }),
  );
}

const time = (o: BlameLine) => Date.parse(o.committer.date);

/** The provenance of lines, once authors are read (see provenanceOf). */
export function provenanceOf(origins: readonly BlameLine[], authors: ReadonlyMap<string, { name: string; email: string }>): Provenance {
  const none = { commit: null, author: null, email: null, date: null, later: [] };
  if (origins.some((o) => o.boundary)) return { ...none, unknown: 'history-cut' };
  const committed = origins.filter((o) => !o.uncommitted);
  if (committed.length === 0) return { ...none, unknown: 'not-committed' };
  const first = committed.reduce((a, b) => (time(b) < time(a) ? b : a));
  const later = [...new Set([...committed].sort((a, b) => time(a) - time(b)).map((o) => o.commit))].filter((c) => c !== first.commit);
  const who = authors.get(first.commit) ?? first.author;
  return { commit: first.commit, author: who.name, email: who.email, date: first.committer.date.slice(0, 10), later };
}

/** The authors of the commits behind these origins, as their commit objects record them. */
export function authorsOf(place: GitPlace, origins: readonly BlameLine[]): Map<string, { name: string; email: string }> {
  return readAuthors(place.top, origins.filter((o) => !o.uncommitted && !o.boundary).map((o) => o.commit));
}

/** Whether an IQA record came after the plan line that asked for it. */
export type PlanOrder = 'after-plan' | 'before-plan' | 'dated-before-plan' | 'unknown';

/**
 * dated-before-plan: the record is dated before the day the plan was made as of, so it was not
 * a sample of this plan (a later plan may take in a unit sampled already); after-plan: the
 * plan's line is in the history of the record's commit (written in an earlier commit), or the
 * record is not committed yet while the plan is; before-plan: it is not, so the record was on
 * file first, in the same commit, or on a branch without the plan, while dated as if the plan
 * came first (the plan's day set back, or the record's set forward); unknown: either one's
 * commit cannot be known.
 */
export function planOrder(
  planned: Provenance,
  recorded: Provenance,
  days: { record: string; plan: string },
  descendants: (commit: string) => ReadonlySet<string>,
): PlanOrder {
  if (days.record < days.plan) return 'dated-before-plan';
  if (planned.unknown === 'no-repository' || planned.unknown === 'history-cut' || recorded.unknown === 'history-cut' || recorded.unknown === 'no-repository') return 'unknown';
  if (recorded.unknown === 'not-committed') return planned.commit ? 'after-plan' : 'unknown';
  if (!planned.commit) return 'before-plan';
  return descendants(planned.commit).has(recorded.commit!) ? 'after-plan' : 'before-plan';
}

/** The commits that have this one in their history, up to the pack's tip: one process each. */
export function descendantsIn(place: GitPlace): (commit: string) => ReadonlySet<string> {
  const seen = new Map<string, Set<string>>();
  const tip = place.rev ?? 'HEAD';
  return (commit) => {
    let s = seen.get(commit);
    if (!s) {
      if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(commit) || tip.startsWith('-')) throw new Error(`not a commit id: ${commit}`);
      const out = git(place.top, ['rev-list', '--ancestry-path', `${commit}..${tip}`, '--']);
      s = new Set(out.split('\n').filter((l) => l !== ''));
      seen.set(commit, s);
    }
    return s;
  };
}
