import { statusWithCode, SNAPSHOT_HEADING, blind, found, inJob, notObservable, of, ruledOut, jobResult, VM_TROUBLESHOOT, type Cause } from './cause.js';

export const fsfreezeFailed: Cause = {
  id: 'fsfreeze-failed',
  title: { en: 'A file system could not be frozen or thawed for the snapshot', ja: 'スナップショットのためのファイル システムのフリーズまたは解除に失敗した' },
  fix: {
    en: 'Find the mount point named in the log; unmount it, run fsck and remount it, or remove duplicate mounts. If it cannot be frozen, list it in MountsToSkip under [SnapshotThread] in /etc/azure/vmbackup.conf. Then retry the backup.',
    ja: 'ログに記録されたマウント ポイントを特定し、アンマウントして fsck を実行してから再マウントするか、重複したマウントを取り除いてください。フリーズできない場合は /etc/azure/vmbackup.conf の [SnapshotThread] にある MountsToSkip に追加してください。その後バックアップを再試行してください。',
  },
  docs: VM_TROUBLESHOOT,
  symptoms: ['UserErrorFsFreezeFailed', 'UserErrorUnableToOpenMount', ...SNAPSHOT_HEADING],
  needs: ['vmsnapshot-log', 'extension-status'],
  manual: { en: 'Run `mount` and `findmnt` on the VM and try `fsfreeze -f <mount> && fsfreeze -u <mount>` on each data mount.', ja: 'VM で `mount` と `findmnt` を実行し、各データ マウントで `fsfreeze -f <mount> && fsfreeze -u <mount>` を試してください。' },
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, 'no VMSnapshot log or status file in the bundle');
    const log = of(ctx, 'vmsnapshot.freeze.failed');
    const codes = statusWithCode(ctx, [121, 122, 123]);
    const strong = [...log, ...codes];
    if (!strong.length) return ruledOut(this, ctx, [...of(ctx, 'vmsnapshot.freeze.start'), ...jobResult(ctx)].slice(-1), 'the file systems froze and thawed without error');
    const mounts = [...new Set(log.map((e) => e.attrs.mount).filter(Boolean))];
    const code = [...codes, ...log].map((e) => Number(e.attrs.resultCode ?? e.attrs.code)).find((c) => [121, 122, 123].includes(c));
    const what = code === 123 ? 'a mount point could not be opened (code 123)' : code === 122 ? 'the freeze timed out (code 122)' : code === 121 ? 'the freeze failed (code 121)' : 'freeze/thaw errors';
    // a timeout names no mount: the last mount the safefreeze binary started on is the one that hung
    const binary = of(ctx, 'vmsnapshot.freeze.mount', (e) => e.attrs.binary === true && inJob(ctx, e)).at(-1);
    const hung = !mounts.length && binary ? `; the freeze binary was last freezing ${binary.attrs.mount}` : '';
    return found(this, ctx, { strong, supporting: binary ? [binary] : [] }, `${what}${mounts.length ? ` on ${mounts.join(', ')}` : ''}${hung}`);
  },
};
