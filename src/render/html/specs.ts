// The specification pages: a page per unit (outcomes, criteria, guidance and range, the
// methods each criterion accepts or requires and how many items it needs), and the units
// index, which also lists each qualification with its groups (the rules of combination).
import type { Qualification, Unit } from '../../model/types.js';
import { html, sitePath, slug, type Html } from './escape.js';
import { count, table } from './layout.js';

const words = (s: string) => s.replace(/-/g, ' ');

export function unitBody(u: Unit, learners: { id: string; name: string; status: string }[]): Html {
  const facts = [u.level !== undefined ? `level ${u.level}` : 'level unknown', u.credits !== undefined ? `${u.credits} credits` : 'credits unknown', u.glh !== undefined ? `${u.glh} guided learning hours` : 'guided learning hours unknown'];
  return html`<h1>Unit ${u.id}${u.title ? ` ${u.title}` : ''}</h1>
<p class="facts">${facts.join(' · ')}${u.aliases.length ? ` · also known as ${u.aliases.join(', ')}` : ''}</p>
${u.guidance ? html`<h2>Guidance</h2><p class="feedback">${u.guidance}</p>` : ''}
${u.outcomes.map(
  (o) => html`<section aria-labelledby="o-${slug(o.id)}"><h2 id="o-${slug(o.id)}">Outcome ${o.id}${o.title ? `: ${o.title}` : ''}</h2>${o.type ? html`<p class="note">${o.type} outcome</p>` : ''}
${table(
  `Criteria of outcome ${o.id}`,
  html`<th scope="col">Criterion</th><th scope="col">Text</th><th scope="col">Methods</th><th scope="col">Guidance and range</th>`,
  o.criteria.map((c) => html`<tr><th scope="row">${c.id}</th><td>${c.text ?? ''}</td><td>${c.rules.methods ? `accepts ${c.rules.methods.map(words).join(', ')}` : 'any method'}${c.rules.requires ? html`<br>requires ${c.rules.requires.map(words).join(', ')}` : ''}${c.rules.minEvidence > 1 ? html`<br>at least ${c.rules.minEvidence} accepted items` : ''}</td><td class="feedback">${c.guidance ?? ''}</td></tr>`),
)}</section>`,
)}
<section aria-labelledby="h-taking"><h2 id="h-taking">Learners taking this unit</h2>
${learners.length ? html`<ul class="plain">${learners.map((l) => html`<li><a href="${sitePath(['..', 'learners', `${slug(l.id)}.html`])}">${l.name} (${l.id})</a>: ${words(l.status)}</li>`)}</ul>` : html`<p>None in this report.</p>`}
</section>`;
}

export function unitsIndexBody(units: Unit[], qualifications: Qualification[]): Html {
  const link = (id: string) => (units.some((u) => u.id === id) ? html`<a href="${sitePath([`${slug(id)}.html`])}">${id}</a>` : html`${id} (no specification)`);
  return html`<h1>Units and qualifications</h1>
<section aria-labelledby="h-quals"><h2 id="h-quals">Qualifications</h2>
${qualifications.length ? qualifications.map((q) => html`<h3>${q.id} ${q.title}</h3><p class="facts">${q.level !== undefined ? `Level ${q.level}` : 'Level unknown'}${q.minCredits !== undefined ? ` · at least ${q.minCredits} credits` : ''}</p>
<ul class="plain">${q.groups.map((g) => html`<li><strong>${g.title ?? g.id}</strong>${g.requiredAll ? ' (all required)' : ''}${g.minCredits !== undefined ? ` · at least ${g.minCredits} credits` : ''}${g.minUnits !== undefined ? ` · at least ${count(g.minUnits, 'unit')}` : ''}${g.maxUnits !== undefined ? ` · at most ${count(g.maxUnits, 'unit')}` : ''}: ${g.units.map((x, i) => html`${i ? ', ' : ''}${link(x.ref)}`)}</li>`)}</ul>`) : html`<p>No qualification specifications.</p>`}
</section>
<section aria-labelledby="h-unitlist"><h2 id="h-unitlist">Units</h2>
${table('Every unit specification', html`<th scope="col">Unit</th><th scope="col">Title</th><th scope="col" class="num">Level</th><th scope="col" class="num">Credits</th><th scope="col" class="num">Criteria</th>`, units.map((u) => html`<tr><th scope="row">${link(u.id)}</th><td>${u.title ?? ''}</td><td class="num">${u.level ?? '?'}</td><td class="num">${u.credits ?? '?'}</td><td class="num">${u.criteria.size}</td></tr>`))}
</section>`;
}
