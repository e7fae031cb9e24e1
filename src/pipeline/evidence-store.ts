/**
 * Keeps what the causes need from a stream of events, in bounded memory: every event of an
 * interesting kind (capped per kind: the first and the latest ones), and per-minute activity of
 * the agent for liveness questions. Routine records are only counted.
 */
import { ACTIVITY_BUCKET_MIN } from '../model/activity.js';
import type { Event, TimeSource } from '../model/types.js';
import { resolveLocal, yearBefore } from '../parse/time.js';
import { BucketRuns } from './bucket-runs.js';
import { decodeEvent, EventEncoder } from './event-bytes.js';
import type { BuildFn, DeferredText, PlainSink } from '../parse/sieve.js';

/** Kinds that are only counted (routine records, blank lines, generic log lines). */
const ROUTINE = new Set(['waagent.record', 'vmsnapshot.record', 'blank', 'syslog.record', 'log.record', 'collector.record',
  'collector.file', 'windows.agent.record', 'vmsnapshot.shell.record', 'waagent.event', 'vmsnapshot.freeze.block', 'waagent.update.skipped']);

const HEAD_PER_KIND = 300;
const TAIL_PER_KIND = 1700;
/** A kept event's text is cut to this much (evidence cites the first line; the HTML shows 4,000 characters). */
const KEPT_RAW_CHARS = 2048;
const KEPT_MESSAGE_CHARS = 8192;
/** Characters of kept text across all kinds; past it, buckets stop growing and only replace. */
const KEPT_CHARS_BUDGET = 24 * 1024 * 1024;
const MIN_PER_END = 10;

/** Characters a kept text is cut to: `cap` and the ellipsis. */
function keptChars(length: number, cap: number): number {
  return length > cap ? cap + 1 : length;
}

/** A record the sieve did not build, as it is handed over: its text is readable only during the call. */
interface Deferred { text: DeferredText; lineNo: number; build: BuildFn }

/** A deferred record kept among the first of its kind: its lines as text. */
interface HeldLines { lines: readonly string[]; lineNo: number; build: BuildFn }

/** A kept event, or a record the sieve kept as its lines (built only if still kept at the end). */
type Kept = Event | Deferred;

/** Whether a kept record is one the sieve deferred (it carries its builder), not an Event. */
function isDeferred<T extends { build: BuildFn }>(k: Event | T): k is T {
  return typeof (k as T).build === 'function';
}

/**
 * What a kept record costs of the budget: its characters as a built Event keeps them (cut), and a
 * fixed overhead. A deferred record is counted the same (it holds at most 2 KiB until built).
 */
function weight(rawChars: number, messageChars: number): number {
  return keptChars(rawChars, KEPT_RAW_CHARS) + keptChars(messageChars, KEPT_MESSAGE_CHARS) + 256;
}

/**
 * Cuts an event's text to what is kept, in copies that share no memory with the text it was read
 * from (`copy`: an event built at the end from a deferred record's own bytes shares none).
 */
function trimmed(e: Event, copy = true): Event {
  // a kept event must not pin the whole chunk its strings were sliced from, nor hold a huge record
  const own = copy ? detach : (s: string) => s;
  e.raw = own(e.raw.length > KEPT_RAW_CHARS ? e.raw.slice(0, KEPT_RAW_CHARS) + '…' : e.raw);
  e.message = own(e.message.length > KEPT_MESSAGE_CHARS ? e.message.slice(0, KEPT_MESSAGE_CHARS) + '…' : e.message);
  if (!copy) return e;
  e.file = detach(e.file);
  if (e.context) e.context = { before: e.context.before.map(detach), after: e.context.after.map(detach) };
  for (const k in e.attrs) { const v = e.attrs[k]; if (typeof v === 'string') e.attrs[k] = detach(v); }
  return e;
}

/**
 * The latest records of a kind, in a ring. Once the ring is full and turning over, each record is
 * held as bytes in one arena rather than as strings and objects: the ring replaces hundreds of
 * thousands of them in a large log, and as objects they would live just long enough to fill the
 * old generation. A record the sieve deferred is the UTF-8 of its lines; a built event, its
 * encoding (EncodedEvent, event-bytes.ts). Each is built back at the end. A built event that fills
 * the ring (the first TAIL_PER_KIND) stays an object: each of those is replaced once at most.
 */
class TailRing {
  private readonly weights: number[] = [];
  // a built event held as itself (undefined: the slot holds bytes)
  private readonly events: (Event | undefined)[] = [];
  // bytes: their place in the arena, the first line number and the builder (null: an encoded event)
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  private readonly lineNos: number[] = [];
  private readonly builders: (BuildFn | null)[] = [];
  // compacted in place, and replaced only to grow: a new arena at every compaction left ~78 MB of
  // dead arenas over the 150 MB bundle, kept until a full collection and counted in RSS
  private arena = Buffer.allocUnsafeSlow(0);
  private used = 0;
  private next = 0;

  get size(): number { return this.weights.length; }

  /**
   * Whether a new slot may be added: only while the oldest record is in slot 0. Once the ring has
   * turned over part way (the text budget ran out, then came back), a slot added at the end would
   * sit among the newest, out of the ring's order, which both the order of all() and compaction
   * rely on (compaction moved a record over one not yet moved).
   */
  get canGrow(): boolean { return this.next === 0 && !this.released; }

  /** Puts `k` in the next slot (a new one while `grow`, else the oldest); returns the weight it replaced. */
  put(k: Deferred | EncodedEvent | Event, w: number, grow: boolean): number {
    const slot = grow ? this.weights.length : this.next;
    const old = grow ? 0 : this.weights[slot]!;
    this.weights[slot] = w;
    if (k instanceof EncodedEvent || isDeferred(k)) {
      const text = k instanceof EncodedEvent ? k : k.text;
      const bytes = text.byteLength;
      this.events[slot] = undefined; // before compacting: the slot's old bytes, if any, are dead
      if (this.used + bytes > this.arena.length) this.compact(bytes, slot);
      text.copyTo(this.arena, this.used);
      this.offsets[slot] = this.used;
      this.lengths[slot] = bytes;
      this.used += bytes;
      this.lineNos[slot] = k.lineNo;
      this.builders[slot] = k instanceof EncodedEvent ? null : k.build;
    } else {
      this.events[slot] = k;
    }
    if (!grow) this.next = (this.next + 1) % this.weights.length;
    return old;
  }

  /**
   * Moves the live records' bytes to the front of the arena (the record in `replacing` is dead),
   * or into a new one when that would leave too little room for `more`. Records sit in the arena
   * in the ring's order, oldest first, so in place each moves towards the front and never over a
   * record not yet moved.
   */
  private compact(more: number, replacing: number): void {
    const n = this.weights.length;
    // the slot after the one being written holds the oldest record (a new slot is the last)
    const slots: number[] = [];
    let live = 0;
    for (let k = 1; k < n; k++) {
      const i = (replacing + k) % n;
      if (this.events[i]) continue; // an object, no bytes
      slots.push(i);
      live += this.lengths[i]!;
    }
    const target = 1.5 * (live + more) <= this.arena.length ? this.arena : Buffer.allocUnsafeSlow(Math.max(64 * 1024, 2 * (live + more)));
    let at = 0;
    for (const i of slots) {
      const from = this.offsets[i]!, length = this.lengths[i]!;
      if (target !== this.arena || from !== at) this.arena.copy(target, at, from, from + length); // copy allows overlap
      this.offsets[i] = at;
      at += length;
    }
    this.arena = target;
    this.used = at;
  }

  /** The arena's bytes, given up once all() has built them: the ring is not read again. */
  release(): number {
    const n = this.arena.length;
    this.arena = Buffer.allocUnsafeSlow(0);
    this.used = 0;
    this.released = true;
    return n;
  }
  private released = false;

  /** The records, oldest first, built. */
  all(): Event[] {
    if (this.released) throw new Error('evidence ring read after its bytes were given up');
    const out: Event[] = [];
    for (let n = 0; n < this.weights.length; n++) {
      const i = (this.next + n) % this.weights.length;
      const held = this.events[i];
      if (held) { out.push(held); continue; }
      const bytes = this.arena.subarray(this.offsets[i]!, this.offsets[i]! + this.lengths[i]!);
      const build = this.builders[i];
      if (!build) { out.push(decodeEvent(bytes)); continue; }
      // lines hold no newline byte: each is decoded on its own, as it was read
      const lines: string[] = [];
      for (let at = 0; ;) {
        const nl = bytes.indexOf(10, at);
        if (nl < 0) { lines.push(bytes.toString('utf8', at)); break; }
        lines.push(bytes.toString('utf8', at, nl));
        at = nl + 1;
      }
      out.push(trimmed(build(lines, this.lineNos[i]!), false));
    }
    return out;
  }
}

/**
 * A built event on its way into the ring, as bytes (event-bytes.ts): held as objects, the events
 * of a log full of errors lived just long enough to be promoted, and the ring turned them over
 * into old-generation garbage faster than V8 collected it (a 48 MB log with every fifth line an
 * ERROR peaked at ~155 MB).
 */
class EncodedEvent {
  lineNo = 0;
  byteLength = 0;
  private readonly encoder = new EventEncoder();
  set(e: Event): this {
    this.byteLength = this.encoder.encode(e);
    this.lineNo = e.line ?? 0;
    return this;
  }
  copyTo(target: Buffer, at: number): void { this.encoder.bytes.copy(target, at, 0, this.byteLength); }
}
const encoded = new EncodedEvent();

class KindBucket {
  head: (Event | HeldLines)[] = [];
  tail = new TailRing();
  dropped = 0;
  /** Adds `k` weighing `w`; returns the change in kept characters. Without budget left a kind still keeps a few of each end. */
  add(k: Kept, w: number, budgetLeft: boolean): number {
    const head = budgetLeft ? HEAD_PER_KIND : MIN_PER_END, tail = budgetLeft ? TAIL_PER_KIND : MIN_PER_END;
    if (this.head.length < head) { this.head.push(isDeferred(k) ? { lines: k.text.lines(), lineNo: k.lineNo, build: k.build } : trimmed(k)); return w; }
    if (this.tail.size < tail && this.tail.canGrow) { this.tail.put(isDeferred(k) ? k : trimmed(k), w, true); return w; }
    this.dropped++;
    if (!this.tail.size) return 0;
    // turning over, the ring holds bytes: a built event goes in encoded (cut, with no copies of its strings)
    return w - this.tail.put(isDeferred(k) ? k : encoded.set(trimmed(k, false)), w, false); // ring: keep the latest
  }
  all(): Event[] {
    return [...this.head.map((k) => (isDeferred(k) ? trimmed(k.build(k.lines, k.lineNo), false) : k)), ...this.tail.all()];
  }
}

/** Five-minute buckets keep the set small for long logs. */
const BUCKET_MIN = ACTIVITY_BUCKET_MIN;

export interface Activity {
  /** Five-minute buckets (epoch ms / 300000, floored) in which the agent wrote a record. */
  buckets: BucketRuns;
  local: boolean;
  /** Year-less times (syslog): the buckets move to the year of the bundle's dated lines. */
  yearless: boolean;
}

export class EvidenceStore implements PlainSink {
  private buckets = new Map<string, KindBucket>();
  /** Agent activity per file (waagent.log*, syslog agent lines). */
  readonly activity = new Map<string, Activity>();
  timeZone: string | null = null;
  private resolved: Event[] | null = null;
  /** Characters of text kept, as the budget counts them (for a deferred record: as it will be kept once built). */
  keptChars = 0;

  // the last kind and file counted, and the last activity bucket: a log repeats them line after line
  private lastKind = '';
  private lastCount = { n: 0 };
  private lastIsAgent = false;
  private lastFile = '';
  private lastActivity: Activity | null = null;
  private lastBucket = NaN;
  private readonly counts = new Map<string, { n: number }>();

  /** How many events of each kind were seen, kept or not. */
  get kindCounts(): Map<string, number> {
    return new Map([...this.counts].map(([k, c]) => [k, c.n]));
  }

  /**
   * The newest dated time of the agent's records, kept or not, to the end of its five-minute
   * bucket: with the kept events' own times it gives year-less lines their year (where minutes do
   * not matter), and the records a store does not keep are the agent's, whose activity it keeps.
   */
  newestDated(): number | null {
    let newest: number | null = null;
    for (const a of this.activity.values()) {
      const max = a.buckets.max;
      if (a.yearless || max === undefined) continue;
      const end = (max + 1) * BUCKET_MIN * 60000 - 1;
      const utc = a.local ? resolveLocal(end, this.timeZone).ms : end;
      if (newest === null || utc > newest) newest = utc;
    }
    return newest;
  }

  /** What every event leaves behind, kept or not: its kind's count and the agent's activity. */
  count = (kind: string, file: string, ms: number | null, timeSource: TimeSource): void => {
    if (kind !== this.lastKind) {
      let c = this.counts.get(kind);
      if (!c) { c = { n: 0 }; this.counts.set(kind, c); }
      this.lastKind = kind; this.lastCount = c; this.lastIsAgent = kind.startsWith('waagent.');
    }
    this.lastCount.n++;
    if (ms !== null && this.lastIsAgent) {
      if (file !== this.lastFile || !this.lastActivity) {
        let a = this.activity.get(file);
        if (!a) { a = { buckets: new BucketRuns(), local: timeSource === 'local:?', yearless: timeSource === 'inferred-year' }; this.activity.set(file, a); }
        this.lastFile = file; this.lastActivity = a; this.lastBucket = NaN;
      }
      const bucket = Math.floor(ms / (BUCKET_MIN * 60000));
      if (bucket !== this.lastBucket) { this.lastActivity.buckets.add(bucket); this.lastBucket = bucket; }
    }
  };

  add = (e: Event): void => {
    this.count(e.kind, e.file, e.ms, e.timeSource);
    if (e.kind === 'system.timezone') this.timeZone = String(e.attrs.zone);
    if (ROUTINE.has(e.kind) && e.level !== 'error' && e.level !== 'warning') return;
    // cut as it is kept: among the first of its kind, or as bytes in the ring (KindBucket.add)
    this.keep(e.kind, e, weight(e.raw.length, e.message.length));
  };

  /** A record the sieve did not build (never a warning or an error): kept like any event of its kind, as its text until built. */
  defer = (kind: string, file: string, ms: number | null, timeSource: TimeSource, text: DeferredText, lineNo: number, messageChars: number, build: BuildFn): void => {
    this.count(kind, file, ms, timeSource);
    if (!ROUTINE.has(kind)) this.keep(kind, { text, lineNo, build }, weight(text.rawChars, messageChars));
  };

  private keep(kind: string, k: Kept, w: number): void {
    let b = this.buckets.get(kind);
    if (!b) { b = new KindBucket(); this.buckets.set(kind, b); }
    this.keptChars += b.add(k, w, this.keptChars < KEPT_CHARS_BUDGET);
  }

  /**
   * All kept events with local times converted to UTC (zone from the bundle), sorted by time.
   * `released` hears of the bytes each kind held outside the heap, no longer needed once built.
   */
  events(released?: (bytes: number) => void): Event[] {
    if (this.resolved) return this.resolved;
    const out: Event[] = [];
    for (const b of this.buckets.values()) {
      for (const e of b.all()) out.push(resolveTime(e, this.timeZone));
      // the kind's bytes are built: the caller may give their memory back before the next kind's are
      released?.(b.tail.release());
    }
    out.sort((a, b) => (a.ms ?? Infinity) - (b.ms ?? Infinity));
    this.resolved = out;
    return out;
  }

  /** Minutes (UTC, at five-minute resolution) in which the agent wrote records, merged over files. */
  agentMinutes(): number[] {
    const perFile: number[][] = [];
    for (const a of this.activity.values()) {
      let shift = 0;
      const any = a.buckets.first;
      if (a.local && any !== undefined) {
        const wall = any * BUCKET_MIN * 60000;
        shift = Math.round((resolveLocal(wall, this.timeZone).ms - wall) / 60000);
      }
      // sized once: grown push by push, a 1.5 GB log's 240,000 minutes left copies of themselves behind
      let count = 0;
      for (const [from, to] of a.buckets.runs()) count += to - from + 1;
      const minutes = new Array<number>(count);
      let n = 0;
      for (const [from, to] of a.buckets.runs()) for (let b = from; b <= to; b++) minutes[n++] = b * BUCKET_MIN + shift;
      const newest = a.yearless ? this.newestDated() : null;
      // as the year-less lines themselves are re-yeared (facts/years.ts); a year's end can reorder them
      if (newest !== null) perFile.push(minutes.map((m) => yearBefore(m * 60000, newest) / 60000).sort((x, y) => x - y));
      else perFile.push(minutes);
    }
    if (perFile.length === 1) return perFile[0]!;
    const all = perFile.flat().sort((x, y) => x - y);
    return all.filter((m, i) => i === 0 || m !== all[i - 1]);
  }

  droppedEvents(): number {
    let n = 0;
    for (const b of this.buckets.values()) n += b.dropped;
    return n;
  }
}

/** A copy of `s` that shares no memory with the (large) string it was sliced from. */
function detach(s: string): string {
  return s.length ? (' ' + s).slice(1) : s;
}

/** Converts a local wall-clock event time to UTC in place, recording how. */
function resolveTime(e: Event, zone: string | null): Event {
  if (e.timeSource !== 'local:?') return e;
  if (e.ms === null) { e.timeSource = 'assumed-utc'; return e; }
  const r = resolveLocal(e.ms, zone);
  e.ms = r.ms; e.timeSource = r.timeSource;
  return e;
}
