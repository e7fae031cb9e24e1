/**
 * Backup jobs seen in the bundle: from the VMSnapshot settings/status files (request time in
 * `commandStartTimeUTCTicks`, taskId, result code) and from extension.log runs. A run with no
 * settings file of its own is a job of its own: the failing backup often left none, and anchoring
 * on an earlier successful job would push its evidence out of the window.
 */
import type { Event, JobWindow } from '../model/types.js';
import { iso } from '../parse/time.js';

/** The extension refuses a job more than 8400 s after it was requested (code 402). */
const JOB_MAX_MS = 8400 * 1000;
/** Result codes of a successful (0, 1 = success with warnings) or still transitioning (3) job. */
const OK_CODES = [0, 1, 3];
const STALE_AFTER_MS = 12 * 3600_000;

interface Draft { start: number; end: number | null; source: string; code: number | null; task: string | null }

export function deriveJobs(events: Event[]): JobWindow[] {
  const drafts = new Map<string, Draft>();
  for (const e of events) {
    if ((e.kind !== 'settings.vmsnapshot' && e.kind !== 'status.vmsnapshot') || typeof e.attrs.jobStartMs !== 'number') continue;
    const task = e.attrs.taskId ? String(e.attrs.taskId) : null;
    const k = task ?? `@${Math.round(e.attrs.jobStartMs / 60000)}`;
    const j = drafts.get(k) ?? { start: e.attrs.jobStartMs, end: null, source: e.file, code: null, task };
    if (e.kind === 'status.vmsnapshot') {
      const code = (e.attrs.resultCode as number | undefined) ?? null;
      j.code = code;
      if (e.ms !== null && code !== 4) j.end = Math.max(j.end ?? 0, e.ms);
    }
    drafts.set(k, j);
  }
  // extension.log runs that no settings/status job covers
  const covered = [...drafts.values()];
  const lastRunOf = new Map<string, number>(); // per file: a run start within a minute of the last is the same run
  for (const e of events) {
    if (e.kind !== 'vmsnapshot.run.start' || e.attrs.phase !== 'enable' || e.ms === null) continue;
    const ms = e.ms;
    if (covered.some((j) => ms >= j.start - 60000 && ms <= (j.end ?? j.start + JOB_MAX_MS))) continue;
    const prev = lastRunOf.get(e.file);
    lastRunOf.set(e.file, ms);
    if (prev === undefined || Math.abs(prev - ms) >= 60000) drafts.set(`run@${ms}`, { start: ms, end: null, source: e.file, code: null, task: null });
  }
  // final results in time order, found per job by binary search (long extension logs hold many)
  const results = events.filter((e) => e.kind === 'vmsnapshot.result' && e.ms !== null && e.attrs.code !== 4).sort((a, b) => a.ms! - b.ms!);
  const lastResultBy = (t: number) => {
    let lo = 0, hi = results.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (results[mid]!.ms! <= t) lo = mid + 1; else hi = mid; }
    return results[lo - 1];
  };
  const jobs = [...drafts.values()].map((j): JobWindow => {
    const last = lastResultBy(j.start + JOB_MAX_MS);
    const res = last && last.ms! >= j.start - 60000 ? last : undefined;
    if (res && j.code === null) j.code = Number(res.attrs.code);
    const end = j.end ?? (res?.ms ?? null) ?? j.start + JOB_MAX_MS;
    return { taskId: j.task, start: iso(j.start)!, end: iso(Math.max(end, j.start))!, source: j.source, statusCode: j.code };
  });
  return jobs.sort((a, b) => a.start.localeCompare(b.start));
}

export function succeeded(job: JobWindow): boolean {
  return job.statusCode !== null && OK_CODES.includes(job.statusCode);
}

/**
 * The job the verdict is about: the latest failed one, else the latest. When the latest succeeded
 * but errors were logged long after it (backups run daily: more than half a day), the failing
 * backup left no job record: no window then, rather than one anchored on a backup that worked.
 */
export function primaryJob(jobs: JobWindow[], latestErrorMs: number | null = null): JobWindow | null {
  const failed = jobs.filter((j) => j.statusCode !== null && !succeeded(j));
  if (failed.length) return failed.at(-1)!;
  const latest = jobs.at(-1) ?? null;
  if (!latest || !succeeded(latest)) return latest;
  return latestErrorMs !== null && latestErrorMs > Date.parse(latest.end) + STALE_AFTER_MS ? null : latest;
}

