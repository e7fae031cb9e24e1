import { ARTICLE, blind, found, notObservable, of, ruledOut, type Cause } from './cause.js';
import { iso } from '../parse/time.js';

const HALF_HOUR_MIN = 30;

export const agentUnresponsive: Cause = {
  id: 'agent-unresponsive',
  title: { en: 'The VM agent is not running or not responding', ja: 'VM エージェントが動作していない、または応答していない' },
  fix: {
    en: 'Restart the agent (`sudo systemctl restart walinuxagent` on Ubuntu/Debian, `waagent` elsewhere) and check it stays up; if it keeps crashing, reinstall it from the distribution. On Windows, restart the Windows Azure Guest Agent service or reinstall the agent.',
    ja: 'エージェントを再起動し (Ubuntu/Debian は `sudo systemctl restart walinuxagent`、その他は `waagent`)、動作し続けることを確認してください。クラッシュを繰り返す場合はディストリビューションのパッケージから再インストールしてください。Windows では Windows Azure Guest Agent サービスを再起動するか、エージェントを再インストールしてください。',
  },
  docs: ARTICLE,
  symptoms: ['UserErrorGuestAgentStatusUnavailable', 'ExtensionOperationFailedForManagedDisks', 'GuestAgentSnapshotTaskStatusError', 'BackUpOperationFailed', 'BackUpOperationFailedV2'],
  needs: ['waagent-log', 'syslog', 'windows-agent-log'],
  manual: { en: 'Run `systemctl status walinuxagent` (or waagent) and `ps -ef | grep waagent` on the VM.', ja: 'VM 上で `systemctl status walinuxagent` (または waagent) と `ps -ef | grep waagent` を実行してください。' },
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, 'no agent log in the bundle');
    const crashes = of(ctx, /^waagent\.agent\.(crash|blacklisted)$|^windows\.agent\.stopping$/);
    const signals = of(ctx, 'waagent.agent.signal');
    // liveness: did the agent write anything around the job's start?
    let silent = false;
    let silence = '';
    if (ctx.job && ctx.agentMinutes.length) {
      const start = Math.floor(Date.parse(ctx.job.start) / 60000);
      const end = Math.floor(Date.parse(ctx.job.end) / 60000);
      const near = ctx.agentMinutes.some((m) => m >= start - HALF_HOUR_MIN && m <= end + HALF_HOUR_MIN);
      const before = ctx.agentMinutes.filter((m) => m < start).at(-1);
      if (!near && before !== undefined) {
        silent = true;
        silence = `the agent log stops at ${iso(before * 60000)}, ${Math.round((start - before) / 60)} h before the backup at ${ctx.job.start}`;
      }
    }
    if (!crashes.length && !silent) {
      return ruledOut(this, ctx, of(ctx, 'waagent.heartbeat').slice(-1), 'the agent was writing records around the backup time and did not crash');
    }
    const parts = [];
    if (crashes.length) parts.push(`${crashes.length} agent crash/restart record(s)`);
    if (silent) parts.push(silence);
    // a silence around the job is the finding; crashes before it explain the silence, whenever they were
    return found(this, ctx, { strong: crashes, supporting: signals, absence: silent, timeless: silent, factor: silent && !crashes.length ? 2.4 : 1, bonus: silent && crashes.length ? 0.1 : 0 }, parts.join('; '));
  },
};
