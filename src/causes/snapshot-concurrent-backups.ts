import { statusWithCode, SNAPSHOT_HEADING, ARTICLE, blind, found, notObservable, of, ruledOut, jobResult, type Cause } from './cause.js';

export const snapshotConcurrentBackups: Cause = {
  id: 'snapshot-concurrent-backups',
  os: ['linux', 'windows'],
  docs: ARTICLE,
  symptoms: SNAPSHOT_HEADING,
  needs: ['vmsnapshot-log', 'extension-status'],
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, { id: 'finding.missing.vmsnapshot-log' });
    const rate = [...of(ctx, 'vmsnapshot.rate-exceeded'), ...statusWithCode(ctx, [173])];
    if (!rate.length) return ruledOut(this, ctx, jobResult(ctx).slice(-1), { id: 'finding.snapshot-concurrent-backups.none' });
    return found(this, ctx, { strong: rate }, { id: 'finding.snapshot-concurrent-backups.throttled', params: { times: rate.length } });
  },
};
