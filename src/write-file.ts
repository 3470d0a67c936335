// Every file folio writes goes through here, so that no write ever clobbers what it should not:
// a record created by someone else while folio ran, a FIFO or device named as a report, a link.
//
//   createFile(path, text, { mode? })   a NEW file: never replaces anything. The text goes into
//       a temporary file in the same folder, which is then hard-linked to the name: link(2)
//       fails with EEXIST when the name exists, so creation is exclusive AND a reader never
//       sees half a file. Where the file system has no hard links, the file is opened with
//       O_EXCL ('wx') and written in place: still exclusive, no longer atomic.
//   replaceFile(path, text, { beforeRename? })   a file that may exist (a report, a spec filled in): written to a
//       temporary file in the same folder and renamed over the name, so the old or the new
//       content is there, never a mix. Refused when the name is a folder, a symbolic link or a
//       special file (FIFO, device, socket): renaming over it would destroy what it is.
//       With { durable: false } the temporary file is not synced before the rename: still never
//       a mix for a reader, but after a power cut the file may be empty. Only for what folio can
//       write again from the centre (the report's pages), where one sync per file was most of
//       the cost.
//   text may be a string, an iterable of pieces (a large report written as it is rendered) or bytes.
//   A temporary file is removed whatever fails. Errors are Node's (with code and path) or
//   WriteRefused; the command line turns both into a message with the path and the fix.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Text, text in pieces, or bytes (an evidence file copied into a report). */
export type Content = string | Iterable<string> | Uint8Array;

/** folio will not write there, and says why and what to do instead. */
export class WriteRefused extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'WriteRefused';
  }
}

export function createFile(path: string, content: Content, opts: { mode?: number } = {}): void {
  const text = typeof content === 'string' || content instanceof Uint8Array ? content : [...content].join(''); // may be written twice
  mkdirSync(dirname(path), { recursive: true });
  const tmp = writeTemp(path, text, opts.mode);
  try {
    linkSync(tmp, path);
  } catch (e) {
    removeQuietly(tmp);
    const code = (e as NodeJS.ErrnoException).code;
    // No hard links here (some network and FAT file systems): exclusive, not atomic.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'EXDEV' || code === 'EMLINK') writeExclusive(path, text, opts.mode);
    else throw asTarget(e, tmp, path);
    return;
  }
  removeQuietly(tmp);
}

export function replaceFile(path: string, text: Content, opts: { beforeRename?: () => void; durable?: boolean } = {}): void {
  mkdirSync(dirname(path), { recursive: true });
  const existing = statOrUndefined(path);
  if (existing) refuseSpecial(path, existing);
  const tmp = writeTemp(path, text, existing ? existing.mode & 0o777 : undefined, opts.durable ?? true);
  try {
    // the last moment to refuse (a record whose file changed since it was read): the window
    // between this check and the rename is as short as it can be made
    opts.beforeRename?.();
    renameSync(tmp, path);
  } catch (e) {
    removeQuietly(tmp);
    throw asTarget(e, tmp, path);
  }
}

/** An error about our temporary file is, to the user, an error writing the file they named. */
function asTarget(e: unknown, tmp: string, path: string): unknown {
  const err = e as NodeJS.ErrnoException & { dest?: string };
  if (err && typeof err === 'object' && (err.path === tmp || err.dest === path)) {
    err.path = path;
    delete err.dest;
    err.syscall = 'write';
  }
  return e;
}

/** Why folio will not replace what is at path (a folder, a link, a FIFO…), or nothing. */
export function refuseSpecial(path: string, s: Stats, otherwise?: string): void {
  const what = s.isDirectory()
    ? 'a folder'
    : s.isSymbolicLink()
      ? 'a symbolic link'
      : s.isFIFO()
        ? 'a named pipe (FIFO)'
        : s.isCharacterDevice() || s.isBlockDevice()
          ? 'a device'
          : s.isSocket()
            ? 'a socket'
            : undefined;
  if (!what) return;
  const fix =
    otherwise ??
    (s.isDirectory()
      ? `name a file inside it, e.g. ${join(path, 'report.txt')}`
      : `folio writes only regular files, replacing them whole; to send a report there, leave out -o (or write -o -) and redirect stdout in the shell: … > ${path}`);
  throw new WriteRefused(path, `${path} is ${what}, not a regular file: ${fix}`);
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** A new temporary file beside path holding text; removed again if writing it fails. */
function writeTemp(path: string, text: Content, mode?: number, durable = true): string {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, 'wx', mode ?? 0o666);
  } catch (e) {
    throw asTarget(e, tmp, path);
  }
  try {
    writeAll(fd, text);
    if (durable) fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    removeQuietly(tmp);
    throw asTarget(e, tmp, path);
  }
  closeSync(fd);
  return tmp;
}

function writeExclusive(path: string, text: Content, mode?: number): void {
  const fd = openSync(path, 'wx', mode ?? 0o666);
  try {
    writeAll(fd, text);
  } catch (e) {
    closeSync(fd);
    removeQuietly(path); // ours: we created it a moment ago
    throw e;
  }
  closeSync(fd);
}

function writeAll(fd: number, text: Content): void {
  for (const piece of typeof text === 'string' || text instanceof Uint8Array ? [text] : text) {
    const buf = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    // a write may take less than asked (a full disk takes none and throws ENOSPC)
    for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off, buf.length - off);
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone, or the folder became unwritable: nothing more can be done
  }
}
