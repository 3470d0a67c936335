// The text of a Word file (.docx), through mammoth's reading of the document: each paragraph
// is a line (tabs kept, a line break starts a new line), so a form reads as its text
// extraction would. A table gives its cells row by row, left to right, each cell's paragraphs
// as lines with a blank line after the cell: the assessment criteria column is never run into
// the evidence column, and text in an evidence column is reported, not joined. Running headers and footers are not part of the document body.
import { checkZip } from './zip.js';
import { FormUnreadable } from './limits.js';

interface Node {
  type: string;
  value?: string;
  breakType?: string;
  children?: Node[];
}

interface Mammoth {
  convertToHtml(input: { buffer: Buffer }, options: { transformDocument: (d: Node) => Node; ignoreEmptyParagraphs: boolean }): Promise<unknown>;
}

export async function docxText(bytes: Buffer, load: () => Promise<unknown>): Promise<string> {
  const names = checkZip(bytes);
  if (!names.includes('word/document.xml')) throw new FormUnreadable('not-a-form-file', { kind: 'a zip file that is not a Word document' });
  const mammoth = (await load()) as Mammoth;
  let body: Node | undefined;
  try {
    await mammoth.convertToHtml({ buffer: bytes }, { ignoreEmptyParagraphs: false, transformDocument: (d) => ((body = d), d) });
  } catch (e) {
    throw new FormUnreadable('docx-damaged', { reason: String((e as Error).message).slice(0, 120) });
  }
  return blockLines(body?.children ?? []).join('\n');
}

function blockLines(nodes: Node[]): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    if (n.type === 'paragraph') out.push(...paragraphLines(n));
    else if (n.type === 'table') out.push(...tableLines(n));
    else if (n.children) out.push(...blockLines(n.children));
  }
  return out;
}

function paragraphLines(p: Node): string[] {
  const lines = [''];
  const walk = (n: Node) => {
    if (n.type === 'text') lines[lines.length - 1] += n.value ?? '';
    else if (n.type === 'tab') lines[lines.length - 1] += '\t';
    else if (n.type === 'break' && n.breakType !== 'page') lines.push('');
    else if (n.type === 'note' || n.type === 'comment') return;
    else n.children?.forEach(walk);
  };
  p.children?.forEach(walk);
  return lines;
}

function tableLines(t: Node): string[] {
  const out: string[] = [];
  for (const row of t.children ?? []) {
    if (row.type !== 'tableRow') continue;
    // each cell its own paragraph run, a blank line after it: what an evidence column holds
    // is never taken for more of the criterion beside it
    for (const cell of (row.children ?? []).filter((c) => c.type === 'tableCell')) {
      const lines = blockLines(cell.children ?? []).filter((l) => l.trim() !== '');
      if (lines.length) out.push(...lines, '');
    }
  }
  return out;
}
