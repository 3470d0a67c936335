// What folio refuses to read, and the checks on the text of what it reads. Both readers (the
// working tree, and git at a commit) raise the same refusals, before reading anything, and the
// loader turns each into a finding at its place: a portfolio is the record behind a
// certificate, so a file that cannot be read as it is written is an error, never guessed at.
import { isUtf8 } from 'node:buffer';
import type { Finding, MessageData, Target } from '../diagnostics.js';

/** The largest YAML file folio reads. The largest real portfolio or specification is far
 * smaller: a learner with three hundred evidence items, each with its assessment, is about
 * 120 KB; a generated learner of 80 items about 30 KB. Measured on a check of the sample centre
 * with one hostile portfolio of valid-looking evidence items (every one a finding): 1 MiB peaks
 * at 263 MB, 2 MiB at 426 MB, 10 MiB at 1.7 GB. 1 MiB keeps any single file well under 512 MB. */
export const MAX_FILE_BYTES = 1024 * 1024;

export type RefusalCode = 'link-outside' | 'special-file' | 'file-too-large' | 'file-encoding';

/** A file folio will not read. file: where to report it (for a link that leads out, the link).
 * For a file that is not UTF-8, offset (into text, the bytes decoded with U+FFFD for each bad
 * sequence) is where its first bad byte is, so the finding can be placed. */
export class Refused extends Error {
  constructor(
    readonly code: RefusalCode,
    readonly file: string,
    message: string,
    /** The finding's message id and data (diagnostics.ts). */
    readonly said: { id: string; data: MessageData },
    readonly offset?: number,
    readonly text?: string,
  ) {
    super(message);
  }

  /** The refusal as a finding, at its file (and its first bad byte, for an encoding). */
  finding(target: Target = { file: this.file, offset: this.offset }): Finding {
    return { code: this.code, messageId: this.said.id, data: this.said.data, target, message: this.message };
  }
}

const short = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);

export function linkOutside(link: string, target: string): Refused {
  return new Refused('link-outside', link, `a symbolic link to ${short(target)}, which leads outside the centre, so folio does not read it: replace the link with the file itself, or remove it`, { id: 'leads-outside', data: { target } });
}

export function specialFile(file: string, what: string): Refused {
  return new Refused('special-file', file, `${what} stands here, not a regular file, so folio does not open it: replace it with the file itself, or remove it`, { id: 'not-a-regular-file', data: { what } });
}

export function tooLarge(file: string, bytes: number): Refused {
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MiB`;
  const said = { id: 'over-limit', data: { bytes, limit: MAX_FILE_BYTES } };
  return new Refused('file-too-large', file, `the file is ${mib(bytes)}, over folio's limit of ${mib(MAX_FILE_BYTES)} for a YAML file, so it is not read: remove what does not belong in it (evidence belongs in files of its own)`, said);
}

/** A file's bytes as text; Refused when they are not UTF-8. A byte order mark is kept (YAML
 * allows it). */
export function decodeText(file: string, bytes: Buffer): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  const bad = firstBadByte(bytes);
  if (bad < 0) return bytes.toString('utf8');
  const byte = `0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, '0')}`;
  throw new Refused(
    'file-encoding',
    file,
    `the file is not UTF-8: byte ${byte} here is not part of a UTF-8 character (saved as Latin-1 or Windows-1252?), so the file is not checked further: save it as UTF-8`,
    { id: 'not-utf8', data: { byte: bytes[bad]!, at: bad } },
    bytes.toString('utf8', 0, bad).length,
    bytes.toString('utf8'),
  );
}

/** The offset of the first byte that does not begin a well-formed UTF-8 sequence (RFC 3629:
 * no overlong forms, no surrogates, nothing above U+10FFFF); -1 when there is none. */
function firstBadByte(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (n === 0 || i + n >= buf.length) return i; // not a lead byte, or cut off at the end
    let cp = b & (n === 1 ? 0x1f : n === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= n; k++) {
      const c = buf[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < [0, 0x80, 0x800, 0x10000][n]! || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

// YAML allows tab, line feed and carriage return among the C0 controls, and NEL among the C1
// ones; any other control character is invisible in an editor and can hide in a value.
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\x80-\x84\x86-\x9F]/g;
const NAMES: Record<number, string> = { 0: 'NUL', 7: 'BEL', 8: 'BS', 0x1b: 'ESC', 0x7f: 'DEL' };
const MAX_REPORTED = 10;

/** A finding at each control character in a file's text (the first ten, the last saying how
 * many more there are). The file is still read: the characters are in its values as written. */
export function controlCharacters(file: string, text: string): Finding[] {
  const at: number[] = [];
  let total = 0;
  for (const m of text.matchAll(CONTROL)) {
    if (at.length < MAX_REPORTED) at.push(m.index);
    total++;
  }
  return at.map((offset, i) => {
    const cp = text.charCodeAt(offset);
    const name = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}${NAMES[cp] ? ` (${NAMES[cp]})` : ''}`;
    const more = i === at.length - 1 && total > at.length ? ` (${total - at.length} more in this file are not listed)` : '';
    return {
      code: 'control-character',
      messageId: more ? 'more-not-listed' : 'character',
      data: { codePoint: cp, name: NAMES[cp] ?? null, more: more ? total - at.length : 0 },
      target: { file, offset },
      message: `control character ${name} in the text: it is not allowed in YAML and cannot be seen in most editors; delete it${more}`,
    } satisfies Finding;
  });
}
