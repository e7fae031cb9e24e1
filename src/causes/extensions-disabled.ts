import { ARTICLE, blind, found, notObservable, of, ruledOut, type Cause } from './cause.js';

export const extensionsDisabled: Cause = {
  id: 'extensions-disabled',
  title: { en: 'Extension processing is disabled in /etc/waagent.conf', ja: '/etc/waagent.conf で拡張機能の処理が無効になっている' },
  fix: {
    en: 'Set Extensions.Enabled=y (and Provisioning.Agent=auto) in /etc/waagent.conf, restart the agent, and retry the backup.',
    ja: '/etc/waagent.conf で Extensions.Enabled=y (および Provisioning.Agent=auto) を設定し、エージェントを再起動してからバックアップを再試行してください。',
  },
  docs: ARTICLE,
  symptoms: ['GuestAgentSnapshotTaskStatusError'],
  needs: ['waagent-conf', 'waagent-log'],
  manual: { en: 'Check Extensions.Enabled and Provisioning.Agent in /etc/waagent.conf.', ja: '/etc/waagent.conf の Extensions.Enabled と Provisioning.Agent を確認してください。' },
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, 'no waagent.conf and no agent log in the bundle');
    const conf = of(ctx, 'config.waagent', (e) => e.attrs.key === 'Extensions.Enabled' && /^n/i.test(String(e.attrs.value)));
    const prov = of(ctx, 'config.waagent', (e) => e.attrs.key === 'Provisioning.Agent' && String(e.attrs.value) === 'disabled');
    const log = of(ctx, 'waagent.extensions-disabled');
    if (!conf.length && !log.length && !prov.length) {
      return ruledOut(this, ctx, of(ctx, 'config.waagent', (e) => e.attrs.key === 'Extensions.Enabled'), 'extension processing is enabled');
    }
    return found(this, ctx, { strong: [...conf, ...log], supporting: prov, timeless: conf.length > 0 }, `${conf.length ? 'waagent.conf sets Extensions.Enabled=n' : 'the agent says extension processing is disabled'}${prov.length ? '; Provisioning.Agent=disabled' : ''}`);
  },
};
