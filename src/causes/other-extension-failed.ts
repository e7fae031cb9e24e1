import { VMSNAPSHOT } from '../facts/derive.js';
import { blind, found, notObservable, of, ruledOut, VM_TROUBLESHOOT, type Cause } from './cause.js';

export const otherExtensionFailed: Cause = {
  id: 'other-extension-failed',
  title: { en: 'Another extension failed and left the VM in a failed state', ja: '別の拡張機能が失敗し、VM がエラー状態になっている' },
  fix: {
    en: 'Fix or remove the failing extension named in the evidence (portal: VM > Extensions) so the VM returns to a succeeded provisioning state, then retry the backup.',
    ja: '根拠に示された失敗している拡張機能を修正または削除し (ポータルの VM > 拡張機能)、VM のプロビジョニング状態を成功に戻してから、バックアップを再試行してください。',
  },
  docs: VM_TROUBLESHOOT,
  symptoms: ['UserErrorVmProvisioningStateFailed', 'UserErrorVmNotInDesirableState', 'UserErrorCrpReportedUserError'],
  needs: ['waagent-log', 'extension-status'],
  manual: { en: 'Check every extension state in the portal (VM > Extensions).', ja: 'ポータル (VM > 拡張機能) ですべての拡張機能の状態を確認してください。' },
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, 'no agent log or extension status in the bundle');
    const others = [...of(ctx, 'waagent.extension.failed', (e) => !!e.attrs.handler && e.attrs.handler !== VMSNAPSHOT),
      ...of(ctx, 'status.extension', (e) => e.level === 'error')];
    if (!others.length) return ruledOut(this, ctx, of(ctx, /^waagent\.(extension\.status|goal-state\.processed)$/).slice(-1), 'no other extension reported a failure');
    const names = [...new Set(others.map((e) => String(e.attrs.handler ?? e.attrs.name ?? '?')))];
    return found(this, ctx, { strong: others }, `extension(s) failing: ${names.join(', ')}`);
  },
};
