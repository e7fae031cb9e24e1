/**
 * The worker pool of `batch` and `azlog worker`: one child process per slot, one bundle at a time
 * each. A worker that dies (out of memory, a crash, killed from outside) fails only its bundle and
 * is replaced.
 *
 * Processes rather than worker threads, because V8's helper threads (parallel GC, concurrent
 * compilation) belong to a process: when there are as many workers as cores they have no core of
 * their own and only take turns with the workers, and a child process can be started without them
 * (`--single-threaded`) where a worker thread cannot. With fewer workers than cores they stay on,
 * since then they use a core that would be idle. docs/performance.md has the figures.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import type { Job, JobResult } from './worker.js';

const WORKER_URL = new URL('./worker.js', import.meta.url);
/** Each worker's old-generation heap limit: a hostile bundle fails its own row, not the machine. */
const WORKER_HEAP_MB = 2048;

export class Pool {
  private idle: ChildProcess[] = [];
  private readonly all = new Set<ChildProcess>();
  private waiting: { job: Job; resolve: (r: JobResult) => void }[] = [];
  private readonly execArgv: string[];

  constructor(private readonly size: number) {
    // without V8's helper threads when there are at least as many workers as cores
    const singleThreaded = size >= availableParallelism();
    this.execArgv = [`--max-old-space-size=${WORKER_HEAP_MB}`, ...(singleThreaded ? ['--single-threaded'] : [])];
  }

  run(job: Job): Promise<JobResult> {
    return new Promise((resolve) => { this.waiting.push({ job, resolve }); this.pump(); });
  }

  /** Process ids of the running workers (the tests kill one to see what happens). */
  pids(): number[] {
    return [...this.all].map((w) => w.pid).filter((p): p is number => p !== undefined);
  }

  private spawn(): ChildProcess {
    // 'advanced' sends the report as a structured clone, as a worker thread would get it. A process
    // group of its own keeps a terminal's Ctrl-C from the worker: the parent decides what happens to
    // a running bundle (`azlog worker` finishes it on the first signal), and a worker exits when the
    // parent's channel closes, however the parent ended. On Windows `detached` would give each worker
    // a console window of its own, so there it is left off (and a Ctrl-C reaches the workers).
    const w = fork(WORKER_URL, [], { execArgv: this.execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'], detached: process.platform !== 'win32' });
    this.all.add(w);
    // a worker that dies while idle is forgotten, so no bundle is sent to it
    w.on('exit', () => { this.all.delete(w); this.idle = this.idle.filter((x) => x !== w); });
    return w;
  }

  private pump(): void {
    while (this.waiting.length && (this.idle.length || this.all.size < this.size)) {
      const w = this.idle.pop() ?? this.spawn();
      const { job, resolve } = this.waiting.shift()!;
      const started = performance.now();
      const ms = () => Math.round(performance.now() - started);
      const onMessage = (r: JobResult) => done(r, false);
      const onError = (e: Error) => done({ id: job.id, ok: false, error: `${job.path}: analysis crashed (${e.message})`, ms: ms() }, true);
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => done({ id: job.id, ok: false, error: `${job.path}: the worker analysing it ${signal ? `was killed (${signal})` : `exited with code ${code}`}`, ms: ms() }, true);
      let settled = false;
      const done = (r: JobResult, dead: boolean) => {
        if (settled) return;
        settled = true;
        w.off('message', onMessage); w.off('error', onError); w.off('exit', onExit);
        if (dead) { this.all.delete(w); w.kill('SIGKILL'); } else this.idle.push(w);
        resolve(r);
        this.pump();
      };
      w.once('message', onMessage);
      w.once('error', onError);
      w.once('exit', onExit);
      w.send(job);
    }
  }

  /** Ends every worker: each exits when its channel closes. */
  async close(): Promise<void> {
    await Promise.all([...this.all].map((w) => new Promise<void>((resolve) => {
      if (w.exitCode !== null || w.signalCode !== null) { resolve(); return; }
      w.once('exit', () => resolve());
      if (w.connected) w.disconnect(); else w.kill('SIGKILL');
    })));
    this.all.clear();
    this.idle = [];
  }
}
