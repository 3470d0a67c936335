// The EQA pack's page: one self-contained index.html an external quality assurer opens from the
// folder (or from an email or a USB stick), with no script, nothing fetched from anywhere, and
// the report's escaping (escape.ts): every value from a file is text, a web address is a link
// only when it is http or https. It prints one sample after another.
import type { EqaPack } from '../../api/eqa.js';
import type { PackDecision, PackIqa, PackSample } from '../../eqa/pack.js';
import type { Provenance } from '../../eqa/provenance.js';
import { VERSION } from '../../version.js';
import { html, type Html } from '../html/escape.js';
import { badge, count, documentHead, table, webLink } from '../html/layout.js';
import { why } from '../iqa.js';
import { orderWords, unknownWords } from './words.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

export function packHtml(p: EqaPack): string {
  const centre = p.centre.name ? `${p.centre.name}${p.centre.number ? ` (centre ${p.centre.number})` : ''}` : 'The centre';
  const s = p.summary;
  const body = html`<h1>EQA pack: sample plan ${p.plan.id}</h1>
<p class="facts">${centre} · plan as of ${p.plan.asOf}${p.plan.from ? ` (decisions from ${p.plan.from})` : ''} · records as of ${p.asOf}${p.at ? ` · as committed at ${p.at.label}` : ''}</p>
<p>${count(s.samples, 'sample')}, ${count(s.decisions, 'sampled decision')}, ${count(s.iqaRecords, 'IQA record')} on the sampled units.
${p.git ? '' : html`<strong>The centre is not in a git repository, so no commit is known: every "recorded in" reads unknown.</strong>`}</p>
${s.beforePlan ? html`<p><strong>${count(s.beforePlan, 'IQA record')} ${s.beforePlan === 1 ? 'was' : 'were'} committed before the plan's line asking for ${s.beforePlan === 1 ? 'it' : 'them'}</strong> (marked "before the plan" below).</p>` : html`<p>No IQA record on a sampled unit was committed before the plan asked for it.</p>`}
<p class="note">The same data as CSV: samples.csv, decisions.csv, iqa.csv; the plan file as committed: plan.yaml.</p>
<h2>The sample plan</h2>
${table(
  'Samples, with the commit that wrote each into the plan',
  html`<th>Learner</th><th>Unit</th><th>Stage</th><th>Assessor</th><th>IQA</th><th>Decision date</th><th>Why sampled</th><th>Planned in</th>`,
  p.samples.map((x, i) => html`<tr><td><a href="#s${i + 1}">${x.learner}</a></td><td>${x.unit}</td><td>${badge(x.stage)}</td><td>${x.assessor}</td><td>${x.iqa ?? 'none allotted'}</td><td>${x.date}</td><td>${why(x)}</td><td>${commit(x.planned)}</td></tr>`),
)}
<h2>Each sample</h2>
${p.samples.map(sample)}`;
  return html`${documentHead(`EQA pack ${p.plan.id} · ${centre}`, CSP)}
<body>
<main id="main">
${body}
</main>
<footer><p>Written by folio ${VERSION} from the centre's files${p.at ? ` as committed at ${p.at.label}` : ''}, as of ${p.asOf}. Commits are those git records; authors are as written in the commit objects.</p></footer>
</body>
</html>
`.markup;
}

// A sample's anchor is its position (s1, s2 …): unique, and nothing from a file.
function sample(x: PackSample, i: number): Html {
  const head = html`<h3 id="s${i + 1}">${x.learner} · ${x.unit} · ${x.stage}</h3>
<p class="facts">Assessor ${x.assessor} · IQA ${x.iqa ?? 'none allotted'} · ${why(x)} · planned in ${commit(x.planned)}</p>`;
  if (x.missing) return html`<article>${head}<p>The portfolio of ${x.learner} is not in the centre, or cannot be read ("folio check" says why).</p></article>`;
  return html`<article>${head}
${table(
  'Decisions sampled',
  html`<th>Decision</th><th>Evidence</th><th>Method</th><th>Evidence date</th><th>Kept at</th><th>By</th><th>Date</th><th>Recorded in</th>`,
  x.decisions.map(decision),
)}
${x.iqaRecords.length
  ? table(
      'IQA records on the unit',
      html`<th>IQA</th><th>Date</th><th>Stage</th><th>Decision</th><th>Sampled</th><th>Feedback</th><th>Recorded in</th><th>After the plan?</th>`,
      x.iqaRecords.map(iqa),
    )
  : html`<p>No IQA record on this unit yet.</p>`}
</article>`;
}

function decision(d: PackDecision): Html {
  if (d.missing) return html`<tr><td>assessment</td><td>${d.evidenceId ?? ''}</td><td colspan="6">not assessed in the portfolio as of the pack's day (the plan names it)</td></tr>`;
  const e = d.evidence;
  const what = d.kind === 'sign-off' ? html`sign-off` : html`assessment ${d.decision ? badge(d.decision) : ''}`;
  const feedback = d.feedback ? html`<div class="feedback">${d.feedback}</div>` : '';
  return html`<tr><td>${what}${feedback}</td><td>${e ? html`${e.id}${e.title ? html`: ${e.title}` : ''}` : 'the unit'}</td><td>${e?.method ?? ''}</td><td>${e?.date ?? ''}</td><td>${e?.location ? kept(e.location) : ''}</td><td>${d.by ?? ''}</td><td>${d.date ?? ''}</td><td>${commit(d.recorded)}</td></tr>`;
}

function iqa(r: PackIqa): Html {
  // the look of folio's own statuses: green after, red before, grey when it does not apply or is not known
  const look = { 'after-plan': 'agreed', 'before-plan': 'not-agreed', 'dated-before-plan': 'missing', unknown: 'unknown' } as const;
  const b = badge(look[r.order], orderWords(r.order));
  const order = r.order === 'before-plan' ? html`<strong>${b}</strong>` : b;
  return html`<tr><td>${r.by}</td><td>${r.date}</td><td>${badge(r.stage)}</td><td>${badge(r.decision)}</td><td>${r.evidence.length ? r.evidence.join(', ') : 'the whole unit'}</td><td>${r.feedback ? html`<div class="feedback">${r.feedback}</div>` : ''}</td><td>${commit(r.recorded)}</td><td>${order}</td></tr>`;
}

function kept(l: { kind: 'file' | 'url' | 'ref'; value: string }): Html {
  if (l.kind === 'url') return webLink(l.value);
  return html`${l.kind === 'file' ? 'file ' : 'ref '}<code>${l.value}</code>`;
}

function commit(p: Provenance): Html {
  if (p.commit === null) return html`<span class="note">unknown (${unknownWords(p.unknown)})</span>`;
  return html`<code title="${p.commit}">${p.commit.slice(0, 12)}</code> by ${p.author ?? 'unknown'} &lt;${p.email ?? 'unknown'}&gt; on ${p.date ?? 'unknown'}${p.later.length ? html`; changed since in ${p.later.map((c) => html`<code title="${c}">${c.slice(0, 12)}</code>`).reduce<Html[]>((a, c, i) => (i ? [...a, html`, `, c] : [c]), [])}` : ''}`;
}
