// Reads many git objects with ONE `git cat-file` process instead of one process per file:
// a centre at a commit is thousands of small YAML files, and starting git thousands of times
// costs seconds. Contents stay Buffers because blobs need not be UTF-8 (evidence, images).
//
//   batchCheck(top, specs)   → Map<spec, ObjectInfo | Missing>: id, type and size, no contents
//   batchRead(top, specs)    → Map<spec, GitObject | Missing>: the same plus contents
//   parseTree(buffer, hashBytes?) → TreeEntry[]: a raw tree object's entries (name, mode, id, kind)
//   parseCommit(buffer)      → RawCommit: tree, parents, raw author/committer, signed, message
//
// A spec is anything `git cat-file` accepts on a line: an object id, `COMMIT:path` (path from
// the repository top), `REV^{tree}`, `:path` (the index)… A spec cannot reach cat-file with a
// newline in it (git 2.39 has no NUL-separated input for cat-file), so `REV:path` with a
// newline or carriage return in the path (a learner folder may be named so) is found by
// walking the trees from the last folder before the odd name: a few more processes, only
// for such paths. An index spec (`:path`) with a newline still throws.
import { gitBuffer } from './run.js';

export type ObjectType = 'blob' | 'tree' | 'commit' | 'tag';

export interface ObjectInfo {
  id: string;
  type: ObjectType;
  size: number;
}

export interface GitObject extends ObjectInfo {
  content: Buffer;
}

/** The spec names no object ("missing"), or an abbreviated id names several ("ambiguous"). */
export interface Missing {
  missing: true;
  why: 'missing' | 'ambiguous';
}

export const isMissing = (x: ObjectInfo | Missing | undefined): x is Missing | undefined => x === undefined || 'missing' in x;

const HEADER = /^([0-9a-f]{40}|[0-9a-f]{64}) (blob|tree|commit|tag) (\d+)$/;

export function batchCheck(top: string, specs: readonly string[]): Map<string, ObjectInfo | Missing> {
  return batch(top, specs, false) as Map<string, ObjectInfo | Missing>;
}

export function batchRead(top: string, specs: readonly string[]): Map<string, GitObject | Missing> {
  return batch(top, specs, true) as Map<string, GitObject | Missing>;
}

function batch(top: string, specs: readonly string[], contents: boolean): Map<string, GitObject | ObjectInfo | Missing> {
  const all = [...new Set(specs)];
  const out = new Map<string, GitObject | ObjectInfo | Missing>();
  if (all.length === 0) return out;
  for (const s of all) if (s === '') throw new Error('git object spec "": cat-file takes one spec a line');
  const odd = all.filter((s) => ODD.test(s));
  const unique = odd.length ? all.filter((s) => !ODD.test(s)) : all;
  if (odd.length) {
    const ids = new Map(odd.map((s) => [s, walkTo(top, s)]));
    const found = batch(top, [...new Set([...ids.values()].filter((x): x is string => typeof x === 'string'))], contents);
    for (const [s, id] of ids) out.set(s, typeof id === 'string' ? found.get(id)! : id);
    if (!unique.length) return out;
  }
  // Without %(rest) in the format, cat-file takes the whole line as the name, so paths
  // with spaces are fine. --buffer: we write all input at once, so no flush per object.
  const buf = gitBuffer(top, ['cat-file', contents ? '--batch' : '--batch-check', '--buffer'], { input: unique.join('\n') + '\n' });
  let pos = 0;
  for (const spec of unique) {
    const eol = buf.indexOf(10, pos);
    if (eol < 0) throw new Error(`git cat-file: output ended before ${spec}`);
    const header = buf.toString('utf8', pos, eol);
    pos = eol + 1;
    if (header === `${spec} missing`) out.set(spec, { missing: true, why: 'missing' });
    else if (header === `${spec} ambiguous`) out.set(spec, { missing: true, why: 'ambiguous' });
    else {
      const m = HEADER.exec(header);
      if (!m) throw new Error(`git cat-file: unexpected output for ${spec}: ${header}`);
      const info: ObjectInfo = { id: m[1]!, type: m[2] as ObjectType, size: Number(m[3]) };
      if (!contents) out.set(spec, info);
      else {
        // subarray, not a copy: the contents share the one output buffer
        out.set(spec, { ...info, content: buf.subarray(pos, pos + info.size) });
        pos += info.size + 1; // the contents are followed by a newline
      }
    }
  }
  return out;
}

const ODD = /[\n\r]/;

/** The object id at `REV:path` when path holds a newline: the deepest plain folder by name,
 * then one tree at a time by the entries' names. */
function walkTo(top: string, spec: string): string | Missing {
  const colon = spec.indexOf(':');
  const rev = spec.slice(0, colon);
  if (colon <= 0 || ODD.test(rev)) throw new Error(`git object spec ${JSON.stringify(spec)}: cat-file takes one spec a line`);
  const parts = spec.slice(colon + 1).split('/');
  const plain = parts.findIndex((p) => ODD.test(p));
  const base = plain === 0 ? `${rev}^{tree}` : `${rev}:${parts.slice(0, plain).join('/')}`;
  let at = batchCheck(top, [base]).get(base)!;
  for (const name of parts.slice(plain)) {
    if (isMissing(at)) return at;
    if (at.type !== 'tree') return { missing: true, why: 'missing' };
    const tree = batchRead(top, [at.id]).get(at.id)!;
    if (isMissing(tree)) return tree;
    const entry = parseTree(tree.content, at.id.length / 2).find((e) => e.name === name);
    if (!entry) return { missing: true, why: 'missing' };
    at = { id: entry.id, type: entry.kind === 'dir' ? 'tree' : entry.kind === 'submodule' ? 'commit' : 'blob', size: 0 };
  }
  return isMissing(at) ? at : at.id;
}

export type EntryKind = 'file' | 'dir' | 'link' | 'submodule';

export interface TreeEntry {
  name: string;
  /** As git stores it: "100644", "100755", "120000", "160000", "40000". */
  mode: string;
  id: string;
  kind: EntryKind;
}

export function kindOfMode(mode: string): EntryKind {
  if (mode === '40000' || mode === '040000') return 'dir';
  if (mode === '120000') return 'link';
  if (mode === '160000') return 'submodule';
  return 'file';
}

/** Entries of a raw tree object (`<mode> <name>\0<binary id>`…). hashBytes is 20 for SHA-1
 * repositories and 32 for SHA-256 ones (the tree's own id length / 2). */
export function parseTree(buf: Buffer, hashBytes = 20): TreeEntry[] {
  const out: TreeEntry[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const sp = buf.indexOf(32, pos);
    const nul = buf.indexOf(0, sp + 1);
    if (sp < 0 || nul < 0 || nul + 1 + hashBytes > buf.length) throw new Error('malformed tree object');
    const mode = buf.toString('latin1', pos, sp);
    out.push({ mode, name: buf.toString('utf8', sp + 1, nul), id: buf.toString('hex', nul + 1, nul + 1 + hashBytes), kind: kindOfMode(mode) });
    pos = nul + 1 + hashBytes;
  }
  return out;
}

export interface RawIdentity {
  name: string;
  email: string;
  /** Seconds since the epoch, and the offset as written ("+0100"). */
  time: number;
  tz: string;
}

/** A commit object as stored: identities before any .mailmap, and whether it carries a signature. */
export interface RawCommit {
  tree: string;
  parents: string[];
  author?: RawIdentity;
  committer?: RawIdentity;
  /** Has a gpgsig / gpgsig-sha256 header, whatever git can make of it. */
  signed: boolean;
  message: string;
}

export function parseCommit(buf: Buffer): RawCommit {
  const text = buf.toString('utf8');
  const end = text.indexOf('\n\n');
  const head = end < 0 ? text : text.slice(0, end);
  const c: RawCommit = { tree: '', parents: [], signed: false, message: end < 0 ? '' : text.slice(end + 2) };
  for (const line of head.split('\n')) {
    if (line.startsWith(' ')) continue; // continuation of a multi-line header (the signature)
    const sp = line.indexOf(' ');
    const key = line.slice(0, sp);
    const value = line.slice(sp + 1);
    if (key === 'tree') c.tree = value;
    else if (key === 'parent') c.parents.push(value);
    else if (key === 'author') c.author = identity(value);
    else if (key === 'committer') c.committer = identity(value);
    else if (key === 'gpgsig' || key === 'gpgsig-sha256') c.signed = true;
  }
  return c;
}

function identity(value: string): RawIdentity | undefined {
  const m = /^(.*?) ?<([^>]*)> (\d+) ([+-]\d{4})$/.exec(value);
  return m ? { name: m[1]!, email: m[2]!, time: Number(m[3]), tz: m[4]! } : undefined;
}
