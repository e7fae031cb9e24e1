import { VMSNAPSHOT } from '../facts/derive.js';
import { SNAPSHOT_HEADING, ARTICLE, blind, found, nearJob, notObservable, of, ruledOut, type Cause } from './cause.js';

export const extensionLoadFailed: Cause = {
  id: 'extension-load-failed',
  title: { en: 'The backup extension (VMSnapshotLinux) fails to install or load', ja: 'バックアップ拡張機能 (VMSnapshotLinux) のインストールまたは読み込みに失敗している' },
  fix: {
    en: 'Uninstall the VMSnapshot extension (portal: VM > Extensions, or `az vm extension delete`) so the next backup installs it fresh; update the VM agent; make sure a supported Python is present. On Windows, check that the iaasvmprovider service is enabled and Automatic.',
    ja: 'VMSnapshot 拡張機能をアンインストールし (ポータルの VM > 拡張機能、または `az vm extension delete`)、次回のバックアップで新しくインストールされるようにしてください。VM エージェントを更新し、サポートされる Python があることを確認してください。Windows では iaasvmprovider サービスが有効で自動起動になっているか確認してください。',
  },
  docs: ARTICLE,
  symptoms: [...SNAPSHOT_HEADING, 'UserErrorVmNotInDesirableState', 'ExtensionStuckInDeletionState', 'ExtensionConfigParsingFailure', 'UserErrorCrpReportedUserError'],
  needs: ['waagent-log', 'handler-state', 'vmsnapshot-shell-log', 'command-execution-log'],
  manual: { en: 'Check the extension state in the portal (VM > Extensions) and /var/lib/waagent/Microsoft.Azure.RecoveryServices.VMSnapshotLinux-*/config/HandlerState.', ja: 'ポータル (VM > 拡張機能) の拡張機能の状態と /var/lib/waagent/Microsoft.Azure.RecoveryServices.VMSnapshotLinux-*/config/HandlerState を確認してください。' },
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, 'no agent log or handler state in the bundle');
    const failures = of(ctx, 'waagent.extension.failed', (e) => e.attrs.handler === VMSNAPSHOT && e.attrs.timeoutSec === undefined);
    const state = of(ctx, 'handler.state', (e) => /^(NotInstalled|FailedUpgrade)$/i.test(String(e.attrs.state)) && String(e.attrs.handler ?? VMSNAPSHOT) === VMSNAPSHOT);
    const hstatus = of(ctx, 'handler.status', (e) => e.attrs.status === 'NotReady' && String(e.attrs.handler ?? VMSNAPSHOT) === VMSNAPSHOT);
    const shell = of(ctx, /^vmsnapshot\.shell\.(exit|no-python)$/, (e) => e.level === 'error');
    const strong = [...failures, ...state, ...hstatus, ...shell];
    if (!strong.length) {
      const ran = of(ctx, /^vmsnapshot\.(run\.start|result)$|^status\.vmsnapshot$/, (e) => nearJob(ctx, e) >= 0.85);
      return ruledOut(this, ctx, ran.slice(-1), 'VMSnapshot installed and ran without load errors');
    }
    const mods = [...new Set(failures.map((e) => e.attrs.missingModule).filter(Boolean))];
    const rcs = [...new Set([...failures, ...shell].map((e) => e.attrs.exitCode).filter((x) => x !== undefined))];
    const ops = [...new Set(failures.map((e) => e.attrs.op).filter(Boolean))];
    return found(this, ctx, { strong }, [
      failures.length ? `VMSnapshotLinux ${ops.join('/') || 'command'} failed ${failures.length} time(s)${rcs.length ? ` (exit code ${rcs.join(', ')})` : ''}` : '',
      mods.length ? `Python cannot import ${mods.map((m) => `'${m}'`).join(', ')}: the extension build does not support this Python` : '',
      failures.some((e) => /Downgrade not allowed/.test(e.message)) ? 'the agent refused a downgrade of the extension' : '',
      state.length ? `handler state ${state.at(-1)!.attrs.state}` : '',
      hstatus.length ? 'handler status NotReady' : '',
      shell.some((e) => e.kind === 'vmsnapshot.shell.no-python') ? 'handle.sh found no Python' : '',
    ].filter(Boolean).join('; '));
  },
};
