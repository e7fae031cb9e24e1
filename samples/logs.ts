/** Line writers in the exact shapes of FORMATS.md, for generating sample bundles and tests. */
const p2 = (n: number) => String(n).padStart(2, '0');
const p6 = (n: number) => String(n).padStart(6, '0');

function parts(ms: number) {
  const d = new Date(ms);
  return { y: d.getUTCFullYear(), mo: p2(d.getUTCMonth() + 1), d: p2(d.getUTCDate()), h: p2(d.getUTCHours()), mi: p2(d.getUTCMinutes()), s: p2(d.getUTCSeconds()), us: p6((ms % 1000) * 1000 + 123) };
}

export const HANDLER = 'Microsoft.Azure.RecoveryServices.VMSnapshotLinux';
export const MIN = 60_000;
export const HOUR = 3_600_000;

/** G4 (≥2.2.47): ISO UTC, level, thread, prefix. */
export function g4(ms: number, level: string, thread: string, prefix: string, msg: string): string {
  const t = parts(ms);
  return `${t.y}-${t.mo}-${t.d}T${t.h}:${t.mi}:${t.s}.${t.us}Z ${level} ${thread} ${prefix} ${msg}`;
}
/** G1 (≤2.2.30) / G2 (≤2.2.45 with prefix): local wall clock given as `wall` ms. */
export function g1(wall: number, level: string, msg: string, prefix?: string): string {
  const t = parts(wall);
  return `${t.y}/${t.mo}/${t.d} ${t.h}:${t.mi}:${t.s}.${t.us} ${level} ${prefix ? prefix + ' ' : ''}${msg}`;
}
/** VMSnapshot extension.log, Python 3 style (UTC). */
export function py3(ms: number, msg: string): string {
  const t = parts(ms);
  return `${t.y}-${t.mo}-${t.d} ${t.h}:${t.mi}:${t.s}.${t.us} [${HANDLER}-1.0]${msg}`;
}
/** VMSnapshot extension.log, Python 2 style (local, seconds). */
export function py2(wall: number, msg: string, error = false): string {
  const t = parts(wall);
  return `${t.y}/${t.mo}/${t.d} ${t.h}:${t.mi}:${t.s} ${error ? 'ERROR:' : ''}[${HANDLER}-1.0]${msg}`;
}
/** Console lines inside a "Logs during Freeze" block. */
export function cons(ms: number, level: 'Info' | 'Warning' | 'Error', msg: string): string {
  const t = parts(ms);
  return `${t.y}/${t.mo}/${t.d} ${t.h}:${t.mi}:${t.s}.${t.us}  ${level}  ${msg} `;
}
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** shell.log: `$(date -u)- msg`. */
export function shell(ms: number, msg: string): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}- ${msg}`;
}
/** BSD syslog header (year-less). */
export function syslog(ms: number, host: string, prog: string, msg: string): string {
  const d = new Date(ms);
  return `${MONS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${host} ${prog}: ${msg}`;
}
export function ticks(ms: number): string {
  return (BigInt(ms) * 10000n + 621355968000000000n).toString();
}
export function isoSec(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
