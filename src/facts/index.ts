/**
 * The facts stage: everything the causes read that is derived rather than seen (facts, the job the
 * verdict is about, the years of year-less lines), built once before any cause runs.
 */
import type { Event, SymptomCode } from '../model/types.js';
import type { CauseContext } from '../causes/cause.js';
import { deriveFacts, VMSNAPSHOT } from './derive.js';
import { primaryJob } from './jobs.js';
import { yearFromDatedLines } from './years.js';

export interface ContextInput {
  events: Event[];
  agentMinutes: number[];
  timeZone: string | null;
  /**
   * The newest dated time of the records not kept (the agent's routine lines), to the end of its
   * five-minute bucket: the kept events give theirs themselves.
   */
  newestDated?: number | null;
  present: Iterable<string>;
  symptom: SymptomCode | null;
}

export function buildContext(input: ContextInput): CauseContext {
  const { events, agentMinutes } = input;
  // lines given another year move in time: keep the events in time order for "the latest" reads
  if (yearFromDatedLines(events, input.newestDated ?? null) > 0) events.sort((a, b) => (a.ms ?? Infinity) - (b.ms ?? Infinity));
  const facts = deriveFacts(events, agentMinutes, input.timeZone);
  // only errors on the backup's own path (VMSnapshot, or the agent handling it) say a later backup failed
  let latestError: number | null = null;
  for (const e of events) {
    if (e.level !== 'error' || e.ms === null || !(e.kind.startsWith('vmsnapshot.') || e.attrs.handler === VMSNAPSHOT)) continue;
    if (latestError === null || e.ms > latestError) latestError = e.ms;
  }
  return { events, facts, present: new Set(input.present), job: primaryJob(facts.jobs, latestError), agentMinutes, symptom: input.symptom };
}

// what the causes read of the facts stage, from one place
export { agentRecordIn, VMSNAPSHOT } from './derive.js';
export { succeeded } from './jobs.js';
export { compareVersions } from './versions.js';
export { handlerId } from './handlers.js';
export { diskLimitAt, CURRENT_MIN_AGENT, formatSize } from './limits.js';
