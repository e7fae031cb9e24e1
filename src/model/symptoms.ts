/** Symptoms (the error the Backup job showed) and their causes in the article's order (CAUSES.md). */
import type { CauseId, SymptomCode } from './types.js';

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
  /** Causes a guest bundle can show, in the article's order; empty when only the service side can. */
  causes: CauseId[];
  /** Only on Windows VMs. */
  windowsOnly?: boolean;
}

/** A published code whose causes no guest log shows: the verdict is "check by hand". */
const serviceSide = (code: SymptomCode, en: string, aliases: string[] = []): Symptom => ({ code, aliases, message: { en, ja: en }, causes: [] });
/** Windows-only extension errors: VSS, COM+, BitLocker and friends. */
const windows = (code: SymptomCode, en: string, causes: CauseId[] = ['snapshot-sql-vss']): Symptom => ({ code, aliases: [], message: { en, ja: en }, causes, windowsOnly: true });

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
  { code: 'UserErrorVmNotInDesirableState', aliases: ['VmNotInDesirableState'],
    message: { en: 'VM is not in a state that allows backups.', ja: 'VM がバックアップを許可する状態ではありません' },
    causes: ['agent-unresponsive', 'classic-vm-agent-not-provisioned', 'other-extension-failed', 'extension-load-failed'] },
  { code: 'ExtensionFailedTimeoutVMNetworkUnresponsive', aliases: [],
    message: { en: 'Snapshot operation failed due to inadequate VM resources.', ja: 'VM のリソース不足のためスナップショット操作に失敗しました' },
    causes: ['snapshot-high-load', 'no-network'] },
  { code: 'ExtensionStuckInDeletionState', aliases: [],
    message: { en: 'Extension state is not supportive to the backup operation', ja: '拡張機能の状態がバックアップ操作に対応していません' },
    causes: ['extension-load-failed'] },
  { code: 'ExtensionConfigParsingFailure', aliases: [],
    message: { en: 'Failure in parsing the config for the backup extension.', ja: 'バックアップ拡張機能の構成の解析に失敗しました' },
    causes: ['certificate-failure', 'extension-load-failed'] },
  { code: 'AzureVmOffline', aliases: ['380008'],
    message: { en: 'Failed to install Microsoft Recovery Services extension as virtual machine is not running', ja: '仮想マシンが実行されていないため、Microsoft Recovery Services 拡張機能をインストールできませんでした' },
    causes: ['agent-unresponsive', 'classic-vm-agent-not-provisioned', 'snapshot-vm-shutdown'] },
  { code: 'UserErrorCrpReportedUserError', aliases: [],
    message: { en: 'Backup failed due to an error. For details, see Job Error Message Details.', ja: 'エラーのためバックアップに失敗しました。詳細はジョブのエラー メッセージの詳細を参照してください' },
    causes: ['other-extension-failed', 'extension-load-failed', 'agent-unresponsive'] },
  serviceSide('UserErrorKeyvaultPermissionsNotConfigured', "Backup doesn't have sufficient permissions to the key vault for backup of encrypted VMs."),
  serviceSide('UserErrorBackupOperationInProgress', 'Unable to initiate backup as another backup operation is currently in progress'),
  serviceSide('UserErrorBcmDatasourceNotPresent', 'Backup failed: This virtual machine is not (actively) protected by Azure Backup.'),
  serviceSide('UserErrorRequestDisallowedByPolicy', 'An invalid policy is configured on the VM which is preventing Snapshot operation'),
  serviceSide('ResourceNotFound', 'Could not perform the operation as VM no longer exists', ['320001', 'BCMV2VMNotFound', '400094']),
  windows('ExtensionFailedVssWriterInBadState', 'Snapshot operation failed because VSS writers were in a bad state.'),
  windows('ExtensionFailedVssServiceInBadState', 'Snapshot operation failed due to VSS (Volume Shadow Copy) service in bad state.'),
  windows('ExtensionSnapshotFailedCOM', 'Snapshot operation failed due to COM+ error'),
  windows('ExtensionInstallationFailedCOM', 'Extension installation/operation failed due to a COM+ error', []),
  windows('ExtensionInstallationFailedMDTC', 'Extension installation failed with the error "COM+ was unable to talk to the Microsoft Distributed Transaction Coordinator"', []),
  windows('ExtensionSnapshotBitlockerError', 'The snapshot operation failed with the Volume Shadow Copy Service (VSS) operation error', []),
  windows('ExtensionSnapshotFailedNoSecureNetwork', 'The snapshot operation failed because of failure to create a secure network communication channel.', ['no-network']),
  windows('ExtensionVCRedistInstallationFailure', 'The snapshot operation failed because of failure to install Visual C++ Redistributable for Visual Studio 2012.', []),
  windows('VMRestorePointInternalError', 'Antivirus configured in the VM is restricting the execution of backup extension.', []),
];

/** Resolves a code, an alias or the published message (case-insensitive, 2018 spellings too); null when unknown. */
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
