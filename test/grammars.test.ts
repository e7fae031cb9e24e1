/** Every grammar's own sample lines parse to the fields they state; every real file parses. */
import test from 'ava';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { AttrValue, Event } from '../src/model/types.js';
import { RecordAssembler, type LineGrammar } from '../src/parse/records.js';
import { iso } from '../src/parse/time.js';
import { parseEntry } from '../src/parse/dispatch.js';
import { samples as waagentSamples, waagentGrammar } from '../grammars/waagent.js';
import { extensionLogGrammar, samples as vmsSamples, shellLogGrammar } from '../grammars/vmsnapshot.js';
import { samples as syslogSamples, syslogGrammar } from '../grammars/syslog.js';
import { parseAgentXml, samples as xmlStateSamples } from '../grammars/agent-state.js';
import { parseStatusFile, samples as statusSamples } from '../grammars/extension-state.js';
import { genericGrammar, lineSamples as sysLineSamples, parseDhcpLease, parseWaagentConf, samples as sysSamples, windowsAgentGrammar } from '../grammars/system-files.js';
import { parseEventRecord, parseHttpFailure, samples as msgSamples } from '../grammars/waagent-message.js';
import { parseXml, samples as xmlSamples } from '../grammars/xml.js';
import { redact, samples as redactSamples } from '../src/report/redact.js';
import { samples as headlessSamples } from '../grammars/headless.js';
import { crashAttrs, samples as crashSamples } from '../grammars/crash.js';
import { ROOT } from './helpers.js';

type Expect = Partial<Event> & { attrs?: Record<string, AttrValue>; time?: string };

function parseLines(grammar: LineGrammar, lines: string[], mtime: Date | null = null): Event[] {
  const out: Event[] = [];
  const asm = new RecordAssembler(grammar, { file: 'sample', mtime }, (e) => out.push(e));
  lines.forEach((l, i) => asm.line(l, i + 1));
  asm.flush();
  return out;
}

function check(t: import('ava').ExecutionContext, e: Event | undefined, expect: Expect, label: string) {
  t.truthy(e, `${label}: no event`);
  if (!e) return;
  const { attrs, time, ...fields } = expect;
  for (const [k, v] of Object.entries(fields)) t.deepEqual((e as unknown as Record<string, unknown>)[k], v, `${label}: ${k}`);
  for (const [k, v] of Object.entries(attrs ?? {})) t.deepEqual(e.attrs[k], v, `${label}: attrs.${k} in ${JSON.stringify(e.attrs)}`);
  if (time) t.is(iso(e.ms), time, `${label}: time`);
}

test('waagent.log samples (G0–G4) yield their fields', (t) => {
  for (const s of waagentSamples) {
    const events = parseLines(waagentGrammar, s.lines);
    t.is(events.length, 1, s.lines[0]);
    check(t, events[0], s.expect, s.lines[0]!);
  }
});

test('VMSnapshot extension.log and shell.log samples yield their fields', (t) => {
  for (const s of vmsSamples) {
    const events = parseLines(s.grammar === 'shell' ? shellLogGrammar : extensionLogGrammar, s.lines);
    t.is(events.length, 1, s.lines[0]);
    check(t, events[0], s.expect, s.lines[0]!);
  }
});

test('syslog, journal and dmesg samples yield their fields (year inferred from the file time)', (t) => {
  for (const s of syslogSamples) {
    const events = parseLines(syslogGrammar, s.lines, s.mtime ? new Date(s.mtime) : null);
    check(t, events[0], s.expect, s.lines[0]!);
  }
});

test('Event records and HTTP failures parse with the chevrotain grammars', (t) => {
  for (const s of msgSamples) {
    if ('expect' in s && s.expect) t.deepEqual(parseEventRecord(s.text), s.expect);
    if ('expectHttp' in s && s.expectHttp) {
      const h = parseHttpFailure(s.text) as unknown as Record<string, unknown>;
      for (const [k, v] of Object.entries(s.expectHttp)) t.is(h[k], v, `${k} of ${s.text}`);
    }
  }
  // a message holding commas and newlines keeps them; duration comes from the end
  const multi = parseEventRecord('Event: name=X, op=Enable, message=a, b\nc, duration=12, more, duration=7');
  t.deepEqual(multi, { name: 'X', op: 'Enable', message: 'a, b\nc, duration=12, more', duration: 7 });
});

test('XML samples, agent state and status samples parse', (t) => {
  for (const s of xmlSamples) {
    const r = parseXml(s.text);
    t.is(r.root?.name, s.expect.root);
    if ('doctype' in s.expect) t.true(r.doctype);
    if ('text' in s.expect) t.is(r.root?.text, s.expect.text, 'entities other than the five predefined ones stay literal');
  }
  for (const s of xmlStateSamples) check(t, parseAgentXml(s.text, s.file)[0], s.expect as unknown as Expect, s.file);
  for (const s of statusSamples) check(t, parseStatusFile(s.text, s.file)[0], s.expect as unknown as Expect, s.file);
});

test('waagent.conf (inline comments, secrets) and DHCP lease samples parse', (t) => {
  const conf = sysSamples.find((s) => s.kind === 'waagent-conf')!;
  const kv = Object.fromEntries(parseWaagentConf(conf.text, 'etc/waagent.conf').map((e) => [e.attrs.key, e.attrs.value]));
  for (const [k, v] of Object.entries(conf.expectKeys!)) t.is(kv[k], v);
  const lease = sysSamples.find((s) => s.kind === 'dhcp-lease')!;
  t.is(parseDhcpLease(lease.text, 'x.leases')[0]?.attrs.has245, Boolean(lease.expectHas245));
});

test('redaction samples', (t) => {
  for (const [input, output] of redactSamples) t.is(redact(input), output);
});

test('every real file of samples-real parses without unparsed events', async (t) => {
  const dir = join(ROOT, 'test', 'fixtures', 'samples-real');
  const kinds: Record<string, string> = { ExtensionsConfig: 'extensions-config', GoalState: 'goal-state', HostingEnvironmentConfig: 'hosting-config', SharedConfig: 'shared-config', vmsnapshot: 'extension-status' };
  for (const name of readdirSync(dir)) {
    const kind = Object.entries(kinds).find(([k]) => name.includes(k))![1];
    const events: Event[] = [];
    const file = kind === 'extension-status' ? `var/lib/waagent/Microsoft.Azure.RecoveryServices.VMSnapshotLinux-1.0.9150.0/status/3.status` : name;
    await parseEntry(kind as never, Readable.from([readFileSync(join(dir, name))]), { file, mtime: null }, 1 << 20, (e) => events.push(e));
    t.true(events.length > 0, name);
    t.false(events.some((e) => e.kind === 'unparsed'), `${name}: ${JSON.stringify(events.filter((e) => e.kind === 'unparsed'))}`);
  }
});

test('the real ExtensionsConfig yields plugins, settings without secrets and the status blob host', (t) => {
  const text = readFileSync(join(ROOT, 'test', 'fixtures', 'samples-real', 'healthy-ExtensionsConfig.1.xml'), 'utf8');
  const events = parseAgentXml(text, 'ExtensionsConfig.1.xml');
  t.true(events.filter((e) => e.kind === 'extensions-config.plugin').length >= 1);
  t.true(events.some((e) => e.kind === 'extensions-config.status-blob' && /blob/.test(String(e.attrs.host))));
  t.false(JSON.stringify(events).includes('sig='), 'no SAS signature kept');
});

test('the real VMSnapshot status file: code, taskId, job time and the inner blob status', (t) => {
  const text = readFileSync(join(ROOT, 'test', 'fixtures', 'samples-real', 'vmsnapshot-status-statusblobuploaderror.status'), 'utf8');
  const [e] = parseStatusFile(text, 'var/lib/waagent/Microsoft.Azure.RecoveryServices.VMSnapshotLinux-1.0.9150.0/status/3.status');
  t.is(e!.attrs.code, 1);
  t.is(e!.attrs.taskId, 'e5e5602b-48a6-4c35-9f96-752043777af1');
  t.is(e!.attrs.statusBlobUploadError, 'true');
  t.is(iso(e!.attrs.jobStartMs as number), '2019-06-06T06:36:24.498Z');
});

test('mixed generations in one file after an in-place agent update', (t) => {
  const events = parseLines(waagentGrammar, [
    '2021/03/30 19:35:35.971742 INFO Daemon Azure Linux Agent Version:2.2.45',
    '2021-05-28T01:17:40.683072Z INFO ExtHandler Wire server endpoint:168.63.129.16',
    '2024-06-11T03:10:04.811230Z INFO ExtHandler ExtHandler Azure Linux Agent (Goal State Agent version 2.11.1.4)',
  ]);
  t.deepEqual(events.map((e) => e.attrs.gen), ['G2', 'G3', 'G4']);
  t.deepEqual(events.map((e) => e.timeSource), ['local:?', 'explicit-utc', 'explicit-utc']);
});

test('tracebacks and [stdout]/[stderr] blocks are continuation lines; a traceback tail at the top is one record of its own', (t) => {
  const events = parseLines(waagentGrammar, [
    '  File "x.py", line 1, in <module>',
    '2024-06-11T05:02:11.310077Z ERROR ExtHandler ExtHandler Error fetching the goal state: [ProtocolError] boom',
    'Traceback (most recent call last):',
    '  File "/usr/lib/python3/dist-packages/azurelinuxagent/ga/update.py", line 1, in run',
    '',
    '2024-06-11T05:02:12.000000Z INFO ExtHandler ExtHandler next',
  ]);
  t.deepEqual(events.map((e) => [e.kind, e.line, e.lines]), [['headless.output', 1, 1], ['waagent.goal-state.fetch-failed', 2, 4], ['waagent.record', 6, 1]]);
});

test('records whose header was cut off: the lines before the first header are one record, read by what they hold', (t) => {
  for (const s of headlessSamples) {
    const events = parseLines(waagentGrammar, [...s.lines, '2024-06-11T05:02:12.000000Z INFO ExtHandler ExtHandler next']);
    t.is(events.length, 2, s.lines[0]);
    check(t, events[0], s.expect, s.lines[0]!);
  }
  // in any line grammar: an extension.log whose first lines are a handler's traceback tail
  const [e] = parseLines(extensionLogGrammar, ['  File "/var/lib/waagent/Microsoft.Azure.RecoveryServices.VMSnapshotLinux-1.0.9200.0/main/handle.py", line 1', 'ImportError: cannot import name x']);
  check(t, e, { kind: 'waagent.extension.failed', attrs: { handler: 'Microsoft.Azure.RecoveryServices.VMSnapshotLinux', exception: 'ImportError' } }, 'extension.log traceback tail');
});

test('crash and traceback text: whose code it was and how it ended', (t) => {
  for (const s of crashSamples) t.like(crashAttrs(s.text), s.expect, s.text.slice(0, 60));
});

test("the Windows agent's plugin waits and exits, and other extensions' status lines and logfmt", (t) => {
  for (const s of sysLineSamples) {
    const out: Event[] = [];
    const asm = new RecordAssembler(s.grammar === 'windows' ? windowsAgentGrammar : genericGrammar, { file: s.file, mtime: null }, (e) => out.push(e));
    s.lines.forEach((l, i) => asm.line(l, i + 1));
    asm.flush();
    check(t, out[0], s.expect, s.lines[0]!);
  }
});
