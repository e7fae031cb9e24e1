import { VMSNAPSHOT } from '../facts/index.js';
import { blind, found, notObservable, of, ruledOut, VM_TROUBLESHOOT, type Cause } from './cause.js';

export const otherExtensionFailed: Cause = {
  id: 'other-extension-failed',
  os: ['linux', 'windows'],
  docs: VM_TROUBLESHOOT,
  symptoms: ['UserErrorVmProvisioningStateFailed', 'UserErrorVmNotInDesirableState', 'UserErrorCrpReportedUserError'],
  needs: ['waagent-log', 'extension-status', 'extension-log', 'windows-agent-log'],
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, { id: 'finding.other-extension-failed.no-log' });
    const others = [...of(ctx, /^(?:waagent\.|windows\.)?extension\.(?:failed|timeout)$/, (e) => !!e.attrs.handler && e.attrs.handler !== VMSNAPSHOT),
      ...of(ctx, 'status.extension', (e) => e.level === 'error')];
    if (!others.length) return ruledOut(this, ctx, of(ctx, /^waagent\.(extension\.status|goal-state\.processed)$/).slice(-1), { id: 'finding.other-extension-failed.none' });
    const names = [...new Set(others.map((e) => String(e.attrs.handler ?? e.attrs.name ?? '?')))];
    return found(this, ctx, { strong: others }, { id: 'finding.other-extension-failed.failing', params: { names: names.join(', ') } });
  },
};
