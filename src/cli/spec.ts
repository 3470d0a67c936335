// folio spec list | show: the unit and qualification specifications.
import { Option, type Command } from 'commander';
import { buildIndex } from '../model/index.js';
import { analyse, today } from '../pipeline/index.js';
import { formatsOf } from '../render/registry.js';
import { centreRun, reports, UsageError, type Io } from './kit.js';

interface SpecOptions {
  dir?: string;
  format?: string;
  color: boolean;
  detail?: boolean;
}

export function specCommand(program: Command, io: Io, argv: string[]): void {
  const specsOnly = async (opts: SpecOptions) => {
    const run = await centreRun(io, opts);
    const { analysis } = await analyse(run.reader, { asOf: today(), rules: false, learners: [], cache: run.cache });
    return { run, a: analysis };
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
      reports(io, argv).emit('spec list', opts.format ?? 'table', { qualifications: a.specs.qualifications, units: a.specs.units }, run.render);
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
      const index = buildIndex(a.specs);
      const unit = index.unit(id);
      const qualification = unit ? undefined : index.qualification(id);
      if (!unit && !qualification) throw new UsageError(`no unit or qualification "${id}" in specs/: "folio spec list" shows what there is`);
      const units = new Map<string, (typeof a.specs.units)[number]>();
      for (const u of a.specs.units) for (const k of [u.id, ...u.aliases]) units.set(k, u);
      reports(io, argv).emit('spec show', opts.format ?? 'table', { unit, qualification, units }, { ...run.render, detail: opts.detail });
    });
}
