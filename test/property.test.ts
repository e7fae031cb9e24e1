/** Property-based tests (fast-check): grammars never throw, record assembly is lossless, names are safe. */
import test from 'ava';
import fc from 'fast-check';
import type { Event } from '../src/model/types.js';
import { RecordAssembler, type LineGrammar } from '../src/parse/records.js';
import { waagentGrammar } from '../grammars/waagent.js';
import { extensionLogGrammar, shellLogGrammar } from '../grammars/vmsnapshot.js';
import { syslogGrammar } from '../grammars/syslog.js';
import { resultsGrammar, windowsAgentGrammar, genericGrammar, parseWaagentConf, parseDhcpLease } from '../grammars/system-files.js';
import { parseXml } from '../grammars/xml.js';
import { parseEventRecord, parseHttpFailure } from '../grammars/waagent-message.js';
import { parseStatusFile, parseSettingsFile, parseHandlerStatus, parseWaagentStatus } from '../grammars/extension-state.js';
import { parseAgentXml } from '../grammars/agent-state.js';
import { normalizeEntryPath, logicalPath } from '../src/ingest/paths.js';
import { redact } from '../src/report/redact.js';

const GRAMMARS: LineGrammar[] = [waagentGrammar, extensionLogGrammar, shellLogGrammar, syslogGrammar, resultsGrammar, windowsAgentGrammar, genericGrammar];

/** Lines that look like the real thing, mixed with anything at all. */
const headerish = fc.oneof(
  fc.constantFrom(
    '2024-06-11T03:10:01.234567Z INFO ExtHandler ExtHandler ', '2018/04/27 13:02:32.029794 WARNING ', '2015/09/13 14:44:03 ERROR:',
    '2024-01-14 22:16:48.792020 [Microsoft.Azure.RecoveryServices.VMSnapshotLinux-1.0]', '2021/02/26 09:41:45.748281  Info  ',
    'Oct 08 17:10:33 vm python3[1036]: ', 'Tue Jun 11 03:12:40 UTC 2024- ', '[00000004] 2024-04-17T07:19:26.812Z [INFO]  ', 'Event: name=',
  ).chain((prefix) => fc.string({ maxLength: 80 }).map((s) => prefix + s)),
  fc.string({ maxLength: 120 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

function assemble(grammar: LineGrammar, lines: string[]): Event[] {
  const out: Event[] = [];
  const asm = new RecordAssembler(grammar, { file: 'f', mtime: new Date(0) }, (e) => out.push(e));
  lines.forEach((l, i) => asm.line(l, i + 1));
  asm.flush();
  return out;
}

test('record assembly is lossless: every input line is in exactly one event, in order', (t) => {
  fc.assert(fc.property(fc.constantFrom(...GRAMMARS), fc.array(headerish.map((s) => s.replace(/[\r\n]/g, ' ')), { maxLength: 60 }), (grammar, lines) => {
    const events = assemble(grammar, lines);
    let next = 1;
    for (const e of events) {
      if (e.line !== next) return false; // contiguous, ordered ranges
      next += e.lines;
    }
    return next === lines.length + 1;
  }), { numRuns: 400 });
  t.pass();
});

test('no line grammar, message grammar or file parser throws on arbitrary input', (t) => {
  fc.assert(fc.property(fc.string({ maxLength: 400 }), (s) => {
    for (const g of GRAMMARS) { const h = g.header(s, { file: 'f', mtime: null }); if (h) g.classify({ ms: h.ms, timeSource: h.timeSource, file: 'f', line: 1, lines: 1, kind: '', level: h.level, message: h.body + '\n' + s, raw: s, attrs: h.attrs }); }
    parseEventRecord('Event: ' + s);
    parseHttpFailure(s);
    parseXml(s);
    parseAgentXml(s, 'x.xml');
    parseStatusFile(s, 'a-1.0/status/1.status');
    parseSettingsFile(s, 'a-1.0/config/1.settings');
    parseHandlerStatus(s, 'HandlerStatus');
    parseWaagentStatus(s, 'waagent_status.json');
    parseWaagentConf(s, 'waagent.conf');
    parseDhcpLease(s, 'x.leases');
    redact(s);
    return true;
  }), { numRuns: 500 });
  t.pass();
});

test('status and XML parsers survive arbitrary JSON and element trees', (t) => {
  fc.assert(fc.property(fc.json(), (j) => {
    parseStatusFile(j, 'a-1.0/status/1.status');
    parseStatusFile(`[{"status":${j}}]`, 'a-1.0/status/1.status');
    parseSettingsFile(`{"runtimeSettings":[{"handlerSettings":${j}}]}`, 'a-1.0/config/1.settings');
    return true;
  }), { numRuns: 300 });
  const tree: fc.Memo<string> = fc.memo((n) => (n <= 1
    ? fc.stringMatching(/^[a-z &<>"']{0,8}$/)
    : fc.tuple(fc.constantFrom('a', 'Plugin', 'GoalState', 'x:y'), fc.array(tree(n - 1), { maxLength: 3 })).map(([name, kids]) => `<${name} k="v">${kids.join('')}</${name}>`)));
  fc.assert(fc.property(tree(6), (xml) => { parseXml(xml); return true; }), { numRuns: 300 });
  t.pass();
});

test('archive entry names never escape: no .. segment, no leading slash, no drive letter', (t) => {
  const seg = fc.oneof(fc.constantFrom('..', '.', '', 'var', 'log', 'C:', '~'), fc.string({ maxLength: 6 }));
  fc.assert(fc.property(fc.array(seg, { maxLength: 10 }), fc.constantFrom('/', '\\'), fc.boolean(), (parts, sep, abs) => {
    const raw = (abs ? sep : '') + parts.join(sep);
    const n = normalizeEntryPath(raw);
    const segs = n.split('/');
    if (n.startsWith('/') || segs.includes('..') || segs.includes('.') || /^[A-Za-z]:\//.test(n)) return false;
    logicalPath(n);
    return true;
  }), { numRuns: 1000 });
  t.pass();
});

test('redaction removes any SAS signature wherever it stands', (t) => {
  fc.assert(fc.property(fc.string({ maxLength: 30 }), fc.stringMatching(/^[A-Za-z0-9%+/=]{8,40}$/), fc.string({ maxLength: 30 }), (before, sig, after) => {
    const text = `${before} https://acct.blob.core.windows.net/c/b?sv=2020-01-01&sig=${sig}&se=x ${after}`;
    return !redact(text).includes(`sig=${sig}`);
  }), { numRuns: 500 });
  t.pass();
});
