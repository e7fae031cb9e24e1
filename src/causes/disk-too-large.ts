import { found, notObservable, of, ruledOut, type Cause } from './cause.js';
import { diskLimitAt, formatSize } from '../facts/index.js';
import type { Event } from '../model/types.js';

/** Disk size in bytes: the kernel's block count × block size; older events carry decimal GB only. */
function bytesOf(e: Event): number {
  return typeof e.attrs.bytes === 'number' ? e.attrs.bytes : Number(e.attrs.sizeGB) * 1e9;
}

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
    // the limit that applied when the disk was seen; sizes compared in bytes (TiB), never TB against TiB
    const limit = (e: Event) => diskLimitAt(e.ms);
    const big = sizes.filter((e) => bytesOf(e) > limit(e).plain);
    // the lower limit for encrypted disks applies only where Azure Disk Encryption shows in the bundle
    const encrypted = ctx.events.some((e) => /AzureDiskEncryption/.test(`${e.file} ${e.attrs.handler ?? ''}`));
    const maybe = encrypted ? sizes.filter((e) => bytesOf(e) > limit(e).encrypted && bytesOf(e) <= limit(e).plain) : [];
    const at = limit(sizes.at(-1)!);
    if (!big.length && !maybe.length) return ruledOut(this, ctx, sizes.slice(-1), `all ${new Set(sizes.map((e) => e.attrs.device)).size} disk(s) seen are within the ${formatSize(at.plain)} limit`);
    const l = limit([...big, ...maybe][0]!);
    return found(this, ctx, { strong: big, supporting: maybe, timeless: true },
      `${[...big, ...maybe].map((e) => `${e.attrs.device} ${formatSize(bytesOf(e))}`).join(', ')}${big.length ? ` exceeds the ${formatSize(l.plain)} limit` : ` exceeds the ${formatSize(l.encrypted)} limit for encrypted disks`}`);
  },
};
