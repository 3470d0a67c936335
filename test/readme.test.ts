// The README documents every check code and gap reason; these tables keep it honest when a
// code is added or renamed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODES } from '../src/diagnostics.js';
import { GAP_REASON_INFO, GAP_REASONS } from '../src/status/gaps.js';
import { IMPORT_CODES } from '../src/import/types.js';
import { REPO } from './helpers.js';

const readme = readFileSync(`${REPO}README.md`, 'utf8');
const section = (title: string) => {
  const start = readme.indexOf(`## ${title}`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
};
const firstColumn = (text: string) => [...text.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);

describe('README', () => {
  it('opens with the install-and-run command and the test command', () => {
    const block = /```sh\n([\s\S]*?)```/.exec(readme)![1]!.trim().split('\n');
    expect(block).toEqual(['npm install && npx folio status', 'npm test']);
    expect(readme.indexOf('```sh')).toBeLessThan(20);
  });

  it('lists every check code with its severity and summary', () => {
    const text = section('Check codes');
    expect(firstColumn(text)).toEqual(Object.keys(CODES));
    for (const [code, info] of Object.entries(CODES)) expect(text).toContain(`| \`${code}\` | ${info.severity} | ${info.summary} |`);
  });

  it('lists every import warning with its meaning', () => {
    const text = section('Importing unit specifications');
    expect(firstColumn(text)).toEqual(Object.keys(IMPORT_CODES));
    for (const [code, meaning] of Object.entries(IMPORT_CODES)) expect(text).toContain(`| \`${code}\` | ${meaning} |`);
  });

  it('lists every gap reason', () => {
    expect(firstColumn(section('Gap reasons'))).toEqual([...GAP_REASONS]);
    for (const [reason, info] of Object.entries(GAP_REASON_INFO)) expect(section('Gap reasons')).toContain(`| \`${reason}\` | ${info.level} | ${info.summary} |`);
  });
});
