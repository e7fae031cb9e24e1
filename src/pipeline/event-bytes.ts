/**
 * An Event as bytes and back, for the evidence store's ring (evidence-store.ts): fixed fields in
 * binary, each string as its UTF-8 behind a 32-bit length. About three times as fast as
 * JSON.stringify of the event (1.2 against 2.9 µs for an error record with context), which on a
 * log full of errors is most of what holding the events as bytes costs. A lone surrogate (half
 * a character, where a text was cut) comes back as U+FFFD, as UTF-8 has no way to hold it.
 */
import type { AttrValue, Event, Level, TimeSource } from '../model/types.js';

const NO_LEVEL = 1, HAS_CONTEXT = 2;

/** Writes `e` into `buf` from 0 (which must hold eventBytesBound(e)); returns the bytes written. */
export function encodeEvent(e: Event, buf: Buffer): number {
  buf.writeDoubleLE(e.ms ?? NaN, 0);
  buf.writeInt32LE(e.line ?? -1, 8);
  buf.writeInt32LE(e.lines, 12);
  buf[16] = (e.level === null ? NO_LEVEL : 0) | (e.context ? HAS_CONTEXT : 0);
  let at = 17;
  const str = (s: string) => { const n = buf.write(s, at + 4); buf.writeUInt32LE(n, at); at += 4 + n; };
  str(e.timeSource); str(e.file); str(e.kind); str(e.level ?? ''); str(e.raw); str(e.message); str(JSON.stringify(e.attrs));
  if (e.context) {
    for (const side of [e.context.before, e.context.after]) {
      buf.writeUInt32LE(side.length, at); at += 4;
      for (const s of side) str(s);
    }
  }
  return at;
}

/** Bytes enough to encode `e` (three per UTF-16 unit is the most UTF-8 takes). */
export function eventBytesBound(e: Event): number {
  let chars = e.timeSource.length + e.file.length + e.kind.length + 8 + e.raw.length + e.message.length;
  for (const k in e.attrs) { const v = e.attrs[k]; chars += k.length + 8 + (typeof v === 'string' ? 2 * v.length : 24); }
  let strings = 7;
  if (e.context) for (const s of [...e.context.before, ...e.context.after]) { chars += s.length; strings++; }
  return 17 + 8 + 4 * strings + 3 * chars;
}

/** The event `encodeEvent` wrote into `buf`. */
export function decodeEvent(buf: Buffer): Event {
  const ms = buf.readDoubleLE(0), line = buf.readInt32LE(8), lines = buf.readInt32LE(12), flags = buf[16]!;
  let at = 17;
  const str = () => { const n = buf.readUInt32LE(at); const s = buf.toString('utf8', at + 4, at + 4 + n); at += 4 + n; return s; };
  const timeSource = str() as TimeSource, file = str(), kind = str(), level = str(), raw = str(), message = str();
  const attrs = JSON.parse(str()) as Record<string, AttrValue>;
  const e: Event = { ms: Number.isNaN(ms) ? null : ms, timeSource, file, line: line < 0 ? null : line, lines, kind, level: flags & NO_LEVEL ? null : level as Level, message, raw, attrs };
  if (flags & HAS_CONTEXT) {
    const side = () => { const n = buf.readUInt32LE(at); at += 4; return Array.from({ length: n }, str); };
    const before = side();
    e.context = { before, after: side() };
  }
  return e;
}
