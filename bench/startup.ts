/**
 * bench/startup: what one `azlog` process costs before it does any work — `--version`, `--help`,
 * `causes`, `explain`, and `analyze` of a 3 KiB sample — against a bare `node -e 0` in the same run.
 * Run: npm run build && node dist/bench/startup.js [runs]
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, row, time } from './util.js';

const runs = Number(process.argv[2] ?? 5);
const sample = join(ROOT, 'samples', 'healthy.tgz');
const cases: [string, string, number | null][] = [
  ['node -e 0 (Node itself)', 'node -e 0', null],
  ['azlog --version', `node ${BIN} --version > /dev/null`, 0.25],
  ['azlog --help', `node ${BIN} --help > /dev/null`, null],
  ['azlog causes', `node ${BIN} causes > /dev/null`, null],
  ['azlog explain no-network', `node ${BIN} explain no-network > /dev/null`, null],
  [`azlog analyze ${(statSync(sample).size / 1024).toFixed(1)} KiB sample -f json`, `node ${BIN} analyze ${sample} -f json --no-progress > /dev/null`, 0.5],
];
console.log(`\nstart-up, best of ${runs}:\n`);
console.log(row(['what', 'seconds (best)', 'median', 'target', 'peak RSS MB']));
console.log(row(['---', '---', '---', '---', '---']));
for (const [what, cmd, target] of cases) {
  const t = time(cmd, runs);
  console.log(row([what, t.best, t.median, target === null ? '-' : `≤ ${target} ${t.best <= target ? 'met' : 'missed'}`, t.rssMb ?? '-']));
}
