// The recording commands: folio evidence add, folio assess, folio signoff, folio iqa record.
// Each parses its flags, calls the library's record functions (src/index.ts) and prints what
// was recorded, or why it was refused (check's findings, in check's format, on stderr).
import { Option, type Command } from 'commander';
import { addEvidence, addStaff, addWitness, assessEvidence, format, RecordRefused, recordIqa, signOff, type RecordOptions, type RecordResult } from '../index.js';
import type { RecordReport } from '../render/record.js';
import { askChoices, askText, needOrAsk } from './ask.js';
import { centreRun, EXIT, UsageError, type Io } from './kit.js';
import { claimCommands } from './claims.js';
import { askAssess, askEvidence, askIqa, askSignoff, ROLES } from './record-ask.js';

export interface Flags {
  dir?: string;
  by?: string;
  date?: string;
  dryRun?: boolean;
  commit?: boolean;
  sign?: boolean;
  format: 'table' | 'json';
  color: boolean;
}

export function recordOptions(cmd: Command, dated?: string): Command {
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

export type Runner = (flags: Flags, learner: string, act: (centre: Awaited<ReturnType<typeof centreRun>>['centre'], opts: RecordOptions) => Promise<RecordResult>) => Promise<void>;

/** How every recording command runs: the centre opened, the record made, what it did or why it
 * was refused printed in the record formats, exit 1 when refused. */
export function recordRunner(io: Io, exit: (code: number) => void): Runner {
  return async (flags, learner, act) => {
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
}

export function recordCommands(program: Command, io: Io, exit: (code: number) => void): void {
  const run = recordRunner(io, exit);
  peopleCommands(program, io, exit, run);
  claimCommands(program, io, exit, run);

  const evidence = program.command('evidence').description("a learner's evidence: add an item");
  recordOptions(
    evidence
      .command('add')
      .description("add an evidence item to a learner's portfolio, mapped to the criteria it covers")
      .argument('<learner>', "the learner's id")
      .option('--title <text>', 'what the evidence is')
      .option('--method <method>', 'the assessment method (observation, witness-testimony, professional-discussion…)')
      .option('--file <path>', "the evidence file (copied into the learner's evidence/ when it is outside their folder)")
      .option('--url <url>', 'a web address of the evidence')
      .option('--ref <text>', 'where the evidence is kept, when it is not a file or a web page')
      .option('--covers <unit:criteria>', 'criteria covered: UNIT:1.1,1.2, UNIT:1.1-1.6, UNIT:outcome-3 or UNIT:all (a unit by number or alias); repeat for more units', collect, [])
      .option('--witness <id>', 'the witness (from the portfolio) who gave this testimony')
      .option('--id <id>', 'the evidence id (default: the next free one)'),
    'the date of the evidence',
  ).action((learner: string, o: Flags & { title?: string; method?: string; file?: string; url?: string; ref?: string; covers: string[]; witness?: string; id?: string }) => {
    const missing = [...(o.title === undefined ? ['--title TEXT'] : []), ...(o.method === undefined ? ['--method METHOD'] : []), ...(o.file === undefined && o.url === undefined && o.ref === undefined ? ['one of --file PATH, --url URL or --ref TEXT'] : []), ...(o.covers.length ? [] : ['--covers UNIT:CRITERIA'])];
    needOrAsk(io, 'folio evidence add', missing, `folio evidence add ${learner} --title "Observation at the counter" --method observation --ref "Observation record" --covers A/506/2130:4.1-4.6`);
    return run(o, learner, async (centre, opts) => {
      const a = await askEvidence(io, centre, learner, { ...o, by: opts.by });
      return addEvidence(centre, learner, { title: a.title!, method: a.method!, file: a.file, url: a.url, ref: a.ref, covers: a.covers, witness: o.witness, id: o.id }, opts);
    });
  });

  recordOptions(
    program
      .command('assess')
      .description('record the assessment decision on one or more evidence items')
      .argument('<learner>', "the learner's id")
      .argument('[evidence...]', 'the evidence ids (asked for on a terminal when none is given)')
      .option('--accept', 'the evidence is accepted')
      .option('--not-yet', 'the evidence does not yet meet the criteria')
      .option('--feedback <text>', 'feedback to the learner'),
    'the date of the decision',
  ).action((learner: string, ids: string[], o: Flags & { accept?: boolean; notYet?: boolean; feedback?: string }) => {
    if (o.accept && o.notYet) throw new UsageError('give one decision: --accept or --not-yet');
    const decision = o.accept ? 'accepted' : o.notYet ? 'not-yet' : undefined;
    needOrAsk(io, 'folio assess', [...(ids.length ? [] : ['the evidence ids']), ...(decision ? [] : ['the decision (--accept or --not-yet)'])], `folio assess ${learner} E12 E13 --accept`);
    return run(o, learner, async (centre, opts) => {
      const a = await askAssess(io, centre, learner, { ids, decision, by: opts.by });
      return assessEvidence(centre, learner, a.ids, { decision: a.decision!, feedback: o.feedback }, { ...opts, by: a.by });
    });
  });

  recordOptions(
    program
      .command('signoff')
      .description('sign a unit off for a learner (refused while any of its criteria is not met)')
      .argument('<learner>', "the learner's id")
      .argument('[unit]', 'the unit, by number or alias (asked for on a terminal)')
      .option('--force', 'sign off although criteria are not met (check will then report signoff-unmet)'),
    'the date of the sign-off',
  ).action((learner: string, unit: string | undefined, o: Flags & { force?: boolean }) => {
    needOrAsk(io, 'folio signoff', unit === undefined ? ['the unit'] : [], `folio signoff ${learner} A/506/1964`);
    return run(o, learner, async (centre, opts) => {
      const a = await askSignoff(io, centre, learner, { unit, by: opts.by });
      return signOff(centre, learner, a.unit!, { ...opts, by: a.by, force: o.force });
    });
  });

  const iqa = program.command('iqa').description('internal quality assurance: record a sampling decision');
  recordOptions(
    iqa
      .command('record')
      .description("record an IQA decision on a learner's unit")
      .argument('<learner>', "the learner's id")
      .argument('[unit]', 'the unit, by number or alias (asked for on a terminal)')
      .addOption(new Option('--stage <stage>', 'interim (during assessment) or summative (after sign-off)').choices(['interim', 'summative']))
      .option('--agree', "the IQA agrees with the assessor's judgements")
      .option('--not-agree', "the IQA does not agree with the assessor's judgements")
      .option('--evidence <ids>', 'the evidence items sampled, comma-separated (e.g. E06,E12)')
      .option('--feedback <text>', 'feedback to the assessor'),
    'the date of the IQA decision',
  ).action((learner: string, unit: string | undefined, o: Flags & { stage?: 'interim' | 'summative'; agree?: boolean; notAgree?: boolean; evidence?: string; feedback?: string }) => {
    if (o.agree && o.notAgree) throw new UsageError('give one decision: --agree or --not-agree');
    const decision = o.agree ? 'agreed' : o.notAgree ? 'not-agreed' : undefined;
    needOrAsk(io, 'folio iqa record', [...(unit === undefined ? ['the unit'] : []), ...(o.stage ? [] : ['--stage interim|summative']), ...(decision ? [] : ['the decision (--agree or --not-agree)'])], `folio iqa record ${learner} A/506/1964 --stage summative --agree`);
    const evidence = o.evidence?.split(',').map((s) => s.trim()).filter(Boolean);
    return run(o, learner, async (centre, opts) => {
      const a = await askIqa(io, centre, learner, { unit, stage: o.stage, decision, by: opts.by });
      return recordIqa(centre, learner, a.unit!, { stage: a.stage!, decision: a.decision!, feedback: o.feedback, evidence }, { ...opts, by: a.by });
    });
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
      .option('--name <name>', 'their full name')
      .option('--roles <roles>', 'comma-separated: assessor, iqa, eqa, admin')
      .option('--email <address>', 'an address they commit with (folio verify needs one); repeat for more', collect, []),
  ).action(async (id: string, o: Flags & { name?: string; roles?: string; email: string[] }) => {
    needOrAsk(io, 'folio staff add', [...(o.name === undefined ? ['--name NAME'] : []), ...(o.roles === undefined ? ['--roles ROLES'] : [])], `folio staff add ${id} --name "Tara Brown" --roles assessor --email tara.brown@example.org`);
    const name = o.name ?? (await askText(io, 'Full name:'))!;
    const roles = o.roles?.split(',').map((r) => r.trim()).filter(Boolean) ?? (await askChoices(io, 'Roles (numbers or names, comma-separated):', ROLES.map((r) => ({ value: r }))));
    return run(o, '', (centre, opts) => addStaff(centre, { id, name, roles, emails: o.email }, opts));
  });
  recordOptions(
    program
      .command('witness')
      .description("a learner's witnesses: add one")
      .command('add')
      .description("add a witness to a learner's portfolio")
      .argument('<learner>', "the learner's id")
      .argument('<id>', 'the witness id, e.g. w-reed')
      .option('--name <name>', "the witness's full name")
      .option('--relationship <text>', 'their relationship to the learner, e.g. line manager')
      .option('--status <n>', 'witness status category, 1 to 5 (1: occupational expert and assessor)')
      .option('--email <address>', "the witness's email address"),
  ).action(async (learner: string, id: string, o: Flags & { name?: string; relationship?: string; status?: string; email?: string }) => {
    needOrAsk(io, 'folio witness add', o.name === undefined ? ['--name NAME'] : [], `folio witness add ${learner} ${id} --name "Ravi Patel" --relationship "line manager"`);
    const name = o.name ?? (await askText(io, "Witness's full name:"))!;
    return run(o, learner, (centre, opts) => addWitness(centre, learner, { id, name, relationship: o.relationship, status: o.status, email: o.email }, opts));
  });
  void io;
  void exit;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
