// The claims commands: folio claim ready (what may be claimed now, and with --why what may not)
// and folio claim record (a claim, or the certificate that comes back for one). They parse
// flags and call the library (src/index.ts); record goes through the recording commands' runner.
import { Option, type Command } from 'commander';
import { assess, claimReady, format, recordClaim } from '../index.js';
import { centreRun, UsageError, type Io } from './kit.js';
import { recordOptions, type Runner } from './record.js';

interface ReadyFlags {
  dir?: string;
  asOf?: string;
  at?: string;
  format: 'table' | 'csv' | 'json';
  why?: boolean;
  inLearning?: boolean;
  color: boolean;
}

export function claimCommands(program: Command, io: Io, exit: (code: number) => void, run: Runner): void {
  const claim = program.command('claim').description('claims for certification: what is ready to claim, recording a claim or its certificate');
  claim
    .command('ready')
    .description('learners and units that can be claimed from the awarding body now (a qualification, or unit certificates)')
    .argument('[learners...]', 'only these learners')
    .addOption(new Option('-f, --format <format>', 'output format (csv: the ready claims, for a bulk claim upload)').choices(['table', 'csv', 'json']).default('table'))
    .option('--why', 'also list what is not ready, and why (table; JSON always has it)')
    .option('--in-learning', "also unit certificates for learners still in learning (a withdrawn learner's units are always listed)")
    .option('--as-of <date>', 'the claim date and the day the centre is judged (YYYY-MM-DD; default: today)')
    .option('--at <rev>', 'the centre as committed at a commit, tag, branch or day')
    .option('-C, --dir <dir>', 'the centre repository')
    .option('--no-color', 'no colour')
    .action(async (learners: string[], o: ReadyFlags) => {
      const r = await centreRun(io, { dir: o.dir, asOf: o.asOf, at: o.at, cache: false, color: o.color, repository: o.at !== undefined });
      const a = await assess(r.centre, { rules: true, learners: learners.length ? learners : undefined });
      r.done();
      io.stdout(format('claim ready', o.format, { ...claimReady(a, { inLearning: !!o.inLearning }), why: !!o.why }, r.render));
    });

  recordOptions(
    claim
      .command('record')
      .description("record a claim in the learner's portfolio (refused unless claim ready lists it), or add its certificate")
      .argument('<learner>', "the learner's id")
      .option('--qualification', 'the whole qualification is claimed')
      .option('--units <units>', 'the units claimed for unit certificates, comma-separated')
      .option('--reference <ref>', "the awarding body's reference for the claim (with --certificate: which claim)")
      .option('--certificate <number>', 'the certificate number: added to the existing claim of --qualification or --units, no new claim')
      .option('--certificate-date <date>', 'the date on the certificate (YYYY-MM-DD)'),
    'the claim date',
  ).action((learner: string, o: Parameters<Runner>[0] & { qualification?: boolean; units?: string; reference?: string; certificate?: string; certificateDate?: string }) => {
    const units = o.units?.split(',').map((u) => u.trim()).filter(Boolean);
    if (o.units !== undefined && !units?.length) throw new UsageError('--units needs at least one unit, e.g. --units H/506/1814');
    return run(o, learner, (centre, opts) => recordClaim(centre, learner, { qualification: o.qualification, units, reference: o.reference, certificate: o.certificate, certificateDate: o.certificateDate }, opts));
  });
  void exit;
}
