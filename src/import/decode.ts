// Forms arrive as whatever a word processor saved: UTF-8 (with or without a byte-order mark),
// UTF-16 from "Unicode text", or Windows-1252 from "Plain text". Reading a Windows-1252 file
// as UTF-8 would turn every curly quote into U+FFFD without a word, so decode by evidence.

export interface Decoded {
  text: string;
  /** Set when the file was not UTF-8, so the import can say how it was read. */
  encoding?: 'utf-16le' | 'utf-16be' | 'windows-1252';
}

export function decodeForm(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { text: windows1252(bytes), encoding: 'windows-1252' };
  }
}

// Bytes 0x80–0x9F of Windows-1252 (quotes, dashes, ellipsis, euro…); the rest is Latin-1.
// Written out because Node's TextDecoder may treat "windows-1252" as plain Latin-1.
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function windows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}
