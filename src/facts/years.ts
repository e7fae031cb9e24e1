/**
 * Year-less syslog lines were given the year of their file's time, which an archive may not keep.
 * Dated lines elsewhere in the bundle say which year the logs are from: a year-less line takes the
 * year that puts it closest before the newest dated line (syslog does not run ahead of the clock).
 */
import type { Event } from '../model/types.js';
import { withUtcYear } from '../parse/time.js';

const DAY = 86400_000;


/** Re-years inferred-year events in place, from the newest explicitly dated event; returns how many moved. */
export function yearFromDatedLines(events: Event[]): number {
  let newest: number | null = null;
  for (const e of events) if (e.ms !== null && e.timeSource !== 'inferred-year' && e.timeSource !== 'none' && (newest === null || e.ms > newest)) newest = e.ms;
  if (newest === null) return 0;
  const year = new Date(newest).getUTCFullYear();
  let moved = 0;
  for (const e of events) {
    if (e.timeSource !== 'inferred-year' || e.ms === null) continue;
    let t = withUtcYear(e.ms, year);
    if (t > newest + 2 * DAY) t = withUtcYear(e.ms, year - 1);
    if (t !== e.ms) { e.ms = t; moved++; }
  }
  return moved;
}
