import type { Event, Message } from '../model/types.js';
import { retriedWithoutAnswer } from '../../grammars/http-exchange.js';
import { statusWithCode, agentHealthySigns, ARTICLE, blind, CONTACT, found, healthyInJob, inJob, latestTime, nearJob, notObservable, of, recovered, ruledOut, signs, sporadicUploads, type Cause } from './cause.js';

/** VMSnapshot result codes of a snapshot that could not reach storage (FORMATS.md §3.6). */
export const NO_NETWORK_CODES = [76, 761, 15];

const CONNECTIVITY = new Set(['timeout', 'refused', 'no-route', 'unreachable', 'reset', 'proxy', 'tls', 'dns']);
/** Targets and failure mechanisms the catalogue names (finding.no-network.target.* / .how.*). */
const TARGETS = new Set(['wireserver', 'hostplugin', 'storage', 'other']);
const MECHANISMS = new Set([...CONNECTIVITY, 'unknown']);
/** 168.63.129.16 is served by the VM's own host node, not across the network. */
const HOST = new Set(['wireserver', 'hostplugin']);
/** Failures with no packet back (a reset, a refusal or a TLS error is the far end answering). */
const NO_ANSWER = new Set(['timeout', 'no-route', 'unreachable']);

/**
 * A failure that shows the path gone, not a packet lost: "Network is unreachable" (the guest's own
 * routing table has no route: its network is not configured), or a request to the host the agent
 * gave up on with every attempt unanswered (restutil says "-- N attempts made" only once all N
 * failed, about 80 s for six; the host plugin's health probe makes one attempt, not a series).
 */
function pathGone(e: Event): boolean {
  const mechanism = String(e.attrs.mechanism);
  // a single attempt (a probe) that found no route may be the network restarting under it
  const series = e.attrs.attempts === undefined || (typeof e.attrs.attempts === 'number' && e.attrs.attempts >= 2);
  return series && (mechanism === 'unreachable'
    || (HOST.has(String(e.attrs.target)) && NO_ANSWER.has(mechanism) && typeof e.attrs.attempts === 'number'));
}

/** One part per target and mechanism seen, most frequent first: "WireServer 168.63.129.16:80 — no route to host (12×)". */
export function describeFailures(events: Event[]): Message[] {
  const groups = new Map<string, { target: string; mechanism: string; count: number }>();
  for (const e of events) {
    const target = TARGETS.has(String(e.attrs.target)) ? String(e.attrs.target) : 'other';
    const mechanism = String(e.attrs.mechanism ?? 'unknown');
    const g = groups.get(`${target} ${mechanism}`) ?? { target, mechanism, count: 0 };
    g.count++;
    groups.set(`${target} ${mechanism}`, g);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count).map(({ target, mechanism, count }): Message => MECHANISMS.has(mechanism)
    // a mechanism the catalogue does not name (an HTTP status) is shown as the code it is
    ? { id: 'finding.no-network.failure', params: { target: `finding.no-network.target.${target}`, how: `finding.no-network.how.${mechanism}`, count } }
    : { id: 'finding.no-network.failure-as', params: { target: `finding.no-network.target.${target}`, mechanism, count } });
}

export const noNetwork: Cause = {
  id: 'no-network',
  os: ['linux', 'windows'],
  docs: ARTICLE,
  symptoms: ['UserErrorGuestAgentStatusUnavailable', 'ExtensionSnapshotFailedNoNetwork', 'ExtensionOperationFailedForManagedDisks', 'GuestAgentSnapshotTaskStatusError', 'BackUpOperationFailed', 'BackUpOperationFailedV2', 'ExtensionFailedTimeoutVMNetworkUnresponsive', 'ExtensionSnapshotFailedNoSecureNetwork'],
  needs: ['waagent-log', 'vmsnapshot-log', 'extension-status', 'syslog', 'windows-agent-log'],
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, { id: 'finding.missing.agent-or-vmsnapshot-log' });
    const agent = of(ctx, /^waagent\.(goal-state\.fetch-failed|status\.upload-failed|hostplugin\.heartbeat-failed|download\.failed|http\.failed)$/,
      (e) => CONNECTIVITY.has(String(e.attrs.mechanism)));
    const ext = of(ctx, /^vmsnapshot\.(network\.failed|host\.unreachable)$|^windows\.network\.failed$/);
    const codes = statusWithCode(ctx, NO_NETWORK_CODES);
    const proxy = Object.entries(ctx.facts.waagentConf).filter(([k, v]) => /^HttpProxy\.(Host|Port)$/.test(k) && v && v !== 'None');
    const firewall = of(ctx, 'waagent.firewall.problem');
    const unanswered = retriedWithoutAnswer(ctx.events);
    const strong = [...agent, ...ext, ...codes, ...unanswered];
    if (!strong.length) {
      return ruledOut(this, ctx, agentHealthySigns(ctx).slice(-2), { id: 'finding.no-network.none' });
    }
    // failed agent requests are noise, not a cut-off network, when nothing corroborates them (no
    // VMSnapshot failure, no code, no request left unanswered) and either they are lone (one or
    // two, outside the job, and the agent never says a fetch is "still failing" — "6 attempts
    // made" is one request's routine retries) or a later request got through while the agent
    // stayed in contact during the job; then they support the cause at most
    // ... nor when a failure shows the path gone and the agent did not reach the host after it (a
    // processed goal state, or a heartbeat counting no goal-state errors)
    const lastReached = Math.max(latestTime(of(ctx, CONTACT)), latestTime(of(ctx, 'waagent.heartbeat', (h) => h.attrs.updateGSErrors === 0)));
    const gone = agent.filter((e) => pathGone(e) && !(e.ms !== null && lastReached > e.ms));
    const uncorroborated = !ext.length && !codes.length && !unanswered.length && !gone.length;
    const persistent = agent.some((e) => /still failing|Exceeded max retry/i.test(e.message));
    // ... or status uploads failing half an hour or more apart, between hundreds that got through
    const sporadic = !persistent && agent.length > 2 && sporadicUploads(agent);
    const lone = !persistent && (agent.length <= 2 || sporadic) && (!ctx.job || !agent.some((e) => inJob(ctx, e)));
    const contact = of(ctx, CONTACT, (e) => nearJob(ctx, e) >= 0.85);
    const isolated = agent.length <= 2 && contact.some((h) => agent.every((a) => (h.ms ?? 0) > (a.ms ?? 0)));
    const gotThrough = isolated || recovered(ctx, agent, 60 * 60_000, CONTACT);
    const retried = uncorroborated && (lone || (gotThrough && (!ctx.job || healthyInJob(ctx, CONTACT).length > 0)));
    const supporting = [...firewall, ...of(ctx, 'waagent.proxy'), ...(retried ? agent : [])];
    return found(this, ctx, { strong: retried ? [] : strong, supporting }, signs('finding.no-network.failures', [
      ...describeFailures([...agent, ...ext, ...unanswered]),
      codes.length > 0 && { id: 'finding.no-network.result-code', params: { codes: codes.map((e) => e.attrs.resultCode).join(', ') } },
      proxy.length > 0 && { id: 'finding.no-network.proxy', params: { settings: proxy.map(([k, v]) => `${k}=${v}`).join(', ') } },
      gone.length > 0 && { id: 'finding.no-network.path-gone', params: { count: gone.length } },
      retried && { id: gotThrough ? 'finding.no-network.retried' : sporadic ? 'finding.no-network.sporadic' : 'finding.no-network.isolated' },
    ]));
  },
};
