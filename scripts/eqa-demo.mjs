#!/usr/bin/env node
// Builds the small repository that the README's "EQA visit" examples come from, so they can be
// run again rather than trusted (not used by folio itself; run `npm run build` first):
//
//   node scripts/eqa-demo.mjs DIR && npx folio eqa pack -C DIR -o DIR-pack
//
// DIR gets this repository's specs and portfolios with a sampling strategy, committed by the
// centre admin; then the IQA's sample plan, made with folio iqa plan and committed by her; then
// her IQA record on the first sample the plan allots her, made with folio iqa record.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoFolder, gitIn, PEOPLE, REPO } from './demo-common.mjs';

const dir = demoFolder(import.meta.url);
const { iqa } = PEOPLE;
const git = gitIn(dir, '2026-06-29');
const folio = (...args) => {
  const r = spawnSync(process.execPath, [join(REPO, 'bin/folio.js'), ...args, '-C', dir], { encoding: 'utf8', env: { ...process.env, FOLIO_CACHE: 'off', NO_COLOR: '1' } });
  if (r.status !== 0) throw new Error(`folio ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

for (const part of ['specs', 'portfolios', 'schemas']) cpSync(join(REPO, part), join(dir, part), { recursive: true });
const centre = join(dir, 'portfolios/centre.yaml');
if (!/^sampling:/m.test(readFileSync(centre, 'utf8'))) appendFileSync(centre, 'sampling: { interim-rate: 25, summative-rate: 50, new-assessor-rate: 100, new-assessor-months: 6 }\n');
git(['init', '-q', '-b', 'main']);
git(['add', '-A']);
git(['commit', '-q', '-m', 'Northgate Training: specs, staff, learners and the sampling strategy']);

folio('iqa', 'plan', '--as-of', '2026-06-30', '--id', '2026-q2');
git(['add', '-A']);
git(['commit', '-q', '-m', 'IQA sample plan 2026-q2'], iqa, '2026-06-30');

const due = JSON.parse(folio('iqa', 'due', '2026-q2', '--as-of', '2026-07-02', '-f', 'json')).due;
const first = due.find((d) => d.iqa === 'm.hughes');
folio('iqa', 'record', first.learner, first.unit, '--stage', first.stage, '--agree', '--by', 'm.hughes', '--date', '2026-07-02', '--feedback', 'Sampled as planned');
git(['add', '-A']);
git(['commit', '-q', '-m', `IQA: ${first.learner} ${first.unit}`], iqa, '2026-07-02');
console.log(`${dir}: run npx folio eqa pack -C ${dir} -o ${dir}-pack`);
