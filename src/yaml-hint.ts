// Advice for the YAML syntax errors that people, not tools, make in folio's files. The yaml
// library's message says what the parser saw ("Nested mappings are not allowed in compact
// mappings"); a centre's staff need to know what to type instead. Each case is recognised from
// the library's error code and the text of the line, never from the message's wording.

/** `key: value: more` on one line: a plain value holding ": ", which YAML reads as another key. */
const COLON_IN_PLAIN_VALUE = /^\s*(?:-\s+)?([^\s#'"[{][^:#]*?):[ \t]+([^\s'"[{|>&*!#][^#]*?:(?:[ \t].*)?)$/;

/** The line of text that starts at start. */
export function lineAt(text: string, start: number): string {
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? undefined : end);
}

/** What to do about a syntax error, when folio can tell; undefined to give the general advice. */
export function syntaxHint(code: string, line: string): string | undefined {
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY') {
    const m = COLON_IN_PLAIN_VALUE.exec(line.replace(/\r$/, ''));
    if (m) {
      const key = m[1]!.trim();
      const value = m[2]!.trim();
      return `the value of "${key}" holds ": ", which YAML reads as the start of another key: put the value in quotes, ${key}: "${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    }
  }
  return undefined;
}
