// The one registry of formatters: (data, options) => string. The CLI looks a formatter up
// here by command and --format; nothing else chooses output.
import { checkFormats } from './check.js';
import { gapsFormats } from './gaps.js';
import { importFormats } from './import.js';
import { specFormats } from './spec.js';
import { statusFormats } from './status.js';

export const FORMATTERS = {
  check: checkFormats,
  // verify reports findings in the check format, so every CI integration reads them as is
  verify: checkFormats,
  status: statusFormats,
  gaps: gapsFormats,
  'spec list': specFormats.list,
  'spec show': specFormats.show,
  import: importFormats,
} as const;

export type Command = keyof typeof FORMATTERS;

export function formatsOf(command: Command): string[] {
  return Object.keys(FORMATTERS[command]);
}
