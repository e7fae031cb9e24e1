/**
 * Keeps what the causes need from a stream of events, in bounded memory: every event of an
 * interesting kind (capped per kind: the first and the latest ones), and per-minute activity of
 * the agent for liveness questions. Routine records are only counted.
 */
import { ACTIVITY_BUCKET_MIN } from '../model/activity.js';
import type { Event, TimeSource } from '../model/types.js';
import { localToUtc } from '../parse/time.js';
import type { DeferredRecord, PlainSink } from '../parse/sieve.js';

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

/** A kept event, or a record the sieve kept as its line (built only if still kept at the end). */
type Kept = Event | DeferredRecord;

function isDeferred(k: Kept): k is DeferredRecord {
  return typeof (k as DeferredRecord).event === 'function';
}

/** What a kept record costs of the budget: its text as it is kept, and a fixed overhead. */
function weight(rawChars: number, messageChars: number): number {
  return keptChars(rawChars, KEPT_RAW_CHARS) + keptChars(messageChars, KEPT_MESSAGE_CHARS) + 256;
}

/** Cuts an event's text to what is kept, in copies that share no memory with the text it was read from. */
function trimmed(e: Event): Event {
  // a kept event must not pin the whole chunk its strings were sliced from, nor hold a huge record
  e.raw = detach(e.raw.length > KEPT_RAW_CHARS ? e.raw.slice(0, KEPT_RAW_CHARS) + '…' : e.raw);
  e.message = detach(e.message.length > KEPT_MESSAGE_CHARS ? e.message.slice(0, KEPT_MESSAGE_CHARS) + '…' : e.message);
  e.file = detach(e.file);
  if (e.context) e.context = { before: e.context.before.map(detach), after: e.context.after.map(detach) };
  for (const k in e.attrs) { const v = e.attrs[k]; if (typeof v === 'string') e.attrs[k] = detach(v); }
  return e;
}

class KindBucket {
  head: Kept[] = [];
  tail: Kept[] = [];
  /** The weight of each tail entry, so a replaced one need not be looked at again. */
  private tailWeights: number[] = [];
  private next = 0;
  dropped = 0;
  /** Adds `k` weighing `w`; returns the change in kept characters. Without budget left a kind still keeps a few of each end. */
  add(k: Kept, w: number, budgetLeft: boolean): number {
    const head = budgetLeft ? HEAD_PER_KIND : MIN_PER_END, tail = budgetLeft ? TAIL_PER_KIND : MIN_PER_END;
    if (this.head.length < head) { this.head.push(k); return w; }
    if (this.tail.length < tail) { this.tail.push(k); this.tailWeights.push(w); return w; }
    this.dropped++;
    if (!this.tail.length) return 0;
    const old = this.tailWeights[this.next]!;
    this.tail[this.next] = k; // ring: keep the latest
    this.tailWeights[this.next] = w;
    this.next = (this.next + 1) % this.tail.length;
    return w - old;
  }
  all(): Event[] {
    return [...this.head, ...this.tail.slice(this.next), ...this.tail.slice(0, this.next)].map((k) => (isDeferred(k) ? trimmed(k.event()) : k));
  }
}

/** Five-minute buckets keep the set small for long logs. */
const BUCKET_MIN = ACTIVITY_BUCKET_MIN;

export interface Activity {
  /** Five-minute buckets (epoch ms / 300000, floored) in which the agent wrote a record. */
  buckets: Set<number>;
  local: boolean;
}

export class EvidenceStore implements PlainSink {
  private buckets = new Map<string, KindBucket>();
  /** Agent activity per file (waagent.log*, syslog agent lines). */
  readonly activity = new Map<string, Activity>();
  timeZone: string | null = null;
  private resolved: Event[] | null = null;
  /** Characters of text held by kept events. */
  keptChars = 0;

  // the last kind and file counted, and the last activity bucket: a log repeats them line after line
  private lastKind = '';
  private lastCount = { n: 0 };
  private lastFile = '';
  private lastActivity: Activity | null = null;
  private lastBucket = NaN;
  private readonly counts = new Map<string, { n: number }>();

  /** How many events of each kind were seen, kept or not. */
  get kindCounts(): Map<string, number> {
    return new Map([...this.counts].map(([k, c]) => [k, c.n]));
  }

  /** What every event leaves behind, kept or not: its kind's count and the agent's activity. */
  count = (kind: string, file: string, ms: number | null, timeSource: TimeSource): void => {
    if (kind !== this.lastKind) {
      let c = this.counts.get(kind);
      if (!c) { c = { n: 0 }; this.counts.set(kind, c); }
      this.lastKind = kind; this.lastCount = c;
    }
    this.lastCount.n++;
    if (ms !== null && kind.startsWith('waagent.')) {
      if (file !== this.lastFile || !this.lastActivity) {
        let a = this.activity.get(file);
        if (!a) { a = { buckets: new Set(), local: timeSource === 'local:?' }; this.activity.set(file, a); }
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
    const kept = trimmed(e);
    this.keep(e.kind, kept, weight(kept.raw.length, kept.message.length));
  };

  /** A record the sieve did not build (never a warning or an error): kept as its line like any event of its kind. */
  defer = (kind: string, file: string, ms: number | null, timeSource: TimeSource, record: DeferredRecord): void => {
    this.count(kind, file, ms, timeSource);
    if (!ROUTINE.has(kind)) this.keep(kind, record, weight(record.rawChars, record.messageChars));
  };

  private keep(kind: string, k: Kept, w: number): void {
    let b = this.buckets.get(kind);
    if (!b) { b = new KindBucket(); this.buckets.set(kind, b); }
    this.keptChars += b.add(k, w, this.keptChars < KEPT_CHARS_BUDGET);
  }

  /** All kept events with local times converted to UTC (zone from the bundle), sorted by time. */
  events(): Event[] {
    if (this.resolved) return this.resolved;
    const out: Event[] = [];
    for (const b of this.buckets.values()) for (const e of b.all()) out.push(resolveTime(e, this.timeZone));
    out.sort((a, b) => (a.ms ?? Infinity) - (b.ms ?? Infinity));
    this.resolved = out;
    return out;
  }

  /** Minutes (UTC, at five-minute resolution) in which the agent wrote records, merged over files. */
  agentMinutes(): number[] {
    const all = new Set<number>();
    for (const a of this.activity.values()) {
      let shift = 0;
      if (a.local && this.timeZone) {
        const any = a.buckets.values().next().value as number | undefined;
        if (any !== undefined) { const wall = any * BUCKET_MIN * 60000; shift = Math.round(((localToUtc(wall, this.timeZone) ?? wall) - wall) / 60000); }
      }
      for (const b of a.buckets) all.add(b * BUCKET_MIN + shift);
    }
    return [...all].sort((x, y) => x - y);
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

/** UTC of a local wall-clock time: through the bundle's zone when it is known, else assumed UTC. */
export function resolveLocal(wall: number, zone: string | null): { ms: number; timeSource: TimeSource } {
  if (zone) {
    const utc = localToUtc(wall, zone);
    if (utc !== null) return { ms: utc, timeSource: `local:${zone}` };
  }
  return { ms: wall, timeSource: 'assumed-utc' };
}
