// Setting a centre up: folio init, folio learner add, folio schema. Their templates and the
// JSON Schema generator are loaded only when one of these runs.
import type { Command } from 'commander';
import { existsSync, lstatSync } from 'node:fs';
import { relative, resolve as resolvePath } from 'node:path';
import { findRoot } from '../load/reader.js';
import { buildIndex } from '../model/index.js';
import { writeReport } from '../outputs.js';
import { createFile } from '../write-file.js';
import { analyse, today } from '../pipeline/index.js';
import { SCHEMA_KINDS, type SchemaKind } from '../schema/kinds.js';
import { PACKAGE } from '../version.js';
import { centreRun, dateFlag, UsageError, type Io } from './kit.js';


export function setupCommands(program: Command, io: Io): void {
  program
    .command('schema')
    .argument('[kind]', `one of ${SCHEMA_KINDS.join(', ')} (default: all four)`)
    .description('JSON Schemas of the four kinds of file, for editors (completion, red squiggles)')
    .option('-C, --dir <dir>', 'the centre repository')
    .option('-o, --out <dir>', 'write KIND.schema.json files here (default: schemas/ of the centre); a kind without -o prints its schema')
    .action(async (kind: string | undefined, opts: { dir?: string; out?: string }) => {
      if (kind !== undefined && !(SCHEMA_KINDS as readonly string[]).includes(kind)) throw new UsageError(`no kind "${kind}": use one of ${SCHEMA_KINDS.join(', ')}`);
      const { jsonSchemaFor } = await import('../schema/json-schema.js');
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
    .option('--package <spec>', 'how CI installs folio (an npm package spec)', PACKAGE)
    .action(async (dir: string, opts: { hooks?: boolean; name?: string; package: string }) => {
      const root = resolvePath(io.cwd, dir);
      if (opts.hooks && !existsSync(resolvePath(root, '.git'))) throw new UsageError(`--hooks needs a git repository at ${dir}: run "git init" there first`);
      const { centreFiles } = await import('../init.js');
      const files = centreFiles({ hooks: !!opts.hooks, pkg: opts.package, name: opts.name });
      const taken = files.filter((f) => lexists(resolvePath(root, f.path)));
      if (taken.length) throw new UsageError(`folio init writes nothing when a file it would write exists already: ${taken.map((f) => f.path).join(', ')}`);
      // Each file is created exclusively: one that appears meanwhile is never replaced (the
      // run stops there with EEXIST, naming it).
      for (const f of files) createFile(resolvePath(root, f.path), f.content, { mode: f.executable ? 0o755 : undefined });
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
    .action(async (id: string, opts: { name: string; qualification: string; assessor?: string; registered?: string; dir?: string }) => {
      const run = await centreRun(io, { dir: opts.dir, cache: false });
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) throw new UsageError(`learner id "${id}" cannot name a folder: use letters, digits, ".", "_" and "-"`);
      const folder = resolvePath(run.root, 'portfolios', id);
      // lstat: a link, even one to nothing, is something already there
      if (lexists(folder)) throw new UsageError(`portfolios/${id} exists already: folio learner add never overwrites a portfolio`);
      const { analysis: a } = await analyse(run.reader, { asOf: today(), rules: false, learners: [] });
      const q = buildIndex(a.specs).qualification(opts.qualification);
      if (!q) throw new UsageError(`no qualification "${opts.qualification}" in specs/qualifications/: "folio spec list" shows what there is`);
      if (opts.assessor) {
        const staff = a.specs.centre?.staff.get(opts.assessor);
        if (!staff || !staff.roles.has('assessor')) throw new UsageError(`--assessor "${opts.assessor}" is not on the staff list in portfolios/centre.yaml with the assessor role`);
      }
      dateFlag('registered', opts.registered);
      const { portfolioYaml } = await import('../init.js');
      // Created exclusively: a portfolio that appeared while the specs were read (another
      // learner add, a git pull) is never replaced; EEXIST says so.
      const text = portfolioYaml({ name: opts.name, qualification: q.id, assessor: opts.assessor, registered: opts.registered ?? today() });
      try {
        createFile(resolvePath(folder, 'portfolio.yaml'), text);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`portfolios/${id}/portfolio.yaml appeared while folio ran (another learner add, a pull?): folio learner add never overwrites a portfolio; look at it, and choose another id if it is someone else`);
        throw e;
      }
      io.stdout(`Created portfolios/${id}/portfolio.yaml for ${opts.name} (${q.id}).\n`);
    });
}

function lexists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
