#!/usr/bin/env node
// `npm test`: build, run the AVA suite, and end with the plain line CI reads:
// "N passed, N failed" (", N skipped" when some were skipped). The corpus check counts as one test.
import { spawn, spawnSync } from 'node:child_process';

const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const args = ['ava', '--tap', ...process.argv.slice(2)];
const child = spawn('npx', args, { stdio: ['ignore', 'pipe', 'inherit'] });
let passed = 0, failed = 0, skipped = 0, tail = '';
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const text = tail + chunk.toString();
  const lines = text.split('\n');
  tail = lines.pop();
  for (const line of lines) {
    if (/^ok \d+/.test(line)) { if (/# SKIP/.test(line)) skipped++; else passed++; }
    else if (/^not ok \d+/.test(line)) { if (/# TODO/.test(line)) skipped++; else failed++; }
  }
});
child.on('close', (code) => {
  if (code !== 0 && failed === 0) failed = 1; // the runner itself failed (crash, timeout)
  // the real-log corpus must stay at or above its recorded floor (test/corpus/floor.json)
  const corpus = spawnSync(process.execPath, ['dist/test/corpus/run.js', '--check'], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  const last = (corpus.stdout ?? '').trim().split('\n').at(-1) ?? '';
  console.log(`${corpus.status === 0 ? 'ok' : 'not ok'} - ${last || 'corpus: did not run'} (npm run corpus -- --check)`);
  if (corpus.status === 0) passed++; else failed++;
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(failed ? 1 : code ?? 1);
});
