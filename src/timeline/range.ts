/**
 * `timeline --since/--until`: ISO-8601 bounds. A time without a zone is read as UTC (the
 * timeline is printed in UTC, so a time copied from it means what it says); a date alone covers
 * the whole day. Anything else is refused rather than guessed.
 */
import { UsageError } from '../errors.js';
import { fraction, isoOffsetMs, wallMs } from '../parse/time.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const DAY_MS = 86400000;

/** Epoch ms of a bound; `until` of a date alone is the last millisecond of that day. */
export function parseBound(option: 'since' | 'until', text: string): number {
  const m = ISO.exec(text.trim());
  const fail = () => new UsageError(`--${option}: not an ISO-8601 date or time: ${text} (e.g. 2024-06-11, 2024-06-11T03:12:00Z; a time without a zone is UTC)`);
  if (!m) throw fail();
  const [, y, mo, d, h, mi, s, f, zone] = m;
  const ms = f ? fraction(f, 0)[0] : 0;
  let t = wallMs(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), ms);
  if (Number.isNaN(t) || (s !== undefined && Number(s) > 59)) throw fail();
  if (zone && zone.toUpperCase() !== 'Z') {
    // zones lie within ±14:00, and an offset's minutes below 60
    const digits = zone.slice(1).replace(':', '');
    if (Number(digits.slice(0, 2)) > 14 || Number(digits.slice(2) || 0) > 59) throw fail();
  }
  if (zone) t -= isoOffsetMs(zone);
  if (h === undefined && option === 'until') t += DAY_MS - 1;
  return t;
}
