// Safe by construction: every page of the report is written with the `html` tag below, which
// escapes each value it is given (html-escaper: & < > ' ") unless the value is itself Html made
// by the tag. A value from a file therefore can only ever be text: in an element, and in an
// attribute, which the templates always quote. A web address becomes a link only through
// `href()`, which accepts http and https and nothing else (javascript:, data:, file: and the
// rest are shown as text); a path inside the site only through `sitePath()`, each segment
// percent-encoded. Control and bidi characters are written as visible escapes, as in every
// other human format (render/safe.ts); a line break in feedback is kept.
import { escape } from 'html-escaper';
import { escapeChar } from '../safe.js';

/** Markup made by the tag: written as it is. Nothing else is. */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

/** What a template may be given: text (escaped), numbers, Html, lists of these, or nothing. */
export type Value = Html | string | number | boolean | null | undefined | readonly Value[];

// C0 (but line feed), DEL, C1, the line and paragraph separators and the bidi controls.
const CONTROLS = '\\u0000-\\u0009\\u000B-\\u001F\\u007F-\\u009F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069';
const UNSAFE = new RegExp(`[${CONTROLS}]`, 'g');
// Most values (ids, dates, plain titles) hold none of those nor & < > ' ": they are written as
// they are, without two replacing passes each (a fifth of rendering a cohort).
const PLAIN = new RegExp(`^[^&<>'"${CONTROLS}]*$`);

/** A value as text of a page: escaped, controls made visible. */
export function text(value: string | number): string {
  if (typeof value === 'number') return String(value);
  if (PLAIN.test(value)) return value;
  return escape(value.replace(UNSAFE, escapeChar));
}

function piece(v: Value): string {
  if (v instanceof Html) return v.markup;
  if (Array.isArray(v)) return v.map(piece).join('');
  if (v === null || v === undefined || v === false || v === true) return '';
  return text(typeof v === 'number' ? v : String(v));
}

/** The template tag: html`<p>${name}</p>` escapes name; nested html`` is kept. */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += piece(values[i]!) + (strings[i + 1] ?? '');
  return new Html(out);
}

/** Markup folio itself wrote (the stylesheet, the script): never a value from a file. */
export const trusted = (markup: string) => new Html(markup);

/** A web address fit to link to: http or https only, with a host, and no character a browser
 * would strip or read otherwise (controls, spaces, backslashes). Undefined for anything else. */
export function href(address: string): string | undefined {
  const s = address.trim();
  if (!/^https?:\/\//i.test(s) || /[\s\\\u0000-\u001F\u007F-\u009F]/.test(s)) return undefined;
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return undefined;
  return url.href;
}

/** A path relative to the page, from path segments: each one percent-encoded, so a name
 * holding "?", "#", ":" or "%" stays a name (never a query, a fragment or a scheme). */
export function sitePath(segments: readonly string[]): string {
  return segments.map((s) => (s === '..' ? s : encodeURIComponent(s))).join('/');
}

/** A file name inside the site for an id (a learner's folder name, a unit number): letters,
 * digits and "-" as they are, "/" as "_", anything else as .XX (its UTF-8 bytes). Two ids never
 * share a file (the mapping can be read back), and no id is a path. */
export function slug(id: string): string {
  let out = '';
  for (const b of Buffer.from(id, 'utf8')) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9-]/.test(c) ? c : c === '/' ? '_' : `.${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
