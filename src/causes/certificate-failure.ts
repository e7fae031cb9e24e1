import { statusWithCode, blind, found, LINUX_AGENT, notObservable, of, ruledOut, type Cause } from './cause.js';

export const certificateFailure: Cause = {
  id: 'certificate-failure',
  title: { en: 'Protected settings cannot be decrypted (certificates / openssl)', ja: '保護された設定を復号できない (証明書 / openssl)' },
  fix: {
    en: 'Make sure openssl is installed and the agent can run it (OS.OpensslPath in /etc/waagent.conf), check FIPS settings, then restart the agent so it fetches the goal state and certificates again.',
    ja: 'openssl がインストールされ、エージェントが実行できることを確認し (/etc/waagent.conf の OS.OpensslPath)、FIPS の設定を確認してから、エージェントを再起動してゴール ステートと証明書を再取得させてください。',
  },
  docs: LINUX_AGENT,
  symptoms: ['UserErrorGuestAgentStatusUnavailable', 'ExtensionOperationFailedForManagedDisks', 'ExtensionConfigParsingFailure'],
  needs: ['waagent-log', 'vmsnapshot-log'],
  manual: { en: 'Run `openssl version` on the VM and look for Certificates.pem and <thumbprint>.prv files in /var/lib/waagent.', ja: 'VM で `openssl version` を実行し、/var/lib/waagent に Certificates.pem と <thumbprint>.prv があるか確認してください。' },
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, 'no agent or VMSnapshot log in the bundle');
    const strong = [...of(ctx, 'waagent.certificate.error', (e) => e.level !== 'info'), ...of(ctx, 'vmsnapshot.certificate'),
      ...statusWithCode(ctx, [16])];
    // a VMSnapshot run that got past its settings had them decrypted
    if (!strong.length) return ruledOut(this, ctx, of(ctx, /^vmsnapshot\.(task|run\.start)$/).slice(-1), 'no certificate or decryption error was logged');
    return found(this, ctx, { strong }, `protected settings could not be decrypted (${strong.length} record(s))`);
  },
};
