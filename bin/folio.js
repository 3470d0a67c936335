#!/usr/bin/env node
// Entry point kept outside dist/ so the bin path is stable; all logic lives in the compiled CLI.
import { createInterface } from 'node:readline';
import { main } from '../dist/cli.js';

// `folio … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

// A missing option of a recording command is asked for on a terminal, one line at a time; the
// interface is made at the first question only, so other commands never hold stdin open.
let rl;
const prompt = (question) =>
  new Promise((resolve) => {
    rl ??= createInterface({ input: process.stdin, output: process.stdout });
    const closed = () => resolve(undefined);
    rl.once('close', closed);
    rl.question(question, (answer) => {
      rl.off('close', closed);
      resolve(answer);
    });
  });

process.exitCode = await main(process.argv.slice(2), {
  stdinIsTTY: Boolean(process.stdin.isTTY),
  prompt,
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  columns: process.stdout.columns,
});
rl?.close();
