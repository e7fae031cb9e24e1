/**
 * bench/analyze: the full `azlog analyze` on generated bundles of 150 MB and 1.5 GB (uncompressed)
 * against `gzip -dc` of the same bundles, in the same run; peak RSS of each.
 * Run: npm run build && node dist/bench/analyze.js [MB ...]   (default: 150 1536)
 */
import { existsSync, promises as fsp, statSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { writeAgentLog } from './generate.js';
import { BIN, OUT, row, time } from './util.js';

const sizes = process.argv.slice(2).map(Number);
console.log('\nfull analyze vs gzip -dc, best of 3:\n');
console.log(row(['bundle', '.tgz MB', 'gzip -dc s', 'azlog analyze s', 'ratio', 'azlog peak RSS MB']));
console.log(row(['---', '---', '---', '---', '---', '---']));
for (const mb of sizes.length ? sizes : [150, 1536]) {
  const tgz = join(OUT, `bundle-${mb}.tgz`);
  if (!existsSync(tgz)) {
    const dir = join(OUT, `bundle-${mb}`);
    await writeAgentLog(join(dir, 'var/log/waagent.log'), mb * 1024 * 1024);
    execSync(`tar czf ${tgz} -C ${dir} .`);
    await fsp.rm(dir, { recursive: true, force: true });
  }
  const runs = mb > 1000 ? 1 : 3;
  const gz = time(`gzip -dc ${tgz} > /dev/null`, runs);
  const az = time(`node ${BIN} analyze ${tgz} --format json --no-progress > /dev/null`, runs);
  console.log(row([`${mb} MB`, statSync(tgz).size / 1048576, gz.best, az.best, az.best / gz.best, az.rssMb ?? '-']));
}
