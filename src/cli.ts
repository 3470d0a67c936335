// The command line: parse flags, call the library, pick a formatter, choose the exit code.
// Only this file writes to stdout or stderr (through the io it is given, so tests run it
// in-process).
import { Command, CommanderError, Option } from 'commander';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve as resolvePath } from 'node:path';
import { importForms, type Form } from './import/index.js';
import { writePlan } from './import/write.js';
import { UNITS_DIR } from './load/load.js';
import { pairOutputs, writeReport, type Output } from './outputs.js';
import { isIsoDate } from './schema/common.js';
import { fsReader, findRoot } from './load/reader.js';
import { analyse, today, type Analysis } from './pipeline.js';
import { summaryLine } from './render/check.js';
import { FORMATTERS, formatsOf, type Command as FormatCommand } from './render/registry.js';
import type { RenderOptions } from './render/style.js';
import { gapsOf } from './status/gaps.js';
import { VERSION as CONTRACT } from './render/contract.js';

export interface Io {
  stdout(s: string): void;
  stderr(s: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  columns?: number;
}

/** A problem with how folio was called or with unreadable input: exit 2. */
class UsageError extends Error {}

interface Common {
  C?: string;
  format?: string;
  asOf?: string;
  color: boolean;
  failOn: FailOn;
}

/** When a command exits 1: on errors, on warnings too, when a learner shown is incomplete, or never. */
const FAIL_ON = ['error', 'warning', 'incomplete', 'never'] as const;
type FailOn = (typeof FAIL_ON)[number];

const EXIT = { clean: 0, findings: 1, usage: 2 } as const;

function commonOptions(cmd: Command, command: FormatCommand, failOn: FailOn): Command {
  cmd
    .option('-C, --dir <dir>', 'the centre repository (default: the first folder upwards holding specs/)')
    .option('-f, --format <format>', `output format: ${formatsOf(command).join(', ')}; repeat with -o FILE for several reports`)
    .option('-o, --output <file>', 'write the report of the --format before it to FILE')
    .option('--as-of <date>', 'the date "today" means (YYYY-MM-DD), for reproducible reports')
    .option('--no-color', 'no colour (also when NO_COLOR is set or output is not a terminal)')
    .addOption(new Option('--fail-on <when>', 'exit 1 on errors, on warnings too, when a learner shown is incomplete, or never').choices(FAIL_ON).default(failOn));
  return cmd;
}

/** Does the --fail-on policy fail this run? */
function fails(policy: FailOn, diagnostics: { severity: string }[], incomplete: () => boolean): boolean {
  if (policy === 'never') return false;
  if (diagnostics.some((d) => d.severity === 'error')) return true;
  if (policy === 'warning') return diagnostics.length > 0;
  return policy === 'incomplete' && incomplete();
}

export async function main(argv: string[], io: Io): Promise<number> {
  let code: number = EXIT.clean;
  const program = new Command();
  program
    .name('folio')
    .description('Portfolios of evidence for vocational qualifications, checked against their assessment criteria.')
    .version(`folio 0.1.0 (output contract ${CONTRACT})`, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (s, write) => write(s) })
    .showSuggestionAfterError(true);

  const ctx = (opts: Common & { dir?: string }) => {
    const start = opts.dir ? resolvePath(io.cwd, opts.dir) : io.cwd;
    const root = findRoot(start);
    if (!root) throw new UsageError(`no specs/ folder at or above ${start}: run folio inside a centre repository, or name one with -C DIR`);
    if (opts.asOf !== undefined && !isIsoDate(opts.asOf)) throw new UsageError(`--as-of "${opts.asOf}" is not a date: write it as YYYY-MM-DD, e.g. 2026-06-30`);
    const columns = io.columns && io.columns > 40 ? Math.min(io.columns, 120) : 80;
    const render: RenderOptions = { color: opts.color !== false && io.stdoutIsTTY && !io.env.NO_COLOR, width: columns };
    return { root, reader: fsReader(root), asOf: opts.asOf ?? today(), render };
  };

  const emit = <C extends FormatCommand>(command: C, format: string, data: unknown, render: RenderOptions) => {
    io.stdout(formatted(command, format, data, render));
  };
  const formatted = <C extends FormatCommand>(command: C, format: string, data: unknown, render: RenderOptions) => {
    const f = (FORMATTERS[command] as Record<string, (d: never, o: RenderOptions) => string>)[format];
    if (!f) throw new UsageError(`${command} has no format "${format}": use one of ${formatsOf(command).join(', ')}`);
    return f(data as never, render);
  };
  /** Every report the --format/-o pairs ask for; returns whether one went to stdout as a table. */
  const emitAll = <C extends FormatCommand>(command: C, data: unknown, render: RenderOptions): Output[] => {
    let outputs: Output[];
    try {
      outputs = pairOutputs(argv, formatsOf(command), 'table', (p) => resolvePath(io.cwd, p));
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    for (const o of outputs) {
      if (o.file) writeReport(o.file, formatted(command, o.format, data, { ...render, color: false }));
      else emit(command, o.format, data, render);
    }
    return outputs;
  };

  const pickLearners = (a: Analysis, ids: string[], opts: { assessor?: string }) => {
    const known = new Set(a.centre.learners.map((l) => l.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) throw new UsageError(`no learner ${unknown.join(', ')} in portfolios/: a learner is named by the folder that holds their portfolio.yaml`);
    let learners = ids.length ? ids.map((id) => a.centre.learners.find((l) => l.id === id)!) : a.centre.learners;
    if (opts.assessor) {
      if (a.centre.centre && !a.centre.centre.staff.has(opts.assessor)) throw new UsageError(`--assessor "${opts.assessor}" is not on the staff list in portfolios/centre.yaml`);
      learners = learners.filter((l) => l.assessor === opts.assessor);
    }
    return learners;
  };

  const unitOption = (a: Analysis, ref: string) => {
    const spec = a.index.unit(ref);
    if (!spec) throw new UsageError(`--unit "${ref}": no such unit in specs/units/`);
    return spec.id;
  };

  const warnIfBroken = (a: Analysis) => {
    const errors = a.diagnostics.filter((d) => d.severity === 'error').length;
    if (errors) io.stderr(`folio: ${errors} error${errors === 1 ? '' : 's'} in the centre's files; results leave out what could not be read. Run "folio check" for details.\n`);
  };

  commonOptions(program.command('check').argument('[paths...]', 'only report on these files or folders').description('validate every file of the centre and report every problem'), 'check', 'error').action(
    (paths: string[], opts: Common & { dir?: string }) => {
      const { root, reader, asOf, render } = ctx(opts);
      const a = analyse(reader, { asOf });
      const wanted = paths.map((p) => resolvePath(io.cwd, p).slice(root.length + 1).replace(/\\/g, '/'));
      const keep = (file: string) => !wanted.length || wanted.some((w) => w === '' || file === w || file.startsWith(`${w}/`));
      const diagnostics = a.diagnostics.filter((d) => keep(d.file));
      const files = a.centre.files.filter(keep).length;
      const summary = { files, errors: diagnostics.filter((d) => d.severity === 'error').length, warnings: diagnostics.filter((d) => d.severity === 'warning').length };
      const outputs = emitAll('check', { diagnostics, summary }, render);
      if (!outputs.some((o) => !o.file && o.format === 'table')) io.stderr(`${summaryLine(summary)}\n`);
      code = fails(opts.failOn, diagnostics, () => a.centre.learners.some((l) => a.result(l).status !== 'achieved')) ? EXIT.findings : EXIT.clean;
    },
  );

  commonOptions(
    program
      .command('status')
      .argument('[learners...]', 'learner ids (folder names); one or more for the per-unit view')
      .description('achievement status: the cohort, or one learner unit by unit')
      .option('-d, --detail', 'every criterion, grouped by outcome, with its evidence')
      .option('--assessor <id>', "only this assessor's learners")
      .option('--unit <id>', 'only this unit'),
    'status',
    'never',
  ).action((ids: string[], opts: Common & { dir?: string; detail?: boolean; assessor?: string; unit?: string }) => {
    const { reader, asOf, render } = ctx(opts);
    const a = analyse(reader, { asOf, learners: ids.length ? ids : undefined });
    warnIfBroken(a);
    let learners = pickLearners(a, ids, opts);
    let unit: string | undefined;
    if (opts.unit) {
      unit = unitOption(a, opts.unit);
      learners = learners.filter((l) => a.result(l).units.some((u) => u.id === unit));
    }
    const results = learners.map((l) => a.result(l));
    const gaps = new Map(results.map((r) => [r.id, gapsOf(r).length]));
    const staff = new Map([...(a.centre.centre?.staff.values() ?? [])].map((s) => [s.id, s.name]));
    emitAll('status', { asOf, learners: results, gaps, staff, single: ids.length > 0, unit }, { ...render, detail: opts.detail });
    if (fails(opts.failOn, a.diagnostics, () => results.some((r) => r.status !== 'achieved'))) code = EXIT.findings;
  });

  commonOptions(
    program
      .command('gaps')
      .argument('[learners...]', 'learner ids (folder names)')
      .description('what stands between each learner and achievement, and what to do next')
      .option('--assessor <id>', "only this assessor's learners")
      .option('--unit <id>', 'only gaps in this unit'),
    'gaps',
    'never',
  ).action((ids: string[], opts: Common & { dir?: string; assessor?: string; unit?: string }) => {
    const { reader, asOf, render } = ctx(opts);
    const a = analyse(reader, { asOf, learners: ids.length ? ids : undefined });
    warnIfBroken(a);
    const learners = pickLearners(a, ids, opts);
    let gaps = learners.flatMap((l) => gapsOf(a.result(l)));
    if (opts.unit) {
      const unit = unitOption(a, opts.unit);
      gaps = gaps.filter((g) => g.unit === unit);
    }
    const names = new Map(learners.map((l) => [l.id, l.name]));
    emitAll('gaps', { asOf, gaps, names, learners: learners.map((l) => l.id) }, render);
    if (fails(opts.failOn, a.diagnostics, () => learners.some((l) => a.result(l).status !== 'achieved'))) code = EXIT.findings;
  });

  const spec = program.command('spec').description('the unit and qualification specifications');
  spec
    .command('list')
    .description('every qualification and unit')
    .option('-C, --dir <dir>', 'the centre repository')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatsOf('spec list')).default('table'))
    .option('--no-color', 'no colour')
    .action((opts: Common & { dir?: string }) => {
      const { reader, render } = ctx(opts);
      const a = analyse(reader, { asOf: today(), rules: false, learners: [] });
      emit('spec list', opts.format ?? 'table', { qualifications: a.centre.qualifications, units: a.centre.units }, render);
    });
  spec
    .command('show')
    .argument('<id>', 'a unit number or alias, or a qualification number')
    .description('one unit with its outcomes and criteria, or one qualification with its rules of combination')
    .option('-C, --dir <dir>', 'the centre repository')
    .option('-d, --detail', 'include guidance and range')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatsOf('spec show')).default('table'))
    .option('--no-color', 'no colour')
    .action((id: string, opts: Common & { dir?: string; detail?: boolean }) => {
      const { reader, render } = ctx(opts);
      const a = analyse(reader, { asOf: today(), rules: false, learners: [] });
      const unit = a.index.unit(id);
      const qualification = unit ? undefined : a.index.qualification(id);
      if (!unit && !qualification) throw new UsageError(`no unit or qualification "${id}" in specs/: "folio spec list" shows what there is`);
      const units = new Map<string, (typeof a.centre.units)[number]>();
      for (const u of a.centre.units) for (const k of [u.id, ...u.aliases]) units.set(k, u);
      emit('spec show', opts.format ?? 'table', { unit, qualification, units }, { ...render, detail: opts.detail });
    });

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
    .action((files: string[], opts: { dir?: string; out?: string; stdout?: boolean; force?: boolean; unit?: string; format: string; color: boolean }) => {
      const start = opts.dir ? resolvePath(io.cwd, opts.dir) : io.cwd;
      const root = findRoot(start) ?? start;
      const out = opts.out ? resolvePath(io.cwd, opts.out) : resolvePath(root, UNITS_DIR);
      const forms: Form[] = files.map((f) => {
        const path = resolvePath(io.cwd, f);
        if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(`cannot read ${f}: no such file`);
        const inRoot = !relative(root, path).startsWith('..');
        return { file: f, source: inRoot ? relative(root, path).replace(/\\/g, '/') : path.split(/[\\/]/).pop()!, content: readFileSync(path, 'utf8') };
      });
      const folder = {
        read: (name: string) => (existsSync(resolvePath(out, name)) ? readFileSync(resolvePath(out, name), 'utf8') : undefined),
        list: () => (existsSync(out) ? readdirSync(out) : []),
      };
      let result;
      try {
        result = importForms(forms, folder, { force: !!opts.force, unit: opts.unit });
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
      const write = !opts.stdout && (opts.format === 'table' || opts.out !== undefined);
      const written = write ? writePlan(result.specs, out) : [];
      const specs = result.specs.map((s) => ({ ...s, backup: written.find((w) => w.file === s.file)?.backup }));
      const dir = relative(io.cwd, out).replace(/\\/g, '/') || '.';
      const render: RenderOptions = { color: opts.color !== false && io.stdoutIsTTY && !io.env.NO_COLOR, width: io.columns && io.columns > 40 ? Math.min(io.columns, 120) : 80 };
      const report = { units: result.units, warnings: result.warnings, specs, dir, written: write };
      emit('import', opts.stdout ? 'yaml' : opts.format, report, render);
      const held = specs.some((s) => s.action === 'conflict' || s.action === 'unreadable');
      if (opts.stdout) io.stderr(`${result.warnings.length ? `${result.warnings.length} warning(s); run without --stdout to see them. ` : ''}${result.units.length} unit(s) read.\n`);
      code = held || !result.units.length ? EXIT.findings : EXIT.clean;
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.clean;
      return EXIT.usage;
    }
    if (e instanceof UsageError) {
      io.stderr(`folio: ${e.message}\n`);
      return EXIT.usage;
    }
    io.stderr(`folio: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.usage;
  }
  return code;
}
