import { found, notObservable, of, ruledOut, type Cause } from './cause.js';
import { diskLimitAt, formatSize } from '../facts/index.js';
import type { Event } from '../model/types.js';

/** Disk size in bytes: the kernel's block count × block size; older events carry decimal GB only. */
function bytesOf(e: Event): number {
  return typeof e.attrs.bytes === 'number' ? e.attrs.bytes : Number(e.attrs.sizeGB) * 1e9;
}

export const diskTooLarge: Cause = {
  id: 'disk-too-large',
  os: ['linux', 'windows'],
  docs: 'https://learn.microsoft.com/azure/backup/backup-support-matrix-iaas',
  symptoms: ['UserErrorUnsupportedDiskSize'],
  needs: ['kernel-log', 'syslog'],
  role: 'failure',
  textParams: { limit: formatSize(diskLimitAt(null).plain), encryptedLimit: formatSize(diskLimitAt(null).encrypted) },
  detect(ctx) {
    const sizes = of(ctx, 'kernel.disk-size');
    if (!sizes.length) return notObservable(this, { id: 'finding.disk-too-large.no-sizes' });
    // the limit in force when the logs were written (their newest dated line), as for the agent
    // minimum; sizes compared in bytes (TiB), never TB against TiB
    const limit = diskLimitAt(ctx.facts.logTime ? Date.parse(ctx.facts.logTime) : null);
    const big = sizes.filter((e) => bytesOf(e) > limit.plain);
    // the lower limit for encrypted disks applies only where Azure Disk Encryption shows in the bundle
    const encrypted = ctx.events.some((e) => /AzureDiskEncryption/.test(`${e.file} ${e.attrs.handler ?? ''}`));
    const maybe = encrypted ? sizes.filter((e) => bytesOf(e) > limit.encrypted && bytesOf(e) <= limit.plain) : [];
    if (!big.length && !maybe.length) return ruledOut(this, ctx, sizes.slice(-1), { id: 'finding.disk-too-large.within', params: { disks: new Set(sizes.map((e) => e.attrs.device)).size, limit: formatSize(limit.plain) } });
    return found(this, ctx, { strong: big, supporting: maybe, timeless: true },
      { id: big.length ? 'finding.disk-too-large.too-large' : 'finding.disk-too-large.too-large-encrypted',
        params: { disks: [...big, ...maybe].map((e) => `${e.attrs.device} ${formatSize(bytesOf(e))}`).join(', '), limit: formatSize(big.length ? limit.plain : limit.encrypted) } });
  },
};
