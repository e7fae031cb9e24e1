import { ARTICLE, blind, found, notObservable, of, ruledOut, signs, type Cause } from './cause.js';

export const extensionsDisabled: Cause = {
  id: 'extensions-disabled',
  os: ['linux'],
  docs: ARTICLE,
  symptoms: ['GuestAgentSnapshotTaskStatusError'],
  needs: ['waagent-conf', 'waagent-log'],
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, { id: 'finding.extensions-disabled.no-log' });
    const conf = of(ctx, 'config.waagent', (e) => e.attrs.key === 'Extensions.Enabled' && /^n/i.test(String(e.attrs.value)));
    const prov = of(ctx, 'config.waagent', (e) => e.attrs.key === 'Provisioning.Agent' && String(e.attrs.value) === 'disabled');
    const log = of(ctx, 'waagent.extensions-disabled');
    if (!conf.length && !log.length && !prov.length) {
      return ruledOut(this, ctx, of(ctx, 'config.waagent', (e) => e.attrs.key === 'Extensions.Enabled'), { id: 'finding.extensions-disabled.enabled' });
    }
    return found(this, ctx, { strong: [...conf, ...log], supporting: prov, timeless: conf.length > 0 }, signs('finding.extensions-disabled.signs', [{ id: conf.length ? 'finding.extensions-disabled.conf' : 'finding.extensions-disabled.log' }, prov.length > 0 && { id: 'finding.extensions-disabled.provisioning-disabled' }]));
  },
};
