import { agentHealthySigns, ARTICLE, blind, found, notObservable, of, ruledOut, type Cause } from './cause.js';

export const classicVmAgentNotProvisioned: Cause = {
  id: 'classic-vm-agent-not-provisioned',
  title: { en: 'The VM agent was not provisioned (ProvisionGuestAgent is false)', ja: 'VM エージェントがプロビジョニングされていない (ProvisionGuestAgent が false)' },
  fix: {
    en: 'For a classic VM, set ProvisionGuestAgent to true with the classic Azure PowerShell (Get-AzureVM, set $vm.VM.ProvisionGuestAgent = $true, Update-AzureVM), then retry. On Linux also remove /var/lib/waagent/disable_agent and restart the agent.',
    ja: 'クラシック VM の場合は、クラシックの Azure PowerShell で ProvisionGuestAgent を true にし (Get-AzureVM、$vm.VM.ProvisionGuestAgent = $true、Update-AzureVM)、再試行してください。Linux では /var/lib/waagent/disable_agent も削除してエージェントを再起動してください。',
  },
  docs: ARTICLE,
  symptoms: ['UserErrorGuestAgentStatusUnavailable', 'UserErrorVmNotInDesirableState', 'AzureVmOffline'],
  needs: ['ovf-env', 'waagent-log', 'disable-agent'],
  manual: { en: 'Check ProvisionGuestAgent in /var/lib/waagent/ovf-env.xml and whether /var/lib/waagent/disable_agent exists.', ja: '/var/lib/waagent/ovf-env.xml の ProvisionGuestAgent と、/var/lib/waagent/disable_agent の有無を確認してください。' },
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, 'no ovf-env.xml, agent log or disable_agent marker in the bundle');
    const ovf = of(ctx, 'ovf.provision-guest-agent', (e) => e.attrs.value === false);
    const disabled = [...of(ctx, 'waagent.agent.disabled'), ...of(ctx, 'agent.disable-file')];
    const classic = of(ctx, /settings\.vmsnapshot|extensions-config\.settings/, (e) => /classiccompute/i.test(String(e.attrs.vmType ?? '')));
    // an agent that processes goal states is provisioned and running
    if (!ovf.length && !disabled.length) return ruledOut(this, ctx, [...of(ctx, 'ovf.provision-guest-agent'), ...agentHealthySigns(ctx)].slice(-1), 'the agent was provisioned and is not disabled');
    return found(this, ctx, { strong: [...ovf, ...disabled], supporting: classic, timeless: true },
      `${ovf.length ? 'ovf-env.xml says ProvisionGuestAgent=false; ' : ''}${disabled.length ? 'the agent disabled itself (disable_agent)' : ''}${classic.length ? '; classic VM' : ''}`.replace(/; $/, ''));
  },
};
