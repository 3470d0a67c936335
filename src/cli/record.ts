// The recording commands: folio evidence add, folio assess, folio signoff, folio iqa record.
// Each parses its flags, calls the library's record functions (src/index.ts) and prints what
// was recorded, or why it was refused (check's findings, in check's format, on stderr).
import { Option, type Command } from 'commander';
import { addEvidence, addStaff, addWitness, assessEvidence, format, RecordRefused, recordIqa, signOff, type RecordOptions, type RecordResult } from '../index.js';
import type { RecordReport } from '../render/record.js';
import { centreRun, EXIT, UsageError, type Io } from './kit.js';

interface Flags {
  dir?: string;
  by?: string;
  date?: string;
  dryRun?: boolean;
  commit?: boolean;
  sign?: boolean;
  format: 'table' | 'json';
  color: boolean;
}

function recordOptions(cmd: Command, dated?: string): Command {
  cmd.option('--by <staff>', 'the staff member recording (default: the one whose email in centre.yaml is git config user.email)');
  if (dated) cmd.option('--date <date>', `${dated} (YYYY-MM-DD; default: today)`);
  return cmd
    .option('--dry-run', 'print the change as a diff and write nothing')
    .option('--commit', 'commit the files written, as the staff member (name and email from centre.yaml)')
    .option('--sign', 'with --commit: sign the commit (git commit -S, with your git signing set-up)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('-C, --dir <dir>', 'the centre repository')
    .option('--no-color', 'no colour');
}

type Runner = (flags: Flags, learner: string, act: (centre: Awaited<ReturnType<typeof centreRun>>['centre'], opts: RecordOptions) => Promise<RecordResult>) => Promise<void>;

export function recordCommands(program: Command, io: Io, exit: (code: number) => void): void {
  const run: Runner = async (flags, learner, act) => {
    if (flags.sign && !flags.commit) throw new UsageError('--sign signs the commit --commit makes: give --commit too');
    const r = await centreRun(io, { dir: flags.dir, cache: false, color: flags.color, repository: false });
    const opts: RecordOptions = { by: flags.by, date: flags.date, dryRun: flags.dryRun, commit: flags.commit, sign: flags.sign, cwd: io.cwd };
    let report: RecordReport;
    try {
      const done = await act(r.centre, opts);
      report = { learner, file: done.file, files: done.files, records: done.records, by: done.by, written: done.written, diff: done.diff, moved: done.moved, gaps: done.gaps, findings: done.findings, commit: done.commit };
    } catch (e) {
      if (!(e instanceof RecordRefused)) throw e;
      report = { learner, file: '', files: [], records: [], written: false, diff: '', moved: [], gaps: [], findings: [], refused: { code: e.code, message: e.message, diagnostics: e.diagnostics, gaps: e.gaps ?? [] } };
      if (flags.format === 'table' && e.diagnostics.length) {
        const errors = e.diagnostics.filter((d) => d.severity === 'error').length;
        io.stderr(format('check', 'table', { diagnostics: e.diagnostics, summary: { files: 1, errors, warnings: e.diagnostics.length - errors } }, r.render));
      }
      const text = format('record', flags.format, report, r.render);
      if (flags.format === 'json') io.stdout(text);
      else io.stderr(text);
      exit(EXIT.findings);
      return;
    }
    io.stdout(format('record', flags.format, report, r.render));
  };

  peopleCommands(program, io, exit, run);

  const evidence = program.command('evidence').description("a learner's evidence: add an item");
  recordOptions(
    evidence
      .command('add')
      .description("add an evidence item to a learner's portfolio, mapped to the criteria it covers")
      .argument('<learner>', "the learner's id")
      .requiredOption('--title <text>', 'what the evidence is')
      .requiredOption('--method <method>', 'the assessment method (observation, witness-testimony, professional-discussion…)')
      .option('--file <path>', "the evidence file (copied into the learner's evidence/ when it is outside their folder)")
      .option('--url <url>', 'a web address of the evidence')
      .option('--ref <text>', 'where the evidence is kept, when it is not a file or a web page')
      .option('--covers <unit:criteria>', 'criteria covered: UNIT:1.1,1.2, UNIT:1.1-1.6, UNIT:outcome-3 or UNIT:all (a unit by number or alias); repeat for more units', collect, [])
      .option('--witness <id>', 'the witness (from the portfolio) who gave this testimony')
      .option('--id <id>', 'the evidence id (default: the next free one)'),
    'the date of the evidence',
  ).action((learner: string, o: Flags & { title: string; method: string; file?: string; url?: string; ref?: string; covers: string[]; witness?: string; id?: string }) =>
    run(o, learner, (centre, opts) => addEvidence(centre, learner, { title: o.title, method: o.method, file: o.file, url: o.url, ref: o.ref, covers: o.covers, witness: o.witness, id: o.id }, opts)),
  );

  recordOptions(
    program
      .command('assess')
      .description('record the assessment decision on one or more evidence items')
      .argument('<learner>', "the learner's id")
      .argument('<evidence...>', 'the evidence ids')
      .option('--accept', 'the evidence is accepted')
      .option('--not-yet', 'the evidence does not yet meet the criteria')
      .option('--feedback <text>', 'feedback to the learner'),
    'the date of the decision',
  ).action((learner: string, ids: string[], o: Flags & { accept?: boolean; notYet?: boolean; feedback?: string }) => {
    if (!!o.accept === !!o.notYet) throw new UsageError('give the decision: --accept or --not-yet');
    return run(o, learner, (centre, opts) => assessEvidence(centre, learner, ids, { decision: o.accept ? 'accepted' : 'not-yet', feedback: o.feedback }, opts));
  });

  recordOptions(
    program
      .command('signoff')
      .description('sign a unit off for a learner (refused while any of its criteria is not met)')
      .argument('<learner>', "the learner's id")
      .argument('<unit>', 'the unit, by number or alias')
      .option('--force', 'sign off although criteria are not met (check will then report signoff-unmet)'),
    'the date of the sign-off',
  ).action((learner: string, unit: string, o: Flags & { force?: boolean }) => run(o, learner, (centre, opts) => signOff(centre, learner, unit, { ...opts, force: o.force })));

  const iqa = program.command('iqa').description('internal quality assurance: record a sampling decision');
  recordOptions(
    iqa
      .command('record')
      .description("record an IQA decision on a learner's unit")
      .argument('<learner>', "the learner's id")
      .argument('<unit>', 'the unit, by number or alias')
      .addOption(new Option('--stage <stage>', 'interim (during assessment) or summative (after sign-off)').choices(['interim', 'summative']).makeOptionMandatory())
      .option('--agree', "the IQA agrees with the assessor's judgements")
      .option('--not-agree', "the IQA does not agree with the assessor's judgements")
      .option('--evidence <ids>', 'the evidence items sampled, comma-separated (e.g. E06,E12)')
      .option('--feedback <text>', 'feedback to the assessor'),
    'the date of the IQA decision',
  ).action((learner: string, unit: string, o: Flags & { stage: 'interim' | 'summative'; agree?: boolean; notAgree?: boolean; evidence?: string; feedback?: string }) => {
    if (!!o.agree === !!o.notAgree) throw new UsageError('give the decision: --agree or --not-agree');
    const evidence = o.evidence?.split(',').map((s) => s.trim()).filter(Boolean);
    return run(o, learner, (centre, opts) => recordIqa(centre, learner, unit, { stage: o.stage, decision: o.agree ? 'agreed' : 'not-agreed', feedback: o.feedback, evidence }, opts));
  });
}

export function peopleCommands(program: Command, io: Io, exit: (code: number) => void, run: Runner): void {
  recordOptions(
    program
      .command('staff')
      .description('the centre\'s staff: add a member')
      .command('add')
      .description('add a staff member to portfolios/centre.yaml')
      .argument('<id>', 'their staff id, e.g. a.jones')
      .requiredOption('--name <name>', 'their full name')
      .requiredOption('--roles <roles>', 'comma-separated: assessor, iqa, eqa, admin')
      .option('--email <address>', 'an address they commit with (folio verify needs one); repeat for more', collect, []),
  ).action((id: string, o: Flags & { name: string; roles: string; email: string[] }) =>
    run(o, '', (centre, opts) => addStaff(centre, { id, name: o.name, roles: o.roles.split(',').map((r) => r.trim()).filter(Boolean), emails: o.email }, opts)),
  );
  recordOptions(
    program
      .command('witness')
      .description("a learner's witnesses: add one")
      .command('add')
      .description("add a witness to a learner's portfolio")
      .argument('<learner>', "the learner's id")
      .argument('<id>', 'the witness id, e.g. w-reed')
      .requiredOption('--name <name>', "the witness's full name")
      .option('--relationship <text>', 'their relationship to the learner, e.g. line manager')
      .option('--status <n>', 'witness status category, 1 to 5 (1: occupational expert and assessor)')
      .option('--email <address>', "the witness's email address"),
  ).action((learner: string, id: string, o: Flags & { name: string; relationship?: string; status?: string; email?: string }) =>
    run(o, learner, (centre, opts) => addWitness(centre, learner, { id, name: o.name, relationship: o.relationship, status: o.status, email: o.email }, opts)),
  );
  void io;
  void exit;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
