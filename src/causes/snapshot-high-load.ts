import { VMSNAPSHOT } from '../facts/index.js';
import { statusWithCode, SNAPSHOT_HEADING, ARTICLE, blind, found, nearJob, notObservable, of, ruledOut, jobResult, signs, type Cause } from './cause.js';

export const snapshotHighLoad: Cause = {
  id: 'snapshot-high-load',
  os: ['linux', 'windows'],
  docs: ARTICLE,
  symptoms: [...SNAPSHOT_HEADING, 'GuestAgentSnapshotTaskStatusError', 'UserErrorFsFreezeFailed', 'ExtensionFailedTimeoutVMNetworkUnresponsive'],
  needs: ['vmsnapshot-log', 'extension-status', 'waagent-log', 'kernel-log', 'syslog'],
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, { id: 'finding.snapshot-high-load.no-log' });
    const tooLate = [...of(ctx, 'vmsnapshot.crp-timeout'), ...statusWithCode(ctx, [402])];
    const extTimeout = of(ctx, 'waagent.extension.failed', (e) => e.attrs.handler === VMSNAPSHOT && (e.attrs.timeoutSec !== undefined || e.attrs.cpuThrottled === true));
    const stuck = ctx.job && ctx.job.statusCode === 4 ? of(ctx, 'status.vmsnapshot', (e) => Number(e.attrs.code) === 4) : [];
    const freezeTimeout = of(ctx, 'vmsnapshot.freeze.failed', (e) => /timed-out|took longer than timeout|timely Thaw|unable to sleep/i.test(e.message));
    const kernel = of(ctx, /^kernel\.(oom|hung-task)$/, (e) => nearJob(ctx, e) >= 0.85);
    const strong = [...tooLate, ...extTimeout];
    const supporting = [...stuck, ...freezeTimeout, ...kernel];
    if (!strong.length && !supporting.length) return ruledOut(this, ctx, jobResult(ctx).slice(-1), { id: 'finding.snapshot-high-load.none' });
    return found(this, ctx, { strong, supporting }, signs('finding.snapshot-high-load.signs', [
      tooLate.length > 0 && { id: 'finding.snapshot-high-load.crp-timeout' },
      extTimeout.length > 0 && { id: extTimeout.some((e) => e.attrs.cpuThrottled) ? 'finding.snapshot-high-load.agent-timeout-throttled' : 'finding.snapshot-high-load.agent-timeout' },
      stuck.length > 0 && { id: 'finding.snapshot-high-load.transitioning' },
      freezeTimeout.length > 0 && { id: 'finding.snapshot-high-load.freeze-timeout' },
      kernel.length > 0 && { id: 'finding.snapshot-high-load.kernel', params: { messages: kernel.length } },
    ]));
  },
};
