/**
 * Whether this process is azlog's own (the CLI, a batch worker): then reading may tune V8 for a
 * lower peak (full collections when bytes held outside the heap pile up; ingest/streams.ts), and
 * `azlog analyze` keeps the young generation small. A program that imports azlog as a library keeps V8
 * as it set it.
 */
import { setFlagsFromString } from 'node:v8';

let managed = false;

/** Called by azlog's own entry points, before any bundle is read. */
export function manageProcessMemory(): void {
  managed = true;
}

export function processMemoryManaged(): boolean {
  return managed;
}

/**
 * Keeps V8's young generation at the size it has now, in azlog's own process. V8 grows it when
 * many objects survive: while modules load (to 4 MB a semi-space), while analyze parses a large
 * log (8 MB) and while the kept evidence is built at the end (16 MB), ~17 MB more at the peak of
 * the 150 MB bundle. `azlog analyze` calls this once the pipeline's modules have loaded, at 4 MB:
 * pinned before them, at 1 MB, the 150 MB peak was 86–88 MB instead of 91–93 but the analysis took
 * 4–7 % more time. Batch workers do not: a batch of small bundles was 3–5 % slower pinned at 4 MB,
 * and holds no large one. Nor does the timeline, which makes an object of every event
 * and lost 5–10 % with it. The flag is the process's.
 */
export function pinYoungGeneration(): void {
  if (pinned || !managed) return;
  pinned = true;
  try { setFlagsFromString('--semi-space-growth-factor=1'); } catch { /* then the peak is higher */ }
}
let pinned = false;
