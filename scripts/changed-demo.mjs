#!/usr/bin/env node
// Builds the small repository that the README's "Checking only what changed" example comes
// from, so that example can be run again rather than trusted (not used by folio itself):
//
//   node scripts/changed-demo.mjs DIR && npx folio check --changed-since origin/main -C DIR
//
// DIR gets this repository's specs and portfolios, committed as main and recorded as
// origin/main (as a clone of a centre's repository has it), then a branch that does what a
// pull request does: new evidence in two portfolios, and a corrected criterion in a unit
// that one other learner has chosen.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoFolder, gitIn, PEOPLE, REPO } from './demo-common.mjs';

const dir = demoFolder(import.meta.url);
const { assessor } = PEOPLE;
const git = gitIn(dir, '2026-11-02');
const edit = (file, from, to) => {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} no longer holds ${JSON.stringify(from)}: update scripts/changed-demo.mjs`);
  writeFileSync(path, text.replace(from, to));
};

for (const part of ['specs', 'portfolios', 'schemas']) cpSync(join(REPO, part), join(dir, part), { recursive: true });
git(['init', '-q', '-b', 'main']);
git(['add', '-A']);
git(['commit', '-q', '-m', 'Northgate Training: specs, staff and learners']);
git(['update-ref', 'refs/remotes/origin/main', 'HEAD']);
git(['checkout', '-q', '-b', 'november-visits']);

const observed = (id, unit, criteria) => `  - id: ${id}
    title: Observed dealing with customers at the counter
    method: observation
    date: 2026-11-24
    ref: Observation record OB-${id}
    covers: { ${unit}: [${criteria}] }
`;
edit('portfolios/NT-0163/portfolio.yaml', 'evidence: []\n', `evidence:\n${observed('E01', 'A/506/2130', '1.1, 1.2')}`);
edit('portfolios/NT-0151/portfolio.yaml', '\nsignoffs:', `${observed('E90', 'A/506/2130', '3.1')}\nsignoffs:`);
edit('specs/units/Y-506-2149.yaml', 'Describe the importance of developing relationships with customers', 'Describe the importance of developing relationships with internal and external customers');
git(['add', '-A']);
git(['commit', '-q', '-m', 'First visits of November, and criterion 1.1 of Y/506/2149 as the awarding body corrected it'], assessor, '2026-11-25');
console.log(`${dir}: run npx folio check --changed-since origin/main -C ${dir}`);
