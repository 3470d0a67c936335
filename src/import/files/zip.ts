// A Word file is a zip. Before mammoth opens one, every entry is inflated here within a
// budget: the real expanded size counts, not the size the zip declares (a zip bomb lies), so
// a file that would expand past LIMITS.unzipped, or an entry that expands by more than
// LIMITS.ratio, is refused before anything else reads it. Also tells a Word document from
// another zip (a spreadsheet, an OpenDocument file).
import { inflateRawSync } from 'node:zlib';
import { FormUnreadable, LIMITS } from './limits.js';

interface Entry {
  name: string;
  method: number;
  compressed: number;
  offset: number;
}

export function zipEntries(buf: Buffer): Entry[] {
  // the end of central directory record: its signature within the last 64 KiB + 22 bytes
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new FormUnreadable('docx-damaged', { reason: 'no zip directory' });
  const count = buf.readUInt16LE(eocd + 10);
  if (count > LIMITS.entries) throw new FormUnreadable('zip-bomb', { reason: `${count} entries` });
  let at = buf.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw new FormUnreadable('docx-damaged', { reason: 'broken zip directory' });
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const offset = buf.readUInt32LE(at + 42);
    entries.push({ name: buf.toString('utf8', at + 46, at + 46 + nameLength), method, compressed, offset });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** Inflate every entry within the budget; throws when the zip would expand too far. */
export function checkZip(buf: Buffer): string[] {
  const entries = zipEntries(buf);
  let budget: number = LIMITS.unzipped;
  for (const e of entries) {
    if (e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== 0x04034b50) throw new FormUnreadable('docx-damaged', { reason: `entry ${e.name.slice(0, 40)}` });
    const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
    const data = buf.subarray(start, start + e.compressed);
    let size: number;
    if (e.method === 0) size = data.length;
    else if (e.method === 8) {
      const cap = Math.min(budget, Math.max(1024 * 1024, e.compressed * LIMITS.ratio));
      try {
        size = inflateRawSync(data, { maxOutputLength: cap + 1 }).length;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new FormUnreadable('zip-bomb', { reason: `${e.name.slice(0, 40)} expands past ${Math.round(cap / 1024 / 1024)} MiB` });
        throw new FormUnreadable('docx-damaged', { reason: `entry ${e.name.slice(0, 40)} cannot be inflated` });
      }
      if (size > cap) throw new FormUnreadable('zip-bomb', { reason: `${e.name.slice(0, 40)} expands past ${Math.round(cap / 1024 / 1024)} MiB` });
    } else throw new FormUnreadable('docx-damaged', { reason: `entry ${e.name.slice(0, 40)} uses compression method ${e.method}` });
    budget -= size;
    if (budget < 0) throw new FormUnreadable('zip-bomb', { reason: `the entries expand past ${LIMITS.unzipped / 1024 / 1024} MiB` });
  }
  return entries.map((e) => e.name);
}
