// What each recording command asks for when an option it needs is missing on a terminal (ask.ts
// says when it may ask), with the choices from recordChoices: units of the learner's
// qualification, a unit's criteria, methods, staff with the role the record needs, the learner's
// evidence. Each fills in the options and returns them; the library gets them complete.
import { criteriaNamed, recordChoices, UsageError, type Centre, type RecordChoices, type UnitChoice } from '../index.js';
import { askChoice, askChoices, askFor, askText, canAsk, type Choice } from './ask.js';
import type { Io } from './kit.js';
import { visible } from '../render/safe.js';

const unitChoices = (c: RecordChoices): Choice[] => c.units.map((u) => ({ value: u.id, label: [u.aliases.length ? `(${u.aliases.join(', ')})` : '', u.title ?? ''].filter(Boolean).join(' '), also: u.aliases }));

/** The staff member recording, asked for only when neither --by nor git's user.email names one. */
async function askBy(io: Io, c: RecordChoices, by: string | undefined, role: string): Promise<string | undefined> {
  if (by !== undefined || c.you !== undefined || !canAsk(io)) return by;
  const staff = c.staff.filter((s) => s.roles.includes(role));
  return askChoice(io, `Who records this (a staff member with the ${role} role)?`, staff.map((s) => ({ value: s.id, label: s.name })));
}

/** Criteria of a unit as --covers writes them: all, outcome-N, criteria and ranges of them. */
// Read as --covers reads it (criteriaNamed), and only criteria the unit has, so that a typing
// slip is asked again here rather than refused after every other question.
function criteriaAnswer(u: UnitChoice, a: string): { ok: string } | { again: string } {
  const parts = a.split(/[\s,]+/).filter(Boolean);
  let why = '';
  try {
    const bad = parts.flatMap((p) => criteriaNamed(u, p)).filter((c) => !u.criteria.includes(c));
    if (parts.length && !bad.length) return { ok: `${u.id}:${parts.join(',')}` };
    if (bad.length) why = `${bad.map((b) => `"${visible(b)}"`).join(', ')}: not a criterion of ${u.id}. `;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    why = `${e.message}. `;
  }
  return { again: `${why}Its criteria are ${u.criteria.join(', ')}; answer e.g. ${u.criteria.slice(0, 2).join(',')}, ${u.criteria[0]}-${u.criteria[u.criteria.length - 1]}, outcome-1 or all.` };
}

export interface EvidenceAnswers {
  title?: string;
  method?: string;
  file?: string;
  url?: string;
  ref?: string;
  covers: string[];
  by?: string;
}

export async function askEvidence(io: Io, centre: Centre, learner: string, o: EvidenceAnswers): Promise<EvidenceAnswers> {
  if (!canAsk(io)) return o;
  const c = await recordChoices(centre, learner);
  const out = { ...o, covers: [...o.covers] };
  out.title ??= await askText(io, 'Title of the evidence:');
  out.method ??= await askChoice(io, 'Assessment method:', c.methods.map((m) => ({ value: m })));
  if (out.file === undefined && out.url === undefined && out.ref === undefined) {
    const where = await askChoice(io, 'Where is the evidence?', [
      { value: 'file', label: 'a file (copied into the portfolio when outside it)' },
      { value: 'url', label: 'a web address' },
      { value: 'ref', label: 'somewhere else, described' },
    ]);
    out[where as 'file' | 'url' | 'ref'] = await askText(io, where === 'file' ? 'Path of the file:' : where === 'url' ? 'Web address:' : 'Where it is kept:');
  }
  if (!out.covers.length) {
    const id = await askChoice(io, 'Unit it covers:', unitChoices(c));
    const unit = c.units.find((u) => u.id === id)!;
    out.covers.push(await askFor(io, `Criteria of ${unit.id} it covers (${unit.criteria.join(', ')}; ranges, outcome-N or all):`, (a) => criteriaAnswer(unit, a)));
  }
  return out;
}

export async function askAssess(io: Io, centre: Centre, learner: string, o: { ids: string[]; decision?: 'accepted' | 'not-yet'; by?: string }) {
  if (!canAsk(io)) return o;
  const c = await recordChoices(centre, learner);
  const ids = o.ids.length ? o.ids : await askChoices(io, 'Evidence to assess (numbers or ids, comma-separated):', c.evidence.map((e) => ({ value: e.id, label: e.title })));
  const decision = o.decision ?? ((await askChoice(io, 'Decision:', [{ value: 'accepted', also: ['accept'] }, { value: 'not-yet' }])) as 'accepted' | 'not-yet');
  return { ids, decision, by: await askBy(io, c, o.by, 'assessor') };
}

export async function askSignoff(io: Io, centre: Centre, learner: string, o: { unit?: string; by?: string }) {
  if (!canAsk(io)) return o;
  const c = await recordChoices(centre, learner);
  return { unit: o.unit ?? (await askChoice(io, 'Unit to sign off:', unitChoices(c))), by: await askBy(io, c, o.by, 'assessor') };
}

export async function askIqa(io: Io, centre: Centre, learner: string, o: { unit?: string; stage?: 'interim' | 'summative'; decision?: 'agreed' | 'not-agreed'; by?: string }) {
  if (!canAsk(io)) return o;
  const c = await recordChoices(centre, learner);
  const unit = o.unit ?? (await askChoice(io, 'Unit sampled:', unitChoices(c)));
  const stage = o.stage ?? ((await askChoice(io, 'Stage:', [{ value: 'interim', label: 'during assessment' }, { value: 'summative', label: 'after sign-off' }])) as 'interim' | 'summative');
  const decision = o.decision ?? ((await askChoice(io, 'Decision:', [{ value: 'agreed', also: ['agree'] }, { value: 'not-agreed', also: ['not-agree'] }])) as 'agreed' | 'not-agreed');
  return { unit, stage, decision, by: await askBy(io, c, o.by, 'iqa') };
}

export const ROLES = ['assessor', 'iqa', 'eqa', 'admin'];
