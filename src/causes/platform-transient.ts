import { agentHealthySigns, ARTICLE, blind, CONTACT, found, hostServerErrors, notObservable, of, recovered, ruledOut, signs, type Cause } from './cause.js';

/** A download the agent got over is routine when a goal state was processed this soon after it. */
const RETRIED_WITHIN_MS = 15 * 60_000;

export const platformTransient: Cause = {
  id: 'platform-transient',
  os: ['linux', 'windows'],
  docs: ARTICLE,
  symptoms: ['BackUpOperationFailed', 'BackUpOperationFailedV2'],
  // the agent's lines wrapped in syslog say the same
  needs: ['waagent-log', 'vmsnapshot-log', 'syslog'],
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, { id: 'finding.missing.agent-or-vmsnapshot-log' });
    const host = hostServerErrors(ctx);
    // the host plugin refusing an extension artifact (4xx): it checks each request against the host's own
    // record of the VM's container, and the agent reads a 400 InvalidContainerConfiguration as its goal
    // state gone stale under it (a live migration) and refreshes it; the platform moved, the guest is fine
    const refused = of(ctx, 'waagent.download.failed', (e) => e.attrs.target === 'hostplugin' && /^http-4\d\d$/.test(String(e.attrs.mechanism)));
    if (!host.length && !refused.length) return ruledOut(this, ctx, [...agentHealthySigns(ctx), ...of(ctx, 'vmsnapshot.snapshot.done')].slice(-1), { id: 'finding.platform-transient.none' });
    // ... and a refusal followed by a processed goal state was retried through it (the agent's
    // maintainers ignore it in their own test runs): a sign at most
    const retried = refused.length > 0 && recovered(ctx, refused, RETRIED_WITHIN_MS, CONTACT);
    const healthy = agentHealthySigns(ctx);
    const codes = [...new Set(refused.map((e) => e.attrs.statusCode))].join(', ');
    return found(this, ctx, { strong: [...host, ...(retried ? [] : refused)], supporting: [...healthy.slice(-1), ...(retried ? refused : [])], factor: 0.85 },
      signs('finding.platform-transient.signs', [
        host.length > 0 && { id: 'finding.platform-transient.server-errors', params: { times: host.length } },
        refused.length > 0 && { id: 'finding.platform-transient.artifact-refused', params: { times: refused.length, codes } },
        retried && { id: 'finding.platform-transient.artifact-retried' },
        healthy.length > 0 && { id: 'finding.platform-transient.guest-healthy' },
      ]));
  },
};
