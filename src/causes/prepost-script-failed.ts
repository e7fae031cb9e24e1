import { statusWithCode, SNAPSHOT_HEADING, blind, found, notObservable, of, ruledOut, jobResult, type Cause } from './cause.js';

const PREPOST = (c: number) => c >= 300 && c <= 318 && c !== 316;

export const prepostScriptFailed: Cause = {
  id: 'prepost-script-failed',
  os: ['linux'],
  docs: 'https://learn.microsoft.com/azure/backup/backup-azure-linux-app-consistent',
  symptoms: SNAPSHOT_HEADING,
  needs: ['vmsnapshot-log', 'extension-status'],
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, { id: 'finding.missing.vmsnapshot-log' });
    const log = of(ctx, 'vmsnapshot.prepost.failed');
    const codes = statusWithCode(ctx, PREPOST);
    if (!log.length && !codes.length) return ruledOut(this, ctx, [...of(ctx, 'vmsnapshot.prepost.not-configured'), ...jobResult(ctx)].slice(-1), { id: 'finding.prepost-script-failed.none' });
    const names = [...new Set(log.map((e) => e.attrs.codeName).filter(Boolean))];
    return found(this, ctx, { strong: [...log, ...codes] }, names.length ? { id: 'finding.prepost-script-failed.failed-named', params: { names: names.join(', ') } } : { id: 'finding.prepost-script-failed.failed' });
  },
};
