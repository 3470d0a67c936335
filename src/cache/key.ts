// Keys for the cache: hashes of everything an entry is computed from. The code's own identity
// is part of every key, so a new build of folio (or an edited source file in development), or
// another version of the parser or the schema library, never reads an entry an older one wrote.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function versionOf(require: NodeRequire, name: string): string {
  try {
    // The package's own package.json: walk up from its entry point to the folder named for it.
    let dir = dirname(require.resolve(name));
    for (let i = 0; i < 6; i++, dir = dirname(dir)) {
      try {
        const p = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (p.name === name) return p.version ?? 'unknown';
      } catch {}
    }
  } catch {}
  return 'unknown';
}

export function hash(...parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
}

/** The libraries whose versions decide what folio reads from a file and what it says of it. */
const SHAPING = ['yaml', 'zod'];

let code: string | undefined;
/** A hash of every module of folio itself (the folder this file was loaded from, one level up)
 * and of the versions of the libraries that shape its results. */
export function codeId(): string {
  if (code) return code;
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const h = createHash('sha256');
  const require = createRequire(import.meta.url);
  for (const name of SHAPING) h.update(`${name}@${versionOf(require, name)}\0`);
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(js|ts)$/.test(e.name) && !e.name.endsWith('.d.ts')) h.update(p.slice(root.length)).update('\0').update(readFileSync(p)).update('\0');
    }
  };
  walk(root);
  return (code = h.digest('hex'));
}

/** What a folder held, for telling whether evidence files came or went since an entry was made. */
export function listingKey(entries: { name: string; dir: boolean; link?: boolean }[]): string {
  return hash(entries.map((e) => `${e.link ? 'l' : e.dir ? 'd' : 'f'}${e.name}`).join('/'));
}
