// What the user reads when a command fails for a reason outside folio: a folder named as a
// report, a read-only disk, a full disk, a dangling link. Node's errors carry a code and the
// path; the message says what happened to which path and what to do, never a stack trace.
// Anything else is a bug in folio: its stack is shown so it can be reported (and FOLIO_DEBUG=1
// shows the stack of every error, I/O ones included).
import { WriteRefused } from '../write-file.js';

const WHY: Record<string, [what: string, fix: string]> = {
  EACCES: ['permission denied', 'check the permissions of the file and its folder, or write somewhere you may'],
  EPERM: ['operation not permitted', 'check the permissions and attributes of the file and its folder'],
  EROFS: ['the file system is read-only', 'write to a folder on a writable disk'],
  EISDIR: ['it is a folder', 'name a file, not a folder'],
  ENOTDIR: ['part of the path is a file, not a folder', 'check each folder named in the path'],
  'mkdir-EEXIST': ['a file or a link is where a folder is needed', 'move it aside, or choose another path'],
  ENOENT: ['no such file or folder (or a link to one that does not exist)', 'check the path; a symbolic link must lead to something that exists'],
  EEXIST: ['it exists already', 'folio never replaces a file it creates; move the existing one aside or choose another name'],
  ENOSPC: ['no space left on the disk', 'free some space and run again'],
  EDQUOT: ['your disk quota is used up', 'free some space and run again'],
  ELOOP: ['too many symbolic links (a link loop)', 'check where the links in the path lead'],
  ENAMETOOLONG: ['the name is too long', 'use a shorter path'],
  EMFILE: ['too many open files', 'raise the limit (ulimit -n) and run again'],
  ENFILE: ['too many open files on the system', 'run again later'],
  EBUSY: ['the file is busy', 'close whatever holds it and run again'],
  ETXTBSY: ['the file is busy', 'close whatever holds it and run again'],
  EIO: ['an input/output error from the disk', 'check the disk'],
  EXDEV: ['it is on another disk', 'keep the file and its folder on one disk'],
  ENXIO: ['no such device or nothing reading from it', 'name a regular file'],
};

/** A message for an error from the file system, or undefined when e is something else. */
export function ioMessage(e: unknown): string | undefined {
  if (e instanceof WriteRefused) return e.message;
  const err = e as NodeJS.ErrnoException & { dest?: string };
  if (!err || typeof err !== 'object' || typeof err.code !== 'string' || typeof err.syscall !== 'string') return undefined;
  // mkdir -p meets a file or a link where a folder should be: EEXIST, meaning something else
  const code = err.syscall === 'mkdir' && err.code === 'EEXIST' ? 'mkdir-EEXIST' : err.code;
  const [what, fix] = WHY[code] ?? [err.message.replace(/^[A-Z]+: /, '').replace(/, \w+ .*$/, ''), 'check the path and run again'];
  const paths = [err.path, err.dest].filter((p): p is string => typeof p === 'string');
  const where = paths.length ? paths.join(' → ') : 'a file';
  return `cannot ${verb(err.syscall)} ${where}: ${what} (${err.code}); ${fix}`;
}

function verb(syscall: string): string {
  if (/^(open|read|readdir|readlink|stat|lstat|fstat|realpath|access|scandir)$/.test(syscall)) return syscall === 'open' ? 'open' : 'read';
  if (/^(mkdir)$/.test(syscall)) return 'create the folder';
  if (/^(link|symlink|copyfile)$/.test(syscall)) return 'create';
  if (/^(rename)$/.test(syscall)) return 'replace';
  if (/^(unlink|rmdir|rm)$/.test(syscall)) return 'remove';
  return 'write';
}
