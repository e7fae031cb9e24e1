/**
 * bench/parse: turning a 150 MB waagent.log into events, in the current line generation (G4) and in
 * G1, against lnav indexing the same file in the same run (lnav from Debian, with the waagent format
 * in bench/lnav/waagent_log.json). Reports wall and CPU seconds (of the best run), MB/s, lines/s, peak
 * RSS and the load average.
 * Run: npm run build && node dist/bench/parse.js [MB]
 */
import { existsSync, statSync, mkdirSync, copyFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { writeAgentLog } from './generate.js';
import { BIN, OUT, ROOT, row, time } from './util.js';

const mb = Number(process.argv[2] ?? 150);
const lnav = spawnSync('bash', ['-c', 'command -v lnav']).status === 0;
const home = join(OUT, 'lnav-home');
if (lnav) {
  mkdirSync(join(home, '.lnav', 'formats', 'installed'), { recursive: true });
  copyFileSync(join(ROOT, 'bench', 'lnav', 'waagent_log.json'), join(home, '.lnav', 'formats', 'installed', 'waagent_log.json'));
}
const scan = join(ROOT, 'dist', 'bench', 'scan-only.js');
console.log(`\nparsing a ${mb} MB waagent.log, best of 3 (lnav ${lnav ? 'present' : 'absent: apt-get install lnav'}):\n`);
console.log(row(['generation', 'what', 'seconds', 'CPU s', 'MB/s', 'lines/s', 'ratio to lnav', 'CPU ratio', 'peak RSS MB', 'load']));
console.log(row(['---', '---', '---', '---', '---', '---', '---', '---', '---', '---']));
for (const gen of ['G4', 'G1'] as const) {
  const log = join(OUT, `waagent-${gen}-${mb}`, 'waagent.log');
  let lines = 0;
  if (!existsSync(log)) [, lines] = await writeAgentLog(log, mb * 1024 * 1024, gen);
  else lines = Number(spawnSync('bash', ['-c', `wc -l < ${log}`], { encoding: 'utf8' }).stdout.trim());
  const size = statSync(log).size / 1048576;
  // lnav -n: headless; it indexes the file, the query proves the waagent format was applied
  const base = lnav ? time(`env HOME=${home} lnav -n -c ';SELECT count(*) AS n FROM waagent_log' ${log}`) : null;
  const runs: [string, string][] = [
    ['azlog scan (events, no output)', `node ${scan} ${log}`],
    ['azlog timeline --format jsonl > /dev/null', `node ${BIN} timeline ${log} --format jsonl --no-progress > /dev/null`],
  ];
  if (base) console.log(row([gen, 'lnav indexing', base.best, base.cpu ?? '-', size / base.best, lines / base.best, 1, 1, base.rssMb ?? '-', base.load]));
  for (const [what, cmd] of runs) {
    const r = time(cmd);
    const cpuRatio = base?.cpu && r.cpu ? r.cpu / base.cpu : '-';
    console.log(row([gen, what, r.best, r.cpu ?? '-', size / r.best, lines / r.best, base ? r.best / base.best : '-', cpuRatio, r.rssMb ?? '-', r.load]));
  }
}
