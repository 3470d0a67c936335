// PDF and Word forms: the seeds rendered to PDF and to Word by the tests import to the same
// specs as their text; a committed multi-page handbook extract, with running headers, footers
// and page numbers, reads as its expected units; and the files a centre should not be able to
// break folio with (a scan, an encrypted PDF, a zip bomb, an old .doc) are refused with their
// own codes.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { PDFDocument, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readForm } from '../src/import/files/index.js';
import { parseForm } from '../src/import/parse.js';
import { docxOf, docxTable, pdfOf } from './form-files.js';
import { folio, REPO } from './helpers.js';

const SEEDS = readdirSync(join(REPO, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort();

const units = (file: string, text: string) => parseForm(file, text).units.map(({ file: _f, line: _l, ...u }) => ({ ...u, outcomes: u.outcomes.map(({ line: _x, ...o }) => ({ ...o, criteria: o.criteria.map(({ line: _y, ...c }) => c) })) }));

describe('seeds as PDF and Word files', () => {
  it.each(SEEDS)('%s as Word reads as its text', async (seed) => {
    const text = readFileSync(join(REPO, 'seeds', seed), 'utf8');
    const read = await readForm(await docxOf(text));
    expect(read.kind).toBe('docx');
    expect(units('f', read.text)).toEqual(units('f', text));
  });
  // Seed 002's U/K and evidence requirement grids are rows of cells, some empty; a PDF prints
  // nothing for an empty cell, so those grids cannot be read back from print. The importer
  // must then say so for each unit rather than guess; everything else must be the same.
  const GRIDS = new Set(['U/K', 'ER']);
  it.each(SEEDS)('%s as PDF reads as its text', async (seed) => {
    const text = readFileSync(join(REPO, 'seeds', seed), 'utf8');
    const read = await readForm(Buffer.from(await pdfOf(text, { footer: 'Page {n} of {of}', header: 'Recording form' })));
    expect(read.kind).toBe('pdf');
    const got = units('f', read.text);
    const want = units('f', text);
    const unread = [...new Set(parseForm('f', read.text).warnings.filter((w) => w.code === 'grid-unread').map((w) => w.data!.unit))];
    const grids = (u: (typeof want)[number]) => JSON.stringify(u.outcomes.filter((o) => GRIDS.has(o.id)));
    const lost = want.filter((u, i) => grids(got[i]!) !== grids(u)).map((u) => u.unit);
    expect(unread).toEqual(lost);
    if (seed.startsWith('002')) expect(lost.length).toBeGreaterThan(0);
    const withoutLostGrids = (list: typeof want) => list.map((u) => ({ ...u, outcomes: u.outcomes.filter((o) => !lost.includes(u.unit) || !GRIDS.has(o.id)) }));
    expect(withoutLostGrids(got)).toEqual(withoutLostGrids(want));
  });
});

/** A zip of the given entries, deflated: to build Word files that are not what they seem. */
function zipOf(entries: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(entries)) {
    const packed = deflateRawSync(data);
    const n = Buffer.from(name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(data), 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(n.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc32(data), 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(n.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(head, n, packed);
    central.push(dir, n);
    offset += 30 + n.length + packed.length;
  }
  const size = central.reduce((k, b) => k + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}

/** A PDF whose trailer asks for a password (the standard security handler, revision 2): the
 * empty password does not open it, so no reader can. */
function encryptedPdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>', `<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>`];
  let body = '%PDF-1.4\n';
  const at: number[] = [];
  objects.forEach((o, i) => {
    at.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${at.map((n) => `${String(n).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function scannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < 2; i++) doc.addPage([595, 842]).drawRectangle({ x: 50, y: 50, width: 400, height: 600, color: rgb(0.8, 0.8, 0.8) });
  return doc.save();
}

describe('files folio refuses to read, each with its code', () => {
  const cases: [string, () => Promise<Uint8Array | Buffer> | Buffer, string, string, RegExp][] = [
    ['a scan (no text layer)', scannedPdf, 'no-text-layer', 'no-text-layer', /no text to read in its 2 pages: it is a scan/],
    ['an image', () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'no-text-layer', 'no-text-layer', /it is a scan/],
    ['an encrypted PDF', encryptedPdf, 'form-unreadable', 'pdf-encrypted', /encrypted with a password/],
    ['a damaged PDF', () => Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >>\n'), 'form-unreadable', 'pdf-damaged', /the PDF cannot be read/],
    ['a zip bomb named .docx', () => zipOf({ '[Content_Types].xml': Buffer.from('<Types/>'), 'word/document.xml': Buffer.alloc(40 * 1024 * 1024, 32) }), 'form-unreadable', 'zip-bomb', /expands too far/],
    ['a zip that is not a Word file', () => zipOf({ 'xl/workbook.xml': Buffer.from('<workbook/>') }), 'form-unreadable', 'not-a-form-file', /not a Word document/],
    ['an old Word .doc', () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), 'form-unreadable', 'legacy-word', /save it as \.docx/],
  ];
  it.each(cases)('%s', async (_name, make, code, messageId, wording) => {
    const bytes = await make();
    await expect(readForm(Buffer.from(bytes))).rejects.toMatchObject({ messageId });
    const dir = mkdtempSync(join(tmpdir(), 'folio-files-'));
    writeFileSync(join(dir, 'form.docx'), bytes);
    writeFileSync(join(dir, 'good.txt'), 'A/506/2130 Deliver customer service\n1.1 Explain a\n');
    const r = await folio(['import', 'form.docx', 'good.txt', '--format', 'json'], { cwd: dir });
    // every form is read in one run: the good one still comes through; exit 2 for the other
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.units.map((u: { unit: string }) => u.unit)).toEqual(['A/506/2130']);
    const w = doc.warnings.find((x: { file: string }) => x.file === 'form.docx');
    expect(w).toMatchObject({ code, line: 0 });
    expect(w.message).toMatch(wording);
  });

  it('a PDF is read as a PDF whatever its name; a refused form is an error in the summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-files-'));
    writeFileSync(join(dir, 'unit.txt'), await pdfOf('A/506/2130 Deliver customer service\n1. Understand things\n1.1 Explain a\n1.2 Explain b'));
    const r = await folio(['import', 'unit.txt', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).units[0].outcomes[0].criteria.map((c: { text: string }) => c.text)).toEqual(['Explain a', 'Explain b']);
    writeFileSync(join(dir, 'scan.pdf'), await scannedPdf());
    const t = await folio(['import', 'scan.pdf', '--no-color'], { cwd: dir });
    expect(t.code).toBe(2);
    expect(t.stdout).toContain('scan.pdf: error: no text to read in its 2 pages');
    expect(t.stdout).toContain('[no-text-layer]');
  });
});

// A handbook extract as a PDF printer leaves it: a running header, a footer with the page
// number, a page number alone at the top, and criterion 3.6 broken over a page.
const HANDBOOK = [
  'K/506/2155 Make telephone calls to customers',
  'Level: 2',
  'Credits: 3',
  'GLH: 16',
  '',
  '1 Understand how to make telephone calls to customers',
  '1.1 Explain the importance of keeping customer information up to date',
  '1.2 Explain how to handle abusive calls from customers',
  '',
  '2 Be able to prepare to make telephone calls to customers',
  '2.1 Identify the objective(s) of calls',
  '2.2 Prepare the information needed to make calls',
  '',
  '3 Be able to make telephone calls to customers',
  '3.1 Confirm the identity of customers in line with organisational guidelines',
  '3.6 Listen actively to what customers are saying to collect as much',
  'information as possible',
  '3.7 Give clear and concise information that meets customers’ needs',
];

describe('a multi-page handbook extract', () => {
  it('reads as its text: headers, footers and page numbers ignored, a criterion joined over the page break', async () => {
    const pdf = await pdfOf(HANDBOOK.join('\n'), { perPage: 16, firstPage: 37, header: 'Level 2 Diploma in Customer Service – Unit handbook', footer: 'Version 2.1 © Awarding body 2026    Page {n} of {of}' });
    const committed = readFileSync(join(REPO, 'test/fixtures/import/files/handbook-extract.pdf'));
    for (const bytes of [Buffer.from(pdf), committed]) {
      const { text } = await readForm(bytes);
      const { units, warnings } = parseForm('h.pdf', text);
      expect(warnings.map((w) => w.code)).toEqual(['numbering-gap']); // the extract skips 3.2–3.5
      expect(units.map((u) => [u.unit, u.title, u.level, u.credits, u.glh])).toEqual([['K/506/2155', 'Make telephone calls to customers', 2, 3, 16]]);
      expect(units[0]!.outcomes.map((o) => `${o.id}:${o.type}=${o.criteria.map((c) => c.id).join(',')}`)).toEqual(['1:knowledge=1.1,1.2', '2:performance=2.1,2.2', '3:performance=3.1,3.6,3.7']);
      expect(units[0]!.outcomes[2]!.criteria[1]!.text).toBe('Listen actively to what customers are saying to collect as much information as possible');
    }
  });

  it('a Word form’s table keeps the criteria column apart from the evidence column', async () => {
    const bytes = await docxTable(
      ['Unit title\tMake telephone calls to customers', 'Unit reference\tK/506/2155'],
      [
        ['Learning outcome', 'Assessment criteria', 'Evidence', 'Date'],
        ['1 Understand how to make calls', '1.1 Explain how to handle abusive calls', 'Witness statement p4', '03/02/2026'],
        ['', '1.2 Explain the importance of keeping customer information up to date', 'Q&A record', ''],
        ['2 Be able to make calls', ['2.1 Identify the objective(s) of calls', '2.2 Plan the structure of calls'], '', ''],
      ],
      [],
      { header: 'Northgate Training – Unit Recording Form', footer: 'Page 1 of 1' },
    );
    const { text, kind } = await readForm(bytes);
    expect(kind).toBe('docx');
    const u = parseForm('f.docx', text).units[0]!;
    expect(u.unit).toBe('K/506/2155');
    expect(u.outcomes.flatMap((o) => o.criteria.map((c) => `${c.id} ${c.text}`))).toEqual([
      '1.1 Explain how to handle abusive calls',
      '1.2 Explain the importance of keeping customer information up to date',
      '2.1 Identify the objective(s) of calls',
      '2.2 Plan the structure of calls',
    ]);
  });
});
