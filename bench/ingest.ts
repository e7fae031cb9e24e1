/**
 * bench/ingest: reading a 150 MB (uncompressed) bundle — every entry decompressed and streamed
 * through the readers — against `gzip -dc` of the same file, in the same run.
 * Run: npm run build && node dist/bench/ingest.js [MB]
 */
import { existsSync, promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
import { writeAgentLog } from './generate.js';
import { OUT, ROOT, row, time } from './util.js';

const mb = Number(process.argv[2] ?? 150);
const dir = join(OUT, `bundle-${mb}`);
const tgz = join(OUT, `bundle-${mb}.tgz`);
if (!existsSync(tgz)) {
  const [bytes, lines] = await writeAgentLog(join(dir, 'var/log/waagent.log'), mb * 1024 * 1024);
  execSync(`tar czf ${tgz} -C ${dir} .`);
  await fsp.rm(dir, { recursive: true, force: true });
  console.error(`generated ${tgz}: waagent.log ${(bytes / 1048576).toFixed(0)} MB, ${lines} lines`);
}
const drain = join(ROOT, 'dist', 'bench', 'drain.js');
const gz = time(`gzip -dc ${tgz} > /dev/null`);
const ingest = time(`node ${drain} ${tgz}`);
console.log(`\ningest of a ${mb} MB bundle (${((await fsp.stat(tgz)).size / 1048576).toFixed(1)} MB .tgz), best of 3:\n`);
console.log(row(['what', 'seconds', 'CPU s', 'ratio to gzip -dc', 'peak RSS MB', 'load']));
console.log(row(['---', '---', '---', '---', '---', '---']));
console.log(row(['gzip -dc', gz.best, gz.cpu ?? '-', 1, gz.rssMb ?? '-', gz.load]));
console.log(row(['azlog readers (all entries streamed, no parsing)', ingest.best, ingest.cpu ?? '-', ingest.best / gz.best, ingest.rssMb ?? '-', ingest.load]));
