import type { Event } from '../model/types.js';
import { agentHealthySigns, blind, found, LINUX_AGENT, notObservable, of, ruledOut, sporadicUploads, type Cause } from './cause.js';

const HOST_PLUGIN_PUT = /Exception Put VM status/;
/** A host-plugin put this soon after a failed direct upload was the same upload's second channel. */
const BOTH_WITHIN_MS = 5 * 60_000;

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
    // 2.2.7-2.2.14 log "Exception Put VM status" when the host plugin failed; they tried it right after a
    // failed direct upload, or alone once it had become the default channel: both channels failed only
    // when a direct upload failed just before it
    const direct = uploads.filter((e) => !HOST_PLUGIN_PUT.test(e.message) && e.ms !== null).map((e) => e.ms!);
    const afterDirect = (e: Event) => e.ms !== null && direct.some((t) => t <= e.ms! && e.ms! - t <= BOTH_WITHIN_MS);
    const both = uploads.filter((e) => /either channel|for more than/.test(e.message) || (HOST_PLUGIN_PUT.test(e.message) && afterDirect(e)));
    const alive = agentHealthySigns(ctx);
    // a definite 4xx answer (blob type, missing blob, refused) will not go away by itself
    // (an unsupported or unknown blob type is such an answer too)
    const definite = uploads.filter((e) => /^http-4\d\d$/.test(String(e.attrs.mechanism)) || /unsupported blob type/i.test(e.message));
    // one or two, or failures half an hour or more apart (sporadicUploads): uploads between them got through
    const transient = !both.length && !definite.length && (uploads.length <= 2 || sporadicUploads(uploads));
    return found(this, ctx, { strong: both.length ? both : uploads, supporting: alive.slice(-1), factor: transient ? 0.5 : 1 },
      { id: `finding.status-upload-failed.failed${both.length ? '-both' : ''}${alive.length ? '-alive' : ''}`, params: { times: uploads.length } });
  },
};
