// The ordered list of cross-file rules. Order is the order findings are produced in before
// sorting; adding a rule means adding a file and a line here.
import { certificationEnd } from './certification-end.js';
import { combination } from './combination.js';
import type { Rule } from './context.js';
import { currency } from './currency.js';
import { dates } from './dates.js';
import { decisions } from './decisions.js';
import { evidenceItems } from './evidence.js';
import { identifiers } from './identifiers.js';
import { lifecycle } from './lifecycle.js';
import { people } from './people.js';
import { placeholders } from './placeholders.js';
import { portfolioUnits } from './portfolio-units.js';
import { qualificationSpecs } from './qualification-specs.js';
import { sites } from './sites.js';
import { unsafeText } from './text.js';
import { unitSpecs } from './unit-specs.js';

export const RULES: readonly Rule[] = [
  unitSpecs,
  qualificationSpecs,
  identifiers,
  placeholders,
  portfolioUnits,
  evidenceItems,
  people,
  sites,
  dates,
  currency,
  combination,
  decisions,
  lifecycle,
  certificationEnd,
  unsafeText,
];
