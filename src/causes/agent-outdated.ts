import { ARTICLE, blind, found, notObservable, of, ruledOut, type Cause } from './cause.js';
import { compareVersions, MIN_AGENT } from '../verdict/facts.js';

/** Agent version range each line generation implies (FORMATS.md §1.2). */
const GEN_MAX: Record<string, string> = { G0: '2.0.x', G1: '2.2.30', G2: '2.2.45', G3: '2.2.46' };

export const agentOutdated: Cause = {
  id: 'agent-outdated',
  title: { en: 'The Linux VM agent is out of date', ja: 'Linux VM エージェントが古い' },
  fix: {
    en: `Update WALinuxAgent from your distribution's repository (not from GitHub) to ${MIN_AGENT} or later, check it runs (\`ps -e | grep waagent\`), keep AutoUpdate.Enabled=y so it updates itself, set Logs.Verbose=y if you need more detail, and retry the backup.`,
    ja: `WALinuxAgent をディストリビューションのリポジトリ (GitHub ではなく) から ${MIN_AGENT} 以降に更新し、動作していることを確認し (\`ps -e | grep waagent\`)、自動更新のため AutoUpdate.Enabled=y のままにしてください。詳細なログが必要なら Logs.Verbose=y を設定し、バックアップを再試行してください。`,
  },
  docs: ARTICLE,
  symptoms: ['UserErrorGuestAgentStatusUnavailable', 'ExtensionOperationFailedForManagedDisks', 'GuestAgentSnapshotTaskStatusError', 'BackUpOperationFailed', 'BackUpOperationFailedV2'],
  needs: ['waagent-log', 'waagent-status', 'syslog'],
  manual: { en: 'Run `waagent --version` on the VM and compare the goal-state agent with 2.2.53.1.', ja: 'VM で `waagent --version` を実行し、ゴール ステート エージェントのバージョンを 2.2.53.1 と比較してください。' },
  role: 'condition',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, 'no agent log: the agent version is unknown');
    const f = ctx.facts;
    const running = f.goalStateAgentVersion ?? f.installedAgentVersion;
    const versionEvents = of(ctx, /^waagent\.(start\.goal-state-agent|heartbeat|start\.daemon)$/);
    const autoOff = Object.entries(f.waagentConf).some(([k, v]) => /^AutoUpdate\.(Enabled|UpdateToLatestVersion)$/.test(k) && /^n/i.test(v));
    const supporting = [...of(ctx, /^waagent\.(autoupdate-disabled|update\.failed|agent\.blacklisted)$/), ...of(ctx, 'agent.error', (e) => e.attrs.wasFatal === true)];
    if (running && !/^WALinuxAgent/.test(running)) {
      if (compareVersions(running, MIN_AGENT) >= 0) {
        return ruledOut(this, ctx, versionEvents.slice(-1), `the agent runs version ${running}, at or above the minimum ${MIN_AGENT}`);
      }
      const lastOld = versionEvents.filter((e) => String(e.attrs.version) === running);
      // the line format of the log independently dates the agent
      const formatAgrees = f.agentGeneration !== null && GEN_MAX[f.agentGeneration] !== undefined;
      return found(this, ctx, { strong: lastOld.slice(-2), supporting, timeless: true, bonus: formatAgrees ? 0.1 : 0 }, `the agent runs version ${running}, below the minimum supported ${MIN_AGENT}${autoOff ? '; auto-update is off in waagent.conf' : ''}`);
    }
    // no version line: the line format itself dates the agent
    const gen = f.agentGeneration;
    if (gen && GEN_MAX[gen]) {
      const old = of(ctx, /^waagent\./, (e) => e.attrs.gen === gen).slice(-1);
      return found(this, ctx, { strong: old, supporting, timeless: true }, `agent log lines have the ${gen} format, written only by agents up to ${GEN_MAX[gen]}`);
    }
    if (supporting.length || autoOff) return found(this, ctx, { supporting }, `agent updates are disabled or failing${autoOff ? ' (AutoUpdate off in waagent.conf)' : ''}`);
    return notObservable(this, 'the bundle does not say which agent version runs');
  },
};
