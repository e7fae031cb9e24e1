/** Agent and extension versions: read strictly, compared numerically, unknown when unreadable. */
import { memoByText } from '../parse/memo.js';

/** The numeric parts of a version such as `2.2.53.1` or `WALinuxAgent-2.2.45`; null when it has none. */
function parseVersion(text: string | null | undefined): readonly number[] | null {
  return text ? parseVersionText(text) : null;
}

// a log names the same few versions thousands of times (every heartbeat), and sorting compares them often
const parseVersionText = memoByText((text: string): readonly number[] | null => {
  const m = /(?:^|[^\d.])(\d+(?:\.\d+){1,3})(?![\d.]*\d)/.exec(` ${text.trim()}`);
  const numbers = m ? m[1]!.split('.').map(Number) : null;
  return numbers && numbers.every(Number.isFinite) ? numbers : null;
}, 1024);

/** Numeric comparison; null when either side cannot be read (never a string comparison). */
export function compareVersions(a: string | null | undefined, b: string | null | undefined): number | null {
  const pa = parseVersion(a), pb = parseVersion(b);
  if (!pa || !pb) return null;
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Sort helper: unreadable versions first, so the newest readable one ends a sorted list. */
export function byVersion(a: string, b: string): number {
  return compareVersions(a, b) ?? (parseVersion(a) ? 1 : parseVersion(b) ? -1 : 0);
}
