// The cohort page: every learner with their qualification, status, credits, share of criteria
// met, gaps, assessor and days since their last evidence, in a table the script can sort and
// filter (by assessor, status and unit); those who have withdrawn, apart; the cohort by status,
// and the burn-up from progress.
import type { ReportData, ReportLearner } from '../../api/report.js';
import { burnUp, statusChart } from './charts.js';
import { html, sitePath, slug, type Html } from './escape.js';
import { badge, count, table } from './layout.js';
import { countsAchieved } from '../../status/types.js';

const STATUS_ORDER = ['certificated', 'claimed', 'achieved', 'in-progress', 'not-started', 'unreadable'];

const pct = (met: number, total: number) => (total > 0 ? Math.round((met / total) * 100) : 0);

export function cohortBody(d: ReportData): Html {
  // As folio status counts them: a withdrawn learner is out of the figures, the chart and the
  // filters, and listed apart so the page says where they went.
  const inCohort = d.learners.filter((l) => !l.result.withdrawn);
  const withdrawn = d.learners.filter((l) => l.result.withdrawn);
  const counts = new Map<string, number>();
  for (const l of inCohort) counts.set(l.result.status, (counts.get(l.result.status) ?? 0) + 1);
  if (d.unreadable.length) counts.set('unreadable', d.unreadable.length);
  const ordered = STATUS_ORDER.filter((s) => counts.has(s)).map((s) => [s, counts.get(s)!] as [string, number]);
  const total = inCohort.length + d.unreadable.length;
  const staffName = (id: string) => d.staff.get(id) ?? id;
  const assessors = [...new Set(inCohort.map((l) => l.result.assessor).filter((a): a is string => !!a))].sort();
  const units = [...new Set(inCohort.flatMap((l) => l.result.units.map((u) => u.id)))].sort();
  const head = html`<th scope="col">Learner</th><th scope="col">Name</th><th scope="col">Qualification</th><th scope="col">Status</th><th scope="col" class="num" data-numeric>Credits</th><th scope="col" class="num" data-numeric>Criteria met</th><th scope="col" class="num" data-numeric>Gaps</th><th scope="col">Assessor</th><th scope="col" class="num" data-numeric>Days since evidence</th>`;
  const rows = [...inCohort.map((l) => learnerRow(l, staffName)), ...d.unreadable.map((u) => html`<tr data-status="unreadable" data-assessor="" data-units="[]"><td>${u.id}</td><td>${count(u.errors, 'error')} in the portfolio: folio check shows them</td><td></td><td data-sort="unreadable">${badge('unreadable')}</td><td class="num" data-sort="-1"></td><td class="num" data-sort="-1"></td><td class="num" data-sort="-1"></td><td></td><td class="num" data-sort="-1"></td></tr>`)];
  const option = (value: string, label: string) => html`<option value="${value}">${label}</option>`;
  return html`<h1>Cohort</h1>
<p class="facts">${count(total, 'learner')} as of ${d.asOf}${ordered.length ? `: ${ordered.map(([s, n]) => `${n} ${s.replace(/-/g, ' ')}`).join(', ')}` : ''}.${withdrawn.length ? html` ${count(withdrawn.length, 'learner has', 'learners have')} withdrawn: not counted here, <a href="#h-withdrawn">listed under Withdrawn</a>.` : ''}</p>
<section aria-labelledby="h-learners"><h2 id="h-learners">Learners</h2>
<form id="filters" class="filters" hidden aria-label="Filter the learners">
<label for="f-assessor">Assessor<select id="f-assessor"><option value="">Any assessor</option>${assessors.map((a) => option(a, `${staffName(a)} (${a})`))}</select></label>
<label for="f-status">Status<select id="f-status"><option value="">Any status</option>${ordered.map(([s]) => option(s, s.replace(/-/g, ' ')))}</select></label>
<label for="f-unit">Unit<select id="f-unit"><option value="">Any unit</option>${units.map((u) => option(u, u))}</select></label>
</form>
<p id="shown" class="note" role="status" aria-live="polite">${count(total, 'learner')} shown.</p>
${table('Every learner: select a column heading to sort by it', head, rows, { id: 'cohort' })}
</section>
${withdrawn.length ? withdrawnSection(withdrawn) : ''}
<section aria-labelledby="h-status"><h2 id="h-status">The cohort by status</h2>
${total ? statusChart(ordered, total) : html`<p>No learners.</p>`}
</section>
<section aria-labelledby="h-burnup"><h2 id="h-burnup">Criteria met over time</h2>
${d.progress.available ? burnUp(d.progress.value) : html`<p>Not available: ${d.progress.reason}.</p>`}
</section>`;
}

function learnerRow(l: ReportLearner, staffName: (id: string) => string): Html {
  const r = l.result;
  const credits = `${r.credits.achieved}${r.credits.unknownUnits.length ? '+?' : ''}/${r.credits.required ?? '?'}`;
  const met = pct(r.criteria.met, r.criteria.total);
  const days = l.daysSinceEvidence;
  return html`<tr data-status="${r.status}" data-assessor="${r.assessor ?? ''}" data-units="${JSON.stringify(r.units.map((u) => u.id))}">
<td><a href="${sitePath(['learners', `${slug(r.id)}.html`])}">${r.id}</a></td><td>${r.name}</td><td>${r.qualification}${r.qualificationTitle ? html`<br><span class="note qtitle">${r.qualificationTitle}</span>` : ''}</td>
<td data-sort="${r.status}">${badge(r.status)}</td><td class="num" data-sort="${r.credits.achieved}">${credits}</td><td class="num" data-sort="${met}">${r.criteria.met}/${r.criteria.total} (${met}%)</td><td class="num">${l.gaps.length}</td>
<td>${r.assessor ? `${staffName(r.assessor)} (${r.assessor})` : 'none named'}</td><td class="num" data-sort="${days ?? -1}">${days === undefined ? 'no dated evidence' : days}</td></tr>`;
}

function withdrawnSection(learners: ReportLearner[]): Html {
  const rows = learners.map((l) => {
    const r = l.result;
    const achieved = r.units.filter((u) => countsAchieved(u.status)).map((u) => u.id);
    return html`<tr data-learner="${r.id}"><td><a href="${sitePath(['learners', `${slug(r.id)}.html`])}">${r.id}</a></td><td>${r.name}</td><td>${r.withdrawn!.date}</td><td class="num" data-achieved="${r.unitsAchieved}">${r.unitsAchieved}/${r.unitsNeeded}</td><td>${achieved.length ? achieved.join(', ') : 'none'}</td></tr>`;
  });
  return html`<section aria-labelledby="h-withdrawn"><h2 id="h-withdrawn">Withdrawn</h2>
<p>Learners who have withdrawn are not in the figures above; the units they achieved stay achieved, for unit certificates.</p>
${table('Learners who have withdrawn', html`<th scope="col">Learner</th><th scope="col">Name</th><th scope="col">Withdrawn</th><th scope="col" class="num">Units achieved</th><th scope="col">Which</th>`, rows, { id: 'withdrawn' })}
</section>`;
}
