import type { Message } from '../model/types.js';
import { ARTICLE, blind, found, healthyInJob, notObservable, of, recovered, ruledOut, signs, type Cause } from './cause.js';
import { iso } from '../parse/time.js';
import { agentRecordIn } from '../facts/index.js';

const HALF_HOUR_MIN = 30;
const HOUR = 3600_000;

/** Three or more crashes within an hour: the agent cannot stay up. */
function crashLoop(times: number[]): boolean {
  const t = [...times].sort((a, b) => a - b);
  return t.some((x, i) => i >= 2 && x - t[i - 2]! <= HOUR);
}

export const agentUnresponsive: Cause = {
  id: 'agent-unresponsive',
  os: ['linux', 'windows'],
  docs: ARTICLE,
  symptoms: ['UserErrorGuestAgentStatusUnavailable', 'ExtensionOperationFailedForManagedDisks', 'GuestAgentSnapshotTaskStatusError', 'BackUpOperationFailed', 'BackUpOperationFailedV2', 'UserErrorVmNotInDesirableState', 'AzureVmOffline', 'UserErrorCrpReportedUserError'],
  needs: ['waagent-log', 'syslog', 'windows-agent-log'],
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, { id: 'finding.missing.agent-log' });
    const crashes = of(ctx, /^waagent\.agent\.crash$|^windows\.agent\.stopping$/);
    const blacklisted = of(ctx, 'waagent.agent.blacklisted');
    const signals = of(ctx, 'waagent.agent.signal');
    // liveness: did the agent write anything around the job?
    let silent = false, alive = false;
    let silence: Message | null = null;
    if (ctx.job && ctx.agentMinutes.length) {
      const start = Math.floor(Date.parse(ctx.job.start) / 60000);
      const end = Math.floor(Date.parse(ctx.job.end) / 60000);
      alive = ctx.agentMinutes.some((m) => m >= start - HALF_HOUR_MIN && m <= end + HALF_HOUR_MIN);
      // the minutes are sorted: the last one before the job, without a copy of them all (240,000 in a 1.5 GB log)
      let before: number | undefined;
      for (let k = ctx.agentMinutes.length - 1; k >= 0 && before === undefined; k--) if (ctx.agentMinutes[k]! < start) before = ctx.agentMinutes[k];
      if (!alive && before !== undefined) {
        silent = true;
        silence = { id: 'finding.agent-unresponsive.silent', params: { stopsAt: iso(agentRecordIn(ctx.events, before, 'last')) ?? '?', hours: Math.round((start - before) / 60), jobStart: ctx.job.start } };
      }
    }
    const loop = crashLoop(crashes.map((e) => e.ms).filter((m): m is number => m !== null));
    // a crash the agent came back from minutes later (a restart, a reboot) is routine when it was
    // alive through the job; what matters is a loop, a blacklisting, or silence during the job
    const routine = !loop && !blacklisted.length && (alive || (!ctx.job && recovered(ctx, crashes, 30 * 60_000)));
    if ((!crashes.length || routine) && !blacklisted.length && !silent) {
      const counter = healthyInJob(ctx).slice(-1);
      // a line showing the agent alive: in the job, else its last heartbeat (Windows: its last ordinary record)
      const aliveLine = counter.length ? counter : of(ctx, /^waagent\.heartbeat$|^windows\.agent\.(record|start)$/).slice(-1);
      return ruledOut(this, ctx, aliveLine, crashes.length
        ? { id: 'finding.agent-unresponsive.restarted', params: { crashes: crashes.length } }
        : { id: 'finding.agent-unresponsive.alive' });
    }
    // the last crash with no sign of life after it: the agent stayed down
    const down = crashes.length > 0 && !recovered(ctx, crashes.slice(-1), Infinity);
    const strong = [...(loop || down ? crashes : []), ...blacklisted];
    const n = { crashes: crashes.length };
    const note = signs('finding.agent-unresponsive.signs', [
      loop ? { id: 'finding.agent-unresponsive.crash-loop', params: n }
        : down ? { id: 'finding.agent-unresponsive.stayed-down', params: n }
          : crashes.length > 0 && { id: 'finding.agent-unresponsive.crashes', params: n },
      blacklisted.length > 0 && { id: 'finding.agent-unresponsive.blacklisted' },
      silence ?? false,
    ]);
    // a silence around the job is the finding; crashes before it explain the silence, whenever they were
    return found(this, ctx, { strong, supporting: [...(loop || down ? [] : crashes), ...signals], absence: silent, timeless: silent, factor: silent && !strong.length ? 2.4 : 1, bonus: silent && crashes.length ? 0.1 : 0 }, note);
  },
};
