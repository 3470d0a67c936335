// folio init in a folder that already has files, often a repository: what each of its files
// would do there (create, merge lines into, leave alone, or replace), decided before anything
// is written, so a refusal writes nothing. A file that differs is never clobbered: init lists
// every such file and stops, and --force replaces each, keeping its old content in FILE.bak.
import { execFileSync } from 'node:child_process';
import { constants, copyFileSync, lstatSync, readFileSync } from 'node:fs';
import { relative, resolve as resolvePath } from 'node:path';
import type { NewFile } from './init.js';
import { UsageError } from './usage-error.js';
import { createFile, replaceFile } from './write-file.js';

/** What init does with one of its files. */
export interface InitStep {
  path: string;
  action: 'create' | 'merge' | 'unchanged' | 'kept' | 'replace';
  /** For replace: where the old content was kept. */
  backup?: string;
}

/** What to write, given what is there. Throws a UsageError listing every file that differs,
 * unless force. */
export function planInit(root: string, files: NewFile[], force: boolean): { file: NewFile; step: InitStep; text: string }[] {
  const plan = files.map((file) => {
    const path = resolvePath(root, file.path);
    const old = readExisting(path, file.path);
    if (old === undefined) return { file, step: { path: file.path, action: 'create' as const }, text: file.content };
    if (old === file.content) return { file, step: { path: file.path, action: 'unchanged' as const }, text: old };
    if (file.keep) return { file, step: { path: file.path, action: 'kept' as const }, text: old };
    if (file.merge) {
      const merged = mergeLines(old, file.content, file.merge);
      return { file, step: { path: file.path, action: merged === old ? ('unchanged' as const) : ('merge' as const) }, text: merged };
    }
    return { file, step: { path: file.path, action: 'replace' as const }, text: file.content };
  });
  const differ = plan.filter((p) => p.step.action === 'replace').map((p) => p.step.path);
  if (differ.length && !force) throw new UsageError(`folio init would change ${differ.length === 1 ? 'a file that exists already' : `${differ.length} files that exist already`}, and writes nothing: ${differ.join(', ')}. Look at ${differ.length === 1 ? 'it' : 'them'}; --force replaces ${differ.length === 1 ? 'it' : 'each'} and keeps the old content in FILE.bak`);
  return plan;
}

/** Write the plan; returns each file's step (a backup named for each replaced file). */
export function writeInit(root: string, plan: ReturnType<typeof planInit>): InitStep[] {
  return plan.map(({ file, step, text }) => {
    const path = resolvePath(root, file.path);
    if (step.action === 'create') createFile(path, text, { mode: file.executable ? 0o755 : undefined });
    else if (step.action === 'merge') replaceFile(path, text);
    else if (step.action === 'replace') {
      const backup = keepBackup(path);
      replaceFile(path, text);
      return { ...step, backup: relative(root, backup).replace(/\\/g, '/') };
    }
    return step;
  });
}

/** The old text of a file init would write, or undefined when there is none. A folder, link
 * or special file in its place is refused: init writes regular files only. */
function readExisting(path: string, name: string): string | undefined {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return undefined;
  }
  if (!st.isFile()) throw new UsageError(`folio init writes ${name}, but a ${st.isDirectory() ? 'folder' : st.isSymbolicLink() ? 'symbolic link' : 'special file'} is there: move it aside and run init again`);
  return readFileSync(path, 'utf8');
}

/** The old file with the new file's lines it lacks appended. 'patterns' (.gitattributes)
 * counts a pattern already given attributes as present, so the repository's own setting for it
 * stays in force (a later line would override it). */
export function mergeLines(old: string, add: string, how: 'lines' | 'patterns'): string {
  const key = (line: string) => (how === 'patterns' ? line.trim().split(/\s+/)[0]! : line.trim());
  const have = new Set(old.split(/\r?\n/).filter((l) => l.trim() && !l.trim().startsWith('#')).map(key));
  const missing = add.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#') && !have.has(key(l)));
  if (!missing.length) return old;
  return `${old}${old.endsWith('\n') || old === '' ? '' : '\n'}# added by folio init\n${missing.join('\n')}\n`;
}

/** Copy the file to FILE.bak (or .bak.1, .bak.2…), never over an existing backup. */
function keepBackup(path: string): string {
  for (let i = 0; ; i++) {
    const name = i === 0 ? `${path}.bak` : `${path}.bak.${i}`;
    try {
      copyFileSync(path, name, constants.COPYFILE_EXCL);
      return name;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

/** The top of the git repository holding dir, or undefined (not in one, or no git). */
export function gitTop(dir: string): string | undefined {
  try {
    return execFileSync('git', ['-C', dir, 'rev-parse', '--show-toplevel'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Make dir a git repository. Throws a UsageError when git cannot be run. */
export function gitInit(dir: string): void {
  try {
    execFileSync('git', ['-C', dir, 'init', '-q'], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    throw new UsageError(`folio init could not run "git init" in ${dir} (${(e as Error).message.split('\n')[0]}): install git, or run "git init" yourself`);
  }
}

/** Where git runs the pre-commit hook of the repository at top (a worktree or core.hooksPath
 * moves it), relative to root. */
export function hookPath(top: string, root: string): string {
  const p = execFileSync('git', ['-C', top, 'rev-parse', '--path-format=absolute', '--git-path', 'hooks/pre-commit'], { encoding: 'utf8' }).trim();
  return relative(root, p).replace(/\\/g, '/');
}
