/**
 * bench/batch: 200 generated bundles (each distinct, a 2 MB agent log plus the usual files) analysed
 * with --jobs 1 and --jobs 2, alternating, three pairs in one run: the speed-up of each pair, CPU
 * seconds, the load average and how many of the two cores were free around the pair (a busy
 * machine has no second core to give).
 * Run: npm run build && node dist/bench/batch.js [count] [pairs]
 */
import { join } from 'node:path';
import { batchBundles } from './generate.js';
import { BIN, coresFree, OUT, row, time } from './util.js';

const count = Number(process.argv[2] ?? 200);
const pairs = Number(process.argv[3] ?? 3);
const dir = await batchBundles(OUT, count);
const batch = (jobs: number) => time(`node ${BIN} batch ${dir} --jobs ${jobs} --csv ${join(OUT, `b${jobs}.csv`)} --no-progress`, 1);
console.log(`\nbatch of ${count} bundles (2 MB agent log each), --jobs 1 and --jobs 2 alternating:\n`);
console.log(row(['pair', '--jobs 1 s', 'CPU s', '--jobs 2 s', 'CPU s', 'speed-up', 'load', 'cores free before / after']));
console.log(row(['---', '---', '---', '---', '---', '---', '---', '---']));
let firstOne = 0;
for (let i = 1; i <= pairs; i++) {
  const before = coresFree();
  const one = batch(1);
  const two = batch(2);
  const after = coresFree();
  firstOne ||= one.best;
  console.log(row([String(i), one.best, one.cpu ?? '-', two.best, two.cpu ?? '-', one.best / two.best, two.load, `${before.toFixed(2)} / ${after.toFixed(2)}`]));
}
const single = time(`node ${BIN} analyze ${join(dir, 'ticket-0000.tgz')} --format json > /dev/null`, 3);
console.log(`\nper bundle: ${(firstOne / count * 1000).toFixed(0)} ms in a --jobs 1 batch vs ${(single.best * 1000).toFixed(0)} ms for one \`azlog analyze\` process (which includes Node start-up)`);
