/**
 * bench/queue: the bundles of bench/batch through the Redis queue (a private redis-server on a
 * free loopback port) with 1 and 2 `azlog worker` processes, against `azlog batch --jobs 1/2` on
 * the same bundles, in the same run, batch and queue runs alternating (drift on a shared machine
 * touches both alike), best of `rounds`. Each time runs from process start to exit (workers with
 * --until-empty), like the batch's; submitting is timed on its own.
 *
 * Wall times on a shared machine drift more than the queue costs, so each run also says how much
 * of its time was not analysis: P × wall − Σ analysis times (the batch CSV's duration_ms, the
 * queue's per-job times), per bundle — process start-up, hashing, scheduling and, for the queue,
 * Redis and compressing the report.
 * Run: npm run build && node dist/bench/queue.js [count] [rounds]   (needs redis-server)
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { parse } from 'csv-parse/sync';
import { batchBundles } from './generate.js';
import { BIN, OUT, row } from './util.js';
import { REDIS_SERVER, RedisServer } from '../test/redis.js';
import { redisTarget } from '../src/queue/connection.js';
import { withQueue } from '../src/queue/session.js';

const count = Number(process.argv[2] ?? 200);
const rounds = Number(process.argv[3] ?? 2);
if (!REDIS_SERVER) { console.error('bench/queue: redis-server is absent (apt-get install redis-server)'); process.exit(1); }
const dir = await batchBundles(OUT, count);
const redis = await RedisServer.start();
const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

interface Run { secs: number; analysisMs: number }

function batch(jobs: number): Run {
  const csv = join(OUT, `queue-bench-batch-${jobs}.csv`);
  const started = process.hrtime.bigint();
  const r = spawnSync('node', [BIN, 'batch', dir, '--jobs', String(jobs), '--csv', csv, '--no-progress'], { encoding: 'utf8' });
  const secs = seconds(started);
  if (r.status !== 0) throw new Error(`batch failed (${r.status}): ${r.stderr}`);
  const rows = parse(readFileSync(csv, 'utf8'), { columns: true }) as { duration_ms: string }[];
  return { secs, analysisMs: rows.reduce((s, x) => s + Number(x.duration_ms), 0) };
}

let queues = 0;
async function queue(workers: number): Promise<Run & { submitSecs: number }> {
  const name = `bench-${workers}-${queues++}`; // a fresh queue: nothing known yet
  let started = process.hrtime.bigint();
  const sub = spawnSync('node', [BIN, 'queue', 'submit', dir, '--redis', redis.url, '--queue', name], { encoding: 'utf8' });
  if (sub.status !== 0) throw new Error(`submit failed: ${sub.stderr}`);
  const submitSecs = seconds(started);
  started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: workers }, () => new Promise<void>((resolve, reject) => {
    const w = spawn('node', [BIN, 'worker', '--redis', redis.url, '--queue', name, '--until-empty'], { stdio: 'ignore' });
    w.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`))));
  })));
  const secs = seconds(started);
  const jobs = await withQueue(redisTarget(redis.url), name, (q) => q.getCompleted(0, -1));
  if (jobs.length !== count) throw new Error(`${jobs.length} of ${count} bundles done`);
  return { secs, submitSecs, analysisMs: jobs.reduce((s, j) => s + j.returnvalue.ms, 0) };
}

const better = <T extends Run>(a: T | null, b: T) => (!a || b.secs < a.secs ? b : a);

try {
  let b1: Run | null = null, b2: Run | null = null, q1: (Run & { submitSecs: number }) | null = null, q2: Run | null = null;
  for (let i = 0; i < rounds; i++) {
    b1 = better(b1, batch(1));
    q1 = better(q1, await queue(1));
    b2 = better(b2, batch(2));
    q2 = better(q2, await queue(2));
  }
  const overhead = (r: Run, parallel: number) => (parallel * r.secs * 1000 - r.analysisMs) / count;
  const version = spawnSync(REDIS_SERVER, ['--version'], { encoding: 'utf8' }).stdout.match(/v=(\S+)/)?.[1];
  console.log(`\n${count} bundles (2 MB agent log each), best of ${rounds}, load average ${loadavg()[0]!.toFixed(1)} at the end, Redis ${version}:\n`);
  console.log(row(['what', 'seconds', 'bundles/s', 'analysis ms per bundle', 'the rest, ms per bundle']));
  console.log(row(['---', '---', '---', '---', '---']));
  for (const [what, r, p] of [['batch --jobs 1', b1!, 1], ['queue, 1 worker', q1!, 1], ['batch --jobs 2', b2!, 2], ['queue, 2 workers', q2!, 2]] as const) {
    console.log(row([what, r.secs, count / r.secs, r.analysisMs / count, overhead(r, p)]));
  }
  console.log(`\nsubmitting ${count} bundles (hashing them, one job each): ${q1!.submitSecs.toFixed(2)} s`);
} finally {
  await redis.stop();
}
