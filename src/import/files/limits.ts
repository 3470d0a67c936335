// A form is a file someone sent the centre: it may be huge, encrypted, a scan, damaged, or a
// zip built to expand without end. These are the bounds folio reads a form within, and the
// one error a form that cannot be read raises: a message id of import's registry (messages.ts)
// with its data, so the caller reports it like any other finding of the import.
import type { ImportData, ImportMessageId } from '../messages.js';

export const LIMITS = {
  /** A PDF or Word file larger than this is not read (a unit's pages are well under 1 MB). */
  bytes: 50 * 1024 * 1024,
  /** A text form larger than this is not read. */
  textBytes: 10 * 1024 * 1024,
  pages: 2000,
  /** What the entries of a Word file may expand to, all together. */
  unzipped: 200 * 1024 * 1024,
  /** How far one entry may expand: zip bombs expand by thousands. */
  ratio: 200,
  entries: 5000,
  /** Reading one PDF or Word file may take this long. */
  ms: 60_000,
} as const;

type UnreadableId = Extract<ImportMessageId, 'no-text-layer' | 'pdf-encrypted' | 'pdf-damaged' | 'too-many-pages' | 'too-large' | 'zip-bomb' | 'docx-damaged' | 'not-a-form-file' | 'legacy-word' | 'timed-out' | 'library-missing'>;

export class FormUnreadable<K extends UnreadableId = UnreadableId> extends Error {
  override name = 'FormUnreadable';
  constructor(
    readonly messageId: K,
    readonly data: ImportData<K>,
  ) {
    super(messageId);
  }
}

/** Reject when the work takes longer than the limit (a PDF built to make the reader spin). */
export async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FormUnreadable('timed-out', { seconds: ms / 1000 })), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
