// folio spec list | show | new: the unit and qualification specifications.
import { Argument, Option, type Command } from 'commander';
import { assess, formatsOf, newSpec, specList, specShow, today } from '../index.js';
import { centreRun, reports, type Io } from './kit.js';

interface SpecOptions {
  dir?: string;
  format?: string;
  color: boolean;
  detail?: boolean;
}

export function specCommand(program: Command, io: Io): void {
  const specsOnly = async (opts: SpecOptions) => {
    const run = await centreRun(io, { dir: opts.dir, color: opts.color, repository: false });
    return { run, a: await assess(run.centre, { asOf: today(), rules: false, learners: [] }) };
  };
  const spec = program.command('spec').description('the unit and qualification specifications');
  spec
    .command('list')
    .description('every qualification and unit')
    .option('-C, --dir <dir>', 'the centre repository')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatsOf('spec list')).default('table'))
    .option('--no-color', 'no colour')
    .action(async (opts: SpecOptions) => {
      const { run, a } = await specsOnly(opts);
      reports(io).emit('spec list', opts.format ?? 'table', specList(a), run.render);
    });
  spec
    .command('show')
    .argument('<id>', 'a unit number or alias, or a qualification number')
    .description('one unit with its outcomes and criteria, or one qualification with its rules of combination')
    .option('-C, --dir <dir>', 'the centre repository')
    .option('-d, --detail', 'include guidance and range')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatsOf('spec show')).default('table'))
    .option('--no-color', 'no colour')
    .action(async (id: string, opts: SpecOptions) => {
      const { run, a } = await specsOnly(opts);
      reports(io).emit('spec show', opts.format ?? 'table', specShow(a, id), { ...run.render, detail: opts.detail });
    });
  spec
    .command('new')
    .addArgument(new Argument('<kind>', 'qualification or unit').choices(['qualification', 'unit']))
    .argument('<id>', 'its number: a qualification number (601/3734/4) or unit reference number (A/506/2130)')
    .description('a commented template for a new specification, with TODO where the awarding body\'s document has the answer')
    .option('-C, --dir <dir>', 'the centre repository')
    .option('--no-color', 'no colour (folio spec new prints none)')
    .action(async (kind: 'qualification' | 'unit', id: string, opts: { dir?: string }) => {
      const r = await newSpec(kind, id, { dir: opts.dir, cwd: io.cwd });
      io.stdout(`Created ${r.file}: replace each TODO with what the awarding body's specification says; "folio check" lists those left.\n`);
      if (r.wrong) io.stderr(`Warning: ${kind === 'unit' ? 'unit reference number' : 'qualification number'} "${id}": ${r.wrong.reason} (${r.wrong.expected}); check will report it [${r.wrong.code}]. Check the number against the ${kind === 'unit' ? "awarding body's specification" : 'Ofqual register'}.\n`);
      else if (r.unshaped) io.stderr(`Note: "${id}" is not shaped like ${kind === 'unit' ? 'a unit reference number (L/DDD/DDDD)' : 'a qualification number (DDD/DDDD/C)'}; that is allowed, but check it is the number the awarding body uses.\n`);
    });
}
