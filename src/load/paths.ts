// Relative paths as a centre writes them (evidence files, symbolic link targets): resolved
// textually, the same way for the working tree and for a commit.

/** Resolve "." and ".." in a "/"-separated relative path; undefined when it climbs above its start. */
export function normalisePath(p: string): string | undefined {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}
