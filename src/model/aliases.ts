// Which item a unit number or alias names: numbers first, then aliases, the first claim of a
// name winning. The model's index and folio import (finding the spec that already holds a
// unit under another number) both resolve names this way.

/** Every id and alias → the item that holds it. An id always wins over another item's alias. */
export function aliasMap<T>(items: Iterable<T>, idOf: (item: T) => string, aliasesOf: (item: T) => Iterable<string>): Map<string, T> {
  const out = new Map<string, T>();
  const list = [...items];
  for (const item of list) {
    const id = idOf(item);
    if (!out.has(id)) out.set(id, item);
  }
  for (const item of list) for (const a of aliasesOf(item)) if (!out.has(a)) out.set(a, item);
  return out;
}
