import { ARTICLE, blind, found, healthyInJob, notObservable, of, recovered, ruledOut, type Cause } from './cause.js';
import { iso } from '../parse/time.js';

const HALF_HOUR_MIN = 30;
const HOUR = 3600_000;

/** Three or more crashes within an hour: the agent cannot stay up. */
function crashLoop(times: number[]): boolean {
  const t = [...times].sort((a, b) => a - b);
  return t.some((x, i) => i >= 2 && x - t[i - 2]! <= HOUR);
}

export const agentUnresponsive: Cause = {
  id: 'agent-unresponsive',
  title: { en: 'The VM agent is not running or not responding', ja: 'VM エージェントが動作していない、または応答していない' },
  fix: {
    en: 'Restart the agent (`sudo systemctl restart walinuxagent` on Ubuntu/Debian, `waagent` elsewhere) and check it stays up; if it keeps crashing, reinstall it from the distribution. On Windows, restart the Windows Azure Guest Agent service or reinstall the agent.',
    ja: 'エージェントを再起動し (Ubuntu/Debian は `sudo systemctl restart walinuxagent`、その他は `waagent`)、動作し続けることを確認してください。クラッシュを繰り返す場合はディストリビューションのパッケージから再インストールしてください。Windows では Windows Azure Guest Agent サービスを再起動するか、エージェントを再インストールしてください。',
  },
  docs: ARTICLE,
  symptoms: ['UserErrorGuestAgentStatusUnavailable', 'ExtensionOperationFailedForManagedDisks', 'GuestAgentSnapshotTaskStatusError', 'BackUpOperationFailed', 'BackUpOperationFailedV2', 'UserErrorVmNotInDesirableState', 'AzureVmOffline', 'UserErrorCrpReportedUserError'],
  needs: ['waagent-log', 'syslog', 'windows-agent-log'],
  manual: { en: 'Run `systemctl status walinuxagent` (or waagent) and `ps -ef | grep waagent` on the VM.', ja: 'VM 上で `systemctl status walinuxagent` (または waagent) と `ps -ef | grep waagent` を実行してください。' },
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, 'no agent log in the bundle');
    const crashes = of(ctx, /^waagent\.agent\.crash$|^windows\.agent\.stopping$/);
    const blacklisted = of(ctx, 'waagent.agent.blacklisted');
    const signals = of(ctx, 'waagent.agent.signal');
    // liveness: did the agent write anything around the job?
    let silent = false, alive = false;
    let silence = '';
    if (ctx.job && ctx.agentMinutes.length) {
      const start = Math.floor(Date.parse(ctx.job.start) / 60000);
      const end = Math.floor(Date.parse(ctx.job.end) / 60000);
      alive = ctx.agentMinutes.some((m) => m >= start - HALF_HOUR_MIN && m <= end + HALF_HOUR_MIN);
      const before = ctx.agentMinutes.filter((m) => m < start).at(-1);
      if (!alive && before !== undefined) {
        silent = true;
        silence = `the agent log stops at ${iso(before * 60000)}, ${Math.round((start - before) / 60)} h before the backup at ${ctx.job.start}`;
      }
    }
    const loop = crashLoop(crashes.map((e) => e.ms).filter((m): m is number => m !== null));
    // a crash the agent came back from minutes later (a restart, a reboot) is routine when it was
    // alive through the job; what matters is a loop, a blacklisting, or silence during the job
    const routine = !loop && !blacklisted.length && (alive || (!ctx.job && recovered(ctx, crashes, 30 * 60_000)));
    if ((!crashes.length || routine) && !blacklisted.length && !silent) {
      const counter = healthyInJob(ctx).slice(-1);
      // a line showing the agent alive: in the job, else its last heartbeat (Windows: its last ordinary record)
      const alive = counter.length ? counter : of(ctx, /^waagent\.heartbeat$|^windows\.agent\.(record|start)$/).slice(-1);
      return ruledOut(this, ctx, alive, crashes.length
        ? `the agent restarted ${crashes.length} time(s) but was running and reporting around the backup`
        : 'the agent was writing records around the backup time and did not crash');
    }
    // the last crash with no sign of life after it: the agent stayed down
    const down = crashes.length > 0 && !recovered(ctx, crashes.slice(-1), Infinity);
    const strong = [...(loop || down ? crashes : []), ...blacklisted];
    const parts = [];
    if (loop) parts.push(`the agent crashed ${crashes.length} time(s), three or more within an hour`);
    else if (down) parts.push(`the agent crashed and wrote no heartbeat after it (${crashes.length} crash record(s))`);
    else if (crashes.length) parts.push(`${crashes.length} agent crash/restart record(s)`);
    if (blacklisted.length) parts.push('the agent blacklisted its own version after repeated crashes');
    if (silent) parts.push(silence);
    // a silence around the job is the finding; crashes before it explain the silence, whenever they were
    return found(this, ctx, { strong, supporting: [...(loop || down ? [] : crashes), ...signals], absence: silent, timeless: silent, factor: silent && !strong.length ? 2.4 : 1, bonus: silent && crashes.length ? 0.1 : 0 }, parts.join('; '));
  },
};
