/**
 * Whether this process is azlog's own (the CLI, a batch worker): then reading may tune V8 for a
 * lower peak (a young generation that does not grow, full collections when bytes held outside the
 * heap pile up; ingest/streams.ts). A program that imports azlog as a library keeps V8 as it set it.
 */
let managed = false;

/** Called by azlog's own entry points, before any bundle is read. */
export function manageProcessMemory(): void {
  managed = true;
}

export function processMemoryManaged(): boolean {
  return managed;
}
