/**
 * bench/queue: the bundles of bench/batch through the Redis queue (a private redis-server on a
 * free loopback port) with 1 and 2 `azlog worker` processes, against `azlog batch --jobs 1/2` on
 * the same bundles, in the same run. Each time runs from process start to exit (workers with
 * --until-empty), like the batch's; submitting is timed on its own.
 * Run: npm run build && node dist/bench/queue.js [count]   (needs redis-server: apt-get install redis-server)
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { batchBundles } from './generate.js';
import { BIN, OUT, row, time } from './util.js';
import { REDIS_SERVER, RedisServer } from '../test/redis.js';

const count = Number(process.argv[2] ?? 200);
if (!REDIS_SERVER) { console.error('bench/queue: redis-server is absent (apt-get install redis-server)'); process.exit(1); }
const dir = await batchBundles(OUT, count);
const redis = await RedisServer.start();
const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

function submit(queue: string): number {
  const started = process.hrtime.bigint();
  const r = spawnSync('node', [BIN, 'queue', 'submit', dir, '--redis', redis.url, '--queue', queue], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`submit failed: ${r.stderr}`);
  return seconds(started);
}

async function drain(queue: string, workers: number): Promise<number> {
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: workers }, () => new Promise<void>((resolve, reject) => {
    const w = spawn('node', [BIN, 'worker', '--redis', redis.url, '--queue', queue, '--until-empty'], { stdio: 'ignore' });
    w.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`))));
  })));
  return seconds(started);
}

let runs = 0;
async function queueRun(workers: number): Promise<{ secs: number; submit: number }> {
  const queue = `bench-${workers}-${runs++}`; // a fresh queue: nothing known yet
  const sub = submit(queue);
  return { secs: await drain(queue, workers), submit: sub };
}

try {
  // batch and queue runs alternate, so drift on a shared machine touches both alike; best of 2 each
  const best = { b1: Infinity, b2: Infinity, q1: Infinity, q2: Infinity, submit: Infinity };
  for (let i = 0; i < 2; i++) {
    best.b1 = Math.min(best.b1, time(`node ${BIN} batch ${dir} --jobs 1 --csv ${join(OUT, 'q1.csv')} --no-progress`, 1).best);
    const q1 = await queueRun(1);
    best.q1 = Math.min(best.q1, q1.secs);
    best.submit = Math.min(best.submit, best.submit);
    best.b2 = Math.min(best.b2, time(`node ${BIN} batch ${dir} --jobs 2 --csv ${join(OUT, 'q2.csv')} --no-progress`, 1).best);
    best.q2 = Math.min(best.q2, (await queueRun(2)).secs);
  }
  console.log(`\n${count} bundles (2 MB agent log each), best of 2, load average ${loadavg()[0]!.toFixed(1)} at the end, Redis ${spawnSync(REDIS_SERVER, ['--version'], { encoding: 'utf8' }).stdout.match(/v=(\S+)/)?.[1]}:\n`);
  console.log(row(['what', 'seconds', 'bundles/s', 'vs batch, same parallelism']));
  console.log(row(['---', '---', '---', '---']));
  console.log(row(['batch --jobs 1', best.b1, count / best.b1, 1]));
  console.log(row(['batch --jobs 2', best.b2, count / best.b2, 1]));
  console.log(row(['queue, 1 worker', best.q1, count / best.q1, best.b1 / best.q1]));
  console.log(row(['queue, 2 workers', best.q2, count / best.q2, best.b2 / best.q2]));
  const overhead = ((best.q1 - best.b1) / count) * 1000;
  console.log(`\nper bundle: ${(best.b1 / count * 1000).toFixed(0)} ms of analysis in batch; the queue adds ${overhead.toFixed(1)} ms (${(overhead / (best.b1 / count * 1000) * 100).toFixed(0)} %) with one worker${overhead < 0 ? ' (below the run-to-run noise)' : ''}`);
  console.log(`submitting ${count} bundles (hashing them, one job each): ${best.submit.toFixed(2)} s`);
} finally {
  await redis.stop();
}
