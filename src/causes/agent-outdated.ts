import { ARTICLE, blind, found, notObservable, of, ruledOut, signs, type Cause } from './cause.js';
import { compareVersions, CURRENT_MIN_AGENT as MIN_AGENT } from '../facts/index.js';

/** Agent version range each line generation implies (FORMATS.md §1.2). */
const GEN_MAX: Record<string, string> = { G0: '2.0.x', G1: '2.2.30', G2: '2.2.45', G3: '2.2.46' };

export const agentOutdated: Cause = {
  id: 'agent-outdated',
  os: ['linux'],
  docs: ARTICLE,
  symptoms: ['UserErrorGuestAgentStatusUnavailable', 'ExtensionOperationFailedForManagedDisks', 'GuestAgentSnapshotTaskStatusError', 'BackUpOperationFailed', 'BackUpOperationFailedV2'],
  needs: ['waagent-log', 'waagent-status', 'syslog'],
  role: 'condition',
  textParams: { min: MIN_AGENT },
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, { id: 'finding.agent-outdated.no-log' });
    const f = ctx.facts;
    const running = f.goalStateAgentVersion ?? f.installedAgentVersion;
    const min = f.minAgentAtLogTime;
    const versionEvents = of(ctx, /^waagent\.(start\.goal-state-agent|heartbeat|start\.daemon)$/);
    const autoOff = Object.entries(f.waagentConf).some(([k, v]) => /^AutoUpdate\.(Enabled|UpdateToLatestVersion)$/.test(k) && /^n/i.test(v));
    const supporting = [...of(ctx, /^waagent\.(autoupdate-disabled|update\.failed|agent\.blacklisted)$/), ...of(ctx, 'agent.error', (e) => e.attrs.wasFatal === true)];
    const cmp = min ? compareVersions(running, min) : null;
    if (cmp !== null && cmp >= 0) {
      return ruledOut(this, ctx, versionEvents.filter((e) => String(e.attrs.version) === running).slice(-1), { id: 'finding.agent-outdated.current', params: { version: running!, min: min! } });
    }
    if (cmp !== null) {
      const lastOld = versionEvents.filter((e) => String(e.attrs.version) === running);
      // the line format of the log independently dates the agent
      const formatAgrees = f.agentGeneration !== null && GEN_MAX[f.agentGeneration] !== undefined;
      return found(this, ctx, { strong: lastOld.slice(-2), supporting, timeless: true, bonus: formatAgrees ? 0.1 : 0 }, signs('finding.agent-outdated.signs', [{ id: 'finding.agent-outdated.old', params: { version: running!, min: min! } }, autoOff && { id: 'finding.agent-outdated.autoupdate-off' }]));
    }
    // no readable version: the line format itself dates the agent (a weaker sign than a version line)
    const gen = f.agentGeneration;
    // ...but only when every agent writing that format was below the minimum of the time
    const genOld = gen && GEN_MAX[gen] && min ? (compareVersions(GEN_MAX[gen], min) ?? 0) < 0 : false;
    if (gen && genOld) {
      const old = of(ctx, /^waagent\./, (e) => e.attrs.gen === gen).slice(-1);
      // the shape dates an agent only to a range (a development build may write the next format)
      return found(this, ctx, { supporting: [...old, ...supporting], timeless: true }, { id: 'finding.agent-outdated.old-format', params: { gen, max: GEN_MAX[gen]! } });
    }
    if (supporting.length || autoOff) return found(this, ctx, { supporting }, { id: autoOff ? 'finding.agent-outdated.updates-off' : 'finding.agent-outdated.updates-failing' });
    if (running && !min) return ruledOut(this, ctx, [], { id: 'finding.agent-outdated.before-minimum', params: { version: running } });
    return notObservable(this, running ? { id: 'finding.agent-outdated.unreadable', params: { version: running } } : { id: 'finding.agent-outdated.unknown' });
  },
};
