// A small centre with two qualifications that share some units, for folio learner transfer:
// 600/1234/1 (the fixture centre's certificate: mandatory L and R, optional Y and H, optional D)
// and 600/2345/4 (a diploma: mandatory L, Y and K, optional R and D). H is the certificate's
// only; K the diploma's only. T-001 is on the certificate and has chosen Y, H and D.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES } from './helpers.js';

export const PORTFOLIO = `# Transfer fixture: a learner part-way through the certificate.
learner: { name: Tara Field, uln: "9999999999" }
qualification: 600/1234/1
registered: 2026-01-05
assessor: a.jones
optional-units: [Y/600/0003, H/600/0005, D/600/0004]

evidence:
  # L: outcome 2 needs two observations (E1 and E4); accepted and signed off
  - id: E1
    method: observation
    date: 2026-02-01
    ref: Observation record 1
    covers: { L/600/0001: [1.1, 1.2, 2.1, 2.2] }
    assessment: { by: a.jones, date: 2026-02-02, decision: accepted }

  - id: E2
    method: observation
    date: 2026-02-10
    ref: Observation record 2
    covers: { H/600/0005: [1.1] }
    assessment: { by: a.jones, date: 2026-02-11, decision: accepted }

  - id: E4
    method: observation
    date: 2026-02-03
    ref: Observation record 3
    covers: { L/600/0001: [2.1, 2.2] }
    assessment: { by: a.jones, date: 2026-02-04, decision: accepted }

  - id: E3
    method: written-questions
    date: 2026-03-01
    ref: Answers to written questions
    covers: { Y/600/0003: [1.1] }

signoffs:
  - { unit: L/600/0001, by: a.jones, date: 2026-02-05 }
`;

const DIPLOMA = `qualification: 600/2345/4
title: Fixture Diploma in Customer Service
groups:
  - { id: mandatory, title: Mandatory, required: all, units: [L/600/0001, Y/600/0003, K/600/0006] }
  - { id: O, title: Optional, min-units: 1, units: [R/600/0002, D/600/0004] }
`;

const K = `unit: K/600/0006
title: Lead a service improvement
level: 3
credits: 4
outcomes:
  - id: "1"
    criteria:
      - { id: "1.1", text: Propose an improvement }
`;

const CENTRE = `centre: { name: Fixture Training, number: "00001" }
staff:
  - { id: a.jones, name: Alex Jones, roles: [assessor], email: alex.jones@fixture.example }
  - { id: b.khan, name: Bea Khan, roles: [assessor], email: bea.khan@fixture.example }
  - { id: m.hughes, name: Morgan Hughes, roles: [iqa] }
`;

/** A new copy of the transfer centre in a temporary folder; the caller removes it. */
export function transferCentre(portfolio = PORTFOLIO): string {
  const dir = mkdtempSync(join(tmpdir(), 'folio-transfer-'));
  cpSync(join(FIXTURES, 'centre/specs/units'), join(dir, 'specs/units'), { recursive: true });
  mkdirSync(join(dir, 'specs/qualifications'), { recursive: true });
  cpSync(join(FIXTURES, 'centre/specs/qualifications/600-1234-1.yaml'), join(dir, 'specs/qualifications/600-1234-1.yaml'));
  writeFileSync(join(dir, 'specs/qualifications/600-2345-4.yaml'), DIPLOMA);
  writeFileSync(join(dir, 'specs/units/K-600-0006.yaml'), K);
  mkdirSync(join(dir, 'portfolios/T-001'), { recursive: true });
  writeFileSync(join(dir, 'portfolios/centre.yaml'), CENTRE);
  writeFileSync(join(dir, 'portfolios/T-001/portfolio.yaml'), portfolio);
  return dir;
}
