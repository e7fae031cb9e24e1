import { agentHealthySigns, blind, found, LINUX_AGENT, notObservable, of, ruledOut, type Cause } from './cause.js';

export const statusUploadFailed: Cause = {
  id: 'status-upload-failed',
  title: { en: 'The agent is alive but cannot upload its status', ja: 'エージェントは動作しているが状態をアップロードできない' },
  fix: {
    en: 'Let the VM reach the status blob in storage (HTTPS 443) and the host plugin (168.63.129.16:32526); if the network is fine, retry later — the status blob may be failing on the platform side — and open a support case if it persists.',
    ja: 'VM からストレージ上の状態 BLOB (HTTPS 443) とホスト プラグイン (168.63.129.16:32526) に到達できるようにしてください。ネットワークに問題がなければ、プラットフォーム側の状態 BLOB の問題の可能性があるため時間をおいて再試行し、続く場合はサポート リクエストを作成してください。',
  },
  docs: LINUX_AGENT,
  symptoms: ['UserErrorGuestAgentStatusUnavailable'],
  needs: ['waagent-log'],
  manual: { en: 'Check the VM agent status in the portal (Ready / Not Ready).', ja: 'ポータルで VM エージェントの状態 (Ready / Not Ready) を確認してください。' },
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, 'no agent log in the bundle');
    const uploads = of(ctx, 'waagent.status.upload-failed');
    if (!uploads.length) return ruledOut(this, ctx, [...of(ctx, 'agent.status-blob'), ...agentHealthySigns(ctx)].slice(-1), 'the agent uploaded its status without error');
    const both = uploads.filter((e) => /either channel|for more than/.test(e.message));
    const alive = agentHealthySigns(ctx);
    const transient = !both.length && uploads.length <= 2;
    return found(this, ctx, { strong: both.length ? both : uploads, supporting: alive.slice(-1), factor: transient ? 0.5 : 1 },
      `status upload failed ${uploads.length} time(s)${both.length ? ', through both channels' : ''}${alive.length ? ' while the agent kept running' : ''}`);
  },
};
