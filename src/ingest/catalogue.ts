/**
 * The artifact catalogue: one table from logical artifact kind to the path patterns that hold it
 * (insights-core's specs idea). Patterns match the tail of the logical path, so the same table
 * serves raw trees, collector zips, sosreports and bare files.
 */

export type ArtifactKind =
  | 'waagent-log' | 'goal-state' | 'extensions-config' | 'hosting-config'
  | 'shared-config' | 'ovf-env' | 'extension-status' | 'extension-settings' | 'handler-state'
  | 'handler-status' | 'handler-environment' | 'waagent-status' | 'agent-error' | 'vmsnapshot-log'
  | 'vmsnapshot-shell-log' | 'command-execution-log' | 'extension-log' | 'waagent-conf'
  | 'vmbackup-conf' | 'prepost-config' | 'syslog' | 'kernel-log' | 'dhcp-lease' | 'collector-results'
  | 'disable-agent' | 'timezone' | 'os-release' | 'windows-agent-log' | 'windows-vmsnapshot-log'
  | 'windows-status';

export interface ArtifactSpec {
  kind: ArtifactKind;
  patterns: RegExp[];
  description: string;
  /** What the analysis cannot see when this kind is missing. */
  hides: string;
}

const VMS = 'Microsoft\\.Azure\\.RecoveryServices\\.VMSnapshotLinux';
const HANDLER_DIR = '(?:^|/)(?:var/lib/waagent/)?[A-Za-z0-9_.]+-\\d+(?:\\.\\d+)+';

export const CATALOGUE: ArtifactSpec[] = [
  { kind: 'waagent-log', patterns: [/(?:^|\/)waagent\.log(?:[.-][\w.-]*)?$/],
    description: 'WALinuxAgent log (/var/log/waagent.log*)',
    hides: 'agent versions, connectivity to 168.63.129.16, extension install/enable results' },
  { kind: 'goal-state', patterns: [/(?:^|\/)GoalState(?:\.\d+)?\.xml$/],
    description: 'goal state XML (GoalState.N.xml, history/*/GoalState.xml)', hides: 'incarnations' },
  { kind: 'extensions-config', patterns: [/(?:^|\/)ExtensionsConfig(?:\.\d+)?\.xml$/],
    description: 'extensions goal state XML', hides: 'which VMSnapshot version and state the platform asked for' },
  { kind: 'hosting-config', patterns: [/(?:^|\/)HostingEnvironmentConfig\.xml$/],
    description: 'HostingEnvironmentConfig.xml', hides: '' },
  { kind: 'shared-config', patterns: [/(?:^|\/)SharedConfig\.xml$/], description: 'SharedConfig.xml', hides: '' },
  { kind: 'ovf-env', patterns: [/(?:^|\/)ovf-env\.xml$/],
    description: 'provisioning data (ProvisionGuestAgent)', hides: 'whether the guest agent was provisioned (classic VMs)' },
  { kind: 'extension-status', patterns: [new RegExp(`${HANDLER_DIR}/status/\\d+\\.status$`), /(?:^|\/)\d+\.status$/],
    description: 'extension status files (<handler>/status/N.status)',
    hides: 'the VMSnapshot result code of each backup job' },
  { kind: 'extension-settings', patterns: [new RegExp(`${HANDLER_DIR}/config/(?:[\\w.]+\\.)?\\d+\\.settings$`), /(?:^|\/)\d+\.settings$/],
    description: 'extension settings (<handler>/config/N.settings, public part only)',
    hides: 'the backup job time (commandStartTimeUTCTicks) and taskId' },
  { kind: 'handler-state', patterns: [/(?:^|\/)config\/(?:[\w.]+\.)?HandlerState$/, /(?:^|\/)HandlerState$/],
    description: 'extension handler state', hides: 'whether VMSnapshot is installed/enabled' },
  { kind: 'handler-status', patterns: [/(?:^|\/)HandlerStatus$/], description: 'extension handler status', hides: '' },
  { kind: 'handler-environment', patterns: [/(?:^|\/)HandlerEnvironment\.json$/], description: 'HandlerEnvironment.json', hides: '' },
  { kind: 'waagent-status', patterns: [/(?:^|\/)waagent_status(?:\.\d+)?\.json$/],
    description: 'status blob the agent last uploaded', hides: 'agent Ready/NotReady as the platform saw it' },
  { kind: 'agent-error', patterns: [/(?:^|\/)error\.json$/], description: 'agent error.json (blacklisted versions)', hides: '' },
  { kind: 'vmsnapshot-log', patterns: [new RegExp(`${VMS}/(?:[\\d.]+/)?(?:host_based_)?extension\\.log(?:\\.\\d+)?(?:\\.gz)?$`), /^(?:host_based_)?extension\.log$/],
    description: 'VMSnapshotLinux extension.log', hides: 'freeze, snapshot and result codes of each backup run' },
  { kind: 'vmsnapshot-shell-log', patterns: [new RegExp(`${VMS}/(?:[\\d.]+/)?shell\\.log$`), /^shell\.log$/],
    description: 'VMSnapshotLinux shell.log', hides: 'whether handle.sh could start Python' },
  { kind: 'command-execution-log', patterns: [/(?:^|\/)CommandExecution(?:_[\w.]+)?\.log$/],
    description: 'per-handler CommandExecution.log', hides: '' },
  { kind: 'extension-log', patterns: [/(?:^|\/)var\/log\/azure\/.+\.log$/], description: 'other extension logs', hides: '' },
  { kind: 'waagent-conf', patterns: [/(?:^|\/)waagent\.conf$/],
    description: '/etc/waagent.conf', hides: 'Extensions.Enabled, AutoUpdate and proxy settings' },
  { kind: 'vmbackup-conf', patterns: [/(?:^|\/)vmbackup\.conf$/], description: '/etc/azure/vmbackup.conf', hides: '' },
  { kind: 'prepost-config', patterns: [/(?:^|\/)VMSnapshotScriptPluginConfig\.json$/, /(?:^|\/)VMSnapshotPluginHost\.conf$/],
    description: 'pre/post script configuration', hides: '' },
  { kind: 'syslog', patterns: [/(?:^|\/)var\/log\/(?:syslog|messages|rsyslog)(?:[.-][\w.-]*)?$/, /^(?:syslog|messages)(?:[.-][\w.-]*)?$/],
    description: 'syslog / messages', hides: 'shutdowns, boots and agent lines when waagent.log is missing' },
  { kind: 'kernel-log', patterns: [/(?:^|\/)(?:kern\.log|dmesg)(?:[.-][\w.-]*)?$/],
    description: 'kernel log / dmesg', hides: 'disk sizes, OOM kills and hung tasks' },
  { kind: 'dhcp-lease', patterns: [/(?:^|\/)dhclient[\w.-]*\.leases?$/, /(?:^|\/)run\/systemd\/netif\/leases\/\d+$/, /(?:^|\/)lease-[\w-]+\.xml$/],
    description: 'DHCP lease files', hides: 'whether DHCP option 245 (the WireServer address) was received' },
  { kind: 'collector-results', patterns: [/^results\.txt$/], description: 'waagent -collect-logs results.txt', hides: '' },
  { kind: 'disable-agent', patterns: [/(?:^|\/)var\/lib\/waagent\/disable_agent$/, /^disable_agent$/],
    description: 'disable_agent marker', hides: '' },
  { kind: 'timezone', patterns: [/(?:^|\/)etc\/timezone$/, /(?:^|\/)etc\/localtime$/],
    description: 'time zone of the VM', hides: 'the true UTC time of local-time log lines' },
  { kind: 'os-release', patterns: [/(?:^|\/)etc\/[\w-]*-release$/], description: 'OS release', hides: '' },
  { kind: 'windows-agent-log', patterns: [/(?:^|\/)WaAppAgent\.log(?:\.\d+)?$/], description: 'Windows guest agent log', hides: '' },
  { kind: 'windows-vmsnapshot-log', patterns: [/(?:^|\/)IaaSBcdrExtension[\w.-]*\.log$/], description: 'Windows VMSnapshot plugin log', hides: '' },
  { kind: 'windows-status', patterns: [/Packages\/Plugins\/Microsoft\.Azure\.RecoveryServices\.VMSnapshot\/[\d.]+\/Status\/\d+\.status$/],
    description: 'Windows VMSnapshot status', hides: '' },
];

/** Which kinds a complete Linux bundle of each shape should have (coverage.missing). */
export const EXPECTED: Record<string, ArtifactKind[]> = {
  'raw-tree': ['waagent-log', 'extensions-config', 'extension-status', 'extension-settings', 'handler-state', 'vmsnapshot-log', 'waagent-conf'],
  'collect-logs-zip': ['waagent-log', 'extensions-config', 'extension-status', 'extension-settings', 'handler-state', 'vmsnapshot-log', 'waagent-conf'],
  sosreport: ['waagent-log', 'vmsnapshot-log', 'waagent-conf', 'extension-status', 'extension-settings'],
  'disk-inspect': ['waagent-log', 'extensions-config', 'extension-status', 'vmsnapshot-log', 'waagent-conf'],
  'loose-file': [],
  windows: ['windows-agent-log', 'windows-vmsnapshot-log'],
};

export function classify(logicalPath: string): ArtifactKind | null {
  // Compressed rotations are classified by their decompressed name.
  const p = logicalPath.endsWith('.gz') && !/waagent\.log/.test(logicalPath) ? logicalPath.slice(0, -3) : logicalPath;
  for (const spec of CATALOGUE) {
    for (const re of spec.patterns) if (re.test(p)) return spec.kind;
  }
  return null;
}

export function specOf(kind: string): ArtifactSpec | undefined {
  return CATALOGUE.find((s) => s.kind === kind);
}
