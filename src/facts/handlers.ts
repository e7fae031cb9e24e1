/**
 * Extension handlers the agent keeps installing again. The agent removes a handler's directory on
 * uninstall, after updating to another version, and when an install left it NotInstalled (its
 * clean-up of outdated handlers). Only the last leaves the same version still wanted: removed and
 * then removed again, or found `notinstalled` by a later enable, it is an install that keeps failing.
 */
import type { Event } from '../model/types.js';

/** `<Handler>-<version>` of a record that names both, else null. */
export function handlerId(e: Event): string | null {
  return e.attrs.handler && e.attrs.handlerVersion ? `${String(e.attrs.handler)}-${String(e.attrs.handlerVersion)}` : null;
}

const WANTED_AGAIN = (e: Event) => e.kind === 'waagent.extension.removed'
  || (e.kind === 'waagent.extension.current-state' && e.attrs.state === 'notinstalled' && e.attrs.op !== 'Uninstall');

/** The `<Handler>-<version>` ids removed while still wanted, in the order of their first removal. */
export function reinstalledHandlers(events: Event[]): string[] {
  const removedAt = new Map<string, number>();
  const again = new Set<string>();
  // the latest target state the goal state gave each handler version: an uninstall explains its removal
  const target = new Map<string, string>();
  const timed = events.filter((e) => e.ms !== null && e.kind.startsWith('waagent.extension.')).sort((a, b) => a.ms! - b.ms!);
  for (const e of timed) {
    const id = handlerId(e);
    if (!id) continue;
    if (e.kind === 'waagent.extension.state') { target.set(id, String(e.attrs.state).toLowerCase()); continue; }
    if (removedAt.has(id) && WANTED_AGAIN(e) && target.get(id) !== 'uninstall') again.add(id);
    if (e.kind === 'waagent.extension.removed' && target.get(id) !== 'uninstall' && !removedAt.has(id)) removedAt.set(id, e.ms!);
  }
  return [...removedAt.keys()].filter((id) => again.has(id));
}
