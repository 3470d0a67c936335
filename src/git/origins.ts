// Who wrote each line of many files, from ONE walk over the history instead of one
// `git blame` per file. Blame walks back from HEAD for each file it is asked about, so blaming
// every portfolio costs portfolios × history; this walks the history once, oldest commit
// first, carrying each tracked file's line origins forward through the diffs git computes
// (walk.ts), so it costs the history once plus the lines that changed.
//
//   walkOrigins(top, pathspec, wanted, opts) → Map<path, BlameLine[]> for each wanted path
//     that it can attribute exactly as `git blame --root` of the working-tree file would;
//     a wanted path it leaves out (changed in the working tree, not in HEAD, renamed from a
//     file it did not track, binary, or anything it does not follow) is for blame to answer.
//
// Blame's rules, followed here (blame.c, pass_blame): a commit whose file is identical to the
// file in one of its parents (same blob, at the same path or at the path it was renamed
// from) passes every line to the first such parent; otherwise each parent in turn takes the
// lines the diff against it leaves unchanged, and the lines no parent takes are the commit's
// own. The diffs are git's own (Myers, as blame uses, with the same indent heuristic and
// rename detection), from `git log -p -m`, so the lines match blame's. Renames are found
// among the files under pathspec only, where blame would look in the whole tree.
//
// Cost: four git processes (the commits' parents, the commits that deleted files elsewhere,
// the walk, the working tree's changes),
// whatever the number of files. Memory: the origins of the tracked files at the commits
// still waiting for a child (one, on a straight history), and one commit's diff at a time.
import { isoDate, type BlameLine } from './blame.js';
import { git, gitLines, runGit } from './run.js';
import { LogParser, walkArgs, type Block, type CommitHead, type Section } from './walk.js';

interface Commit {
  id: string;
  author: BlameLine['author'];
  committer: BlameLine['committer'];
  summary: string;
  boundary: boolean;
}

/** The origins of a file's lines, one slot a line: indices into the walk's tables of commits
 * and paths, and the line's number there. Typed arrays, not an object a line: a centre's
 * portfolios hold hundreds of thousands of lines. */
interface Lines {
  commit: Int32Array;
  path: Int32Array;
  line: Int32Array;
}

/** A tracked file at one commit; never changed once made (commits share them). lines is
 * null where the walk cannot follow the file (left to blame). */
interface FileState {
  blob: string | undefined;
  lines: Lines | null;
}

type State = Map<string, FileState>;

/** Who wrote each line of one file, made a line at a time as asked. */
export interface FileOrigins {
  length: number;
  /** Line n (1-based), as git blame gives it (without the line's text). */
  at(n: number): BlameLine | undefined;
}

interface Tables {
  commits: Commit[];
  paths: string[];
  pathIds: Map<string, number>;
}

export interface WalkOptions {
  /** Which files to carry origins for (e.g. portfolio files), by their path. */
  tracks: (path: string) => boolean;
  /** The shallow clone's cut (blame marks their lines boundary). */
  shallow: ReadonlySet<string>;
  /** Filled in here: the commits that deleted a file outside pathspec. */
  deletedElsewhere?: ReadonlySet<string>;
}

export function walkOrigins(top: string, pathspec: string, wanted: readonly string[], opts: WalkOptions): Map<string, FileOrigins> {
  const out = new Map<string, FileOrigins>();
  // Children still to come for each commit, so that a commit's state is dropped (or handed on
  // without a copy) when its last child has used it.
  const children = new Map<string, number>();
  const list = runGit(top, ['rev-list', '--reverse', '--topo-order', '--full-history', '--parents', 'HEAD', '--', `:(literal)${pathspec}`]);
  if (list.status !== 0) return out; // no commit yet: blame says every line is uncommitted
  let last: string | undefined;
  for (const l of list.stdout.toString('utf8').split('\n')) {
    if (l === '') continue;
    const [id, ...parents] = l.split(' ');
    for (const p of parents) children.set(p, (children.get(p) ?? 0) + 1);
    last = id;
  }
  if (!last) return out;
  // Blame looks for a file's rename source in the whole tree; the walk sees only pathspec. A
  // file added in a commit that deleted files elsewhere may be one of them moved in (a centre
  // moved into a folder, say): those are left to blame.
  const deletedElsewhere = new Set<string>();
  let current = '';
  for (const l of git(top, ['log', '--full-history', '-m', '--no-renames', '--diff-filter=D', '--name-only', `--format=${'\x01'}%H`, 'HEAD', '--', '.', `:(exclude,literal)${pathspec}`]).split('\n')) {
    if (l.startsWith('\x01')) current = l.slice(1);
    else if (l !== '' && current) deletedElsewhere.add(current);
  }
  opts = { ...opts, deletedElsewhere };

  const states = new Map<string, State>();
  const tables: Tables = { commits: [], paths: [], pathIds: new Map() };
  const parser = new LogParser((head, blocks) => {
    states.set(head.id, step(head, blocks, states, children, opts, tables));
    for (const p of head.parents) {
      const left = (children.get(p) ?? 1) - 1;
      children.set(p, left);
      if (left <= 0) states.delete(p);
    }
  });
  gitLines(top, walkArgs(`:(literal)${pathspec}`), (line) => parser.push(line), {}, (b) => parser.skips(b));
  parser.end();

  const final = states.get(last);
  if (!final) return out;
  const dirty = new Set(
    git(top, ['diff', '--no-renames', '--name-only', '-z', 'HEAD', '--', `:(literal)${pathspec}`])
      .split('\0')
      .filter((p) => p !== ''),
  );
  for (const path of new Set(wanted)) {
    const f = final.get(path);
    if (!f?.lines || dirty.has(path)) continue;
    const lines = f.lines;
    out.set(path, {
      length: lines.commit.length,
      at: (n) => {
        if (n < 1 || n > lines.commit.length) return undefined;
        const c = tables.commits[lines.commit[n - 1]!]!;
        const origPath = tables.paths[lines.path[n - 1]!]!;
        return { line: n, text: '', commit: c.id, author: c.author, committer: c.committer, summary: c.summary, origLine: lines.line[n - 1]!, origPath, boundary: c.boundary, uncommitted: false };
      },
    });
  }
  return out;
}

/** The tracked files as the commit left them. */
function step(head: CommitHead, blocks: Block[], states: Map<string, State>, children: Map<string, number>, opts: WalkOptions, tables: Tables): State {
  const commit: Commit = {
    id: head.id,
    author: { name: head.author.name, email: head.author.email, date: isoDate(Number(head.author.time), head.author.tz) },
    committer: { name: head.committer.name, email: head.committer.email, date: isoDate(Number(head.committer.time), head.committer.tz) },
    summary: head.summary,
    boundary: opts.shallow.has(head.id),
  };
  const index = tables.commits.push(commit) - 1;
  const pathId = (p: string) => {
    let id = tables.pathIds.get(p);
    if (id === undefined) tables.pathIds.set(p, (id = tables.paths.push(p) - 1));
    return id;
  };
  const parents = head.parents.map((p) => states.get(p));
  if (parents.some((p) => !p)) return unsure(parents.find((p) => p) ?? new Map());
  const ps = parents as State[];
  const byParent = assign(blocks, ps, opts);
  if (!byParent) return unsure(ps[0] ?? new Map());

  // The file list is the first parent's with the changes against it; a root commit adds all.
  const first = ps[0];
  const own = first && (children.get(head.parents[0]!) ?? 0) <= 1;
  const state: State = own ? first! : new Map(first ?? []);
  const changes = byParent[0] ?? [];
  const byPath = byParent.map((b) => new Map((b ?? []).flatMap((s) => (s.to === undefined ? [] : [[s.to, s] as const]))));
  const made = new Map<string, FileState>();
  for (const s of changes) {
    if (s.to !== undefined && opts.tracks(s.to)) made.set(s.to, fileAt(index, head.id, pathId(s.to), s.to, s, ps, byPath, opts));
  }
  for (const s of changes) if (s.from !== undefined && s.from !== s.to) state.delete(s.from);
  for (const s of changes) if (s.to === undefined && s.from !== undefined) state.delete(s.from);
  for (const [path, f] of made) state.set(path, f);
  return state;
}

/** Which parent each block is against: git prints them in parent order and leaves out the
 * parents it finds nothing to show against; a block belongs to the first parent left whose
 * tracked files it starts from. undefined when none fits (the walk gives up on the commit). */
function assign(blocks: Block[], parents: State[], opts: WalkOptions): Array<Block | undefined> | undefined {
  if (parents.length <= 1) return [blocks[0] ?? []];
  const out: Array<Block | undefined> = parents.map(() => []);
  let next = 0;
  for (const b of blocks) {
    if (b.length === 0) continue;
    let i = next;
    while (i < parents.length && !fits(b, parents[i]!, opts)) i++;
    if (i === parents.length) return undefined;
    out[i] = b;
    next = i + 1;
  }
  return out;
}

function fits(block: Block, parent: State, opts: WalkOptions): boolean {
  return block.every((s) => {
    if (s.from === undefined) return s.to === undefined || !opts.tracks(s.to) || !parent.has(s.to);
    if (!opts.tracks(s.from)) return true;
    const f = parent.get(s.from);
    return !!f && (s.oldBlob === undefined || f.blob === s.oldBlob);
  });
}

/** One file of a commit, by blame's rules (see the top of this file). */
function fileAt(commit: number, commitId: string, pathId: number, path: string, own: Section, parents: State[], byParent: Array<Map<string, Section>>, opts: WalkOptions): FileState {
  const blob = own.newBlob ?? (own.hunks.length === 0 ? own.oldBlob : undefined);
  const nope: FileState = { blob, lines: null };
  if (own.binary) return nope;
  if (own.from === undefined && parents.length > 0 && opts.deletedElsewhere?.has(commitId)) return nope;
  // What each parent offers: the file it had (at this path or the one it was renamed from)
  // and the diff from it, or nothing when the file is new against that parent.
  const offers: Array<{ file: FileState; hunks: Section['hunks']; same: boolean } | undefined> = parents.map((p, i) => {
    const s = byParent[i]?.get(path);
    if (!s) {
      const f = p.get(path);
      return f ? { file: f, hunks: [], same: true } : undefined;
    }
    if (s.from === undefined || s.binary) return undefined;
    if (!opts.tracks(s.from)) return { file: { blob: s.oldBlob, lines: null }, hunks: [], same: false };
    const f = p.get(s.from);
    if (!f) return { file: { blob: s.oldBlob, lines: null }, hunks: [], same: false };
    return { file: f, hunks: s.hunks, same: s.hunks.length === 0 && (s.newBlob === undefined || s.newBlob === s.oldBlob) };
  });
  const same = offers.find((o) => o?.same);
  if (same) return { blob: same.file.blob ?? blob, lines: same.file.lines };
  let length: number | undefined;
  for (const o of offers) {
    if (!o) continue;
    if (!o.file.lines) return nope;
    const n = o.file.lines.commit.length + o.hunks.reduce((a, h) => a + h.newCount - h.oldCount, 0);
    if (length !== undefined && n !== length) return nope;
    length = n;
  }
  if (length === undefined) length = own.hunks.reduce((a, h) => a + h.newCount, 0);
  const lines: Lines = { commit: new Int32Array(length).fill(-1), path: new Int32Array(length), line: new Int32Array(length) };
  for (const o of offers) if (o) pass(o.file.lines!, o.hunks, lines);
  for (let j = 0; j < length; j++) {
    if (lines.commit[j] !== -1) continue;
    lines.commit[j] = commit;
    lines.path[j] = pathId;
    lines.line[j] = j + 1;
  }
  return { blob, lines };
}

/** Give each line the diff leaves unchanged its origin in the parent, where no earlier parent
 * gave it one. Hunks are in order; with -U0 everything between them is unchanged. */
function pass(old: Lines, hunks: Section['hunks'], into: Lines): void {
  let o = 0; // next old line (0-based)
  let n = 0; // next new line
  const copyTo = (oldEnd: number) => {
    for (; o < oldEnd; o++, n++) {
      if (into.commit[n] !== -1) continue;
      into.commit[n] = old.commit[o]!;
      into.path[n] = old.path[o]!;
      into.line[n] = old.line[o]!;
    }
  };
  for (const h of hunks) {
    // "-a,0" means the insertion is after old line a; "-a,b" starts at old line a
    copyTo(h.oldCount === 0 ? h.oldStart : h.oldStart - 1);
    o += h.oldCount;
    n += h.newCount;
  }
  copyTo(old.commit.length);
}

/** Every tracked file of a commit the walk cannot follow: blame answers for them. */
function unsure(from: State): State {
  const s: State = new Map();
  for (const [p, f] of from) s.set(p, { blob: f.blob, lines: null });
  return s;
}
