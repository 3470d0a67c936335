// Shell completion: `folio completion bash|zsh|fish` prints a script, and the hidden
// `folio __complete` that the scripts call answers with the candidates for the word under the
// cursor, one a line. Commands, options and their choices are read from the commander program
// itself, so a new command or option completes without a second list; learner ids, units,
// evidence, witnesses and staff come from the library's completionSource, which reads only the
// files the word needs. Completion never fails loudly: anything it cannot work out completes
// nothing and exits 0. A name the repository holds is offered only when it is plain text a
// shell takes as it is (no control characters, spaces, quotes or metacharacters): it is never
// inserted raw, so a hostile folder name cannot run anything.
import { Argument, type Command, type Option } from 'commander';
import { resolve as resolvePath } from 'node:path';
import { completionSource, type CompletionSource, type UnitChoice } from '../index.js';
import { formatChoices } from '../outputs.js';
import { EXIT, type Io } from './kit.js';
import { INSTALL, SCRIPTS, SHELLS, type Shell } from './completion-scripts.js';

export function completionCommand(program: Command, io: Io): void {
  program
    .command('completion')
    .description('print a shell completion script for bash, zsh or fish (its --help says how to install it)')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(SHELLS))
    .addHelpText('after', INSTALL)
    .action((shell: Shell) => {
      io.stdout(SCRIPTS[shell]);
    });
}

/** Plain text any shell takes as one word as it is: letters, digits and . _ / @ + : , - (not
 * first). Anything else (spaces, quotes, $ ` ; & | < > ( ) * ? [ ] ~ ! # \, control and format
 * characters) is left out rather than escaped differently for each shell. */
const SAFE = /^[\p{L}\p{N}._/@+:,][\p{L}\p{N}._/@+:,-]*$/u;
const SAFE_OPTION = /^--?[A-Za-z0-9][A-Za-z0-9-]*$/;
/** An option, a value, or --option=value, each safe as it is. */
const safe = (c: string): boolean => {
  const inline = /^(--[A-Za-z0-9-]+)=(.*)$/s.exec(c);
  if (inline) return SAFE_OPTION.test(inline[1]!) && SAFE.test(inline[2]!);
  return c.startsWith('-') ? SAFE_OPTION.test(c) : SAFE.test(c);
};

/** `folio __complete --shell S (--line LINE | -- WORD…)`: the candidates, one a line. */
export async function completeWords(program: Command, args: string[], io: Io): Promise<number> {
  try {
    let shell: Shell | undefined;
    let words: string[] | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--shell') {
        const named = args[++i];
        shell = SHELLS.find((s) => s === named);
      }
      else if (a === '--line') words = splitLine(args[++i] ?? '');
      else if (a === '--') {
        words = args.slice(i + 1);
        break;
      }
    }
    if (!words) return EXIT.clean;
    if (!words.length) words = [''];
    const out = candidates(program, words, io);
    if (out === 'files') {
      io.stdout(':files\n');
      return EXIT.clean;
    }
    const current = words[words.length - 1]!;
    // bash replaces only the text after the last ':' or '=' of the word (COMP_WORDBREAKS)
    const cut = shell === 'bash' ? Math.max(current.lastIndexOf(':'), current.lastIndexOf('=')) + 1 : 0;
    const shown = [...new Set(out)].filter((c) => c.startsWith(current) && safe(c));
    for (const c of shown) io.stdout(`${c.slice(cut)}\n`);
  } catch {
    // a broken centre or an odd line: nothing to offer
  }
  return EXIT.clean;
}

/** The line up to the cursor as the shell will split it: blanks apart, quotes and backslashes
 * taken out. An open quote at the end marks the word as quoted, which completes nothing. */
export function splitLine(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let started = false;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length) word += line[++i];
      else word += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      started = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      word += line[++i];
      started = true;
    } else if (/\s/.test(ch)) {
      if (started) words.push(word);
      word = '';
      started = false;
    } else {
      word += ch;
      started = true;
    }
  }
  // the first word is the command itself
  words.push(quote ? '\0' : word);
  return words.slice(1);
}

const takesValue = (o: Option) => o.required || o.optional;
const findOption = (cmd: Command, flag: string) => cmd.options.find((o) => o.long === flag || o.short === flag);
const visibleCommands = (cmd: Command) => cmd.commands.filter((c) => !(c as unknown as { _hidden?: boolean })._hidden && c.name() !== 'help');

interface Place {
  cmd: Command;
  path: string[];
  positionals: string[];
  values: Map<string, string[]>;
  /** The last word is an option whose value the word under the cursor is. */
  pending?: Option;
}

/** The command the words name, its positional arguments so far and its options' values. */
function walk(program: Command, words: string[]): Place {
  const place: Place = { cmd: program, path: [], positionals: [], values: new Map() };
  let rest = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!rest && w === '--') rest = true;
    else if (!rest && w.startsWith('-') && w.length > 1) {
      const [flag, inline] = w.startsWith('--') && w.includes('=') ? [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)] : [w, undefined];
      const o = findOption(place.cmd, flag);
      if (o && takesValue(o) && inline === undefined) {
        if (i + 1 === words.length) place.pending = o;
        else place.values.set(o.attributeName(), [...(place.values.get(o.attributeName()) ?? []), words[++i]!]);
      } else if (o && inline !== undefined) place.values.set(o.attributeName(), [...(place.values.get(o.attributeName()) ?? []), inline]);
    } else {
      const sub = !place.positionals.length ? place.cmd.commands.find((c) => c.name() === w || c.aliases().includes(w)) : undefined;
      if (sub) {
        place.cmd = sub;
        place.path.push(sub.name());
      } else place.positionals.push(w);
    }
  }
  return place;
}

function candidates(program: Command, words: string[], io: Io): string[] | 'files' {
  const current = words[words.length - 1]!;
  if (current === '\0') return [];
  const before = words.slice(0, -1);
  const place = walk(program, before);
  const { cmd } = place;
  const dir = place.values.get('dir')?.at(-1);
  const home = io.env.HOME;
  const at = dir === undefined ? io.cwd : resolvePath(io.cwd, home && /^~(\/|$)/.test(dir) ? home + dir.slice(1) : dir);
  const src = lazySource(at);
  const learner = learnerOf(cmd, place.positionals);

  // the value of an option: after it, or after --option=
  if (place.pending) return values(optionValues(place.pending, place, src, learner, current));
  const inline = /^(--[A-Za-z0-9-]+)=/.exec(current);
  if (inline) {
    const o = findOption(cmd, inline[1]!);
    if (!o || !takesValue(o)) return [];
    const v = optionValues(o, place, src, learner, current.slice(inline[0].length));
    return v === 'files' ? [] : values(v).map((c: string) => `${inline[0]}${c}`);
  }
  if (current.startsWith('-')) {
    const longs = cmd.options.filter((o) => !o.hidden && o.long).map((o) => o.long!);
    return [...longs, '--help'];
  }
  const subs = visibleCommands(cmd);
  if (subs.length && !place.positionals.length) return subs.flatMap((c) => [c.name(), ...c.aliases()]);
  const args = cmd.registeredArguments;
  if (!args.length) return [];
  const n = place.positionals.length;
  const arg = args[Math.min(n, args.length - 1)]!;
  if (n >= args.length && !arg.variadic) return [];
  return values(argumentValues(cmd, arg, src, learner, place.positionals));
}

/** A value never looks like an option (a folder named -rf is not offered). */
function values(v: string[]): string[];
function values(v: string[] | 'files'): string[] | 'files';
function values(v: string[] | 'files'): string[] | 'files' {
  return v === 'files' ? v : v.filter((x) => !x.startsWith('-'));
}

/** The learner a command names: its first argument, when that argument is a learner. */
function learnerOf(cmd: Command, positionals: string[]): string | undefined {
  const first = cmd.registeredArguments[0];
  return first && /^learners?$/.test(first.name()) ? positionals[0] : undefined;
}

const unitWords = (units: UnitChoice[]) => units.flatMap((u) => [u.id, ...u.aliases]);

function argumentValues(cmd: Command, arg: Argument, src: CompletionSource, learner: string | undefined, given: string[]): string[] {
  const choices = (arg as unknown as { argChoices?: string[] }).argChoices;
  if (choices) return choices;
  switch (arg.name()) {
    case 'learner':
    case 'learners':
      return src.learners().filter((l) => !given.includes(l));
    case 'unit':
      return learner === undefined ? [] : unitWords(src.units(learner));
    case 'evidence':
      return learner === undefined ? [] : src.evidence(learner).filter((e) => !given.includes(e));
    case 'qualification':
      return src.qualifications();
    case 'id':
      // spec show ID: a unit or a qualification; other ids are new, with nothing to offer
      return cmd.name() === 'show' ? [...unitWords(src.units()), ...src.qualifications()] : [];
    default:
      return [];
  }
}

/** The role a record needs of its staff member, by command. */
function roleFor(place: Place): string | undefined {
  const name = place.path.join(' ');
  if (name === 'assess' || name === 'signoff') return 'assessor';
  if (name === 'iqa record') return 'iqa';
  return undefined;
}

function optionValues(o: Option, place: Place, src: CompletionSource, learner: string | undefined, current: string): string[] | 'files' {
  const choices = o.argChoices ?? formatChoices.get(o);
  if (choices) return [...choices];
  switch (o.long) {
    case '--dir':
    case '--file':
    case '--output':
    case '--out':
      return 'files';
    case '--by':
      return src.staff(roleFor(place));
    case '--assessor':
      return src.staff('assessor');
    // learner reassign --from/--to name assessors; elsewhere --from is a date
    case '--from':
    case '--to':
      return place.path.join(' ') === 'learner reassign' ? src.staff('assessor') : [];
    case '--method':
      return src.methods();
    case '--qualification':
      return src.qualifications();
    case '--witness':
      return learner === undefined ? [] : src.witnesses(learner);
    case '--unit':
      return unitWords(src.units(learner));
    case '--evidence':
      return learner === undefined ? [] : list(current, src.evidence(learner));
    case '--covers':
      return learner === undefined ? [] : covers(current, src.units(learner));
    default:
      return [];
  }
}

/** A comma list: the items given so far, then each item not yet in it. */
function list(current: string, items: string[]): string[] {
  const done = current.split(',').slice(0, -1);
  const head = done.length ? `${done.join(',')},` : '';
  return items.filter((i) => !done.includes(i)).map((i) => `${head}${i}`);
}

/** --covers UNIT:CRITERIA: units (number or alias) with ':', then the unit's criteria as a
 * comma list, or after the ':' a whole outcome or the whole unit. */
function covers(current: string, units: UnitChoice[]): string[] {
  const colon = current.lastIndexOf(':');
  if (colon < 0) return unitWords(units).map((u) => `${u}:`);
  const ref = current.slice(0, colon);
  const unit = units.find((u) => u.id === ref || u.aliases.includes(ref));
  if (!unit) return [];
  const after = current.slice(colon + 1);
  const wholes = after.includes(',') ? [] : ['all', ...unit.outcomes.map((o) => `outcome-${o.id}`)];
  return [...list(after, unit.criteria), ...wholes].map((c) => `${ref}:${c}`);
}

/** The source is made only when a word needs the centre. */
function lazySource(dir: string): CompletionSource {
  let s: CompletionSource | undefined;
  const get = () => (s ??= completionSource(dir));
  return {
    learners: () => get().learners(),
    units: (l) => get().units(l),
    evidence: (l) => get().evidence(l),
    witnesses: (l) => get().witnesses(l),
    staff: (r) => get().staff(r),
    qualifications: () => get().qualifications(),
    methods: () => get().methods(),
  };
}
