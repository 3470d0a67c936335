// A handbook's contents page lists units and sections with their page numbers ("Unit 201
// Working in the hair industry ..... 17"). Read as content, each entry would open a unit the
// extract may not even hold. Contents are furniture: a "Contents" heading and the run of
// entries under it, or any run of three or more lines that each end in a page number after a
// wide gap or dot leaders, are blanked before the form is read (the line count is kept).

const HEADING = /^\s*(?:table of )?contents\s*$/i;
// an entry's page number stands at the right margin, not just after a label ("Level:   2")
const ENTRY_RE = /^\s*(\S.*?[^:\s])(?: {3,}|\s*\.{3,}\s*|\s*…+\s*)(\d{1,4})\s*$/;

interface Entry {
  page: number;
  end: number;
}

function entry(line: string): Entry | undefined {
  const m = ENTRY_RE.exec(line);
  const end = line.trimEnd().length;
  return m && end >= 45 ? { page: Number(m[2]), end } : undefined;
}

export function dropContents(text: string): string {
  const lines = text.split(/\r\n|\r|\n/);
  const blank = (l: string) => l.trim() === '';
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const heading = HEADING.test(lines[i]!);
    if (!heading && !entry(lines[i]!)) continue;
    let j = heading ? i + 1 : i;
    const run: Entry[] = [];
    // a run of entries: page numbers that do not go down, at one right margin
    const fits = (e: Entry | undefined) => e && (!run.length || (e.page >= run[run.length - 1]!.page && Math.abs(e.end - run[0]!.end) <= 2));
    while (j < lines.length) {
      const e = entry(lines[j]!);
      if (fits(e)) run.push(e!);
      else if (!(blank(lines[j]!) && (run.length || heading) && fits(entry(lines[j + 1] ?? '')))) break;
      j++;
    }
    if (run.length >= 3 || (heading && run.length >= 1)) {
      for (let k = i; k < j; k++) lines[k] = '';
      changed = true;
      i = j - 1;
    }
  }
  return changed ? lines.join('\n') : text;
}
