// The two pictures of the cohort page, as inline SVG: the cohort by status (a bar per status,
// its count and name written beside it, so colour carries nothing alone) and a burn-up of the
// criteria met over time against the criteria to meet (from progress). Each is a figure whose
// caption says what it shows, with the figures themselves as a table for those who do not see it.
import type { Progress } from '../../history/progress.js';
import { html, type Html } from './escape.js';
import { table } from './layout.js';

/** Bars of the cohort by status; counts in the order given. */
export function statusChart(counts: [string, number][], total: number): Html {
  const rowH = 30;
  const width = 560;
  const label = 150;
  const max = Math.max(1, ...counts.map(([, n]) => n));
  const height = counts.length * rowH + 10;
  const summary = counts.map(([s, n]) => `${n} ${s.replace(/-/g, ' ')}`).join(', ');
  const bars = counts.map(([s, n], i) => {
    const w = Math.round((n / max) * (width - label - 60));
    const y = 5 + i * rowH;
    return html`<text x="0" y="${y + 18}">${s.replace(/-/g, ' ')}</text><rect class="fill-${s}" x="${label}" y="${y + 4}" width="${Math.max(w, 1)}" height="${rowH - 10}"></rect><text x="${label + w + 6}" y="${y + 18}">${n}</text>`;
  });
  return html`<figure>
<svg role="img" aria-labelledby="status-chart-title" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title id="status-chart-title">The cohort by status: ${summary}</title>${bars}</svg>
<figcaption>The cohort of ${total} by status: ${summary}.</figcaption>
</figure>`;
}

/** Criteria met by the cohort at the end of each period, against the criteria to meet. */
export function burnUp(p: Progress): Html {
  const points = p.periods.map((period, i) => {
    let met = 0;
    let total = 0;
    for (const l of p.learners) {
      const s = l.series[i];
      if (s) {
        met += s.criteriaMet;
        total += s.criteriaTotal;
      }
    }
    return { period: period.id, end: period.end, met, total };
  });
  const width = 560;
  const height = 240;
  const left = 50;
  const bottom = 30;
  const top = 10;
  const max = Math.max(1, ...points.map((q) => q.total));
  const x = (i: number) => left + (points.length <= 1 ? 0 : Math.round((i / (points.length - 1)) * (width - left - 20)));
  const y = (v: number) => top + Math.round((1 - v / max) * (height - top - bottom));
  const line = (f: (q: (typeof points)[number]) => number) => points.map((q, i) => `${x(i)},${y(f(q))}`).join(' ');
  const last = points.at(-1);
  const summary = last ? `${last.met} of ${last.total} criteria met at the end of ${last.period}` : 'no periods';
  // Label at most about eight periods along the axis, so the names never overlap.
  const step = Math.max(1, Math.ceil(points.length / 8));
  const ticks = points.map((q, i) => (i % step === 0 || i === points.length - 1 ? html`<text x="${x(i)}" y="${height - 8}" text-anchor="middle">${q.period}</text>` : ''));
  const rows = points.map((q) => html`<tr><th scope="row">${q.period}</th><td>${q.end}</td><td class="num">${q.met}</td><td class="num">${q.total}</td></tr>`);
  return html`<figure>
<svg role="img" aria-labelledby="burnup-title" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title id="burnup-title">Burn-up: ${summary}</title>
<line class="axis" x1="${left}" y1="${y(0)}" x2="${width - 10}" y2="${y(0)}"></line><line class="axis" x1="${left}" y1="${top}" x2="${left}" y2="${y(0)}"></line>
<text x="${left - 6}" y="${y(max) + 4}" text-anchor="end">${max}</text><text x="${left - 6}" y="${y(0) + 4}" text-anchor="end">0</text>${ticks}
<polyline class="scope" points="${line((q) => q.total)}"></polyline><polyline class="met" points="${line((q) => q.met)}"></polyline></svg>
<figcaption>Criteria met by the cohort at the end of each ${p.by} (solid line) against the criteria to meet (dashed line): ${summary}.</figcaption>
</figure>
<details><summary>The figures of the burn-up</summary>
${table(`Criteria met by ${p.by}`, html`<th scope="col">${p.by === 'week' ? 'Week' : 'Month'}</th><th scope="col">Up to</th><th scope="col" class="num">Met</th><th scope="col" class="num">To meet</th>`, rows)}
</details>`;
}
