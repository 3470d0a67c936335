#!/usr/bin/env node
// Builds the small repository that the README's "Verifying decisions against git history"
// example comes from, so that example can be run again rather than trusted (not used by folio
// or its tests):
//
//   node scripts/verify-demo.mjs DIR && npx folio verify -C DIR
//
// DIR gets this repository's specs and centre file and one learner, NT-0200, whose portfolio
// is written commit by commit by the learner, her assessor and the IQA, with the three things
// verify exists to catch: a sign-off the learner committed in the assessor's name, a decision
// changed after the IQA sampled it, and a decision not committed at all.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoFolder, gitIn, PEOPLE, REPO } from './demo-common.mjs';

const dir = demoFolder(import.meta.url);
const { learner, assessor, iqa } = PEOPLE;
const git = gitIn(dir, '2026-03-02');
const file = 'portfolios/NT-0200/portfolio.yaml';
const write = (text) => writeFileSync(join(dir, file), text);
const commit = (message, who, day) => {
  git(['add', '-A']);
  git(['commit', '-q', '-m', message], who, day);
};

mkdirSync(join(dir, 'portfolios/NT-0200'), { recursive: true });
git(['init', '-q', '-b', 'main']);
cpSync(join(REPO, 'specs'), join(dir, 'specs'), { recursive: true });
cpSync(join(REPO, 'portfolios/centre.yaml'), join(dir, 'portfolios/centre.yaml'));
commit('Northgate Training: specs and staff');

const head = `learner: { name: Priya Shah, uln: "1234567899", email: priya.shah@learner.example }
qualification: 601/3734/4
registered: 2026-03-02
assessor: a.jones
evidence:
  - id: E01
    title: Reflective account of customer service delivery
    method: reflective-account
    date: 2026-03-05
    ref: Reflective account 1
    covers: { A/506/2130: [1.1, 1.2, 1.3] }
`;
const e02 = `  - id: E02
    title: Professional discussion on service standards
    method: professional-discussion
    date: 2026-03-09
    ref: Discussion recording 1
    covers: { A/506/2130: [1.4, 1.5, 1.6] }
`;
write(head + e02);
commit('My first two pieces of evidence', learner, '2026-03-10');

const e01Assessed = `${head}    assessment:
      by: a.jones
      date: 2026-03-12
      decision: accepted
`;
write(`${e01Assessed}${e02}    assessment: { by: a.jones, date: 2026-03-12, decision: accepted }\n`);
commit('Assess E01 and E02', assessor, '2026-03-12');

const signoffs = 'signoffs:\n  - { unit: A/506/2130, by: a.jones, date: 2026-03-14 }\n';
write(`${e01Assessed}${e02}    assessment: { by: a.jones, date: 2026-03-12, decision: accepted }\n${signoffs}`);
commit('Sign off unit A/506/2130', learner, '2026-03-14');

const sample = 'iqa:\n  - { unit: A/506/2130, by: m.hughes, date: 2026-03-20, stage: interim, decision: agreed, evidence: [E01] }\n';
write(`${e01Assessed}${e02}    assessment: { by: a.jones, date: 2026-03-12, decision: accepted }\n${signoffs}${sample}`);
commit('Interim sample of A/506/2130', iqa, '2026-03-20');

const e01Changed = e01Assessed.replace('      decision: accepted\n', '      decision: accepted\n      feedback: Covers 1.3 only in part; see the discussion\n');
write(`${e01Changed}${e02}    assessment: { by: a.jones, date: 2026-03-12, decision: accepted }\n${signoffs}${sample}`);
commit('Feedback on E01', assessor, '2026-03-22');

// the next decision is written but not committed
const e03 = `  - id: E03
    title: Observed resolving a billing query at the service desk
    method: observation
    date: 2026-03-23
    ref: Observation record OB-3
    covers: { A/506/2130: [1.6] }
    assessment: { by: a.jones, date: 2026-03-24, decision: accepted }
`;
write(`${e01Changed}${e02}    assessment: { by: a.jones, date: 2026-03-12, decision: accepted }\n${e03}${signoffs}${sample}`);
console.log(`${dir}: run npx folio verify -C ${dir}`);
