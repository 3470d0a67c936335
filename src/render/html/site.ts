// The report as a site: each page's path in the site and its HTML, rendered one at a time as
// the writer asks for them (a cohort of thousands is never every page in memory at once).
// Only the data of api/report.ts goes in; the same data gives the same bytes: nothing reads
// the clock, and every list is in the order the data gives it.
import type { ReportData } from '../../api/report.js';
import { cohortBody } from './cohort.js';
import { html, sitePath, slug, type Html } from './escape.js';
import { badge, count, page, table, type PageContext } from './layout.js';
import { learnerBody, type LearnerPageOptions } from './learner.js';
import { unitBody, unitsIndexBody } from './specs.js';

export interface SitePage {
  /** The page's path in the site, "/"-separated. */
  path: string;
  html: string;
}

export type SiteOptions = LearnerPageOptions;

export function* renderSite(d: ReportData, o: SiteOptions): Generator<SitePage> {
  const ctx = (up: string): PageContext => ({ up, asOf: d.asOf, centre: d.centre, ...(d.at ? { at: d.at } : {}), verification: true });
  yield { path: 'index.html', html: page(ctx(''), { title: 'Cohort', current: 'cohort', body: cohortBody(d), script: true }) };
  for (const l of d.learners) {
    yield { path: `learners/${slug(l.result.id)}.html`, html: page(ctx('../'), { title: `${l.result.name} (${l.result.id})`, current: 'none', body: learnerBody(d, l, o) }) };
  }
  yield { path: 'units/index.html', html: page(ctx('../'), { title: 'Units and qualifications', current: 'units', body: unitsIndexBody(d.units, d.qualifications) }) };
  for (const u of d.units) {
    // A learner who has withdrawn is taking no unit: their page and the cohort's Withdrawn table show them.
    const taking = d.learners.filter((l) => !l.result.withdrawn && l.result.units.some((x) => x.id === u.id)).map((l) => ({ id: l.result.id, name: l.result.name, status: l.result.units.find((x) => x.id === u.id)!.status }));
    yield { path: `units/${slug(u.id)}.html`, html: page(ctx('../'), { title: `Unit ${u.id}`, current: 'none', body: unitBody(u, taking) }) };
  }
  yield { path: 'verification.html', html: page(ctx(''), { title: 'Verification', current: 'verification', body: verificationBody(d) }) };
}

function verificationBody(d: ReportData): Html {
  const v = d.verification;
  if (!v.available) return html`<h1>Verification</h1><p>Not available: ${v.reason}.</p>`;
  const r = v.value;
  const link = (file: string) => {
    const m = /^portfolios\/([^/]+)\//.exec(file);
    return m && d.learners.some((l) => l.result.id === m[1]) ? html`<a href="${sitePath(['learners', `${slug(m[1]!)}.html`])}">${file}</a>` : html`${file}`;
  };
  const rows = r.diagnostics.map((x) => html`<tr><td>${link(x.file)}${x.line ? `:${x.line}` : ''}</td><td>${badge(x.severity)}</td><td><code>${x.code}</code></td><td>${x.message}</td></tr>`);
  return html`<h1>Verification</h1>
<p>Each assessment decision, sign-off and IQA record checked against the git commits that wrote it: the author of every line must be the staff member the record names.</p>
<p id="verify-closing"><strong>${r.report.closing ?? ''}</strong></p>
${r.unknownStaff ? html`<p>${count(r.unknownStaff, 'record')} name a staff id not in the centre file and were not verified (folio check reports them).</p>` : ''}
${rows.length ? table('What verify found', html`<th scope="col">Where</th><th scope="col">Severity</th><th scope="col">Code</th><th scope="col">Finding</th>`, rows) : html`<p>${badge('met', 'no problems')} Every record was committed by the staff member it names.</p>`}`;
}
