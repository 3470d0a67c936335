// The key that authenticates cache entries. It lives outside every repository, in the user's
// own cache folder, so an entry committed to a centre, copied from another machine or edited
// by hand carries no valid MAC and is a miss: whoever can write a centre's files cannot make
// folio believe a result it did not compute. Made once, atomically, readable by its owner only.
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, linkSync, mkdirSync, openSync, readSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve as resolvePath, sep } from 'node:path';

export type Env = Record<string, string | undefined>;

const SIZE = 32;

/** Where the key is kept: FOLIO_CACHE_KEY_DIR, else $XDG_CACHE_HOME/folio, else ~/.cache/folio. */
function keyFile(env: Env): string {
  const own = env.FOLIO_CACHE_KEY_DIR;
  if (own) return join(own, 'key');
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.cache');
  return join(base, 'folio', 'key');
}

export type KeyResult = { key: Buffer; problem?: undefined } | { key?: undefined; problem?: string };

const known = new Map<string, KeyResult>();

/** The user's key, made on first use. No key (a read-only home, say) means no cache, quietly;
 * a key others could read or replace means no cache, with the reason in `problem`. */
export function cacheKey(env: Env, centreRoot?: string): KeyResult {
  const file = keyFile(env);
  // A relative home (HOME unset) would put the key in the working folder.
  if (!isAbsolute(file)) return env.FOLIO_CACHE_KEY_DIR ? { problem: `FOLIO_CACHE_KEY_DIR is not an absolute path: ${JSON.stringify(env.FOLIO_CACHE_KEY_DIR.slice(0, 80))}` } : {};
  const path = resolvePath(file);
  // A key the centre's own files could hold (a home inside the checkout, say) would be the
  // attacker's key: refused.
  if (centreRoot && (path + sep).startsWith(resolvePath(centreRoot) + sep)) return { problem: `its key ${path} would be inside the centre; set FOLIO_CACHE_KEY_DIR or XDG_CACHE_HOME to a folder outside it` };
  let k = known.get(path);
  if (!k) known.set(path, (k = load(path)));
  return k;
}

function load(path: string): KeyResult {
  const found = readKey(path);
  if (found) return found;
  try {
    mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
    const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    writeFileSync(tmp, randomBytes(SIZE), { flag: 'wx', mode: 0o600 });
    try {
      // link, not rename: two runs making the key at once agree on the first one's.
      linkSync(tmp, path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') renameSync(tmp, path);
    } finally {
      try {
        unlinkSync(tmp);
      } catch {}
    }
  } catch {
    return {};
  }
  return readKey(path) ?? {};
}

function readKey(path: string): KeyResult | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    const mine = typeof process.getuid !== 'function' || st.uid === process.getuid();
    if (!st.isFile() || st.size !== SIZE) return { problem: `${path} is not a folio cache key (${SIZE} bytes): delete it and folio makes a new one` };
    if (process.platform !== 'win32' && (!mine || (st.mode & 0o077) !== 0)) return { problem: `${path} can be read or changed by other users: make it yours alone (chmod 600) or delete it` };
    const key = Buffer.alloc(SIZE);
    return readSync(fd, key, 0, SIZE, 0) === SIZE ? { key } : { problem: `${path} could not be read whole: delete it and folio makes a new one` };
  } catch {
    return {};
  } finally {
    closeSync(fd);
  }
}
