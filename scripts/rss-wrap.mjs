#!/usr/bin/env node
// Runs folio in this process with its output sent to a sink, then reports the process's peak
// resident set size, so scripts/bench.mjs can measure memory without a platform-specific tool.
//
//   FOLIO_RSS_FILE=/tmp/rss.json node scripts/rss-wrap.mjs check -C DIR
//
// Writes { maxRSSKiB, exitCode, stdoutBytes, stderrBytes } to $FOLIO_RSS_FILE (or to stderr
// when it is not set). Set FOLIO_STDOUT_FILE to keep what folio printed on stdout.
import { writeFileSync } from 'node:fs';
import { main } from '../dist/cli.js';

let stdoutBytes = 0;
let stderrBytes = 0;
const keep = process.env.FOLIO_STDOUT_FILE ? [] : undefined;
const exitCode = await main(process.argv.slice(2), {
  stdout: (s) => {
    stdoutBytes += Buffer.byteLength(s);
    keep?.push(s);
  },
  stderr: (s) => {
    stderrBytes += Buffer.byteLength(s);
  },
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: false,
  columns: undefined,
});
if (keep) writeFileSync(process.env.FOLIO_STDOUT_FILE, keep.join(''));
// resourceUsage().maxRSS is in kibibytes on Linux and macOS.
const report = JSON.stringify({ maxRSSKiB: process.resourceUsage().maxRSS, exitCode, stdoutBytes, stderrBytes });
if (process.env.FOLIO_RSS_FILE) writeFileSync(process.env.FOLIO_RSS_FILE, `${report}\n`);
else process.stderr.write(`${report}\n`);
process.exitCode = exitCode;
