// Recording a claim for certification, or the certificate that comes back for one, in the
// learner's portfolio through the one writing core. A new claim is refused unless claim ready
// (claims/ready.ts, the one definition) lists what it names as ready on the claim's date.
import type { YAMLMap, YAMLSeq } from 'yaml';
import { isMap } from 'yaml';
import { RecordRefused, type Change } from '../record/core.js';
import { setPair } from '../record/edit.js';
import type { Plain } from '../record/emit.js';
import { recordDate, whoRecords } from '../record/who.js';
import { visible } from '../render/safe.js';
import { closest } from '../text.js';
import { UsageError } from '../usage-error.js';
import { assess } from './assess.js';
import type { Centre } from './centre.js';
import { claimReady, reasonText } from './claims.js';
import { finish, hint, listChange, open, put, unknownStaff, type Ctx, type RecordOptions, type RecordResult } from './record-kit.js';

/** What is claimed (exactly one of qualification or units), or which claim a certificate is for. */
export interface NewClaim {
  qualification?: boolean;
  units?: string[];
  /** The awarding body's reference for the claim. */
  reference?: string;
  /** The certificate number: with it, the certificate is added to the existing claim of the
   * qualification or units named (or by reference), and no new claim is made. */
  certificate?: string;
  certificateDate?: string;
}

/** The claim format's key order (schema/portfolio.ts). */
const CLAIM = ['date', 'qualification', 'units', 'by', 'reference', 'certificate', 'certificate-date'];

/** Record a claim, or a claim's certificate. Refused (claim-not-ready, with the reasons) when
 * what it names is not ready, and (duplicate-entry) when it is claimed already. */
export async function recordClaim(centre: Centre, learner: string, c: NewClaim, opts: RecordOptions = {}): Promise<RecordResult> {
  if (!!c.qualification === !!c.units?.length && c.certificate === undefined) throw new UsageError('say what is claimed with exactly one of --qualification (the whole qualification) or --units U1,U2 (unit certificates)');
  if (c.qualification && c.units?.length) throw new UsageError('give one of --qualification or --units, not both');
  if (c.certificateDate !== undefined && c.certificate === undefined) throw new UsageError('--certificate-date goes with --certificate N, the certificate number it dates');
  const ctx = await open(centre, learner);
  const who = whoRecords(ctx.specs, centre.root, opts.by, true)!;
  if (!ctx.specs.centre?.staff.has(who.id)) throw unknownStaff(ctx.specs, who.id);
  const date = recordDate(opts.date, ctx.today);
  const units = (c.units ?? []).map((u) => {
    const spec = ctx.index.unit(u);
    if (!spec) throw new UsageError(`there is no unit "${visible(u)}" in specs/units/${hint(closest(u, ctx.specs.units.map((x) => x.id)))}`);
    return spec.id;
  });
  if (c.certificate !== undefined) return addCertificate(centre, ctx, who, c, units, opts);

  // The one definition of ready: claim ready on the whole centre as of the claim's day.
  const a = await assess(centre, { asOf: date, rules: true });
  const entries = claimReady(a, { learners: [learner], inLearning: true }).entries;
  const wanted = c.qualification ? [{ kind: 'qualification' as const, id: entries[0]?.qualification ?? '' }] : units.map((id) => ({ kind: 'unit' as const, id }));
  for (const w of wanted) {
    const e = entries.find((x) => x.claim.kind === w.kind && x.claim.id === w.id);
    const what = w.kind === 'qualification' ? `the qualification ${w.id}` : `unit ${w.id}`;
    if (!e && w.kind === 'qualification') throw new RecordRefused('claim-not-ready', `${learner}: the portfolio cannot be read as it stands: run "folio check portfolios/${learner}" (nothing was written)`);
    if (!e) {
      const why = w.kind === 'unit' && entries[0]?.reasons.length === 0 ? `the learner has achieved the qualification: claim it with --qualification` : w.kind === 'unit' && entries.every((x) => x.claim.id !== w.id) ? 'it is exempted, not started or not in the qualification' : 'it cannot be claimed';
      throw new RecordRefused('claim-not-ready', `${learner}: ${what} cannot be claimed as a unit of its own: ${why} (nothing was written)`);
    }
    const claimed = e.reasons.find((x) => x.reason === 'already-claimed');
    if (claimed) throw new RecordRefused('duplicate-entry', `${learner}: ${what} is ${reasonText(claimed)} already: a claim is made once (nothing was written)`);
    if (e.reasons.length) throw new RecordRefused('claim-not-ready', `${learner}: ${what} is not ready to claim on ${date}: ${e.reasons.map(reasonText).join('; ')} (nothing was written)`);
  }
  const record: Record<string, Plain> = { date, ...(c.qualification ? { qualification: wanted[0]!.id } : { units }), by: who.id, ...(c.reference !== undefined ? { reference: c.reference } : {}) };
  const change = listChange(ctx, 'claims', record);
  const named = c.qualification ? `qualification ${wanted[0]!.id}` : `unit${units.length > 1 ? 's' : ''} ${units.join(', ')}`;
  return finish(centre, ctx, change, opts, who, [`claim of ${named}`], `${learner}: claim ${named} (${who.id})`, []);
}

/** Add the certificate to the claim of the qualification, or of the units, or with the reference. */
async function addCertificate(centre: Centre, ctx: Ctx, who: { id: string }, c: NewClaim, units: string[], opts: RecordOptions): Promise<RecordResult> {
  const { parseYaml } = await import('../source.js');
  const data = parseYaml(ctx.file, centre.reader.read(ctx.file)).value as Record<string, unknown> | null;
  const claims = (Array.isArray(data?.claims) ? data.claims : []) as Record<string, unknown>[];
  const names = (x: Record<string, unknown>) => (Array.isArray(x.units) ? x.units.map((u) => ctx.index.canonical(String(u))) : []);
  const matches = claims
    .map((x, i) => ({ x, i }))
    .filter(({ x }) => x && typeof x === 'object')
    .filter(({ x }) => (c.qualification ? x.qualification != null : units.length ? units.every((u) => names(x).includes(u)) : true))
    .filter(({ x }) => c.reference === undefined || String(x.reference ?? '') === c.reference);
  const uncertified = matches.filter(({ x }) => x.certificate == null || x.certificate === '');
  const said = c.qualification ? 'of the qualification' : units.length ? `of ${units.join(', ')}` : c.reference !== undefined ? `with reference ${visible(c.reference)}` : '';
  if (!matches.length) throw new RecordRefused('no-such-claim', `${ctx.learner} has no claim ${said || 'recorded'}: record the claim first with folio claim record (nothing was written)`);
  if (!uncertified.length) throw new RecordRefused('certificate-recorded', `the claim ${said} of ${String(matches[0]!.x.date)} has its certificate (${visible(String(matches[0]!.x.certificate))}) already (nothing was written)`);
  if (uncertified.length > 1) throw new UsageError(`${uncertified.length} claims ${said} have no certificate yet: name one with --qualification, --units or --reference`);
  const { i, x } = uncertified[0]!;
  const certDate = c.certificateDate === undefined ? undefined : recordDate(c.certificateDate, ctx.today);
  const change: Change = {
    file: ctx.file,
    learner: ctx.learner,
    edit: (doc, text) => {
      const seq = (doc.contents as YAMLMap<unknown, unknown>).get('claims', true) as unknown as YAMLSeq<unknown>;
      const node = seq.items[i];
      if (!isMap(node)) throw new RecordRefused('record-unsafe', `claims[${i}] of ${ctx.file} is not a mapping: add the certificate by hand`);
      const shape = { flow: false };
      // Two pairs added at one place: applySplices puts the later in the list first.
      return [...(certDate !== undefined ? [setPair(doc, text, node, 'certificate-date', certDate, CLAIM, shape)] : []), setPair(doc, text, node, 'certificate', c.certificate!, CLAIM, shape)];
    },
    expect: (v) => {
      const item = (v.claims as Record<string, unknown>[])[i]!;
      put(item, 'certificate', c.certificate!, CLAIM);
      if (certDate !== undefined) put(item, 'certificate-date', certDate, CLAIM);
    },
  };
  const what = x.qualification != null ? `qualification ${String(x.qualification)}` : `units ${names(x).join(', ')}`;
  return finish(centre, ctx, change, opts, who, [`certificate ${c.certificate} on the claim of ${what}`], `${ctx.learner}: certificate ${c.certificate} for the claim of ${what} (${who.id})`, []);
}
