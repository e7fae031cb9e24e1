import { statusWithCode, SNAPSHOT_HEADING, blind, found, notObservable, of, ruledOut, jobResult, type Cause } from './cause.js';

const PREPOST = (c: number) => c >= 300 && c <= 318 && c !== 316;

export const prepostScriptFailed: Cause = {
  id: 'prepost-script-failed',
  title: { en: 'An application-consistency pre/post script failed', ja: 'アプリケーション整合性のための事前/事後スクリプトが失敗した' },
  fix: {
    en: 'Fix the script named in the log and /etc/azure/VMSnapshotScriptPluginConfig.json: the paths must exist, both files must be owned by root with restrictive permissions (600 for the config, 700 for scripts), and the script must finish within timeoutInSeconds.',
    ja: 'ログに示されたスクリプトと /etc/azure/VMSnapshotScriptPluginConfig.json を修正してください。パスが存在し、どちらも root 所有で権限が厳しく (設定は 600、スクリプトは 700)、timeoutInSeconds 以内に終了する必要があります。',
  },
  docs: 'https://learn.microsoft.com/azure/backup/backup-azure-linux-app-consistent',
  symptoms: SNAPSHOT_HEADING,
  needs: ['vmsnapshot-log', 'extension-status'],
  manual: { en: 'Check /etc/azure/VMSnapshotScriptPluginConfig.json and the scripts it names (existence, owner root, permissions).', ja: '/etc/azure/VMSnapshotScriptPluginConfig.json とそこで指定されたスクリプト (存在、root 所有、権限) を確認してください。' },
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, 'no VMSnapshot log or status file in the bundle');
    const log = of(ctx, 'vmsnapshot.prepost.failed');
    const codes = statusWithCode(ctx, PREPOST);
    if (!log.length && !codes.length) return ruledOut(this, ctx, [...of(ctx, 'vmsnapshot.prepost.not-configured'), ...jobResult(ctx)].slice(-1), 'no pre/post script failure was logged');
    const names = [...new Set(log.map((e) => e.attrs.codeName).filter(Boolean))];
    return found(this, ctx, { strong: [...log, ...codes] }, `pre/post script framework failed${names.length ? ` (${names.join(', ')})` : ''}`);
  },
};
