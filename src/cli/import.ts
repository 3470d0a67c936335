// folio import: unit recording forms in, unit specification YAML out. The importer is loaded
// only when this command runs.
import { Option, type Command } from 'commander';
import { checkForms, importForms } from '../index.js';
import { EXIT, renderOptions, reports, type Io } from './kit.js';
import { plural } from '../text.js';

interface ImportOptions {
  dir?: string;
  out?: string;
  stdout?: boolean;
  force?: boolean;
  unit?: string;
  strict?: boolean;
  check?: boolean;
  format: string;
  color: boolean;
}

export function importCommand(program: Command, io: Io, exit: (code: number) => void): void {
  program
    .command('import')
    .argument('<forms...>', 'unit recording forms or unit specifications: text, PDF or Word (.docx)')
    .description('read unit recording forms or specifications and write unit specification YAML')
    .option('-C, --dir <dir>', 'the centre repository (default: the first folder upwards holding specs/, else here)')
    .option('-o, --out <dir>', 'write the specs here (default: specs/units/ of the centre)')
    .option('--stdout', 'print the specs as YAML instead of writing them')
    .option('--force', 'replace a spec that differs from the form, keeping a backup beside it')
    .option('--unit <id>', 'the unit number, for a form that gives none')
    .option('--strict', 'write no spec for a unit the importer warned about (anything it had to guess)')
    .option('--check', 'write nothing: compare each form with the spec already in specs/ and list every difference (exit 1 when any)')
    .addOption(new Option('-f, --format <format>', 'summary format (json without -o writes nothing)').choices(['table', 'json']).default('table'))
    .option('--no-color', 'no colour (also when NO_COLOR is set or output is not a terminal)')
    .action(async (files: string[], opts: ImportOptions) => {
      // A JSON summary is a dry run unless -o names where to write.
      if (opts.check) {
        const { report, unreadable } = await checkForms(files, { dir: opts.dir, cwd: io.cwd, out: opts.out, unit: opts.unit });
        reports(io).emit('import check', opts.format, report, renderOptions(io, opts.color));
        exit(unreadable ? EXIT.usage : report.units.some((u) => u.differences.length) ? EXIT.findings : EXIT.clean);
        return;
      }
      const write = !opts.stdout && (opts.format === 'table' || opts.out !== undefined);
      const { report, held, unreadable } = await importForms(files, { dir: opts.dir, cwd: io.cwd, out: opts.out, write, force: opts.force, unit: opts.unit, strict: opts.strict });
      reports(io).emit('import', opts.stdout ? 'yaml' : opts.format, report, renderOptions(io, opts.color));
      if (opts.stdout) io.stderr(`${report.warnings.length ? `${plural(report.warnings.length, 'warning')}; run without --stdout to see ${report.warnings.length === 1 ? 'it' : 'them'}. ` : ''}${plural(report.units.length, 'unit')} read.\n`);
      exit(unreadable ? EXIT.usage : held ? EXIT.findings : EXIT.clean);
    });
}
