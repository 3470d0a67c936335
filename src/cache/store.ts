// The cache folder: <centre>/.folio-cache, ignored by git through its own .gitignore so a
// centre never commits it. Entries are content-addressed (the key is a hash of everything the
// entry was computed from), written atomically (a temporary file renamed into place), and a
// missing, unreadable or corrupt entry is simply a miss: the cache can only make folio faster,
// never change what it says. Deleting the folder is always safe.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

export const CACHE_DIR = '.folio-cache';
/** Bumped whenever the shape of an entry changes. */
const FORMAT = 'v1';

export type Kind = 'specs' | 'head' | 'result';

export interface CacheStore {
  read(kind: Kind, key: string): string | undefined;
  has(kind: Kind, key: string): boolean;
  /** False when the entry could not be written. */
  write(kind: Kind, key: string, text: string): boolean;
}

export function fsCache(centreRoot: string): CacheStore {
  const base = join(centreRoot, CACHE_DIR);
  const made = new Set<string>();
  let prepared = false;
  const pathOf = (kind: Kind, key: string) => join(base, FORMAT, kind, key.slice(0, 2), `${key}.json`);
  const prepare = () => {
    if (prepared) return;
    prepared = true;
    mkdirSync(base, { recursive: true });
    writeIfAbsent(join(base, '.gitignore'), '# folio cache: safe to delete, never committed\n*\n');
    // The CACHEDIR.TAG convention tells backup tools to skip this folder.
    writeIfAbsent(join(base, 'CACHEDIR.TAG'), 'Signature: 8a477f597d28d172789f06886806bc55\n# This folder is a cache made by folio; see https://bford.info/cachedir/\n');
  };
  return {
    read(kind, key) {
      try {
        return readFileSync(pathOf(kind, key), 'utf8');
      } catch {
        return undefined;
      }
    },
    has: (kind, key) => existsSync(pathOf(kind, key)),
    write(kind, key, text) {
      const path = pathOf(kind, key);
      const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      try {
        prepare();
        const dir = join(base, FORMAT, kind, key.slice(0, 2));
        if (!made.has(dir)) {
          mkdirSync(dir, { recursive: true });
          made.add(dir);
        }
        writeFileSync(tmp, text);
        renameSync(tmp, path);
        return true;
      } catch {
        // A cache that cannot be written (read-only checkout, full disk) is no cache.
        try {
          unlinkSync(tmp);
        } catch {}
        return false;
      }
    },
  };
}

function writeIfAbsent(path: string, text: string): void {
  try {
    writeFileSync(path, text, { flag: 'wx' });
  } catch {}
}
