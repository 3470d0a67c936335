// folio verify: every decision, sign-off and IQA record checked against the git commits that
// wrote it, reported as check-style findings so the same CI integrations read them.
import type { Command } from 'commander';
import { formatsOf } from '../render/registry.js';
import { visible } from '../render/safe.js';
import { centreRun, EXIT, reports, UsageError, VERSION, type Io } from './kit.js';
import { stepSummary } from './summary.js';
import type { VerifyResult } from '../verify/index.js';

interface VerifyFlags {
  dir?: string;
  color: boolean;
  signed?: boolean;
}

export function verifyCommand(program: Command, io: Io, argv: string[], exit: (code: number) => void): void {
  program
    .command('verify')
    .argument('[learners...]', 'learner ids (folder names); every learner when none')
    .description('check that each decision, sign-off and IQA record was committed by the staff member it names')
    .option('-C, --dir <dir>', 'the centre repository (default: the first folder upwards holding specs/)')
    .option('-f, --format <format>', `output format: ${formatsOf('verify').join(', ')}; repeat with -o FILE for several reports`)
    .option('-o, --output <file>', 'write the report of the --format before it to FILE')
    .option('--signed', 'also require every commit behind a record to be signed by that staff member')
    .option('--no-color', 'no colour (also when NO_COLOR is set or output is not a terminal)')
    .action(async (ids: string[], opts: VerifyFlags) => {
      const run = await centreRun(io, { dir: opts.dir, color: opts.color, cache: false });
      const { verifyCentre, VerifyError } = await import('../verify/index.js');
      if (opts.signed) {
        const { signaturePrograms } = await import('../verify/programs.js');
        const line = signaturePrograms(run.root);
        if (line) io.stderr(`folio: ${line}.\n`);
      }
      let v: VerifyResult;
      try {
        v = verifyCentre({ root: run.root, reader: run.reader, learners: ids.length ? ids : undefined, signed: opts.signed, progress: run.progress });
      } catch (e) {
        if (e instanceof VerifyError) throw new UsageError(e.message);
        throw e;
      } finally {
        run.done();
      }
      const errors = v.diagnostics.filter((d) => d.severity === 'error').length;
      const summary = { files: v.portfolios, errors, warnings: v.diagnostics.length - errors };
      const ci = { prefix: v.prefix, version: VERSION, command: 'verify' as const };
      const closing = closingLine(v);
      const report = { diagnostics: v.diagnostics, summary, ci, closing };
      const outputs = reports(io, argv).emitAll('verify', report, run.render);
      await stepSummary(io, outputs, async () => (await import('../render/ci/adapt.js')).checkCi(report, ci));
      if (v.unknownStaff) io.stderr(`folio: ${plural(v.unknownStaff, 'record')} ${v.unknownStaff === 1 ? 'names' : 'name'} a staff id that is not in portfolios/centre.yaml and ${v.unknownStaff === 1 ? 'was' : 'were'} not verified: "folio check" reports ${v.unknownStaff === 1 ? 'it' : 'them'} (unknown-staff).\n`);
      if (v.unreadable.length) io.stderr(`folio: the portfolio${v.unreadable.length === 1 ? '' : 's'} of ${v.unreadable.map(visible).join(', ')} cannot be read and ${v.unreadable.length === 1 ? 'was' : 'were'} not verified: "folio check" shows why.\n`);
      if (!outputs.some((o) => !o.file && o.format === 'table')) io.stderr(`${closing}\n`);
      exit(v.diagnostics.length ? EXIT.findings : EXIT.clean);
    });
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** "Verified 132 records in 6 portfolios: 2 problems." */
export function closingLine(v: VerifyResult): string {
  const records = v.verified === v.records ? plural(v.records, 'record') : `${v.verified} of ${plural(v.records, 'record')}`;
  const problems = v.diagnostics.length === 0 ? 'no problems' : plural(v.diagnostics.length, 'problem');
  return `Verified ${records} in ${plural(v.portfolios, 'portfolio')}: ${problems}.`;
}
