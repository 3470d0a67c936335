// folio import: unit recording forms in, unit specification YAML out. The importer is loaded
// only when this command runs.
import { Option, type Command } from 'commander';
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve as resolvePath } from 'node:path';
import { UNITS_DIR } from '../load/files.js';
import { MAX_FILE_BYTES } from '../load/guard.js';
import { findRoot } from '../load/reader.js';
import { EXIT, renderOptions, reports, UsageError, type Io } from './kit.js';

interface ImportOptions {
  dir?: string;
  out?: string;
  stdout?: boolean;
  force?: boolean;
  unit?: string;
  format: string;
  color: boolean;
}

export function importCommand(program: Command, io: Io, argv: string[], exit: (code: number) => void): void {
  program
    .command('import')
    .argument('<forms...>', 'text of unit recording forms or unit specifications')
    .description('read unit recording forms or specifications and write unit specification YAML')
    .option('-C, --dir <dir>', 'the centre repository (default: the first folder upwards holding specs/, else here)')
    .option('-o, --out <dir>', 'write the specs here (default: specs/units/ of the centre)')
    .option('--stdout', 'print the specs as YAML instead of writing them')
    .option('--force', 'replace a spec that differs from the form, keeping a backup beside it')
    .option('--unit <id>', 'the unit number, for a form that gives none')
    .addOption(new Option('-f, --format <format>', 'summary format (json without -o writes nothing)').choices(['table', 'json']).default('table'))
    .option('--no-color', 'no colour (also when NO_COLOR is set or output is not a terminal)')
    .action(async (files: string[], opts: ImportOptions) => {
      const [{ importForms }, { writePlan }, { decodeForm }] = await Promise.all([import('../import/index.js'), import('../import/write.js'), import('../import/decode.js')]);
      const start = opts.dir ? resolvePath(io.cwd, opts.dir) : io.cwd;
      const root = findRoot(start) ?? start;
      const out = opts.out ? resolvePath(io.cwd, opts.out) : resolvePath(root, UNITS_DIR);
      const forms = files.map((f) => {
        const path = resolvePath(io.cwd, f);
        if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(`cannot read ${f}: no such file`);
        const inRoot = !relative(root, path).startsWith('..');
        const { text, encoding } = decodeForm(readFileSync(path));
        return { file: f, source: inRoot ? relative(root, path).replace(/\\/g, '/') : path.split(/[\\/]/).pop()!, content: text, encoding };
      });
      const refused = new Map<string, string>();
      const folder = {
        read: (name: string) => existingSpec(resolvePath(out, name), (why) => refused.set(name, why)),
        list: () => (existsSync(out) ? readdirSync(out) : []),
      };
      let result;
      try {
        const schemaFile = resolvePath(root, 'schemas/unit.schema.json');
        const schema = existsSync(schemaFile) ? relative(out, schemaFile).replace(/\\/g, '/') : undefined;
        result = importForms(forms, folder, { force: !!opts.force, unit: opts.unit, schema });
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
      const write = !opts.stdout && (opts.format === 'table' || opts.out !== undefined);
      const written = write ? writePlan(result.specs, out) : [];
      const specs = result.specs.map((s) => {
        const w = written.find((x) => x.file === s.file);
        return { ...s, backup: w?.backup, written: !!w && !w.refused, reason: w?.refused ?? (w ? undefined : (refused.get(s.file) ?? notWritten(s.action, write))) };
      });
      const dir = relative(io.cwd, out).replace(/\\/g, '/') || '.';
      const report = { units: result.units, warnings: result.warnings, specs, dir, written: write };
      reports(io, argv).emit('import', opts.stdout ? 'yaml' : opts.format, report, renderOptions(io, opts.color));
      const held = specs.some((s) => s.action === 'conflict' || s.action === 'unreadable' || (write && s.reason && !s.written && s.action !== 'unchanged'));
      if (opts.stdout) io.stderr(`${result.warnings.length ? `${result.warnings.length} warning(s); run without --stdout to see them. ` : ''}${result.units.length} unit(s) read.\n`);
      exit(held || result.warnings.some((w) => w.code === 'no-units') ? EXIT.findings : EXIT.clean);
    });
}

/** An existing spec's text, or undefined when there is none. A spec folio will not read (a
 * link, which may lead out of the centre; a pipe, which would block; a file over the size
 * folio reads) is given as no text at all, so the import plans it as `unreadable`, never
 * writes it, and check says why. */
function existingSpec(path: string, refuse: (why: string) => void): string | undefined {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return undefined;
  }
  const why = st.isSymbolicLink()
    ? 'is a symbolic link, not a regular file: folio import neither reads nor writes through one; put the spec itself there'
    : !st.isFile()
      ? 'is not a regular file (a folder, pipe, socket or device): move it aside and import again'
      : st.size > MAX_FILE_BYTES
        ? `is larger than folio reads (${MAX_FILE_BYTES / 1024 / 1024} MiB): "folio check" reports it; fix or remove it and import again`
        : undefined;
  if (!why) return readFileSync(path, 'utf8');
  refuse(`the spec ${why}`);
  return '';
}

/** Why a spec was not written, for the JSON report. */
function notWritten(action: string, write: boolean): string {
  if (!write) return 'not asked to write: --format json writes only with -o DIR (--stdout never writes)';
  if (action === 'unchanged') return 'the spec already says what the form says';
  if (action === 'conflict') return 'the spec differs from the form: --force replaces it and keeps a backup';
  if (action === 'unreadable') return 'the spec cannot be read: "folio check" shows why; fix or remove it and import again';
  return 'not written';
}
