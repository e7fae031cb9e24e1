/** The shared vocabulary of azlog: events, facts, findings, reports. */

export type Level = 'verbose' | 'info' | 'warning' | 'error';

/** How an event's UTC time was obtained (issue #3, ARCHITECTURE "time is honest"). */
export type TimeSource = 'explicit-utc' | 'assumed-utc' | `local:${string}` | 'inferred-year' | 'none';

export type AttrValue = string | number | boolean;

export interface Event {
  /** Epoch milliseconds (UTC) or null when the line carries no time. */
  ms: number | null;
  timeSource: TimeSource;
  /** Path inside the bundle, nested archives joined with `!`. */
  file: string;
  /** 1-based line of the record's first physical line (null for whole-file artifacts). */
  line: number | null;
  /** Namespaced kind, e.g. `waagent.http.failed`. */
  kind: string;
  level: Level | null;
  /** The record text (header stripped), continuation lines joined with \n, capped. */
  message: string;
  /** Number of physical lines in the record (continuations included). */
  lines: number;
  /** The first physical line as written, for citing. */
  raw: string;
  attrs: Record<string, AttrValue>;
  /** Up to two lines before the record and one after it, as written (only on warnings and errors). */
  context?: { before: string[]; after: string[] };
}

/**
 * `ruled-out` cites a line showing the cause did not happen; `not-seen` means the logs it needs were
 * read and show no sign of it (nothing to cite); `not-observable` means those logs are missing.
 */
export type FindingStatus = 'confirmed' | 'likely' | 'possible' | 'ruled-out' | 'not-seen' | 'not-observable';

/** A failure of this backup, or a background condition that can only contribute to one. */
export type FindingRole = 'failure' | 'condition';

/** `found`: a failure at likely or above; `none-found`: the logs were read and show none; `cannot-tell`: they are missing. */
export type Outcome = 'found' | 'none-found' | 'cannot-tell';

/** Text a person reads, as a catalogue id and its parameters (rendered per language by src/messages). */
export interface Message {
  id: string;
  params?: Record<string, string | number>;
}

export interface Evidence {
  file: string;
  line: number | null;
  time: string | null;
  text: string;
  /** Whether the line states the finding (`strong`) or only agrees with it (`supporting`). */
  strength?: 'strong' | 'supporting';
}

export interface Finding {
  cause: CauseId;
  status: FindingStatus;
  confidence: number;
  evidence: Evidence[];
  /** Failure of this backup or background condition (see README "How the verdict is chosen"). */
  role: FindingRole;
  /** One sentence in English saying what the evidence shows (the `note` rendered in English). */
  summary: string;
  /** The same sentence as a catalogue message, for other languages. */
  note: Message;
  /** For not-observable/possible: what a person must check by hand. */
  manualCheck?: { en: string; ja: string };
}

export const CAUSE_IDS = [
  'stale-goal-state-files', 'no-network', 'agent-unresponsive', 'agent-outdated',
  'snapshot-sql-vss', 'snapshot-vm-shutdown', 'snapshot-concurrent-backups', 'snapshot-high-load',
  'dhcp-disabled', 'extension-load-failed', 'classic-vm-agent-not-provisioned', 'restore-point-limit',
  'disk-too-large', 'extensions-disabled', 'fsfreeze-failed', 'prepost-script-failed',
  'snapshot-limit-reached', 'certificate-failure', 'status-upload-failed', 'other-extension-failed',
  'platform-transient',
] as const;
export type CauseId = (typeof CAUSE_IDS)[number];

export const SYMPTOM_CODES = [
  'UserErrorGuestAgentStatusUnavailable', 'ExtensionSnapshotFailedNoNetwork',
  'ExtensionOperationFailedForManagedDisks', 'GuestAgentSnapshotTaskStatusError',
  'BackUpOperationFailed', 'BackUpOperationFailedV2', 'UserErrorUnsupportedDiskSize',
  'UserErrorRpCollectionLimitReached', 'UserErrorFsFreezeFailed', 'UserErrorUnableToOpenMount',
  'ExtensionFailedSnapshotLimitReachedError', 'UserErrorVmProvisioningStateFailed',
  // added later from the published list (FORMATS.md §5); additive to the report contract
  'UserErrorVmNotInDesirableState', 'ExtensionFailedTimeoutVMNetworkUnresponsive', 'ExtensionStuckInDeletionState',
  'ExtensionConfigParsingFailure', 'AzureVmOffline', 'UserErrorCrpReportedUserError',
  'UserErrorKeyvaultPermissionsNotConfigured', 'UserErrorBackupOperationInProgress', 'UserErrorBcmDatasourceNotPresent',
  'UserErrorRequestDisallowedByPolicy', 'ResourceNotFound', 'ExtensionFailedVssWriterInBadState',
  'ExtensionFailedVssServiceInBadState', 'ExtensionSnapshotFailedCOM', 'ExtensionInstallationFailedCOM',
  'ExtensionInstallationFailedMDTC', 'ExtensionSnapshotBitlockerError', 'ExtensionSnapshotFailedNoSecureNetwork',
  'ExtensionVCRedistInstallationFailure', 'VMRestorePointInternalError',
] as const;
export type SymptomCode = (typeof SYMPTOM_CODES)[number];

export interface Coverage {
  present: string[];
  missing: string[];
  /** Per artifact kind: files and bytes found. */
  artifacts: Record<string, { files: number; bytes: number }>;
  unknownFiles: number;
  /** What a missing kind hides from the analysis. */
  gaps: { kind: string; hides: string }[];
}

export interface Report {
  schema: 'azlog/report@1';
  bundle: { path: string; sha256: string; kind: string; bytes: number };
  verdict: {
    cause: CauseId | null;
    confidence: number;
    symptom: SymptomCode | null;
    symptomSource: 'given' | 'inferred' | 'none';
    outcome: Outcome;
    /** Background conditions found beside the failure (e.g. an agent below the supported version). */
    contributing: CauseId[];
    /** Entries were skipped or cut: the verdict speaks only of what was read. */
    partial: boolean;
    /** The backup job the verdict is about, when the bundle shows one. */
    job: JobWindow | null;
    /** Why the outcome is what it is and, for cannot-tell, what to collect. */
    reasons: Message[];
  };
  findings: Finding[];
  coverage: Coverage;
  facts: Facts;
  /** Entries skipped or cut (limits, corrupt data): the report is partial when non-empty. English text. */
  problems: string[];
  /** The same problems as catalogue messages, in the same order, for a writer in another language (additive to CAUSES.md). */
  problemMessages?: Message[];
  stats: { entries: number; bytesRead: number; events: number; unparsed: number; unparsedByFile: Record<string, number>; eventsNotKept: number; ms: number };
}

/** Facts derived once from all artifacts and shared by the causes. */
export interface Facts {
  installedAgentVersion: string | null;
  goalStateAgentVersion: string | null;
  agentGeneration: string | null;
  vmsnapshotVersion: string | null;
  vmsnapshotHandlerState: string | null;
  waagentConf: Record<string, string>;
  vmbackupConf: Record<string, string>;
  lastHeartbeat: string | null;
  firstAgentRecord: string | null;
  lastAgentRecord: string | null;
  agentRestarts: number;
  incarnations: number[];
  jobs: JobWindow[];
  timeZone: string | null;
  disableAgentFile: boolean;
  provisionGuestAgent: boolean | null;
  vmType: string | null;
  /** The newest dated line of the bundle: published limits are judged as of this time. */
  logTime: string | null;
  /** Minimum supported agent version at `logTime` (null before any was published). */
  minAgentAtLogTime: string | null;
  /** VMSnapshot result codes seen in status files and extension logs. */
  resultCodes: number[];
  /** extension.log records of snapshot calls that could not reach storage or the host. */
  snapshotNetworkFailures: number;
  /** `<Handler>-<version>` of extension handlers whose directory the agent removed while they were still wanted (an install that keeps failing). */
  reinstalledHandlers: string[];
}

export interface JobWindow {
  taskId: string | null;
  /** Backup request time (commandStartTimeUTCTicks), ISO. */
  start: string;
  /** End of the window: last status/record of the run, or start + 140 min. */
  end: string;
  source: string;
  statusCode: number | null;
}
