// Formatting a report: the registry's formatters (render/registry.ts) behind two calls, one
// for a string, one for pieces (a report of thousands of learners need not be one string).
import { formatsOf as formatsOfCommand, isFormat as isFormatOf, render, text, type Command, type Format, type Reports } from '../render/registry.js';
import type { RenderOptions } from '../render/style.js';

export type { Command, Format, Reports } from '../render/registry.js';

/** How a report is drawn: ANSI colour (table only), the width to fit (default 80), and for
 * status and spec show, every criterion (detail). */
export interface FormatOptions {
  color?: boolean;
  width?: number;
  detail?: boolean;
}

const options = (o: FormatOptions = {}): RenderOptions => ({ color: o.color ?? false, width: o.width ?? 80, detail: o.detail });

/** A report as text, in one of its command's formats: format('gaps', 'markdown', gaps(a)). */
export function format<C extends Command>(command: C, format: Format<C>, data: Reports[C], opts?: FormatOptions): string {
  return text(render(command, format, data, options(opts)));
}

/** The same text in pieces, for writing a large report as it is made. */
export function formatChunks<C extends Command>(command: C, format: Format<C>, data: Reports[C], opts?: FormatOptions): Iterable<string> {
  const out = render(command, format, data, options(opts));
  return typeof out === 'string' ? [out] : out;
}

/** The formats a command has. */
export function formatsOf<C extends Command>(command: C): Format<C>[] {
  return formatsOfCommand(command);
}

/** Whether a command has this format. */
export function isFormat<C extends Command>(command: C, format: string): format is Format<C> {
  return isFormatOf(command, format);
}
