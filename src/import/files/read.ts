// What kind of file a form is, by its first bytes rather than its name (a PDF saved as
// "unit.txt" is still a PDF), and its text: plain text decoded by decode.ts, a PDF through
// pdf.js, a Word file through mammoth. The two libraries are optional dependencies, loaded
// only when a PDF or Word form is read (README "Importing unit specifications"). Every way a
// form cannot be read is a FormUnreadable with its own message id.
import { decodeForm } from '../decode.js';
import { docxText } from './docx.js';
import { FormUnreadable, LIMITS, within } from './limits.js';
import { pdfText } from './pdf.js';

export type FormKind = 'text' | 'pdf' | 'docx';

export interface ReadForm {
  kind: FormKind;
  text: string;
  encoding?: string;
}

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);

export function kindOf(bytes: Uint8Array): FormKind | { other: string } {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'docx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { other: 'legacy' };
  if (head.startsWith('{\\rtf')) return { other: 'an RTF file' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || head.startsWith('II*\0') || head.startsWith('MM\0*')) return { other: 'image' };
  return 'text';
}

/** Load an optional library; a clear message when it is not installed. */
function optional(name: string, version: string): () => Promise<unknown> {
  return async () => {
    try {
      return await import(name);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') throw new FormUnreadable('library-missing', { library: name.split('/')[0]!, version });
      throw e;
    }
  };
}

const PDFJS = optional('pdfjs-dist/legacy/build/pdf.mjs', '4.10.38');
const MAMMOTH = optional('mammoth', '1.13.0');

export async function readForm(bytes: Buffer): Promise<ReadForm> {
  const kind = kindOf(bytes);
  if (typeof kind === 'object') {
    if (kind.other === 'legacy') throw new FormUnreadable('legacy-word', {});
    if (kind.other === 'image') throw new FormUnreadable('no-text-layer', { pages: 1 });
    throw new FormUnreadable('not-a-form-file', { kind: kind.other });
  }
  if (kind === 'text') {
    if (bytes.length > LIMITS.textBytes) throw new FormUnreadable('too-large', { bytes: bytes.length, limit: LIMITS.textBytes });
    const { text, encoding } = decodeForm(bytes);
    return { kind, text, encoding };
  }
  if (bytes.length > LIMITS.bytes) throw new FormUnreadable('too-large', { bytes: bytes.length, limit: LIMITS.bytes });
  const text = await within(LIMITS.ms, kind === 'pdf' ? pdfText(bytes, PDFJS) : docxText(bytes, MAMMOTH));
  return { kind, text };
}
