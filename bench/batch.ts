/**
 * bench/batch: 200 generated bundles (each distinct, a 2 MB agent log plus the usual files) analysed
 * with --jobs 1 and --jobs 2 in the same run; speed-up and per-bundle overhead.
 * Run: npm run build && node dist/bench/batch.js [count]
 */
import { join } from 'node:path';
import { batchBundles } from './generate.js';
import { BIN, OUT, row, time } from './util.js';

const count = Number(process.argv[2] ?? 200);
const dir = await batchBundles(OUT, count);
const one = time(`node ${BIN} batch ${dir} --jobs 1 --csv ${join(OUT, 'b1.csv')} --no-progress`, 2);
const two = time(`node ${BIN} batch ${dir} --jobs 2 --csv ${join(OUT, 'b2.csv')} --no-progress`, 2);
const single = time(`node ${BIN} analyze ${join(dir, 'ticket-0000.tgz')} --format json > /dev/null`, 3);
console.log(`\nbatch of ${count} bundles (2 MB agent log each), best of 2:\n`);
console.log(row(['what', 'seconds', 'bundles/s', 'speed-up']));
console.log(row(['---', '---', '---', '---']));
console.log(row(['--jobs 1', one.best, count / one.best, 1]));
console.log(row(['--jobs 2', two.best, count / two.best, one.best / two.best]));
console.log(`\nper bundle: ${(one.best / count * 1000).toFixed(0)} ms in a --jobs 1 batch vs ${(single.best * 1000).toFixed(0)} ms for one \`azlog analyze\` process (which includes Node start-up)`);
