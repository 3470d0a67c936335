// Writing the report's site into a folder. The folder is folio's own: it must be new, empty,
// or a site folio report wrote before (it keeps a list of its files in .folio-report), so
// running the report again replaces its pages and removes those it no longer has, and never
// touches a folder of anything else. Each page is written atomically (write-file.ts) but not
// synced one by one: a site is written again from the centre by the same command, and a sync per
// page was a fifth of a warm report. The list of files, which says the folder is folio's, is
// written last and synced. Evidence files are linked where they are in the centre, or copied
// into the site (a handover pack).
import { lstatSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { slug } from '../render/html/escape.js';
import { renderSite } from '../render/html/site.js';
import { UsageError } from '../usage-error.js';
import { replaceFile } from '../write-file.js';
import type { ReportData } from './report.js';

export const MANIFEST = '.folio-report';

/** How the site is written. */
export interface WriteSiteOptions {
  /** The centre's folder, where the evidence files are. */
  root: string;
  /** Copy each evidence file into the site (evidence/LEARNER/…) rather than link to it. */
  copyEvidence?: boolean;
}

/** What was written. */
export interface WrittenSite {
  dir: string;
  pages: number;
  /** Evidence files copied in. */
  copied: number;
  /** Files of the earlier site that this one no longer has, removed. */
  removed: number;
}

/** Write the site of a report into dir. Throws UsageError for a folder that is not folio's. */
export function writeSite(data: ReportData, out: string, opts: WriteSiteOptions): WrittenSite {
  const dir = resolve(out);
  const before = previousFiles(dir, MANIFEST, 'report');
  const written = new Set<string>();
  const put = (path: string, content: string | Uint8Array) => {
    replaceFile(join(dir, ...path.split('/')), content, { durable: false });
    written.add(path);
  };
  const copies = new Map<string, string>();
  const evidence = (file: string): string[] | undefined => {
    if (!opts.copyEvidence) return relative(dir, join(opts.root, ...file.split('/'))).split(sep);
    // portfolios/ID/rest → evidence/<slug of ID>/rest
    const [, learner, ...rest] = file.split('/');
    const segments = ['evidence', slug(learner!), ...rest];
    copies.set(segments.join('/'), file);
    return segments;
  };
  let pages = 0;
  for (const p of renderSite(data, { evidence })) {
    put(p.path, p.html);
    pages++;
  }
  for (const [to, from] of [...copies].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) put(to, readFileSync(join(opts.root, ...from.split('/'))));
  const removed = removeStale(dir, before, written);
  replaceFile(join(dir, MANIFEST), `# Written by folio report: the files of this site, removed when a later report no longer has them.\n${[...written].sort().join('\n')}\n`);
  return { dir, pages, copied: copies.size, removed };
}

/** Remove the files an earlier write listed that this one did not write; how many. */
export function removeStale(dir: string, before: readonly string[], written: ReadonlySet<string>): number {
  let removed = 0;
  for (const old of before) {
    if (written.has(old)) continue;
    try {
      if (lstatSync(join(dir, ...old.split('/'))).isFile()) {
        unlinkSync(join(dir, ...old.split('/')));
        removed++;
      }
    } catch {
      // already gone
    }
  }
  return removed;
}

/** The files an earlier write of this kind (its manifest) put in dir; [] for a new or empty
 * folder. Any other folder is refused: folio replaces only what it wrote. */
export function previousFiles(dir: string, manifest: string, what: string): string[] {
  let entries: string[];
  try {
    const s = lstatSync(dir);
    if (!s.isDirectory()) throw new UsageError(`-o ${dir}: this is not a folder: name a new or empty folder for the ${what}`);
    entries = readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  if (!entries.length) return [];
  if (!entries.includes(manifest)) throw new UsageError(`-o ${dir}: the folder is not empty and holds no ${what} that folio wrote (no ${manifest}): name a new or empty folder, so nothing else in it is replaced`);
  // A manifest that is a link could point anywhere: only a plain file says the folder is folio's.
  if (!lstatSync(join(dir, manifest)).isFile()) throw new UsageError(`-o ${dir}: ${manifest} there is not a plain file: name a new or empty folder`);
  const listed = readFileSync(join(dir, manifest), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  // Only plain paths inside the folder: a manifest edited to name ../something is not followed.
  return listed.filter((l) => !l.split('/').some((s) => s === '..' || s === '' || s === '.') && !l.includes('\\'));
}
