// Handing an assessor's caseload to another (folio learner reassign): assessor: set on every
// learner whose assessor is --from, or on the ones named. Several portfolios change as one
// record: each change is prepared through the writing core (read, spliced, read back, judged
// by check's rules) before any is written, so one refusal writes none; each file is then
// written atomically (one changed underneath meanwhile undoes those written before it), and
// --commit makes one commit of them all. A withdrawn learner keeps the
// assessor who saw them through unless named.
import type { YAMLMap } from 'yaml';
import { commitFiles, prepareCommit, type Author } from '../record/commit.js';
import { centreBefore, prepareChange, RecordRefused, type Change, type Prepared } from '../record/core.js';
import { setPair } from '../record/edit.js';
import { whoRecords } from '../record/who.js';
import { visible } from '../render/safe.js';
import { closest } from '../text.js';
import { UsageError } from '../usage-error.js';
import { today, type Centre } from './centre.js';
import { hint, put, TOP, type RecordOptions } from './record-kit.js';

export interface Reassignment {
  from: string;
  to: string;
  /** The learners to move; empty with all: every learner of from's, withdrawn ones left out. */
  learners: string[];
  all?: boolean;
}

export interface ReassignResult {
  from: string;
  to: string;
  by?: string;
  written: boolean;
  /** Each learner changed (or who would be, with dryRun), in id order. */
  changed: { learner: string; file: string; diff: string }[];
  /** Learners of from's left as they are, and why. */
  skipped: { learner: string; reason: 'withdrawn' }[];
  commit?: { hash: string; author: string; message: string };
}

/** Reassign learners from one assessor to another; writes nothing unless every change holds. */
export async function reassignCaseload(centre: Centre, r: Reassignment, opts: RecordOptions = {}): Promise<ReassignResult> {
  if (r.all && r.learners.length) throw new UsageError('give learners or --all, not both: --all moves every learner of the assessor');
  if (!r.all && !r.learners.length) throw new UsageError(`name the learners to move, or give --all for every learner of ${r.from}'s`);
  const day = today();
  const before = await centreBefore(centre.reader, day);
  const { specs, learners } = before.analysis;
  const staff = specs.centre?.staff;
  const unknown = (id: string, flag: string) => `${flag} "${visible(id)}" is not on the staff list in portfolios/centre.yaml${hint(closest(id, staff?.keys() ?? []))} [unknown-staff]`;
  if (!staff?.has(r.to)) throw new UsageError(unknown(r.to, '--to'));
  if (!staff.get(r.to)!.roles.has('assessor')) throw new UsageError(`--to ${r.to} (${visible(staff.get(r.to)!.name)}) does not hold the assessor role: add "assessor" to their roles in portfolios/centre.yaml, or name an assessor [staff-role]`);
  if (r.from === r.to) throw new UsageError(`--from and --to are both ${r.from}: name the assessor who takes the learners over`);
  if (opts.by !== undefined && !staff.has(opts.by)) throw new UsageError(unknown(opts.by, '--by'));
  const who = whoRecords(specs, centre.root, opts.by, false);

  const theirs = learners.filter((l) => l.assessor === r.from);
  let chosen = theirs;
  const skipped: ReassignResult['skipped'] = [];
  if (r.all) {
    if (!theirs.length) throw new UsageError(`no learner has ${r.from} as their assessor${hint(closest(r.from, [...new Set(learners.map((l) => l.assessor).filter((a): a is string => !!a))]))}`);
    chosen = theirs.filter((l) => l.withdrawn === undefined);
    for (const l of theirs) if (l.withdrawn !== undefined) skipped.push({ learner: l.id, reason: 'withdrawn' });
  } else {
    chosen = r.learners.map((id) => {
      const l = learners.find((x) => x.id === id);
      if (!l) throw new UsageError(`no learner ${visible(id)} in portfolios/${closest(id, learners.map((x) => x.id)) ? hint(closest(id, learners.map((x) => x.id))) : ': a learner is named by the folder that holds their portfolio.yaml'}`);
      if (l.assessor !== r.from) throw new UsageError(`${id}'s assessor is ${l.assessor ?? 'not recorded'}, not ${r.from}: leave them out, or name their own assessor with --from`);
      return l;
    });
  }
  chosen = [...new Map(chosen.map((l) => [l.id, l])).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  let author: Author | undefined;
  if (opts.commit && who?.staff) {
    const email = who.staff.emails[0];
    if (!email) throw new UsageError(`--commit: ${who.id} has no email in portfolios/centre.yaml, so folio verify could not find them as the author: add the address they commit with`);
    author = { name: who.staff.name, email };
  }
  const files = chosen.map((l) => l.file);
  const repo = opts.commit && !opts.dryRun ? prepareCommit(centre.root, files) : undefined;

  // Every change is judged before any is written.
  const prepared: { learner: string; p: Prepared }[] = [];
  for (const l of chosen) {
    const change: Change = {
      file: l.file,
      learner: l.id,
      edit: (doc, text) => [setPair(doc, text, doc.contents as YAMLMap<unknown, unknown>, 'assessor', r.to, TOP, {})],
      expect: (v) => put(v, 'assessor', r.to, TOP),
    };
    try {
      prepared.push({ learner: l.id, p: await prepareChange(centre.root, centre.reader, change, { asOf: day, before }) });
    } catch (e) {
      if (!(e instanceof RecordRefused)) throw e;
      // the refusal names the learner: the others were not written either
      throw new RecordRefused(e.code, `${l.id}: ${e.message}`, e.diagnostics);
    }
  }
  const changed = prepared.map(({ learner, p }) => ({ learner, file: p.result.file, diff: p.result.diff }));
  const out: ReassignResult = { from: r.from, to: r.to, by: who?.id, written: false, changed, skipped };
  if (opts.dryRun || !prepared.length) return out;
  // A file changed underneath between the check and the write (file-changed) undoes the ones
  // written before it, so the caseload moves as one record or not at all.
  const done: Prepared[] = [];
  try {
    for (const { p } of prepared) {
      p.write();
      done.push(p);
    }
  } catch (e) {
    for (const p of done.reverse()) p.undo();
    throw e;
  }
  out.written = true;
  if (repo) {
    const message = `Reassign ${prepared.length === 1 ? prepared[0]!.learner : `${prepared.length} learners`} from ${r.from} to ${r.to}`;
    const body = prepared.map(({ learner }) => `- ${learner}: assessor ${r.from} → ${r.to}`).join('\n');
    const hash = commitFiles(repo, author, `${message}\n\n${body}\n\nRecorded with folio.`, !!opts.sign);
    out.commit = { hash, author: author ? `${author.name} <${author.email}>` : "git's user", message };
  }
  return out;
}
