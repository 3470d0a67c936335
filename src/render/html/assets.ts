// The report's stylesheet and its one script, written into every page (the site is read from
// a folder or an artifact, so nothing is fetched). The stylesheet carries the design rules:
// narrow screens (tables scroll inside their box, never the page), paper (no navigation or
// controls, one learner per printed page), dark mode from the system setting, colour pairs
// that keep at least 4.5:1 contrast in both themes, and a visible keyboard focus. The script
// only sorts and filters the cohort table; without it every page reads whole.
import { createHash } from 'node:crypto';

export const CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#4f5863;--line:#c8ced6;--head:#f3f5f7;--link:#0a55c4;--focus:#b35900;
--ok-fg:#0f5c23;--ok-bg:#dcf5e3;--mid-fg:#704600;--mid-bg:#fff2c2;--low-fg:#3d434a;--low-bg:#eceff2;--bad-fg:#a0102a;--bad-bg:#ffe8ea;--wait-fg:#0b3f7a;--wait-bg:#dcefff;--bar:#2f7d4a}
@media (prefers-color-scheme:dark){:root{--bg:#0f1318;--fg:#e7ecf1;--muted:#a9b3bd;--line:#3b444f;--head:#1a2028;--link:#7cb8ff;--focus:#ffb454;
--ok-fg:#8be3a3;--ok-bg:#113321;--mid-fg:#f5d47a;--mid-bg:#3a2d07;--low-fg:#d3d9df;--low-bg:#2a3038;--bad-fg:#ff9aa8;--bad-bg:#3d1219;--wait-fg:#9fd0ff;--wait-bg:#0f2a45;--bar:#5cc081}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
a{color:var(--link)}
a:focus-visible,button:focus-visible,select:focus-visible,summary:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--bg);padding:.5rem}
.skip:focus{left:.5rem}
header.site,main,footer{max-width:72rem;margin:0 auto;padding:0 1rem}
header.site{border-bottom:1px solid var(--line);padding-top:.5rem;padding-bottom:.5rem}
header.site p{margin:0;color:var(--muted)}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;margin:.25rem 0 0;padding:0}
nav a[aria-current]{font-weight:700}
footer{border-top:1px solid var(--line);margin-top:2rem;padding-top:.5rem;padding-bottom:1rem;color:var(--muted);font-size:.875rem}
h1{font-size:1.6rem;margin:1rem 0 .25rem}
h2{font-size:1.25rem;margin:1.75rem 0 .5rem}
h3{font-size:1.05rem;margin:1.25rem 0 .5rem}
.facts{margin:.25rem 0;color:var(--muted)}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%;font-size:.9375rem}
th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:var(--head);white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.progress{white-space:nowrap}
caption{text-align:left;font-weight:600;padding:.25rem 0;color:var(--muted)}
.scroll:focus-visible{outline:3px solid var(--focus)}
th button{font:inherit;font-weight:700;color:inherit;background:none;border:0;padding:0;cursor:pointer;text-decoration:underline dotted}
th[aria-sort=ascending] button::after{content:" \\25B2"}
th[aria-sort=descending] button::after{content:" \\25BC"}
.status{display:inline-block;padding:0 .4rem;border-radius:.25rem;border:1px solid currentColor;white-space:nowrap;font-size:.875rem}
.s-achieved,.s-exempted,.s-claimed,.s-certificated,.s-met,.s-accepted,.s-agreed{color:var(--ok-fg);background:var(--ok-bg)}
.s-ready-for-signoff,.s-in-progress,.s-awaiting-assessment{color:var(--mid-fg);background:var(--mid-bg)}
.s-not-started,.s-missing,.s-unknown,.s-withdrawn{color:var(--low-fg);background:var(--low-bg)}
.s-unmet,.s-not-yet,.s-insufficient,.s-not-agreed,.s-unreadable,.s-error,.s-warning{color:var(--bad-fg);background:var(--bad-bg)}
.s-interim,.s-summative{color:var(--wait-fg);background:var(--wait-bg)}
.bar{display:inline-block;width:6rem;height:.75rem;border:1px solid var(--fg);vertical-align:middle;margin-right:.4rem}
.bar span{display:block;height:100%;background:var(--bar)}
.filters{border:1px solid var(--line);padding:.5rem 1rem;margin:1rem 0;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:end}
.filters label{display:flex;flex-direction:column;font-size:.875rem}
.filters select{font:inherit;min-width:10rem;color:var(--fg);background:var(--bg);border:1px solid var(--muted)}
.filters p{margin:0}
figure{margin:1rem 0}
figure svg{max-width:100%;height:auto}
svg text{fill:var(--fg);font:13px system-ui,sans-serif}
svg .axis{stroke:var(--muted)}
svg .met{stroke:var(--bar);fill:none;stroke-width:2.5}
svg .scope{stroke:var(--muted);fill:none;stroke-width:1.5;stroke-dasharray:5 4}
svg .fill-achieved,svg .fill-claimed,svg .fill-certificated{fill:var(--ok-fg)}svg .fill-in-progress{fill:var(--mid-fg)}svg .fill-not-started{fill:var(--low-fg)}svg .fill-unreadable{fill:var(--bad-fg)}
.feedback{white-space:pre-line}
ul.plain{padding-left:1.25rem}
.note{color:var(--muted)}
@media (max-width:40rem){body{font-size:15px}.qtitle{display:none}.bar{width:3rem}th,td{padding:.3rem .35rem}.filters select{min-width:8rem}h1{font-size:1.35rem}}
@media print{:root{--bg:#fff;--fg:#000;--muted:#333;--link:#000}nav,.skip,.filters,footer .note{display:none}
header.site,main,footer{max-width:none;padding:0}.scroll{overflow:visible}a{text-decoration:none}
article.learner{break-after:page}tr,figure{break-inside:avoid}h2,h3{break-after:avoid}}
`.trim();

/** Sorting and filtering of the cohort table: buttons in the column headers, and the filter
 * controls (hidden until this runs, since without it they would do nothing). */
export const SCRIPT = `
(function(){var t=document.getElementById("cohort");if(!t)return;var b=t.tBodies[0],rows=[].slice.call(b.rows),live=document.getElementById("shown");
var f=document.getElementById("filters"),sel={};if(f){f.hidden=false;["assessor","status","unit"].forEach(function(k){sel[k]=document.getElementById("f-"+k);sel[k].addEventListener("change",apply);});}
function apply(){var n=0;rows.forEach(function(r){var u=JSON.parse(r.getAttribute("data-units")||"[]");var ok=(!sel.assessor.value||r.getAttribute("data-assessor")===sel.assessor.value)&&(!sel.status.value||r.getAttribute("data-status")===sel.status.value)&&(!sel.unit.value||u.indexOf(sel.unit.value)>=0);r.hidden=!ok;if(ok)n++;});live.textContent=n+" of "+rows.length+" learners shown";}
var ths=[].slice.call(t.tHead.rows[0].cells);ths.forEach(function(th,i){var btn=document.createElement("button");btn.type="button";btn.textContent=th.textContent;th.textContent="";th.appendChild(btn);
btn.addEventListener("click",function(){var asc=th.getAttribute("aria-sort")!=="ascending";ths.forEach(function(h){h.removeAttribute("aria-sort");});th.setAttribute("aria-sort",asc?"ascending":"descending");var num=th.hasAttribute("data-numeric");
var keyed=rows.map(function(r,j){var c=r.cells[i],v=c.hasAttribute("data-sort")?c.getAttribute("data-sort"):c.textContent;return{r:r,j:j,v:num?Number(v):v.toLowerCase()};});
keyed.sort(function(x,y){var d=num?x.v-y.v:(x.v<y.v?-1:x.v>y.v?1:0);return (asc?d:-d)||x.j-y.j;});keyed.forEach(function(k){b.appendChild(k.r);});rows=keyed.map(function(k){return k.r;});
live.textContent="Sorted by "+btn.textContent+", "+(asc?"ascending":"descending");});});})();
`.trim();

/** The script's hash, for the Content-Security-Policy that lets only this script run. */
export const SCRIPT_HASH = `sha256-${createHash('sha256').update(SCRIPT).digest('base64')}`;
