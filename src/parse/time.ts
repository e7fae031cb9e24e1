/** Time arithmetic without Date objects on the hot path, and time-zone resolution. */
import type { TimeSource } from '../model/types.js';

let lastDate = NaN, lastDays = 0;

/** Days since 1970-01-01 of a proleptic Gregorian date. */
export function daysFromCivil(y: number, m: number, d: number): number {
  // a log's lines share their date for hours: remember the last one
  if (m < 1 || m > 12 || d < 1 || d > 31) return civilDays(y, m, d);
  const date = (y * 16 + m) * 32 + d;
  if (date === lastDate) return lastDays;
  lastDate = date;
  lastDays = civilDays(y, m, d);
  return lastDays;
}

/** The computation itself (Howard Hinnant's algorithm). */
function civilDays(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Epoch ms of a wall-clock time read as UTC; NaN for impossible fields. */
export function wallMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms = 0): number {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return NaN;
  return (daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s) * 1000 + ms;
}

/** Two ASCII digits at `i` of `s` as a number (NaN when not digits). */
export function d2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48, b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
}

export function d4(s: string, i: number): number {
  return d2(s, i) * 100 + d2(s, i + 2);
}

/** Fraction digits starting at `i` (up to 6) → milliseconds; returns [ms, digits consumed]. */
export function fraction(s: string, i: number): [number, number] {
  let n = 0, k = 0;
  while (k < 9) {
    const c = s.charCodeAt(i + k) - 48;
    if (!(c >= 0 && c <= 9)) break;
    if (k < 3) n = n * 10 + c;
    k++;
  }
  for (let j = k; j < 3; j++) n *= 10;
  return [n, k];
}

/** d2 on bytes: two ASCII digits at `i` of `b` (NaN when not digits or past the end). */
export function byteD2(b: Uint8Array, i: number): number {
  const x = (b[i] ?? 0) - 48, y = (b[i + 1] ?? 0) - 48;
  return x >= 0 && x <= 9 && y >= 0 && y <= 9 ? x * 10 + y : NaN;
}

/** How many fraction digits start at `i` of `b` (up to 9, and up to `end`). */
export function byteDigitRun(b: Uint8Array, i: number, end: number): number {
  let k = 0;
  while (k < 9 && i + k < end) {
    const c = b[i + k]! - 48;
    if (!(c >= 0 && c <= 9)) break;
    k++;
  }
  return k;
}

/** fraction on bytes: the milliseconds of the `k` fraction digits at `i` (no tuple: it runs on every line). */
export function byteFractionMs(b: Uint8Array, i: number, k: number): number {
  let n = 0;
  for (let j = 0; j < 3; j++) n = n * 10 + (j < k ? b[i + j]! - 48 : 0);
  return n;
}

export const MONTHS: Record<string, number> = {
  Jan: 1, Feb: 2, Mar: 3, Apr: 4, May: 5, Jun: 6, Jul: 7, Aug: 8, Sep: 9, Oct: 10, Nov: 11, Dec: 12,
};

/** .NET ticks (100 ns since 0001-01-01) → epoch ms. */
export function ticksToMs(ticks: string | number): number | null {
  const t = typeof ticks === 'string' ? Number(ticks) : ticks;
  if (!Number.isFinite(t) || t <= 0) return null;
  return Math.round(t / 1e4 - 62135596800000);
}

let isoDayKey = NaN;
let isoDayText = '';

/** ISO-8601 UTC with milliseconds, like Date#toISOString; the date part is cached (timelines repeat days). */
export function iso(ms: number | null): string | null {
  if (ms === null || !Number.isFinite(ms)) return null;
  const day = Math.floor(ms / 86400000);
  if (day < 0 || day >= 2932897) { // outside years 1970–9999: the general path
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  if (day !== isoDayKey) { isoDayKey = day; isoDayText = new Date(day * 86400000).toISOString().slice(0, 11); }
  let r = ms - day * 86400000;
  const h = Math.floor(r / 3600000); r -= h * 3600000;
  const mi = Math.floor(r / 60000); r -= mi * 60000;
  const s = Math.floor(r / 1000);
  const f = Math.floor(r - s * 1000);
  return `${isoDayText}${h < 10 ? '0' : ''}${h}:${mi < 10 ? '0' : ''}${mi}:${s < 10 ? '0' : ''}${s}.${f < 10 ? '00' : f < 100 ? '0' : ''}${f}Z`;
}

/**
 * Offset (ms, local − UTC) of an IANA zone or a fixed POSIX-style zone at a UTC instant;
 * null when the zone is unknown to this Node.js.
 */
export function zoneOffsetMs(zone: string, utcMs: number): number | null {
  const fixed = /^([A-Za-z]{3,})([+-]?)(\d{1,2})(?::(\d{2}))?$/.exec(zone);
  if (fixed && !zone.includes('/')) {
    // POSIX TZ strings have inverted signs: JST-9 is UTC+9.
    const sign = fixed[2] === '-' ? 1 : -1;
    return sign * (Number(fixed[3]) * 60 + Number(fixed[4] ?? 0)) * 60000;
  }
  try {
    const fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    const p: Record<string, number> = {};
    for (const part of fmt.formatToParts(new Date(utcMs))) if (part.type !== 'literal') p[part.type] = Number(part.value);
    const local = wallMs(p.year!, p.month!, p.day!, p.hour!, p.minute!, p.second!);
    return local - Math.floor(utcMs / 1000) * 1000;
  } catch {
    return null;
  }
}

const QUARTER_MS = 15 * 60000;
/** Offsets (wall − UTC) by zone and quarter hour of wall time; Intl costs microseconds a call. */
const quarterOffsets = new Map<string, Map<number, number | null>>();

/**
 * Converts a wall-clock ms (read as UTC) in `zone` to true UTC ms. Zones change offset on quarter
 * hours, and offsets are whole quarters, so one conversion per quarter hour holds for all of it.
 */
export function localToUtc(wall: number, zone: string): number | null {
  const q = Math.floor(wall / QUARTER_MS);
  let offsets = quarterOffsets.get(zone);
  if (!offsets) { offsets = new Map(); quarterOffsets.set(zone, offsets); }
  let off = offsets.get(q);
  if (off === undefined) {
    const utc = convert(q * QUARTER_MS, zone);
    off = utc === null ? null : q * QUARTER_MS - utc;
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(q, off);
  }
  return off === null ? null : wall - off;
}

function convert(wall: number, zone: string): number | null {
  const first = zoneOffsetMs(zone, wall);
  if (first === null) return null;
  const second = zoneOffsetMs(zone, wall - first);
  return wall - (second ?? first);
}

/** UTC of a local wall-clock time: through the bundle's zone when it is known, else assumed UTC. */
export function resolveLocal(wall: number, zone: string | null): { ms: number; timeSource: TimeSource } {
  if (zone) {
    const utc = localToUtc(wall, zone);
    if (utc !== null) return { ms: utc, timeSource: `local:${zone}` };
  }
  return { ms: wall, timeSource: 'assumed-utc' };
}

/** Whether a time can say which year the logs are from (a year-less line's cannot). */
export function isDated(ms: number | null, timeSource: string): ms is number {
  return ms !== null && timeSource !== 'inferred-year' && timeSource !== 'none';
}

/** The same UTC wall-clock time in another year (for year-less lines). */
export function withUtcYear(ms: number, year: number): number {
  const d = new Date(ms);
  d.setUTCFullYear(year);
  return d.getTime();
}

/**
 * A year-less time moved to the year that puts it closest before `newest`, the newest dated time
 * of the bundle (syslog does not run ahead of the clock; two days allow for clock drift).
 */
export function yearBefore(ms: number, newest: number): number {
  const year = new Date(newest).getUTCFullYear();
  const t = withUtcYear(ms, year);
  return t > newest + 2 * 86400_000 ? withUtcYear(ms, year - 1) : t;
}

/** Milliseconds east of UTC of an ISO-8601 zone (`Z`, `+09:00`, `+0900`, `-05`). */
export function isoOffsetMs(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  return (zone[0] === '-' ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0)) * 60000;
}
