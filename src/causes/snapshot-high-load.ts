import { VMSNAPSHOT } from '../facts/derive.js';
import { statusWithCode, SNAPSHOT_HEADING, ARTICLE, blind, found, nearJob, notObservable, of, ruledOut, jobResult, type Cause } from './cause.js';

export const snapshotHighLoad: Cause = {
  id: 'snapshot-high-load',
  title: { en: 'The VM was too busy: the snapshot task was delayed or timed out', ja: 'VM の負荷が高く、スナップショット タスクが遅延またはタイムアウトした' },
  fix: {
    en: 'Take an on-demand backup at a quieter time; if CPU or memory stays above about 90%, move to a larger VM size.',
    ja: '負荷の低い時間帯にオンデマンド バックアップを実行してください。CPU やメモリの使用率が約 90% を超え続ける場合は、より大きな VM サイズに変更してください。',
  },
  docs: ARTICLE,
  symptoms: [...SNAPSHOT_HEADING, 'GuestAgentSnapshotTaskStatusError', 'UserErrorFsFreezeFailed', 'ExtensionFailedTimeoutVMNetworkUnresponsive'],
  needs: ['vmsnapshot-log', 'extension-status', 'waagent-log', 'kernel-log', 'syslog'],
  manual: { en: 'Check CPU and memory metrics of the VM at the backup time in Azure Monitor.', ja: 'Azure Monitor で、バックアップ時刻の VM の CPU とメモリのメトリックを確認してください。' },
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, 'no VMSnapshot, agent or kernel log in the bundle');
    const tooLate = [...of(ctx, 'vmsnapshot.crp-timeout'), ...statusWithCode(ctx, [402])];
    const extTimeout = of(ctx, 'waagent.extension.failed', (e) => e.attrs.handler === VMSNAPSHOT && (e.attrs.timeoutSec !== undefined || e.attrs.cpuThrottled === true));
    const stuck = ctx.job && ctx.job.statusCode === 4 ? of(ctx, 'status.vmsnapshot', (e) => Number(e.attrs.code) === 4) : [];
    const freezeTimeout = of(ctx, 'vmsnapshot.freeze.failed', (e) => /timed-out|took longer than timeout|timely Thaw|unable to sleep/i.test(e.message));
    const kernel = of(ctx, /^kernel\.(oom|hung-task)$/, (e) => nearJob(ctx, e) >= 0.85);
    const strong = [...tooLate, ...extTimeout];
    const supporting = [...stuck, ...freezeTimeout, ...kernel];
    if (!strong.length && !supporting.length) return ruledOut(this, ctx, jobResult(ctx).slice(-1), 'no timeout, delay or memory pressure was logged');
    const bits = [];
    if (tooLate.length) bits.push('the extension started too late and gave up (CRP timeout, code 402)');
    if (extTimeout.length) bits.push('the VMSnapshot command hit the agent timeout' + (extTimeout.some((e) => e.attrs.cpuThrottled) ? ' while CPU-throttled' : ''));
    if (stuck.length) bits.push('the last status is still "transitioning" (code 4)');
    if (freezeTimeout.length) bits.push('the file-system freeze timed out');
    if (kernel.length) bits.push(`${kernel.length} OOM/hung-task kernel message(s) near the backup`);
    return found(this, ctx, { strong, supporting }, bits.join('; '));
  },
};
