// Who committed each line of a portfolio, from ONE `git blame --porcelain` process, so that
// verify can check an assessment decision, sign-off or IQA record against the commit that
// wrote it.
//
//   blameContext(top)           → { shallow, ignoreRevsFiles }: two processes; pass it to many
//                                  blame() calls so each costs one process
//   blame(top, path, opts?)     → BlameLine[], one per line (or per line of opts.ranges)
//     path: from the repository top (prefix + centre-relative path)
//     rev: blame the file as committed there; without it, the working-tree file, so lines
//          changed and not committed (staged or not) come back as uncommitted
//     ranges: [start, end] line pairs, 1-based and inclusive (git -L)
//     detectMoves: git -M, credit lines moved or copied within the file to their first
//          author; off by default, since copying someone's block would then carry their name
//
// boundary: the line's commit is where a shallow clone's history stops: git has no parents
// for it, so it cannot say whether the line was written there or earlier. Run with --root,
// so a repository's real first commit is NOT a boundary (git would otherwise mark it, and
// shallow cut commits are not marked at all under --root: we mark them from .git/shallow).
// uncommitted: the all-zero commit id; git names the author "Not Committed Yet".
// Identities follow .mailmap, as git blame always does (log.ts uses %aN/%aE to match).
//
// A repository with blame.ignoreRevsFile configured makes git credit the listed commits'
// lines to earlier commits, and in git 2.39 nothing on the command line turns that off
// (`-c blame.ignoreRevsFile=` does not clear it), so blame() refuses unless allowIgnoreRevs.
import type { Person } from './log.js';
import { git, runGit, GitError, shallowCommits } from './run.js';

export interface BlameLine {
  /** Line number in the file blamed, 1-based. */
  line: number;
  text: string;
  commit: string;
  author: Person;
  committer: Person;
  summary: string;
  /** Where the line was in the commit that introduced it. */
  origLine: number;
  origPath: string;
  boundary: boolean;
  uncommitted: boolean;
}

export interface BlameContext {
  shallow: Set<string>;
  ignoreRevsFiles: string[];
}

export interface BlameOptions {
  rev?: string;
  ranges?: Array<[number, number]>;
  detectMoves?: boolean;
  context?: BlameContext;
  allowIgnoreRevs?: boolean;
}

export function blameContext(top: string): BlameContext {
  const files = git(top, ['config', '--get-all', 'blame.ignoreRevsFile'], { ok: [1] })
    .split('\n')
    .filter((l) => l !== '');
  return { shallow: shallowCommits(top), ignoreRevsFiles: files };
}

interface Info {
  author: Partial<Person> & { time?: string; tz?: string };
  committer: Partial<Person> & { time?: string; tz?: string };
  summary: string;
  filename: string;
  boundary: boolean;
}

const HEADER = /^([0-9a-f]{40}|[0-9a-f]{64}) (\d+) (\d+)(?: \d+)?$/;

export function blame(top: string, path: string, opts: BlameOptions = {}): BlameLine[] {
  const ctx = opts.context ?? blameContext(top);
  if (ctx.ignoreRevsFiles.length > 0 && !opts.allowIgnoreRevs) {
    throw new Error(`git blame would skip the commits listed in ${ctx.ignoreRevsFiles.join(', ')} (blame.ignoreRevsFile), crediting their lines to others; unset it to attribute lines to the commits that wrote them`);
  }
  const args = ['blame', '--porcelain', '--root', '--no-textconv'];
  if (opts.detectMoves) args.push('-M');
  for (const [a, b] of opts.ranges ?? []) args.push(`-L${a},${b}`);
  if (opts.rev !== undefined) {
    // git 2.39's blame does not take --end-of-options: a rev must not look like an option
    if (opts.rev.startsWith('-')) throw new Error(`git blame: invalid revision '${opts.rev}'`);
    args.push(opts.rev);
  }
  args.push('--', path);
  const r = runGit(top, args);
  if (r.status !== 0) {
    const first = r.stderr.split('\n').find((l) => l.trim() !== '') ?? `exit code ${r.status}`;
    throw new GitError(`git blame ${path} failed: ${first.replace(/^fatal: /, '')}`, args, r.status, r.stderr);
  }

  const infos = new Map<string, Info>();
  const out: BlameLine[] = [];
  let cur: { commit: string; orig: number; final: number; info: Info } | undefined;
  const text = r.stdout.toString('utf8');
  for (const line of text.split('\n')) {
    if (line.startsWith('\t')) {
      if (!cur) throw new Error('git blame: line content before any header');
      const { commit, info } = cur;
      out.push({
        line: cur.final,
        text: line.slice(1),
        commit,
        author: person(info.author),
        committer: person(info.committer),
        summary: info.summary,
        origLine: cur.orig,
        origPath: info.filename,
        boundary: info.boundary || ctx.shallow.has(commit),
        uncommitted: /^0+$/.test(commit),
      });
      continue;
    }
    const h = HEADER.exec(line);
    if (h) {
      const commit = h[1]!;
      let info = infos.get(commit);
      if (!info) infos.set(commit, (info = { author: {}, committer: {}, summary: '', filename: path, boundary: false }));
      cur = { commit, orig: Number(h[2]), final: Number(h[3]), info };
      continue;
    }
    if (!cur || line === '') continue;
    const sp = line.indexOf(' ');
    const key = sp < 0 ? line : line.slice(0, sp);
    const value = sp < 0 ? '' : line.slice(sp + 1);
    const { info } = cur;
    switch (key) {
      case 'author': info.author.name = value; break;
      case 'author-mail': info.author.email = value.replace(/^<|>$/g, ''); break;
      case 'author-time': info.author.time = value; break;
      case 'author-tz': info.author.tz = value; break;
      case 'committer': info.committer.name = value; break;
      case 'committer-mail': info.committer.email = value.replace(/^<|>$/g, ''); break;
      case 'committer-time': info.committer.time = value; break;
      case 'committer-tz': info.committer.tz = value; break;
      case 'summary': info.summary = value; break;
      case 'boundary': info.boundary = true; break;
      // git repeats filename whenever it changes for a commit (a file renamed within it)
      case 'filename': info.filename = unquote(value); break;
    }
  }
  return out;
}

function person(p: Info['author']): Person {
  return { name: p.name ?? '', email: p.email ?? '', date: isoDate(Number(p.time ?? 0), p.tz ?? '+0000') };
}

/** "1767261600", "+0100" → "2026-01-01T11:00:00+01:00": the same form as git's %aI. */
export function isoDate(epoch: number, tz: string): string {
  const m = /^([+-])(\d\d)(\d\d)$/.exec(tz) ?? ['', '+', '00', '00'];
  const offset = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  const local = new Date((epoch + offset * 60) * 1000).toISOString().slice(0, 19);
  return `${local}${m[1]}${m[2]}:${m[3]}`;
}

/** Git C-quotes a path with a double quote, backslash or control character even with
 * core.quotePath=false; octal escapes are bytes of UTF-8. */
export function unquote(s: string): string {
  if (!s.startsWith('"') || !s.endsWith('"')) return s;
  const bytes: number[] = [];
  const body = Buffer.from(s.slice(1, -1), 'utf8');
  const simple: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== 92) {
      bytes.push(body[i]!);
      continue;
    }
    const c = String.fromCharCode(body[++i] ?? 0);
    if (/[0-7]/.test(c)) {
      bytes.push(parseInt(body.toString('latin1', i, i + 3), 8));
      i += 2;
    } else bytes.push(simple[c] ?? c.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}
