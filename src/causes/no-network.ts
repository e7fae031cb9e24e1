import type { Event } from '../model/types.js';
import { statusWithCode, agentHealthySigns, ARTICLE, blind, CONTACT, found, healthyInJob, inJob, nearJob, notObservable, of, recovered, ruledOut, type Cause } from './cause.js';

/** VMSnapshot result codes of a snapshot that could not reach storage (FORMATS.md §3.6). */
export const NO_NETWORK_CODES = [76, 761, 15];

const CONNECTIVITY = new Set(['timeout', 'refused', 'no-route', 'unreachable', 'reset', 'proxy', 'tls', 'dns']);
const TARGET_NAMES: Record<string, string> = {
  wireserver: 'WireServer 168.63.129.16:80', hostplugin: 'host plugin 168.63.129.16:32526', storage: 'Azure Storage (*.blob)', other: 'an outside host',
};
const HOW: Record<string, string> = {
  timeout: 'timed out (packets dropped: NSG/firewall)', refused: 'connection refused (local reject)', 'no-route': 'no route to host',
  unreachable: 'network unreachable', reset: 'connection reset', proxy: 'proxy error', tls: 'TLS failure', dns: 'name resolution failed', unknown: 'failed',
};

/** "WireServer 168.63.129.16:80 — no route to host (12×)" for each target and mechanism seen. */
export function describeFailures(events: Event[]): string {
  const groups = new Map<string, number>();
  for (const e of events) {
    const k = `${TARGET_NAMES[String(e.attrs.target ?? 'other')] ?? 'an outside host'} — ${HOW[String(e.attrs.mechanism)] ?? String(e.attrs.mechanism ?? 'failed')}`;
    groups.set(k, (groups.get(k) ?? 0) + 1);
  }
  return [...groups.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} (${n}×)`).join('; ');
}

export const noNetwork: Cause = {
  id: 'no-network',
  title: { en: 'The VM cannot reach Azure (168.63.129.16 or storage)', ja: 'VM が Azure (168.63.129.16 またはストレージ) に接続できない' },
  fix: {
    en: 'Allow outbound traffic to the Azure datacenter ranges or service tags (Storage) in the NSG and the guest firewall, or route it through an HTTP proxy set with HttpProxy.Host/HttpProxy.Port in /etc/waagent.conf. Never block 168.63.129.16 on ports 80, 443 and 32526; managed disks may also need port 8443.',
    ja: 'NSG とゲスト内のファイアウォールで Azure データセンターの IP 範囲またはサービス タグ (Storage) への送信を許可するか、/etc/waagent.conf の HttpProxy.Host/HttpProxy.Port で HTTP プロキシ経由にしてください。168.63.129.16 のポート 80・443・32526 は決してブロックしないでください。マネージド ディスクではポート 8443 も必要な場合があります。',
  },
  docs: ARTICLE,
  symptoms: ['UserErrorGuestAgentStatusUnavailable', 'ExtensionSnapshotFailedNoNetwork', 'ExtensionOperationFailedForManagedDisks', 'GuestAgentSnapshotTaskStatusError', 'BackUpOperationFailed', 'BackUpOperationFailedV2', 'ExtensionFailedTimeoutVMNetworkUnresponsive', 'ExtensionSnapshotFailedNoSecureNetwork'],
  needs: ['waagent-log', 'vmsnapshot-log', 'extension-status', 'syslog', 'windows-agent-log'],
  manual: { en: 'From the VM, test `curl http://168.63.129.16/?comp=versions` and an HTTPS request to a storage account; review NSG outbound rules and iptables.', ja: 'VM 内で `curl http://168.63.129.16/?comp=versions` とストレージ アカウントへの HTTPS 接続を試し、NSG の送信規則と iptables を確認してください。' },
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, 'neither agent nor VMSnapshot logs are in the bundle');
    const agent = of(ctx, /^waagent\.(goal-state\.fetch-failed|status\.upload-failed|hostplugin\.heartbeat-failed|download\.failed|http\.failed)$/,
      (e) => CONNECTIVITY.has(String(e.attrs.mechanism)));
    const ext = of(ctx, /^vmsnapshot\.(network\.failed|host\.unreachable)$|^windows\.network\.failed$/);
    const codes = statusWithCode(ctx, NO_NETWORK_CODES);
    const proxy = Object.entries(ctx.facts.waagentConf).filter(([k, v]) => /^HttpProxy\.(Host|Port)$/.test(k) && v && v !== 'None');
    const firewall = of(ctx, 'waagent.firewall.problem');
    const strong = [...agent, ...ext, ...codes];
    if (!strong.length) {
      return ruledOut(this, ctx, agentHealthySigns(ctx).slice(-2), 'no connection failure to 168.63.129.16 or storage was logged');
    }
    // agent requests that a later request got through are retries, not a cut-off network: they
    // support the cause at most, unless the agent was not healthy during the job
    const contact = of(ctx, CONTACT, (e) => nearJob(ctx, e) >= 0.85);
    const isolated = agent.length <= 2 && contact.some((h) => agent.every((a) => (h.ms ?? 0) > (a.ms ?? 0)));
    // one or two failed agent requests with nothing else (no VMSnapshot failure, no job they fall
    // in) are noise the agent retries, not a network that is down
    // (the agent saying a fetch is "still failing" has seen it fail over time; "6 attempts made"
    // is one request's routine retries and says nothing of the next one)
    const persistent = agent.some((e) => /still failing|Exceeded max retry/i.test(e.message));
    const lone = !persistent && agent.length <= 2 && (!ctx.job || !agent.some((e) => inJob(ctx, e)));
    const retried = !ext.length && !codes.length && (lone || isolated || recovered(ctx, agent, 60 * 60_000, CONTACT)) && (!ctx.job || healthyInJob(ctx, CONTACT).length > 0 || lone);
    const transient = retried;
    const supporting = [...firewall, ...of(ctx, 'waagent.proxy'), ...(retried ? agent : [])];
    if (retried) strong.length = 0;
    const summary = `connection failures: ${describeFailures([...agent, ...ext])}${codes.length ? `; VMSnapshot result code ${codes.map((e) => e.attrs.resultCode).join(', ')} (no network)` : ''}${proxy.length ? `; proxy configured (${proxy.map(([k, v]) => `${k}=${v}`).join(', ')})` : ''}${transient ? '; each was retried successfully' : ''}`;
    return found(this, ctx, { strong, supporting }, summary);
  },
};
