// A pass over a sequence that is read as it goes (see Results in status/types.ts): array
// methods would need the whole sequence in memory first.

export function mapEach<T, U>(items: Iterable<T>, fn: (item: T) => U): U[] {
  const out: U[] = [];
  for (const x of items) out.push(fn(x));
  return out;
}
