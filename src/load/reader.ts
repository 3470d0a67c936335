// Where centre files come from. The working tree today; a git revision later (--at), so
// nothing above this layer touches the file system directly. Both readers resolve symbolic
// links by their text (links.ts), so they agree on where a link leads, and neither reads
// anything through a link that leaves the centre, a special file, a file over the size limit,
// or a file that is not UTF-8 (guard.ts: each is a refusal the loader reports).
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { decodeText, linkOutside, MAX_FILE_BYTES, specialFile, tooLarge } from './guard.js';
import { inside, resolveIn, type Resolved, type Tree } from './links.js';
import { normalisePath } from './paths.js';

export interface Entry {
  name: string;
  dir: boolean;
  /** A symbolic link: where it points must be checked with within(). */
  link?: boolean;
  /** A symbolic link that leads outside the centre (dir is then false: folio does not look). */
  outside?: boolean;
  /** A pipe, socket or device: never opened, and no evidence file. */
  special?: boolean;
}

export interface Reader {
  /** Entries of a centre-relative folder, sorted by name; [] when it does not exist or leads
   * outside the centre. */
  list(dir: string): Entry[];
  /** The text of a file. Throws Refused (guard.ts) for what folio will not read, and an Error
   * for a file that is not there. */
  read(file: string): string;
  /** A regular file inside the centre. */
  isFile(file: string): boolean;
  /** True when file resolves (after symlinks) to somewhere inside dir. */
  within(file: string, dir: string): boolean;
  /** The symbolic link (centre-relative) through which path leads outside the centre, and its
   * target as written; undefined when it does not. */
  leaves(path: string): { link: string; target: string } | undefined;
  /** Files about to be read. A reader that fetches in batches (git: one cat-file process)
   * fetches them all now; read() of a file not prefetched still works. */
  prefetch?(files: string[]): void;
  /** Set when another thread can make the same reader from it (a working-tree folder). */
  root?: string;
}

/** within() over a resolver: by where both resolve, or, when either is not there, by the names
 * alone; never inside when the file leads outside the centre. Shared by both readers. */
export function withinBy(resolve: (p: string) => Resolved, file: string, dir: string): boolean {
  const f = resolve(file);
  const d = resolve(dir);
  if (f.kind === 'outside' || d.kind === 'outside') return false;
  if (f.kind === 'found' && d.kind === 'found') return inside(f.path, d.path);
  const lf = normalisePath(file);
  const ld = normalisePath(dir);
  return lf !== undefined && ld !== undefined && inside(lf, ld);
}

export function fsReader(root: string): Reader {
  const abs = (p: string) => (p === '' ? root : join(root, p));
  // A folder stays a folder for the length of a run: asked once, not once per file in it.
  const dirs = new Set<string>();
  const tree: Tree = {
    kind(path) {
      if (dirs.has(path)) return 'dir';
      let st: Stats;
      try {
        st = lstatSync(abs(path));
      } catch {
        return undefined;
      }
      if (st.isSymbolicLink()) return 'link';
      if (st.isDirectory()) {
        dirs.add(path);
        return 'dir';
      }
      return st.isFile() ? 'file' : 'other';
    },
    target(path) {
      try {
        return readlinkSync(abs(path));
      } catch {
        return '';
      }
    },
  };
  const resolve = (p: string) => resolveIn(tree, [], p);
  return {
    root,
    list(dir) {
      const r = resolve(dir);
      if (r.kind !== 'found' || r.node !== 'dir') return [];
      try {
        return readdirSync(abs(r.path), { withFileTypes: true })
          .map((e): Entry => {
            if (!e.isSymbolicLink()) return e.isFile() || e.isDirectory() ? { name: e.name, dir: e.isDirectory() } : { name: e.name, dir: false, special: true };
            const t = resolve(r.path === '' ? e.name : `${r.path}/${e.name}`);
            return t.kind === 'outside' ? { name: e.name, dir: false, link: true, outside: true } : { name: e.name, dir: t.kind === 'found' && t.node === 'dir', link: true };
          })
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      } catch {
        return [];
      }
    },
    read(file) {
      const r = resolve(file);
      if (r.kind === 'outside') throw linkOutside(r.link, r.target);
      if (r.kind === 'loop') throw new Error(`${file}: too many levels of symbolic links`);
      if (r.kind === 'missing') throw new Error(`${file}: no such file`);
      if (r.node === 'dir') throw new Error(`${file}: is a folder`);
      if (r.node !== 'file') throw specialFile(file, describe(abs(r.path)));
      return decodeText(file, readBounded(file, abs(r.path)));
    },
    isFile(file) {
      const r = resolve(file);
      return r.kind === 'found' && r.node === 'file';
    },
    within: (file, dir) => withinBy(resolve, file, dir),
    leaves(path) {
      const r = resolve(path);
      return r.kind === 'outside' ? { link: r.link, target: r.target } : undefined;
    },
  };
}

// The file is opened without following a link at its end and without waiting on a pipe, in
// case either was put in its place since it was looked at, and is read no further than the
// limit whatever its size said.
function readBounded(file: string, path: string): Buffer {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw specialFile(file, describe(path));
    if (st.size > MAX_FILE_BYTES) throw tooLarge(file, st.size);
    let buf = Buffer.alloc(st.size + 1);
    let n = 0;
    for (;;) {
      const k = readSync(fd, buf, n, buf.length - n, null);
      if (k === 0) return buf.subarray(0, n);
      n += k;
      if (n === buf.length) {
        if (n > MAX_FILE_BYTES) throw tooLarge(file, n);
        buf = Buffer.concat([buf, Buffer.alloc(Math.min(buf.length, MAX_FILE_BYTES + 1 - n))]);
      }
    }
  } finally {
    closeSync(fd);
  }
}

function describe(path: string): string {
  try {
    const st = lstatSync(path);
    if (st.isFIFO()) return 'a named pipe (FIFO)';
    if (st.isSocket()) return 'a socket';
    if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  } catch {
    // gone since: still not a file folio reads
  }
  return 'a special file';
}
