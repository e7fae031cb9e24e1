import { ARTICLE, found, notObservable, jobResult, type Cause } from './cause.js';

export const restorePointLimit: Cause = {
  id: 'restore-point-limit',
  title: { en: 'Restore point collection limit reached (often a resource-group lock)', ja: '復元ポイント コレクションの上限に達した (多くはリソース グループのロックが原因)' },
  fix: {
    en: 'Remove the lock from the resource group that holds the restore points (AzureBackupRG_<geo>_<n>), delete the restore point collection (or let the next backup clean it up), and run the backup again. Putting the lock back brings the problem back.',
    ja: '復元ポイントを保持するリソース グループ (AzureBackupRG_<geo>_<n>) のロックを解除し、復元ポイント コレクションを削除して (または次回のバックアップに整理させて)、バックアップを再実行してください。ロックを戻すと問題が再発します。',
  },
  docs: ARTICLE,
  symptoms: ['UserErrorRpCollectionLimitReached', 'BackUpOperationFailed', 'BackUpOperationFailedV2'],
  needs: [],
  manual: { en: 'Service side: check locks on the AzureBackupRG_* resource group and the number of restore points (limit 18).', ja: 'サービス側: AzureBackupRG_* リソース グループのロックと、復元ポイントの数 (上限 18) を確認してください。' },
  role: 'failure',
  detect(ctx) {
    const ok = jobResult(ctx).filter((e) => [0, 1].includes(Number(e.attrs.resultCode ?? e.attrs.code)));
    if (ctx.symptom === 'UserErrorRpCollectionLimitReached') {
      return { ...found(this, ctx, { supporting: ok, absence: !ok.length }, 'the guest side looks healthy; the reported error is about restore points, which only the service side can show'), manualCheck: this.manual };
    }
    return notObservable(this, 'restore points live in the service: the guest bundle cannot show them');
  },
};
