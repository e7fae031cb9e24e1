/** Facts derived once from the kept events and shared by every cause (issue #4). */
import type { Event, Facts, JobWindow } from '../model/types.js';
import { iso } from '../parse/time.js';

export const VMSNAPSHOT = 'Microsoft.Azure.RecoveryServices.VMSnapshotLinux';
/** Minimum supported Linux agent since July 2022 (FORMATS.md §5, S8). */
export const MIN_AGENT = '2.2.53.1';
/** The extension refuses a job more than 8400 s after it was requested (code 402). */
export const JOB_MAX_MS = 8400 * 1000;

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number), pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return 0;
}

function last<T>(xs: T[]): T | undefined { return xs[xs.length - 1]; }

export function deriveFacts(events: Event[], agentMinutes: number[], timeZone: string | null): Facts {
  const of = (kind: string) => events.filter((e) => e.kind === kind);
  const daemon = last(of('waagent.start.daemon'));
  const gsAgent = last([...of('waagent.start.goal-state-agent'), ...of('waagent.heartbeat')].sort((a, b) => (a.ms ?? 0) - (b.ms ?? 0)));
  const waagentConf: Record<string, string> = {};
  for (const e of of('config.waagent')) waagentConf[String(e.attrs.key)] = String(e.attrs.value);
  const vmbackupConf: Record<string, string> = {};
  for (const e of of('config.vmbackup')) vmbackupConf[String(e.attrs.key)] = String(e.attrs.value);
  const gens = events.filter((e) => e.kind.startsWith('waagent.') && e.attrs.gen).map((e) => String(e.attrs.gen));
  const vmsVersions = [
    ...events.filter((e) => e.attrs.handler === VMSNAPSHOT && e.attrs.handlerVersion).map((e) => String(e.attrs.handlerVersion)),
    ...of('extensions-config.plugin').filter((e) => e.attrs.handler === VMSNAPSHOT).map((e) => String(e.attrs.version)),
  ];
  const handlerState = last(of('handler.state').filter((e) => String(e.attrs.handler ?? VMSNAPSHOT) === VMSNAPSHOT));
  const heartbeats = of('waagent.heartbeat');
  const ovf = last(of('ovf.provision-guest-agent'));
  const incarnations = [...new Set(events.filter((e) => typeof e.attrs.incarnation === 'number' && Number.isFinite(e.attrs.incarnation)).map((e) => e.attrs.incarnation as number))].sort((a, b) => a - b);
  const vmType = events.find((e) => e.attrs.vmType)?.attrs.vmType;
  return {
    installedAgentVersion: daemon ? String(daemon.attrs.version) : null,
    goalStateAgentVersion: gsAgent ? String(gsAgent.attrs.version) : null,
    agentGeneration: gens.length ? last(gens)! : null,
    vmsnapshotVersion: vmsVersions.length ? vmsVersions.sort(compareVersions).at(-1)! : null,
    vmsnapshotHandlerState: handlerState ? String(handlerState.attrs.state) : null,
    waagentConf,
    vmbackupConf,
    lastHeartbeat: iso(last(heartbeats)?.ms ?? null),
    firstAgentRecord: agentMinutes.length ? iso(agentMinutes[0]! * 60000) : null,
    lastAgentRecord: agentMinutes.length ? iso(last(agentMinutes)! * 60000) : null,
    agentRestarts: of('waagent.start.daemon').length + of('waagent.agent.crash').length,
    incarnations,
    jobs: deriveJobs(events),
    timeZone,
    disableAgentFile: of('agent.disable-file').length > 0,
    provisionGuestAgent: ovf ? Boolean(ovf.attrs.value) : null,
    vmType: vmType ? String(vmType) : null,
  };
}

/**
 * Backup jobs: from settings/status (`commandStartTimeUTCTicks`, taskId) and from extension.log
 * runs. A job's window runs from its request until its final status, or 140 minutes after.
 */
export function deriveJobs(events: Event[]): JobWindow[] {
  const byTask = new Map<string, { start: number; end: number | null; source: string; code: number | null }>();
  const key = (task: string | null, start: number) => task ?? `@${Math.round(start / 60000)}`;
  for (const e of events) {
    if ((e.kind === 'settings.vmsnapshot' || e.kind === 'status.vmsnapshot') && typeof e.attrs.jobStartMs === 'number') {
      const task = e.attrs.taskId ? String(e.attrs.taskId) : null;
      const k = key(task, e.attrs.jobStartMs);
      const j = byTask.get(k) ?? { start: e.attrs.jobStartMs, end: null, source: e.file, code: null };
      if (e.kind === 'status.vmsnapshot') {
        const code = (e.attrs.resultCode as number | undefined) ?? null;
        j.code = code;
        if (e.ms !== null && code !== 4) j.end = Math.max(j.end ?? 0, e.ms);
      }
      byTask.set(k, j);
    }
  }
  // extension.log runs without a settings/status file: a run starts at `starting enable`
  if (byTask.size === 0) {
    for (const e of events) {
      if (e.kind === 'vmsnapshot.run.start' && e.attrs.phase === 'enable' && e.ms !== null) {
        byTask.set(`run@${e.ms}`, { start: e.ms, end: null, source: e.file, code: null });
      }
    }
  }
  const jobs = [...byTask.entries()].map(([k, j]) => {
    const results = events.filter((e) => e.kind === 'vmsnapshot.result' && e.ms !== null && e.ms >= j.start - 60000 && e.ms <= j.start + JOB_MAX_MS);
    const res = results.filter((e) => e.attrs.code !== 4).at(-1);
    if (res && j.code === null) j.code = Number(res.attrs.code);
    const end = j.end ?? (res?.ms ?? null) ?? j.start + JOB_MAX_MS;
    return { taskId: k.startsWith('@') || k.startsWith('run@') ? null : k, start: iso(j.start)!, end: iso(Math.max(end, j.start))!, source: j.source, statusCode: j.code };
  });
  return jobs.sort((a, b) => a.start.localeCompare(b.start));
}

/** The job the verdict is about: the latest failed one, else the latest. */
export function primaryJob(jobs: JobWindow[]): JobWindow | null {
  const failed = jobs.filter((j) => j.statusCode !== null && ![0, 1, 3].includes(j.statusCode));
  return failed.at(-1) ?? jobs.at(-1) ?? null;
}
