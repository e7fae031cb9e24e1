/**
 * Absence over time in a VMSnapshot run: a phase that began and was never followed by what ends
 * it. A freeze ends in a thaw, a freeze failure, a result or the end of the snapshot; a run or an
 * enable ends in a result or a status. Read from the kinds the grammars give every log style
 * (Python 3, Python 2, console, binary output), so any style shows it. Later means later in time
 * when both records have one, else further down the same file.
 */
import type { Event } from '../src/model/types.js';

const FREEZE_START = /^vmsnapshot\.freeze\.start$/;
const FREEZE_END = /^vmsnapshot\.(thaw|freeze\.failed|result|snapshot\.done|crp-timeout)$/;
const RUN_START = /^vmsnapshot\.(run\.start|task)$/;
const RUN_END = /^vmsnapshot\.(result|snapshot\.done|crp-timeout)$|^status\.vmsnapshot$/;
const REPORTED = /^waagent\.extension\.(status|failed)$|^vmsnapshot\.result$|^status\.vmsnapshot$/;
const VMSNAPSHOT = 'Microsoft.Azure.RecoveryServices.VMSnapshotLinux';

function after(a: Event, b: Event): boolean {
  if (a.ms !== null && b.ms !== null) return a.ms >= b.ms;
  return a.file === b.file && (a.line ?? 0) > (b.line ?? 0);
}

/** The starts with no end after them (in the start's own file when `sameFile`). */
function unfinished(starts: Event[], ends: Event[], sameFile: boolean): Event[] {
  return starts.filter((s) => !ends.some((e) => e !== s && (!sameFile || e.file === s.file) && after(e, s)));
}

const kinds = (events: Event[], re: RegExp) => events.filter((e) => re.test(e.kind));

/** Freezes that never thawed (nor failed, nor produced a result). */
export function freezesNeverThawed(events: Event[]): Event[] {
  return unfinished(kinds(events, FREEZE_START), kinds(events, FREEZE_END), true);
}

/** VMSnapshot runs (a run start or a taskId) with no result or status afterwards, in any file. */
export function runsWithoutResult(events: Event[]): Event[] {
  return unfinished(kinds(events, RUN_START), kinds(events, RUN_END), false);
}

/** Enable commands the agent gave VMSnapshot with nothing reported back afterwards. */
export function enablesWithoutStatus(events: Event[]): Event[] {
  const enables = events.filter((e) => e.kind === 'waagent.extension.command' && e.attrs.op === 'Enable' && e.attrs.handler === VMSNAPSHOT);
  return unfinished(enables, kinds(events, REPORTED), false);
}
