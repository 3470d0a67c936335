// Reading the report's pages as a tree in tests that run without a browser, so they ask for an
// element by id or attribute and compare its text, rather than match whole pages. It reads the
// HTML folio writes (quoted attributes, void elements, raw text in script and style); it is not
// a general HTML parser, and a page it cannot read makes the test fail, not pass.

export interface El {
  tag: string;
  attrs: Record<string, string>;
  children: (El | string)[];
}

const VOID = new Set(['meta', 'link', 'br', 'img', 'input', 'hr', 'col', 'source', 'wbr']);
const RAW = new Set(['script', 'style']);

/** The text an entity-escaped string stands for. */
export function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos|nbsp);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k.startsWith('#x')) return String.fromCodePoint(parseInt(k.slice(2), 16));
    if (k.startsWith('#')) return String.fromCodePoint(parseInt(k.slice(1), 10));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' } as Record<string, string>)[k]!;
  });
}

/** The page as a tree under a root element "#root". */
export function parse(page: string): El {
  const root: El = { tag: '#root', attrs: {}, children: [] };
  const stack: El[] = [root];
  const top = () => stack[stack.length - 1]!;
  const token = /<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|<\/([a-zA-Z0-9]+)\s*>|<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>|[^<]+|</g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(page))) {
    const [whole, close, open, attrText] = m;
    if (whole.startsWith('<!')) continue;
    if (close) {
      const name = close.toLowerCase();
      const at = stack.map((e) => e.tag).lastIndexOf(name);
      if (at <= 0) throw new Error(`</${name}> closes nothing open, at ${m.index}`);
      stack.length = at;
    } else if (open) {
      const el: El = { tag: open.toLowerCase(), attrs: {}, children: [] };
      for (const a of (attrText ?? '').matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g)) el.attrs[a[1]!.toLowerCase()] = decode(a[2] ?? a[3] ?? a[4] ?? '');
      top().children.push(el);
      if (RAW.has(el.tag)) {
        const end = page.indexOf(`</${el.tag}>`, token.lastIndex);
        if (end < 0) throw new Error(`<${el.tag}> is never closed`);
        el.children.push(page.slice(token.lastIndex, end));
        token.lastIndex = end + el.tag.length + 3;
      } else if (!VOID.has(el.tag)) stack.push(el);
    } else top().children.push(decode(whole));
  }
  if (stack.length > 1) throw new Error(`never closed: ${stack.slice(1).map((e) => `<${e.tag}>`).join(' ')}`);
  return root;
}

/** Every element under el (el itself too) that passes the test, in document order. */
export function all(el: El, test: (e: El) => boolean): El[] {
  const out: El[] = [];
  const walk = (e: El) => {
    if (test(e)) out.push(e);
    for (const c of e.children) if (typeof c !== 'string') walk(c);
  };
  walk(el);
  return out;
}

/** The one element with this id; throws when there is none or more than one. */
export function byId(el: El, id: string): El {
  const found = all(el, (e) => e.attrs.id === id);
  if (found.length !== 1) throw new Error(`${found.length} elements with id ${id}`);
  return found[0]!;
}

/** The text of an element, as a reader sees it, with runs of white space as one space. */
export function textOf(el: El | string): string {
  const raw = (e: El | string): string => (typeof e === 'string' ? e : e.children.map(raw).join(''));
  return raw(el).replace(/\s+/g, ' ').trim();
}

/** The rows of a table's body, each as the text of its cells. */
export function bodyRows(table: El): string[][] {
  const body = all(table, (e) => e.tag === 'tbody')[0];
  if (!body) throw new Error('no tbody');
  return body.children.filter((c): c is El => typeof c !== 'string' && c.tag === 'tr').map((tr) => tr.children.filter((c): c is El => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th')).map(textOf));
}
