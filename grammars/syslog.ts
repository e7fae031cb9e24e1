/**
 * syslog / messages / kern.log / journal text and dmesg (FORMATS.md §1.1): the agent's own records
 * wrapped in a syslog header are re-fed to the waagent classifier; kernel, systemd and dhclient
 * lines give shutdowns, boots, OOM kills, hung tasks, disk sizes and DHCP trouble.
 */
import type { AttrValue, Event } from '../src/model/types.js';
import type { FileContext, Header, LineGrammar } from '../src/parse/records.js';
import { fraction, isoOffsetMs, MONTHS, wallMs, withUtcYear } from '../src/parse/time.js';
import { classifyWaagent, waagentHeader } from './waagent.js';
import { classifyCrash } from './crash.js';

// the host name is empty (two spaces) in some journal exports
const BSD_RE = /^([A-Z][a-z]{2}) ([ \d]\d) (\d{2}):(\d{2}):(\d{1,2}) (\S*) ([^:[\s]+)(?:\[(\d+)\])?: ?(.*)$/;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2}) (\S*) ([^:[\s]+)(?:\[(\d+)\])?: ?(.*)$/;
const DMESG_RE = /^\[\s*(\d+\.\d+)\] (.*)$/;

export function syslogHeader(line: string, ctx: FileContext): Header | null {
  let m = BSD_RE.exec(line);
  if (m) {
    const mo = MONTHS[m[1]!] ?? 0;
    // year-less syslog: the year of the file's mtime, one less for months after it
    const ref = ctx.mtime ?? null;
    let year = ref ? ref.getUTCFullYear() : new Date().getUTCFullYear();
    if (ref && mo > ref.getUTCMonth() + 1) year--;
    const t = wallMs(year, mo, Number(m[2]!.trim()), Number(m[3]), Number(m[4]), Number(m[5]));
    if (Number.isNaN(t)) return null;
    return { ms: t, timeSource: 'inferred-year', level: null, body: m[9]!, attrs: { host: m[6]!, program: m[7]!, ...(m[8] ? { pid: Number(m[8]) } : {}) } };
  }
  m = ISO_RE.exec(line);
  if (m) {
    let t = wallMs(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), m[7] ? fraction(m[7], 0)[0] : 0);
    if (Number.isNaN(t)) return null;
    t -= isoOffsetMs(m[8]!);
    return { ms: t, timeSource: 'explicit-utc', level: null, body: m[12]!, attrs: { host: m[9]!, program: m[10]!, ...(m[11] ? { pid: Number(m[11]) } : {}) } };
  }
  m = DMESG_RE.exec(line);
  if (m) return { ms: null, timeSource: 'none', level: null, body: m[2]!, attrs: { program: 'kernel', uptime: Number(m[1]) } };
  return null;
}

type Rule = [kind: string, re: RegExp, attrs?: (m: RegExpExecArray) => Record<string, AttrValue>];


const RULES: Rule[] = [
  // systemd's account of the agent service dying and being respawned (or given up on)
  ['waagent.agent.crash', /(?:walinuxagent|waagent)\.service: (?:Main process exited, code=(?:exited|killed|dumped), status=(?!0\/)(\d+)|Failed with result|Start request repeated too quickly|Service hold-off time over, scheduling restart)|Failed to start (?:Azure Linux Agent|walinuxagent|waagent)/i,
    (m): Record<string, AttrValue> => ({ respawn: true, ...(m[1] ? { exitCode: Number(m[1]) } : {}) })],
  // a crash reporter's line (abrt and the like) names the program that died
  ['process.crash', /detected unhandled Python exception|Process \d+ \([\w.-]+\) crashed|segfault at /],
  ['kernel.oom', /Out of memory: Kill|oom-kill|invoked oom-killer/],
  ['kernel.hung-task', /blocked for more than (\d+) seconds/, (m) => ({ seconds: Number(m[1]) })],
  ['kernel.disk-size', /\[(sd[a-z]+|nvme\w+)\] (\d+) (\d+)-byte logical blocks: \(([\d.]+) (\w+)\//,
    (m) => ({ device: m[1]!, bytes: Number(m[2]) * Number(m[3]), sizeGB: Math.round(Number(m[2]) * Number(m[3]) / 1e9), sizeText: `${m[4]} ${m[5]}` })],
  ['system.shutdown', /Reached target (?:Shutdown|Power-Off|Reboot)|System is going down|systemd-shutdown|reboot: (?:Power down|Restarting system)|Stopping Azure Linux Agent|Stopped (?:Azure Linux Agent|walinuxagent)/],
  ['system.boot', /Linux version \d|Booting Linux|Command line: BOOT_IMAGE|Started Azure Linux Agent|Started walinuxagent/],
  ['dhcp.problem', /No DHCPOFFERS received|DHCPDISCOVER .* interval|dhcp.*(?:failed|timed out|timeout)/i],
  ['dhcp.ack', /DHCPACK|DHCPv4 address .* via|bound to \d/],
];

function classifySystem(e: Event): Event {
  for (const [kind, re, attrs] of RULES) {
    const m = re.exec(e.message);
    if (!m) continue;
    e.kind = kind;
    if (attrs) Object.assign(e.attrs, attrs(m));
    if (kind === 'process.crash') classifyCrash(e, true);
    e.level ??= kind === 'kernel.oom' || kind === 'kernel.hung-task' || kind === 'dhcp.problem' ? 'warning' : kind.endsWith('crash') ? 'error' : 'info';
    return e;
  }
  e.kind = 'syslog.record';
  e.level ??= /error|fail/i.test(e.message) ? 'warning' : 'info';
  return e;
}


/** A syslog record: agent records inside gain the agent's kind, and its time when it is explicit UTC. */
export function classifySyslog(e: Event): Event {
  const prog = String(e.attrs.program ?? '');
  if (/^(?:python[\d.]*|waagent|WALinuxAgent)$/.test(prog)) {
    const inner = waagentHeader(e.message);
    if (inner) {
      // an agent record that states its own UTC time (2.2.46+) is dated by it, not by the
      // year-less syslog header around it
      if (inner.ms !== null && inner.timeSource === 'explicit-utc') { e.ms = inner.ms; e.timeSource = 'explicit-utc'; }
      // an older agent's local time still says which year the year-less header is in
      else if (inner.ms !== null && e.ms !== null && e.timeSource === 'inferred-year') e.ms = withUtcYear(e.ms, new Date(inner.ms).getUTCFullYear());
      e.level = inner.level;
      Object.assign(e.attrs, inner.attrs);
      e.message = inner.body + e.message.slice(e.message.split('\n', 1)[0]!.length);
      return classifyWaagent(e);
    }
    e.level = 'info';
    classifyWaagent(e);
    // what the agent's process wrote to stderr reaches the journal: an exception there ended it
    if (e.kind === 'waagent.record') classifyCrash(e, true);
    return e;
  }
  return classifySystem(e);
}

export const syslogGrammar: LineGrammar = { id: 'syslog', header: syslogHeader, classify: classifySyslog };

/** Kernel log files (kern.log, dmesg) use the same headers. */
export const kernelGrammar: LineGrammar = syslogGrammar;


export const samples: { lines: string[]; mtime?: string; expect: Partial<Event> & { attrs?: Record<string, AttrValue>; time?: string } }[] = [
  { lines: ['Oct 08 17:10:33 nam-u18 python3[1036]: 2020-10-08T17:10:33.129375Z INFO ExtHandler ExtHandler Started tracking cgroup: x'],
    mtime: '2020-12-01T00:00:00Z',
    expect: { kind: 'waagent.record', timeSource: 'explicit-utc', time: '2020-10-08T17:10:33.129Z', attrs: { program: 'python3', pid: 1036, gen: 'G4' } } },
  { lines: ['Jan  2 02:00:29 host python: 2017/01/02 03:00:29.408051 INFO [HTTP Retry] Attempt 2 of 3: [HTTP Failed] HTTP PUT IOError timed out'],
    mtime: '2019-01-05T00:00:00Z',
    expect: { kind: 'waagent.http.failed', attrs: { mechanism: 'timeout' }, time: '2017-01-02T02:00:29.000Z' } },
  { lines: ['Dec 31 23:59:59 host kernel: [  100.1] Out of memory: Killed process 1234 (python3)'],
    mtime: '2021-01-02T00:00:00Z',
    expect: { kind: 'kernel.oom', time: '2020-12-31T23:59:59.000Z' } },
  { lines: ['2021-01-07T22:24:41.676914+00:00 myvm kernel: [    2.1] sd 3:0:1:0: [sdc] 4294967296 512-byte logical blocks: (2.20 TB/2.00 TiB)'],
    expect: { kind: 'kernel.disk-size', timeSource: 'explicit-utc', attrs: { device: 'sdc', sizeGB: 2199 } } },
  // the agent's service dying and respawning, and its process's stderr, in every wording systemd and Python use
  { lines: ['Mar  3 03:03:03 vm1 systemd[1]: walinuxagent.service: Main process exited, code=exited, status=1/FAILURE'], mtime: '2022-03-05T00:00:00Z',
    expect: { kind: 'waagent.agent.crash', level: 'error', attrs: { exitCode: 1, respawn: true } } },
  { lines: ['Mar  3 03:03:03 vm1 systemd[1]: waagent.service: Start request repeated too quickly.'], mtime: '2022-03-05T00:00:00Z',
    expect: { kind: 'waagent.agent.crash' } },
  { lines: ['2022-03-03T03:03:03.000001+00:00  python3[999]: ImportError: No module named azurelinuxagent.agent'],
    expect: { kind: 'waagent.agent.crash', level: 'error', attrs: { program: 'python3', origin: 'agent', exception: 'ImportError' } } },
  { lines: ["Mar  3 03:03:03 vm1 abrt[77]: detected unhandled Python exception in '/var/lib/waagent/Microsoft.OSTCExtensions.VMAccessForLinux-1.5.2/vmaccess.py'"], mtime: '2022-03-05T00:00:00Z',
    expect: { kind: 'waagent.extension.failed', level: 'error', attrs: { handler: 'Microsoft.OSTCExtensions.VMAccessForLinux' } } },
  { lines: ['[    1.234567] Linux version 5.15.0-1064-azure (buildd@lcy02) #73-Ubuntu SMP'],
    expect: { kind: 'system.boot', timeSource: 'none' } },
];
