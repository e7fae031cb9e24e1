/** Symptoms (the error the Backup job showed) and their causes in the article's order (CAUSES.md). */
import type { CauseId, SymptomCode } from '../model/types.js';

const SNAPSHOT_STAR: CauseId[] = [
  'snapshot-sql-vss', 'snapshot-vm-shutdown', 'snapshot-concurrent-backups', 'snapshot-high-load', 'dhcp-disabled',
  // later articles file these under the same heading
  'fsfreeze-failed', 'prepost-script-failed', 'snapshot-limit-reached',
];

/** BackUpOperationFailed and its V2 are the same published error. */
const INTERNAL_ERROR: Omit<Symptom, 'code'> = {
  aliases: [],
  message: { en: 'Backup failed with an internal error - Please retry the operation in a few minutes', ja: 'バックアップ操作は内部エラーのため失敗しました' },
  causes: ['no-network', 'agent-unresponsive', 'agent-outdated', ...SNAPSHOT_STAR, 'extension-load-failed', 'restore-point-limit', 'platform-transient'],
};

export interface Symptom {
  code: SymptomCode;
  message: { en: string; ja: string };
  aliases: string[];
  causes: CauseId[];
}

export const SYMPTOMS: Symptom[] = [
  { code: 'UserErrorGuestAgentStatusUnavailable', aliases: [],
    message: { en: 'VM Agent unable to communicate with Azure Backup', ja: 'VM エージェントが Azure Backup と通信できない' },
    causes: ['stale-goal-state-files', 'no-network', 'agent-unresponsive', 'agent-outdated', ...SNAPSHOT_STAR, 'extension-load-failed', 'classic-vm-agent-not-provisioned', 'status-upload-failed', 'certificate-failure'] },
  { code: 'ExtensionSnapshotFailedNoNetwork', aliases: [],
    message: { en: 'Snapshot operation failed due to no network connectivity on the virtual machine', ja: '仮想マシンがネットワークに接続していないためにスナップショット操作が失敗した' },
    causes: ['no-network', ...SNAPSHOT_STAR, 'extension-load-failed'] },
  { code: 'ExtensionOperationFailedForManagedDisks', aliases: ['ExtentionOperationFailed', 'ExtensionOperationFailed'],
    message: { en: 'VMSnapshot extension operation failed', ja: 'VMSnapshot 拡張機能の操作に失敗した' },
    causes: [...SNAPSHOT_STAR, 'extension-load-failed', 'no-network', 'agent-unresponsive', 'agent-outdated', 'certificate-failure'] },
  { code: 'GuestAgentSnapshotTaskStatusError', aliases: [],
    message: { en: 'Could not communicate with the VM agent for snapshot status', ja: 'VM エージェントが応答していないために操作を実行できない' },
    causes: ['agent-unresponsive', 'agent-outdated', 'no-network', 'extensions-disabled', 'snapshot-high-load'] },
  { code: 'BackUpOperationFailed', ...INTERNAL_ERROR },
  { code: 'BackUpOperationFailedV2', ...INTERNAL_ERROR },
  { code: 'UserErrorUnsupportedDiskSize', aliases: [],
    message: { en: 'The configured disk size(s) is currently not supported by Azure Backup.', ja: '指定されたディスク構成がサポートされていません' },
    causes: ['disk-too-large'] },
  { code: 'UserErrorRpCollectionLimitReached', aliases: [],
    message: { en: 'The Restore Point collection max limit has reached.', ja: '復元ポイント コレクションの上限に達しました' },
    causes: ['restore-point-limit'] },
  { code: 'UserErrorFsFreezeFailed', aliases: [],
    message: { en: 'Failed to freeze one or more mount-points of the VM to take a file-system consistent snapshot.', ja: 'ファイル システム整合性スナップショットのための VM のマウント ポイントのフリーズに失敗しました' },
    causes: ['fsfreeze-failed', 'snapshot-high-load'] },
  { code: 'UserErrorUnableToOpenMount', aliases: [],
    message: { en: 'The extension could not open the mount points of the VM', ja: '拡張機能が VM のマウント ポイントを開けませんでした' },
    causes: ['fsfreeze-failed'] },
  { code: 'ExtensionFailedSnapshotLimitReachedError', aliases: [],
    message: { en: 'Snapshot operation failed as snapshot limit is exceeded for some of the disks attached', ja: '接続された一部のディスクでスナップショットの上限を超えたため、スナップショット操作に失敗しました' },
    causes: ['snapshot-limit-reached'] },
  { code: 'UserErrorVmProvisioningStateFailed', aliases: [],
    message: { en: 'The VM is in failed provisioning state', ja: 'VM のプロビジョニング状態が失敗になっています' },
    causes: ['other-extension-failed'] },
];

/** Resolves a code, an alias or the published message (case-insensitive); null when unknown. */
export function resolveSymptom(input: string): Symptom | null {
  const q = input.trim().toLowerCase().replace(/[.。]$/, '');
  return SYMPTOMS.find((s) => s.code.toLowerCase() === q || s.aliases.some((a) => a.toLowerCase() === q)
    || s.message.en.toLowerCase().replace(/[.。]$/, '') === q || s.message.ja === input.trim()) ?? null;
}

/** The symptom a confirmed cause most likely produced (FORMATS.md §6.9). */
export function symptomFor(cause: CauseId, detail: { vmsnapshotNetworkCode?: boolean; unableToOpenMount?: boolean }): SymptomCode | null {
  switch (cause) {
    case 'fsfreeze-failed': return detail.unableToOpenMount ? 'UserErrorUnableToOpenMount' : 'UserErrorFsFreezeFailed';
    case 'snapshot-limit-reached': return 'ExtensionFailedSnapshotLimitReachedError';
    case 'no-network': return detail.vmsnapshotNetworkCode ? 'ExtensionSnapshotFailedNoNetwork' : 'UserErrorGuestAgentStatusUnavailable';
    case 'agent-unresponsive': case 'agent-outdated': case 'stale-goal-state-files': case 'classic-vm-agent-not-provisioned':
    case 'status-upload-failed': case 'dhcp-disabled': case 'certificate-failure': case 'snapshot-vm-shutdown':
      return 'UserErrorGuestAgentStatusUnavailable';
    case 'extensions-disabled': case 'snapshot-high-load': return 'GuestAgentSnapshotTaskStatusError';
    case 'extension-load-failed': case 'prepost-script-failed': case 'snapshot-concurrent-backups': return 'ExtensionOperationFailedForManagedDisks';
    case 'other-extension-failed': return 'UserErrorVmProvisioningStateFailed';
    case 'disk-too-large': return 'UserErrorUnsupportedDiskSize';
    case 'platform-transient': return 'BackUpOperationFailed';
    default: return null;
  }
}
