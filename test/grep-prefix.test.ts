/**
 * Agent logs pasted as `grep -r` output (src/parse/grep-prefix.ts): the file name grep puts before
 * every line is taken off, so the lines read as the log they quote, with the line numbers of the
 * file; a file whose lines do not all carry it is read as it is.
 */
import test from 'ava';
import { Readable } from 'node:stream';
import { parseEntry } from '../src/parse/dispatch.js';
import type { Event } from '../src/model/types.js';
import { grepPrefixOf } from '../src/parse/grep-prefix.js';
import { waagentHeader } from '../grammars/waagent.js';
import { excerptLines } from './helpers.js';

// real lines: test/corpus/excerpts/walinuxagent-218-vmbackup-reboot.txt (as the reporter's grep printed it)
// and walinuxagent-142-g0-freebsd-dhcp-timeout.txt (https://github.com/Azure/WALinuxAgent/issues/142)
const GREPPED = './waagent.log:2016/06/06 22:16:42 VMBackupForLinuxExtension started to handle.';
const G0 = excerptLines('walinuxagent-142-g0-freebsd-dhcp-timeout').slice(2, 8);
// a line of the 2.0.x agent's stderr that starts like a path and a colon (Microsoft support article
// "Can't connect to Azure Linux VM through network", KB 4010059)
const WARNING_LINE = "/usr/sbin/waagent:2275: DeprecationWarning: BaseException.message has been deprecated as of Python 2.6";

const isHeader = (l: string) => waagentHeader(l) !== null;

async function events(text: string, chunk = 1 << 16): Promise<Event[]> {
  const buf = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let i = 0; i < buf.length; i += chunk) chunks.push(buf.subarray(i, i + chunk));
  const out: Event[] = [];
  await parseEntry('waagent-log', Readable.from(chunks), { file: 'var/log/waagent.log', mtime: null }, 1 << 20, (e) => out.push(e));
  return out;
}

const view = (es: Event[]) => es.map((e) => `${e.line} ${e.kind} ${e.level} ${e.ms} ${e.message}`);

test('a grep -r line reads as the agent line it quotes', async (t) => {
  const [e] = await events(GREPPED + '\n');
  t.is(e!.kind, 'waagent.record');
  t.is(e!.message, 'VMBackupForLinuxExtension started to handle.');
  t.is(new Date(e!.ms!).toISOString(), '2016-06-06T22:16:42.000Z');
  t.is(e!.line, 1);
});

test('every line loses the prefix, whatever the chunks, and keeps its number', async (t) => {
  const plain = await events(G0.join('\n') + '\n');
  const text = G0.map((l) => './waagent.log:' + l).join('\n') + '\n';
  // chunk sizes that cut the prefix, the line and the newline at every place
  for (const size of [1, 2, 3, 5, 7, 13, 14, 15, 64, 1 << 16]) t.deepEqual(view(await events(text, size)), view(plain), `chunks of ${size}`);
  t.true(plain.some((e) => e.lines > 1), 'the traceback is one record, prefixed or not');
});

test('the prefix is the file path grep writes, on every line of the start of the file', (t) => {
  t.is(grepPrefixOf(GREPPED + '\n', isHeader), './waagent.log:');
  t.is(grepPrefixOf(G0.map((l) => '/var/log/waagent.log:' + l).join('\n'), isHeader), '/var/log/waagent.log:');
  // a line that is already a header, a path-like start followed by no header, lines without the prefix
  t.is(grepPrefixOf(G0.join('\n'), isHeader), null);
  t.is(grepPrefixOf(WARNING_LINE + '\n' + G0[1], isHeader), null);
  t.is(grepPrefixOf(GREPPED + '\n' + G0[1] + '\n', isHeader), null);
});

test('a file whose lines do not all carry the prefix is read as written', async (t) => {
  const text = [GREPPED, ...G0].join('\n') + '\n';
  const es = await events(text);
  t.is(es[0]!.kind, 'unparsed');
  t.true(es[0]!.raw.startsWith('./waagent.log:'));
  t.is(es[1]!.line, 2, 'the agent lines after it read as before');
  t.is(es[1]!.message, 'DoDhcpWork: Setting socket.timeout=10, entering recv');
});
