/**
 * The verdict rules of README "How the verdict is chosen", one case each, as data: a bundle, the
 * outcome, the verdict, the contributing conditions and the status of chosen findings.
 */
import test from 'ava';
import { join } from 'node:path';
import { promises as fsp } from 'node:fs';
import { analyze } from '../src/analyze.js';
import type { CauseId, FindingStatus, Outcome, Report } from '../src/model/types.js';
import { SYMPTOMS } from '../src/model/symptoms.js';
import { resolveSymptom } from '../src/model/symptoms.js';
import { JOB, run, vm } from '../samples/scenarios.js';
import { g1, g4, HANDLER, HOUR, MIN, py3, syslog } from '../samples/logs.js';
import { tgzBuffer, writeTree, type Tree } from '../samples/pack.js';
import { azlog, excerptLines, tmp } from './helpers.js';

const agentLine = (m: number, level: string, msg: string, thread = 'ExtHandler'): [number, string] => [JOB + m * MIN, g4(JOB + m * MIN, level, thread, thread, msg)];
const oldAgentLine = (m: number, level: string, msg: string): [number, string] => [JOB + m * MIN, g1(JOB + m * MIN, level, msg)];
const OLD = { gen: 'G2' as const, agentVersion: '2.2.45' };

// real lines: test/corpus/excerpts/walinuxagent-142-g0-freebsd-dhcp-timeout.txt (WALinuxAgent#142), up to the traceback's end and the line after it
const G0_DHCP_TIMEOUT = excerptLines('walinuxagent-142-g0-freebsd-dhcp-timeout').slice(0, 10);
// real lines: test/corpus/excerpts/walinuxagent-873-status-put-timeout.txt (WALinuxAgent#873), four status uploads timing out hours apart
const SPORADIC_UPLOADS = excerptLines('walinuxagent-873-status-put-timeout');
// real lines: the host plugin refusing an extension artifact after a live migration (WALinuxAgent#1294), in syslog (openshift-azure#1504),
// and in the agent maintainers' list of warnings their passing test runs show (WALinuxAgent tests_e2e agent_log.py)
const ARTIFACT_REFUSED = excerptLines('walinuxagent-1294-hostplugin-400-live-migration');
const ARTIFACT_REFUSED_SYSLOG = excerptLines('openshift-azure-1504-syslog-artifact-400');
const ARTIFACT_REFUSED_E2E = excerptLines('walinuxagent-e2e-extension-artifact-400');
// real lines: WireServer 503s, then a handler whose packages could not be fetched (WALinuxAgent#745); a refusal, then the same (#1798)
const SERVER_ERRORS_UNFETCHED = excerptLines('walinuxagent-745-503-hostplugin-unavailable');
const REFUSED_UNFETCHED = excerptLines('walinuxagent-1798-cse-artifact-400-g2');
// real lines (test/corpus/excerpts/): WALinuxAgent#1596, the host plugin's versions call timing out on all six attempts;
// #2129 (syslog), goal-state and telemetry calls to the WireServer doing the same; #461 (1.x-style lines without
// timestamps), a status blob PUT timing out and the WireServer health report failing with "Network is unreachable";
// #775, a 2.2.13 agent failing to put the status through the host plugin; a host plugin health probe's single attempt timing out
const HOSTPLUGIN_GAVE_UP = excerptLines('walinuxagent-1596-hostgaplugin-versions-timeout');
const WIRESERVER_GAVE_UP = excerptLines('walinuxagent-2129-syslog-wireserver-timeout');
const NETWORK_UNREACHABLE = excerptLines('walinuxagent-461-bare-error-network-unreachable');
const HOSTPLUGIN_PUT_STATUS = excerptLines('walinuxagent-775-hostplugin-put-status');
const HEALTH_PROBE_TIMEOUT = excerptLines('walinuxagent-e2e-hostplugin-health-timeout');
/** A bundle of one log file holding these lines. */
const logOf = (path: string, lines: string[]): Tree => ({ [path]: lines.join('\n') + '\n' });
/** The same failure every minute (generated 2.2.x lines): a network that stays down. */
const STEADY_UPLOADS = [0, 1, 2, 3, 4, 5].map((m) => g1(Date.UTC(2017, 7, 31, 19, 40 + m, 31), 'WARNING', 'Exception uploading status blob: [000009] [HTTP Failed] HTTP PUT IOError timed out'));

interface Case {
  name: string;
  files: Tree;
  errorCode?: string;
  outcome: Outcome;
  cause: CauseId | null;
  contributing?: CauseId[];
  statuses?: Partial<Record<CauseId, FindingStatus | FindingStatus[]>>;
  reasons?: string[];
}

const CASES: Case[] = [
  { name: 'old agent + a classic VM whose agent disabled itself: the disabled agent wins',
    files: vm({ ...OLD, agentRunsExtension: false, run: null, statusCode: null,
      agent: [oldAgentLine(-190, 'WARNING', 'Disabling guest agent in accordance with ovf-env.xml')], extra: { 'var/lib/waagent/disable_agent': '' } }),
    outcome: 'found', cause: 'classic-vm-agent-not-provisioned', contributing: ['agent-outdated'] },
  { name: 'a VMSnapshot handler crash that only syslog recorded (abrt) is read when waagent.log is missing',
    files: { 'var/log/messages': "Jun 11 03:13:00 vm1 abrt[1234]: detected unhandled Python exception in '/var/lib/waagent/Microsoft.Azure.RecoveryServices.VMSnapshotLinux-1.0.9225.0/main/handle.py'\n" },
    outcome: 'found', cause: 'extension-load-failed' },
  { name: 'an old agent alone is the verdict, as a condition', files: vm(OLD),
    outcome: 'found', cause: 'agent-outdated', contributing: [], reasons: ['reason.condition-only'] },
  { name: 'old agent + certificate failure: the certificate wins, the agent contributes',
    files: vm({ ...OLD, statusCode: 16, run: [py3(JOB + 7000, 'starting enable'), py3(JOB + 7100, 'unable to load certificate'), py3(JOB + 7200, 'Enable,error,16,,False')],
      agent: [oldAgentLine(0.1, 'ERROR', '[CryptError] Failed to decrypt protected settings: openssl failed with exit code 1')] }),
    outcome: 'found', cause: 'certificate-failure', contributing: ['agent-outdated'] },
  { name: 'old agent + VMSnapshot enable failing: the extension wins',
    files: vm({ ...OLD, run: null, statusCode: null, agent: [oldAgentLine(0.2, 'ERROR', `Event: name=${HANDLER}, op=Enable, message=[ExtensionOperationError] Non-zero exit code: 1, /var/lib/waagent/${HANDLER}-1.0.9225.0/main/handle.sh enable, duration=0`)] }),
    outcome: 'found', cause: 'extension-load-failed', contributing: ['agent-outdated'] },
  { name: 'old agent + a DHCP failure that never recovered: DHCP wins',
    files: vm({ ...OLD, agentRunsExtension: false, run: null, statusCode: null, agent: [
      oldAgentLine(-1, 'WARNING', 'Failed to send DHCP request: [Errno 101] Network is unreachable'),
      oldAgentLine(0.5, 'WARNING', 'No route exists to 168.63.129.16'),
    ], extra: { 'var/lib/dhcp/dhclient.eth0.leases': 'lease {\n  interface "eth0";\n  fixed-address 10.0.0.4;\n}\n' } }),
    outcome: 'found', cause: 'dhcp-disabled', contributing: ['agent-outdated'] },
  { name: 'old agent + stale goal-state files: the failure wins, the agent is named as its root',
    files: vm({ ...OLD, agentRunsExtension: false, run: null, statusCode: null, agent: [-9, -6, -3, 0, 3].map((m) => oldAgentLine(m, 'WARNING', 'Exception retrieving extension handlers: [ProtocolError] /var/lib/waagent/GoalState.1.xml is missing.')) }),
    outcome: 'found', cause: 'stale-goal-state-files', contributing: ['agent-outdated'], reasons: ['reason.caused-by-condition'] },
  { name: 'a 2.2.45 agent in 2019 logs met the minimum of the time',
    files: { 'var/log/waagent.log': ['2019/06/01 10:00:00.000001 INFO Azure Linux Agent Version:2.2.45', '2019/06/01 10:00:03.000001 INFO ExtHandler Agent WALinuxAgent-2.2.45 is running as the goal state agent'].join('\n') + '\n' },
    outcome: 'cannot-tell', cause: null, statuses: { 'agent-outdated': 'ruled-out' } },
  { name: 'a healthy bundle: none found, the job named',
    files: vm(), outcome: 'none-found', cause: null, reasons: ['reason.job-covered'] },
  { name: 'agent log only: cannot tell, says what to collect',
    files: { 'var/log/waagent.log': vm()['var/log/waagent.log']! }, outcome: 'cannot-tell', cause: null, reasons: ['reason.missing-logs', 'reason.collect'] },
  { name: 'a 32 TiB disk is supported today', outcome: 'none-found', cause: null,
    files: vm({ extra: { 'var/log/kern.log': syslog(JOB - 2 * HOUR, 'vm1', 'kernel', '[    2.6] sd 3:0:0:0: [sdc] 68719476736 512-byte logical blocks: (35.2 TB/32.0 TiB)') + '\n' } }),
    statuses: { 'disk-too-large': 'ruled-out' } },
  { name: 'a 40 TiB disk is not', outcome: 'found', cause: 'disk-too-large',
    files: vm({ extra: { 'var/log/kern.log': syslog(JOB - 2 * HOUR, 'vm1', 'kernel', '[    2.6] sd 3:0:0:0: [sdc] 85899345920 512-byte logical blocks: (44.0 TB/40.0 TiB)') + '\n' } }) },
  { name: 'a 2 TiB disk in 2018 was over the 1023 GB limit of the time', outcome: 'found', cause: 'disk-too-large',
    files: { 'var/log/waagent.log': '2018/03/01 10:00:00.000001 INFO Azure Linux Agent Version:2.2.21\n',
      'var/log/kern.log': 'Mar  1 10:00:00 vm1 kernel: [    2.6] sd 3:0:0:0: [sdc] 4294967296 512-byte logical blocks: (2.20 TB/2.00 TiB)\n' } },
  { name: 'a given code whose causes are all unseen: check them by hand, no unrelated cause',
    errorCode: 'UserErrorFsFreezeFailed',
    files: vm({ statusCode: 16, run: [py3(JOB + 7000, 'starting enable'), py3(JOB + 7100, 'unable to load certificate'), py3(JOB + 7200, 'Enable,error,16,,False')] }),
    outcome: 'cannot-tell', cause: null, reasons: ['reason.check-by-hand', 'reason.unrelated-failure'], statuses: { 'certificate-failure': ['confirmed', 'likely'] } },
  { name: 'a given code never turns a background condition into the verdict while an unrelated failure shows',
    errorCode: 'GuestAgentSnapshotTaskStatusError',
    files: vm({ ...OLD, statusCode: 16, run: [py3(JOB + 7000, 'starting enable'), py3(JOB + 7100, 'unable to load certificate'), py3(JOB + 7200, 'Enable,error,16,,False')],
      agent: [oldAgentLine(0.1, 'ERROR', '[CryptError] Failed to decrypt protected settings: openssl failed with exit code 1')] }),
    outcome: 'cannot-tell', cause: null, reasons: ['reason.unrelated-failure'] },
  { name: 'a service-side code with a healthy guest: none found, check the service by hand', errorCode: 'UserErrorRpCollectionLimitReached',
    files: vm(), outcome: 'none-found', cause: null, reasons: ['reason.check-by-hand', 'reason.job-covered'], statuses: { 'restore-point-limit': 'not-observable' } },
  { name: 'an error on another extension hours after a successful backup does not make that backup failed',
    files: vm({ agentEnds: JOB + 8 * HOUR, agent: [agentLine(6 * 60, 'ERROR', 'Event: name=Microsoft.Azure.Extensions.CustomScript, op=Enable, message=[ExtensionOperationError] Non-zero exit code: 2, /var/lib/waagent/Microsoft.Azure.Extensions.CustomScript-2.1.13/bin/custom-script-shim enable, duration=0')] }),
    outcome: 'none-found', cause: null },
  { name: 'an unknown code is a warning and the symptom is inferred', errorCode: 'UserErrorBrandNewThing',
    files: vm({ statusCode: 122, run: run((t) => [py3(t, 'T:S freeze result freeze timed-out'), py3(t + 100, 'Enable,error,122,,False')]) }),
    outcome: 'found', cause: 'fsfreeze-failed', reasons: ['reason.unknown-code'] },
  { name: 'an agent restarted by the service manager, running through the job, is not unresponsive',
    files: vm({ agent: [agentLine(-40, 'INFO', 'Agent WALinuxAgent-2.11.1.4 forwarding signal 15 to WALinuxAgent-2.11.1.4', 'Daemon'),
      agentLine(-39, 'ERROR', 'ExtHandler process WALinuxAgent-2.11.1.4 exited with return code: -15', 'Daemon'),
      agentLine(-38, 'INFO', 'ProcessExtensionsGoalState completed [incarnation_12 1012 ms]')] }),
    outcome: 'none-found', cause: null, statuses: { 'agent-unresponsive': 'ruled-out' } },
  { name: 'a request retried successfully is not a connection failure',
    files: vm({ agent: [agentLine(-90, 'WARNING', 'Fetching the goal state failed: [ProtocolError] GET vmSettings [correlation ID: 1] failed: timed out'),
      agentLine(-89, 'INFO', 'Fetching the goal state recovered from previous errors. Fetched ExtensionsConfig (certificates: 1)'),
      agentLine(-60, 'INFO', 'ProcessExtensionsGoalState completed [incarnation_12 1012 ms]'),
      agentLine(1, 'INFO', 'ProcessExtensionsGoalState completed [incarnation_12 1012 ms]')] }),
    outcome: 'none-found', cause: null, statuses: { 'no-network': ['possible', 'ruled-out', 'not-seen'] } },
  { name: 'endpoint discovery at start-up, then a working agent, is not DHCP trouble',
    files: vm({ agent: [agentLine(-190, 'INFO', 'WireServer endpoint is not found. Rerun dhcp handler', 'Daemon'),
      agentLine(-185, 'INFO', 'ProcessExtensionsGoalState completed [incarnation_12 1012 ms]')] }),
    outcome: 'none-found', cause: null, statuses: { 'dhcp-disabled': ['possible', 'ruled-out'] } },
  { name: 'a failing run with no settings file of its own is its own job, not history behind the last success',
    files: vm({ extra: { [`var/log/azure/${HANDLER}/extension.log.1`]: [
      py3(JOB + 30 * HOUR, 'starting enable'),
      py3(JOB + 30 * HOUR + 60_000, 'Failed to FIFREEZE: /data with error message: Operation not supported'),
      py3(JOB + 30 * HOUR + 61_000, 'Enable,error,121,,False')].join('\n') + '\n' } }),
    outcome: 'found', cause: 'fsfreeze-failed' },
  { name: 'a fetch the agent says is still failing is a failure even on its own',
    files: { 'var/log/waagent.log': '2023-03-05T21:24:16.619497Z ERROR ExtHandler ExtHandler Fetching the goal state is still failing: [ProtocolError] GET vmSettings [correlation ID: 1 eTag: None]: Request failed: [Errno 111] Connection refused\n' },
    outcome: 'found', cause: 'no-network' },
  { name: 'one failed request with no job and nothing else is noise, not a verdict',
    files: { 'var/log/waagent.log': '2022-12-02T05:45:51.771876Z ERROR ExtHandler ExtHandler Error fetching the goal state: [ProtocolError] [Wireserver Exception] [HttpError] [HTTP Failed] GET http://168.63.129.16/machine/ -- IOError [Errno 104] Connection reset by peer -- 6 attempts made\n' },
    outcome: 'cannot-tell', cause: null, statuses: { 'no-network': 'possible' } },
  { name: 'the line format alone dates the agent only weakly: a possible condition',
    files: { 'var/log/waagent.log': '2023/05/01 10:00:00.000001 INFO ExtHandler Wire server endpoint:168.63.129.16\n2023/05/01 10:00:01.000001 WARNING ExtHandler Move rules file 70-persistent-net.rules to /var/lib/waagent/70-persistent-net.rules\n' },
    outcome: 'cannot-tell', cause: null, statuses: { 'agent-outdated': 'possible' } },
  { name: 'a status blob type the agent cannot use is a definite failure, not transient noise',
    files: { 'var/log/waagent.log': '2018/02/01 10:00:00.000001 WARNING BlockBlobX is an unsupported blob type\n2018/02/01 10:00:00.000002 ERROR Event: name=WALinuxAgent, op=ReportStatus, message=BlockBlobX is an unsupported blob type\n' },
    outcome: 'found', cause: 'status-upload-failed' },
  { name: 'a 2.0.x agent whose DHCP request got no reply (a traceback from DoDhcpWork) has DHCP disabled',
    files: { 'var/log/waagent.log': G0_DHCP_TIMEOUT.join('\n') + '\n' },
    outcome: 'found', cause: 'dhcp-disabled' },
  // the same lines, then a later DHCP try that found the WireServer (generated, in the 2.0 agent's source wording)
  { name: 'a 2.0.x DHCP try that timed out, then a try that found the WireServer, is a sign: the agent got over it',
    files: { 'var/log/waagent.log': [...G0_DHCP_TIMEOUT, '2016/02/17 08:20:07 DoDhcpWork: Setting socket.timeout=10, entering recv',
      '2016/02/17 08:20:07 Discovered Windows Azure endpoint: 168.63.129.16', '2016/02/17 08:20:10 Retrieved GoalState from Windows Azure Fabric.'].join('\n') + '\n' },
    outcome: 'cannot-tell', cause: null, statuses: { 'dhcp-disabled': ['possible'] } },
  { name: 'the same log pasted as grep -r output (the file name before every line) says the same',
    files: { 'var/log/waagent.log': G0_DHCP_TIMEOUT.map((l) => `./waagent.log:${l}`).join('\n') + '\n' },
    outcome: 'found', cause: 'dhcp-disabled' },
  // real lines: test/corpus/excerpts/walinuxagent-409-g0-status-blob-404.txt (WALinuxAgent#409)
  { name: 'a 2.0.x status blob probe answered 404 is a status upload failure, not noise',
    files: { 'var/log/waagent.log': [
      '2016/09/06 15:01:38 ERROR:Retry=1', '2016/09/06 15:01:38 ERROR:HTTP Req: Data=None',
      "2016/09/06 15:01:38 ERROR:HTTP Req: Header={'x-ms-version': '2014-02-14', 'x-ms-date': '2016-09-06T18:01:28Z'}",
      '2016/09/06 15:01:38 ERROR:HTTP Err: Status=404', '2016/09/06 15:01:38 ERROR:HTTP Err: Reason=The specified blob does not exist.',
      '2016/09/06 15:01:38 ERROR:HTTP Err: Body='].join('\n') + '\n' },
    outcome: 'found', cause: 'status-upload-failed' },
  // real lines: test/corpus/excerpts/azext-758-sles15-configprovider-typeerror.txt (azure-linux-extensions#758)
  { name: 'VMSnapshot\'s own blob call failing with a Python code error is the extension\'s failure, not the network',
    files: { 'var/log/azure/Microsoft.Azure.RecoveryServices.VMSnapshotLinux/extension.log': [
      '2019/03/01 17:58:35 [Microsoft.Azure.RecoveryServices.VMSnapshotLinux-1.0]Failed to construct ConfigurationProvider, which may due to the old wala code.',
      '2019/03/01 17:58:35 [Microsoft.Azure.RecoveryServices.VMSnapshotLinux-1.0]GetBlobProperties: Failed to get blob properties with error: __init__() takes exactly 2 arguments (1 given), stack trace: Traceback (most recent call last):',
      '2019/03/01 17:58:35   File "/var/lib/waagent/Microsoft.Azure.RecoveryServices.VMSnapshotLinux-1.0.9147.0/main/blobwriter.py", line 207, in GetBlobProperties',
      '2019/03/01 17:58:35     http_util = HttpUtil(self.hutil)'].join('\n') + '\n' },
    outcome: 'found', cause: 'extension-load-failed', statuses: { 'no-network': ['ruled-out', 'not-seen', 'not-observable'] } },
  { name: 'status uploads timing out once every hour or more are the network hiccuping, not a failure',
    files: { 'var/log/waagent.log': SPORADIC_UPLOADS.join('\n') + '\n' },
    outcome: 'cannot-tell', cause: null, statuses: { 'no-network': ['possible', 'not-seen'], 'status-upload-failed': ['possible'] } },
  { name: 'the same upload timing out every minute is a failure',
    files: { 'var/log/waagent.log': STEADY_UPLOADS.join('\n') + '\n' },
    outcome: 'found', cause: 'no-network', statuses: { 'status-upload-failed': ['likely', 'confirmed'] } },
  { name: 'a request to the host plugin that ran out of attempts, every one unanswered, is the path to the host gone',
    files: logOf('var/log/waagent.log', HOSTPLUGIN_GAVE_UP),
    outcome: 'found', cause: 'no-network', statuses: { 'no-network': 'likely' } },
  { name: 'so are WireServer calls that ran out of attempts, timing out, read from syslog',
    files: logOf('var/log/syslog', WIRESERVER_GAVE_UP),
    outcome: 'found', cause: 'no-network' },
  // the second line is generated: the agent processing a goal state minutes later
  { name: 'the same request given up on, then the agent reaching the host again, is only a sign',
    files: logOf('var/log/waagent.log', [HOSTPLUGIN_GAVE_UP[0]!, '2019/07/22 12:40:10.000001 INFO ExtHandler ProcessGoalState completed [incarnation 7; 312 ms]']),
    outcome: 'cannot-tell', cause: null, statuses: { 'no-network': 'possible' } },
  { name: 'a health probe\'s single attempt timing out is not a request given up on',
    files: logOf('var/log/waagent.log', HEALTH_PROBE_TIMEOUT),
    outcome: 'cannot-tell', cause: null, statuses: { 'no-network': 'possible' } },
  { name: 'a status upload timing out while the guest has no route at all: no network is the cause, the upload its symptom',
    files: logOf('var/log/waagent.log', NETWORK_UNREACHABLE),
    outcome: 'found', cause: 'no-network', statuses: { 'status-upload-failed': ['likely', 'possible'] } },
  // a 2.2.13 agent tries the host plugin alone once it is the default channel: one failed put is one failed upload
  { name: 'a 2.2.13 agent failing once to put the status through the host plugin is a sign, not a failure',
    files: logOf('var/log/waagent.log', HOSTPLUGIN_PUT_STATUS),
    outcome: 'cannot-tell', cause: null, statuses: { 'status-upload-failed': ['possible'] } },
  { name: 'the same put failing right after the direct upload failed is a status upload failed on both channels',
    files: logOf('var/log/waagent.log', [
      g1(Date.UTC(2017, 5, 16, 21, 30, 10), 'WARNING', 'Exception uploading status blob: [000009] [HTTP Failed] HTTP PUT IOError timed out'), // generated
      ...HOSTPLUGIN_PUT_STATUS.slice(4)]),
    outcome: 'found', cause: 'status-upload-failed' },
  // generated lines in the agents' wordings (a review's probes): failures the agent got over
  { name: 'one health probe finding no route, then heartbeats counting no goal-state errors, is not a network down',
    files: logOf('var/log/waagent.log', [
      "2024-06-11T03:00:01.100000Z INFO Daemon Daemon Azure Linux Agent Version: 2.9.1.1",
      "2024-06-11T03:00:20.100000Z INFO ExtHandler ExtHandler ProcessExtensionsGoalState completed [incarnation_5 1203 ms]",
      "2024-06-11T03:01:10.771876Z WARNING MonitorHandler ExtHandler Error in SendHostPluginHeartbeat: [HttpError] [HTTP Failed] GET http://168.63.129.16:32526/health -- IOError [Errno 101] Network is unreachable -- 1 attempts made --- [NOTE: Will not log the same error for the next hour]",
      "2024-06-11T03:30:01.785201Z INFO ExtHandler ExtHandler [HEARTBEAT] Agent WALinuxAgent-2.9.1.1 is running as the goal state agent [DEBUG HeartbeatCounter: 1;HeartbeatId: 5940AE0A-F20C-4BE2-8B5A-3C12605F955F;DroppedPackets: 0;UpdateGSErrors: 0;AutoUpdate: 1]",
      "2024-06-11T04:00:01.785201Z INFO ExtHandler ExtHandler [HEARTBEAT] Agent WALinuxAgent-2.9.1.1 is running as the goal state agent [DEBUG HeartbeatCounter: 2;HeartbeatId: 5940AE0A-F20C-4BE2-8B5A-3C12605F955F;DroppedPackets: 0;UpdateGSErrors: 0;AutoUpdate: 1]",
      "2024-06-11T04:30:01.785201Z INFO ExtHandler ExtHandler [HEARTBEAT] Agent WALinuxAgent-2.9.1.1 is running as the goal state agent [DEBUG HeartbeatCounter: 3;HeartbeatId: 5940AE0A-F20C-4BE2-8B5A-3C12605F955F;DroppedPackets: 0;UpdateGSErrors: 0;AutoUpdate: 1]",
    ]),
    outcome: 'cannot-tell', cause: null, statuses: { 'no-network': ['possible', 'not-seen', 'ruled-out'] } },
  { name: 'a pass over the extensions that failed, then one that completed, is a sign: the agent got over it',
    files: logOf('var/log/waagent.log', [
      "2024-06-11T03:00:01.100000Z INFO Daemon Daemon Azure Linux Agent Version: 2.9.1.1",
      "2024-06-11T03:00:20.100000Z ERROR ExtHandler ExtHandler ProcessExtensionsGoalState failed [incarnation_5 12 ms]",
      "Error processing extensions:[Errno 28] No space left on device",
      "2024-06-11T03:10:20.100000Z INFO ExtHandler ExtHandler ProcessExtensionsGoalState completed [incarnation_6 1203 ms]",
      "2024-06-11T03:30:01.785201Z INFO ExtHandler ExtHandler [HEARTBEAT] Agent WALinuxAgent-2.9.1.1 is running as the goal state agent [DEBUG HeartbeatCounter: 1;HeartbeatId: 5940AE0A-F20C-4BE2-8B5A-3C12605F955F;DroppedPackets: 0;UpdateGSErrors: 0;AutoUpdate: 1]",
    ]),
    outcome: 'cannot-tell', cause: null, statuses: { 'extension-load-failed': ['possible'] } },
  // the OMS-Agent-for-Linux#1117 line (real), then a completed pass (generated)
  { name: 'a handler\'s files missing in one pass, then a pass that completed, is a sign: the agent got over it',
    files: logOf('var/log/waagent.log', [
      "2019/12/19 18:00:01.100000 INFO Daemon Azure Linux Agent Version:2.2.45",
      "2019/12/19 18:02:37.584161 WARNING ExtHandler Exception processing extension handlers: [Errno 2] No such file or directory: '/var/lib/waagent/Microsoft.EnterpriseCloud.Monitoring.OmsAgentForLinux-1.12.17/config'",
      "2019/12/19 18:10:20.100000 INFO ExtHandler ProcessGoalState completed [incarnation 6; 312 ms]",
    ]),
    outcome: 'cannot-tell', cause: null, statuses: { 'other-extension-failed': ['possible'] } },
  // real lines: WALinuxAgent#364 (agent 2.1.6.8 with Logs.Verbose=y); each request is traced before it is sent
  { name: 'a 2.1 agent tracing its status blob requests at VERBOSE is not a status upload failure',
    files: { 'var/log/waagent.log': [
      '2016/09/26 14:26:46.390242 VERBOSE HTTP Req: GET http://168.63.129.16/machine/?comp=goalstate',
      '2016/09/26 14:26:46.406912 VERBOSE     Data=None',
      "2016/09/26 14:26:46.414903 VERBOSE     Header={'x-ms-version': '2012-11-30', 'x-ms-agent-name': 'WALinuxAgent'}",
      '2016/09/26 14:26:46.433542 VERBOSE HTTP Resp: Status=200',
      '2016/09/26 14:26:46.490295 VERBOSE Report vm agent status',
      '2016/09/26 14:26:46.497096 VERBOSE Upload status blob',
      '2016/09/26 14:26:46.503760 VERBOSE Check blob type.',
      '2016/09/26 14:26:46.509827 VERBOSE HTTP Req: HEAD https://walaautoasmeastus.blob.core.windows.net/vhds/nay-67-ond-squid.nay-67-ond-squid.walaautos73small-proxy.status?sr=b&sp=rw&se=9999-01-01&sk=key1&sv=2014-02-14',
    ].join('\n') + '\n' },
    outcome: 'cannot-tell', cause: null, statuses: { 'status-upload-failed': ['not-seen', 'ruled-out'] } },
  { name: 'the host plugin refusing an extension artifact (400 InvalidContainerConfiguration) is the platform\'s transient trouble',
    files: { 'var/log/waagent.log': ARTIFACT_REFUSED.join('\n') + '\n' },
    outcome: 'found', cause: 'platform-transient', statuses: { 'no-network': ['ruled-out', 'not-seen'], 'other-extension-failed': ['ruled-out', 'not-seen'] } },
  { name: 'the same refusal in the agent\'s lines wrapped in syslog says the same',
    files: { 'var/log/messages': ARTIFACT_REFUSED_SYSLOG.join('\n') + '\n' },
    outcome: 'found', cause: 'platform-transient' },
  { name: 'a refusal after which the agent processed a goal state was retried: a sign, not a verdict',
    files: { 'var/log/waagent.log': [...ARTIFACT_REFUSED_E2E,
      // generated: the goal state the agent processed two minutes later
      g4(Date.UTC(2022, 2, 8, 3, 5, 23), 'INFO', 'ExtHandler', 'ExtHandler', 'ProcessExtensionsGoalState completed [incarnation_3 1012 ms]')].join('\n') + '\n' },
    outcome: 'cannot-tell', cause: null, statuses: { 'platform-transient': 'possible' } },
  { name: 'a handler that could not be fetched right after WireServer 503s was failed by the host, not by the extension',
    files: { 'var/log/waagent.log': SERVER_ERRORS_UNFETCHED.join('\n') + '\n' },
    outcome: 'found', cause: 'platform-transient', statuses: { 'other-extension-failed': 'possible' } },
  { name: 'a handler that could not be fetched after a refusal alone is still that extension failing',
    files: { 'var/log/waagent.log': REFUSED_UNFETCHED.join('\n') + '\n' },
    outcome: 'found', cause: 'other-extension-failed' },
];

async function analyzeTree(files: Tree, errorCode?: string): Promise<Report> {
  const dir = tmp();
  await writeTree(dir, files);
  return analyze(dir, errorCode ? { errorCode } : {});
}

for (const c of CASES) {
  test(c.name, async (t) => {
    const r = await analyzeTree(c.files, c.errorCode);
    const seen = r.findings.filter((f) => ['confirmed', 'likely', 'possible'].includes(f.status)).map((f) => `${f.cause}=${f.status}/${f.role}`).join(' ');
    t.is(r.verdict.outcome, c.outcome, seen);
    t.is(r.verdict.cause, c.cause, seen);
    if (c.contributing) t.deepEqual(r.verdict.contributing, c.contributing);
    for (const [cause, want] of Object.entries(c.statuses ?? {})) {
      const got = r.findings.find((f) => f.cause === cause)!.status;
      t.true((Array.isArray(want) ? want : [want]).includes(got), `${cause}: ${got}`);
    }
    for (const id of c.reasons ?? []) t.true(r.verdict.reasons.some((m) => m.id === id), `${id} in ${JSON.stringify(r.verdict.reasons)}`);
    // a contributing condition is never the failure itself
    for (const id of r.verdict.contributing) t.is(r.findings.find((f) => f.cause === id)!.role, 'condition');
  });
}

/** Problems with ruled-out findings: one without a line, or one citing another finding's proof. */
function ruledOutProblems(name: string, r: Report): string[] {
  const proof = new Set(r.findings.filter((f) => ['confirmed', 'likely', 'possible'].includes(f.status))
    .flatMap((f) => f.evidence.filter((e) => e.strength === 'strong').map((e) => `${e.file}:${e.line}`)));
  return r.findings.filter((x) => x.status === 'ruled-out').flatMap((f) => [
    ...(f.evidence.length ? [] : [`${name}: ${f.cause} ruled out without a line`]),
    ...f.evidence.filter((e) => proof.has(`${e.file}:${e.line}`)).map((e) => `${name}: ${f.cause} cites ${e.file}:${e.line}, another finding's proof`),
  ]);
}

test('every case: each ruled-out finding cites a line, and never another finding\'s proof', async (t) => {
  const problems = [];
  for (const c of CASES) problems.push(...ruledOutProblems(c.name, await analyzeTree(c.files, c.errorCode)));
  t.deepEqual(problems, []);
});

test('every published error code, alias and message resolves to its symptom', (t) => {
  for (const s of SYMPTOMS) {
    t.is(resolveSymptom(s.code.toLowerCase())?.code, s.code);
    for (const a of s.aliases) t.is(resolveSymptom(a)?.code, s.code, a);
    // BackUpOperationFailed and its V2 share one published message
    t.is(SYMPTOMS.find((x) => x.code === resolveSymptom(s.message.en)?.code)?.message.en, s.message.en, s.message.en);
  }
  t.is(resolveSymptom('ExtentionOperationFailed')?.code, 'ExtensionOperationFailedForManagedDisks');
  t.is(resolveSymptom('NoSuchCode'), null);
});

test('a partial bundle says partial in the verdict', async (t) => {
  const whole = await tgzBuffer(vm());
  const dir = tmp();
  const path = join(dir, 'cut.tgz');
  await fsp.writeFile(path, whole.subarray(0, Math.floor(whole.length * 0.6)));
  const r = await analyze(path);
  t.true(r.verdict.partial);
  t.true(r.problems.length > 0);
  if (!r.verdict.cause) t.is(r.verdict.outcome, 'cannot-tell');
});

test('an empty directory and a folder of prose exit 3 with one line', async (t) => {
  const empty = tmp();
  const prose = tmp();
  await writeTree(prose, { 'notes.txt': 'Customer says backup failed yesterday.\n', 'README.md': '# ticket 123\n' });
  for (const dir of [empty, prose]) {
    const r = azlog(['analyze', dir]);
    t.is(r.code, 3, r.stderr);
    t.regex(r.stderr, /^azlog: .*no Azure VM artifact recognised/);
    t.is(r.stderr.trim().split('\n').length, 1);
  }
});

test('year-less syslog lines take their year from the dated lines, not from the file time', async (t) => {
  const files = vm({ statusCode: 4, run: run((t0) => [py3(t0, 'doing snapshotall now in parallel...')]), agentEnds: JOB + 41_000, extra: {
    'var/log/syslog': [syslog(JOB + 38_000, 'vm1', 'systemd[1]', 'Stopping Azure Linux Agent...'), syslog(JOB + 45_000, 'vm1', 'systemd[1]', 'Reached target Power-Off.')].join('\n') + '\n' } });
  // the archive says the syslog was written two years later
  const tgz = await tgzBuffer(files, { mtime: new Date(Date.UTC(2026, 2, 1)) });
  const dir = tmp();
  const path = join(dir, 'b.tgz');
  await fsp.writeFile(path, tgz);
  const r = await analyze(path);
  t.is(r.verdict.cause, 'snapshot-vm-shutdown');
  t.true(r.findings.find((f) => f.cause === 'snapshot-vm-shutdown')!.evidence.some((e) => e.time?.startsWith('2024-06-11')));
});

test('every sample: each ruled-out finding cites a line, and never another finding\'s proof', async (t) => {
  const { SCENARIOS } = await import('../samples/scenarios.js');
  const problems = [];
  for (const s of SCENARIOS) problems.push(...ruledOutProblems(s.name, await analyzeTree(s.files, s.expect.errorCode)));
  t.deepEqual(problems, []);
});

test('the first line says when the verdict is a background condition, not a failure', async (t) => {
  const { renderText } = await import('../src/report/text.js');
  const old = renderText(await analyzeTree(vm(OLD)), { lang: 'en', color: false }).split('\n')[0];
  t.is(old, 'Outcome: found — no failure is shown, but a background condition is');
  const cert = await analyzeTree(vm({ statusCode: 16, run: [py3(JOB + 7000, 'starting enable'), py3(JOB + 7100, 'unable to load certificate'), py3(JOB + 7200, 'Enable,error,16,,False')] }));
  t.is(renderText(cert, { lang: 'en', color: false }).split('\n')[0], 'Outcome: found — a failure of this backup is shown in the logs');
});

test('facts and the silence give the real time of the real line, not a rounded bucket', async (t) => {
  const { SCENARIOS } = await import('../samples/scenarios.js');
  const s = SCENARIOS.find((x) => x.name === 'agent-unresponsive')!;
  const log = String(s.files['var/log/waagent.log']).trim().split('\n');
  const stamp = (line: string) => new Date(line.slice(0, 27)).toISOString();
  const r = await analyzeTree(s.files);
  t.is(r.facts.firstAgentRecord, stamp(log[0]!));
  t.is(r.facts.lastAgentRecord, stamp(log.at(-1)!));
  t.true(r.findings.find((f) => f.cause === 'agent-unresponsive')!.summary.includes(`stops at ${stamp(log.at(-1)!)}`));
});

test('a refused artifact is named as such in the reader\'s language, with its HTTP status', async (t) => {
  const { message } = await import('../src/messages/findings.js');
  const r = await analyzeTree({ 'var/log/waagent.log': ARTIFACT_REFUSED.join('\n') + '\n' });
  const f = r.findings.find((x) => x.cause === 'platform-transient')!;
  t.is(f.summary, 'the host plugin refused 1 extension artifact download(s) (HTTP 400), as it does when its record of the VM is out of date (after a live migration)');
  t.regex(message(f.note, 'ja'), /ホスト プラグインが拡張機能の成果物のダウンロードを 1 回拒否しました \(HTTP 400\)/);
  t.true(f.evidence.some((e) => e.strength === 'strong' && e.text.includes('InvalidContainerConfiguration')));
});
