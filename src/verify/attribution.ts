// Who wrote each line of the records of one portfolio: ONE `git blame` of the working-tree
// file per portfolio, limited to the records' lines, so git stops walking history as soon as
// those lines are attributed (a long history behind other lines costs nothing).
import { blame, GitError, type BlameContext, type BlameLine } from '../git/index.js';

const ZERO = '0'.repeat(40);

/** Each asked line's origin, by line number: of the working-tree file, or with rev of the file
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
