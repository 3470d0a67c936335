// Keys for the cache: hashes of everything an entry is computed from. The code's own identity
// is part of every key, so a new build of folio (or an edited source file in development)
// never reads an entry an older build wrote.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function hash(...parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
}

let code: string | undefined;
/** A hash of every module of folio itself (the folder this file was loaded from, one level up). */
export function codeId(): string {
  if (code) return code;
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const h = createHash('sha256');
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
