// folio spec list | show: the unit and qualification specifications.
import { Option, type Command } from 'commander';
import { assess, formatsOf, specList, specShow, today } from '../index.js';
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
}
