/**
 * Configuration and system files: /etc/waagent.conf (inline comments, y/n), /etc/azure/vmbackup.conf
 * (INI), DHCP leases (option 245 = the WireServer address), the VM's time zone, the log
 * collector's results.txt and the Windows guest agent log (FORMATS.md §4.1, §3.8, §6.4, §7).
 */
import type { AttrValue, Event } from '../src/model/types.js';
import { fileEvent, type Header, type LineGrammar } from '../src/parse/records.js';
import { d2, d4, fraction, wallMs } from '../src/parse/time.js';
import { mechanismOf } from './waagent-message.js';

/** waagent.conf keys whose values are secrets (never reported). */
const SECRET_KEYS = /password|secret|key$/i;

export function parseWaagentConf(text: string, file: string): Event[] {
  const out: Event[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (!line || line.startsWith('#')) return;
    const m = /^([A-Za-z][\w.]*)\s*=\s*(.*)$/.exec(line);
    if (!m) { out.push(fileEvent(file, 'unparsed', null, 'none', raw.slice(0, 200), {}, 'warning', i + 1, raw)); return; }
    const value = SECRET_KEYS.test(m[1]!) ? '[redacted]' : m[2]!.trim();
    out.push(fileEvent(file, 'config.waagent', null, 'none', `${m[1]}=${value}`, { key: m[1]!, value }, 'info', i + 1, SECRET_KEYS.test(m[1]!) ? `${m[1]}=[redacted]` : raw));
  });
  return out;
}

export function parseVmbackupConf(text: string, file: string): Event[] {
  const out: Event[] = [];
  let section = '';
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) return;
    const s = /^\[([^\]]+)\]$/.exec(line);
    if (s) { section = s[1]!; return; }
    const m = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(line);
    if (!m) { out.push(fileEvent(file, 'unparsed', null, 'none', raw.slice(0, 200), {}, 'warning', i + 1, raw)); return; }
    out.push(fileEvent(file, 'config.vmbackup', null, 'none', `[${section}] ${m[1]}=${m[2]}`, { section, key: m[1]!, value: m[2]! }, 'info', i + 1, raw));
  });
  return out;
}

/** dhclient lease blocks and systemd-networkd lease files: was option 245 received? */
export function parseDhcpLease(text: string, file: string): Event[] {
  const out: Event[] = [];
  if (/^\s*lease\s*\{/m.test(text)) {
    const re = /lease\s*\{([\s\S]*?)\}/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const body = m[1]!;
      const line = text.slice(0, m.index).split('\n').length;
      const has245 = /option (?:unknown-245|azure-\w+|[\w-]*245)\s+a8:3f:81:10/i.test(body) || /unknown-245/.test(body);
      const renew = /renew \d ((\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2}))/.exec(body);
      const ms = renew ? wallMs(+renew[2]!, +renew[3]!, +renew[4]!, +renew[5]!, +renew[6]!, +renew[7]!) : null;
      const addr = /fixed-address ([\d.]+)/.exec(body)?.[1] ?? '';
      out.push(fileEvent(file, 'dhcp.lease', ms, 'explicit-utc', `lease ${addr}${has245 ? ' with option 245' : ' WITHOUT option 245'}`, { has245, address: addr }, has245 ? 'info' : 'warning', line));
    }
  } else if (/^ADDRESS=|^OPTION_|^PRIVATE_/m.test(text)) {
    const has245 = /^(?:OPTION|PRIVATE)_245=\s*A83F8110/im.test(text);
    out.push(fileEvent(file, 'dhcp.lease', null, 'none', `networkd lease${has245 ? ' with option 245' : ' WITHOUT option 245'}`, { has245, address: /^ADDRESS=(.*)$/m.exec(text)?.[1] ?? '' }, has245 ? 'info' : 'warning'));
  }
  return out;
}

/** The VM's zone: /etc/timezone text, or the POSIX string at the end of a TZif /etc/localtime. */
export function parseTimezone(data: Buffer, file: string): Event[] {
  let zone: string | null = null;
  if (data.subarray(0, 4).toString('latin1') === 'TZif') {
    const text = data.toString('latin1');
    const m = /\n([^\n]+)\n$/.exec(text);
    if (m && /^[A-Za-z<]/.test(m[1]!)) zone = m[1]!.split(',')[0]!;
  } else {
    const t = data.toString('utf8').trim();
    if (/^[A-Za-z][\w+\-/]*$/.test(t)) zone = t;
  }
  return zone ? [fileEvent(file, 'system.timezone', null, 'none', `time zone ${zone}`, { zone })] : [];
}

/** results.txt of `waagent -collect-logs`: `YYYY-MM-DDTHH:MM:SSZ LEVEL message`. */
export const resultsGrammar: LineGrammar = {
  id: 'collector-results',
  header(line: string): Header | null {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z (INFO|WARNING|ERROR) (.*)$/.exec(line);
    if (!m) return null;
    const t = wallMs(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
    return { ms: t, timeSource: 'explicit-utc', level: m[7]!.toLowerCase() as 'info', body: m[8]!, attrs: {} };
  },
  classify(e: Event): Event {
    e.kind = /Adding (?:truncated )?file|does not exist, skipping|Discarding large/.test(e.message) ? 'collector.file'
      : /Failed to collect|return code/.test(e.message) ? 'collector.error' : 'collector.record';
    return e;
  },
};

/** Windows guest agent log, both line styles of FORMATS.md §7. */
export const windowsAgentGrammar: LineGrammar = {
  id: 'windows-agent',
  header(line: string): Header | null {
    if (line.charCodeAt(0) !== 91) return null;
    // the thread-id field is absent in older agents' lines
    let m = /^(?:\[\d{8}\] )?\[(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?\] \[(\w+)\] ?(.*)$/.exec(line);
    if (m) {
      const t = wallMs(+m[3]!, +m[1]!, +m[2]!, +m[4]!, +m[5]!, +m[6]!, m[7] ? fraction(m[7], 0)[0] : 0);
      return { ms: t, timeSource: 'local:?', level: winLevel(m[8]!), body: m[9]!, attrs: {} };
    }
    m = /^\[\d{8}\] (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z) \[(\w+)\]\s*(.*)$/.exec(line);
    if (m) {
      const s = m[1]!;
      const t = wallMs(d4(s, 0), d2(s, 5), d2(s, 8), d2(s, 11), d2(s, 14), d2(s, 17), s[19] === '.' ? fraction(s, 20)[0] : 0);
      return { ms: t, timeSource: 'explicit-utc', level: winLevel(m[2]!), body: m[3]!, attrs: {} };
    }
    return null;
  },
  classify(e: Event): Event {
    const msg = e.message;
    if (classifyWindowsExtension(e)) return e;
    // an agent that stops is routine; one that cannot be stopped is stuck (FORMATS.md §7)
    e.kind = /could not be stopped/.test(msg) ? 'windows.agent.stopping'
      : /WindowsAzureGuestAgent starting/.test(msg) ? 'windows.agent.start'
      : /fabric address/.test(msg) ? 'windows.dhcp.problem'
      : /168\.63\.129\.16|HostGAPlugin|Server Unavailable|\(503\)/.test(msg) && e.level !== 'info' ? 'windows.network.failed'
      : e.level === 'error' ? 'windows.agent.error' : 'windows.agent.record';
    if (e.kind === 'windows.network.failed') { e.attrs.mechanism = mechanismOf(msg); e.attrs.target = /32526/.test(msg) ? 'hostplugin' : /168\.63\.129\.16/.test(msg) ? 'wireserver' : 'other'; }
    const v = /Version (\d+(?:\.\d+)+)/.exec(msg);
    if (v && e.kind === 'windows.agent.start') e.attrs.version = v[1]!;
    return e;
  },
};

/** A plugin (extension) the Windows agent waited on too long, or that exited with an error. */
function classifyWindowsExtension(e: Event): boolean {
  const msg = e.message;
  let m = /Command \S+ of ([\w.]+) has not exited on time/.exec(msg);
  if (m) { e.kind = 'windows.extension.timeout'; e.attrs.handler = m[1]!; e.level = 'error'; return true; }
  m = /(\w+) command of ([\w.]+) has exited with Exit code: (-?\d+)/.exec(msg);
  if (m && m[3] !== '0') { e.kind = 'windows.extension.failed'; e.attrs.handler = m[2]!; e.attrs.op = m[1]!; e.attrs.exitCode = Number(m[3]); e.level = 'error'; return true; }
  m = /(\w+) failed for plugin \(name: ([\w.]+), version ([\w.]+)\)/.exec(msg);
  if (m) { e.kind = 'windows.extension.failed'; e.attrs.handler = m[2]!; e.attrs.op = m[1]!; e.attrs.handlerVersion = m[3]!; e.level = 'error'; return true; }
  return false;
}

function winLevel(l: string): Event['level'] {
  return l === 'ERROR' ? 'error' : l === 'WARN' ? 'warning' : l === 'TRACE' ? 'verbose' : 'info';
}

/** Any other log: a line with a recognisable leading timestamp (or a logfmt `time=`) starts a record. */
export const genericGrammar: LineGrammar = {
  id: 'generic',
  header(line: string): Header | null {
    const m = /^(?:time=)?\[?(\d{4})[-/](\d{2})[-/](\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?(Z)?\]?\s?(.*)$/.exec(line);
    if (!m) return null;
    const t = wallMs(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +m[6]!, m[7] ? fraction(m[7], 0)[0] : 0);
    if (Number.isNaN(t)) return null;
    const lv = /\b(ERROR|Error|WARN(?:ING)?|Warning)\b/.exec(m[9]!.slice(0, 40));
    const level: Event['level'] = lv ? (lv[1]!.toUpperCase().startsWith('E') ? 'error' : 'warning') : 'info';
    const attrs: Record<string, AttrValue> = {};
    return { ms: t, timeSource: m[8] ? 'explicit-utc' : 'local:?', level, body: m[9]!, attrs };
  },
  classify: classifyExtensionLog,
};

/** The handler a record speaks for: its `[Handler-version]` prefix, else the log's folder under /var/log/azure. */
function handlerOf(e: Event): void {
  const p = /^\[([A-Za-z][\w.]*?)-(\d+(?:\.\d+)+)\] ?/.exec(e.message);
  if (p) { e.attrs.handler = p[1]!; e.attrs.handlerVersion = p[2]!; e.message = e.message.slice(p[0].length); return; }
  const dir = /(?:^|\/)var\/log\/azure\/([^/]+)\//.exec(e.file);
  if (dir) e.attrs.handler = dir[1]!;
}

/**
 * Extension logs: the status line every Python handler writes through its utilities
 * (`Enable,error,1,<message>`), the logfmt of the Go handlers (`operation=enable seq=3
 * event="enable failed" error="…"`), and the failed commands of the agent library Python handlers
 * embed. A failing one is that extension's failure.
 */
function classifyExtensionLog(e: Event): Event {
  e.kind = 'log.record';
  handlerOf(e);
  const msg = e.message;
  const st = /^(Install|Enable|Disable|Uninstall|Update|Daemon),(success|error|transitioning|warning),(-?\d+),/.exec(msg);
  if (st) {
    e.kind = st[2] === 'error' ? 'extension.failed' : 'extension.result';
    Object.assign(e.attrs, { op: st[1]!, status: st[2]!, code: Number(st[3]) });
    if (st[2] === 'error') e.level = 'error';
    return e;
  }
  // the 2.0.x agent library that Python handlers embed logs a failed command as `CalledProcessError.  Error Code is <rc>`,
  // then `… Command string was <cmd>` and `… Command result was <output>`
  // (the command and its output stay in the text only, where redaction reads them: a command line may carry a SAS)
  const cpe = /^(?:ERROR:)?CalledProcessError\.\s+(?:Error Code is (-?\d+)|Command string was|Command result was)/.exec(msg);
  if (cpe) {
    e.kind = 'extension.command.failed';
    if (cpe[1] !== undefined) e.attrs.exitCode = Number(cpe[1]);
    return e;
  }
  if (/\boperation=\w+/.test(msg)) {
    const op = /\boperation=(\w+)/.exec(msg)![1]!;
    e.attrs.op = op;
    const ev = /\bevent="?([^"=]*?)"?(?= \w+=|$)/.exec(msg)?.[1];
    if (/\berror="/.test(msg) || (ev && /\bfailed\b/.test(ev))) { e.kind = 'extension.failed'; e.level = 'error'; if (ev) e.attrs.event = ev; }
    else e.kind = 'extension.event';
  }
  return e;
}

/** Line samples of the Windows agent log and of other extensions' logs (checked by test/grammars.test.ts). */
export const lineSamples: { grammar: 'windows' | 'generic'; file: string; lines: string[]; expect: Partial<Event> & { attrs?: Record<string, AttrValue> } }[] = [
  { grammar: 'windows', file: 'WindowsAzure/Logs/WaAppAgent.log', lines: ['[01/02/2019 03:04:05.67] [ERROR] Command C:\\Packages\\Plugins\\Contoso.Tool\\1.0\\enable.cmd of Contoso.Tool has not exited on time! Killing it...'],
    expect: { kind: 'windows.extension.timeout', level: 'error', attrs: { handler: 'Contoso.Tool' } } },
  { grammar: 'windows', file: 'WindowsAzure/Logs/WaAppAgent.log', lines: ['[00000007] [01/02/2019 03:04:05.67] [INFO] Install command of Contoso.Tool has exited with Exit code: 3'],
    expect: { kind: 'windows.extension.failed', attrs: { handler: 'Contoso.Tool', op: 'Install', exitCode: 3 } } },
  { grammar: 'generic', file: 'var/log/azure/Contoso.Linux.Tool/extension.log', lines: ['2021/01/01 01:01:01 [Contoso.Linux.Tool-1.2.3] Enable,error,1,could not start the service'],
    expect: { kind: 'extension.failed', level: 'error', attrs: { handler: 'Contoso.Linux.Tool', handlerVersion: '1.2.3', op: 'Enable', code: 1 } } },
  { grammar: 'generic', file: 'var/log/azure/contoso-tool/handler.log', lines: ['time=2021-01-01T01:01:01Z version=v1.0.0 operation=enable seq=2 event="enable failed" error="exit status 1"'],
    expect: { kind: 'extension.failed', level: 'error', timeSource: 'explicit-utc', attrs: { handler: 'contoso-tool', op: 'enable', event: 'enable failed' } } },
  // LinuxDiagnostic 3.0.125 (azure-linux-extensions#947)
  { grammar: 'generic', file: 'var/log/azure/Microsoft.Azure.Diagnostics.LinuxDiagnostic/extension.log', lines: ['2020/01/10 22:43:12 ERROR:CalledProcessError.  Error Code is 127'],
    expect: { kind: 'extension.command.failed', level: 'error', attrs: { handler: 'Microsoft.Azure.Diagnostics.LinuxDiagnostic', exitCode: 127 } } },
  { grammar: 'generic', file: 'var/log/azure/Microsoft.Azure.Diagnostics.LinuxDiagnostic/extension.log',
    lines: ['2020/01/10 22:43:12 ERROR:CalledProcessError.  Command string was sed -i "s/RestartService syslog-ng\\\\s*$/RestartService syslog-ng || RestartService syslog/g" /opt/microsoft/omsagent/bin/configure_syslog.sh'],
    expect: { kind: 'extension.command.failed', level: 'error' } },
  { grammar: 'generic', file: 'var/log/azure/Microsoft.Azure.Diagnostics.LinuxDiagnostic/extension.log',
    lines: ["2020/01/10 22:43:12 ERROR:CalledProcessError.  Command result was sed: can't read /opt/microsoft/omsagent/bin/configure_syslog.sh: No such file or directory"],
    expect: { kind: 'extension.command.failed', level: 'error' } },
  { grammar: 'generic', file: 'var/log/azure/contoso-tool/handler.log', lines: ['time=2021-01-01T01:01:01Z version=v1.0.0 operation=enable seq=2 event=start'],
    expect: { kind: 'extension.event', level: 'info' } },
];

export const samples = [
  { kind: 'waagent-conf', text: 'Extensions.Enabled=n # turned off\nAutoUpdate.Enabled=y\nHttpProxy.Host=10.0.0.5\nOS.Password=hunter2\n', expectKeys: { 'Extensions.Enabled': 'n', 'HttpProxy.Host': '10.0.0.5', 'OS.Password': '[redacted]' } },
  { kind: 'dhcp-lease', text: 'lease {\n  interface "eth0";\n  fixed-address 10.0.0.4;\n  option unknown-245 a8:3f:81:10;\n  renew 2 2024/06/11 03:12:40;\n}\n', expectHas245: true },
];
