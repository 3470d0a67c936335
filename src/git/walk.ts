// Reads `git log -p -m` over a folder of the history as a stream of commits, each with the
// changes it made against each of its parents, for origins.ts (who wrote each line of many
// files from ONE walk). Only what line tracking needs is kept: the paths, blob ids and hunk
// headers; the lines' text is skipped as it streams past, so memory holds one commit's
// changes, never the history's.
//
//   walkArgs(pathspec)           → the git log arguments whose output parse() reads
//   class LogParser              → push(line) each line; onCommit gets every commit once, with
//                                  one Block per parent it differs from (git leaves out the
//                                  parents it does not differ from), oldest commit first
import { unquote } from './blame.js';

export interface CommitHead {
  id: string;
  parents: string[];
  author: { name: string; email: string; time: string; tz: string };
  committer: { name: string; email: string; time: string; tz: string };
  /** The first line of the message, as git blame gives it. */
  summary: string;
}

export interface Hunk {
  /** 1-based start and count on each side, as in "@@ -a,b +c,d @@". */
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
}

export interface Section {
  /** undefined for a file the commit added; `to` undefined for one it deleted. */
  from?: string;
  to?: string;
  oldBlob?: string;
  newBlob?: string;
  hunks: Hunk[];
  binary: boolean;
}

/** The changes against one parent (which one is left to the reader: git does not say). */
export type Block = Section[];

const FIELDS = 10;
const MARK = '\x01';

/** ASCII unit separator as the field separator of the commit line, message last. */
export function walkArgs(pathspec: string): string[] {
  return [
    'log',
    '--reverse',
    '--topo-order',
    '--full-history',
    '--parents',
    '--root',
    '-m',
    '-p',
    '-U0',
    '--inter-hunk-context=0',
    '-M',
    '--full-index',
    '--no-ext-diff',
    '--no-textconv',
    '--no-color',
    '--diff-algorithm=myers',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    '--date=format:%z',
    `--format=${MARK}%H %P%x00%aN%x00%aE%x00%at%x00%ad%x00%cN%x00%cE%x00%ct%x00%cd%x00%B%x00`,
    'HEAD',
    '--',
    pathspec,
  ];
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

export class LogParser {
  private head: string[] | undefined;
  private pending = '';
  private commit: CommitHead | undefined;
  private blocks: Block[] = [];
  private section: Section | undefined;
  private inHunks = false;

  constructor(private readonly onCommit: (c: CommitHead, blocks: Block[]) => void) {}

  push(line: string): void {
    if (this.head) return this.headLine(line);
    if (line.startsWith(MARK)) {
      this.closeSection();
      const text = line.slice(1);
      this.head = [];
      this.pending = '';
      return this.headLine(text);
    }
    if (line.startsWith('diff --git ')) {
      this.closeSection();
      this.section = { hunks: [], binary: false, ...headerPaths(line.slice(11)) };
      this.inHunks = false;
      return;
    }
    const s = this.section;
    if (!s) return;
    if (line.startsWith('@@')) {
      const m = HUNK.exec(line);
      if (!m) throw new Error(`git log: cannot read the hunk header ${JSON.stringify(line)}`);
      s.hunks.push({ oldStart: Number(m[1]), oldCount: m[2] === undefined ? 1 : Number(m[2]), newStart: Number(m[3]), newCount: m[4] === undefined ? 1 : Number(m[4]) });
      this.inHunks = true;
      return;
    }
    if (this.inHunks) return; // a line's text: "+…", "-…", "\ No newline at end of file"
    if (line.startsWith('new file mode')) s.from = undefined;
    else if (line.startsWith('deleted file mode')) s.to = undefined;
    else if (line.startsWith('rename from ')) s.from = unquote(line.slice(12));
    else if (line.startsWith('rename to ')) s.to = unquote(line.slice(10));
    else if (line.startsWith('copy from ') || line.startsWith('copy to ')) s.binary = true; // never asked for (-M only); not tracked
    else if (line.startsWith('index ')) {
      const [a, b] = line.slice(6).split(' ')[0]!.split('..');
      if (a && !/^0+$/.test(a)) s.oldBlob = a;
      if (b && !/^0+$/.test(b)) s.newBlob = b;
    } else if (line.startsWith('Binary files ') || line.startsWith('GIT binary patch')) s.binary = true;
  }

  /** Whether the next line, starting with this byte, can go unread: a line of a file's text
   * ("+…", "-…", "\ No newline at end of file"), which only the hunk headers stand for. */
  skips(firstByte: number): boolean {
    return !this.head && this.inHunks && (firstByte === 43 || firstByte === 45 || firstByte === 92);
  }

  /** The end of the output: the last commit. */
  end(): void {
    this.closeSection();
    this.flush();
  }

  private headLine(text: string): void {
    this.pending += this.pending === '' && this.head!.length === 0 ? text : `\n${text}`;
    const fields = this.pending.split('\0');
    if (fields.length <= FIELDS) return;
    this.head = undefined;
    this.pending = '';
    const [ids, aN, aE, at, atz, cN, cE, ct, ctz, body] = fields as [string, string, string, string, string, string, string, string, string, string];
    const [id, ...parents] = ids.split(' ').filter((x) => x !== '');
    if (this.commit && this.commit.id === id) {
      this.blocks.push([]); // -m: the same merge again, against its next parent that differs
      return;
    }
    this.flush();
    this.commit = {
      id: id!,
      parents,
      author: { name: aN, email: aE, time: at, tz: atz },
      committer: { name: cN, email: cE, time: ct, tz: ctz },
      summary: body.split('\n').find((l) => l.trim() !== '') ?? '',
    };
    this.blocks = [[]];
  }

  private closeSection(): void {
    if (this.section) this.blocks[this.blocks.length - 1]?.push(this.section);
    this.section = undefined;
    this.inHunks = false;
  }

  private flush(): void {
    if (this.commit) this.onCommit(this.commit, this.blocks.filter((b, i) => b.length > 0 || i === 0));
    this.commit = undefined;
    this.blocks = [];
  }
}

/** "a/x b/x", or each side C-quoted: both paths (the later lines say which is which). */
function headerPaths(rest: string): { from?: string; to?: string } {
  if (rest.startsWith('"')) {
    const end = quotedEnd(rest);
    const a = unquote(rest.slice(0, end + 1));
    const b = unquote(rest.slice(end + 2));
    return { from: a.slice(2), to: b.slice(2) };
  }
  if (rest.endsWith('"')) {
    const start = rest.lastIndexOf(' "');
    return { from: rest.slice(2, start), to: unquote(rest.slice(start + 1)).slice(2) };
  }
  // Same path on both sides unless a rename says otherwise, so it is the middle split.
  const half = (rest.length - 5) / 2;
  const p = rest.slice(2, 2 + half);
  return { from: p, to: p };
}

function quotedEnd(s: string): number {
  for (let i = 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '"') return i;
  }
  return s.length - 1;
}
