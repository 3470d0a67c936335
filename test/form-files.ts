// PDF and Word files made by the tests from a form's text, as a word processor or a PDF
// printer would make them: each line of the text is a line of print (a paragraph in Word),
// tab-separated cells stand in columns, a form feed starts a new page. pdf-lib and docx are
// development dependencies; folio reads the files with pdf.js and mammoth, which never saw
// how they were made.
import { AlignmentType, Document, Footer, Header, Packer, PageBreak, Paragraph, Tab, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

const A4 = [595, 842] as const;
const MARGIN = 50;
const SIZE = 9;
const LEADING = 12;

export interface PdfOptions {
  /** Lines per page before a new page starts (a form feed also starts one). */
  perPage?: number;
  /** Running header and footer on every page; "{n}" and "{of}" become page numbers. */
  header?: string;
  footer?: string;
  /** Where the pages start, for a handbook extract that starts at page 37. */
  firstPage?: number;
}

/** The text as a PDF: one line of print per line, cells at tab stops. */
export async function pdfOf(text: string, opts: PdfOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const perPage = opts.perPage ?? 60;
  const pages: string[][] = [[]];
  for (const line of text.split(/\r?\n/)) {
    if (line.includes('\f')) {
      pages.push([]);
      continue;
    }
    if (pages[pages.length - 1]!.length >= perPage) pages.push([]);
    pages[pages.length - 1]!.push(line);
  }
  const total = pages.length + (opts.firstPage ?? 1) - 1;
  // pdf.js reads only what is on the page: a page as wide as the longest line, as a PDF
  // printer set to fit the page does
  const width = Math.max(A4[0], ...text.split(/\r?\n/).map((l) => MARGIN * 2 + 40 * l.split('\t').length + font.widthOfTextAtSize(l.replace(/\t/g, ' '), SIZE)));
  pages.forEach((lines, k) => {
    const page = doc.addPage([width, A4[1]]);
    const n = k + (opts.firstPage ?? 1);
    const fill = (s: string) => s.replace('{n}', String(n)).replace('{of}', String(total));
    if (opts.header) drawCells(page, font, fill(opts.header), A4[1] - 30);
    lines.forEach((line, i) => drawCells(page, font, line, A4[1] - 60 - i * LEADING));
    if (opts.footer) drawCells(page, font, fill(opts.footer), 30);
  });
  return doc.save({ useObjectStreams: false });
}

function drawCells(page: PDFPage, font: PDFFont, line: string, y: number): void {
  let x = MARGIN;
  let end = MARGIN;
  line.split('\t').forEach((cell, k) => {
    // a cell starts at its tab stop, or clear of the cell before it
    x = k === 0 ? MARGIN : Math.max(MARGIN + k * 36, end + 24);
    if (cell.trim() === '') return;
    const start = x + font.widthOfTextAtSize(cell.match(/^\s*/)![0], SIZE);
    page.drawText(cell.trim(), { x: start, y, size: SIZE, font });
    end = start + font.widthOfTextAtSize(cell.trim(), SIZE);
  });
}

export interface DocxOptions {
  header?: string;
  footer?: string;
}

/** The text as a Word file: one paragraph per line, tabs as tabs, a form feed as a page break. */
export async function docxOf(text: string, opts: DocxOptions = {}): Promise<Buffer> {
  const children = text.split(/\r?\n/).map((line) => (line.includes('\f') ? new Paragraph({ children: [new PageBreak()] }) : paragraph(line)));
  return packed(children, opts);
}

function paragraph(line: string): Paragraph {
  const runs: (TextRun)[] = [];
  line.split('\t').forEach((part, k) => {
    if (k > 0) runs.push(new TextRun({ children: [new Tab()] }));
    if (part) runs.push(new TextRun(part));
  });
  return new Paragraph({ children: runs });
}

/** A Word recording form with its outcomes and criteria in a table: each row's cells, each
 * cell's paragraphs (a cell given as an array holds several paragraphs). */
export async function docxTable(before: string[], rows: (string | string[])[][], after: string[] = [], opts: DocxOptions = {}): Promise<Buffer> {
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: cells.map((c) => new TableCell({ children: (Array.isArray(c) ? c : [c]).map((p) => paragraph(p)) })),
        }),
    ),
  });
  return packed([...before.map(paragraph), table, ...after.map(paragraph)], opts);
}

async function packed(children: (Paragraph | Table)[], opts: DocxOptions): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        headers: opts.header ? { default: new Header({ children: [new Paragraph({ children: [new TextRun(opts.header)] })] }) } : undefined,
        footers: opts.footer ? { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(opts.footer)] })] }) } : undefined,
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
