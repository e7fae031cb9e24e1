import { ARTICLE, blind, found, notObservable, of, ruledOut, type Cause } from './cause.js';
import { compareVersions, CURRENT_MIN_AGENT as MIN_AGENT } from '../facts/index.js';

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
    const min = f.minAgentAtLogTime;
    const versionEvents = of(ctx, /^waagent\.(start\.goal-state-agent|heartbeat|start\.daemon)$/);
    const autoOff = Object.entries(f.waagentConf).some(([k, v]) => /^AutoUpdate\.(Enabled|UpdateToLatestVersion)$/.test(k) && /^n/i.test(v));
    const supporting = [...of(ctx, /^waagent\.(autoupdate-disabled|update\.failed|agent\.blacklisted)$/), ...of(ctx, 'agent.error', (e) => e.attrs.wasFatal === true)];
    const cmp = min ? compareVersions(running, min) : null;
    if (cmp !== null && cmp >= 0) {
      return ruledOut(this, ctx, versionEvents.filter((e) => String(e.attrs.version) === running).slice(-1), `the agent runs version ${running}, at or above the minimum ${min} that applied when the logs were written`);
    }
    if (cmp !== null) {
      const lastOld = versionEvents.filter((e) => String(e.attrs.version) === running);
      // the line format of the log independently dates the agent
      const formatAgrees = f.agentGeneration !== null && GEN_MAX[f.agentGeneration] !== undefined;
      return found(this, ctx, { strong: lastOld.slice(-2), supporting, timeless: true, bonus: formatAgrees ? 0.1 : 0 }, `the agent runs version ${running}, below the minimum supported ${min} at the time of the logs${autoOff ? '; auto-update is off in waagent.conf' : ''}`);
    }
    // no readable version: the line format itself dates the agent (a weaker sign than a version line)
    const gen = f.agentGeneration;
    // ...but only when every agent writing that format was below the minimum of the time
    const genOld = gen && GEN_MAX[gen] && min ? (compareVersions(GEN_MAX[gen], min) ?? 0) < 0 : false;
    if (gen && genOld) {
      const old = of(ctx, /^waagent\./, (e) => e.attrs.gen === gen).slice(-1);
      // the shape dates an agent only to a range (a development build may write the next format)
      return found(this, ctx, { supporting: [...old, ...supporting], timeless: true }, `agent log lines have the ${gen} format, written only by agents up to ${GEN_MAX[gen]}`);
    }
    if (supporting.length || autoOff) return found(this, ctx, { supporting }, `agent updates are disabled or failing${autoOff ? ' (AutoUpdate off in waagent.conf)' : ''}`);
    if (running && !min) return ruledOut(this, ctx, [], `the logs predate any published minimum agent version (agent ${running})`);
    return notObservable(this, running ? `the agent version ${running} cannot be read as a number` : 'the bundle does not say which agent version runs');
  },
};
