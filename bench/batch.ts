/**
 * bench/batch: 200 generated bundles (each distinct, a 2 MB agent log plus the usual files) analysed
 * with --jobs 1 and --jobs 2, alternating, three pairs in one run: the speed-up of each pair, CPU
 * seconds, the load average and how many of the two cores were free around the pair (a busy
 * machine has no second core to give). Then the ceiling no pool can pass on this machine: two
 * separate `--jobs 1` processes, each given half of the bundles, running at the same time.
 * Run: npm run build && node dist/bench/batch.js [count] [pairs]
 */
import { mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
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

// two independent processes share nothing but the machine: what they gain over one is the most a
// second worker can add here, whatever the pool does
const halves = ['a', 'b'].map((h) => join(OUT, `batch-${count}-half-${h}`));
const names = readdirSync(dir).sort();
halves.forEach((h, i) => {
  rmSync(h, { recursive: true, force: true });
  mkdirSync(h);
  for (const n of names.filter((_, k) => k % 2 === i)) symlinkSync(join(dir, n), join(h, n));
});
const half = (h: string, tag: string) => `node ${BIN} batch ${h} --jobs 1 --csv ${join(OUT, `half-${tag}.csv`)} --no-progress`;
const one = time(`node ${BIN} batch ${dir} --jobs 1 --csv ${join(OUT, 'b1.csv')} --no-progress`, 1);
const both = time(`bash -c '${half(halves[0]!, 'a')} & ${half(halves[1]!, 'b')}; wait'`, 1);
console.log(`ceiling: one --jobs 1 process, all ${count}: ${one.best.toFixed(2)} s (CPU ${one.cpu?.toFixed(2) ?? '-'} s); two --jobs 1 processes, half each, at once: ${both.best.toFixed(2)} s (CPU ${both.cpu?.toFixed(2) ?? '-'} s) = ${(one.best / both.best).toFixed(2)}×`);
