import { statusWithCode, SNAPSHOT_HEADING, blind, found, notObservable, of, ruledOut, jobResult, VM_TROUBLESHOOT, type Cause } from './cause.js';

export const snapshotLimitReached: Cause = {
  id: 'snapshot-limit-reached',
  title: { en: 'A disk has reached its blob snapshot limit', ja: 'ディスクの BLOB スナップショット数が上限に達した' },
  fix: {
    en: 'Delete blob snapshots of the disk that are no longer needed (check soft-delete retention too). If Azure Site Recovery also protects the VM, set isanysnapshotfailed=false in /etc/azure/vmbackup.conf and spread the schedules.',
    ja: '不要になったディスクの BLOB スナップショットを削除してください (論理削除の保持期間も確認してください)。Azure Site Recovery でも保護している場合は /etc/azure/vmbackup.conf で isanysnapshotfailed=false を設定し、スケジュールを分散してください。',
  },
  docs: VM_TROUBLESHOOT,
  symptoms: ['ExtensionFailedSnapshotLimitReachedError', ...SNAPSHOT_HEADING],
  needs: ['vmsnapshot-log', 'extension-status'],
  manual: { en: 'Count the snapshots of each disk blob in the storage account.', ja: 'ストレージ アカウントで各ディスク BLOB のスナップショット数を確認してください。' },
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, 'no VMSnapshot log or status file in the bundle');
    const strong = [...of(ctx, 'vmsnapshot.snapshot-limit'), ...statusWithCode(ctx, [85])];
    if (!strong.length) return ruledOut(this, ctx, jobResult(ctx).slice(-1), 'storage never refused a snapshot for the snapshot count');
    return found(this, ctx, { strong }, 'storage refused the snapshot: the snapshot count of the blob is exceeded (code 85)');
  },
};
