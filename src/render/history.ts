// Formatters for `folio history`: a learner's record commit by commit, as a table for the
// terminal and as JSON (a contract, like status and gaps) with one entry per change.
import type { Change } from '../history/state.js';
import type { Timeline } from '../history/timeline.js';
import { json, VERSION } from './contract.js';
import { visible } from './safe.js';
import { csvRow, palette, type RenderOptions } from './style.js';
import { table, type Row } from './table.js';

/** What a change says, in a sentence an assessor or EQA reads. */
export function describe(ch: Change): string {
  const unit = ch.unit ?? '';
  switch (ch.kind) {
    case 'folder':
      return ch.from === undefined ? `portfolio added as ${ch.to}` : ch.to === undefined ? `portfolio folder ${ch.from} removed` : `folder renamed from ${ch.from} to ${ch.to}`;
    case 'file':
      return ch.to !== undefined ? `portfolio.yaml ${ch.to}` : 'portfolio.yaml can be read again';
    case 'decision':
      if (ch.from === undefined) return `${ch.evidence} ${ch.to}`;
      if (ch.to === undefined) return `${ch.evidence}: decision withdrawn (was ${ch.from})`;
      return `${ch.evidence}: ${ch.to} (was ${ch.from})`;
    case 'criterion':
      return ch.to === 'met' ? `${unit} ${ch.criterion} met` : `${unit} ${ch.criterion} no longer met (${ch.to ?? 'gone from the spec'})`;
    case 'unit':
      return ch.from === undefined ? `${unit} ${ch.to}` : ch.to === undefined ? `${unit} no longer taken (was ${ch.from})` : `${unit} ${ch.to} (was ${ch.from})`;
    case 'signoff':
      if (ch.to === undefined) return `${unit} sign-off withdrawn (was ${ch.from})`;
      return ch.from === undefined ? `${unit} signed off ${ch.to}` : `${unit} sign-off now ${ch.to} (was ${ch.from})`;
    case 'iqa':
      if (ch.to === undefined) return `IQA record on ${unit} removed (was ${ch.from})`;
      return ch.from === undefined ? `IQA on ${unit}: ${ch.to}` : `IQA on ${unit}: ${ch.to} (was ${ch.from})`;
    case 'qualification':
      return ch.from === undefined ? `qualification ${ch.to}` : `qualification ${ch.to} (was ${ch.from})`;
  }
}

function historyTable(t: Timeline, o: RenderOptions): string {
  const c = palette(o.color);
  const who = visible(t.learner.name ? `${t.learner.name} (${t.learner.id})` : t.learner.id);
  const out = [c.bold(`${who}${t.learner.qualification ? ` · ${visible(t.learner.qualification)}` : ''}`)];
  const renamed = t.folders.length > 1 ? `; the folder was also called ${visible(t.folders.slice(1).join(', '))}` : '';
  out.push(`${t.examined} commit${t.examined === 1 ? '' : 's'} touch this learner, the specs or the centre file; ${t.commits.length} changed the record${renamed}.`);
  if (t.shallow) out.push(c.yellow('This clone is shallow: what happened before its first commit is not known (git fetch --unshallow).'));
  // One table for every commit, so the changes line up; a blank row between commits.
  const rows: Row[] = [];
  for (const commit of t.commits) {
    rows.push({ heading: '' });
    const lines = commit.changes.map((ch) => visible(describe(ch)));
    if (commit.boundary) lines.unshift(c.dim('(the first commit of this shallow clone: earlier history is not here)'));
    lines.forEach((l, i) => rows.push(i === 0 ? [commit.author.date.slice(0, 10), c.yellow(commit.id.slice(0, 8)), visible(commit.author.name), l] : ['', '', '', l]));
  }
  if (rows.length) out.push(table(undefined, rows, { width: o.width }));
  return `${out.join('\n')}\n`;
}

function historyJson(t: Timeline) {
  return {
    version: VERSION,
    learner: { id: t.learner.id, name: t.learner.name ?? null, qualification: t.learner.qualification ?? null },
    folders: [...t.folders],
    examined: t.examined,
    shallow: t.shallow,
    events: t.commits.flatMap((commit) =>
      commit.changes.map((ch) => ({
        commit: commit.id,
        date: commit.author.date,
        author: { name: commit.author.name, email: commit.author.email },
        committed: commit.committer.date,
        committer: { name: commit.committer.name, email: commit.committer.email },
        subject: commit.subject,
        boundary: commit.boundary,
        kind: ch.kind,
        unit: ch.unit ?? null,
        criterion: ch.criterion ?? null,
        evidence: ch.evidence ?? null,
        from: ch.from ?? null,
        to: ch.to ?? null,
        message: describe(ch),
      })),
    ),
  };
}

export const historyFormats = {
  table: historyTable,
  json: (t: Timeline) => json(historyJson(t)),
  csv: (t: Timeline) =>
    `${[
      csvRow(['date', 'commit', 'author', 'email', 'kind', 'unit', 'criterion', 'evidence', 'from', 'to', 'message']),
      ...historyJson(t).events.map((e) => csvRow([e.date, e.commit, e.author.name, e.author.email, e.kind, e.unit, e.criterion, e.evidence, e.from, e.to, e.message])),
    ].join('\n')}\n`,
};
