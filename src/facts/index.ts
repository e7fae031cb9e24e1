/**
 * The facts stage: everything the causes read that is derived rather than seen (facts, the job the
 * verdict is about, the years of year-less lines), built once before any cause runs.
 */
import type { Event, SymptomCode } from '../model/types.js';
import type { CauseContext } from '../causes/cause.js';
import { deriveFacts } from './derive.js';
import { primaryJob } from './jobs.js';
import { yearFromDatedLines } from './years.js';

export interface ContextInput {
  events: Event[];
  agentMinutes: number[];
  timeZone: string | null;
  present: Iterable<string>;
  symptom: SymptomCode | null;
}

export function buildContext(input: ContextInput): CauseContext {
  const { events, agentMinutes } = input;
  yearFromDatedLines(events);
  const facts = deriveFacts(events, agentMinutes, input.timeZone);
  let latestError: number | null = null;
  for (const e of events) if (e.level === 'error' && e.ms !== null && (latestError === null || e.ms > latestError)) latestError = e.ms;
  return { events, facts, present: new Set(input.present), job: primaryJob(facts.jobs, latestError), agentMinutes, symptom: input.symptom };
}

export { deriveFacts, VMSNAPSHOT } from './derive.js';
export { deriveJobs, primaryJob, lastSuccess, succeeded, JOB_MAX_MS } from './jobs.js';
export { compareVersions, parseVersion } from './versions.js';
export { minAgentAt, diskLimitAt, CURRENT_MIN_AGENT, formatSize, bytesToTiB } from './limits.js';
