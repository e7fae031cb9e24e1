import { agentHealthySigns, blind, found, LINUX_AGENT, notObservable, of, ruledOut, sporadicUploads, type Cause } from './cause.js';

export const statusUploadFailed: Cause = {
  id: 'status-upload-failed',
  os: ['linux', 'windows'],
  docs: LINUX_AGENT,
  symptoms: ['UserErrorGuestAgentStatusUnavailable'],
  needs: ['waagent-log'],
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, { id: 'finding.missing.agent-log' });
    const uploads = of(ctx, 'waagent.status.upload-failed');
    if (!uploads.length) return ruledOut(this, ctx, [...of(ctx, 'agent.status-blob'), ...agentHealthySigns(ctx)].slice(-1), { id: 'finding.status-upload-failed.none' });
    // 2.2.7-2.2.14 put the status through the host plugin only once the direct upload had failed (or
    // after it had), so its "Exception Put VM status" is what later agents call "via either channel"
    const both = uploads.filter((e) => /either channel|for more than|Exception Put VM status/.test(e.message));
    const alive = agentHealthySigns(ctx);
    // a definite 4xx answer (blob type, missing blob, refused) will not go away by itself
    // (an unsupported or unknown blob type is such an answer too)
    const definite = uploads.filter((e) => /^http-4\d\d$/.test(String(e.attrs.mechanism)) || /unsupported blob type/i.test(e.message));
    // one or two, or failures hours apart (sporadicUploads): uploads between them got through
    const transient = !both.length && !definite.length && (uploads.length <= 2 || sporadicUploads(uploads));
    return found(this, ctx, { strong: both.length ? both : uploads, supporting: alive.slice(-1), factor: transient ? 0.5 : 1 },
      { id: `finding.status-upload-failed.failed${both.length ? '-both' : ''}${alive.length ? '-alive' : ''}`, params: { times: uploads.length } });
  },
};
