import { SNAPSHOT_HEADING, ARTICLE, blind, found, inJob, notObservable, of, ruledOut, type Cause } from './cause.js';

export const snapshotVmShutdown: Cause = {
  id: 'snapshot-vm-shutdown',
  os: ['linux', 'windows'],
  docs: ARTICLE,
  symptoms: [...SNAPSHOT_HEADING, 'AzureVmOffline'],
  needs: ['waagent-log', 'syslog'],
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, { id: 'finding.snapshot-vm-shutdown.no-log' });
    if (!ctx.job) return notObservable(this, { id: 'finding.snapshot-vm-shutdown.no-job' });
    const shutdown = of(ctx, 'system.shutdown', (e) => inJob(ctx, e));
    const signal = of(ctx, 'waagent.agent.signal', (e) => inJob(ctx, e) && Number(e.attrs.signal) === 15);
    const boots = of(ctx, /^(system\.boot|waagent\.start\.daemon)$/, (e) => inJob(ctx, e));
    if (!shutdown.length && !signal.length) return ruledOut(this, ctx, of(ctx, /^waagent\.(heartbeat|goal-state\.processed)$|^vmsnapshot\.result$/, (e) => inJob(ctx, e)).slice(-1), { id: 'finding.snapshot-vm-shutdown.none' });
    return found(this, ctx, { strong: shutdown, supporting: [...signal, ...boots] }, { id: `finding.snapshot-vm-shutdown.${shutdown.length ? 'shut-down' : 'agent-stopped'}${boots.length ? '-restarted' : ''}` });
  },
};
