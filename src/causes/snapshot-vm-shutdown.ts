import { SNAPSHOT_HEADING, ARTICLE, blind, found, inJob, notObservable, of, ruledOut, type Cause } from './cause.js';

export const snapshotVmShutdown: Cause = {
  id: 'snapshot-vm-shutdown',
  title: { en: 'The VM was shut down from inside the guest around the backup', ja: 'バックアップ前後にゲスト内から VM がシャットダウンされた' },
  fix: {
    en: 'Shut the VM down from the Azure portal (or CLI) rather than from inside the guest, so the platform knows its real state; then run the backup again.',
    ja: 'ゲスト内からではなく Azure portal (または CLI) から VM をシャットダウンし、プラットフォームが正しい状態を把握できるようにしてから、バックアップを再実行してください。',
  },
  docs: ARTICLE,
  symptoms: [...SNAPSHOT_HEADING, 'AzureVmOffline'],
  needs: ['waagent-log', 'syslog'],
  manual: { en: 'Check the activity log and `last -x shutdown reboot` for a shutdown at the backup time.', ja: 'アクティビティ ログと `last -x shutdown reboot` で、バックアップ時刻にシャットダウンがなかったか確認してください。' },
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, 'no agent log or syslog to see shutdowns');
    if (!ctx.job) return notObservable(this, 'the backup time is unknown, so a shutdown cannot be tied to it');
    const shutdown = of(ctx, 'system.shutdown', (e) => inJob(ctx, e));
    const signal = of(ctx, 'waagent.agent.signal', (e) => inJob(ctx, e) && Number(e.attrs.signal) === 15);
    const boots = of(ctx, /^(system\.boot|waagent\.start\.daemon)$/, (e) => inJob(ctx, e));
    if (!shutdown.length && !signal.length) return ruledOut(this, ctx, of(ctx, /^waagent\.(heartbeat|goal-state\.processed)$|^vmsnapshot\.result$/, (e) => inJob(ctx, e)).slice(-1), 'no shutdown or agent stop was logged during the backup window');
    return found(this, ctx, { strong: shutdown, supporting: [...signal, ...boots] }, `the guest ${shutdown.length ? 'shut down' : 'stopped the agent (signal 15)'} during the backup window${boots.length ? ' and started again afterwards' : ''}`);
  },
};
