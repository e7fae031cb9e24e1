/** The cause catalogue: adding a cause is adding its file and one line here. */
import type { CauseId } from '../model/types.js';
import type { Finding } from '../model/types.js';
import { appliesTo, notObservable, type Cause, type CauseContext, type Localized, type Os } from './cause.js';
import { causeText, type TextField } from '../messages/cause-texts.js';
import { staleGoalStateFiles } from './stale-goal-state-files.js';
import { noNetwork } from './no-network.js';
import { agentUnresponsive } from './agent-unresponsive.js';
import { agentOutdated } from './agent-outdated.js';
import { snapshotSqlVss } from './snapshot-sql-vss.js';
import { snapshotVmShutdown } from './snapshot-vm-shutdown.js';
import { snapshotConcurrentBackups } from './snapshot-concurrent-backups.js';
import { snapshotHighLoad } from './snapshot-high-load.js';
import { dhcpDisabled } from './dhcp-disabled.js';
import { extensionLoadFailed } from './extension-load-failed.js';
import { classicVmAgentNotProvisioned } from './classic-vm-agent-not-provisioned.js';
import { restorePointLimit } from './restore-point-limit.js';
import { diskTooLarge } from './disk-too-large.js';
import { extensionsDisabled } from './extensions-disabled.js';
import { fsfreezeFailed } from './fsfreeze-failed.js';
import { prepostScriptFailed } from './prepost-script-failed.js';
import { snapshotLimitReached } from './snapshot-limit-reached.js';
import { certificateFailure } from './certificate-failure.js';
import { statusUploadFailed } from './status-upload-failed.js';
import { otherExtensionFailed } from './other-extension-failed.js';
import { platformTransient } from './platform-transient.js';

/** A cause as the library lists it: with its catalogue texts in both languages, for every OS it applies to. */
export type ListedCause = Cause & { readonly title: Localized; readonly fix: Localized; readonly manual: Localized };

function listed(cause: Cause): ListedCause {
  const texts = (field: TextField) => ({ get: () => ({ en: causeText(cause, field, 'en'), ja: causeText(cause, field, 'ja') }), enumerable: true });
  return Object.defineProperties(cause, { title: texts('title'), fix: texts('fix'), manual: texts('manual') }) as ListedCause;
}

export const CAUSES: ListedCause[] = [
  staleGoalStateFiles, noNetwork, agentUnresponsive, agentOutdated, snapshotSqlVss, snapshotVmShutdown,
  snapshotConcurrentBackups, snapshotHighLoad, dhcpDisabled, extensionLoadFailed, classicVmAgentNotProvisioned,
  restorePointLimit, diskTooLarge, extensionsDisabled, fsfreezeFailed, prepostScriptFailed, snapshotLimitReached,
  certificateFailure, statusUploadFailed, otherExtensionFailed, platformTransient,
].map(listed);

/** Runs every cause on the context; a bug in one rule must not hide the others. */
export function runCauses(ctx: CauseContext): Finding[] {
  return CAUSES.map((c) => {
    try {
      return c.detect(ctx);
    } catch (e) {
      return notObservable(c, { id: 'finding.rule-failed', params: { error: (e as Error).message } });
    }
  });
}

export function causeById(id: string): ListedCause | undefined {
  return CAUSES.find((c) => c.id === id);
}

/** Whether the cause can happen on a guest of this OS; false for an unknown id. */
export function causeAppliesTo(id: string, os: Os): boolean {
  const c = causeById(id);
  return c !== undefined && appliesTo(c, os);
}

export { appliesTo, bundleOs } from './cause.js';
export type { Cause, CauseContext, Localized, Os } from './cause.js';
export type { CauseId };
