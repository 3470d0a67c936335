// `folio import --check`: read forms as import does, find the spec each unit would go to, and
// list how the form and the spec differ (import/compare.ts). Nothing is written.
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { relative, resolve as resolvePath } from 'node:path';
import type { Difference } from '../import/compare.js';
import type { ImportedUnit, ImportWarning } from '../import/types.js';
import { UNITS_DIR } from '../load/files.js';
import { findCentreRoot } from '../locate.js';
import { UsageError } from '../usage-error.js';

/** One unit of a form against its spec. */
export interface UnitCheck {
  unit: ImportedUnit;
  /** The spec file compared with (relative to the working folder), or null when there is none. */
  spec: string | null;
  differences: Difference[];
}

export interface ImportCheckReport {
  units: UnitCheck[];
  warnings: ImportWarning[];
}

export interface CheckFormsOptions {
  dir?: string;
  cwd?: string;
  /** The spec folder. Default: specs/units/ of the centre. */
  out?: string;
  unit?: string;
}

export async function checkForms(files: string[], opts: CheckFormsOptions): Promise<{ report: ImportCheckReport; unreadable: boolean }> {
  const [{ importForms: plan }, { readForms }, { compareUnit }, { fileNameForId }, { parseSpec }, { MAX_FILE_BYTES }] = await Promise.all([
    import('../import/index.js'),
    import('./forms.js'),
    import('../import/compare.js'),
    import('../load/files.js'),
    import('../import/spec-yaml.js'),
    import('../load/guard.js'),
  ]);
  const cwd = opts.cwd ?? process.cwd();
  const start = opts.dir ? resolvePath(cwd, opts.dir) : cwd;
  const root = findCentreRoot(start) ?? start;
  const dir = opts.out ? resolvePath(cwd, opts.out) : resolvePath(root, UNITS_DIR);
  const { forms, unread } = await readForms(files, root, cwd);
  const read = (name: string) => {
    const path = resolvePath(dir, name);
    // a spec folio would not read (a link, a folder, an oversized file) is compared as no spec
    if (!existsSync(path) || !lstatSync(path).isFile() || lstatSync(path).size > MAX_FILE_BYTES) return undefined;
    return readFileSync(path, 'utf8');
  };
  let result;
  try {
    result = plan(forms, { read, list: () => (existsSync(dir) ? readdirSync(dir) : []) }, { force: false, unit: opts.unit });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const units = result.units.map((u) => {
    const name = fileNameForId(result.target.get(u)!);
    const text = read(name);
    const data: unknown = text === undefined ? undefined : parseSpec(text)?.toJS();
    return { unit: u, spec: text === undefined ? null : relative(cwd, resolvePath(dir, name)).replace(/\\/g, '/'), differences: compareUnit(u, data && typeof data === 'object' ? (data as Parameters<typeof compareUnit>[1]) : undefined) };
  });
  return { report: { units, warnings: [...unread, ...result.warnings] }, unreadable: unread.length > 0 };
}
