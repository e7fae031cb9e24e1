#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run by `npm ci` through `prepare`).
import { main } from '../dist/src/cli/main.js';
import { describe } from '../dist/src/ingest/fs-errors.js';

// a closed pipe (| head) ends quietly; any other failure to write the output is one line, no stack
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  process.stderr.write(`azlog: cannot write the output: ${describe(e)}\n`);
  process.exit(3);
});
main(process.argv).then((code) => { process.exitCode = code; });
