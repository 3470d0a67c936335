// A learner's page: the header of `folio status LEARNER`, the lifecycle (withdrawal, breaks,
// exemptions, claims, transfers), the units with progress bars, the rules of combination,
// every criterion with the evidence behind it (method, decision, assessor) and the unit's IQA
// (an exempted unit says it is not assessed here), the gaps with what to do next, the evidence
// record itself with where each item is kept, and the timeline from the git history with each
// change's author and commit. It is one <article>, so a printed page holds one learner.
import type { ReportData, ReportLearner } from '../../api/report.js';
import type { EvidenceRecord, PortfolioRecords } from '../../api/records.js';
import type { UnitResult } from '../../status/types.js';
import { EXEMPTION_WORDS } from '../../text.js';
import { describe } from '../history.js';
import { html, sitePath, slug, type Html } from './escape.js';
import { badge, count, progressBar, table, webLink } from './layout.js';
import { lifecycleSection } from './lifecycle.js';

export interface LearnerPageOptions {
  /** Where an evidence file (its path from the centre's folder) is, from the site's top, as path
   * segments; undefined when the site cannot link to it. */
  evidence(file: string): string[] | undefined;
}

const words = (s: string) => s.replace(/-/g, ' ');
/** What an exempted unit shows where another shows its criteria met. */
const EXEMPTED = 'exempted: not assessed here';

export function learnerBody(d: ReportData, l: ReportLearner, o: LearnerPageOptions): Html {
  const r = l.result;
  const staff = (id: string) => (d.staff.get(id) ? `${d.staff.get(id)} (${id})` : id);
  // The same few assessors and IQAs are named on every row: each name escaped once a page.
  const names = new Map<string, Html>();
  const staffHtml = (id: string) => names.get(id) ?? (names.set(id, html`${staff(id)}`), names.get(id)!);
  const credits = `${r.credits.achieved}${r.credits.unknownUnits.length ? '+?' : ''}/${r.credits.required ?? '?'}`;
  const pct = r.criteria.total ? Math.round((r.criteria.met / r.criteria.total) * 100) : 0;
  const rec = l.records;
  const unitLink = (id: string) => unitLinkOf(d, id);
  return html`<article class="learner" aria-labelledby="h-learner">
<h1 id="h-learner">${r.name} (${r.id})</h1>
<div class="facts" id="summary">
<p>${r.uln ? html`ULN <span data-field="uln">${r.uln}</span> · ` : ''}<span data-field="qualification">${r.qualification}</span>${r.qualificationTitle ? ` ${r.qualificationTitle}` : ' (no specification)'}</p>
<p>${r.assessor ? `Assessor ${staff(r.assessor)}` : 'No assessor named'}${r.registered ? ` · registered ${r.registered}` : ''} · as of ${d.asOf}</p>
<p>Credits <span data-field="credits">${credits}</span> · units <span data-field="units">${r.unitsAchieved}/${r.unitsNeeded}</span> achieved · criteria <span data-field="criteria">${r.criteria.met}/${r.criteria.total}</span> met (${pct}%) · <span data-field="status" data-value="${r.status}">${badge(r.status)}</span>${r.withdrawn ? html` · ${badge('withdrawn')} ${r.withdrawn.date}` : ''}</p>
</div>
${lifecycleSection(r, staff, unitLink)}
<section aria-labelledby="h-units"><h2 id="h-units">Units</h2>
${table(
  'Units, with criteria met and sign-off',
  html`<th scope="col">Unit</th><th scope="col">Title</th><th scope="col">Group</th><th scope="col" class="num">Credits</th><th scope="col">Status</th><th scope="col">Criteria met</th><th scope="col">Signed off</th>`,
  r.units.map((u) => html`<tr data-unit="${u.id}"><th scope="row">${unitLink(u.id)}</th><td>${u.title ?? 'unknown'}</td><td>${u.group ?? ''}</td><td class="num">${u.credits ?? '?'}</td><td data-value="${u.status}">${badge(u.status)}</td><td class="progress" data-met="${u.met}" data-total="${u.total}">${u.exemption ? EXEMPTED : progressBar(u.met, u.total)}</td><td>${u.signoff ? `${u.signoff.date} by ${staff(u.signoff.by)}` : ''}</td></tr>`),
)}
</section>
<section aria-labelledby="h-rules"><h2 id="h-rules">Rules of combination</h2>
${r.rules.length ? html`<ul class="plain" id="rules">${r.rules.map((x) => html`<li data-value="${x.status}">${badge(x.status)} ${x.message}</li>`)}</ul>` : html`<p>${r.qualificationKnown ? 'The qualification states no rules.' : 'Unknown: the qualification has no specification.'}</p>`}
</section>
<section aria-labelledby="h-gaps"><h2 id="h-gaps">Gaps and what to do next</h2>
${l.gaps.length ? html`<ul class="plain" id="gaps">${l.gaps.map((g) => html`<li>${g.unit ? html`<strong>${g.unit}${g.criterion ? ` ${g.criterion}` : ''}</strong>: ` : ''}${g.message}</li>`)}</ul>` : html`<p>None: nothing stands between ${r.name} and achievement.</p>`}
</section>
<section aria-labelledby="h-criteria"><h2 id="h-criteria">Criteria and the evidence behind them</h2>
${rec ? '' : html`<p>The portfolio could not be read again: the evidence is not shown.</p>`}
${((items) => r.units.map((u) => unitCriteria(u, rec, items, staffHtml, unitLink)))(evidenceItems(rec, staffHtml))}
</section>
<section aria-labelledby="h-evidence"><h2 id="h-evidence">Evidence</h2>
${rec && rec.evidence.length ? evidenceTable(rec, staffHtml, o) : html`<p>No evidence recorded.</p>`}
${rec && rec.witnesses.length ? html`<h3>Witnesses</h3><ul class="plain">${rec.witnesses.map((w) => html`<li>${w.name} (${w.id})${w.relationship ? `, ${w.relationship}` : ''}${w.status ? ` · status ${w.status}` : ''}</li>`)}</ul>` : ''}
</section>
<section aria-labelledby="h-timeline"><h2 id="h-timeline">Timeline</h2>
${timeline(l)}
</section>
</article>`;
}

// A unit's page link, made once per report for each unit named on any page.
const unitLinks = new WeakMap<ReportData, Map<string, Html>>();
function unitLinkOf(d: ReportData, id: string): Html {
  let m = unitLinks.get(d);
  if (!m) unitLinks.set(d, (m = new Map()));
  let link = m.get(id);
  if (!link) m.set(id, (link = d.units.some((u) => u.id === id) ? html`<a href="${sitePath(['..', 'units', `${slug(id)}.html`])}">${id}</a>` : html`${id}`));
  return link;
}

// Each evidence item as a criterion of the unit lists it, made once a learner: an item usually
// covers several criteria.
function evidenceItems(rec: PortfolioRecords | undefined, staff: (id: string) => Html): Map<string, Html> {
  const items = new Map<string, Html>();
  // An id given twice (a finding of check's) shows its last item, as a map of the items would.
  for (const e of rec?.evidence ?? []) {
    const decision = e.assessment ? html`${badge(e.assessment.decision)} by ${staff(e.assessment.by)} on ${e.assessment.date}` : badge('awaiting-assessment', 'awaiting assessment');
    items.set(e.id, html`<li><a href="#ev-${slug(e.id)}">${e.id}</a> ${words(e.method)}: ${decision}</li>`);
  }
  return items;
}

function unitCriteria(u: UnitResult, rec: PortfolioRecords | undefined, items: Map<string, Html>, staff: (id: string) => Html, unitLink: (id: string) => Html): Html {
  const iqa = (rec?.iqa ?? []).filter((q) => q.unit === u.id);
  const rows = u.criteria.map((c) => {
    const evidence = c.evidence.map((id) => items.get(id) ?? html`<li>${id}</li>`);
    return html`<tr data-criterion="${c.id}"><th scope="row">${c.id}</th><td>${c.text ?? ''}</td><td data-value="${c.status}">${badge(c.status)}</td><td>${evidence.length ? html`<ul class="plain">${evidence}</ul>` : 'none'}</td></tr>`;
  });
  if (u.exemption) return html`<h3>${unitLink(u.id)}${u.title ? ` ${u.title}` : ''} <span class="note">· ${badge(u.status)}</span></h3>
<p data-exempted="${u.id}">${EXEMPTED} (${EXEMPTION_WORDS[u.exemption.kind]} on ${u.exemption.date}${u.exemption.reference ? `, reference ${u.exemption.reference}` : ''}): it counts with its credits, and no criterion is shown as met.</p>`;
  return html`<h3>${unitLink(u.id)}${u.title ? ` ${u.title}` : ''} <span class="note">· ${u.met}/${u.total} met</span></h3>
${table(`Criteria of ${u.id}`, html`<th scope="col">Criterion</th><th scope="col">Text</th><th scope="col">Status</th><th scope="col">Evidence, method and decision</th>`, rows)}
<p>IQA: ${iqa.length ? html`${iqa.map((q, i) => html`${i ? '; ' : ''}${q.stage} ${badge(q.decision)} by ${staff(q.by)} on ${q.date}${q.evidence.length ? ` (sampled ${q.evidence.join(', ')})` : ''}${q.feedback ? html`: <span class="feedback">${q.feedback}</span>` : ''}`)}` : 'no IQA record on this unit.'}</p>`;
}

function evidenceTable(rec: PortfolioRecords, staff: (id: string) => Html, o: LearnerPageOptions): Html {
  const rows = rec.evidence.map((e) => html`<tr id="ev-${slug(e.id)}"><th scope="row">${e.id}</th><td>${e.title ?? ''}</td><td>${words(e.method)}${e.witness ? ` (witness ${e.witness})` : ''}</td><td>${e.date ?? 'undated'}</td><td>${where(e, o)}</td><td>${e.covers.map((c, i) => html`${i ? html`<br>` : ''}${c.unit}: ${c.criteria.join(', ')}`)}</td><td>${e.assessment ? html`${badge(e.assessment.decision)} by ${staff(e.assessment.by)} on ${e.assessment.date}${e.assessment.feedback ? html`<div class="feedback">${e.assessment.feedback}</div>` : ''}` : badge('awaiting-assessment', 'awaiting assessment')}</td></tr>`);
  return table(
    'Every evidence item: where it is kept, what it covers and the decision on it',
    html`<th scope="col">Item</th><th scope="col">Title</th><th scope="col">Method</th><th scope="col">Date</th><th scope="col">Where</th><th scope="col">Covers</th><th scope="col">Decision and feedback</th>`,
    rows,
  );
}

function where(e: EvidenceRecord, o: LearnerPageOptions): Html {
  const loc = e.location;
  if (!loc) return html`not given`;
  if (loc.kind === 'url') return webLink(loc.value);
  if (loc.kind === 'ref') return html`ref: ${loc.value}`;
  if (e.fileProblem) return html`<span>${loc.value}</span> <span class="note">(${e.fileProblem === 'missing' ? 'no such file' : e.fileProblem === 'outside' ? "outside the learner's folder: not linked" : 'not a regular file'})</span>`;
  const segments = e.file ? o.evidence(e.file) : undefined;
  return segments ? html`<a href="${sitePath(['..', ...segments])}">${loc.value}</a>` : html`${loc.value}`;
}

function timeline(l: ReportLearner): Html {
  if (!l.timeline.available) return html`<p>Not available: ${l.timeline.reason}.</p>`;
  const t = l.timeline.value;
  const head = html`<p>${count(t.examined, 'commit')} touch this learner, the specs or the centre file; ${count(t.commits.length, 'commit')} changed the record.${t.shallow ? ' This clone is shallow: what happened before its first commit is not known.' : ''}</p>`;
  if (!t.commits.length) return head;
  const rows = t.commits.map((c) => html`<tr><td>${c.author.date.slice(0, 10)}</td><td><code title="${c.id}">${c.id.slice(0, 8)}</code></td><td>${c.author.name}</td><td><ul class="plain">${c.boundary ? html`<li>(the first commit of this shallow clone)</li>` : ''}${c.changes.map((ch) => html`<li>${describe(ch)}</li>`)}</ul></td></tr>`);
  return html`${head}${table('Each commit that changed the record, oldest first', html`<th scope="col">Date</th><th scope="col">Commit</th><th scope="col">Author</th><th scope="col">What changed</th>`, rows)}`;
}
