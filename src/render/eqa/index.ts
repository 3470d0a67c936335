// The formats of folio eqa pack: the page and the three CSV files of the pack's folder, each
// from the same data, so the folder is the same bytes for the same inputs.
import type { EqaPack } from '../../api/eqa.js';
import { decisionsCsv, iqaCsv, samplesCsv } from './csv.js';
import { packHtml } from './html.js';

export const eqaPackFormats = {
  html: (p: EqaPack) => packHtml(p),
  'samples-csv': (p: EqaPack) => samplesCsv(p),
  'decisions-csv': (p: EqaPack) => decisionsCsv(p),
  'iqa-csv': (p: EqaPack) => iqaCsv(p),
};
