// The command line: each command parses its flags, calls the library and picks a formatter.
// Only the cli/ modules write to stdout or stderr, through the io they are given, so tests run
// folio in-process. Commands load what only they need when they run, so that a quick command
// costs little more than starting Node.
import { Command, CommanderError, Option } from 'commander';
import { VERSION as CONTRACT } from '../render/contract.js';
import { guardText, visible } from '../render/safe.js';
import { VERSION } from '../version.js';
import { checkCommand } from './check.js';
import { completeWords, completionCommand } from './complete.js';
import { eqaCommands } from './eqa.js';
import { historyCommands } from './history.js';
import { importCommand } from './import.js';
import { lifecycleCommands } from './lifecycle.js';
import { qualityCommands } from './quality.js';
import { recordCommands } from './record.js';
import { reportCommand } from './report.js';
import { ioMessage } from './errors.js';
import { EXIT, UsageError, type Io } from './kit.js';
import { setupCommands } from './setup.js';
import { specCommand } from './spec.js';
import { gapsCommand, statusCommand } from './status.js';
import { verifyCommand } from './verify.js';

export type { Io } from './kit.js';

/** `folio`, `folio spec` or `folio learner` alone asks what there is: the help, on stdout, exit 0,
 * as `--help` does, rather than commander's default of help on stderr as an error. */
class HelpfulCommand extends Command {
  override createCommand(name?: string): Command {
    return new HelpfulCommand(name);
  }
  override help(): never {
    return super.help();
  }
}

export async function main(argv: string[], given: Io): Promise<number> {
  // Everything written to stderr is checked as a human-readable output (safe.ts); only the
  // progress bar, folio's own text drawn with \r, writes to the terminal as it is.
  const io: Io = { ...given, stderr: (s) => given.stderr(guardText(s)), draw: given.draw ?? given.stderr };
  let code: number = EXIT.clean;
  const exit = (c: number) => {
    code = c;
  };
  const program = new HelpfulCommand();
  const version = `folio ${VERSION} (output contract ${CONTRACT})`;
  program
    .name('folio')
    .description('Portfolios of evidence for vocational qualifications, checked against their assessment criteria.')
    .version(version, '-v, --version')
    // -V as well, which commander's own default taught some users
    .addOption(new Option('-V').hideHelp())
    .on('option:V', () => {
      io.stdout(`${version}\n`);
      throw new CommanderError(EXIT.clean, 'commander.version', version);
    })
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (s, write) => write(s) })
    .showSuggestionAfterError(true);

  checkCommand(program, io, exit);
  statusCommand(program, io, exit);
  gapsCommand(program, io, exit);
  specCommand(program, io);
  historyCommands(program, io);
  importCommand(program, io, exit);
  verifyCommand(program, io, exit);
  reportCommand(program, io);
  setupCommands(program, io, exit);
  recordCommands(program, io, exit);
  lifecycleCommands(program, io, exit);
  qualityCommands(program, io, exit);
  eqaCommands(program, io, exit);
  completionCommand(program, io);
  // What the completion scripts call (complete.ts): never listed, never an error.
  if (argv[0] === '__complete') return completeWords(program, argv.slice(1), io);

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.clean;
      return EXIT.usage;
    }
    const debug = /^(1|true|yes|on)$/i.test(io.env.FOLIO_DEBUG ?? '');
    // An I/O error is the machine's, not folio's: the path and the fix, no stack trace.
    const known = e instanceof UsageError ? (e as Error).message : ioMessage(e);
    if (known !== undefined) {
      io.stderr(`folio: ${visible(known)}\n`);
      if (debug) io.stderr(`${(e as Error).stack ?? ''}\n`);
      return EXIT.usage;
    }
    // Anything else is a bug in folio: the stack, so it can be reported.
    io.stderr(`folio: internal error (please report it, with this text): ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.usage;
  }
  return code;
}
