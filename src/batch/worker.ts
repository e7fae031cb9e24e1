/** Worker thread of the batch pool: analyses one bundle per message, isolated from the others. */
import { parentPort } from 'node:worker_threads';
import { analyze } from '../analyze.js';
import type { Limits } from '../ingest/limits.js';

export interface Job { id: number; path: string; errorCode?: string; limits?: Partial<Limits>; noRedact?: boolean; displayPath?: string }
export type JobResult = { id: number; ok: true; report: Awaited<ReturnType<typeof analyze>>; ms: number } | { id: number; ok: false; error: string; ms: number };

parentPort?.on('message', async (job: Job) => {
  const started = performance.now();
  try {
    const report = await analyze(job.path, { errorCode: job.errorCode, limits: job.limits, noRedact: job.noRedact, displayPath: job.displayPath });
    parentPort!.postMessage({ id: job.id, ok: true, report, ms: Math.round(performance.now() - started) } satisfies JobResult);
  } catch (e) {
    parentPort!.postMessage({ id: job.id, ok: false, error: (e as Error).message ?? String(e), ms: Math.round(performance.now() - started) } satisfies JobResult);
  }
});
