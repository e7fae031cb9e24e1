/**
 * `azlog worker`: takes units from the queue and analyses them on the batch worker pool (one process per slot).
 *
 * BullMQ holds a lock on every active job and renews it while we work; a worker killed outright
 * stops renewing, and after the lock expires another worker's stalled-job check puts the job back
 * in the queue. A failing bundle is retried with backoff, then kept as failed with its error. On
 * SIGTERM/SIGINT the worker takes no new job and finishes its active ones; a second signal hands
 * them back to the queue at once.
 */
import { promises as fsp } from 'node:fs';
import { hostname } from 'node:os';
import { Worker, type Job } from 'bullmq';
import { Pool } from '../batch/pool.js';
import { DEFAULT_LIMITS, type Limits } from '../ingest/limits.js';
import { sha256File } from '../ingest/streams.js';
import { bullConnection, connect, describeRedisError, withTimeout, type RedisTarget } from './connection.js';
import { download, type Download } from './download.js';
import { contentUnitId, openQueue, packReport, type UnitData, type UnitResult } from './model.js';
import { isUrl, PREFIX } from './names.js';

export interface WorkerOptions {
  queue: string;
  target: RedisTarget;
  concurrency: number;
  limits: Partial<Limits>;
  /** How long a job stays locked without renewal before it counts as stalled. */
  lockMs: number;
  /** Exit once nothing is waiting, delayed or active. */
  untilEmpty: boolean;
  log: (line: string) => void;
}

const SECOND = 1000;

/** Errors that mean the connection is gone rather than that a command was wrong. */
function isConnectionError(e: Error): boolean {
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|Connection is closed|Stream isn't writeable|connect/i.test(e.message);
}

/** Runs until a signal (or, with untilEmpty, an empty queue); resolves with the exit code. */
export async function runWorker(o: WorkerOptions): Promise<number> {
  (await connect(o.target)).disconnect(); // fail now, in one line, if Redis cannot be used at all

  // from here on the connection is retried for ever: a Redis restart must not end the worker
  const connection = bullConnection(o.target, { retryStrategy: (times: number) => Math.min(times * 500, 5 * SECOND) });
  const queue = openQueue(o.queue, connection);
  const pool = new Pool(o.concurrency);
  const active = new Map<string, { job: Job<UnitData, UnitResult>; token: string }>();
  const maxBytes = o.limits.maxInflatedBytes ?? DEFAULT_LIMITS.maxInflatedBytes;
  let poolJobs = 0;
  let stopping = 0;
  let down = false;
  let lastError = '';

  const analyse = async (job: Job<UnitData, UnitResult>): Promise<UnitResult> => {
    const { source, errorCode } = job.data;
    let fetched: Download | null = null;
    try {
      if (isUrl(source)) fetched = await download(source, maxBytes);
      const path = fetched?.path ?? source;
      let sha = job.data.sha256;
      if (!sha) {
        try { sha = await sha256File(path); } catch (e) { throw new Error(`${source}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`); }
        // a URL whose content was already analysed under its sha256 is not analysed again
        const same = await queue.getJob(contentUnitId(sha, errorCode));
        if (same && (await same.getState()) === 'completed' && same.returnvalue) return same.returnvalue;
      }
      const r = await pool.run({ id: poolJobs++, path, errorCode, limits: o.limits, displayPath: source });
      if (!r.ok) throw new Error(fetched ? r.error.split(fetched.path).join(source) : r.error);
      const top = r.report.findings.find((f) => f.cause === r.report.verdict.cause);
      o.log(`done ${source}: ${r.report.verdict.cause ?? 'no cause'}${top ? ` (${top.status})` : ''} in ${r.ms} ms`);
      return { sha256: sha, ms: r.ms, report: packReport(r.report) };
    } finally {
      if (fetched) await fsp.rm(fetched.dir, { recursive: true, force: true });
    }
  };

  const worker = new Worker<UnitData, UnitResult>(o.queue, async (job, token) => {
    active.set(job.id!, { job, token: token! });
    o.log(`started ${job.data.source} (job ${job.id}, attempt ${job.attemptsMade + 1} of ${job.opts.attempts ?? 1}${job.stalledCounter ? ', taken over from a worker that stopped' : ''})`);
    try { return await analyse(job); } finally { active.delete(job.id!); }
  }, {
    connection, prefix: PREFIX, concurrency: o.concurrency, autorun: false,
    lockDuration: o.lockMs, stalledInterval: o.lockMs,
    // a bundle that kills its worker twice is recorded as failed rather than tried for ever
    maxStalledCount: 2,
  });

  const onError = (e: Error) => {
    if (stopping > 1) return; // handed-back jobs can no longer be finished here: expected
    if (isConnectionError(e)) {
      if (down) return;
      down = true;
      o.log(`lost the connection to Redis at ${o.target.shown}: ${describeRedisError(e)}; reconnecting`);
      const watch = setInterval(() => {
        void worker.backend.client.then((c) => {
          if (c.status !== 'ready') return;
          clearInterval(watch);
          down = false;
          o.log(`reconnected to Redis at ${o.target.shown}`);
        }).catch(() => undefined);
      }, SECOND);
      return;
    }
    if (e.message !== lastError) o.log(`queue: ${e.message}`);
    lastError = e.message;
  };
  worker.on('error', onError);
  queue.on('error', onError);
  worker.on('failed', (job, e) => {
    if (!job || stopping > 1) return;
    const last = job.attemptsMade >= (job.opts.attempts ?? 1) || /stalled more than/.test(e.message);
    o.log(`${last ? 'failed' : `failed (attempt ${job.attemptsMade} of ${job.opts.attempts}, will retry)`}: ${e.message}`);
  });

  let finishing: Promise<void> | null = null;
  const finish = () => (finishing ??= worker.close());
  const handBack = async () => {
    await worker.pause(true).catch(() => undefined);
    for (const { job, token } of [...active.values()]) {
      const moved = await withTimeout(job.moveToWait(token).then(() => true, () => false), 5 * SECOND);
      o.log(moved ? `handed back ${job.data.source}` : `could not hand back ${job.data.source}: another worker takes it when its lock expires`);
    }
    await pool.close(); // the handed-back analyses stop here
    await withTimeout(worker.close(true), 10 * SECOND);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    stopping++;
    if (stopping === 1 && !down) {
      o.log(`${signal}: taking no new bundle; finishing ${active.size} active (send ${signal} again to hand them back now)`);
      void finish();
    } else if (stopping <= 2) {
      stopping = 2;
      o.log(`${signal}: handing back ${active.size} active bundle(s)`);
      finishing = handBack();
    }
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  let idleCheck: NodeJS.Timeout | undefined;
  if (o.untilEmpty) {
    idleCheck = setInterval(() => {
      if (stopping || active.size) return;
      void queue.getJobCounts('wait', 'active', 'delayed', 'prioritized', 'waiting-children').then((c) => {
        if (!stopping && !active.size && Object.values(c).every((n) => n === 0)) { stopping = 1; o.log('the queue is empty: stopping'); void finish(); }
      }, () => undefined);
    }, SECOND);
  }

  o.log(`worker ${hostname()}:${process.pid} on queue ${o.queue} at ${o.target.shown}, ${o.concurrency} at a time`);
  try {
    await worker.run();
    await finishing;
  } finally {
    clearInterval(idleCheck);
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    await pool.close();
    await withTimeout(queue.close(), 10 * SECOND);
  }
  o.log('stopped');
  return 0;
}
