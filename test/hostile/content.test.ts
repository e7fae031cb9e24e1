/** Hostile file contents: endless lines, junk, bad encodings, XML tricks, wrong types, odd clocks. */
import test from 'ava';
import { Readable } from 'node:stream';
import { createWriteStream, promises as fsp } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { splitLines } from '../../src/parse/lines.js';
import { parseXml } from '../../grammars/xml.js';
import { tgzBuffer } from '../../samples/pack.js';
import { SCENARIOS } from '../../samples/scenarios.js';
import { tmp, writeBundle } from '../helpers.js';
import { assertClean, measured } from './harness.js';

const GOOD = SCENARIOS.find((s) => s.name === 'healthy')!.files;

test('an agent log with a 150 MB record and a 64 MB line without a newline: analyze (the sieve) stays in bounded memory', async (t) => {
  const path = join(tmp(), 'var', 'log', 'waagent.log');
  await fsp.mkdir(join(path, '..'), { recursive: true });
  const out = createWriteStream(path);
  const write = (s: string | Buffer) => (out.write(s) ? undefined : once(out, 'drain'));
  await write('2024-06-11T03:12:40.101010Z INFO ExtHandler ExtHandler Command: main/handle.sh enable\n');
  const block = '[stdout] a line of output of the handler, one of millions\n'.repeat(16_384);
  for (let sent = 0; sent < 150 * 1024 * 1024; sent += block.length) await write(block);
  await write('2024-06-11T03:12:41.101010Z INFO ExtHandler ExtHandler then one line of 64 MB: ');
  const line = Buffer.alloc(1 << 20, 0x61);
  for (let i = 0; i < 64; i++) await write(line);
  out.end();
  await once(out, 'finish');
  const r = measured(['analyze', path, '-f', 'json', '--no-progress']);
  assertClean(t, r, { codes: [4], maxMs: 60_000, maxRssMb: 200 });
  t.regex(r.stderr, /1 line\(s\) longer than \d+ characters were cut/);
});

test('thousands of routine records of 50 KB each (a kind the store keeps): held no bigger than built ones, bounded memory', async (t) => {
  const path = join(tmp(), 'var', 'log', 'waagent.log');
  await fsp.mkdir(join(path, '..'), { recursive: true });
  const out = createWriteStream(path);
  const pad = 'x'.repeat(50 * 1024);
  for (let i = 0; i < 2500; i++) {
    const time = new Date(Date.UTC(2024, 5, 11, 3) + i * 1000).toISOString().replace('Z', '000Z');
    if (!out.write(`${time} INFO ExtHandler ExtHandler Target handler state: enabled ${i} ${pad}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const r = measured(['analyze', path, '-f', 'json', '--no-progress']);
  assertClean(t, r, { codes: [0], maxMs: 60_000, maxRssMb: 170 });
  // every record was counted, the first and the latest kept (as a built record would be: cut)
  const report = JSON.parse(r.stdout) as { stats: { events: number; eventsNotKept: number } };
  t.is(report.stats.events, 2500);
  t.is(report.stats.eventsNotKept, 500);
});

test('a 1 GB line without a newline streams through in bounded memory', async (t) => {
  const chunk = Buffer.alloc(1 << 20, 0x61);
  let sent = 0;
  const source = new Readable({ read() { if (sent >= 1024) this.push(null); else { sent++; this.push(chunk); } } });
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  const started = Date.now();
  const lines: number[] = [];
  let long = 0;
  const n = await splitLines(source, 1 << 20, { line: (text) => lines.push(text.length), longLine: () => long++ });
  clearInterval(timer);
  t.is(n, 1);
  t.deepEqual(lines, [1 << 20], 'the line is cut at the limit');
  t.is(long, 1);
  t.true(Date.now() - started < 30_000, `${Date.now() - started} ms`);
  t.true(peak - before < 200 * 1024 * 1024, `grew by ${((peak - before) / 1048576).toFixed(0)} MB`);
});

test('binary junk, invalid UTF-8 and Latin-1 in logs: parsed as far as possible, never a crash', async (t) => {
  const junk = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 256));
  const latin1 = Buffer.from('2024-06-11T03:10:01.234567Z INFO Daemon Daemon Caf\xe9 \xff\xfe r\xe9seau\n', 'latin1');
  const files = { ...GOOD, 'var/log/waagent.log.1': junk, 'var/log/waagent.log.2': latin1, [`var/log/azure/Microsoft.Azure.RecoveryServices.VMSnapshotLinux/extension.log.1`]: junk };
  const r = measured(['analyze', await writeBundle(tmp(), 'junk.tgz', await tgzBuffer(files)), '-f', 'json']);
  assertClean(t, r, { codes: [0] });
  t.is(JSON.parse(r.stdout).verdict.cause, null);
  const tl = measured(['timeline', await writeBundle(tmp(), 'junk2.tgz', await tgzBuffer(files)), '-f', 'jsonl', '--file', 'waagent.log.2']);
  assertClean(t, tl, { codes: [0] });
  t.regex(tl.stdout, /Caf\ufffd \ufffd\ufffd r\ufffdseau/);
});

test('XML with DOCTYPE/entity tricks and 10^4-deep nesting is refused, never expanded', async (t) => {
  const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><GoalState><Incarnation>&lol3;</Incarnation></GoalState>';
  const r1 = parseXml(laughs);
  t.true(r1.doctype);
  t.is(r1.root?.children[0]?.text, '&lol3;', 'entity left as written');
  const deep = '<a>'.repeat(10_000) + '</a>'.repeat(10_000);
  const started = Date.now();
  const r2 = parseXml(deep);
  t.regex(r2.error ?? '', /nested deeper than 64 levels/);
  t.true(Date.now() - started < 5000);
  const external = '<!DOCTYPE x SYSTEM "file:///etc/passwd"><GoalState><Incarnation>3</Incarnation></GoalState>';
  t.is(parseXml(external).root?.name, 'GoalState');
  const files = { ...GOOD, 'var/lib/waagent/GoalState.13.xml': laughs, 'var/lib/waagent/ExtensionsConfig.13.xml': deep, 'var/lib/waagent/GoalState.14.xml': '<<<>>>&&&\0\0' };
  const r = measured(['analyze', await writeBundle(tmp(), 'xml.tgz', await tgzBuffer(files)), '-f', 'json']);
  assertClean(t, r, { codes: [0] });
});

test('.status, .settings, HandlerState and waagent.conf with wrong types or garbage', async (t) => {
  const dir = 'var/lib/waagent/Microsoft.Azure.RecoveryServices.VMSnapshotLinux-1.0.9225.0';
  const files = {
    ...GOOD,
    [`${dir}/status/1.status`]: '{"status": 5}',
    [`${dir}/status/2.status`]: '[{"status":{"code":{"a":1},"status":["x"],"substatus":"nope","formattedMessage":7}}]',
    [`${dir}/status/3.status`]: 'null',
    [`${dir}/status/4.status`]: '"just a string"',
    [`${dir}/status/5.status`]: '[{"timestampUTC": 12, "status": {"status":"error","code":"NaN","substatus":[{"name":"{not json"}]}}]',
    [`${dir}/config/7.settings`]: '{"runtimeSettings": "no"}',
    [`${dir}/config/8.settings`]: '\xff\xfe garbage',
    'etc/waagent.conf': Buffer.concat([Buffer.from('Extensions.Enabled=\n=novalue\n[section]\n'), Buffer.from([0, 1, 2, 255, 10])]),
    'etc/azure/vmbackup.conf': '[SnapshotThread\nthis is not ini\n',
    [`${dir}/config/HandlerState`]: '\0\0\0',
  };
  const r = measured(['analyze', await writeBundle(tmp(), 'types.tgz', await tgzBuffer(files)), '-f', 'json']);
  assertClean(t, r, { codes: [0] });
  t.is(JSON.parse(r.stdout).schema, 'azlog/report@1');
});

test('clocks going backwards, dates in 1970 and 2999, empty files', async (t) => {
  const log = [
    '2024-06-11T03:10:01.000000Z INFO Daemon Daemon Azure Linux Agent Version: 2.9.1.1',
    '2024-06-11T02:10:01.000000Z INFO ExtHandler ExtHandler clock went back an hour',
    '1970-01-01T00:00:00.000000Z INFO ExtHandler ExtHandler epoch',
    '2999-12-31T23:59:59.999999Z ERROR ExtHandler ExtHandler far future',
    '2024-13-45T99:99:99.000000Z INFO ExtHandler ExtHandler impossible date',
  ].join('\n') + '\n';
  const empties = Object.fromEntries(Object.keys(GOOD).map((k) => [k, '']));
  const dir = tmp();
  for (const [name, files] of [['clock.tgz', { ...GOOD, 'var/log/waagent.log': log }], ['empty-files.tgz', empties]] as const) {
    const path = await writeBundle(dir, name, await tgzBuffer(files));
    assertClean(t, measured(['analyze', path, '-f', 'json']), { codes: [0] });
    const tl = measured(['timeline', path, '-f', 'jsonl']);
    assertClean(t, tl, { codes: [0] });
  }
  const tl = measured(['timeline', await writeBundle(dir, 'c2.tgz', await tgzBuffer({ 'var/log/waagent.log': log })), '-f', 'jsonl']);
  const events = tl.stdout.trim().split('\n').map((l) => JSON.parse(l));
  t.is(events.reduce((n, e) => n + e.lines, 0), 5, 'no line lost');
  t.is(events[0].time, '1970-01-01T00:00:00.000Z');
  t.regex(events.find((e) => /far future/.test(e.message)).message, /\n2024-13-45T99:99:99.*impossible date/, 'an impossible date is no header: it continues the record before it');
});
