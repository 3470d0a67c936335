// Symbolic links resolved by their text, one way for the working tree and for a commit, so the
// two readers agree on where a link leads. A link is followed only while it stays inside the
// centre (the folder holding specs/): a target that is absolute, or that climbs above the
// centre even to come back, is "outside", and nothing outside is ever looked at, let alone
// read. An absolute target names a place on one machine (the CI clone has another), and a
// climb out and back in names the centre's own folder, which a clone may call something else.

/** What a path is, without following a link at its end. */
export type NodeKind = 'file' | 'dir' | 'link' | 'submodule' | 'other';

export interface Tree {
  /** The kind of what is at a path below the tree's top ('' is the top); undefined if nothing. */
  kind(path: string): NodeKind | undefined;
  /** A link's target as written. */
  target(path: string): string;
}

export type Resolved =
  | { kind: 'found'; path: string; node: NodeKind }
  | { kind: 'missing' }
  | { kind: 'loop' }
  /** link: the path (from the tree's top) of the link whose target leads out. */
  | { kind: 'outside'; link: string; target: string };

const MAX_HOPS = 40; // as the Linux kernel

/** Resolve path (from the tree's top, "/"-separated) inside the folder `base` (parts from the
 * top; [] for the top itself), like realpath: each component in turn, a link replaced by its
 * target read from the link's folder. Only paths inside base are passed to the tree. */
export function resolveIn(tree: Tree, base: readonly string[], path: string): Resolved {
  const parts = path.split('/');
  for (let i = 0; i < base.length; i++) if (parts[i] !== base[i]) return { kind: 'outside', link: path, target: path };
  const done = [...base];
  // Each part remembers the link whose target it came from: that link is the one to blame
  // when the part leads out.
  const queue: { part: string; from?: { link: string; target: string } }[] = parts.slice(base.length).map((part) => ({ part }));
  let hops = 0;
  while (queue.length > 0) {
    const { part, from } = queue.shift()!;
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (done.length <= base.length) return { kind: 'outside', link: from?.link ?? path, target: from?.target ?? path };
      done.pop();
      continue;
    }
    const here = [...done, part].join('/');
    const kind = tree.kind(here);
    if (kind === undefined) return { kind: 'missing' };
    if (kind === 'link') {
      if (++hops > MAX_HOPS) return { kind: 'loop' };
      const target = tree.target(here);
      if (target === '' || target.startsWith('/') || /^[A-Za-z]:/.test(target)) return { kind: 'outside', link: here, target };
      queue.unshift(...target.split('/').map((p) => ({ part: p, from: { link: here, target } })));
      continue;
    }
    // A file followed by more of the path (even "." or "..") is no folder: the kernel says
    // ENOTDIR, so "E02.md/." is not E02.md.
    if (kind !== 'dir' && queue.length > 0) return { kind: 'missing' };
    done.push(part);
  }
  const at = done.join('/');
  return { kind: 'found', path: at, node: at === base.join('/') ? 'dir' : tree.kind(at)! };
}

/** Whether a resolved path lies strictly inside the folder at dir (both from the tree's top). */
export function inside(path: string, dir: string): boolean {
  return dir === '' ? path !== '' : path.startsWith(`${dir}/`);
}
