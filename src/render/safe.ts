// Text from the centre's files (folder names, learner and staff names, titles, quoted lines)
// reaches terminals, CI logs, spreadsheets and Markdown viewers, each of which reads some
// characters as commands: escape sequences clear a screen or forge a line, a line starting with
// "::" (or holding "##[") is a GitHub Actions workflow command, a cell starting with "=" is a
// spreadsheet formula. Every human-readable output goes through this module, so no value
// written in a file can be more than text where folio shows it. JSON, SARIF and Code Quality
// escape themselves and stay exact; JUnit has its own XML escaping (ci/junit.ts).

// C0 controls, DEL, C1 controls, the line and paragraph separators and the bidirectional
// embeddings, overrides and isolates (the "Trojan Source" set): what a terminal or viewer may
// act on rather than show. The same set makes a name unsafe (rules/text.ts).
// eslint-disable-next-line no-control-regex
export const UNSAFE_CHARS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const UNSAFE_ALL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
// GitHub's runner reads "##[command]" anywhere in a line of a step's output (its older syntax).
const LEGACY_COMMAND = /##\[/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One unsafe character as a visible escape: \n, \t, \x1b, \u202e. */
export function escapeChar(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A value as it may appear inside one line of human-readable output: every control, separator
 * and bidi character written as a visible escape, and GitHub's "##[" broken up. */
export function visible(value: unknown): string {
  const s = value == null ? '' : String(value);
  return s.replace(UNSAFE_ALL, escapeChar).replace(LEGACY_COMMAND, '#\\x23[');
}

const EXCERPT = 60;

/** A value quoted in a message: visible, and cut to a short excerpt with an ellipsis, so a
 * message never carries a whole line or file. */
export function quote(value: unknown, max = EXCERPT): string {
  const s = value == null ? '' : String(value);
  // Cut before escaping (an escape is never split), at a code point boundary.
  const cut = [...s.slice(0, max * 2)];
  const short = cut.length > max ? `${cut.slice(0, max - 1).join('')}…` : s;
  return `"${visible(short)}"`;
}

// Folio's own colours: SGR sequences (ESC [ digits ; m). Any other escape sequence in a
// finished output came from a value that missed visible(), and is escaped.
// eslint-disable-next-line no-control-regex
const SGR = /^\u001B\[[0-9;]*m/;
// eslint-disable-next-line no-control-regex
const STRAY = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
// The runner trims this leading white space (.NET's Char.IsWhiteSpace) before looking for "::".
const COMMAND_LINE = /^((?:[^\S\r\n]|\u0085)*):(?=:)/gm;

/**
 * A finished human-readable output (table, CSV, Markdown, stderr), checked as a whole: the
 * last line of defence behind visible(). Newlines and tabs are the format's own; colour codes
 * are kept only when folio was asked for colour; anything else unsafe is escaped; no line
 * may start a workflow command.
 */
export function guardText(text: string, color = false): string {
  const cleaned = text.replace(STRAY, (c, at: number) => (color && c === '\u001B' && SGR.test(text.slice(at, at + 16)) ? c : escapeChar(c)));
  return cleaned.replace(LEGACY_COMMAND, '#\\x23[').replace(COMMAND_LINE, '$1\\x3a');
}

/** JSON text that GitHub's runner cannot read as a command ("##[" written "#\u0023[") and
 * that shows no bidi or C1 character raw: parses to exactly the same values. */
export function guardJson(text: string): string {
  return text.replace(LEGACY_COMMAND, '#\\u0023[').replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// What JSON.stringify leaves raw but a terminal showing the JSON would act on: C1 controls,
// separators, bidi characters. They only occur inside strings, where \uXXXX means the same.
const JSON_RAW = /[\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

// OWASP "CSV Injection": a cell starting with = + - @, tab or CR is read as a formula by
// spreadsheets. Such cells get a leading single quote (shown as text, not evaluated) and are
// quoted. Numbers folio computes are written as numbers and never prefixed.
const FORMULA = /^[=+\-@\t\r]/;

/** One CSV cell: numbers as they are, text made visible, formula-like text neutralised, and
 * quoted when it holds a separator, a quote or the neutralising prefix. */
export function csvCell(v: string | number | null | undefined): string {
  if (v == null) return '';
  if (typeof v === 'number') return String(v);
  const raw = String(v);
  const s = FORMULA.test(raw) ? `'${visible(raw)}` : visible(raw);
  return /[",\n\r]/.test(s) || s.startsWith("'") ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Text for a Markdown table cell or heading: visible, on one line, and with what Markdown
 * would read as table syntax, emphasis, code, links or HTML backslash-escaped. */
export function mdText(v: string | number | null | undefined): string {
  if (v == null) return '';
  return visible(v).replace(/[\\`*_[\]<>|&~]/g, '\\$&');
}
