// Who wrote each line of the records of the portfolios verify is asked about. Two ways, the
// same answer: ONE `git blame` of the working-tree file per portfolio, limited to the records'
// lines, or, for many portfolios, ONE walk over the history of portfolios/ (git/origins.ts)
// that carries every portfolio's line origins forward by blame's own rules. A blame walks the
// history back from HEAD for its one file, so blaming every learner costs learners × history;
// the walk costs the history once. For a few learners blame is cheaper: the walk reads the
// whole centre's diffs (see WALK_FROM). A portfolio the walk cannot answer for exactly (changed
// in the working tree, never committed, renamed from a file it did not follow) is blamed.
import { blame, GitError, walkOrigins, type BlameContext, type BlameLine, type FileOrigins } from '../git/index.js';
import { PORTFOLIOS_DIR } from '../load/files.js';

const ZERO = '0'.repeat(40);

/** From how many portfolios one walk over the history costs less than a blame of each. One
 * blame and the walk both grow with the length of the history (the blame walks back to the
 * portfolio's first commit; the walk reads every commit's diff of portfolios/ once), so the
 * break-even is about the same whatever the history's length: measured at 20–40 portfolios
 * on generated centres (README, "Long histories"). */
export const WALK_FROM = 24;

/** FOLIO_WALK_FROM=N sets it (0 or 1: always walk), as FOLIO_WORKERS sets the workers: to
 * measure both ways on a centre, and to run verify's tests through the walk. */
function walkFromEnv(): number {
  const v = process.env.FOLIO_WALK_FROM;
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : WALK_FROM;
}

export type Attribute = (path: string, lines: readonly number[]) => Map<number, BlameLine>;

/** An attributor for these portfolio files (paths from the repository top). */
export function attributor(top: string, prefix: string, paths: readonly string[], context: BlameContext, walkFrom = walkFromEnv()): Attribute {
  const walked =
    paths.length > 0 && paths.length >= walkFrom
      ? walkOrigins(top, `${prefix}${PORTFOLIOS_DIR}/`, paths, { shallow: context.shallow, tracks: (p) => /(^|\/)portfolio\.ya?ml$/.test(p) })
      : new Map<string, FileOrigins>();
  return (path, lines) => {
    const all = walked.get(path);
    if (!all) return attribute(top, path, lines, context);
    walked.delete(path); // each portfolio is asked once; its origins are not kept after
    const out = new Map<number, BlameLine>();
    for (const l of lines) {
      const o = all.at(l);
      if (o) out.set(l, o);
    }
    return out;
  };
}

/** Each asked line's origin, by line number, from one blame: of the working-tree file, or with rev of the file
 * as committed there (an EQA pack built --at a past commit). */
export function attribute(top: string, path: string, lines: readonly number[], context: BlameContext, rev?: string): Map<number, BlameLine> {

  const out = new Map<number, BlameLine>();
  if (lines.length === 0) return out;
  let blamed: BlameLine[];
  try {
    blamed = blame(top, path, { ranges: ranges(lines), context, ...(rev !== undefined ? { rev } : {}) });
  } catch (e) {
    // A portfolio never committed (untracked, or no commit at all yet) is blamed by nobody:
    // every line of it is uncommitted, as blame says of a staged file.
    if (rev !== undefined || !(e instanceof GitError) || !/no such path .* in HEAD|no such ref: HEAD|bad revision 'HEAD'/.test(e.stderr)) throw e;
    blamed = lines.map((line) => uncommitted(line));
  }
  for (const l of blamed) out.set(l.line, l);
  return out;
}

/** Ascending line numbers → git -L ranges, adjacent lines joined. */
export function ranges(lines: readonly number[]): Array<[number, number]> {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const out: Array<[number, number]> = [];
  for (const l of sorted) {
    const last = out[out.length - 1];
    if (last && l <= last[1] + 1) last[1] = Math.max(last[1], l);
    else out.push([l, l]);
  }
  return out;
}

function uncommitted(line: number): BlameLine {
  const nobody = { name: 'Not Committed Yet', email: 'not.committed.yet', date: '' };
  return { line, text: '', commit: ZERO, author: nobody, committer: nobody, summary: '', origLine: line, origPath: '', boundary: false, uncommitted: true };
}
