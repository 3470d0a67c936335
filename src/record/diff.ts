// The change a record makes, as a unified diff (what --dry-run prints and --format json
// carries): lines are compared after the common start and end are set aside, so a change to
// one node costs little whatever the file's size.
const CONTEXT = 3;
/** Beyond this many lines changed in between, the middle is shown as one replaced block. */
const MAX_MIDDLE = 4000;

type Op = { kind: ' ' | '-' | '+'; text: string; a: number; b: number };

export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ops: Op[] = [];
  for (let i = 0; i < head; i++) ops.push({ kind: ' ', text: a[i]!, a: i, b: i });
  middle(a.slice(head, a.length - tail), b.slice(head, b.length - tail), head, ops);
  for (let i = 0; i < tail; i++) ops.push({ kind: ' ', text: a[a.length - tail + i]!, a: a.length - tail + i, b: b.length - tail + i });
  return `--- a/${file}\n+++ b/${file}\n${hunks(ops)}`;
}

function middle(a: string[], b: string[], offset: number, ops: Op[]): void {
  if (a.length * b.length > MAX_MIDDLE * MAX_MIDDLE / 16 || a.length === 0 || b.length === 0) {
    a.forEach((t, i) => ops.push({ kind: '-', text: t, a: offset + i, b: -1 }));
    b.forEach((t, i) => ops.push({ kind: '+', text: t, a: -1, b: offset + i }));
    return;
  }
  // longest common subsequence, table from the end
  const n = a.length;
  const m = b.length;
  const t = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) t[i * (m + 1) + j] = a[i] === b[j] ? t[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(t[(i + 1) * (m + 1) + j]!, t[i * (m + 1) + j + 1]!);
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ kind: ' ', text: a[i++]!, a: offset + i - 1, b: offset + j++ });
    // removed lines before added ones, as diff prints them
    else if (i < n && (j === m || t[(i + 1) * (m + 1) + j]! >= t[i * (m + 1) + j + 1]!)) ops.push({ kind: '-', text: a[i++]!, a: offset + i - 1, b: -1 });
    else ops.push({ kind: '+', text: b[j++]!, a: -1, b: offset + j - 1 });
  }
}

function hunks(ops: Op[]): string {
  const out: string[] = [];
  let i = 0;
  while (i < ops.length) {
    while (i < ops.length && ops[i]!.kind === ' ') i++;
    if (i >= ops.length) break;
    const start = Math.max(0, i - CONTEXT);
    let end = i;
    // a hunk runs on while the next change is within twice the context
    for (;;) {
      while (end < ops.length && ops[end]!.kind !== ' ') end++;
      let k = end;
      while (k < ops.length && ops[k]!.kind === ' ' && k - end < 2 * CONTEXT) k++;
      if (k < ops.length && ops[k]!.kind !== ' ') end = k;
      else break;
    }
    const stop = Math.min(ops.length, end + CONTEXT);
    const part = ops.slice(start, stop);
    const aStart = firstLine(ops, start, 'a');
    const bStart = firstLine(ops, start, 'b');
    const aCount = part.filter((o) => o.kind !== '+').length;
    const bCount = part.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${aStart + (aCount ? 1 : 0)},${aCount} +${bStart + (bCount ? 1 : 0)},${bCount} @@`);
    for (const o of part) out.push(`${o.kind}${o.text}`);
    i = stop;
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

/** The 0-based line number in a or b where the hunk starting at ops[start] begins. */
function firstLine(ops: Op[], start: number, side: 'a' | 'b'): number {
  for (let k = start; k < ops.length; k++) if (ops[k]![side] >= 0) return ops[k]![side];
  for (let k = start - 1; k >= 0; k--) if (ops[k]![side] >= 0) return ops[k]![side] + 1;
  return 0;
}
