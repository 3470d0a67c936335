// folio verify: every decision, sign-off and IQA record checked against the git commits that
// wrote it, reported as check-style findings so the same CI integrations read them.
import type { Command } from 'commander';
import { formatsOf, signaturePrograms, verify } from '../index.js';
import { outputOptions, type Written } from '../outputs.js';
import { visible } from '../render/safe.js';
import { named, centreRun, EXIT, reports, type Io } from './kit.js';
import { stepSummary } from './summary.js';
import { plural } from '../text.js';

interface VerifyFlags {
  dir?: string;
  color: boolean;
  signed?: boolean;
  format?: Written;
}

export function verifyCommand(program: Command, io: Io, exit: (code: number) => void): void {
  const cmd = program
    .command('verify')
    .argument('[learners...]', 'learner ids (folder names); every learner when none')
    .description('check that each decision, sign-off and IQA record was committed by the staff member it names')
    .option('-C, --dir <dir>', 'the centre repository (default: the first folder upwards holding specs/)');
  outputOptions(cmd, formatsOf('verify'))
    .option('--signed', 'also require every commit behind a record to be signed by that staff member')
    .option('--no-color', 'no colour (also when NO_COLOR is set or output is not a terminal)')
    .action(async (ids: string[], opts: VerifyFlags) => {
      const run = await centreRun(io, { dir: opts.dir, color: opts.color, cache: false });
      if (opts.signed) {
        const line = await signaturePrograms(run.centre);
        if (line) io.stderr(`folio: ${line}.\n`);
      }
      let v;
      try {
        v = await verify(run.centre, { learners: named(ids), signed: opts.signed, progress: run.progress });
      } finally {
        run.done();
      }
      const outputs = reports(io).emitAll('verify', opts, v.report, run.render);
      await stepSummary(io, outputs, async () => (await import('../render/ci/adapt.js')).checkCi(v.report, v.report.ci!));
      if (v.unknownStaff) io.stderr(`folio: ${plural(v.unknownStaff, 'record')} ${v.unknownStaff === 1 ? 'names' : 'name'} a staff id that is not in portfolios/centre.yaml and ${v.unknownStaff === 1 ? 'was' : 'were'} not verified: "folio check" reports ${v.unknownStaff === 1 ? 'it' : 'them'} (unknown-staff).\n`);
      if (v.unreadable.length) io.stderr(`folio: the portfolio${v.unreadable.length === 1 ? '' : 's'} of ${v.unreadable.map(visible).join(', ')} cannot be read and ${v.unreadable.length === 1 ? 'was' : 'were'} not verified: "folio check" shows why.\n`);
      if (!outputs.some((o) => !o.file && o.format === 'table')) io.stderr(`${v.report.closing}\n`);
      exit(v.diagnostics.length ? EXIT.findings : EXIT.clean);
    });
}

