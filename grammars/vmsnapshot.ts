/**
 * VMSnapshotLinux logs (FORMATS.md §3.2–3.4): `extension.log` in its Python 3 (UTC since 2021-09,
 * local before), Python 2 and console styles including the buffered "Logs during Freeze" blocks
 * and safefreeze binary output, and `shell.log` written by handle.sh with `date -u`.
 * extension.log has no level field: errors are recognised by their text.
 */
import type { AttrValue, Event } from '../src/model/types.js';
import type { Header, LineGrammar } from '../src/parse/records.js';
import { d2, d4, fraction, MONTHS, wallMs } from '../src/parse/time.js';
import { mechanismOf } from './waagent-message.js';

/** ExtErrorCode names → numbers (FORMATS.md §3.6). */
export const STATUS_CODES: Record<string, number> = {
  success_appconsistent: 0, success: 1, error: 2, SuccessAlreadyProcessedInput: 3, ExtensionTempTerminalState: 4,
  error_parameter: 11, error_12: 12, error_http_failure: 15, FailedHandlerGuestAgentCertificateNotFound: 16,
  FailedInvalidDataDiskLunList: 17, FailedRetryableSnapshotFailedNoNetwork: 76, FailedSnapshotLimitReached: 85,
  FailedRetryableFsFreezeFailed: 121, FailedRetryableFsFreezeTimeout: 122, FailedRetryableUnableToOpenMount: 123,
  FailedSafeFreezeBinaryNotFound: 124, FailedRetryableSnapshotRateExceeded: 173,
  FailedPrepostPreScriptFailed: 300, FailedPrepostPostScriptFailed: 301, FailedPrepostPreScriptNotFound: 302,
  FailedPrepostPostScriptNotFound: 303, FailedPrepostPluginhostConfigParsing: 304, FailedPrepostPluginConfigParsing: 305,
  FailedPrepostPreScriptPermissionError: 306, FailedPrepostPostScriptPermissionError: 307, FailedPrepostPreScriptTimeout: 308,
  FailedPrepostPostScriptTimeout: 309, FailedPrepostPluginhostPreTimeout: 310, FailedPrepostPluginhostPostTimeout: 311,
  FailedPrepostCheckSumMismatch: 312, FailedPrepostPluginhostConfigNotFound: 313, FailedPrepostPluginhostConfigPermissionError: 314,
  FailedPrepostPluginhostConfigOwnershipError: 315, FailedPrepostPluginConfigNotFound: 316, FailedPrepostPluginConfigPermissionError: 317,
  FailedPrepostPluginConfigOwnershipError: 318, FailedGuestAgentInvokedCommandTooLate: 402,
  FailedHostSnapshotRemoteServerError: 556, FailedRetryableSnapshotFailedRestrictedNetwork: 761,
};

const PREFIX_RE = /^\[([A-Za-z][\w.]*?)-(\d+(?:\.\d+)*)\]/;

/** Header of an extension.log line in any of its styles, or null for a continuation. */
export function extensionHeader(line: string): Header | null {
  let i = 0;
  while (line.charCodeAt(i) === 32 && i < 4) i++; // console lines are sometimes indented
  if (line.length < i + 19) return null;
  const sep = line.charCodeAt(i + 4);
  if ((sep !== 45 && sep !== 47) || line.charCodeAt(i + 10) !== 32 || line.charCodeAt(i + 13) !== 58) return null;
  const t0 = wallMs(d4(line, i), d2(line, i + 5), d2(line, i + 8), d2(line, i + 11), d2(line, i + 14), d2(line, i + 17));
  if (Number.isNaN(t0)) return null;
  let j = i + 19, ms = 0;
  if (line.charCodeAt(j) === 46) { const [f, k] = fraction(line, j + 1); ms = f; j += 1 + k; }
  const t = t0 + ms;
  const rest = line.slice(j);
  // console style inside freeze blocks: `<ts>  Info  message `
  const cons = /^ {2}(Info|Warning|Error) {2}(.*?) ?$/.exec(rest);
  if (cons) {
    const level = cons[1] === 'Error' ? 'error' : cons[1] === 'Warning' ? 'warning' : 'info';
    // UTC since the 2021-09 builds; older builds wrote local time (the log cannot tell which)
    return { ms: t, timeSource: sep === 47 ? 'assumed-utc' : 'local:?', level, body: cons[2]!, attrs: { style: 'console' } };
  }
  if (rest.charCodeAt(0) !== 32) return null;
  let body = rest.slice(1);
  let level: Header['level'] = null;
  const lv = /^(ERROR|WARNING):/.exec(body);
  if (lv) { level = lv[1] === 'ERROR' ? 'error' : 'warning'; body = body.slice(lv[0].length); }
  const p = PREFIX_RE.exec(body);
  if (!p) {
    // Python 2 repeats the timestamp on every physical line but only line 1 has the prefix;
    // a bare safefreeze line (`YYYY-MM-DD HH:MM:SS text`) is a record of its own.
    if (sep === 47 && !lv) return null;
    return { ms: t, timeSource: 'local:?', level, body, attrs: { style: 'binary' } };
  }
  body = body.slice(p[0].length);
  const style = sep === 45 ? 'py3' : 'py2';
  // py3 writes utcnow() since 2021-09; py2 wrote local time
  return { ms: t, timeSource: style === 'py3' ? 'assumed-utc' : 'local:?', level, body, attrs: { style } };
}

/** `also`: a second test the whole record must pass (two plain regexes: one joined by a lookahead rescanned the record from every position). */
type Rule = [kind: string, test: RegExp, attrs?: (m: RegExpExecArray) => Record<string, AttrValue>, also?: RegExp];

/**
 * The extension logs an exception it caught as `<step> with error: <str(e)>, stack trace: <traceback>`
 * (VMBackup/main). In a step the backup needs — its HTTP and blob calls, the freeze, the snapshot —
 * a connection error is the network's (vmsnapshot.network.failed), but a Python code error (wrong
 * arguments, a missing attribute, name or module: the extension does not fit this Python or the
 * agent library it imports) is the extension's own failure. Other steps (distro or version
 * lookups) fall back and go on.
 */
const BACKUP_STEP = /(?:Failed to (?:call http|do the (?:pre )?snapshot|do the freeze|get blob properties|write to page-blob|clear to page-blob|get the blob content length)|failed to resize page-blob|Unable to perform (?:parallel|sequential) snapshot) with error: ?([^\n]*?)(?:,? stack trace:|$)/m;
const CODE_ERROR = /\b(?:TypeError|AttributeError|NameError|UnboundLocalError|ImportError|ModuleNotFoundError|SyntaxError)\b|\(\) takes (?:exactly |at most |at least )?\d+ (?:positional )?arguments? \(\d+ given\)|\(\) missing \d+ required positional argument|has no attribute '|name '[^']+' is not defined|No module named|unexpected keyword argument/;

const RULES: Rule[] = [
  ['vmsnapshot.result', /^(Enable|Install|Disable|Uninstall|Update|Daemon),(success|error|transitioning|warning),(\d+),/,
    (m) => ({ operation: m[1]!, status: m[2]!, code: Number(m[3]) })],
  ['vmsnapshot.prepost.not-configured', /Triggering File System Consistent Backup because of error code StatusCode\.FailedPrepostPluginConfigNotFound|Plugin host file does not exist/],
  ['vmsnapshot.crp-timeout', /CRP timeout limit has reached|Thawing as failing due to CRP timeout|FailedGuestAgentInvokedCommandTooLate/],
  ['vmsnapshot.snapshot-limit', /FailedSnapshotLimitReached|snapshot count against this blob has been exceeded/],
  ['vmsnapshot.rate-exceeded', /SnapshotRateExceeded|rate of snapshot blob calls is exceeded/],
  ['vmsnapshot.host-error', /FailedHostSnapshotRemoteServerError|dosnapshot responseBody: StatusCode:5\d\d|BHS is not runnning|Failed to do the (?:pre )?snapshot in host/],
  ['vmsnapshot.host.unreachable', /Hitting wrong WireServer IP/],
  ['vmsnapshot.prepost.failed', /PreScript failed|PostScript failed|Plugin Host Precheck Failed|StatusCode\.FailedPrepost(\w+)|Plugin host Config file does not have|Plugin Config file does not have|The owner of the Plugin/],
  ['vmsnapshot.code.failed', BACKUP_STEP, (m) => ({ error: m[1]! }), CODE_ERROR],
  ['vmsnapshot.network.failed', /FailedRetryableSnapshotFailedNoNetwork|FailedRetryableSnapshotFailedRestrictedNetwork|Failed to call http with error|snapshot HttpCallGetResponse failed|Failed to do the snapshot with error|taking snapshot failed as blobs are empty/],
  ['vmsnapshot.freeze.failed', /Failed to (?:FIFREEZE|FITHAW|open|stat): ?(\S+)|freeze timed-out|file open failed for some mount|Mount Points already freezed by some other processor|freeze failed for some mount|Failed to receive timely Thaw|Unable to execute sleep|Machine unable to sleep|snapshot result inconsistent|FailedRetryableFsFreeze\w+|FailedRetryableUnableToOpenMount|freeze took longer than timeout/,
    (m): Record<string, AttrValue> => (m[1] ? { mount: m[1] } : {})],
  ['vmsnapshot.certificate', /unable to load certificate|FailedHandlerGuestAgentCertificateNotFound/],
  ['vmsnapshot.task', /^taskId: (\S+)/, (m) => ({ taskId: m[1]! })],
  ['vmsnapshot.command-time', /command start time is (\S+ \S+) and utcNow is (\S+ \S+)/, (m) => ({ commandStart: m[1]!, utcNow: m[2]! })],
  ['vmsnapshot.run.start', /^starting (enable|daemon)/, (m) => ({ phase: m[1]! })],
  ['vmsnapshot.freeze.mount', /^fsfreeze mount :(\S+)/, (m) => ({ mount: m[1]! })],
  ['vmsnapshot.freeze.mount', /(?:^|\d{2}:\d{2}:\d{2} )Freezing: (\S+)/, (m) => ({ mount: m[1]!, binary: true })],
  ['vmsnapshot.freeze.start', /^T:S freeze, timeout value (\d+)/, (m) => ({ timeoutSec: Number(m[1]) })],
  ['vmsnapshot.snapshot.done', /T:S snapshotall ends|Enable Succeeded|From Host- IsSuccessful:True/i],
  // the thaw in every style: the binary's per-mount lines, the Python side's result, the signal sent to the binary
  ['vmsnapshot.thaw', /(?:^|\d{2}:\d{2}:\d{2} )Thawing: (\S+)|T:S thaw result|unfreeze ends|Sending Thaw Signal|thaw (?:succeeded|successful|done)/i,
    (m): Record<string, AttrValue> => (m[1] ? { mount: m[1] } : {})],
  ['vmsnapshot.freeze.block', /Logs during Freeze (Start|End)|Binary output traces (start|end)/],
];

export function classifyExtension(e: Event): Event {
  e.kind = 'vmsnapshot.record';
  const text = e.message;
  for (const [kind, re, attrs, also] of RULES) {
    const m = re.exec(text);
    if (!m || (also && !also.test(text))) continue;
    e.kind = kind;
    if (attrs) Object.assign(e.attrs, attrs(m));
    break;
  }
  const sc = /StatusCode\.(\w+),/.exec(text);
  if (sc && STATUS_CODES[sc[1]!] !== undefined) { e.attrs.codeName = sc[1]!; e.attrs.code ??= STATUS_CODES[sc[1]!]!; }
  if (e.kind === 'vmsnapshot.network.failed' || e.kind === 'vmsnapshot.host.unreachable') {
    e.attrs.mechanism = mechanismOf(text);
    // guest-path snapshots go to storage; host-path calls go to the WireServer
    e.attrs.target = e.kind === 'vmsnapshot.host.unreachable' ? 'wireserver' : 'storage';
  }
  if (e.level === null) {
    const bad = /\.(?:failed|unreachable|timeout|limit|exceeded|error)$|crp-timeout|snapshot-limit|rate-exceeded|host-error|certificate/.test(e.kind)
      || (e.kind === 'vmsnapshot.result' && e.attrs.status === 'error');
    e.level = bad ? 'error' : 'info';
  }
  return e;
}

export const extensionLogGrammar: LineGrammar = { id: 'vmsnapshot-extension', header: (l) => extensionHeader(l), classify: classifyExtension };

// ---- shell.log ------------------------------------------------------------------------------
const SHELL_RE = /^(?:\w{3}) (\w{3}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?: (AM|PM))? (?:UTC|GMT) (\d{4})- ?(.*)$/;

export function shellHeader(line: string): Header | null {
  const m = SHELL_RE.exec(line);
  if (!m) return null;
  let h = Number(m[3]);
  if (m[6] === 'PM' && h < 12) h += 12;
  if (m[6] === 'AM' && h === 12) h = 0;
  const t = wallMs(Number(m[7]), MONTHS[m[1]!] ?? 0, Number(m[2]), h, Number(m[4]), Number(m[5]));
  if (Number.isNaN(t)) return null;
  return { ms: t, timeSource: 'explicit-utc', level: 'info', body: m[8]!, attrs: {} };
}

export function classifyShell(e: Event): Event {
  const rc = /^(\d+) returned from handle\.py/.exec(e.message);
  if (rc) {
    e.kind = 'vmsnapshot.shell.exit';
    e.attrs.exitCode = Number(rc[1]);
    if (e.attrs.exitCode !== 0) e.level = 'error';
  } else if (/python version unknown/.test(e.message)) {
    e.kind = 'vmsnapshot.shell.no-python'; e.level = 'error';
  } else if (/^The command is (\w+)/.test(e.message)) {
    e.kind = 'vmsnapshot.shell.command'; e.attrs.command = /^The command is (\w+)/.exec(e.message)![1]!;
  } else e.kind = 'vmsnapshot.shell.record';
  return e;
}

export const shellLogGrammar: LineGrammar = { id: 'vmsnapshot-shell', header: (l) => shellHeader(l), classify: classifyShell };

export const samples: { grammar: 'extension' | 'shell'; lines: string[]; expect: Partial<Event> & { attrs?: Record<string, AttrValue>; time?: string } }[] = [
  { grammar: 'extension', lines: ['2024-01-14 22:16:48.796446 [Microsoft.Azure.RecoveryServices.VMSnapshotLinux-1.0]T:S freeze, timeout value 60'],
    expect: { kind: 'vmsnapshot.freeze.start', timeSource: 'assumed-utc', attrs: { style: 'py3', timeoutSec: 60 }, time: '2024-01-14T22:16:48.796Z' } },
  { grammar: 'extension', lines: ['2024-01-14 22:16:48.800908 [Microsoft.Azure.RecoveryServices.VMSnapshotLinux-1.0]fsfreeze mount :/mnt'],
    expect: { kind: 'vmsnapshot.freeze.mount', attrs: { mount: '/mnt' } } },
  { grammar: 'extension', lines: [
    '2017/11/14 03:06:52 [Microsoft.Azure.RecoveryServices.VMSnapshotLinux-1.0]T:S snapshot result: errorcode: 409',
    '2017/11/14 03:06:52  StatusCode.FailedRetryableSnapshotFailedRestrictedNetwork,'],
    expect: { kind: 'vmsnapshot.network.failed', lines: 2, timeSource: 'local:?', attrs: { style: 'py2', codeName: 'FailedRetryableSnapshotFailedRestrictedNetwork', code: 761 } } },
  { grammar: 'extension', lines: ['2016/12/16 17:18:09 [Microsoft.Azure.RecoveryServices.VMSnapshotLinux-1.0]2016-12-16 17:18:09.766289  Info  Failed to FIFREEZE: /data/dblog'],
    expect: { kind: 'vmsnapshot.freeze.failed', level: 'error', attrs: { mount: '/data/dblog' } } },
  { grammar: 'extension', lines: ['2021/02/26 09:41:45.748364  Info  Failed to open file or aquire lock:  [Errno 11] Resource temporarily unavailable'],
    expect: { kind: 'vmsnapshot.record', level: 'info', attrs: { style: 'console' } } },
  { grammar: 'extension', lines: ['2024/06/11 03:13:53.992300  Error  freeze timed-out '],
    expect: { kind: 'vmsnapshot.freeze.failed', level: 'error', message: 'freeze timed-out' } },
  { grammar: 'extension', lines: ['2024-06-11 03:13:58.105990 [Microsoft.Azure.RecoveryServices.VMSnapshotLinux-1.0]T:S ###### Enable failed with error: freeze took longer than timeout StatusCode.FailedRetryableFsFreezeTimeout,'],
    expect: { kind: 'vmsnapshot.freeze.failed', attrs: { codeName: 'FailedRetryableFsFreezeTimeout', code: 122 } } },
  { grammar: 'extension', lines: ['2024-06-11 03:14:02.330101 [Microsoft.Azure.RecoveryServices.VMSnapshotLinux-1.0]Enable,error,122,,False'],
    expect: { kind: 'vmsnapshot.result', level: 'error', attrs: { operation: 'Enable', status: 'error', code: 122 } } },
  { grammar: 'extension', lines: ['2017-11-02 11:22:56 Failed to FITHAW: /boot'],
    expect: { kind: 'vmsnapshot.freeze.failed', attrs: { style: 'binary', mount: '/boot' } } },
  { grammar: 'extension', lines: ['2019/05/05 05:05:05 [Microsoft.Azure.RecoveryServices.VMSnapshotLinux-1.0]2019-05-05 05:05:05 Thawing: /data'],
    expect: { kind: 'vmsnapshot.thaw', level: 'info', attrs: { mount: '/data' } } },
  { grammar: 'extension', lines: ['2022-03-03 03:03:03.000001 [Microsoft.Azure.RecoveryServices.VMSnapshotLinux-1.0]T:S thaw result'],
    expect: { kind: 'vmsnapshot.thaw' } },
  // the extension's blob call failing in its own code (a TypeError from the agent library it imports), not the network (I-E758)
  { grammar: 'extension', lines: [
    '2019/03/01 17:58:35 [Microsoft.Azure.RecoveryServices.VMSnapshotLinux-1.0]GetBlobProperties: Failed to get blob properties with error: __init__() takes exactly 2 arguments (1 given), stack trace: Traceback (most recent call last):',
    '2019/03/01 17:58:35   File "/var/lib/waagent/Microsoft.Azure.RecoveryServices.VMSnapshotLinux-1.0.9147.0/main/blobwriter.py", line 207, in GetBlobProperties',
    '2019/03/01 17:58:35     http_util = HttpUtil(self.hutil)',
    '2019/03/01 17:58:35   File "/var/lib/waagent/Microsoft.Azure.RecoveryServices.VMSnapshotLinux-1.0.9147.0/main/HttpUtil.py", line 43, in __init__',
    '2019/03/01 17:58:35     Config = waagent.ConfigurationProvider()'],
    expect: { kind: 'vmsnapshot.code.failed', level: 'error', lines: 5, attrs: { error: '__init__() takes exactly 2 arguments (1 given)' } } },
  // the same class of error in a lookup the extension falls back from: not a failure (I-E1912)
  { grammar: 'extension', lines: [
    "2024-04-12 07:35:59.601361 [Microsoft.Azure.RecoveryServices.VMSnapshotLinux-1.0]Failed to retrieve the distinfo with error: module 'platform' has no attribute 'dist', stack trace: Traceback (most recent call last):"],
    expect: { kind: 'vmsnapshot.record', level: 'info' } },
  { grammar: 'shell', lines: ['Thu May 21 05:04:31 PM UTC 2026- 1 returned from handle.py'],
    expect: { kind: 'vmsnapshot.shell.exit', level: 'error', attrs: { exitCode: 1 }, time: '2026-05-21T17:04:31.000Z' } },
  { grammar: 'shell', lines: ['Tue Jun 11 03:12:40 UTC 2024- The command is enable, exiting'],
    expect: { kind: 'vmsnapshot.shell.command', attrs: { command: 'enable' } } },
];
