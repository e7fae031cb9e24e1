/** On a terminal: colour (unless NO_COLOR) and a progress line for work that takes over a second. */
import test from 'ava';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeAgentLog } from '../bench/generate.js';
import { BIN, sampleDir, tmp } from './helpers.js';
import { displayWidth } from '../src/report/width.js';

const SCRIPT = '/usr/bin/script';
const ttyTest = existsSync(SCRIPT) ? test : test.skip;
if (!existsSync(SCRIPT)) console.log('tty: /usr/bin/script (util-linux) is absent: the terminal tests are skipped');

/** Runs a command under a pseudo-terminal and returns what the terminal showed. */
function onTty(cmd: string, env: Record<string, string>): string {
  const r = spawnSync(SCRIPT, ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env: { ...env, TERM: 'xterm', LANG: 'en_US.UTF-8' }, maxBuffer: 64 * 1024 * 1024 });
  return r.stdout;
}

ttyTest('colour on a terminal, none with NO_COLOR; a progress line for a bundle that takes a while', async (t) => {
  const dir = tmp();
  await writeAgentLog(join(dir, 'tree/var/log/waagent.log'), 8 * 1024 * 1024);
  execFileSync('tar', ['czf', join(dir, 'big.tgz'), '-C', join(dir, 'tree'), '.']);
  // the line waits a second before it shows; here it shows at once, however fast the bundle is read
  const env = { ...process.env, AZLOG_PROGRESS_AFTER_MS: '0' } as Record<string, string>;
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

/** What a terminal shows for raw output: each line after carriage returns overwrote it. */
function screen(raw: string): string[] {
  return raw.replace(/\r\n/g, '\n').split('\n').map((line) => {
    let shown = '';
    for (const part of line.split('\r')) shown = part + shown.slice(part.length);
    return shown.replace(/\x1b\[[0-9;]*m/g, '').trimEnd();
  });
}

ttyTest('text wraps to the terminal width, counting visible columns (colour codes none, Japanese two)', async (t) => {
  const env = { ...process.env } as Record<string, string>;
  delete env.NO_COLOR;
  const bundle = join(await sampleDir(), 'agent-outdated-g1-jst.tgz');
  for (const [cols, lang] of [[60, 'en'], [60, 'ja'], [132, 'en']] as const) {
    const raw = onTty(`stty cols ${cols}; node ${BIN} analyze ${bundle} --lang ${lang} --no-progress`, env);
    t.true(raw.includes('\x1b[1m'), 'coloured');
    const lines = screen(raw);
    const over = lines.filter((l) => displayWidth(l) > cols && !(/\s\S*\/\S*$/.test(l) && displayWidth(l.replace(/\S+$/, '')) < cols / 2));
    t.deepEqual(over, [], `${lang} at ${cols} columns`);
    t.true(lines.some((l) => displayWidth(l) > cols - 12), `${lang} lines use the width of ${cols}`);
  }
});

ttyTest('batch on a terminal: the progress bar never shares a line with a CSV row', async (t) => {
  const samples = await sampleDir();
  const names = ['healthy', 'fsfreeze-timeout', 'no-network-storage', 'agent-outdated-g0', 'certificate-failure', 'dhcp-disabled', 'disk-too-large', 'snapshot-high-load'];
  const raw = onTty(`stty cols 120; node ${BIN} batch ${names.map((n) => join(samples, `${n}.tgz`)).join(' ')} --jobs 1`, { ...process.env } as Record<string, string>);
  t.true(raw.includes('[#'), 'the bar was drawn');
  const lines = screen(raw);
  const rows = lines.filter((l) => /,raw-tree,/.test(l));
  t.is(rows.length, names.length, lines.join('\n'));
  for (const l of rows) t.false(/\[[#.]+\]| bundles, /.test(l), `mixed: ${l}`);
  for (const l of lines.filter((x) => /\[[#.]{24}\]/.test(x))) t.false(/,raw-tree,/.test(l));
});
