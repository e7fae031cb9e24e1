/**
 * Year-less syslog lines were given the year of their file's time, which an archive may not keep.
 * Dated lines elsewhere in the bundle say which year the logs are from: a year-less line takes the
 * year that puts it closest before the newest dated line (syslog does not run ahead of the clock).
 */
import type { Event } from '../model/types.js';
import { isDated, yearBefore } from '../parse/time.js';

/**
 * Re-years inferred-year events in place, from the newest dated time: of the events, or `seen`
 * (that of the records not kept, to within five minutes, which cannot change a year but within
 * five minutes of the two days' allowance); returns how many moved.
 */
export function yearFromDatedLines(events: Event[], seen: number | null = null): number {
  let newest: number | null = seen;
  for (const e of events) if (isDated(e.ms, e.timeSource) && (newest === null || e.ms > newest)) newest = e.ms;
  if (newest === null) return 0;
  let moved = 0;
  for (const e of events) {
    if (e.timeSource !== 'inferred-year' || e.ms === null) continue;
    const t = yearBefore(e.ms, newest);
    if (t !== e.ms) { e.ms = t; moved++; }
  }
  return moved;
}
