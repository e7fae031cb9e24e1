import { agentHealthySigns, ARTICLE, blind, found, notObservable, of, ruledOut, signs, type Cause } from './cause.js';

export const classicVmAgentNotProvisioned: Cause = {
  id: 'classic-vm-agent-not-provisioned',
  os: ['linux', 'windows'],
  docs: ARTICLE,
  symptoms: ['UserErrorGuestAgentStatusUnavailable', 'UserErrorVmNotInDesirableState', 'AzureVmOffline'],
  needs: ['ovf-env', 'waagent-log', 'disable-agent'],
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, { id: 'finding.classic-vm-agent-not-provisioned.no-log' });
    const ovf = of(ctx, 'ovf.provision-guest-agent', (e) => e.attrs.value === false);
    const disabled = [...of(ctx, 'waagent.agent.disabled'), ...of(ctx, 'agent.disable-file')];
    const classic = of(ctx, /settings\.vmsnapshot|extensions-config\.settings/, (e) => /classiccompute/i.test(String(e.attrs.vmType ?? '')));
    // an agent that processes goal states is provisioned and running
    if (!ovf.length && !disabled.length) return ruledOut(this, ctx, [...of(ctx, 'ovf.provision-guest-agent'), ...agentHealthySigns(ctx)].slice(-1), { id: 'finding.classic-vm-agent-not-provisioned.provisioned' });
    return found(this, ctx, { strong: [...ovf, ...disabled], supporting: classic, timeless: true },
      signs('finding.classic-vm-agent-not-provisioned.signs', [
        ovf.length > 0 && { id: 'finding.classic-vm-agent-not-provisioned.ovf-false' },
        disabled.length > 0 && { id: 'finding.classic-vm-agent-not-provisioned.disabled' },
        classic.length > 0 && { id: 'finding.classic-vm-agent-not-provisioned.classic' },
      ]));
  },
};
