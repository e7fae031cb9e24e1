/**
 * A worker process of the batch pool: analyses one bundle per message, isolated from the others.
 * It ends with its parent: when the channel closes it has nobody to answer.
 */
import { analyze } from '../analyze.js';
import type { Limits } from '../ingest/limits.js';
import { manageProcessMemory } from '../process-memory.js';

export interface Job { id: number; path: string; errorCode?: string; limits?: Partial<Limits>; noRedact?: boolean; displayPath?: string }
export type JobResult = { id: number; ok: true; report: Awaited<ReturnType<typeof analyze>>; ms: number } | { id: number; ok: false; error: string; ms: number };

async function run(job: Job): Promise<JobResult> {
  const started = performance.now();
  try {
    const report = await analyze(job.path, { errorCode: job.errorCode, limits: job.limits, noRedact: job.noRedact, displayPath: job.displayPath });
    return { id: job.id, ok: true, report, ms: Math.round(performance.now() - started) };
  } catch (e) {
    return { id: job.id, ok: false, error: (e as Error).message ?? String(e), ms: Math.round(performance.now() - started) };
  }
}

if (process.send) {
  manageProcessMemory();
  process.on('message', (job: Job) => { void run(job).then((r) => { if (process.connected) process.send!(r); }); });
  process.on('disconnect', () => process.exit(0));
}
