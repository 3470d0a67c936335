// The learner's lifecycle on the command line: folio learner withdraw, break, return, exempt,
// transfer and reassign. They join the learner command that folio learner add made, take the
// flags every recording command takes (record.ts), call the library and print its record.
import { Option, type Command } from 'commander';
import { endBreak, exemptUnit, format, reassignCaseload, RecordRefused, startBreak, transferLearner, withdrawLearner } from '../index.js';
import type { ReassignReport, TransferReport } from '../render/lifecycle.js';
import { centreRun, EXIT, sub, UsageError, type Io } from './kit.js';
import { recordOptions, recordRunner, type Flags } from './record.js';

export function lifecycleCommands(program: Command, io: Io, exit: (code: number) => void): void {
  const run = recordRunner(io, exit);
  const learner = sub(program, 'learner', "learners' portfolios");
  learner.description("learners' portfolios: add one; record a withdrawal, a break, an exemption; move to another qualification or assessor");

  recordOptions(
    learner
      .command('withdraw')
      .description('record that a learner has withdrawn (their achieved units stay, for unit certificates)')
      .argument('<learner>', "the learner's id")
      .option('--reason <text>', 'why the learner withdrew'),
    'the date of the withdrawal, their last day in learning',
  ).action((id: string, o: Flags & { reason?: string }) => run(o, id, (centre, opts) => withdrawLearner(centre, id, { reason: o.reason }, opts)));

  recordOptions(
    learner
      .command('break')
      .description('record a break in learning (pauses nothing in the rules; shown in status)')
      .argument('<learner>', "the learner's id")
      .requiredOption('--from <date>', 'the first day of the break (YYYY-MM-DD)')
      .option('--to <date>', 'the day the learner returned, when known (else: folio learner return)')
      .option('--reason <text>', 'why, e.g. maternity leave'),
  ).action((id: string, o: Flags & { from: string; to?: string; reason?: string }) => run(o, id, (centre, opts) => startBreak(centre, id, { from: o.from, to: o.to, reason: o.reason }, opts)));

  recordOptions(
    learner
      .command('return')
      .description('record the return from the break that goes on')
      .argument('<learner>', "the learner's id"),
    'the day the learner returned',
  ).action((id: string, o: Flags) => run(o, id, (centre, opts) => endBreak(centre, id, opts)));

  recordOptions(
    learner
      .command('exempt')
      .description('record a unit achieved elsewhere (credit transfer), exempted, or recognised as prior learning')
      .argument('<learner>', "the learner's id")
      .argument('<unit>', 'the unit, by number or alias')
      .addOption(new Option('--kind <kind>', 'credit-transfer, exemption or rpl').choices(['credit-transfer', 'exemption', 'rpl']).makeOptionMandatory())
      .option('--reference <text>', 'where the achievement is recorded, e.g. the certificate number')
      .option('--note <text>', 'a note on the exemption'),
    'the date the exemption is recorded',
  ).action((id: string, unit: string, o: Flags & { kind: 'credit-transfer' | 'exemption' | 'rpl'; reference?: string; note?: string }) => run(o, id, (centre, opts) => exemptUnit(centre, id, unit, { kind: o.kind, reference: o.reference, note: o.note }, opts)));

  recordOptions(
    learner
      .command('transfer')
      .description('move a learner to another qualification: the units the two share come across, the rest is reported')
      .argument('<learner>', "the learner's id")
      .argument('<qualification>', 'the qualification they move to, with or without slashes')
      .option('--reason <text>', 'why the learner moves'),
    'the date of the transfer',
  ).action(async (id: string, qualification: string, o: Flags & { reason?: string }) => {
    if (o.sign && !o.commit) throw new UsageError('--sign signs the commit --commit makes: give --commit too');
    const r = await centreRun(io, { dir: o.dir, cache: false, color: o.color, repository: false });
    let report: TransferReport;
    try {
      const t = await transferLearner(r.centre, id, qualification, { reason: o.reason }, { by: o.by, date: o.date, dryRun: o.dryRun, commit: o.commit, sign: o.sign, cwd: io.cwd });
      report = { learner: id, file: t.file, files: t.files, records: t.records, by: t.by, written: t.written, diff: t.diff, moved: t.moved, gaps: t.gaps, findings: t.findings, commit: t.commit, transfer: t.transfer };
    } catch (e) {
      if (!(e instanceof RecordRefused)) throw e;
      refused(io, e, r.render, o.format, format('learner transfer', o.format, { learner: id, file: '', files: [], records: [], written: false, diff: '', moved: [], gaps: [], findings: [], refused: { code: e.code, message: e.message, diagnostics: e.diagnostics, gaps: [] } }, r.render));
      exit(EXIT.findings);
      return;
    }
    io.stdout(format('learner transfer', o.format, report, r.render));
  });

  recordOptions(
    learner
      .command('reassign')
      .description("hand an assessor's learners to another assessor (one commit for all with --commit)")
      .argument('[learners...]', 'the learners to move (default with --all: every learner of --from who has not withdrawn)')
      .requiredOption('--from <staff>', 'the assessor the learners have now')
      .requiredOption('--to <staff>', 'the assessor who takes them over')
      .option('--all', 'every learner of --from (withdrawn learners are moved only when named)'),
  ).action(async (learners: string[], o: Flags & { from: string; to: string; all?: boolean }) => {
    if (o.sign && !o.commit) throw new UsageError('--sign signs the commit --commit makes: give --commit too');
    const r = await centreRun(io, { dir: o.dir, cache: false, color: o.color, repository: false });
    let report: ReassignReport;
    try {
      report = await reassignCaseload(r.centre, { from: o.from, to: o.to, learners, all: o.all }, { by: o.by, dryRun: o.dryRun, commit: o.commit, sign: o.sign, cwd: io.cwd });
    } catch (e) {
      if (!(e instanceof RecordRefused)) throw e;
      refused(io, e, r.render, o.format, format('learner reassign', o.format, { from: o.from, to: o.to, written: false, changed: [], skipped: [], refused: { code: e.code, message: e.message, diagnostics: e.diagnostics } }, r.render));
      exit(EXIT.findings);
      return;
    }
    io.stdout(format('learner reassign', o.format, report, r.render));
  });
}

/** A refusal as every recording command prints it: check's findings on stderr, then the
 * report (on stdout for JSON, else stderr). */
function refused(io: Io, e: RecordRefused, render: Parameters<typeof format>[3], fmt: string, text: string): void {
  if (fmt === 'table' && e.diagnostics.length) {
    const errors = e.diagnostics.filter((d) => d.severity === 'error').length;
    io.stderr(format('check', 'table', { diagnostics: e.diagnostics, summary: { files: 1, errors, warnings: e.diagnostics.length - errors } }, render));
  }
  if (fmt === 'json') io.stdout(text);
  else io.stderr(text);
}
