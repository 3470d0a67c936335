// Storing an import plan: one spec file at a time, each written atomically (a temporary file
// in the same folder, then a rename), so an interrupted import never leaves half a spec. A new
// spec is created exclusively: one that appeared since the plan was made is left alone and
// reported as not written. A spec replaced under --force is first copied to a backup that is
// never overwritten.
import { constants, copyFileSync, lstatSync, mkdirSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { createFile, refuseSpecial, replaceFile, WriteRefused } from '../write-file.js';
import type { SpecPlan } from './index.js';

export interface Written {
  file: string;
  backup?: string;
  /** Set when the spec was NOT written, saying why. */
  refused?: string;
}

export function writePlan(specs: SpecPlan[], dir: string): Written[] {
  mkdirSync(dir, { recursive: true });
  const out: Written[] = [];
  for (const s of specs) {
    if (s.action !== 'create' && s.action !== 'update' && s.action !== 'replace') continue;
    const path = join(dir, s.file);
    if (s.action === 'create') {
      try {
        createFile(path, s.text);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        out.push({ file: s.file, refused: 'the spec file appeared while folio ran: import again to compare it with the form' });
        continue;
      }
      out.push({ file: s.file });
      continue;
    }
    // a link or special file is refused before any backup is made of what it leads to
    const existing = lstatOrUndefined(path);
    try {
      if (existing) refuseSpecial(path, existing, 'folio import replaces only a spec that is a regular file: put the spec itself in its place, or print the specs with --stdout');
    } catch (e) {
      if (!(e instanceof WriteRefused)) throw e;
      out.push({ file: s.file, refused: e.message });
      continue;
    }
    const backup = s.action === 'replace' ? keepBackup(dir, s.file) : undefined;
    replaceFile(path, s.text);
    out.push({ file: s.file, backup });
  }
  return out;
}

/** Copy the spec to NAME.bak (or .bak.1, .bak.2…): never over an existing backup. */
function keepBackup(dir: string, file: string): string | undefined {
  for (let i = 0; ; i++) {
    const name = i === 0 ? `${file}.bak` : `${file}.bak.${i}`;
    try {
      copyFileSync(join(dir, file), join(dir, name), constants.COPYFILE_EXCL);
      return name;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return undefined; // the spec went away meanwhile: nothing to keep
      if (code !== 'EEXIST') throw e;
    }
  }
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
