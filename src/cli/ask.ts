// Asking for what a recording command was not given. On a terminal (stdin and stdout both) a
// missing required option is asked for, with the choices the spec and the centre allow; an
// answer that is not one of them is asked again. Anywhere else the command stops with one usage
// error naming every missing option and an example, so a script never hangs on a question.
// The library receives complete options: asking is the command line's alone.
import { visible } from '../render/safe.js';
import { UsageError, type Io } from './kit.js';

/** One question at a time: the answer without its line end, or undefined at end of input. */
export type Prompt = (question: string) => Promise<string | undefined>;

export interface Choice {
  value: string;
  /** Shown beside the value (a unit's title, a staff member's name). */
  label?: string;
  /** Other spellings that choose it (a unit's alias). */
  also?: string[];
}

/** Can this run ask? Only with a prompt, on a terminal both ways. */
export const canAsk = (io: Io): boolean => !!io.prompt && !!io.stdinIsTTY && io.stdoutIsTTY;

/** Stop, naming every missing option, when this run cannot ask for them. */
export function needOrAsk(io: Io, command: string, missing: string[], example: string): boolean {
  if (!missing.length) return false;
  if (canAsk(io)) return true;
  const list = missing.length === 1 ? missing[0]! : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
  throw new UsageError(`${command} needs ${list} (folio asks for ${missing.length === 1 ? 'it' : 'them'} only on a terminal), e.g. ${example}`);
}

/** Ask until check accepts the answer ({ ok }); otherwise print why ({ again }) and ask again. */
export async function askFor<T>(io: Io, question: string, check: (answer: string) => { ok: T } | { again: string }): Promise<T> {
  for (;;) {
    const answer = await io.prompt!(`${question} `);
    if (answer === undefined) throw new UsageError(`no answer to "${question}": nothing was recorded`);
    const r = check(answer.trim());
    if ('ok' in r) return r.ok;
    io.stdout(`${r.again}\n`);
  }
}

/** A line of text, not empty unless optional (an empty answer is then undefined). */
export function askText(io: Io, question: string, optional = false): Promise<string | undefined> {
  return askFor<string | undefined>(io, question, (a) => (a ? { ok: a } : optional ? { ok: undefined } : { again: 'An answer is needed.' }));
}

/** One of the choices, by number, value or alias, after the numbered list. */
export async function askChoice(io: Io, question: string, choices: Choice[]): Promise<string> {
  if (!choices.length) throw new UsageError(`nothing to choose from for "${question}"`);
  showChoices(io, choices);
  return askFor<string>(io, question, (a) => {
    const c = pick(choices, a);
    return c ? { ok: c.value } : { again: `"${visible(a)}" is not one of the ${choices.length} choices: answer with its number or as it is listed.` };
  });
}

/** Several of the choices, comma- or space-separated. */
export async function askChoices(io: Io, question: string, choices: Choice[]): Promise<string[]> {
  if (!choices.length) throw new UsageError(`nothing to choose from for "${question}"`);
  showChoices(io, choices);
  return askFor<string[]>(io, question, (a) => {
    const parts = a.split(/[\s,]+/).filter(Boolean);
    if (!parts.length) return { again: 'Choose one or more, by number or as listed, separated by commas.' };
    const bad = parts.filter((p) => !pick(choices, p));
    if (bad.length) return { again: `${bad.map((b) => `"${visible(b)}"`).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not among the choices: answer with numbers or as listed.` };
    return { ok: [...new Set(parts.map((p) => pick(choices, p)!.value))] };
  });
}

/** The numbered list an answer may choose from by number. */
function showChoices(io: Io, choices: Choice[]): void {
  io.stdout(`${choices.map((c, i) => `  ${String(i + 1).padStart(2)}) ${visible(c.value)}${c.label ? `  ${visible(c.label)}` : ''}`).join('\n')}\n`);
}

function pick(choices: Choice[], a: string): Choice | undefined {
  if (/^\d+$/.test(a) && Number(a) >= 1 && Number(a) <= choices.length) return choices[Number(a) - 1];
  return choices.find((c) => c.value === a || (c.also ?? []).includes(a));
}
