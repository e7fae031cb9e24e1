/** The cause catalogue: adding a cause is adding its file and one line here. */
import type { CauseId } from '../model/types.js';
import type { Finding } from '../model/types.js';
import { notObservable, type Cause, type CauseContext } from './cause.js';
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

export const CAUSES: Cause[] = [
  staleGoalStateFiles, noNetwork, agentUnresponsive, agentOutdated, snapshotSqlVss, snapshotVmShutdown,
  snapshotConcurrentBackups, snapshotHighLoad, dhcpDisabled, extensionLoadFailed, classicVmAgentNotProvisioned,
  restorePointLimit, diskTooLarge, extensionsDisabled, fsfreezeFailed, prepostScriptFailed, snapshotLimitReached,
  certificateFailure, statusUploadFailed, otherExtensionFailed, platformTransient,
];

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

export function causeById(id: string): Cause | undefined {
  return CAUSES.find((c) => c.id === id);
}

export type { Cause, CauseContext, Localized } from './cause.js';
export type { CauseId };
