// The command line: parse flags, call the library, pick a formatter, choose the exit code.
// Only this file writes to stdout or stderr (through the io it is given, so tests run it
// in-process).
import { Command, CommanderError, Option } from 'commander';
import { appendFileSync, chmodSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve as resolvePath } from 'node:path';
import { importForms, type Form } from './import/index.js';
import { writePlan } from './import/write.js';
import { decodeForm } from './import/decode.js';
import { UNITS_DIR } from './load/load.js';
import { pairOutputs, writeReport, type Output } from './outputs.js';
import { checkCi, gapsCi } from './render/ci/adapt.js';
import { githubSummary } from './render/ci/github.js';
import type { CiReport } from './render/ci/report.js';
import { centreFiles, DEFAULT_PACKAGE, portfolioYaml } from './init.js';
import { jsonSchemaFor, SCHEMA_KINDS, type SchemaKind } from './schema/json-schema.js';
import { isIsoDate } from './schema/common.js';
import { fsReader, findRoot } from './load/reader.js';
import { analyse, today, type Analysis, type LearnerReport } from './pipeline/index.js';
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
const VERSION = '0.1.0';

/** The repository that holds the centre: CI tools resolve annotation paths against its root. */
function repositoryRoot(centre: string): string {
  for (let dir = centre; ; dir = dirname(dir)) {
    if (existsSync(resolvePath(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return centre;
  }
}

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
    .version(`folio ${VERSION} (output contract ${CONTRACT})`, '-V, --version')
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
  /** GitHub shows a job summary from this file: counts, every finding, the cohort's status. */
  const stepSummary = (outputs: Output[], report: () => CiReport) => {
    const file = io.env.GITHUB_STEP_SUMMARY;
    if (file && outputs.some((o) => o.format === 'github')) appendFileSync(file, githubSummary(report()));
  };
  const cohortLines = (a: Analysis, render: RenderOptions) => {
    const results = a.learners.map((l) => l.result);
    const gaps = new Map(results.map((r) => [r.id, gapsOf(r).length]));
    return formatted('status', 'markdown', { asOf: a.asOf, learners: results, gaps, staff: new Map(), single: false }, render).trimEnd().split('\n');
  };

  const pickLearners = (a: Analysis, ids: string[], opts: { assessor?: string }): LearnerReport[] => {
    const byId = new Map(a.learners.map((l) => [l.entry.id, l]));
    const broken = ids.filter((id) => a.unreadable.includes(id));
    if (broken.length) throw new UsageError(`the portfolio of ${broken.join(', ')} cannot be read: "folio check" shows why`);
    const unknown = ids.filter((id) => !byId.has(id));
    if (unknown.length) throw new UsageError(`no learner ${unknown.join(', ')} in portfolios/: a learner is named by the folder that holds their portfolio.yaml`);
    let learners = ids.length ? ids.map((id) => byId.get(id)!) : a.learners;
    if (opts.assessor) {
      if (a.specs.centre && !a.specs.centre.staff.has(opts.assessor)) throw new UsageError(`--assessor "${opts.assessor}" is not on the staff list in portfolios/centre.yaml`);
      learners = learners.filter((l) => l.result.assessor === opts.assessor);
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
      const covers = (w: string, file: string) => w === '' || file === w || file.startsWith(`${w}/`);
      const keep = (file: string) => !wanted.length || wanted.some((w) => covers(w, file));
      const nowhere = paths.filter((p, i) => !a.files.some((file) => covers(wanted[i]!, file)));
      if (nowhere.length) throw new UsageError(`${nowhere.join(', ')}: no file of the centre at ${root} is there (paths are taken from the current folder)`);
      const diagnostics = a.diagnostics.filter((d) => keep(d.file));
      const files = a.files.filter(keep).length;
      const summary = { files, errors: diagnostics.filter((d) => d.severity === 'error').length, warnings: diagnostics.filter((d) => d.severity === 'warning').length };
      const ci = { prefix: relative(repositoryRoot(root), root).replace(/\\/g, '/'), version: VERSION };
      const report = { diagnostics, summary, ci };
      const outputs = emitAll('check', report, render);
      stepSummary(outputs, () => checkCi(report, { ...ci, summary: cohortLines(a, render) }));
      if (!outputs.some((o) => !o.file && o.format === 'table')) io.stderr(`${summaryLine(summary)}\n`);
      code = fails(opts.failOn, diagnostics, () => a.learners.some((l) => l.result.status !== 'achieved')) ? EXIT.findings : EXIT.clean;
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
      learners = learners.filter((l) => l.result.units.some((u) => u.id === unit));
    }
    const results = learners.map((l) => l.result);
    const gaps = new Map(results.map((r) => [r.id, gapsOf(r).length]));
    const staff = new Map([...(a.specs.centre?.staff.values() ?? [])].map((s) => [s.id, s.name]));
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
    const { root, reader, asOf, render } = ctx(opts);
    const a = analyse(reader, { asOf, learners: ids.length ? ids : undefined });
    warnIfBroken(a);
    const learners = pickLearners(a, ids, opts);
    const ci = { prefix: relative(repositoryRoot(root), root).replace(/\\/g, '/'), version: VERSION };
    let gaps = learners.flatMap((l) => gapsOf(l.result));
    if (opts.unit) {
      const unit = unitOption(a, opts.unit);
      gaps = gaps.filter((g) => g.unit === unit);
    }
    const names = new Map(learners.map((l) => [l.entry.id, l.result.name]));
    const where = new Map(gaps.map((g) => [g, a.locate(g)]));
    const outputs = emitAll('gaps', { asOf, gaps, names, learners: learners.map((l) => l.entry.id), where, ci }, render);
    stepSummary(outputs, () => gapsCi({ gaps, where }, { ...ci, summary: cohortLines(a, render) }));
    if (fails(opts.failOn, a.diagnostics, () => learners.some((l) => l.result.status !== 'achieved'))) code = EXIT.findings;
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
      emit('spec list', opts.format ?? 'table', { qualifications: a.specs.qualifications, units: a.specs.units }, render);
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
      const units = new Map<string, (typeof a.specs.units)[number]>();
      for (const u of a.specs.units) for (const k of [u.id, ...u.aliases]) units.set(k, u);
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
        const { text, encoding } = decodeForm(readFileSync(path));
        return { file: f, source: inRoot ? relative(root, path).replace(/\\/g, '/') : path.split(/[\\/]/).pop()!, content: text, encoding };
      });
      const folder = {
        read: (name: string) => (existsSync(resolvePath(out, name)) ? readFileSync(resolvePath(out, name), 'utf8') : undefined),
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
      const specs = result.specs.map((s) => ({ ...s, backup: written.find((w) => w.file === s.file)?.backup }));
      const dir = relative(io.cwd, out).replace(/\\/g, '/') || '.';
      const render: RenderOptions = { color: opts.color !== false && io.stdoutIsTTY && !io.env.NO_COLOR, width: io.columns && io.columns > 40 ? Math.min(io.columns, 120) : 80 };
      const report = { units: result.units, warnings: result.warnings, specs, dir, written: write };
      emit('import', opts.stdout ? 'yaml' : opts.format, report, render);
      const held = specs.some((s) => s.action === 'conflict' || s.action === 'unreadable');
      if (opts.stdout) io.stderr(`${result.warnings.length ? `${result.warnings.length} warning(s); run without --stdout to see them. ` : ''}${result.units.length} unit(s) read.\n`);
      code = held || result.warnings.some((w) => w.code === 'no-units') ? EXIT.findings : EXIT.clean;
    });

  program
    .command('schema')
    .argument('[kind]', `one of ${SCHEMA_KINDS.join(', ')} (default: all four)`)
    .description('JSON Schemas of the four kinds of file, for editors (completion, red squiggles)')
    .option('-C, --dir <dir>', 'the centre repository')
    .option('-o, --out <dir>', 'write KIND.schema.json files here (default: schemas/ of the centre); a kind without -o prints its schema')
    .action((kind: string | undefined, opts: { dir?: string; out?: string }) => {
      if (kind !== undefined && !(SCHEMA_KINDS as readonly string[]).includes(kind)) throw new UsageError(`no kind "${kind}": use one of ${SCHEMA_KINDS.join(', ')}`);
      const kinds = (kind ? [kind] : [...SCHEMA_KINDS]) as SchemaKind[];
      if (kind && !opts.out) {
        io.stdout(`${JSON.stringify(jsonSchemaFor(kinds[0]!), null, 2)}\n`);
        return;
      }
      const start = opts.dir ? resolvePath(io.cwd, opts.dir) : io.cwd;
      const dir = opts.out ? resolvePath(io.cwd, opts.out) : resolvePath(findRoot(start) ?? start, 'schemas');
      for (const k of kinds) writeReport(resolvePath(dir, `${k}.schema.json`), `${JSON.stringify(jsonSchemaFor(k), null, 2)}\n`);
      io.stdout(`Wrote ${kinds.map((k) => `${k}.schema.json`).join(', ')} to ${relative(io.cwd, dir) || '.'}.\n`);
    });

  program
    .command('init')
    .argument('[dir]', 'the folder to make a centre repository of (default: here)', '.')
    .description('a new centre repository: specs/, portfolios/centre.yaml, schemas, CI for GitHub and GitLab')
    .option('--hooks', 'also install a git pre-commit hook that checks what each commit changes')
    .option('--name <name>', "the centre's name, for portfolios/centre.yaml")
    .option('--package <spec>', 'how CI installs folio (an npm package spec)', DEFAULT_PACKAGE)
    .action((dir: string, opts: { hooks?: boolean; name?: string; package: string }) => {
      const root = resolvePath(io.cwd, dir);
      if (opts.hooks && !existsSync(resolvePath(root, '.git'))) throw new UsageError(`--hooks needs a git repository at ${dir}: run "git init" there first`);
      const files = centreFiles({ hooks: !!opts.hooks, pkg: opts.package, name: opts.name });
      const taken = files.filter((f) => existsSync(resolvePath(root, f.path)));
      if (taken.length) throw new UsageError(`folio init writes nothing when a file it would write exists already: ${taken.map((f) => f.path).join(', ')}`);
      for (const f of files) {
        const path = resolvePath(root, f.path);
        writeReport(path, f.content);
        if (f.executable) chmodSync(path, 0o755);
      }
      io.stdout(`A new centre in ${relative(io.cwd, root) || '.'}:\n${files.map((f) => `  ${f.path}`).join('\n')}\nNext: fill in portfolios/centre.yaml, import unit specifications with "folio import FORM.txt", add a qualification spec, then "folio learner add".\n`);
    });

  program
    .command('learner')
    .description('learners')
    .command('add')
    .argument('<id>', "the learner's id, which names their folder (e.g. NT-0170)")
    .requiredOption('--name <name>', "the learner's name")
    .requiredOption('--qualification <number>', 'the qualification they are registered for')
    .option('--assessor <id>', 'their assessor (a staff id with the assessor role)')
    .option('--registered <date>', 'the registration date (default: today)')
    .option('-C, --dir <dir>', 'the centre repository')
    .action((id: string, opts: { name: string; qualification: string; assessor?: string; registered?: string; dir?: string }) => {
      const { root, reader } = ctx({ ...opts, color: false, failOn: 'never' });
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) throw new UsageError(`learner id "${id}" cannot name a folder: use letters, digits, ".", "_" and "-"`);
      const folder = resolvePath(root, 'portfolios', id);
      if (existsSync(folder)) throw new UsageError(`portfolios/${id} exists already: folio learner add never overwrites a portfolio`);
      const a = analyse(reader, { asOf: today(), rules: false, learners: [] });
      const q = a.index.qualification(opts.qualification);
      if (!q) throw new UsageError(`no qualification "${opts.qualification}" in specs/qualifications/: "folio spec list" shows what there is`);
      if (opts.assessor) {
        const staff = a.specs.centre?.staff.get(opts.assessor);
        if (!staff || !staff.roles.has('assessor')) throw new UsageError(`--assessor "${opts.assessor}" is not on the staff list in portfolios/centre.yaml with the assessor role`);
      }
      if (opts.registered !== undefined && !isIsoDate(opts.registered)) throw new UsageError(`--registered "${opts.registered}" is not a date: write it as YYYY-MM-DD`);
      writeReport(resolvePath(folder, 'portfolio.yaml'), portfolioYaml({ name: opts.name, qualification: q.id, assessor: opts.assessor, registered: opts.registered ?? today() }));
      io.stdout(`Created portfolios/${id}/portfolio.yaml for ${opts.name} (${q.id}).\n`);
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
