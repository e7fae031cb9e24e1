/**
 * A small worker pool: one worker thread per slot, one bundle at a time each. A worker that dies
 * (out of memory, crash) fails only its bundle and is replaced.
 */
import { Worker } from 'node:worker_threads';
import type { Job, JobResult } from './worker.js';

const WORKER_URL = new URL('./worker.js', import.meta.url);

export class Pool {
  private idle: Worker[] = [];
  private all = new Set<Worker>();
  private waiting: { job: Job; resolve: (r: JobResult) => void }[] = [];

  constructor(private readonly size: number, private readonly memoryMb = 2048) {}

  run(job: Job): Promise<JobResult> {
    return new Promise((resolve) => { this.waiting.push({ job, resolve }); this.pump(); });
  }

  private spawn(): Worker {
    const w = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: this.memoryMb } });
    this.all.add(w);
    return w;
  }

  private pump(): void {
    while (this.waiting.length && (this.idle.length || this.all.size < this.size)) {
      const w = this.idle.pop() ?? this.spawn();
      const { job, resolve } = this.waiting.shift()!;
      const started = performance.now();
      const done = (r: JobResult, dead: boolean) => {
        w.removeAllListeners('message'); w.removeAllListeners('error'); w.removeAllListeners('exit');
        if (dead) { this.all.delete(w); void w.terminate(); } else this.idle.push(w);
        resolve(r);
        this.pump();
      };
      w.once('message', (r: JobResult) => done(r, false));
      w.once('error', (e) => done({ id: job.id, ok: false, error: `${job.path}: analysis crashed (${e.message})`, ms: Math.round(performance.now() - started) }, true));
      w.once('exit', (code) => done({ id: job.id, ok: false, error: `${job.path}: worker exited with code ${code}`, ms: Math.round(performance.now() - started) }, true));
      w.postMessage(job);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.all].map((w) => w.terminate()));
    this.all.clear();
    this.idle = [];
  }
}
