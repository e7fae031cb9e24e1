/**
 * Sample VMs, one per documented cause plus healthy and tricky ones. Each scenario is a tree of
 * files as they were on the VM and the verdict azlog must reach for it (golden tests).
 */
import type { CauseId, FindingStatus, SymptomCode } from '../src/model/types.js';
import { cons, g1, g4, HANDLER, HOUR, isoSec, MIN, py2, py3, shell, syslog, ticks } from './logs.js';

export interface Scenario {
  name: string;
  description: string;
  files: Record<string, string | Buffer>;
  /** What `azlog analyze` must conclude. */
  expect: { cause: CauseId | null; status?: FindingStatus; symptom?: SymptomCode | null; cites?: RegExp; errorCode?: string };
}

/** The backup request of every scenario: 2024-06-11T03:12:35Z. */
export const JOB = Date.UTC(2024, 5, 11, 3, 12, 35);
const TASK = 'e07354cf-2c4b-4a8e-9f3d-6a1b2c3d4e5f_1';
const SEQ = 26;
const VMS_DIR = `var/lib/waagent/${HANDLER}-1.0.9225.0`;
const LOGDIR = `var/log/azure/${HANDLER}`;

interface Vm {
  agentVersion?: string;
  /** Agent log generation; G1/G2 write local time (the zone goes to /etc/timezone). */
  gen?: 'G4' | 'G1' | 'G2';
  zone?: { name: string; offsetMs: number };
  /** Agent lines to add (time-sorted with the rest). */
  agent?: [number, string][];
  /** When the agent log starts (default: 3 h 10 min before the job). */
  agentStarts?: number;
  /** When the agent log stops (default: 3 h after the job). */
  agentEnds?: number;
  /** Whether the agent ran the extension at the job time. */
  agentRunsExtension?: boolean;
  /** extension.log lines of the job run (null: no run). */
  run?: string[] | null;
  statusCode?: number | null;
  shellLines?: string[];
  handlerState?: string;
  conf?: string;
  extra?: Record<string, string | Buffer>;
}

const DEFAULT_CONF = `# Microsoft Azure Linux Agent Configuration
Provisioning.Agent=auto
Extensions.Enabled=y   # inline comment
AutoUpdate.Enabled=y
Logs.Verbose=n
OS.EnableFirewall=y
HttpProxy.Host=None
HttpProxy.Port=None
`;

function agentLine(gen: 'G4' | 'G1' | 'G2', ms: number, level: string, thread: string, prefix: string, msg: string, zoneOffset: number): string {
  if (gen === 'G4') return g4(ms, level, thread, prefix, msg);
  return g1(ms + zoneOffset, level, msg, gen === 'G2' && !prefix.startsWith('[') ? prefix : prefix.startsWith('[') ? prefix : undefined);
}

/** The ordinary life of the agent around the job, plus the scenario's own lines. */
function waagentLog(v: Vm): string {
  const gen = v.gen ?? 'G4';
  const ver = v.agentVersion ?? '2.11.1.4';
  const off = v.zone?.offsetMs ?? 0;
  const end = v.agentEnds ?? JOB + 3 * HOUR;
  const L: [number, string][] = [];
  const add = (ms: number, level: string, thread: string, prefix: string, msg: string) => { if (ms <= end) L.push([ms, agentLine(gen, ms, level, thread, prefix, msg, off)]); };
  const start = v.agentStarts ?? JOB - 3 * HOUR - 10 * MIN;
  add(start, 'INFO', 'Daemon', 'Daemon', gen === 'G4' ? `Azure Linux Agent Version: ${ver === '2.11.1.4' ? '2.9.1.1' : ver}` : `Azure Linux Agent Version:${ver}`);
  add(start + 5, 'INFO', 'Daemon', 'Daemon', 'OS: ubuntu 22.04');
  add(start + 9, 'INFO', 'Daemon', 'Daemon', 'Run daemon');
  add(start + 2000, 'INFO', 'Daemon', 'Daemon', `Determined Agent WALinuxAgent-${ver} to be the latest agent`);
  add(start + 3000, 'INFO', 'ExtHandler', 'ExtHandler', gen === 'G4' ? `Azure Linux Agent (Goal State Agent version ${ver})` : `Agent WALinuxAgent-${ver} is running as the goal state agent`);
  add(start + 3100, 'INFO', 'ExtHandler', 'ExtHandler', `WALinuxAgent-${ver} running as process 1187`);
  add(start + 3200, 'INFO', 'ExtHandler', 'ExtHandler', 'Wire server endpoint:168.63.129.16');
  for (let t = start + 30 * MIN; t < end; t += 30 * MIN) {
    add(t, 'INFO', 'ExtHandler', 'ExtHandler', gen === 'G4'
      ? `[HEARTBEAT] Agent WALinuxAgent-${ver} is running as the goal state agent [DEBUG HeartbeatCounter: ${Math.round((t - start) / (30 * MIN))};HeartbeatId: 3F2504E0-4F89-11D3-9A0C-0305E82C3301;DroppedPackets: 0;UpdateGSErrors: 0;AutoUpdate: 1]`
      : `[PERIODIC] Using host plugin as default channel.`);
  }
  if (v.agentRunsExtension !== false) {
    const t = JOB + 5000;
    const ext = `[${HANDLER}-1.0.9225.0]`;
    add(t, 'INFO', 'ExtHandler', 'ExtHandler', '');
    add(t + 1, 'INFO', 'ExtHandler', 'ExtHandler', 'Fetching full goal state from the WireServer [incarnation 12]');
    add(t + 300, 'INFO', 'ExtHandler', 'ExtHandler', 'Fetch goal state from WireServer completed');
    add(t + 320, 'INFO', 'ExtHandler', 'ExtHandler', `ProcessExtensionsGoalState started [incarnation_12 channel: WireServer source: Fabric activity: 6b1d6a4e-7c0a-4c51-9b3e-2f3a1c9a7d10 correlation 0f6e2b8a-1d2c-4e5f-8a9b-3c4d5e6f7a8b created: ${new Date(JOB).toISOString()}]`);
    add(t + 400, 'INFO', 'ExtHandler', ext, 'Target handler state: enabled [incarnation_12]');
    add(t + 410, 'INFO', 'ExtHandler', ext, `Update settings file: ${SEQ}.settings`);
    add(t + 420, 'INFO', 'ExtHandler', ext, 'Enable extension: [main/handle.sh enable]');
    add(t + 6400, 'INFO', 'ExtHandler', ext, 'Command: main/handle.sh enable\n[stdout]\n[stderr]\nRunning as unit: enable_1f2e3d4c.scope; invocation ID: 8c1b');
    add(t + 6500, 'INFO', 'ExtHandler', 'ExtHandler', 'ProcessExtensionsGoalState completed [incarnation_12 6609 ms]\n');
  }
  for (const [ms, line] of v.agent ?? []) if (ms <= end) L.push([ms, line]);
  L.sort((a, b) => a[0] - b[0]);
  return L.map((x) => x[1]).join('\n') + '\n';
}

/** A successful VMSnapshot run; `fail` replaces what happens after the freeze starts. */
export function run(fail?: (t: number) => string[]): string[] {
  const t = JOB + 7000;
  const head = [
    py3(t, `Change log file to /var/log/azure/${HANDLER}/extension.log`),
    py3(t + 10, `sequence number from environment variable is ${SEQ}`),
    py3(t + 20, 'starting enable'),
    py3(t + 30, `taskId: ${TASK}`),
    py3(t + 40, 'Sleeping for milliseconds: 2000'),
    py3(t + 2100, 'starting daemon initially'),
    py3(t + 2200, `command start time is ${new Date(JOB).toISOString().replace('T', ' ').replace('Z', '')} and utcNow is ${new Date(t + 2200).toISOString().replace('T', ' ').replace('Z', '')}`),
    py3(t + 2300, 'Plugin host file does not exist in the location /etc/azure/VMSnapshotScriptPluginConfig.json'),
    py3(t + 2310, 'Triggering File System Consistent Backup because of error code StatusCode.FailedPrepostPluginConfigNotFound,'),
    py3(t + 2400, 'Taking Snapshot through Host'),
    py3(t + 2410, 'T:S freeze, timeout value 60'),
    py3(t + 2420, 'fsfreeze mount :/'),
    py3(t + 2430, 'fsfreeze mount :/datadisk'),
    py3(t + 2440, 'proceeded for accepting signals'),
  ];
  if (fail) return [...head, ...fail(t + 2500)];
  return [...head,
    py3(t + 9000, '================== Logs during Freeze Start =============='),
    cons(t + 2500, 'Info', '/etc/azure/MicrosoftRecoverySvcsSafeFreezeLock/SafeFreezeLockFile file opened Sucessfully'),
    cons(t + 5500, 'Info', '****** 4. Freeze Completed (Signal=1 received)'),
    cons(t + 6000, 'Info', '****** 5. Snaphotting (Host) Started'),
    cons(t + 8000, 'Info', '****** 6. Snaphotting (Host) Completed'),
    cons(t + 8500, 'Info', '****** 7. Sending Thaw Signal to Binary'),
    '================== Logs during Freeze End ==============',
    py3(t + 9100, 'T:S freeze result , timedout :False'),
    py3(t + 9200, 'From Host- IsSuccessful:True, SnapshotUri:None, ErrorMessage:None, StatusCode:200'),
    py3(t + 9300, 'T:S snapshotall ends...'),
    py3(t + 12000, 'Enable,success,1,Enable Succeeded,False'),
  ];
}

function settings(): string {
  return JSON.stringify({ runtimeSettings: [{ handlerSettings: {
    protectedSettingsCertThumbprint: '3A1B5C7D9E0F11223344556677889900AABBCCDD',
    protectedSettings: 'MIIB' + 'QWxhZGRpbjpvcGVuIHNlc2FtZQ'.repeat(12),
    publicSettings: { locale: 'en-us', taskId: TASK, commandToExecute: 'snapshot', commandStartTimeUTCTicks: ticks(JOB), vmType: 'microsoft.compute/virtualmachines', objectStr: '' },
  } }] });
}

function status(code: number, ms: number): string {
  const ok = [0, 1].includes(code);
  return JSON.stringify([{ version: '1.0', timestampUTC: isoSec(ms), status: {
    name: HANDLER, operation: 'Enable', status: 'success', code: String(code), taskId: TASK, commandStartTimeUTCTicks: ticks(JOB),
    formattedMessage: { lang: 'en-US', message: JSON.stringify({ messageStr: ok ? 'Enable Succeeded' : `Enable failed with error code ${code}` }) },
    storageDetails: { partitionCount: 2, totalUsedSizeInBytes: 21474836480, isStoragespacePresent: false, isSizeComputationFailed: false },
    telemetryData: null, snapshotInfo: null, vmHealthInfo: null,
    substatus: [{ code: '0', status: 'success', formattedMessage: null, name: JSON.stringify([{ status: { status: ok ? 'success' : 'error', code: String(code), telemetryData: [{ Key: 'extensionVersion', Value: '1.0.9225.0' }], snapshotInfo: [] } }]) }],
  } }], null, 2);
}

function extensionsConfig(): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<Extensions version="1.0.0.0" goalStateIncarnation="12"><GuestAgentExtension xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
  <GAFamilies><GAFamily><Name>Prod</Name><Version>2.11.1.4</Version><Uris><Uri>https://umsa.blob.core.windows.net/x/x_manifest.xml</Uri></Uris></GAFamily></GAFamilies>
</GuestAgentExtension>
<Plugins>
  <Plugin name="${HANDLER}" version="1.0.9225.0" location="https://umsa.blob.core.windows.net/x/vms_manifest.xml" state="enabled" autoUpgrade="true" runAsStartupTask="false" isJson="true" useExactVersion="true" />
</Plugins>
<PluginSettings>
  <Plugin name="${HANDLER}" version="1.0.9225.0">
    <RuntimeSettings seqNo="${SEQ}">${settings().replace(/&/g, '&amp;').replace(/</g, '&lt;')}</RuntimeSettings>
  </Plugin>
</PluginSettings>
<StatusUploadBlob statusBlobType="BlockBlob">https://md-hdd-x1y2z3.z11.blob.storage.azure.net/$system/vm1.status?sv=2018-03-28&amp;sr=b&amp;sk=system-1&amp;sig=AbCdEf0123456789%2BSecret%3D&amp;se=9999-01-01T00%3A00%3A00Z&amp;sp=w</StatusUploadBlob>
<InVMGoalStateMetaData inSvdSeqNo="10" createdOnTicks="${ticks(JOB - 2000)}" activityId="6b1d6a4e-7c0a-4c51-9b3e-2f3a1c9a7d10" correlationId="0f6e2b8a-1d2c-4e5f-8a9b-3c4d5e6f7a8b" />
</Extensions>
`;
}

const GOAL_STATE = `<?xml version="1.0" encoding="utf-8"?>
<GoalState xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="goalstate10.xsd">
  <Version>2010-12-15</Version><Incarnation>12</Incarnation>
  <Machine><ExpectedState>Started</ExpectedState><StopRolesDeadlineHint>300000</StopRolesDeadlineHint></Machine>
  <Container><ContainerId>d4c0e3a5-0000-4000-8000-000000000001</ContainerId><RoleInstanceList><RoleInstance><InstanceId>896c7d86.vm1</InstanceId><State>Started</State></RoleInstance></RoleInstanceList></Container>
</GoalState>
`;

export function vm(v: Vm = {}): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = {
    'var/log/waagent.log': waagentLog(v),
    'etc/waagent.conf': v.conf ?? DEFAULT_CONF,
    'var/lib/waagent/GoalState.12.xml': GOAL_STATE,
    'var/lib/waagent/ExtensionsConfig.12.xml': extensionsConfig(),
    [`${VMS_DIR}/config/${SEQ}.settings`]: settings(),
    [`${VMS_DIR}/config/HandlerState`]: (v.handlerState ?? 'Enabled') + '\n',
    [`${LOGDIR}/shell.log`]: (v.shellLines ?? [shell(JOB + 6000, `ConfigSequenceNumber from environment variable seqNo:${SEQ}`), shell(JOB + 6100, 'python3 path exists'), shell(JOB + 9000, '0 returned from handle.py')]).join('\n') + '\n',
  };
  const r = v.run === undefined ? run() : v.run;
  if (r) files[`${LOGDIR}/extension.log`] = r.join('\n') + '\n';
  const code = v.statusCode === undefined ? 1 : v.statusCode;
  if (code !== null) files[`${VMS_DIR}/status/${SEQ}.status`] = status(code, JOB + 5 * MIN);
  if (v.zone) files['etc/timezone'] = v.zone.name + '\n';
  return { ...files, ...(v.extra ?? {}) };
}

const A = (ms: number, level: string, msg: string, thread = 'ExtHandler', prefix = 'ExtHandler'): [number, string] => [ms, g4(ms, level, thread, prefix, msg)];

export const SCENARIOS: Scenario[] = [
  { name: 'healthy', description: 'current agent, snapshot taken (code 1)', files: vm(), expect: { cause: null } },
  { name: 'healthy-transient-timeout', description: 'one host-plugin timeout two hours before a good backup: noise, not a cause',
    files: vm({ agent: [A(JOB - 2 * HOUR, 'WARNING', 'Error in SendHostPluginHeartbeat: [HttpError] [HTTP Failed] GET http://168.63.129.16:32526/health -- IOError timed out -- 1 attempts made --- [NOTE: Will not log the same error for the next hour]', 'MonitorHandler')] }),
    expect: { cause: null } },
  { name: 'fsfreeze-timeout', description: 'freeze of /datadisk timed out (code 122)',
    files: vm({ statusCode: 122, run: run((t) => [
      py3(t + 71000, '================== Logs during Freeze Start =============='),
      cons(t, 'Info', '/etc/azure/MicrosoftRecoverySvcsSafeFreezeLock/SafeFreezeLockFile file opened Sucessfully'),
      cons(t + 3000, 'Info', '****** 1. Starting Freeze Binary '),
      cons(t + 5000, 'Info', 'inside while with sig_handle 0'),
      cons(t + 66000, 'Info', '============== Binary output traces start ================= '),
      cons(t + 66100, 'Info', `${new Date(t + 3000).toISOString().slice(0, 19).replace('T', ' ')} Freezing: /datadisk`),
      cons(t + 66200, 'Info', '============== Binary output traces end ================= '),
      cons(t + 66300, 'Error', 'freeze timed-out'),
      '================== Logs during Freeze End ==============',
      py3(t + 71100, 'T:S freeze result freeze timed-out'),
      ', timedout :True',
      py3(t + 71200, 'T:S ###### Enable failed with error: freeze took longer than timeout StatusCode.FailedRetryableFsFreezeTimeout,'),
      py3(t + 75000, 'Enable,error,122,,False'),
    ]) }),
    expect: { cause: 'fsfreeze-failed', status: 'confirmed', symptom: 'UserErrorFsFreezeFailed', cites: /freeze timed-out|FailedRetryableFsFreezeTimeout|Enable,error,122/ } },
  { name: 'fsfreeze-fithaw-py2', description: 'an old Python 2 extension build could not thaw /boot (code 121)',
    files: vm({ statusCode: 121, run: [
      py2(JOB + 7000, 'starting enable'),
      py2(JOB + 7100, `taskId: ${TASK}`),
      py2(JOB + 9000, '2024-06-11 03:12:44 Failed to FITHAW: /boot with error message : Invalid argument', true),
      py2(JOB + 9100, 'T:S Enable failed with error: freeze failed for some mount'),
      '2024/06/11 03:12:44  StatusCode.FailedRetryableFsFreezeFailed,',
      py2(JOB + 9500, 'Enable,error,121,,False'),
    ] }),
    expect: { cause: 'fsfreeze-failed', status: 'confirmed', cites: /FITHAW: \/boot|Enable,error,121/ } },
  { name: 'no-network-wireserver', description: 'outbound to 168.63.129.16 blocked: goal state and status upload time out around the job',
    files: vm({ agentRunsExtension: false, run: null, statusCode: null, agent: [
      ...[-40, -20, 0, 10, 25, 40, 70].map((m) => A(JOB + m * MIN, 'ERROR', `Error fetching the goal state: [ProtocolError] [Wireserver Exception] [HttpError] [HTTP Failed] GET http://168.63.129.16/machine/?comp=goalstate -- IOError timed out -- 6 attempts made`)),
      ...[5, 35].map((m) => A(JOB + m * MIN, 'ERROR', 'Event: name=WALinuxAgent, op=ReportStatus, message=Exception uploading status blob: [HttpError] [HTTP Failed] PUT http://168.63.129.16:32526/status -- IOError [Errno 110] Connection timed out -- 6 attempts made, duration=0')),
    ] }),
    expect: { cause: 'no-network', status: 'confirmed', symptom: 'UserErrorGuestAgentStatusUnavailable', cites: /168\.63\.129\.16/ } },
  { name: 'no-network-storage', description: 'guest snapshot to storage fails: no network (code 76)',
    files: vm({ statusCode: 76, run: run((t) => [
      py3(t, 'doing snapshotall now in parallel...'),
      py3(t + 30000, 'Failed to call http with error: <urlopen error [Errno 110] Connection timed out>, stack trace: Traceback (most recent call last):'),
      '  File "/var/lib/waagent/x/main/HttpUtil.py", line 103, in HttpCallGetResponse',
      'TimeoutError: [Errno 110] Connection timed out',
      py3(t + 30100, ' snapshot HttpCallGetResponse failed '),
      py3(t + 31000, 'T:S Enable failed with FailedRetryableSnapshotFailedNoNetwork error StatusCode.FailedRetryableSnapshotFailedNoNetwork,'),
      py3(t + 33000, 'Enable,error,76,,False'),
    ]) }),
    expect: { cause: 'no-network', status: 'confirmed', symptom: 'ExtensionSnapshotFailedNoNetwork', cites: /Failed to call http|NoNetwork|Enable,error,76/ } },
  { name: 'agent-unresponsive', description: 'the agent crashed in a loop and went silent 10 hours before the backup',
    files: vm({ agentStarts: JOB - 20 * HOUR, agentEnds: JOB - 10 * HOUR, agentRunsExtension: false, run: null, statusCode: null, agent: [
      A(JOB - 10 * HOUR - 5 * MIN, 'WARNING', "Agent WALinuxAgent-2.11.1.4 launched with command '/usr/bin/python3 -u bin/WALinuxAgent-2.11.1.4-py3.8.egg -run-exthandlers' failed with return code: 1", 'Daemon', 'Daemon'),
      A(JOB - 10 * HOUR - 2 * MIN, 'WARNING', "Agent WALinuxAgent-2.11.1.4 launched with command '/usr/bin/python3 -u bin/WALinuxAgent-2.11.1.4-py3.8.egg -run-exthandlers' failed with return code: 1", 'Daemon', 'Daemon'),
      A(JOB - 10 * HOUR - 1 * MIN, 'WARNING', 'Agent WALinuxAgent-2.11.1.4 is permanently disabled', 'Daemon', 'Daemon'),
    ] }),
    expect: { cause: 'agent-unresponsive', symptom: 'UserErrorGuestAgentStatusUnavailable' } },
  { name: 'agent-outdated-g1-jst', description: 'agent 2.2.20 (G1 lines in local time, Asia/Tokyo)',
    files: vm({ gen: 'G1', agentVersion: '2.2.20', zone: { name: 'Asia/Tokyo', offsetMs: 9 * HOUR } }),
    expect: { cause: 'agent-outdated', status: 'confirmed', cites: /2\.2\.20/ } },
  { name: 'agent-outdated-g2', description: 'agent 2.2.45 (G2 lines, no time zone in the bundle)',
    files: vm({ gen: 'G2', agentVersion: '2.2.45' }),
    expect: { cause: 'agent-outdated', status: 'confirmed' } },
  { name: 'agent-outdated-g0', description: 'a 2.0.x agent (G0 lines: no level, every line stamped) that also gets 503s from the WireServer',
    files: { ...vm({ run: null, statusCode: null, agentRunsExtension: false }), 'var/log/waagent.log': [
      '2015/09/13 14:44:03 Windows Azure Linux Agent Version: WALinuxAgent-2.0.13',
      '2015/09/13 14:44:03 Discovered Windows Azure endpoint: 168.63.129.16',
      '2015/11/04 19:26:19 ERROR:HTTP Err: Status=503',
      '2015/11/04 19:26:19 ERROR:<?xml version="1.0" encoding="utf-8"?>',
      '2015/11/04 19:26:19 ERROR:</html>',
    ].join('\n') + '\n' },
    expect: { cause: 'agent-outdated', status: 'confirmed', cites: /WALinuxAgent-2\.0\.13/ } },
  { name: 'stale-goal-state-files', description: '2018 incarnation reset: GoalState.1.xml is missing, numbered caches left behind',
    files: vm({ gen: 'G1', agentVersion: '2.2.18', agentRunsExtension: false, run: null, statusCode: null, agent: [
      ...[-30, -27, -24, -21, -18, -3, 0, 3, 6].map((m): [number, string] => [JOB + m * MIN, g1(JOB + m * MIN, 'WARNING', 'Exception retrieving extension handlers: [ProtocolError] /var/lib/waagent/GoalState.1.xml is missing.')]),
    ], extra: Object.fromEntries([41, 42, 43, 44, 45, 46].map((n) => [`var/lib/waagent/GoalState.${n}.xml`, GOAL_STATE.replace('<Incarnation>12<', `<Incarnation>${n}<`)])) }),
    expect: { cause: 'stale-goal-state-files', status: 'confirmed', symptom: 'UserErrorGuestAgentStatusUnavailable', cites: /GoalState\.1\.xml is missing/ } },
  { name: 'extension-load-failed-python', description: "VMSnapshot enable fails: Python cannot import 'crypt' (Python 3.13+)",
    files: vm({ run: null, statusCode: null, agent: [
      [JOB + 9000, g4(JOB + 9000, 'ERROR', 'ExtHandler', 'ExtHandler', `Event: name=${HANDLER}, op=Enable, message=[ExtensionOperationError] Non-zero exit code: 1, /var/lib/waagent/${HANDLER}-1.0.9225.0/main/handle.sh enable\n[stdout]\n\n[stderr]\nRunning as unit: enable_5733d770.scope; invocation ID: fdb3594c\nTraceback (most recent call last):\n  File "/var/lib/waagent/${HANDLER}-1.0.9225.0/main/Utils/WAAgentUtil.py", line 66, in <module>\nModuleNotFoundError: No module named 'crypt'\n, duration=0`)],
    ], shellLines: [shell(JOB + 6000, 'python3 path exists'), shell(JOB + 8900, '1 returned from handle.py')] }),
    expect: { cause: 'extension-load-failed', status: 'confirmed', symptom: 'ExtensionOperationFailedForManagedDisks', cites: /Non-zero exit code: 1|returned from handle\.py/ } },
  { name: 'classic-vm-agent-disabled', description: 'ProvisionGuestAgent=false: the agent disabled itself',
    files: vm({ agentRunsExtension: false, run: null, statusCode: null, agent: [
      A(JOB - 3 * HOUR - 9 * MIN, 'WARNING', 'Disabling guest agent in accordance with ovf-env.xml', 'Daemon', 'Daemon'),
      A(JOB - 3 * HOUR - 9 * MIN + 10, 'WARNING', 'Disabling the guest agent by sleeping forever; to re-enable, remove /var/lib/waagent/disable_agent and restart', 'Daemon', 'Daemon'),
    ], extra: { 'var/lib/waagent/disable_agent': '', 'var/lib/waagent/ovf-env.xml': '<?xml version="1.0" encoding="utf-8"?>\n<Environment xmlns="http://schemas.dmtf.org/ovf/environment/1" xmlns:wa="http://schemas.microsoft.com/windowsazure"><wa:ProvisioningSection><wa:Version>1.0</wa:Version></wa:ProvisioningSection><wa:PlatformSettingsSection><wa:Version>1.0</wa:Version><wa:PlatformSettings><wa:ProvisionGuestAgent>false</wa:ProvisionGuestAgent></wa:PlatformSettings></wa:PlatformSettingsSection></Environment>\n' } }),
    expect: { cause: 'classic-vm-agent-not-provisioned', status: 'confirmed', cites: /ProvisionGuestAgent|Disabling/ } },
  { name: 'extensions-disabled', description: 'Extensions.Enabled=n in /etc/waagent.conf',
    files: vm({ agentRunsExtension: false, run: null, statusCode: null, conf: DEFAULT_CONF.replace('Extensions.Enabled=y   # inline comment', 'Extensions.Enabled=n # disabled by the image'), agent: [
      A(JOB + 5 * MIN, 'INFO', '******** Extensions.Enabled is set to False, not processing the operation ********'),
    ] }),
    expect: { cause: 'extensions-disabled', status: 'confirmed', symptom: 'GuestAgentSnapshotTaskStatusError', cites: /Extensions\.Enabled/ } },
  { name: 'dhcp-disabled', description: 'static IP in the guest: no DHCP, no option 245, WireServer not found',
    files: vm({ agentRunsExtension: false, run: null, statusCode: null, agent: [
      ...[-60, -30, 0, 30].map((m) => A(JOB + m * MIN, 'INFO', 'WireServer endpoint is not found. Rerun dhcp handler', 'Daemon', 'Daemon')),
      A(JOB + 1000, 'WARNING', 'No route exists to 168.63.129.16', 'Daemon', 'Daemon'),
    ], extra: { 'var/lib/dhcp/dhclient.eth0.leases': 'lease {\n  interface "eth0";\n  fixed-address 10.0.0.4;\n  option subnet-mask 255.255.255.0;\n  renew 2 2024/06/11 03:00:00;\n}\n' } }),
    expect: { cause: 'dhcp-disabled', status: 'confirmed', cites: /WireServer endpoint is not found|No route exists|option 245/ } },
  { name: 'snapshot-high-load', description: 'the extension started too late: CRP timeout (code 402), OOM kills before',
    files: vm({ statusCode: 402, run: run((t) => [
      py3(t, 'timespan: 2:21:40, total_span_in_seconds: 8500, MAX_TIMESPAN: 8400'),
      py3(t + 10, 'CRP timeout limit has reached, should abort.'),
      py3(t + 20, 'CRP timeout limit has reached, will not take snapshot.'),
      py3(t + 900, 'Enable,error,402,,False'),
    ]), extra: { 'var/log/syslog': [
      syslog(JOB - 20 * MIN, 'vm1', 'kernel', '[88412.5] Out of memory: Killed process 4242 (java) total-vm:9000000kB'),
      syslog(JOB - 10 * MIN, 'vm1', 'kernel', '[88990.1] INFO: task jbd2/sda1-8:312 blocked for more than 120 seconds.'),
    ].join('\n') + '\n' } }),
    expect: { cause: 'snapshot-high-load', status: 'confirmed', symptom: 'GuestAgentSnapshotTaskStatusError', cites: /CRP timeout|Enable,error,402/ } },
  { name: 'snapshot-concurrent-backups', description: 'storage throttled snapshot calls (code 173)',
    files: vm({ statusCode: 173, run: run((t) => [
      py3(t, 'doing snapshotall now in parallel...'),
      py3(t + 5000, 'httpresponse_get_snapshot_info message: The rate of snapshot blob calls is exceeded.'),
      py3(t + 5100, 'Retrying when snapshot failed with SnapshotRateExceeded'),
      py3(t + 9000, 'Enable,error,173,,False'),
    ]) }),
    expect: { cause: 'snapshot-concurrent-backups', status: 'confirmed', cites: /SnapshotRateExceeded|rate of snapshot|Enable,error,173/ } },
  { name: 'snapshot-vm-shutdown', description: 'the guest was shut down (systemctl poweroff) while the backup ran',
    files: vm({ statusCode: 4, run: run((t) => [py3(t, 'doing snapshotall now in parallel...')]), agent: [
      A(JOB + 40 * 1000, 'INFO', 'Agent WALinuxAgent-2.11.1.4 forwarding signal 15 to WALinuxAgent-2.11.1.4', 'Daemon', 'Daemon'),
    ], agentEnds: JOB + 41 * 1000, extra: { 'var/log/syslog': [
      syslog(JOB + 38 * 1000, 'vm1', 'systemd[1]', 'Stopping Azure Linux Agent...'),
      syslog(JOB + 45 * 1000, 'vm1', 'systemd[1]', 'Reached target Power-Off.'),
    ].join('\n') + '\n' } }),
    expect: { cause: 'snapshot-vm-shutdown', cites: /Power-Off|forwarding signal 15|Stopping Azure Linux Agent/ } },
  { name: 'snapshot-limit-reached', description: 'a disk blob has too many snapshots (code 85)',
    files: vm({ statusCode: 85, run: run((t) => [
      py3(t, 'doing snapshotall now in parallel...'),
      py3(t + 3000, 'httpresponse_get_snapshot_info message: The snapshot count against this blob has been exceeded.'),
      py3(t + 3100, 'T:S Enable failed with FailedSnapshotLimitReached errror StatusCode.FailedSnapshotLimitReached,'),
      py3(t + 4000, 'Enable,error,85,,False'),
    ]) }),
    expect: { cause: 'snapshot-limit-reached', status: 'confirmed', symptom: 'ExtensionFailedSnapshotLimitReachedError' } },
  { name: 'prepost-script-failed', description: 'the configured pre-script does not exist (code 302)',
    files: vm({ statusCode: 302, run: run((t) => [
      py3(t, 'Loading script modules now...'),
      py3(t + 100, 'PreScript failed for the plugin /etc/azure/prescript.sh StatusCode.FailedPrepostPreScriptNotFound,'),
      py3(t + 200, 'Enable,error,302,,False'),
    ]), extra: { 'etc/azure/VMSnapshotScriptPluginConfig.json': JSON.stringify({ pluginName: 'ScriptRunner', preScriptLocation: '/etc/azure/prescript.sh', postScriptLocation: '/etc/azure/postscript.sh', timeoutInSeconds: 60, continueBackupOnFailure: false }) } }),
    expect: { cause: 'prepost-script-failed', status: 'confirmed', cites: /PreScript failed|Enable,error,302/ } },
  { name: 'certificate-failure', description: 'protected settings cannot be decrypted (code 16)',
    files: vm({ statusCode: 16, run: [py3(JOB + 7000, 'starting enable'), py3(JOB + 7100, 'unable to load certificate'), py3(JOB + 7200, 'Enable,error,16,,False')], agent: [
      A(JOB + 6000, 'ERROR', '[CryptError] Failed to decrypt protected settings: openssl failed with exit code 1'),
    ] }),
    expect: { cause: 'certificate-failure', status: 'confirmed' } },
  { name: 'status-upload-failed', description: 'the agent runs but its status blob is refused (403) through both channels',
    files: vm({ agent: [-50, -20, 10, 40, 70].map((m) => A(JOB + m * MIN, 'ERROR', 'Event: name=WALinuxAgent, op=ExtensionProcessing, message=Failed to report vm agent status: [ProtocolError] Failed to upload status blob via either channel: [HttpError] [HTTP Failed] [403: Forbidden], duration=0')) }),
    expect: { cause: 'status-upload-failed', status: 'confirmed', cites: /either channel/ } },
  { name: 'other-extension-failed', description: 'CustomScript keeps failing; the backup extension itself is fine',
    files: vm({ agent: [20, 50].map((m) => A(JOB + m * MIN, 'ERROR', 'Event: name=Microsoft.Azure.Extensions.CustomScript, op=Enable, message=[ExtensionOperationError] Non-zero exit code: 2, /var/lib/waagent/Microsoft.Azure.Extensions.CustomScript-2.1.13/bin/custom-script-shim enable, duration=0')) }),
    expect: { cause: 'other-extension-failed', status: 'confirmed', errorCode: 'UserErrorVmProvisioningStateFailed', symptom: 'UserErrorVmProvisioningStateFailed' } },
  { name: 'platform-transient', description: 'the backup host service answered 500 to dosnapshot (code 556)',
    files: vm({ statusCode: 556, run: run((t) => [
      py3(t, 'start calling the snapshot rest api'),
      py3(t + 2000, 'dosnapshot responseBody: StatusCode:500, ErrorMessage: Internal server error, bhsVersion:3.0.51.0'),
      py3(t + 2100, 'T:S Enable failed with FailedHostSnapshotRemoteServerError error StatusCode.FailedHostSnapshotRemoteServerError,'),
      py3(t + 3000, 'Enable,error,556,,False'),
    ]) }),
    expect: { cause: 'platform-transient', errorCode: 'BackUpOperationFailed', symptom: 'BackUpOperationFailed', cites: /StatusCode:500|RemoteServerError|Enable,error,556/ } },
  { name: 'disk-too-large', description: 'a 40 TB data disk (UserErrorUnsupportedDiskSize)',
    files: vm({ run: null, statusCode: null, agentRunsExtension: false, extra: { 'var/log/kern.log': [
      syslog(JOB - 2 * HOUR, 'vm1', 'kernel', '[    2.5] sd 1:0:0:0: [sda] 62914560 512-byte logical blocks: (32.2 GB/30.0 GiB)'),
      syslog(JOB - 2 * HOUR, 'vm1', 'kernel', '[    2.6] sd 3:0:0:0: [sdc] 85899345920 512-byte logical blocks: (44.0 TB/40.0 TiB)'),
    ].join('\n') + '\n' } }),
    expect: { cause: 'disk-too-large', status: 'confirmed', errorCode: 'UserErrorUnsupportedDiskSize', symptom: 'UserErrorUnsupportedDiskSize', cites: /\[sdc\]/ } },
  { name: 'restore-point-limit', description: 'guest healthy, job reported UserErrorRpCollectionLimitReached',
    files: vm(), expect: { cause: null, errorCode: 'UserErrorRpCollectionLimitReached', symptom: 'UserErrorRpCollectionLimitReached' } },
  { name: 'old-failure-outside-window', description: 'a freeze failure five days before a successful backup is history, not the verdict',
    files: vm({ extra: { [`${LOGDIR}/extension.log.1`]: [py3(JOB - 5 * 24 * HOUR, 'Failed to FIFREEZE: /data with error message: Operation not supported'), py3(JOB - 5 * 24 * HOUR + 10, 'Enable,error,121,,False')].join('\n') + '\n' } }),
    expect: { cause: null } },
];

/** A Windows guest bundle (parsed, but its causes need the Windows logs azlog reads only partly). */
export const WINDOWS_FILES: Record<string, string> = {
  'WindowsAzure/Logs/WaAppAgent.log': [
    '[00000007] [05/28/2019 12:58:50.90] [INFO] WindowsAzureGuestAgent starting. Version 2.7.41491.901',
    '[00000010] 2024-04-17T07:19:26.812Z [WARN]  (Ignoring) Exception while fetching supported versions from HostGAPlugin: System.Net.WebException: Unable to connect to the remote server 168.63.129.16:32526',
    '[00000004] 2024-04-17T07:20:26.812Z [INFO]  WindowsAzureGuestAgent stopping.',
  ].join('\r\n') + '\r\n',
};
