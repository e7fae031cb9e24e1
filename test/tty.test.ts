/** On a terminal: colour (unless NO_COLOR) and a progress line for work that takes over a second. */
import test from 'ava';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeAgentLog } from '../bench/generate.js';
import { BIN, tmp } from './helpers.js';

const SCRIPT = '/usr/bin/script';
const ttyTest = existsSync(SCRIPT) ? test : test.skip;
if (!existsSync(SCRIPT)) console.log('tty: /usr/bin/script (util-linux) is absent: the terminal tests are skipped');

/** Runs a command under a pseudo-terminal and returns what the terminal showed. */
function onTty(cmd: string, env: Record<string, string>): string {
  const r = spawnSync(SCRIPT, ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env: { ...env, TERM: 'xterm', LANG: 'en_US.UTF-8' }, maxBuffer: 64 * 1024 * 1024 });
  return r.stdout;
}

ttyTest('colour on a terminal, none with NO_COLOR; a progress line for a bundle that takes over a second', async (t) => {
  const dir = tmp();
  await writeAgentLog(join(dir, 'tree/var/log/waagent.log'), 60 * 1024 * 1024);
  execFileSync('tar', ['czf', join(dir, 'big.tgz'), '-C', join(dir, 'tree'), '.']);
  const env = { ...process.env } as Record<string, string>;
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const coloured = onTty(`node ${BIN} analyze ${join(dir, 'big.tgz')}`, env);
  t.true(coloured.includes('\x1b[1m'), 'bold headings on a terminal');
  t.regex(coloured, /\rreading \d+% \(\d+\.\d of \d+\.\d MiB\)/, 'progress line');
  const plain = onTty(`node ${BIN} analyze ${join(dir, 'big.tgz')} --no-progress`, { ...env, NO_COLOR: '1' });
  t.false(plain.includes('\x1b['), 'NO_COLOR honoured');
  t.false(plain.includes('reading '), '--no-progress honoured');
  t.regex(plain, /Verdict: /);
});
