// A pass over a sequence that is read as it goes (see Results in status/types.ts): array
// methods would need the whole sequence in memory first.

export function mapEach<T, U>(items: Iterable<T>, fn: (item: T) => U): U[] {
  const out: U[] = [];
  for (const x of items) out.push(fn(x));
  return out;
}

/** target.push(...items) without spreading: one file can give 200,000 findings, more arguments
 * than a call can take. */
export function pushAll<T>(target: T[], items: Iterable<T>): void {
  for (const x of items) target.push(x);
}
