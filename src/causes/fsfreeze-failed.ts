import { freezesNeverThawed } from '../../grammars/vmsnapshot-run.js';
import { statusWithCode, SNAPSHOT_HEADING, blind, found, inJob, notObservable, of, ruledOut, jobResult, signs, VM_TROUBLESHOOT, type Cause } from './cause.js';

export const fsfreezeFailed: Cause = {
  id: 'fsfreeze-failed',
  os: ['linux'],
  docs: VM_TROUBLESHOOT,
  symptoms: ['UserErrorFsFreezeFailed', 'UserErrorUnableToOpenMount', ...SNAPSHOT_HEADING],
  needs: ['vmsnapshot-log', 'extension-status'],
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, { id: 'finding.missing.vmsnapshot-log' });
    const log = of(ctx, 'vmsnapshot.freeze.failed');
    const codes = statusWithCode(ctx, [121, 122, 123]);
    const neverThawed = freezesNeverThawed(ctx.events);
    const strong = [...log, ...codes, ...neverThawed];
    if (!strong.length) return ruledOut(this, ctx, [...of(ctx, 'vmsnapshot.freeze.start'), ...jobResult(ctx)].slice(-1), { id: 'finding.fsfreeze-failed.none' });
    const mounts = [...new Set(log.map((e) => e.attrs.mount).filter(Boolean))];
    const code = [...codes, ...log].map((e) => Number(e.attrs.resultCode ?? e.attrs.code)).find((c) => [121, 122, 123].includes(c));
    const what = `finding.fsfreeze-failed.${code === 123 ? 'cannot-open' : code === 122 ? 'timed-out' : code === 121 ? 'failed' : !log.length && neverThawed.length ? 'never-thawed' : 'errors'}`;
    // a timeout names no mount: the last mount the safefreeze binary started on is the one that hung
    const binary = of(ctx, 'vmsnapshot.freeze.mount', (e) => e.attrs.binary === true && inJob(ctx, e)).at(-1);
    return found(this, ctx, { strong, supporting: binary ? [binary] : [] }, signs('finding.fsfreeze-failed.signs', [
      mounts.length ? { id: 'finding.fsfreeze-failed.on', params: { what, mounts: mounts.join(', ') } } : { id: what },
      !mounts.length && binary !== undefined && { id: 'finding.fsfreeze-failed.last-mount', params: { mount: String(binary.attrs.mount) } },
    ]));
  },
};
