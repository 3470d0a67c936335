// The frame of every page of the report (head, skip link, site header with navigation, main,
// footer) and the small pieces pages share: a status shown as an icon and a word (colour is
// never the only carrier), a progress bar with its figures, a link that is a link only when
// its address is safe. Pages are written as Html (escape.ts), never as concatenated strings.
import { VERSION } from '../../version.js';
import { CSS, SCRIPT, SCRIPT_HASH } from './assets.js';
import { href, html, trusted, type Html, type Value } from './escape.js';

/** Where a page is in the site, for relative links: "" at the top, "../" one folder down. */
export interface PageContext {
  up: string;
  asOf: string;
  centre: { name?: string; number?: string };
  at?: string;
  /** Pages the site has, for the navigation. */
  verification: boolean;
}

export type NavItem = 'cohort' | 'units' | 'verification' | 'none';

const CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src '${SCRIPT_HASH}'; base-uri 'none'; form-action 'none'`;

/** A whole page. */
export function page(ctx: PageContext, o: { title: string; current: NavItem; body: Html; script?: boolean }): string {
  const nav: [NavItem, string, string][] = [
    ['cohort', 'index.html', 'Cohort'],
    ['units', 'units/index.html', 'Units'],
    ...(ctx.verification ? ([['verification', 'verification.html', 'Verification']] as [NavItem, string, string][]) : []),
  ];
  const centre = ctx.centre.name ? `${ctx.centre.name}${ctx.centre.number ? ` (centre ${ctx.centre.number})` : ''}` : 'The centre';
  const doc = html`${documentHead(`${o.title} · ${centre}`, CSP)}
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
<p>${centre} · folio report as of ${ctx.asOf}${ctx.at ? ` · as committed at ${ctx.at}` : ''}</p>
<nav aria-label="Report"><ul>${nav.map(([id, path, label]) => html`<li><a href="${ctx.up}${path}"${id === o.current ? trusted(' aria-current="page"') : ''}>${label}</a></li>`)}</ul></nav>
</header>
<main id="main">
${o.body}
</main>
<footer><p>Written by folio ${VERSION} from the centre's files${ctx.at ? ` as committed at ${ctx.at}` : ''}, as of ${ctx.asOf}.</p></footer>
${o.script ? html`<script>${trusted(SCRIPT)}</script>` : ''}
</body>
</html>
`;
  return doc.markup;
}

/** The top of every page folio writes (the report's and the EQA pack's): the doctype, the
 * character set, a Content-Security-Policy that fetches nothing, no referrer, the stylesheet. */
export function documentHead(title: string, csp: string): Html {
  return html`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="folio ${VERSION}">
<title>${title}</title>
<style>${trusted(CSS)}</style>
</head>`;
}

const ICONS: Record<string, string> = {
  achieved: '✔',
  // Each its own icon beside its word, so they tell apart from achieved without colour.
  exempted: '↷',
  claimed: '✉',
  certificated: '★',
  withdrawn: '–',
  met: '✔',
  accepted: '✔',
  agreed: '✔',
  'ready-for-signoff': '◑',
  'in-progress': '◔',
  'awaiting-assessment': '⧗',
  'not-started': '○',
  missing: '○',
  unknown: '?',
  unmet: '✘',
  'not-yet': '✘',
  insufficient: '!',
  'not-agreed': '✘',
  unreadable: '⚠',
  error: '⚠',
  warning: '!',
};

/** A status as icon and word, coloured by a class (the icon is decoration: the word says it). */
export function badge(status: string, label: string = status.replace(/-/g, ' ')): Html {
  const key = `${status}\0${label}`;
  const made = badges.get(key);
  if (made) return made;
  const icon = ICONS[status] ?? '•';
  const b = html`<span class="status s-${cssName(status)}"><span aria-hidden="true">${icon} </span>${label}</span>`;
  // folio's own status words, a few dozen, are on every row of every page: each made once.
  if (badges.size < 256) badges.set(key, b);
  return b;
}
const badges = new Map<string, Html>();

/** Only folio's own status words become class names; anything else is "other". */
function cssName(s: string): string {
  return Object.hasOwn(ICONS, s) || s === 'interim' || s === 'summative' ? s : 'other';
}

/** "▮▮▮▯ 12/20 (60%)": the bar is decoration, the figures say it. */
export function progressBar(done: number, total: number): Html {
  const pct = total > 0 ? Math.round((done / total) * 100) : 0;
  return html`<span class="bar" aria-hidden="true"><span style="width:${pct}%"></span></span>${done}/${total} (${pct}%)`;
}

/** A link to a web address when it is http or https; otherwise the address as text, saying why. */
export function webLink(address: string, label?: Value): Html {
  const url = href(address);
  if (url) return html`<a href="${url}" rel="noopener noreferrer">${label ?? address}</a>`;
  return html`<span>${address}</span> <span class="note">(not linked: only http and https addresses are)</span>`;
}

/** A table in a box that scrolls sideways on a narrow screen, with a caption. */
export function table(caption: string, head: Html, rows: Html | Html[], o: { id?: string } = {}): Html {
  // The box can be scrolled from the keyboard too: it is focusable, and named by the caption.
  return html`<div class="scroll" role="region" tabindex="0" aria-label="${caption}"><table${o.id ? html` id="${o.id}"` : ''}><caption>${caption}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** "1 learner", "3 learners". */
export const count = (n: number, noun: string, plural = `${noun}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? noun : plural}`;
