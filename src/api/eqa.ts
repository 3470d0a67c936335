// The EQA visit in the library: the pack an external quality assurer is handed, built from a
// committed sample plan, the portfolios it samples and the git history that recorded them, and
// the folder it is written to. Read through the centre's reader, so `--at` builds the pack from
// the centre as committed then, and attributed at that commit.
import { join, resolve } from 'node:path';
import { packSamples, type PackLearner, type PackSample } from '../eqa/pack.js';
import { gitPlace, type Provenance } from '../eqa/provenance.js';
import type { PlanFile } from '../iqa/plan-file.js';
import { loadLearner } from '../load/load.js';
import { recordAsOf } from '../model/as-of.js';
import { render, text } from '../render/registry.js';
import type { SourceFile } from '../source.js';
import { replaceFile } from '../write-file.js';
import { indexOf, innerOf, type Assessment } from './assess.js';
import type { Centre } from './centre.js';
import { previousFiles, removeStale } from './report-write.js';

export type { PackDecision, PackEvidence, PackIqa, PackSample } from '../eqa/pack.js';
export type { PlanOrder, Provenance } from '../eqa/provenance.js';

/** The data of an EQA pack (every file of it is rendered from this). */
export interface EqaPack {
  centre: { name: string | null; number: string | null };
  asOf: string;
  /** With --at: the revision asked for, the commit read and its day. */
  at: { label: string; commit: string; day: string } | null;
  /** Whether the commits could be read: false outside a git repository ("unknown" throughout). */
  git: boolean;
  plan: { id: string; file: string; asOf: string; from: string | null; text: string };
  samples: PackSample[];
  summary: { samples: number; decisions: number; iqaRecords: number; beforePlan: number; unknownCommits: number };
}

/** The pack of a plan read with loadPlan, for the assessment's centre and day. */
export function eqaPack(centre: Centre, a: Assessment, plan: PlanFile): EqaPack {
  const { reader } = innerOf(a);
  const index = indexOf(a);
  const learners = new Map<string, PackLearner>();
  for (const id of [...new Set(plan.samples.map((s) => s.learner))]) {
    const entry = a.learners.find((l) => l.id === id);
    if (!entry) continue;
    let source: SourceFile | undefined;
    const full = loadLearner(reader, entry, (s) => (source = s)).learner;
    if (full && source) learners.set(id, { file: entry.file, full, asOf: recordAsOf(full, a.asOf), source });
  }
  const git = gitPlace(centre.repository, centre.at?.commit);
  const planText = reader.read(plan.file);
  const samples = packSamples({ plan, planText, learners, index, ...(git ? { git } : {}) });
  const decisions = samples.flatMap((s) => s.decisions);
  const iqa = samples.flatMap((s) => s.iqaRecords);
  const provenances: Provenance[] = [...decisions.filter((d) => !d.missing).map((d) => d.recorded), ...iqa.map((r) => r.recorded), ...samples.map((s) => s.planned)];
  const c = a.specs.centre;
  return {
    centre: { name: c?.name ?? null, number: c?.number ?? null },
    asOf: a.asOf,
    at: centre.at ? { ...centre.at } : null,
    git: git !== undefined,
    plan: { id: plan.id, file: plan.file, asOf: plan.asOf, from: plan.from ?? null, text: planText },
    samples,
    summary: {
      samples: samples.length,
      decisions: decisions.length,
      iqaRecords: iqa.length,
      beforePlan: iqa.filter((r) => r.order === 'before-plan').length,
      unknownCommits: provenances.filter((p) => p.commit === null).length,
    },
  };
}

export const PACK_MANIFEST = '.folio-eqa-pack';

/** The files of a pack, by name: the same pack gives the same bytes. */
export function packFiles(pack: EqaPack): Map<string, string> {
  const o = { color: false, width: 80 };
  return new Map([
    ['index.html', text(render('eqa pack', 'html', pack, o))],
    ['samples.csv', text(render('eqa pack', 'samples-csv', pack, o))],
    ['decisions.csv', text(render('eqa pack', 'decisions-csv', pack, o))],
    ['iqa.csv', text(render('eqa pack', 'iqa-csv', pack, o))],
    ['plan.yaml', pack.plan.text],
  ]);
}

/** Write a pack into a folder that is new, empty, or an earlier pack (never anything else). */
export function writePack(pack: EqaPack, out: string): { dir: string; files: string[]; removed: number } {
  const dir = resolve(out);
  const before = previousFiles(dir, PACK_MANIFEST, 'EQA pack');
  const files = packFiles(pack);
  for (const [name, content] of files) replaceFile(join(dir, name), content, { durable: false });
  const written = new Set(files.keys());
  const removed = removeStale(dir, before, written);
  replaceFile(join(dir, PACK_MANIFEST), `# Written by folio eqa pack: the files of this pack, removed when a later pack no longer has them.\n${[...written].sort().join('\n')}\n`);
  return { dir, files: [...written], removed };
}
