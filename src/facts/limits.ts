/**
 * Published limits as they stood at a given time: a bundle from 2019 is judged by the rules of 2019.
 * Each table lists the date a value took effect, oldest first (sources in README "Limits over time").
 */

interface Dated<T> { from: string; value: T; source: string }

/** Minimum supported Linux agent (Microsoft's minimum-version policy for VM agents). */
const MIN_AGENT: Dated<string>[] = [
  { from: '2017-11-01', value: '2.2.10', source: 'minimum agent version policy, first edition' },
  { from: '2022-07-01', value: '2.2.53.1', source: 'minimum agent version policy, July 2022 (FORMATS.md §5, S8)' },
];

const TIB = 1024 ** 4;
const GIB = 1024 ** 3;

/** Largest disk Azure Backup accepts, in bytes (unencrypted, encrypted). */
const DISK_LIMIT: Dated<{ plain: number; encrypted: number }>[] = [
  { from: '2016-01-01', value: { plain: 1023 * GIB, encrypted: 1023 * GIB }, source: 'troubleshooting article, 2018 edition: 1023 GB' },
  { from: '2018-06-01', value: { plain: 4095 * GIB, encrypted: 4095 * GIB }, source: 'later edition: 4095 GB' },
  { from: '2020-01-01', value: { plain: 32 * TIB, encrypted: 4 * TIB }, source: 'current edition: 32 TB, 4 TB for encrypted disks' },
];

function at<T>(table: Dated<T>[], ms: number | null): Dated<T> | null {
  const when = ms ?? Date.now();
  let hit: Dated<T> | null = null;
  for (const row of table) if (Date.parse(row.from) <= when) hit = row;
  return hit;
}

/** The supported minimum when the logs were written; null before any minimum was published. */
export function minAgentAt(ms: number | null): string | null { return at(MIN_AGENT, ms)?.value ?? null; }

/** The newest minimum, for the fix text. */
export const CURRENT_MIN_AGENT = MIN_AGENT.at(-1)!.value;

export function diskLimitAt(ms: number | null): { plain: number; encrypted: number } { return (at(DISK_LIMIT, ms) ?? DISK_LIMIT[0]!).value; }

/** A size for people: TiB with one decimal, or GiB below 1 TiB. */
export function formatSize(bytes: number): string {
  return bytes >= TIB ? `${(bytes / TIB).toFixed(1).replace(/\.0$/, '')} TiB` : `${Math.round(bytes / GIB)} GiB`;
}
