// The one way folio changes a file the user wrote (a portfolio, the centre file). Every writing
// command describes its change and this runs it:
//   read the file (through the centre's reader: no links out, no special files, size bounds)
//   → refuse it when folio cannot read it as it stands (its findings, located; file untouched)
//   → splice the change into the text at the Document's node ranges (edit.ts)
//   → read the result back as check reads it and compare with the data the change meant
//   → assess the learner before and after through the same pipeline as `folio check`, with the
//     new text in place of the file: any new error refuses the change with check's own findings
//   → the diff, the statuses that moved, the next gaps; with dryRun, stop here
//   → write atomically, refusing when the file changed since it was read (hash just before the
//     rename), and copy new evidence files in, never over a different file.
// Each lifecycle command (withdraw, transfer) is one more Change; one that changes several files
// (reassign) prepares them all before it writes any.
import { createHash } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import type { Document } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import type { Reader } from '../load/reader.js';
import { analyse, type Analysed } from '../pipeline/index.js';
import { parseYaml } from '../source.js';
import type { LearnerResult } from '../status/types.js';
import { parseBounded } from '../yaml-bounds.js';
import { createFile, replaceFile } from '../write-file.js';
import { unifiedDiff } from './diff.js';
import { applySplices, type Splice } from './edit.js';
import { movedBetween, type Moved } from './moved.js';

/** A refusal: nothing was written. code is check's when findings say why, else folio's own. */
export class RecordRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
    this.name = 'RecordRefused';
  }
  /** What stands in the way, when the refusal is about a unit's criteria (a sign-off). */
  gaps?: import('../status/gaps.js').GapGroup[];
}

/** A file the change adds beside the one it edits (an evidence file copied in). */
export interface NewFile {
  /** Centre-relative. */
  file: string;
  content: Buffer;
}

export interface Change {
  /** The centre-relative file to edit. */
  file: string;
  /** The learner whose portfolio it is; absent for the centre file (every learner is assessed). */
  learner?: string;
  /** Where in the text what changes: splices at the Document's node ranges. */
  edit(doc: Document.Parsed, text: string): Splice[];
  /** The file's data after the change, from its data before (a copy: change it in place). */
  expect(value: Record<string, unknown>): void;
  /** Files to create with it. */
  files?: NewFile[];
  /** A new error of these codes does not refuse the change (signoff --force). */
  allow?: readonly string[];
}

export interface Recorded {
  file: string;
  /** The files written (or that would be), the edited file first. */
  files: string[];
  written: boolean;
  diff: string;
  /** Criterion, unit and qualification statuses that moved, for the learner. */
  moved: Moved[];
  /** The learner's results after the change. */
  after?: LearnerResult;
  /** Findings the change brings that do not refuse it: warnings, and allowed errors. */
  findings: Diagnostic[];
}

// What makes a file one folio will not rewrite: it cannot read it, or reads it only in part.
const UNREADABLE = new Set(['yaml-syntax', 'duplicate-key', 'too-deep', 'alias-expansion', 'value-too-long', 'too-many-values', 'file-unreadable', 'link-outside', 'special-file', 'file-too-large', 'file-encoding', 'control-character']);

/** A change checked and ready to write: what it would record, and the write itself. */
export interface Prepared {
  result: Recorded;
  /** Write it (atomically, refused when the file changed since it was read). */
  write(): Recorded;
  /** Put back the text it replaced, when the file is still as this change wrote it (a later
   * file of the same command was refused); never over anyone else's change. */
  undo(): void;
}

/** Run a change on the centre at root, read through reader, as of asOf. */
export async function runChange(root: string, reader: Reader, change: Change, opts: { asOf: string; dryRun?: boolean; beforeWrite?: () => void; before?: Analysed }): Promise<Recorded> {
  const p = await prepareChange(root, reader, change, opts);
  if (opts.dryRun) return p.result;
  opts.beforeWrite?.();
  return p.write();
}

/** Everything a change does short of writing: read, splice, read back, assess before and after.
 * A command that changes several files (folio learner reassign) prepares them all, then writes
 * them only when none was refused. */
export async function prepareChange(root: string, reader: Reader, change: Change, opts: { asOf: string; before?: Analysed }): Promise<Prepared> {
  const { file } = change;
  const base = quiet(reader);
  const before = opts.before ?? (await assessWith(base, change, opts.asOf));
  const unreadable = before.analysis.diagnostics.filter((d) => d.file === file && UNREADABLE.has(d.code));
  if (unreadable.length) throw new RecordRefused(unreadable[0]!.code, `${file} cannot be read as it stands, so folio will not rewrite it: fix what check reports there first (nothing was written)`, unreadable);
  let text: string;
  try {
    text = reader.read(file);
  } catch (e) {
    throw new RecordRefused('file-unreadable', `${file}: ${(e as Error).message}`);
  }
  const hash = digest(text);
  const parsed = parseBounded(text);
  if (parsed.tooDeep !== undefined || parsed.doc.errors.length) throw new RecordRefused('yaml-syntax', `${file} cannot be read as it stands: run "folio check ${file}" (nothing was written)`);
  const value = parseYaml(file, text).value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new RecordRefused('invalid-type', `${file} does not hold a mapping at the top: run "folio check ${file}" (nothing was written)`);

  // a file written with CRLF line ends gets them in the new lines too
  const crlf = text.includes('\r\n');
  const next = applySplices(text, change.edit(parsed.doc, text).map((s) => (crlf ? { ...s, text: s.text.replace(/\r?\n/g, '\r\n') } : s)));
  const expected = structuredClone(value) as Record<string, unknown>;
  change.expect(expected);
  const reread = parseYaml(file, next);
  if (reread.findings.length || !sameData(reread.value, expected)) {
    throw new RecordRefused('record-unsafe', `folio could not make this change to ${file} without changing something else in it, so nothing was written: make it by hand, and please report this with the file`);
  }

  const added = new Map<string, string | Buffer>([[file, next], ...(change.files ?? []).map((f) => [f.file, f.content] as [string, Buffer])]);
  const after = await assessWith(overlay(base, added), change, opts.asOf);
  const fresh = newFindings(before.analysis.diagnostics, after.analysis.diagnostics);
  const refusing = fresh.filter((d) => d.severity === 'error' && !(change.allow ?? []).includes(d.code));
  if (refusing.length) throw new RecordRefused(refusing[0]!.code, `folio check would report ${refusing.length === 1 ? 'this' : `these ${refusing.length} problems`} after the change, so nothing was written`, refusing);

  const id = change.learner;
  const resultOf = (a: Analysed) => (id && a.analysis.learners.some((l) => l.id === id) ? a.results.get(id) : undefined);
  const was = resultOf(before);
  const now = resultOf(after);
  const result: Recorded = {
    file,
    files: [file, ...(change.files ?? []).map((f) => f.file)],
    written: false,
    diff: unifiedDiff(file, text, next),
    moved: was && now ? movedBetween(was, now) : [],
    after: now,
    findings: fresh.filter((d) => !refusing.includes(d)),
  };
  return {
    result,
    write: () => writeChange(root, change, next, hash, result),
    undo: () => {
      const wrote = digest(next);
      try {
        replaceFile(resolvePath(root, file), text, {
          beforeRename: () => {
            if (digest(readFileSync(resolvePath(root, file), 'utf8')) !== wrote) throw new RecordRefused('file-changed', `${file} changed since folio wrote it`);
          },
        });
        for (const f of change.files ?? []) removeQuietly(resolvePath(root, f.file));
      } catch {
        // changed by someone else since: theirs stays
      }
    },
  };
}


function writeChange(root: string, change: Change, next: string, hash: string, result: Recorded): Recorded {
  const { file } = change;
  const created: string[] = [];
  try {
    for (const f of change.files ?? []) {
      createFile(resolvePath(root, f.file), f.content);
      created.push(f.file);
    }
    replaceFile(resolvePath(root, file), next, {
      beforeRename: () => {
        let now: string;
        try {
          now = readFileSync(resolvePath(root, file), 'utf8');
        } catch {
          now = '';
        }
        if (digest(now) !== hash) throw new RecordRefused('file-changed', `${file} changed while folio was recording (another command, an editor, a pull?): nothing was written; look at the change, then run the command again`);
      },
    });
  } catch (e) {
    for (const f of created) removeQuietly(resolvePath(root, f));
    throw e;
  }
  return { ...result, written: true };
}

/** A new file (a new learner's portfolio) as check would judge it, before it is created: refused
 * with check's findings for any error it would bring. The whole centre is assessed, so a ULN
 * another learner has is found too. */
export async function checkNewFile(reader: Reader, file: string, text: string, asOf: string, given?: Analysed): Promise<Diagnostic[]> {
  const base = quiet(reader);
  const before = given ?? (await centreBefore(reader, asOf));
  const after = await analyse(overlay(base, new Map([[file, text]])), { asOf, results: false, rules: true });
  const fresh = newFindings(before.analysis.diagnostics, after.analysis.diagnostics);
  const refusing = fresh.filter((d) => d.severity === 'error');
  if (refusing.length) throw new RecordRefused(refusing[0]!.code, `folio check would report ${refusing.length === 1 ? 'this' : `these ${refusing.length} problems`} in the new portfolio, so it was not created`, refusing);
  return fresh;
}

/** The centre as check sees it before a change, assessed once: what a command checks its input
 * against (the specs, the staff) and what runChange or checkNewFile compares the change with.
 * A command that needs the specs before it can describe its change passes this on as before. */
export function centreBefore(reader: Reader, asOf: string, learner?: string): Promise<Analysed> {
  return analyse(quiet(reader), { asOf, learners: learner ? [learner] : undefined, results: true, rules: true });
}

function digest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // gone already
  }
}

function assessWith(reader: Reader, change: Change, asOf: string): Promise<Analysed> {
  return analyse(reader, { asOf, learners: change.learner ? [change.learner] : undefined, results: true, rules: true });
}

/** The reader as it is, but with no root: workers would read the files from disk, not the
 * change. */
function quiet(reader: Reader): Reader {
  return { list: (d) => reader.list(d), read: (f) => reader.read(f), isFile: (f) => reader.isFile(f), within: (f, d) => reader.within(f, d), leaves: (p) => reader.leaves(p) };
}

/** The centre with some files as they will be after the change. */
function overlay(base: Reader, files: Map<string, string | Buffer>): Reader {
  const folderOf = (f: string) => f.slice(0, Math.max(0, f.lastIndexOf('/')));
  return {
    ...base,
    read: (f) => {
      const t = files.get(f);
      return t === undefined ? base.read(f) : typeof t === 'string' ? t : t.toString('utf8');
    },
    isFile: (f) => files.has(f) || base.isFile(f),
    list: (dir) => {
      const out = base.list(dir);
      const names = new Set(out.map((e) => e.name));
      for (const f of files.keys()) {
        let d = folderOf(f);
        let name = f.slice(d.length ? d.length + 1 : 0);
        let isDir = false;
        // a new file in a new folder makes the folder appear in its parent's listing
        while (d !== dir && d.length > dir.length) {
          name = d.slice(d.lastIndexOf('/') + 1);
          d = folderOf(d);
          isDir = true;
        }
        if (d === dir && !names.has(name)) {
          out.push({ name, dir: isDir });
          names.add(name);
        }
      }
      return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },
  };
}

/** Findings after that were not there before: compared by code, message id and data, since the
 * change moves lines. */
function newFindings(before: Diagnostic[], after: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => `${d.file}\0${d.code}\0${d.messageId ?? d.message}\0${JSON.stringify(d.data ?? {})}`;
  const counts = new Map<string, number>();
  for (const d of before) counts.set(key(d), (counts.get(key(d)) ?? 0) + 1);
  return after.filter((d) => {
    const n = counts.get(key(d)) ?? 0;
    if (n > 0) {
      counts.set(key(d), n - 1);
      return false;
    }
    return true;
  });
}

function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === undefined && b === null ? false : a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  // key order is part of what the file says
  return ka.every((k, i) => k === kb[i] && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
