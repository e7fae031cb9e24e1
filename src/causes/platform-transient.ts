import { agentHealthySigns, ARTICLE, blind, found, notObservable, of, ruledOut, type Cause } from './cause.js';

export const platformTransient: Cause = {
  id: 'platform-transient',
  os: ['linux', 'windows'],
  docs: ARTICLE,
  symptoms: ['BackUpOperationFailed', 'BackUpOperationFailedV2'],
  needs: ['waagent-log', 'vmsnapshot-log'],
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, { id: 'finding.missing.agent-or-vmsnapshot-log' });
    const host = [...of(ctx, 'vmsnapshot.host-error'),
      ...of(ctx, /^waagent\.(goal-state\.fetch-failed|http\.failed|status\.upload-failed)$/, (e) => /^http-5\d\d$/.test(String(e.attrs.mechanism)))];
    if (!host.length) return ruledOut(this, ctx, [...agentHealthySigns(ctx), ...of(ctx, 'vmsnapshot.snapshot.done')].slice(-1), { id: 'finding.platform-transient.none' });
    const healthy = agentHealthySigns(ctx);
    return found(this, ctx, { strong: host, supporting: healthy.slice(-1), factor: 0.85 }, { id: healthy.length ? 'finding.platform-transient.server-errors-healthy' : 'finding.platform-transient.server-errors', params: { times: host.length } });
  },
};
