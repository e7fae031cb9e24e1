import { found, notObservable, of, ruledOut, type Cause } from './cause.js';

/** Current limits: 32 TB per disk, 4 TB for encrypted disks (FORMATS.md §5). */
const LIMIT_GB = 32 * 1024;
const ENCRYPTED_LIMIT_GB = 4 * 1024;

export const diskTooLarge: Cause = {
  id: 'disk-too-large',
  title: { en: 'A disk is larger than Azure Backup supports', ja: 'Azure Backup がサポートするサイズを超えるディスクがある' },
  fix: {
    en: 'Attach a smaller disk, copy the data over, detach the oversized disk, then back up (limits: 32 TB per disk, 4 TB for encrypted disks).',
    ja: '小さいディスクを接続してデータをコピーし、サイズ超過のディスクを切り離してからバックアップしてください (上限: ディスクあたり 32 TB、暗号化ディスクは 4 TB)。',
  },
  docs: 'https://learn.microsoft.com/azure/backup/backup-support-matrix-iaas',
  symptoms: ['UserErrorUnsupportedDiskSize'],
  needs: ['kernel-log', 'syslog'],
  manual: { en: 'Check the size of every data disk in the portal (VM > Disks).', ja: 'ポータル (VM > ディスク) ですべてのデータ ディスクのサイズを確認してください。' },
  role: 'failure',
  detect(ctx) {
    const sizes = of(ctx, 'kernel.disk-size');
    if (!sizes.length) return notObservable(this, 'the bundle holds no kernel lines with disk sizes');
    const big = sizes.filter((e) => Number(e.attrs.sizeGB) > LIMIT_GB);
    const maybe = sizes.filter((e) => Number(e.attrs.sizeGB) > ENCRYPTED_LIMIT_GB && Number(e.attrs.sizeGB) <= LIMIT_GB);
    if (!big.length && !maybe.length) return ruledOut(this, ctx, sizes.slice(-1), `all ${new Set(sizes.map((e) => e.attrs.device)).size} disk(s) seen are within the 4 TB limit`);
    return found(this, ctx, { strong: big, supporting: maybe, timeless: true },
      `${[...big, ...maybe].map((e) => `${e.attrs.device} ${e.attrs.sizeText}`).join(', ')}${big.length ? ' exceeds 32 TB' : ' exceeds the 4 TB limit for encrypted disks'}`);
  },
};
