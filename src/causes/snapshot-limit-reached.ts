import { statusWithCode, SNAPSHOT_HEADING, blind, found, notObservable, of, ruledOut, jobResult, VM_TROUBLESHOOT, type Cause } from './cause.js';

export const snapshotLimitReached: Cause = {
  id: 'snapshot-limit-reached',
  os: ['linux', 'windows'],
  docs: VM_TROUBLESHOOT,
  symptoms: ['ExtensionFailedSnapshotLimitReachedError', ...SNAPSHOT_HEADING],
  needs: ['vmsnapshot-log', 'extension-status'],
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, { id: 'finding.missing.vmsnapshot-log' });
    const strong = [...of(ctx, 'vmsnapshot.snapshot-limit'), ...statusWithCode(ctx, [85])];
    if (!strong.length) return ruledOut(this, ctx, jobResult(ctx).slice(-1), { id: 'finding.snapshot-limit-reached.none' });
    return found(this, ctx, { strong }, { id: 'finding.snapshot-limit-reached.exceeded' });
  },
};
