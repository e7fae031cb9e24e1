import { agentHealthySigns, ARTICLE, blind, found, notObservable, of, ruledOut, type Cause } from './cause.js';

export const platformTransient: Cause = {
  id: 'platform-transient',
  title: { en: 'A transient error on the Azure host side', ja: 'Azure ホスト側の一時的なエラー' },
  fix: {
    en: 'Retry the backup in a few minutes; if it keeps failing with the same host-side error, open a support case with Microsoft.',
    ja: '数分後にバックアップを再試行してください。同じホスト側のエラーで失敗し続ける場合は、Microsoft にサポート リクエストを作成してください。',
  },
  docs: ARTICLE,
  symptoms: ['BackUpOperationFailed', 'BackUpOperationFailedV2'],
  needs: ['waagent-log', 'vmsnapshot-log'],
  manual: { en: 'Retry the job; check Azure Service Health for the region.', ja: 'ジョブを再試行し、リージョンの Azure Service Health を確認してください。' },
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, 'no agent or VMSnapshot log in the bundle');
    const host = [...of(ctx, 'vmsnapshot.host-error'),
      ...of(ctx, /^waagent\.(goal-state\.fetch-failed|http\.failed|status\.upload-failed)$/, (e) => /^http-5\d\d$/.test(String(e.attrs.mechanism)))];
    if (!host.length) return ruledOut(this, ctx, [...agentHealthySigns(ctx), ...of(ctx, 'vmsnapshot.snapshot.done')].slice(-1), 'no host-side (5xx) error was logged');
    const healthy = agentHealthySigns(ctx);
    return found(this, ctx, { strong: host, supporting: healthy.slice(-1), factor: 0.85 }, `the host answered with server errors ${host.length} time(s)${healthy.length ? ' while the guest stayed healthy' : ''}`);
  },
};
