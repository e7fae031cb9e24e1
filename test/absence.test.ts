/** Absence over time: VMSnapshot runs in every log style the grammars read, and HTTP requests nobody answered. */
import test from 'ava';
import type { Event } from '../src/model/types.js';
import { RecordAssembler, type LineGrammar } from '../src/parse/records.js';
import { extensionLogGrammar } from '../grammars/vmsnapshot.js';
import { waagentGrammar } from '../grammars/waagent.js';
import { enablesWithoutStatus, freezesNeverThawed, runsWithoutResult } from '../grammars/vmsnapshot-run.js';
import { retriedWithoutAnswer } from '../grammars/http-exchange.js';

function parse(grammar: LineGrammar, file: string, lines: string[]): Event[] {
  const out: Event[] = [];
  const asm = new RecordAssembler(grammar, { file, mtime: null }, (e) => out.push(e));
  lines.forEach((l, i) => asm.line(l, i + 1));
  asm.flush();
  return out;
}

const P = '[Microsoft.Azure.RecoveryServices.VMSnapshotLinux-1.0]';
const EXT = 'var/log/azure/Microsoft.Azure.RecoveryServices.VMSnapshotLinux/extension.log';

test('a freeze that never thawed, in the Python 3, Python 2 and console styles', (t) => {
  const styles: [string, (ts: string, msg: string) => string, string, string][] = [
    ['py3', (ts, m) => `2023-04-04 ${ts}.000001 ${P}${m}`, '10:00:00', '10:00:05'],
    ['py2', (ts, m) => `2018/04/04 ${ts} ${P}${m}`, '10:00:00', '10:00:05'],
    ['console', (ts, m) => `2020/04/04 ${ts}.000001  Info  ${m} `, '10:00:00', '10:00:05'],
  ];
  for (const [style, line, t0, t1] of styles) {
    const hung = parse(extensionLogGrammar, EXT, [line(t0, 'T:S freeze, timeout value 60'), line(t1, 'fsfreeze mount :/data')]);
    t.is(freezesNeverThawed(hung).length, 1, `${style}: hung`);
    const thawed = parse(extensionLogGrammar, EXT, [line(t0, 'T:S freeze, timeout value 60'), line(t1, 'T:S thaw result')]);
    t.is(freezesNeverThawed(thawed).length, 0, `${style}: thawed`);
    const failed = parse(extensionLogGrammar, EXT, [line(t0, 'T:S freeze, timeout value 60'), line(t1, 'freeze timed-out')]);
    t.is(freezesNeverThawed(failed).length, 0, `${style}: a freeze failure is an end, not an absence`);
  }
});

test('a run with no result, and an enable with no status afterwards', (t) => {
  const run = parse(extensionLogGrammar, EXT, [`2023-04-04 10:00:00.000001 ${P}starting enable`, `2023-04-04 10:00:01.000001 ${P}taskId: abc`]);
  t.is(runsWithoutResult(run).length, 2);
  const done = [...run, ...parse(extensionLogGrammar, EXT, [`2023-04-04 10:05:00.000001 ${P}Enable,success,1,,False`])];
  t.is(runsWithoutResult(done).length, 0);
  const agent = parse(waagentGrammar, 'var/log/waagent.log', [
    '2023-04-04T10:00:00.000000Z INFO ExtHandler [Microsoft.Azure.RecoveryServices.VMSnapshotLinux-1.0.9200.0] Enable extension: [main/handle.sh enable]',
  ]);
  t.is(enablesWithoutStatus(agent).length, 1);
  const reported = [...agent, ...parse(waagentGrammar, 'var/log/waagent.log', [
    "2023-04-04T10:01:00.000000Z INFO ExtHandler ExtHandler Extension status: [('Microsoft.Azure.RecoveryServices.VMSnapshotLinux', 'success')]",
  ])];
  t.is(enablesWithoutStatus(reported).length, 0);
});

test('a request repeated with no answer between is a retry that got nothing back', (t) => {
  const lines = (...l: string[]) => parse(waagentGrammar, 'var/log/waagent.log', l);
  const req = (ts: string, url: string) => `2017/01/01 01:01:${ts}.000001 VERBOSE HTTP connection [GET] [${url}] [None] [None]`;
  const u = 'http://acct.blob.core.windows.net:80/c/manifest.xml';
  const unanswered = retriedWithoutAnswer(lines(req('01', u), req('11', u), req('21', u)));
  t.is(unanswered.length, 2);
  t.is(unanswered[0]!.attrs.target, 'storage');
  t.is(retriedWithoutAnswer(lines(req('01', u), '2017/01/01 01:01:02.000001 VERBOSE HTTP response status: [200]', req('11', u))).length, 0);
  t.is(retriedWithoutAnswer(lines(req('01', u), req('11', '/machine/?comp=goalstate'))).length, 0);
});
