/**
 * An Event as bytes and back, for the evidence store's ring (evidence-store.ts). Fixed fields and
 * numbers in binary (NaN and the infinities included, which JSON would make null), the length of
 * each string in UTF-16 units, then all the strings as one UTF-8 run: one encoding call, not one
 * per string. Decoding reads the run back whole and cuts it by those lengths. A lone surrogate
 * (half a character, where a text was cut) comes back as U+FFFD, one unit like it: UTF-8 cannot
 * hold it.
 */
import type { AttrValue, Event, Level, TimeSource } from '../model/types.js';

const NO_LEVEL = 1, HAS_CONTEXT = 2;
const ATTR_STRING = 0, ATTR_NUMBER = 1, ATTR_TRUE = 2, ATTR_FALSE = 3;
/** ms, line, lines, flags, then the counts of attributes, context lines before and after. */
const FIXED = 8 + 4 + 4 + 1 + 3 * 2;

function isAttr(v: unknown): v is AttrValue {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** The strings of `e`, in the order they are written. */
function stringsOf(e: Event): string[] {
  const out = [e.timeSource, e.file, e.kind, e.level ?? '', e.raw, e.message];
  for (const k in e.attrs) {
    const v = e.attrs[k];
    if (!isAttr(v)) continue; // an undefined one goes, as in JSON
    out.push(k);
    if (typeof v === 'string') out.push(v);
  }
  if (e.context) out.push(...e.context.before, ...e.context.after);
  return out;
}

/** Encodes events into a buffer of its own, grown as needed; `bytes` holds the last one. */
export class EventEncoder {
  bytes = Buffer.allocUnsafeSlow(16 * 1024);

  /** Encodes `e` into `bytes` from 0; returns how many bytes it took. */
  encode(e: Event): number {
    const strings = stringsOf(e);
    let units = 0, attrs = 0;
    for (const s of strings) units += s.length;
    for (const k in e.attrs) if (isAttr(e.attrs[k])) attrs++;
    // three bytes per UTF-16 unit is the most UTF-8 takes
    const bound = FIXED + 9 * attrs + 4 * strings.length + 3 * units;
    if (bound > this.bytes.length) this.bytes = Buffer.allocUnsafeSlow(bound);
    const buf = this.bytes;
    buf.writeDoubleLE(e.ms ?? NaN, 0);
    buf.writeInt32LE(e.line ?? -1, 8);
    buf.writeInt32LE(e.lines, 12);
    buf[16] = (e.level === null ? NO_LEVEL : 0) | (e.context ? HAS_CONTEXT : 0);
    buf.writeUInt16LE(attrs, 17);
    buf.writeUInt16LE(e.context?.before.length ?? 0, 19);
    buf.writeUInt16LE(e.context?.after.length ?? 0, 21);
    let at = FIXED;
    for (const k in e.attrs) {
      const v = e.attrs[k];
      if (typeof v === 'string') buf[at++] = ATTR_STRING;
      else if (typeof v === 'number') { buf[at++] = ATTR_NUMBER; buf.writeDoubleLE(v, at); at += 8; } else if (typeof v === 'boolean') buf[at++] = v ? ATTR_TRUE : ATTR_FALSE;
    }
    for (const s of strings) { buf.writeUInt32LE(s.length, at); at += 4; }
    return at + buf.write(strings.join(''), at);
  }
}

/** The event an EventEncoder wrote into `buf`. */
export function decodeEvent(buf: Buffer): Event {
  const ms = buf.readDoubleLE(0), line = buf.readInt32LE(8), lines = buf.readInt32LE(12), flags = buf[16]!;
  const attrCount = buf.readUInt16LE(17), before = buf.readUInt16LE(19), after = buf.readUInt16LE(21);
  let at = FIXED;
  const types: number[] = [], numbers: number[] = [];
  for (let n = 0; n < attrCount; n++) {
    const type = buf[at++]!;
    types.push(type);
    if (type === ATTR_NUMBER) { numbers.push(buf.readDoubleLE(at)); at += 8; }
  }
  let stringCount = 6 + before + after;
  for (const type of types) stringCount += type === ATTR_STRING ? 2 : 1;
  const lengths: number[] = [];
  for (let n = 0; n < stringCount; n++) { lengths.push(buf.readUInt32LE(at)); at += 4; }
  const text = buf.toString('utf8', at);
  let pos = 0, next = 0;
  const str = () => { const s = text.slice(pos, pos + lengths[next]!); pos += lengths[next++]!; return s; };
  const timeSource = str() as TimeSource, file = str(), kind = str(), level = str(), raw = str(), message = str();
  const attrs: Record<string, AttrValue> = {};
  let number = 0;
  for (const type of types) {
    const k = str();
    attrs[k] = type === ATTR_STRING ? str() : type === ATTR_NUMBER ? numbers[number++]! : type === ATTR_TRUE;
  }
  const e: Event = { ms: Number.isNaN(ms) ? null : ms, timeSource, file, line: line < 0 ? null : line, lines, kind, level: flags & NO_LEVEL ? null : level as Level, message, raw, attrs };
  if (flags & HAS_CONTEXT) {
    const b = Array.from({ length: before }, str);
    e.context = { before: b, after: Array.from({ length: after }, str) };
  }
  return e;
}
