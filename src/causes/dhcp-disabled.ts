import { SNAPSHOT_HEADING, agentHealthySigns, ARTICLE, blind, CONTACT, found, notObservable, of, recovered, ruledOut, type Cause } from './cause.js';

const DHCP_FAILURE = /Failed to send DHCP request|DHCP not available|No route exists to 168\.63\.129\.16|Protocol endpoint not found|not responding\. Reset dhcp endpoint|DhcpError|no DHCP reply/i;

export const dhcpDisabled: Cause = {
  id: 'dhcp-disabled',
  title: { en: 'DHCP is disabled in the guest: the agent cannot find the WireServer', ja: 'ゲストで DHCP が無効になっており、エージェントが WireServer を見つけられない' },
  fix: {
    en: 'Keep DHCP enabled inside the guest (the lease carries option 245, the WireServer address). If the VM needs a fixed private IP, set it as static on the NIC in Azure instead of in the guest.',
    ja: 'ゲスト内の DHCP は有効のままにしてください (リースのオプション 245 が WireServer のアドレスを伝えます)。固定のプライベート IP が必要な場合は、ゲスト内ではなく Azure の NIC 側で静的に設定してください。',
  },
  docs: ARTICLE,
  symptoms: SNAPSHOT_HEADING,
  needs: ['waagent-log', 'dhcp-lease', 'syslog'],
  manual: { en: 'Check the guest network configuration (netplan dhcp4, ifcfg BOOTPROTO) and the DHCP lease for option 245.', ja: 'ゲストのネットワーク設定 (netplan の dhcp4、ifcfg の BOOTPROTO) と、DHCP リースにオプション 245 があるかを確認してください。' },
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, 'no agent log, syslog or DHCP lease in the bundle');
    // endpoint discovery is written on every boot ("WireServer endpoint is not found. Rerun dhcp
    // handler"): it counts only with a DHCP failure; the failures are the request, the route, the reply
    const problems = of(ctx, 'waagent.dhcp.problem');
    const agent = problems.filter((e) => DHCP_FAILURE.test(e.message));
    const discovery = problems.filter((e) => !DHCP_FAILURE.test(e.message));
    const lease = of(ctx, 'dhcp.lease', (e) => e.attrs.has245 === false);
    const goodLease = of(ctx, 'dhcp.lease', (e) => e.attrs.has245 === true);
    const sys = of(ctx, 'dhcp.problem');
    const noRoute = of(ctx, /^waagent\.(goal-state\.fetch-failed|http\.failed)$/, (e) => e.attrs.target === 'wireserver' && /no-route|unreachable/.test(String(e.attrs.mechanism)));
    // endpoint discovery lines the agent got past (it then reached the WireServer) are routine start-up
    const routine = recovered(ctx, agent, 30 * 60_000, CONTACT);
    const strong = [...(routine ? [] : agent), ...(goodLease.length ? [] : lease)];
    const supporting = [...sys, ...noRoute, ...(routine ? agent : []), ...(agent.length || noRoute.length || sys.length ? discovery : [])];
    if (!strong.length && !supporting.length) {
      return ruledOut(this, ctx, [...goodLease, ...agentHealthySigns(ctx)].slice(-2), 'the agent found the WireServer and no DHCP trouble was logged');
    }
    return found(this, ctx, { strong, supporting }, [
      agent.length ? (routine ? `DHCP endpoint discovery retried ${agent.length} time(s), then the agent reached the WireServer` : `the agent could not discover the WireServer through DHCP (${agent.length} record(s))`) : '',
      lease.length && !goodLease.length ? 'the DHCP lease has no option 245' : '',
      noRoute.length ? 'no route to 168.63.129.16' : '',
      sys.length ? 'DHCP client errors in syslog' : '',
    ].filter(Boolean).join('; '));
  },
};
