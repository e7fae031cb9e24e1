/**
 * Keeps what the causes need from a stream of events, in bounded memory: every event of an
 * interesting kind (capped per kind: the first and the latest ones), and per-minute activity of
 * the agent for liveness questions. Routine records are only counted.
 */
import type { Event } from '../model/types.js';
import { localToUtc } from '../parse/time.js';

/** Kinds that are only counted (routine records, blank lines, generic log lines). */
const ROUTINE = new Set(['waagent.record', 'vmsnapshot.record', 'blank', 'syslog.record', 'log.record', 'collector.record',
  'collector.file', 'windows.agent.record', 'vmsnapshot.shell.record', 'waagent.event', 'vmsnapshot.freeze.block']);

const HEAD_PER_KIND = 300;
const TAIL_PER_KIND = 1700;

class KindBucket {
  head: Event[] = [];
  tail: Event[] = [];
  private next = 0;
  dropped = 0;
  add(e: Event): void {
    if (this.head.length < HEAD_PER_KIND) { this.head.push(e); return; }
    if (this.tail.length < TAIL_PER_KIND) { this.tail.push(e); return; }
    this.tail[this.next] = e; // ring: keep the latest
    this.next = (this.next + 1) % TAIL_PER_KIND;
    this.dropped++;
  }
  all(): Event[] {
    return [...this.head, ...this.tail.slice(this.next), ...this.tail.slice(0, this.next)];
  }
}

/** Liveness is asked at a ±30 min scale: five-minute buckets keep the set small for long logs. */
const BUCKET_MIN = 5;

export interface Activity {
  /** Five-minute buckets (epoch ms / 300000, floored) in which the agent wrote a record. */
  buckets: Set<number>;
  local: boolean;
}

export class EvidenceStore {
  private buckets = new Map<string, KindBucket>();
  readonly kindCounts = new Map<string, number>();
  /** Agent activity per file (waagent.log*, syslog agent lines). */
  readonly activity = new Map<string, Activity>();
  timeZone: string | null = null;
  private resolved: Event[] | null = null;

  add = (e: Event): void => {
    this.kindCounts.set(e.kind, (this.kindCounts.get(e.kind) ?? 0) + 1);
    if (e.kind.startsWith('waagent.') && e.ms !== null) {
      let a = this.activity.get(e.file);
      if (!a) { a = { buckets: new Set(), local: e.timeSource === 'local:?' }; this.activity.set(e.file, a); }
      a.buckets.add(Math.floor(e.ms / (BUCKET_MIN * 60000)));
    }
    if (e.kind === 'system.timezone') this.timeZone = String(e.attrs.zone);
    if (ROUTINE.has(e.kind) && e.level !== 'error' && e.level !== 'warning') return;
    // a kept event must not pin the whole chunk its strings were sliced from
    e.raw = detach(e.raw);
    e.message = detach(e.message);
    e.file = detach(e.file);
    for (const k in e.attrs) { const v = e.attrs[k]; if (typeof v === 'string') e.attrs[k] = detach(v); }
    let b = this.buckets.get(e.kind);
    if (!b) { b = new KindBucket(); this.buckets.set(e.kind, b); }
    b.add(e);
  };

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
export function resolveTime(e: Event, zone: string | null): Event {
  if (e.timeSource !== 'local:?') return e;
  if (zone && e.ms !== null) {
    const utc = localToUtc(e.ms, zone);
    if (utc !== null) { e.ms = utc; e.timeSource = `local:${zone}`; return e; }
  }
  e.timeSource = 'assumed-utc';
  return e;
}
