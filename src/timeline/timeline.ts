/**
 * `azlog timeline`: every event of every file, merged by UTC time. Files of an archive arrive one
 * after another, so each file's events are spooled to a private temporary file (not the bundle's
 * content, its parsed events) and the spools are merged k-way with a heap: memory stays bounded
 * by the number of files, not their size. Equal times keep file order, then line order. Inside one
 * file a bounded window (REORDER_WINDOW events) puts records written out of order back in place —
 * VMSnapshot flushes the lines buffered during a freeze after the record that ends it.
 */
import { closeSync, createReadStream, openSync, promises as fsp, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Event, Level } from '../model/types.js';
import { scanBundle, type Inventory, type ScanOptions } from '../pipeline/scan.js';
import { resolveTime } from '../pipeline/evidence-store.js';

export interface TimelineFilter {
  since?: number; until?: number;
  levels?: Set<Level>;
  kinds?: string[];
  file?: string;
}

interface Spool { path: string; fd: number; buf: string[]; size: number; lastMs: number | null; count: number; file: string }

/** A spooled event: a JSON array without the file (one spool per file) and without `raw`. */
function encode(e: Event): string {
  return JSON.stringify([e.ms, e.timeSource, e.line, e.lines, e.kind, e.level, e.message, e.attrs]);
}

function decode(text: string, file: string): Event {
  const [ms, timeSource, line, lines, kind, level, message, attrs] = JSON.parse(text) as [number | null, Event['timeSource'], number | null, number, string, Event['level'], string, Event['attrs']];
  return { ms, timeSource, file, line, lines, kind, level, message, raw: message, attrs };
}

const FLUSH_CHARS = 1 << 20;

function flush(s: Spool): void {
  if (s.buf.length) { writeSync(s.fd, s.buf.join('')); s.buf = []; s.size = 0; }
}

export function matches(e: Event, f: TimelineFilter): boolean {
  if (f.levels && (!e.level || !f.levels.has(e.level))) return false;
  if (f.kinds && !f.kinds.some((k) => e.kind === k || e.kind.startsWith(k.endsWith('.') ? k : k + '.'))) return false;
  if (f.file && !e.file.includes(f.file)) return false;
  if (f.since !== undefined && (e.ms === null || e.ms < f.since)) return false;
  if (f.until !== undefined && (e.ms === null || e.ms > f.until)) return false;
  return true;
}

/** Reads a bundle and calls `out` for each event in time order. */
export async function timeline(bundle: string, out: (e: Event) => void | Promise<void>, filter: TimelineFilter = {}, scan: ScanOptions = {}): Promise<Inventory> {
  const dir = await fsp.mkdtemp(join(tmpdir(), 'azlog-timeline-'));
  // also when the process ends early (a closed pipe: `azlog timeline … | head`)
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', cleanup);
  const spools = new Map<string, Spool>();
  let zone: string | null = null;
  try {
    const inventory = await scanBundle(bundle, (e) => {
      if (e.kind === 'system.timezone') zone = String(e.attrs.zone);
      let s = spools.get(e.file);
      if (!s) {
        const path = join(dir, `${spools.size}.jsonl`);
        s = { path, fd: openSync(path, 'w'), buf: [], size: 0, lastMs: null, count: 0, file: e.file };
        spools.set(e.file, s);
      }
      const line = encode(e) + '\n';
      s.buf.push(line); s.size += line.length; s.count++;
      if (s.size >= FLUSH_CHARS) flush(s);
    }, scan);
    for (const s of spools.values()) { flush(s); closeSync(s.fd); }
    await merge([...spools.values()], zone, filter, out);
    return inventory;
  } finally {
    for (const s of spools.values()) { try { closeSync(s.fd); } catch { /* already closed */ } }
    process.off('exit', cleanup);
    cleanup();
  }
}

/** Events of one file held back to repair local disorder; beyond it, file order wins. */
export const REORDER_WINDOW = 4096;

interface Head { e: Event; key: number; file: number; seq: number }

function less(a: Head, b: Head): boolean {
  return a.key < b.key || (a.key === b.key && (a.file < b.file || (a.file === b.file && a.seq < b.seq)));
}

class Heap {
  items: Head[] = [];
  push(h: Head): void {
    const a = this.items; a.push(h);
    let i = a.length - 1;
    while (i > 0) { const p = (i - 1) >> 1; if (!less(a[i]!, a[p]!)) break; [a[i], a[p]] = [a[p]!, a[i]!]; i = p; }
  }
  pop(): Head | undefined {
    const a = this.items; const top = a[0]; const last = a.pop();
    if (!a.length || !last) return top;
    a[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1, r = l + 1; let m = i;
      if (l < a.length && less(a[l]!, a[m]!)) m = l;
      if (r < a.length && less(a[r]!, a[m]!)) m = r;
      if (m === i) break;
      [a[i], a[m]] = [a[m]!, a[i]!]; i = m;
    }
    return top;
  }
}

/** One spool read in time order within a bounded window. */
class FileReader {
  private window = new Heap();
  private carried = -Infinity;
  private seq = 0;
  private ended = false;
  constructor(private readonly index: number, private readonly file: string, private readonly it: AsyncIterator<string>, private readonly zone: string | null) {}

  async next(): Promise<Head | undefined> {
    while (!this.ended && this.window.items.length < REORDER_WINDOW) {
      const r = await this.it.next();
      if (r.done) { this.ended = true; break; }
      const e = resolveTime(decode(r.value, this.file), this.zone);
      // an event without a time sorts just after the timed event before it (keeps tracebacks in place)
      if (e.ms !== null) this.carried = e.ms;
      this.window.push({ e, key: e.ms ?? this.carried, file: this.index, seq: this.seq++ });
    }
    return this.window.pop();
  }
}

async function merge(spools: Spool[], zone: string | null, filter: TimelineFilter, out: (e: Event) => void | Promise<void>): Promise<void> {
  const heap = new Heap();
  const readers = spools.map((s, i) => new FileReader(i, s.file, createInterface({ input: createReadStream(s.path), crlfDelay: Infinity })[Symbol.asyncIterator](), zone));
  for (const r of readers) { const h = await r.next(); if (h) heap.push(h); }
  for (let h = heap.pop(); h; h = heap.pop()) {
    if (matches(h.e, filter)) await out(h.e);
    const n = await readers[h.file]!.next();
    if (n) heap.push(n);
  }
}
