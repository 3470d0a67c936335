// Centres for the report's tests: a copy of the sample centre outside any git repository (so
// the site does not depend on this repository's history), and the same with one hostile
// learner whose name, titles, feedback and addresses hold HTML, script and javascript: URLs, and
// the same with the learner's lifecycle recorded for five learners (hostile values again).
import { appendFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './helpers.js';
import { tempDir } from './git-repo.js';

/** The sample centre copied into a new temporary folder. */
export function sampleCentre(): string {
  const dir = tempDir('centre');
  for (const part of ['specs', 'portfolios']) cpSync(join(REPO, part), join(dir, part), { recursive: true });
  return dir;
}

/** What a script injected by the hostile learner would set, if it ever ran. */
export const PWNED = '__pwned';

/** A learner every text of whose record tries to be markup. */
export const HOSTILE = {
  id: 'NT-0666',
  name: `<script>window.${PWNED}=1</script><b>Eve</b> "Mallory" & <img src=x onerror="window.${PWNED}=2">`,
  title: `</td></tr></table><script>window.${PWNED}=3</script><svg onload="window.${PWNED}=4">`,
  feedback: `Nice try: <iframe src="javascript:window.${PWNED}=5"></iframe>\n' onmouseover='window.${PWNED}=6`,
  urls: [`javascript:window.${PWNED}=7`, ` JaVaScRiPt:window.${PWNED}=8`, `data:text/html,<script>window.${PWNED}=9</script>`, `java\tscript:window.${PWNED}=10`, 'https://example.org/ok?a="b"&c=<d>'],
};

/** An evidence file whose name is markup. */
export const FILE = `<em>x&y"z'#?.md`;

/** The sample centre with the hostile learner added. */
export function hostileCentre(): string {
  const dir = sampleCentre();
  const q = (s: string) => JSON.stringify(s);
  const evidence = HOSTILE.urls.map(
    (url, i) => `  - id: H${i + 1}
    title: ${q(`${HOSTILE.title} ${i + 1}`)}
    method: work-product
    date: 2026-03-0${i + 1}
    url: ${q(url)}
    covers:
      A/506/2130: [1.1]
    assessment: { by: a.jones, date: 2026-03-10, decision: not-yet, feedback: ${q(HOSTILE.feedback)} }
`,
  );
  mkdirSync(join(dir, 'portfolios', HOSTILE.id, 'evidence'), { recursive: true });
  writeFileSync(join(dir, 'portfolios', HOSTILE.id, 'evidence', FILE), 'a file whose name is markup\n');
  writeFileSync(
    join(dir, 'portfolios', HOSTILE.id, 'portfolio.yaml'),
    `learner: { name: ${q(HOSTILE.name)}, uln: "1234567899" }
qualification: 601/3734/4
registered: 2026-02-01
assessor: a.jones
optional-units: [D/506/2119, T/506/2126, H/506/2154, K/506/2155, A/506/2158, R/506/2134, Y/506/2135, F/506/2159]
witnesses:
  - { id: w-x, name: ${q(HOSTILE.name)}, relationship: ${q(HOSTILE.title)}, status: 4 }
evidence:
${evidence.join('')}  - id: H9
    title: ${q(HOSTILE.title)}
    method: work-product
    date: 2026-03-09
    file: ${q(`evidence/${FILE}`)}
    covers:
      A/506/2130: [1.2]
signoffs: []
iqa:
  - { unit: A/506/2130, by: s.patel, date: 2026-03-20, stage: interim, decision: not-agreed, feedback: ${q(HOSTILE.feedback)} }
`,
  );
  return dir;
}

/** Lifecycle values that try to be markup or a link. */
export const REASON = '<script>window.__pwned=11</script>moved away';
export const REFERENCE = 'javascript:window.__pwned=12';
export const CERTIFICATE = '<img src=x onerror=window.__pwned=13>';

/** The sample centre with a withdrawal and a break (NT-0153), an exemption and an open break
 * (NT-0151), a certificated claim of the qualification (NT-0142), a claim of two units awaiting
 * its certificate (NT-0147) and a transfer (NT-0163). */
export function lifecycleCentre(): string {
  const dir = sampleCentre();
  // The sample has a lifecycle of its own: this fixture's records replace it, key by key.
  const LIFECYCLE = /^(withdrawn|breaks|exemptions|claims|transfers):/;
  for (const learner of ['NT-0142', 'NT-0147', 'NT-0151', 'NT-0153', 'NT-0156', 'NT-0163']) {
    const file = join(dir, 'portfolios', learner, 'portfolio.yaml');
    let dropping = false;
    const kept = readFileSync(file, 'utf8').split('\n').filter((line) => {
      if (/^\S/.test(line)) dropping = LIFECYCLE.test(line);
      return !dropping;
    });
    writeFileSync(file, `${kept.join('\n').trimEnd()}\n`);
  }
  const add = (learner: string, yaml: string) => appendFileSync(join(dir, 'portfolios', learner, 'portfolio.yaml'), yaml);
  const q = (s: string) => JSON.stringify(s);
  add('NT-0153', `withdrawn: { date: 2026-11-20, reason: ${q(REASON)}, by: r.okafor }\nbreaks:\n  - { from: 2026-07-01, to: 2026-08-01, reason: family matters }\n`);
  add('NT-0151', `exemptions:\n  - { unit: Y/506/2135, kind: rpl, reference: ${q(REFERENCE)}, date: 2026-06-01, by: a.jones }\nbreaks:\n  - { from: 2026-11-15, reason: illness }\n`);
  add('NT-0142', `claims:\n  - { date: 2026-09-01, qualification: 601/3734/4, by: a.jones, reference: BIIAB-Q-1, certificate: ${q(CERTIFICATE)}, certificate-date: 2026-10-15 }\n`);
  add('NT-0147', 'claims:\n  - { date: 2026-09-05, units: [A/506/2130, F/506/2131], by: r.okafor, reference: BIIAB-U-2 }\n');
  add('NT-0163', 'transfers:\n  - { date: 2026-11-02, from: 600/1234/1, by: a.jones, reason: moving up a level }\n');
  return dir;
}
