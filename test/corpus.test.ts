/** The real-log corpus: every excerpt in the repo reads; malformed ones are refused with a reason; scoring rules. */
import test from 'ava';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ExcerptError, judge, parseExcerpt, sourceSite, writeExcerptBundle } from './corpus/excerpt.js';
import { belowFloor, loadExcerpts, perCause, score, scoreLine, type Row } from './corpus/run.js';
import { ROOT, tmp } from './helpers.js';

const HEAD = [
  'id: example-one',
  'source: https://github.com/Azure/WALinuxAgent/issues/1#issuecomment-2',
  'title: an example',
  'agent: 2.2.45            # agent version the lines come from',
  'kind: failure',
  'concluded: something failed',
  'accept: no-network agent-outdated',
  'why: because',
];
const BLOCK = ['--- var/log/waagent.log', '2019/06/12 09:20:21.123456 INFO Daemon Azure Linux Agent Version:2.2.45', ''];

function reason(lines: string[], name = 'example-one.txt'): string {
  try { parseExcerpt(lines.join('\n') + '\n', name); return 'accepted'; } catch (e) {
    if (e instanceof ExcerptError) return e.message;
    throw e;
  }
}

test('every excerpt in test/corpus/excerpts parses', (t) => {
  const dir = join(ROOT, 'test', 'corpus', 'excerpts');
  const { excerpts, rejected } = loadExcerpts(dir);
  t.deepEqual(rejected, []);
  t.is(excerpts.length, readdirSync(dir).filter((n) => n.endsWith('.txt')).length);
});

test('an excerpt reads into its header and blocks, comments stripped, URL fragments kept', (t) => {
  const ex = parseExcerpt([...HEAD, ...BLOCK, '--- var/log/syslog', 'Jun 12 09:20:21 vm python3[1]: x'].join('\n'), 'example-one.txt');
  t.is(ex.agent, '2.2.45');
  t.is(ex.source, 'https://github.com/Azure/WALinuxAgent/issues/1#issuecomment-2');
  t.deepEqual(ex.accept, ['no-network', 'agent-outdated']);
  t.deepEqual(ex.blocks.map((b) => b.path), ['var/log/waagent.log', 'var/log/syslog']);
  // lines are kept exactly, blank ones included
  t.deepEqual(ex.blocks[0]!.lines, [BLOCK[1], '']);
});

test('malformed excerpts are refused with a one-line reason naming the file', (t) => {
  t.regex(reason([...HEAD.filter((l) => !l.startsWith('why')), ...BLOCK]), /^example-one\.txt: header "why" is missing/);
  t.regex(reason(HEAD), /no "--- <bundle path>" block/);
  t.regex(reason([...HEAD, ...BLOCK], 'other.txt'), /does not match the file name/);
  t.regex(reason([...HEAD.map((l) => l.replace('kind: failure', 'kind: broken')), ...BLOCK]), /kind "broken"/);
  t.regex(reason([...HEAD.map((l) => l.replace('no-network', 'network-down')), ...BLOCK]), /"network-down" is not a cause id/);
  t.regex(reason([...HEAD, '--- /var/log/waagent.log', 'x']), /must be relative/);
  t.regex(reason([...HEAD, '--- var/log/journal.txt', 'x']), /not one azlog reads/);
  t.regex(reason([...HEAD, 'a stray line', ...BLOCK]), /not a "key: value" header line/);
  t.regex(reason([...HEAD, '--- var/log/waagent.log', '']), /holds no lines/);
  t.regex(reason([...HEAD, '--- var/log/waagent.log', 'PUT https://a.blob.core.windows.net/c/b?sv=2018&sig=abcdefghijklmnopqrstuvwxyz012345']), /SAS signature/);
  t.is(reason([...HEAD, ...BLOCK]), 'accepted');
});

test('an excerpt becomes a bundle folder: blocks at their paths, same path concatenated, dated after its last line', async (t) => {
  const ex = parseExcerpt([...HEAD, ...BLOCK, '--- var/log/waagent.log', '2019/06/13 10:00:00.000000 INFO Daemon later'].join('\n'), 'example-one.txt');
  const root = await writeExcerptBundle(ex, tmp());
  const file = join(root, 'var/log/waagent.log');
  t.is(readFileSync(file, 'utf8'), `${BLOCK[1]}\n\n2019/06/13 10:00:00.000000 INFO Daemon later\n`);
  t.is(statSync(file).mtime.toISOString().slice(0, 10), '2019-06-14');
});

test('judging: accepted causes, healthy as no cause, false alarms only on healthy and transient excerpts', (t) => {
  t.is(judge({ kind: 'failure', accept: ['no-network'] }, 'no-network'), 'ok');
  t.is(judge({ kind: 'failure', accept: ['no-network'] }, null), 'WRONG');
  t.is(judge({ kind: 'failure', accept: ['no-network'] }, 'agent-outdated'), 'WRONG');
  t.is(judge({ kind: 'healthy', accept: ['healthy'] }, null), 'ok');
  t.is(judge({ kind: 'healthy', accept: ['healthy'] }, 'no-network'), 'FALSE-ALARM');
  t.is(judge({ kind: 'transient', accept: ['healthy', 'platform-transient'] }, 'platform-transient'), 'ok');
  t.is(judge({ kind: 'transient', accept: ['healthy', 'platform-transient'] }, 'no-network'), 'FALSE-ALARM');
});

test('the score line, the per-cause table and the floor', (t) => {
  const row = (kind: 'failure' | 'healthy', accept: string[], judgement: Row['judgement']): Row =>
    ({ excerpt: { kind, accept } as Row['excerpt'], cause: '', confidence: 0, outcome: '', judgement });
  const rows = [row('failure', ['no-network'], 'ok'), row('failure', ['no-network'], 'WRONG'), row('healthy', ['healthy'], 'FALSE-ALARM')];
  const s = score(rows);
  t.is(scoreLine(s), 'corpus: 1/3 acceptable, 1 false alarms on 1 healthy');
  t.deepEqual(perCause(rows).slice(1), [['no-network', '2', '1'], ['healthy', '1', '0']]);
  t.is(belowFloor(s, { acceptable: 1, falseAlarms: 1 }), null);
  t.regex(belowFloor(s, { acceptable: 2, falseAlarms: 1 }) ?? '', /1 acceptable is below the floor of 2/);
  t.regex(belowFloor(s, { acceptable: 1, falseAlarms: 0 }) ?? '', /1 false alarms is above the floor of 0/);
});

test('the README credits every source site of the corpus, one line each', (t) => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const credited = new Set([...readme.matchAll(/^- (\S+) — /gm)].map((m) => m[1]));
  const { excerpts } = loadExcerpts(join(ROOT, 'test', 'corpus', 'excerpts'));
  for (const site of new Set(excerpts.map((e) => sourceSite(e.source)))) t.true(credited.has(site), `README credits ${site}`);
});
