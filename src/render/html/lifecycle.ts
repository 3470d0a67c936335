// The learner's lifecycle on their page (README "The learner's lifecycle"): the withdrawal,
// breaks in learning, exemptions and credit transfers, claims with their certificates, and the
// qualifications they moved from. An EQA reads these as the trail behind an exempted or claimed
// unit, so each record shows who made it. Nothing is shown for a learner who has none.
import type { LearnerResult } from '../../status/types.js';
import { EXEMPTION_WORDS } from '../../text.js';
import { html, type Html } from './escape.js';
import { badge, table } from './layout.js';

export function lifecycleSection(r: LearnerResult, staff: (id: string) => string, unitLink: (id: string) => Html): Html {
  const breaks = r.breaks ?? [];
  const exemptions = r.exemptions ?? [];
  const claims = r.claims ?? [];
  const transfers = r.transfers ?? [];
  if (!r.withdrawn && !breaks.length && !exemptions.length && !claims.length && !transfers.length) return html``;
  const by = (id: string | undefined) => (id === undefined ? 'not recorded' : staff(id));
  const w = r.withdrawn;
  return html`<section aria-labelledby="h-lifecycle"><h2 id="h-lifecycle">Lifecycle</h2>
${w ? html`<p id="withdrawn" data-date="${w.date}">${badge('withdrawn')} on <span data-field="date">${w.date}</span>: <span data-field="reason">${w.reason ?? 'no reason recorded'}</span>; recorded by <span data-field="by">${by(w.by)}</span>. Out of the cohort figures; the units achieved stay achieved.</p>` : ''}
${breaks.length
  ? table(
      'Breaks in learning',
      html`<th scope="col">From</th><th scope="col">To</th><th scope="col">Reason</th>`,
      breaks.map((b) => html`<tr data-break="${b.from}"><td>${b.from}</td><td>${b.to ?? 'goes on'}</td><td>${b.reason ?? 'not recorded'}</td></tr>`),
      { id: 'breaks' },
    )
  : ''}
${exemptions.length
  ? table(
      'Units achieved elsewhere, exempted or recognised as prior learning: counted with their credits, not assessed here',
      html`<th scope="col">Unit</th><th scope="col">Kind</th><th scope="col">Reference</th><th scope="col">Date</th><th scope="col">Recorded by</th>`,
      exemptions.map((e) => html`<tr data-exemption="${e.unit}"><th scope="row">${unitLink(e.unit)}</th><td data-value="${e.kind}">${EXEMPTION_WORDS[e.kind]}</td><td>${e.reference ?? 'none recorded'}</td><td>${e.date}</td><td>${staff(e.by)}</td></tr>`),
      { id: 'exemptions' },
    )
  : ''}
${claims.length
  ? table(
      'Claims to the awarding body',
      html`<th scope="col">Date</th><th scope="col">What</th><th scope="col">Claimed by</th><th scope="col">Reference</th><th scope="col">Certificate</th>`,
      claims.map(
        (c) =>
          html`<tr data-claim="${c.date}"><td>${c.date}</td><td>${c.qualification !== undefined ? html`the qualification ${c.qualification}` : html`${(c.units ?? []).length === 1 ? 'unit' : 'units'} ${(c.units ?? []).map((u, i) => html`${i ? ', ' : ''}${unitLink(u)}`)}`}</td><td>${staff(c.by)}</td><td>${c.reference ?? 'none recorded'}</td><td>${c.certificate ? html`${badge('certificated', `certificate ${c.certificate}`)}${c.certificateDate ? `, dated ${c.certificateDate}` : ', date not recorded'}` : badge('claimed', 'awaiting certificate')}</td></tr>`,
      ),
      { id: 'claims' },
    )
  : ''}
${transfers.length
  ? table(
      'Qualifications this learner moved from',
      html`<th scope="col">From qualification</th><th scope="col">Date</th><th scope="col">Reason</th><th scope="col">Recorded by</th>`,
      transfers.map((t) => html`<tr data-transfer="${t.from}"><td>${t.from}</td><td>${t.date}</td><td>${t.reason ?? 'not recorded'}</td><td>${by(t.by)}</td></tr>`),
      { id: 'transfers' },
    )
  : ''}
</section>`;
}
