import { statusWithCode, SNAPSHOT_HEADING, ARTICLE, blind, found, notObservable, of, ruledOut, jobResult, type Cause } from './cause.js';

export const snapshotConcurrentBackups: Cause = {
  id: 'snapshot-concurrent-backups',
  title: { en: 'Too many backups at once: snapshot calls throttled', ja: '同時に多数のバックアップが実行され、スナップショット呼び出しが制限された' },
  fix: {
    en: 'Spread the backup schedules of VMs that share a cloud service or storage account over different times, then retry.',
    ja: '同じクラウド サービスやストレージ アカウントを共有する VM のバックアップ スケジュールを時間帯で分散させてから、再試行してください。',
  },
  docs: ARTICLE,
  symptoms: SNAPSHOT_HEADING,
  needs: ['vmsnapshot-log', 'extension-status'],
  manual: { en: 'Compare the backup policies of VMs in the same storage account or cloud service.', ja: '同じストレージ アカウントまたはクラウド サービスにある VM のバックアップ ポリシーを比較してください。' },
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, 'no VMSnapshot log or status file in the bundle');
    const rate = [...of(ctx, 'vmsnapshot.rate-exceeded'), ...statusWithCode(ctx, [173])];
    if (!rate.length) return ruledOut(this, ctx, jobResult(ctx).slice(-1), 'storage never throttled the snapshot calls');
    return found(this, ctx, { strong: rate }, `storage throttled the snapshot calls ${rate.length} time(s) (code 173, snapshot rate exceeded)`);
  },
};
