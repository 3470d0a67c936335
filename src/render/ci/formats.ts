// The four CI formats, for any command whose report converts to a CiReport: one place
// that check and gaps share, so a new CI format reaches both.
import { codeclimate } from './codeclimate.js';
import { github } from './github.js';
import { junit } from './junit.js';
import type { CiReport } from './report.js';
import { sarif } from './sarif.js';

export function ciFormats<T>(toCi: (r: T) => CiReport) {
  return {
    github: (r: T) => github(toCi(r)),
    junit: (r: T) => junit(toCi(r)),
    sarif: (r: T) => sarif(toCi(r)),
    codeclimate: (r: T) => codeclimate(toCi(r)),
  };
}
