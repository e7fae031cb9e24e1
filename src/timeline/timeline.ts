/**
 * `azlog timeline`: every event of every file, merged by UTC time. Each event is formatted once,
 * as it is read, and its bytes go to one private spool file (not the bundle's content: its
 * formatted events) with a binary key index beside it; the files of a bundle arrive one after
 * another, so each file is one contiguous segment of the spool. The segments are then merged
 * k-way with a heap, copying bytes without parsing them again: memory stays bounded by the number
 * of files, not their size. Equal times keep file order, then line order. Inside one file a
 * bounded window (REORDER_WINDOW events) puts records written out of order back in place —
 * VMSnapshot flushes the lines buffered during a freeze after the record that ends it. The window
 * works on UTC keys, which for local-time logs are only known once /etc/timezone has been read
 * (usually the last file of a bundle), and for year-less syslog lines once the newest dated line
 * is known, so it runs during the merge.
 */
import { closeSync, openSync, promises as fsp, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Event, Level, TimeSource } from '../model/types.js';
import { scanBundle, type Inventory, type ScanOptions } from '../pipeline/scan.js';
import { redact } from '../report/redact.js';
import { formatter, type TimelineFormat } from './format.js';
import type { PlainSink } from '../parse/sieve.js';
import { SIEVE_PLAIN_KINDS } from '../parse/dispatch.js';
import { isDated, resolveLocal, yearBefore } from '../parse/time.js';

export interface TimelineFilter {
  since?: number; until?: number;
  levels?: Set<Level>;
  kinds?: string[];
  file?: string;
}

export interface TimelineOptions {
  format?: TimelineFormat;
  filter?: TimelineFilter;
  /** Keep secrets in the output (never the default). */
  noRedact?: boolean;
  /** CSV for Excel: a BOM and CRLF line ends. */
  excel?: boolean;
  scan?: ScanOptions;
  /** Build every record through the whole grammar, whatever the filters (the reference the faster reading is tested against). */
  fullGrammar?: boolean;
}

export interface TimelineResult {
  inventory: Inventory;
  /** Events written. */
  events: number;
  /** First and last UTC time among the events that passed every filter but the time range (null: none, or `--kinds` counted without reading times). */
  span: [number, number] | null;
}

/** Filters that do not depend on the time, applied while reading. */
function keep(e: Pick<Event, 'level' | 'kind' | 'file'>, f: TimelineFilter): boolean {
  if (f.levels && (!e.level || !f.levels.has(e.level))) return false;
  return keepKindAndFile(e.kind, e.file, f);
}

function keepKindAndFile(kind: string, file: string, f: TimelineFilter): boolean {
  return (!f.kinds || keepKind(kind, f.kinds)) && (!f.file || file.includes(f.file));
}

/** A kind given, or under a prefix given (`waagent.http` covers `waagent.http.failed`). */
function keepKind(kind: string, kinds: readonly string[]): boolean {
  return kinds.some((k) => kind === k || kind.startsWith(k.endsWith('.') ? k : k + '.'));
}

/**
 * Why the filter drops the records a sieve leaves unbuilt in the files it keeps: by level (none is
 * a warning or an error), or by kind (the plain ones are of one kind per grammar; a deferred one's
 * kind is known, so it is built only if it may pass); null when it may keep plain records.
 */
function routineDropped(f: TimelineFilter): 'level' | 'kind' | null {
  if (f.levels && !f.levels.has('info') && !f.levels.has('verbose')) return 'level';
  const kinds = f.kinds;
  if (kinds && SIEVE_PLAIN_KINDS.every((k) => !keepKind(k, kinds))) return 'kind';
  return null;
}

/** Reads a bundle and writes its timeline, in time order, through `write`. */
export async function timeline(bundle: string, write: (chunk: Buffer | string) => void | Promise<void>, options: TimelineOptions = {}): Promise<TimelineResult> {
  const fmt = formatter(options.format ?? 'text', options.noRedact ? (s) => s : redact, options.excel);
  if (fmt.start) await write(fmt.start);
  const out = new OutputBuffer(write);
  const r = await mergedEvents(bundle, {
    tail: fmt.tail, head: fmt.head, filter: options.filter ?? {}, scan: options.scan ?? {}, fullGrammar: options.fullGrammar,
    emit: (ms, src, chunk, off, len, headed) => out.add(headed ? '' : fmt.head(ms, src), chunk, off, len),
  });
  await out.flush();
  return r;
}

/** Counts the events of each kind that pass the filter (`timeline --kinds`). */
export async function timelineKinds(bundle: string, filter: TimelineFilter = {}, scan: ScanOptions = {}): Promise<{ kinds: Map<string, number>; result: TimelineResult }> {
  const kinds = new Map<string, number>();
  if (filter.since === undefined && filter.until === undefined && !filter.levels) {
    // no filter needs a record's time or level: count as analyze reads, the sieve leaving routine records unbuilt
    let events = 0;
    const add = (kind: string, file: string) => {
      if (!keep({ level: null, kind, file }, filter)) return;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      events++;
    };
    const plain: PlainSink = { count: (kind, file) => add(kind, file), defer: (kind, file) => add(kind, file) };
    const inventory = await scanBundle(bundle, (e) => add(e.kind, e.file), { ...scan, plain });
    return { kinds, result: { inventory, events, span: null } };
  }
  const result = await mergedEvents(bundle, {
    tail: (e) => e.kind, filter, scan,
    emit: (_ms, _src, chunk, off, len) => {
      const k = chunk.toString('utf8', off, off + len);
      kinds.set(k, (kinds.get(k) ?? 0) + 1);
    },
  });
  return { kinds, result };
}

/**
 * Collects output into large buffers: one write per MiB, not per event. Records that follow each
 * other in the spool with no head between them (in order, heads written while reading) are
 * copied as one run.
 */
class OutputBuffer {
  private buf = Buffer.allocUnsafe(OUT_BYTES);
  private len = 0;
  private run: Buffer | null = null;
  private runFrom = 0;
  private runTo = 0;
  constructor(private readonly write: (chunk: Buffer) => void | Promise<void>) {}
  /** Adds `head` then `len` bytes of `chunk` from `off`; a promise only when the buffer had to be written. */
  add(head: string, chunk: Buffer, off: number, len: number): Promise<void> | void {
    if (!head && chunk === this.run && off === this.runTo && this.len + (this.runTo - this.runFrom) + len <= this.buf.length) { this.runTo += len; return; }
    this.endRun();
    if (this.len + head.length * 3 + len > this.buf.length) return this.flush(head.length * 3 + len).then(() => this.add(head, chunk, off, len));
    if (!head) { this.run = chunk; this.runFrom = off; this.runTo = off + len; return; }
    // heads are short and nearly always ASCII: copied by hand, cheaper than a call into Buffer#write
    let i = 0;
    for (const b = this.buf, at = this.len; i < head.length; i++) { const c = head.charCodeAt(i); if (c > 127) break; b[at + i] = c; }
    this.len += i < head.length ? i + this.buf.write(head.slice(i), this.len + i, 'utf8') : i;
    this.len += chunk.copy(this.buf, this.len, off, off + len);
  }
  private endRun(): void {
    if (this.run) { this.len += this.run.copy(this.buf, this.len, this.runFrom, this.runTo); this.run = null; }
  }
  async flush(next = 0): Promise<void> {
    this.endRun();
    // a new buffer each time: the stream may still hold the old one
    if (this.len) { const b = this.buf.subarray(0, this.len); this.buf = Buffer.allocUnsafe(Math.max(OUT_BYTES, next)); this.len = 0; await this.write(b); }
  }
}

const OUT_BYTES = 1 << 20;

/** `headed`: the bytes start with their head, written while reading because the time was final then. */
type Emit = (ms: number | null, timeSource: string, chunk: Buffer, off: number, len: number, headed: boolean) => void | Promise<void>;

interface MergeOptions {
  /** The bytes of an event after its time. */
  tail: (e: Event) => string;
  /** The time in front of them: with it, an event whose time is final as read is spooled with its head. */
  head?: (ms: number | null, timeSource: string) => string;
  filter: TimelineFilter;
  scan: ScanOptions;
  emit: Emit;
  /** Build every record, whatever the filter (TimelineOptions.fullGrammar). */
  fullGrammar?: boolean;
}

/**
 * Scans, spools and merges; `emit` gets each event that passes the filter, in time order. With
 * `head`, an event whose time is final as it is read (all but local times, which wait for the
 * zone) is spooled with its head in front, so the merge only copies it.
 */
async function mergedEvents(bundle: string, { tail, head, filter, scan, emit, fullGrammar = false }: MergeOptions): Promise<TimelineResult> {
  const dir = await fsp.mkdtemp(join(tmpdir(), 'azlog-timeline-'));
  // also when the process ends early (a closed pipe: `azlog timeline … | head`)
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', cleanup);
  const spool = new Spool(join(dir, 'events'), join(dir, 'index'));
  let zone: string | null = null;
  // the newest dated time gives year-less lines their year, as in analyze (facts/years.ts)
  const newest = new NewestDated();
  const onEvent = (e: Event): void => {
    if (e.kind === 'system.timezone') zone = String(e.attrs.zone);
    newest.see(e.ms, e.timeSource);
    if (!keep(e, filter)) return;
    // a local time waits for the zone, a year-less one for the newest dated time: their heads are written at the merge
    if (head && !(e.ms !== null && (e.timeSource === 'local:?' || e.timeSource === 'inferred-year'))) spool.add(e, head(e.ms, e.timeSource) + tail(e), true);
    else spool.add(e, tail(e), false);
  };
  // When the filter drops every plain record (by level: routine records are never a warning or an
  // error; or by kind), the sieve reads as analyze does: plain records are only seen for their
  // time (it may be the newest dated one), and a deferred record is built only if its kind may pass.
  const dropped = fullGrammar ? null : routineDropped(filter);
  const seen = (_kind: string, _file: string, ms: number | null, ts: TimeSource) => newest.see(ms, ts);
  const sieved: PlainSink | undefined = dropped ? {
    count: seen,
    defer: (kind, file, ms, ts, text, lineNo, _chars, build) => {
      if (dropped === 'kind' && keepKindAndFile(kind, file, filter)) onEvent(build(text.lines(), lineNo));
      else newest.see(ms, ts);
    },
  } : undefined;
  // a file --file leaves out gives no event: its routine records are only seen for their times
  const unread: PlainSink = { count: seen, defer: seen };
  const plain = fullGrammar ? undefined : (file: string) => (filter.file && !file.includes(filter.file) ? unread : sieved);
  try {
    const inventory = await scanBundle(bundle, onEvent, { ...scan, plain });
    spool.finish();
    const { events, span } = await merge(spool, { zone, newest: newest.value(zone) }, filter, emit);
    return { inventory, events, span };
  } finally {
    spool.close();
    process.off('exit', cleanup);
    cleanup();
  }
}

/** Bytes of one index record: f64 time (NaN: none), u32 length of the formatted bytes, u16 time source, u8 1 when headed. */
const REC = 16;
/** Formatted events are encoded straight into this buffer, written to the spool when it is full. */
const DATA_BYTES = 1 << 18;
const INDEX_BYTES = REC * 4096;

interface Segment { file: string; data: number; end: number; index: number; count: number }

/** The spool: formatted events in one file, their keys in another, one segment per source file. */
class Spool {
  readonly dataFd: number;
  readonly indexFd: number;
  private dataPos = 0;
  private data = Buffer.allocUnsafe(DATA_BYTES);
  private dataLen = 0;
  private index = Buffer.allocUnsafe(INDEX_BYTES);
  private view = new DataView(this.index.buffer, this.index.byteOffset, this.index.byteLength);
  private indexLen = 0;
  private records = 0;
  readonly segments: Segment[] = [];
  private cur: Segment | null = null;
  readonly sources: string[] = [];
  private sourceIds = new Map<string, number>();
  private closed = false;

  constructor(dataPath: string, indexPath: string) {
    this.dataFd = openSync(dataPath, 'w+');
    this.indexFd = openSync(indexPath, 'w+');
  }

  add(e: Event, text: string, headed: boolean): void {
    const at = this.dataPos + this.dataLen;
    if (this.cur?.file !== e.file) {
      if (this.cur) this.cur.end = at;
      this.cur = { file: e.file, data: at, end: at, index: this.records, count: 0 };
      this.segments.push(this.cur);
    }
    let src = this.sourceIds.get(e.timeSource);
    if (src === undefined) { src = this.sources.length; this.sources.push(e.timeSource); this.sourceIds.set(e.timeSource, src); }
    if (this.indexLen + REC > INDEX_BYTES) this.flushIndex();
    // encoded in place: one copy, and the byte length comes with it
    if (this.dataLen + text.length * 3 > DATA_BYTES) this.flushData();
    let bytes: number;
    if (text.length * 3 <= DATA_BYTES) {
      bytes = this.data.write(text, this.dataLen);
      this.dataLen += bytes;
    } else {
      const big = Buffer.from(text, 'utf8');
      bytes = writeSync(this.dataFd, big, 0, big.length, this.dataPos);
      this.dataPos += bytes;
    }
    this.view.setFloat64(this.indexLen, e.ms ?? NaN, true);
    this.view.setUint32(this.indexLen + 8, bytes, true);
    this.view.setUint16(this.indexLen + 12, src, true);
    this.view.setUint8(this.indexLen + 14, headed ? 1 : 0);
    this.indexLen += REC;
    this.records++;
    this.cur.count++;
  }

  private flushData(): void {
    if (this.dataLen) { writeSync(this.dataFd, this.data, 0, this.dataLen, this.dataPos); this.dataPos += this.dataLen; this.dataLen = 0; }
  }

  private flushIndex(): void {
    if (this.indexLen) { writeSync(this.indexFd, this.index, 0, this.indexLen, (this.records - this.indexLen / REC) * REC); this.indexLen = 0; }
  }

  finish(): void {
    this.flushData();
    if (this.cur) this.cur.end = this.dataPos;
    this.flushIndex();
    this.index = Buffer.alloc(0);
    this.data = Buffer.alloc(0);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.dataFd);
    closeSync(this.indexFd);
  }
}

/** Events of one file held back to repair local disorder; beyond it, file order wins. */
export const REORDER_WINDOW = 4096;

/** A record on its way out: its bytes are `len` bytes of `chunk` from `off` (no Buffer per record). */
interface Head { key: number; ms: number | null; src: string; seg: number; seq: number; chunk: Buffer; off: number; len: number; headed: boolean }

function less(a: Head, b: Head): boolean {
  return a.key < b.key || (a.key === b.key && (a.seg < b.seg || (a.seg === b.seg && a.seq < b.seq)));
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

/** Read-ahead per segment: small, so that a bundle of many files stays small in memory. */
const READ_BYTES = 64 * 1024;

/**
 * The reorder window of one segment, kept sorted: records nearly always arrive in order, so a
 * push is an append and a pop takes the front; a late record is inserted where it belongs.
 */
class SortedWindow {
  private items: Head[] = [];
  private front = 0;
  get size(): number { return this.items.length - this.front; }
  push(h: Head): void {
    const a = this.items;
    if (a.length === this.front || !less(h, a[a.length - 1]!)) { a.push(h); return; }
    let lo = this.front, hi = a.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (less(h, a[mid]!)) hi = mid; else lo = mid + 1; }
    a.splice(lo, 0, h);
  }
  pop(): Head | undefined {
    if (this.front === this.items.length) return undefined;
    const h = this.items[this.front++];
    if (this.front > 4096 && this.front * 2 > this.items.length) { this.items = this.items.slice(this.front); this.front = 0; }
    return h;
  }
}

/** What the merge learns only once every file is read: the time zone and the newest dated time. */
interface Resolve { zone: string | null; newest: number | null }

/**
 * The newest dated time among events as they are read. A local time is kept as wall-clock time
 * and converted when asked, since the zone file usually comes after the logs.
 */
class NewestDated {
  private utc = -Infinity;
  private localWall = -Infinity;
  see(ms: number | null, timeSource: string): void {
    if (ms === null) return;
    if (timeSource === 'local:?') { if (ms > this.localWall) this.localWall = ms; }
    else if (ms > this.utc && isDated(ms, timeSource)) this.utc = ms;
  }
  value(zone: string | null): number | null {
    const local = this.localWall === -Infinity ? -Infinity : resolveLocal(this.localWall, zone).ms;
    const newest = Math.max(this.utc, local);
    return newest === -Infinity ? null : newest;
  }
}

/** One segment read in time order within a bounded window. */
class SegmentReader {
  private window = new SortedWindow();
  private carried = -Infinity;
  private seq = 0;
  private index = Buffer.alloc(0);
  private view = new DataView(new ArrayBuffer(0));
  private indexAt = 0; // next record (segment-relative) to take from `index`
  private indexFrom = 0; // segment-relative record number of index[0]
  private chunk = Buffer.alloc(0);
  private chunkAt = 0; // spool offset of chunk[0]
  private dataAt: number; // spool offset of the next record's bytes
  constructor(private readonly spool: Spool, private readonly n: number, private readonly seg: Segment, private readonly resolve: Resolve) {
    this.dataAt = seg.data;
  }

  private record(): Head | undefined {
    if (this.seq >= this.seg.count) return undefined;
    if (this.indexAt >= this.indexFrom + this.index.length / REC) {
      const n = Math.min(READ_BYTES / REC, this.seg.count - this.seq);
      this.index = Buffer.allocUnsafe(n * REC);
      this.view = new DataView(this.index.buffer, this.index.byteOffset, this.index.byteLength);
      readSync(this.spool.indexFd, this.index, 0, n * REC, (this.seg.index + this.seq) * REC);
      this.indexFrom = this.seq;
    }
    const o = (this.seq - this.indexFrom) * REC;
    this.indexAt = this.seq + 1;
    const wall = this.view.getFloat64(o, true), len = this.view.getUint32(o + 8, true);
    let src = this.spool.sources[this.view.getUint16(o + 12, true)]!;
    const headed = this.view.getUint8(o + 14) === 1;
    if (this.dataAt + len > this.chunkAt + this.chunk.length) {
      this.chunk = Buffer.allocUnsafe(Math.max(len, Math.min(READ_BYTES, this.seg.end - this.dataAt)));
      readSync(this.spool.dataFd, this.chunk, 0, this.chunk.length, this.dataAt);
      this.chunkAt = this.dataAt;
    }
    const off = this.dataAt - this.chunkAt;
    this.dataAt += len;
    let ms: number | null = Number.isNaN(wall) ? null : wall;
    if (ms !== null && src === 'local:?') { const r = resolveLocal(ms, this.resolve.zone); ms = r.ms; src = r.timeSource; }
    else if (ms !== null && src === 'inferred-year' && this.resolve.newest !== null) ms = yearBefore(ms, this.resolve.newest);
    // an event without a time sorts just after the timed event before it (keeps tracebacks in place)
    if (ms !== null) this.carried = ms;
    return { key: ms ?? this.carried, ms, src, seg: this.n, seq: this.seq++, chunk: this.chunk, off, len, headed };
  }

  next(): Head | undefined {
    while (this.window.size < REORDER_WINDOW) {
      const h = this.record();
      if (!h) break;
      this.window.push(h);
    }
    return this.window.pop();
  }
}

async function merge(spool: Spool, resolve: Resolve, filter: TimelineFilter, emit: Emit): Promise<{ events: number; span: [number, number] | null }> {
  const heap = new Heap();
  const readers = spool.segments.map((s, i) => new SegmentReader(spool, i, s, resolve));
  for (const r of readers) { const h = r.next(); if (h) heap.push(h); }
  let events = 0, first = Infinity, last = -Infinity;
  const ranged = filter.since !== undefined || filter.until !== undefined;
  for (let h = heap.pop(); h; h = heap.pop()) {
    if (h.ms !== null) { if (h.ms < first) first = h.ms; if (h.ms > last) last = h.ms; }
    if (!ranged || (h.ms !== null && (filter.since === undefined || h.ms >= filter.since) && (filter.until === undefined || h.ms <= filter.until))) {
      events++;
      const p = emit(h.ms, h.src, h.chunk, h.off, h.len, h.headed);
      if (p) await p;
    }
    const n = readers[h.seg]!.next();
    if (n) heap.push(n);
  }
  return { events, span: first <= last ? [first, last] : null };
}
