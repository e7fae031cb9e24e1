import { SNAPSHOT_HEADING, agentHealthySigns, ARTICLE, blind, CONTACT, found, notObservable, of, recovered, ruledOut, signs, type Cause } from './cause.js';

// (2.0.x: an error inside DoDhcpWork, logged with the try number or as a traceback from its frame)
const DHCP_FAILURE = /Failed to send DHCP request|DHCP not available|No route exists to 168\.63\.129\.16|Protocol endpoint not found|not responding\. Reset dhcp endpoint|DhcpError|no DHCP reply|DoDhcpWork,try=|, in DoDhcpWork$/im;

/** Signs that a DHCP try's failure was got over: the WireServer reached, or (2.0.x) found by a later try. */
const DHCP_GOT_OVER = new RegExp(`${CONTACT.source}|^waagent\\.endpoint\\.discovered$`);

export const dhcpDisabled: Cause = {
  id: 'dhcp-disabled',
  os: ['linux', 'windows'],
  docs: ARTICLE,
  symptoms: SNAPSHOT_HEADING,
  needs: ['waagent-log', 'dhcp-lease', 'syslog'],
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, { id: 'finding.dhcp-disabled.no-log' });
    // endpoint discovery is written on every boot ("WireServer endpoint is not found. Rerun dhcp
    // handler"): it counts only with a DHCP failure; the failures are the request, the route, the reply
    const problems = of(ctx, 'waagent.dhcp.problem');
    const agent = problems.filter((e) => DHCP_FAILURE.test(e.message));
    const discovery = problems.filter((e) => !DHCP_FAILURE.test(e.message));
    const lease = of(ctx, 'dhcp.lease', (e) => e.attrs.has245 === false);
    const goodLease = of(ctx, 'dhcp.lease', (e) => e.attrs.has245 === true);
    const sys = of(ctx, 'dhcp.problem');
    const noRoute = of(ctx, /^waagent\.(goal-state\.fetch-failed|http\.failed)$/, (e) => e.attrs.target === 'wireserver' && /no-route|unreachable/.test(String(e.attrs.mechanism)));
    // endpoint discovery lines the agent got past (it then reached the WireServer, or 2.0.x discovered
    // it through a later DHCP try) are routine start-up
    const routine = recovered(ctx, agent, 30 * 60_000, DHCP_GOT_OVER);
    const strong = [...(routine ? [] : agent), ...(goodLease.length ? [] : lease)];
    const supporting = [...sys, ...noRoute, ...(routine ? agent : []), ...(agent.length || noRoute.length || sys.length ? discovery : [])];
    if (!strong.length && !supporting.length) {
      return ruledOut(this, ctx, [...goodLease, ...agentHealthySigns(ctx)].slice(-2), { id: 'finding.dhcp-disabled.none' });
    }
    return found(this, ctx, { strong, supporting }, signs('finding.dhcp-disabled.signs', [
      agent.length > 0 && { id: routine ? 'finding.dhcp-disabled.retried' : 'finding.dhcp-disabled.not-discovered', params: { records: agent.length } },
      lease.length > 0 && !goodLease.length && { id: 'finding.dhcp-disabled.no-option-245' },
      noRoute.length > 0 && { id: 'finding.dhcp-disabled.no-route' },
      sys.length > 0 && { id: 'finding.dhcp-disabled.syslog-errors' },
    ]));
  },
};
