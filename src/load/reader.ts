// Where centre files come from. The working tree today; a git revision later (--at), so
// nothing above this layer touches the file system directly.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, resolve as resolvePath, sep } from 'node:path';

export interface Entry {
  name: string;
  dir: boolean;
  /** A symbolic link: where it points must be checked with within(). */
  link?: boolean;
}

export interface Reader {
  /** Entries of a centre-relative folder, sorted by name; [] when it does not exist. */
  list(dir: string): Entry[];
  read(file: string): string;
  isFile(file: string): boolean;
  /** True when file resolves (after symlinks) to somewhere inside dir. */
  within(file: string, dir: string): boolean;
  /** Files about to be read. A reader that fetches in batches (git: one cat-file process)
   * fetches them all now; read() of a file not prefetched still works. */
  prefetch?(files: string[]): void;
  /** Set when another thread can make the same reader from it (a working-tree folder). */
  root?: string;
}

export function fsReader(root: string): Reader {
  const abs = (p: string) => join(root, p);
  return {
    root,
    list(dir) {
      try {
        return readdirSync(abs(dir), { withFileTypes: true })
          .map((e) => (e.isSymbolicLink() ? { name: e.name, dir: isDir(abs(`${dir}/${e.name}`)), link: true } : { name: e.name, dir: e.isDirectory() }))
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      } catch {
        return [];
      }
    },
    read: (file) => readFileSync(abs(file), 'utf8'),
    isFile(file) {
      try {
        return statSync(abs(file)).isFile();
      } catch {
        return false;
      }
    },
    within(file, dir) {
      try {
        const f = realpathSync(abs(file));
        const d = realpathSync(abs(dir));
        return f.startsWith(d + sep);
      } catch {
        return resolvePath(abs(file)).startsWith(resolvePath(abs(dir)) + sep);
      }
    },
  };
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The first folder at or above start that holds specs/. */
export function findRoot(start: string): string | undefined {
  let dir = resolvePath(start);
  for (;;) {
    if (existsSync(join(dir, 'specs'))) return dir;
    const parent = resolvePath(dir, '..');
    if (parent === dir) return undefined;
    dir = parent;
  }
}
