/** Facts derived once from the kept events and shared by every cause (issue #4). */
import type { Event, Facts } from '../model/types.js';
import { iso } from '../parse/time.js';
import { byVersion } from './versions.js';
import { deriveJobs } from './jobs.js';
import { reinstalledHandlers } from './handlers.js';
import { minAgentAt } from './limits.js';
import { ACTIVITY_BUCKET_MIN } from '../model/activity.js';

export const VMSNAPSHOT = 'Microsoft.Azure.RecoveryServices.VMSnapshotLinux';

function last<T>(xs: T[]): T | undefined { return xs[xs.length - 1]; }

/**
 * The real time of the agent's first or last record in one bucket of its activity (which starts at
 * `minute`): the buckets count every record, the kept events hold the lines; the bucket's start
 * when none of its records is kept.
 */
export function agentRecordIn(events: Event[], minute: number, which: 'first' | 'last'): number {
  const from = minute * 60000, to = from + ACTIVITY_BUCKET_MIN * 60000;
  let hit: number | null = null;
  for (const e of events) {
    if (e.ms === null || !e.kind.startsWith('waagent.') || e.ms < from || e.ms >= to) continue;
    if (hit === null || (which === 'first' ? e.ms < hit : e.ms > hit)) hit = e.ms;
  }
  return hit ?? minute * 60000;
}

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
  // limits are judged as of the newest dated line: the rules that held when the logs were written
  // (year-less lines only when nothing else is dated)
  let logTime: number | null = null, guessed: number | null = null;
  for (const e of events) {
    if (e.ms === null) continue;
    if (e.timeSource !== 'inferred-year') { if (logTime === null || e.ms > logTime) logTime = e.ms; }
    else if (guessed === null || e.ms > guessed) guessed = e.ms;
  }
  logTime ??= guessed;
  return {
    installedAgentVersion: daemon ? String(daemon.attrs.version) : null,
    goalStateAgentVersion: gsAgent ? String(gsAgent.attrs.version) : null,
    agentGeneration: gens.length ? last(gens)! : null,
    vmsnapshotVersion: vmsVersions.length ? vmsVersions.sort(byVersion).at(-1)! : null,
    vmsnapshotHandlerState: handlerState ? String(handlerState.attrs.state) : null,
    waagentConf,
    vmbackupConf,
    lastHeartbeat: iso(last(heartbeats)?.ms ?? null),
    firstAgentRecord: agentMinutes.length ? iso(agentRecordIn(events, agentMinutes[0]!, 'first')) : null,
    lastAgentRecord: agentMinutes.length ? iso(agentRecordIn(events, last(agentMinutes)!, 'last')) : null,
    agentRestarts: of('waagent.start.daemon').length + of('waagent.agent.crash').length,
    incarnations,
    jobs: deriveJobs(events),
    timeZone,
    disableAgentFile: of('agent.disable-file').length > 0,
    provisionGuestAgent: ovf ? Boolean(ovf.attrs.value) : null,
    vmType: vmType ? String(vmType) : null,
    logTime: iso(logTime),
    minAgentAtLogTime: minAgentAt(logTime),
    resultCodes: [...new Set([...of('status.vmsnapshot').map((e) => e.attrs.resultCode), ...of('vmsnapshot.result').map((e) => e.attrs.code)]
      .filter((c): c is number => typeof c === 'number'))].sort((a, b) => a - b),
    snapshotNetworkFailures: of('vmsnapshot.network.failed').length,
    reinstalledHandlers: reinstalledHandlers(events),
  };
}
