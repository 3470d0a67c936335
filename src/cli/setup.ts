// Setting a centre up: folio init, folio learner add, folio schema. Their templates and the
// JSON Schema generator are loaded only when one of these runs.
import { Option, type Command } from 'commander';
import { relative, resolve as resolvePath } from 'node:path';
import { addLearner, findCentreRoot, format, initCentre, jsonSchema, RecordRefused, SCHEMA_KINDS, type InitStep, type SchemaKind } from '../index.js';
import { writeReport } from '../outputs.js';
import type { RecordReport } from '../render/record.js';
import { visible } from '../render/safe.js';
import { centreRun, EXIT, UsageError, type Io } from './kit.js';

export function setupCommands(program: Command, io: Io, exit: (code: number) => void): void {
  program
    .command('schema')
    .argument('[kind]', `one of ${SCHEMA_KINDS.join(', ')} (default: all four)`)
    .description('JSON Schemas of the four kinds of file, for editors (completion, red squiggles)')
    .option('-C, --dir <dir>', 'the centre repository')
    .option('-o, --out <dir>', 'write KIND.schema.json files here (default: schemas/ of the centre); a kind without -o prints its schema')
    .option('--no-color', 'no colour (folio schema prints none)')
    .action(async (kind: string | undefined, opts: { dir?: string; out?: string }) => {
      if (kind !== undefined && !(SCHEMA_KINDS as readonly string[]).includes(kind)) throw new UsageError(`no kind "${kind}": use one of ${SCHEMA_KINDS.join(', ')}`);
      const kinds = (kind ? [kind] : [...SCHEMA_KINDS]) as SchemaKind[];
      if (kind && !opts.out) {
        io.stdout(`${JSON.stringify(await jsonSchema(kinds[0]!), null, 2)}\n`);
        return;
      }
      const start = opts.dir ? resolvePath(io.cwd, opts.dir) : io.cwd;
      const dir = opts.out ? resolvePath(io.cwd, opts.out) : resolvePath(findCentreRoot(start) ?? start, 'schemas');
      for (const k of kinds) writeReport(resolvePath(dir, `${k}.schema.json`), `${JSON.stringify(await jsonSchema(k), null, 2)}\n`);
      io.stdout(`Wrote ${kinds.map((k) => `${k}.schema.json`).join(', ')} to ${relative(io.cwd, dir) || '.'}.\n`);
    });

  program
    .command('init')
    .argument('[dir]', 'the folder to make a centre repository of (default: here)', '.')
    .description('a new centre repository: specs/, portfolios/centre.yaml, schemas, CI for GitHub and GitLab')
    .option('--hooks', 'also install a git pre-commit hook that checks what each commit changes')
    .option('--name <name>', "the centre's name, for portfolios/centre.yaml")
    .option('--package <spec>', 'how CI and the hook install folio: a tarball made by npm pack (committed to the centre), a git URL or a package name (default: where this folio was installed from)')
    .option('--force', 'replace files that differ from what init writes, keeping each old one as FILE.bak')
    .addOption(new Option('--ci <ci>', 'which CI files to write').choices(['both', 'github', 'gitlab', 'none']).default('both'))
    .option('-C, --dir <dir>', 'start here, as if folio ran in this folder (DIR is then read from it)')
    .option('--no-color', 'no colour (folio init prints none)')
    .action(async (dir: string, opts: { hooks?: boolean; name?: string; package?: string; force?: boolean; dir?: string; ci: string }) => {
      const cwd = opts.dir ? resolvePath(io.cwd, opts.dir) : io.cwd;
      const root = resolvePath(cwd, dir);
      const ci = opts.ci === 'both' ? (['github', 'gitlab'] as const) : opts.ci === 'none' ? [] : [opts.ci as 'github' | 'gitlab'];
      const r = await initCentre(dir, { cwd, hooks: opts.hooks, name: opts.name, package: opts.package, force: opts.force, ci });
      const where = relative(io.cwd, root) || '.';
      const said: Record<InitStep['action'], string> = { create: 'created', merge: 'added missing lines', unchanged: 'already as folio writes it', kept: "the centre's own: left as it is", replace: 'replaced' };
      const lines = r.files.map((f) => `  ${f.path}  (${said[f.action]}${f.backup ? `; the old one is ${f.backup}` : ''})`);
      const out = [
        ...(r.gitInit ? [`${where} was not in a git repository: ran "git init" there.`] : []),
        `A new centre in ${where}:`,
        ...lines,
        `The ${[ci.length ? 'CI files' : '', opts.hooks ? 'pre-commit hook' : ''].filter(Boolean).join(' and the ') || 'CI files (none written this time)'} install folio with: ${r.package.spec}`,
        `  (from ${r.package.source})`,
        'Next: fill in portfolios/centre.yaml, import unit specifications with "folio import FORM.txt", add a qualification spec, then "folio learner add".',
      ];
      io.stdout(`${out.join('\n')}\n`);
      if (r.prefix) io.stderr(`Warning: the centre is in ${r.prefix}/, not at the top of its git repository. GitHub and GitLab read CI files only at the top, so ${ci.length ? 'they were written there and run folio with -C ' + r.prefix : 'any CI file must go there and run folio with -C ' + r.prefix}; a .github/ folder inside ${r.prefix}/ is never read.\n`);
      if (r.package.unreachable) io.stderr(`Warning: CI cannot install ${r.package.spec}: ${r.package.unreachable}. Run "folio init --force --package SPEC" with a tarball committed to this repository (npm pack in a folio checkout makes one) or a git URL.\n`);
    });

  program
    .command('learner')
    .description("learners' portfolios")
    .command('add')
    .description("a new learner's portfolio, registered for a qualification")
    .argument('<id>', "the learner's id, which names their folder (e.g. NT-0170)")
    .requiredOption('--name <name>', "the learner's name")
    .requiredOption('--qualification <number>', 'the qualification they are registered for')
    .option('--assessor <id>', 'their assessor (a staff id with the assessor role)')
    .option('--registered <date>', 'the registration date (default: today)')
    .option('--uln <uln>', 'their Unique Learner Number (10 digits)')
    .option('--optional-units <units>', 'the optional units chosen, comma-separated, by number or alias')
    .option('--by <staff>', 'with --commit: the staff member adding the learner (default: the one whose email in centre.yaml is git config user.email)')
    .option('--commit', 'commit the new portfolio, as the staff member (name and email from centre.yaml)')
    .option('--sign', 'with --commit: sign the commit (git commit -S, with your git signing set-up)')
    .option('--dry-run', 'check the new portfolio and print it as a diff; write nothing')
    .addOption(new Option('-f, --format <format>', 'output format: table, or json (the record document)').choices(['table', 'json']).default('table'))
    .option('-C, --dir <dir>', 'the centre repository')
    .option('--no-color', 'no colour (folio learner add prints none)')
    .action(async (id: string, opts: { name: string; qualification: string; assessor?: string; registered?: string; uln?: string; optionalUnits?: string; dir?: string; by?: string; commit?: boolean; sign?: boolean; dryRun?: boolean; format: 'table' | 'json' }) => {
      if (opts.sign && !opts.commit) throw new UsageError('--sign signs the commit --commit makes: give --commit too');
      const run = await centreRun(io, { dir: opts.dir, cache: false, repository: false });
      const optionalUnits = opts.optionalUnits?.split(',').map((u) => u.trim()).filter(Boolean);
      const file = `portfolios/${id}/portfolio.yaml`;
      // -f json: the record document every recording command prints
      const report = (r: Partial<RecordReport>): RecordReport => ({ learner: id, file, files: [], records: [`learner ${id} (${opts.name})`], written: false, diff: '', moved: [], gaps: [], findings: [], ...r });
      let added;
      try {
        added = await addLearner(run.centre, { id, name: opts.name, qualification: opts.qualification, assessor: opts.assessor, registered: opts.registered, uln: opts.uln, optionalUnits }, { by: opts.by, commit: opts.commit, sign: opts.sign, dryRun: opts.dryRun });
      } catch (e) {
        if (!(e instanceof RecordRefused)) throw e;
        exit(EXIT.findings);
        if (opts.format === 'json') {
          io.stdout(format('record', 'json', report({ file: '', records: [], refused: { code: e.code, message: e.message, diagnostics: e.diagnostics, gaps: [] } }), run.render));
          return;
        }
        const errors = e.diagnostics.filter((d) => d.severity === 'error').length;
        io.stderr(format('check', 'table', { diagnostics: e.diagnostics, summary: { files: 1, errors, warnings: e.diagnostics.length - errors } }, run.render));
        io.stderr(`folio: ${e.message} [${e.code}]\n`);
        return;
      }
      if (opts.format === 'json') {
        io.stdout(format('record', 'json', report({ file: added.file, files: added.written ? [added.file] : [], written: added.written, diff: added.diff, commit: added.commit }), run.render));
        return;
      }
      if (!added.written) {
        io.stdout(`${added.diff.trimEnd()}\n\nDry run: nothing written. ${added.file} would be created for ${visible(opts.name)} (${added.qualification}).\n`);
        return;
      }
      io.stdout(`Created ${added.file} for ${opts.name} (${added.qualification}).\n`);
      if (added.commit) io.stdout(`Committed ${added.commit.hash.slice(0, 8)} as ${visible(added.commit.author)}: ${visible(added.commit.message)}\n`);
    });
}
