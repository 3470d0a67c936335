// The text of a PDF, in reading order, one line of the form per line of print. pdf.js gives
// pieces of text with their positions; pieces at the same height make a line, read left to
// right, and a wide gap between two pieces on a line is a column gap (a tab, as the text
// layouts folio reads use). A larger gap between lines is a blank line, and pages follow
// each other with no break between them. Running headers, footers and page numbers are removed in
// running.ts, so a page break in the middle of a criterion does not end it.
import { FormUnreadable, LIMITS } from './limits.js';
import { dropRunning } from './running.js';

interface Piece {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** What pdf.js exports that folio uses (the legacy build, which runs on Node without a DOM). */
interface PdfJs {
  getDocument(src: object): { promise: Promise<PdfDoc>; destroy(): Promise<void> };
}
interface PdfDoc {
  numPages: number;
  getPage(n: number): Promise<{ getTextContent(): Promise<{ items: unknown[] }>; cleanup(): void }>;
  destroy(): Promise<void>;
}

export async function pdfText(bytes: Uint8Array, load: () => Promise<unknown>): Promise<string> {
  const pdfjs = (await load()) as PdfJs;
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0 });
  let doc: PdfDoc;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as Error).name;
    if (name === 'PasswordException') throw new FormUnreadable('pdf-encrypted', {});
    throw new FormUnreadable('pdf-damaged', { reason: String((e as Error).message).slice(0, 120) });
  }
  try {
    if (doc.numPages > LIMITS.pages) throw new FormUnreadable('too-many-pages', { pages: doc.numPages, limit: LIMITS.pages });
    const pages: string[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(pageLines(content.items.map(pieceOf).filter((p): p is Piece => p !== undefined)));
      page.cleanup();
    }
    if (!pages.some((p) => p.some((l) => l.trim()))) throw new FormUnreadable('no-text-layer', { pages: pages.length });
    return dropRunning(pages)
      .map((p) => p.join('\n'))
      .join('\n');
  } finally {
    await doc.destroy();
  }
}

function pieceOf(item: unknown): Piece | undefined {
  const it = item as { str?: unknown; transform?: unknown; width?: unknown };
  if (typeof it.str !== 'string' || !Array.isArray(it.transform)) return undefined;
  const [a, b, , d, x, y] = it.transform as number[];
  if (it.str.trim() === '') return undefined;
  const size = Math.hypot(a ?? 0, b ?? 0) || Math.abs(d ?? 0) || 10;
  return { str: it.str, x: x ?? 0, y: y ?? 0, width: Number(it.width) || 0, size };
}

/** Pieces of one page as lines: top to bottom, left to right; blank lines where the print
 * leaves a gap, as many as the gap holds lines of the page's usual spacing. */
export function pageLines(pieces: Piece[]): string[] {
  const rows: { y: number; size: number; pieces: Piece[] }[] = [];
  // top to bottom; on one row, left to right
  for (const p of [...pieces].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const row = rows.find((r) => Math.abs(r.y - p.y) <= Math.min(r.size, p.size) * 0.4);
    if (row) row.pieces.push(p);
    else rows.push({ y: p.y, size: p.size, pieces: [p] });
  }
  rows.sort((a, b) => b.y - a.y);
  const steps = rows.slice(1).map((r, i) => rows[i]!.y - r.y).sort((a, b) => a - b);
  // the usual line spacing: the smallest step that is common, not a tight superscript
  const leading = steps.find((st) => st >= (rows[0]?.size ?? 10) * 0.9) ?? (rows[0]?.size ?? 10) * 1.2;
  const left = Math.min(...pieces.map((p) => p.x));
  const out: string[] = [];
  let prev: { y: number; size: number } | undefined;
  for (const r of rows) {
    if (prev) {
      const gap = prev.y - r.y;
      const blanks = gap > Math.max(leading * 1.5, Math.max(prev.size, r.size) * 1.9) ? Math.min(20, Math.round(gap / leading) - 1) : 0;
      for (let k = 0; k < blanks; k++) out.push('');
    }
    out.push(rowText(r.pieces.sort((a, b) => a.x - b.x), left));
    prev = r;
  }
  return out;
}

function rowText(pieces: Piece[], left: number): string {
  let text = '';
  let end = left;
  pieces.forEach((p, i) => {
    const gap = p.x - end;
    // an indented first piece, or a gap of more than two spaces' width, is a column
    if (i === 0) text += p.x - left > p.size * 1.5 ? '\t' : '';
    else if (gap > p.size * 1.2) text += '\t';
    else if (gap > p.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(p.str)) text += ' ';
    text += p.str;
    end = Math.max(end, p.x + p.width);
  });
  return text;
}
