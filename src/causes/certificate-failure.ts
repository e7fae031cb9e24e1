import { statusWithCode, blind, found, LINUX_AGENT, notObservable, of, ruledOut, type Cause } from './cause.js';

export const certificateFailure: Cause = {
  id: 'certificate-failure',
  os: ['linux'],
  docs: LINUX_AGENT,
  symptoms: ['UserErrorGuestAgentStatusUnavailable', 'ExtensionOperationFailedForManagedDisks', 'ExtensionConfigParsingFailure'],
  needs: ['waagent-log', 'vmsnapshot-log'],
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, { id: 'finding.missing.agent-or-vmsnapshot-log' });
    const strong = [...of(ctx, 'waagent.certificate.error', (e) => e.level !== 'info'), ...of(ctx, 'vmsnapshot.certificate'),
      ...statusWithCode(ctx, [16])];
    // a VMSnapshot run that got past its settings had them decrypted
    if (!strong.length) return ruledOut(this, ctx, of(ctx, /^vmsnapshot\.(task|run\.start)$/).slice(-1), { id: 'finding.certificate-failure.none' });
    return found(this, ctx, { strong }, { id: 'finding.certificate-failure.failed', params: { records: strong.length } });
  },
};
