/** Small stream helpers shared by the readers, the parsers and batch, and the readers' buffer sweeper. */
import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { processMemoryManaged } from '../process-memory.js';

/**
 * Reads a stream whole when it holds at most `max` bytes; past that it keeps draining (so an
 * archive reading it can go on) but keeps nothing, and gives null.
 */
export async function readCapped(stream: Readable, max: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const chunk of stream) {
    n += (chunk as Buffer).length;
    if (n <= max) chunks.push(chunk as Buffer);
  }
  return n > max ? null : Buffer.concat(chunks);
}

/** Reads what is left of a stream and throws it away. */
export function drain(stream: Readable): Promise<void> {
  return new Promise((resolve) => {
    if (stream.readableEnded || stream.destroyed) { resolve(); return; }
    stream.on('end', resolve).on('close', resolve).on('error', () => resolve());
    stream.resume();
  });
}

/** sha256 of a file, hex. */
export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(path).on('data', (c) => h.update(c)).on('end', () => resolve(h.digest('hex'))).on('error', reject);
  });
}

/**
 * Keeps the memory of reading flat. Each inflated chunk is a fresh Buffer whose bytes live outside
 * the JS heap, and V8 frees a dead one only when it collects the object that held it:
 * - a process that allocates little else (reading bytes, not parsing them) lets ~32 MB of them
 *   pile up before V8 scavenges on its own. Every `step` bytes, if no scavenge ran since the last
 *   step, one runs (well under a millisecond on a young generation that holds little);
 * - a chunk that lived through two scavenges moved to the old generation, where V8 collects it
 *   only once ~64 MB of such bytes have piled up. In azlog's own process (process-memory.ts),
 *   when the bytes held outside the heap pass EXTERNAL_SLACK more than the last full collection
 *   left, one runs (~5–8 ms on azlog's heap).
 */
export class DeadBufferSweeper {
  private bytes = 0;
  private seen = -1;
  constructor(private readonly step: number) {}

  passed(n: number): void {
    this.bytes += n;
    if (this.bytes < this.step) return;
    this.bytes = 0;
    const natural = scavenges.observed - scavenges.forced;
    if (natural === this.seen) scavenges.force();
    else this.seen = natural;
    if (processMemoryManaged() && getHeapStatistics().external_memory > externalLimit) collectNow();
  }
}

/** Bytes outside the heap allowed past what the last full collection left. */
const EXTERNAL_SLACK = 8 * 1024 * 1024;
let externalLimit = 2 * EXTERNAL_SLACK;

function collectNow(): void {
  if (scavenges.gc === undefined) scavenges.gc = exposeGc();
  if (!scavenges.gc) return;
  scavenges.gc(); // no argument: a full collection (this V8 takes {type: 'major'} as a scavenge)
  externalLimit = Math.max(2 * EXTERNAL_SLACK, getHeapStatistics().external_memory + EXTERNAL_SLACK);
}

/**
 * After a large bundle is read, its inflated chunks are dead but some of their bytes are still
 * held, waiting for a full collection. Building the kept evidence comes next and needs room of its
 * own; one full collection first (~5 ms) gives those bytes back. A small bundle has little to give
 * back and skips it (a batch of small ones would pay for it on every bundle), and so does a
 * program that uses azlog as a library (process-memory.ts).
 *
 * For a large bundle it returns where to report the bytes the caller then stops holding outside
 * the heap (the evidence store's arenas, once built): they are old, so only a full collection
 * returns them, while building the kept evidence allocates; every RELEASED_STEP of them, one runs.
 */
export function collectAfterReading(inflatedBytes: number): ((bytes: number) => void) | undefined {
  if (inflatedBytes < AFTER_READING_MIN || !processMemoryManaged()) return undefined;
  collectNow();
  let released = 0;
  return (bytes) => {
    released += bytes;
    if (released < RELEASED_STEP) return;
    released = 0;
    collectNow();
  };
}
const AFTER_READING_MIN = 32 * 1024 * 1024;
const RELEASED_STEP = 4 * 1024 * 1024;

/** Scavenges seen by a gc observer (started on first use) and those forced here. */
const scavenges = {
  observed: 0,
  forced: 0,
  observer: null as PerformanceObserver | null,
  gc: undefined as ((options?: { type: 'minor' }) => void) | null | undefined,
  force(): void {
    if (!this.observer) {
      this.observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if ((e as unknown as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) this.observed++;
        }
      });
      this.observer.observe({ entryTypes: ['gc'] });
      return; // counting starts now; the next step decides
    }
    if (this.gc === undefined) this.gc = exposeGc();
    if (!this.gc) return;
    this.gc({ type: 'minor' });
    this.forced++;
  },
};

/** V8's gc() without --expose-gc on the command line: the flag reaches contexts made after it. */
function exposeGc(): ((options?: { type: 'minor' }) => void) | null {
  const existing = (globalThis as { gc?: (options?: { type: 'minor' }) => void }).gc;
  if (existing) return existing;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as (options?: { type: 'minor' }) => void;
  } catch {
    return null; // then reading just uses more memory
  }
}
