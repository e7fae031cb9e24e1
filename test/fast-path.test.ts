/**
 * The sieve (src/parse/sieve.ts) against the full grammar: the JSON report, timing aside, and
 * every event the evidence store kept must be the same whether plain records are counted by the
 * sieve or built and classified one by one — on every sample, every excerpt of the real-log
 * corpus, a large generated bundle with the hard cases mixed in, and random logs. So must the
 * output of `timeline` under the filters that let it read through the sieve (SIEVED_FILTERS).
 */
import test from 'ava';
import fc from 'fast-check';
import { promises as fsp, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parseEntry } from '../src/parse/dispatch.js';
import { EvidenceStore } from '../src/pipeline/evidence-store.js';
import { analyzeWithInventory, type AnalyzeOptions, type TimelineData } from '../src/analyze.js';
import { timeline, type TimelineFilter } from '../src/timeline/timeline.js';
import type { Limits } from '../src/ingest/limits.js';
import type { Report } from '../src/model/types.js';
import { waagentGrammar } from '../grammars/waagent.js';
import { writeAgentLog } from '../bench/generate.js';
import { g1, g4 } from '../samples/logs.js';
import { tgzBuffer } from '../samples/pack.js';
import { SCENARIOS } from '../samples/scenarios.js';
import { ROOT, sampleDir, tmp, writeBundle } from './helpers.js';
import { loadExcerpts } from './corpus/run.js';
import { writeExcerptBundle } from './corpus/excerpt.js';

type Outcome = Report & { kept: TimelineData };

/** The report and, to see more than the report shows, every event the evidence store kept. */
async function bothPaths(path: string, options: AnalyzeOptions = {}): Promise<[Outcome, Outcome]> {
  const run = async (o: AnalyzeOptions): Promise<Outcome> => {
    const r = await analyzeWithInventory(path, o);
    r.report.stats.ms = 0;
    return { ...r.report, kept: r.timeline };
  };
  return [await run(options), await run({ ...options, fullGrammar: true })];
}

/**
 * The timelines whose filters drop the records the sieve leaves unbuilt (by level, by kind), read
 * through the sieve and through the full grammar: their output and counts.
 */
const SIEVED_FILTERS: TimelineFilter[] = [
  { levels: new Set(['warning', 'error']) },
  { kinds: ['waagent.extension', 'waagent.goal-state', 'waagent.http'] },
  { kinds: ['waagent.'], levels: new Set(['error']), file: 'waagent' },
  { file: 'waagent.log.1' },
  { file: 'extension.log', levels: new Set(['info', 'warning']) },
  { kinds: ['waagent.extension'], file: 'waagent.log.1' },
  { kinds: ['waagent.extension.', 'waagent.http'], levels: new Set(['info', 'verbose']) },
  { kinds: ['waagent.rec'] },
  { levels: new Set(['verbose', 'error']) },
];
async function bothTimelines(path: string, limits?: Partial<Limits>): Promise<[string, string]> {
  const run = async (fullGrammar: boolean) => {
    let all = '';
    for (const filter of SIEVED_FILTERS) {
      let out = '';
      const r = await timeline(path, (c) => { out += c.toString(); }, { format: 'jsonl', filter, scan: { limits }, fullGrammar });
      all += `${r.events} ${JSON.stringify(r.span)}\n${out}`;
    }
    return all;
  };
  return [await run(false), await run(true)];
}

test('a plain agent line is the newest dated one: year-less syslog lines get the same year through the sieve', async (t) => {
  // the sieve leaves that line unbuilt; its time must still give the syslog lines across New Year their year
  const dir = tmp();
  const agent = ['2025-01-05T10:00:00.000000Z INFO ExtHandler ExtHandler plain newest line',
    '2024-12-20T10:00:00.000000Z INFO ExtHandler ExtHandler Enable extension: [main/handle.sh enable]',
    '2024-12-20T10:00:01.000000Z WARNING ExtHandler ExtHandler odd',
    '2024-12-20T10:00:02.000000Z VERBOSE ExtHandler ExtHandler HTTP connection [GET] [/machine/?comp=goalstate] [None] [{}]'].join('\n');
  const syslog = ['Jan  3 10:00:00 vm kernel: [1.0] something error happened', 'Dec 30 10:00:00 vm waagent[12]: 2024/12/30 10:00:00 WARNING hi', 'Jan  6 23:00:00 vm systemd[1]: Started x'].join('\n');
  const bundle = await writeBundle(dir, 'newyear.tgz', await tgzBuffer({ 'vm/var/log/waagent.log': agent + '\n', 'vm/var/log/syslog': syslog + '\n', 'vm/etc/timezone': 'Asia/Tokyo\n' }));
  const [fast, full] = await bothTimelines(bundle);
  t.is(fast, full);
  t.regex(full, /"time":"2025-01-03T/, 'the syslog line of Jan 3 is in 2025');
});

test('every sample bundle and shape: the same report through the sieve and through the full grammar', async (t) => {
  const dir = await sampleDir();
  const names = (await fsp.readdir(dir)).filter((n) => /\.(tgz|zip|tar)$/.test(n)).map((n) => join(dir, n));
  const shapes = (await fsp.readdir(join(dir, 'shapes'))).map((n) => join(dir, 'shapes', n));
  t.is(names.length, SCENARIOS.length);
  for (const p of [...names, ...shapes]) {
    const [fast, full] = await bothPaths(p);
    t.deepEqual(fast, full, p);
    const [fastWarnings, fullWarnings] = await bothTimelines(p);
    t.is(fastWarnings, fullWarnings, `sieved timelines of ${p}`);
  }
});

test('every excerpt of the real-log corpus: the same report either way', async (t) => {
  const { excerpts } = loadExcerpts(join(ROOT, 'test', 'corpus', 'excerpts'));
  t.true(excerpts.length > 100);
  const dir = tmp();
  let agentLogs = 0;
  for (const ex of excerpts) {
    const bundle = await writeExcerptBundle(ex, dir);
    let fast: Outcome, full: Outcome;
    try { [fast, full] = await bothPaths(bundle); } catch (e) {
      // an excerpt nothing recognises is refused alike by both paths
      await t.throwsAsync(analyzeWithInventory(bundle, { fullGrammar: true }), { message: (e as Error).message });
      continue;
    }
    t.deepEqual(fast, full, ex.id);
    const [fastWarnings, fullWarnings] = await bothTimelines(bundle);
    t.is(fastWarnings, fullWarnings, `sieved timelines of ${ex.id}`);
    if (fast.coverage.present.includes('waagent-log')) agentLogs++;
  }
  t.true(agentLogs > 20, `${agentLogs} excerpts hold an agent log`);
});

const LITERALS = waagentGrammar.sieve!.literals;
const T0 = Date.UTC(2024, 5, 11, 3);

/** The hard cases: problems, rule literals in continuations, Event records, CRLF, non-ASCII, long and unparsed lines. */
function hardLines(): string[] {
  const out = ['garbage before the first header', '', '\u00e9t\u00e9 \u65e5\u672c'];
  // every header shape with each of its first characters changed: the byte reader must refuse what the string reader refuses
  // 2.0.x: a traceback whose every line repeats the header, and lines without a timestamp
  out.push('2015/09/13 14:44:03 ERROR:Traceback (most recent call last):', '2015/09/13 14:44:03 ERROR:  File "/usr/sbin/waagent", line 1, in main',
    '2015/09/13 14:44:03 ERROR:OSError: boom', '2015/09/13 14:44:04 plain', 'ERROR:bare error', 'WARNING:bare warning', 'ERRORS are not a header');
  for (const h of [g4(T0, 'INFO', 'ExtHandler', 'ExtHandler', 'm'), g4(T0, 'WARNING', 'A', 'B', 'm'), g1(T0, 'INFO', 'm'), g1(T0, 'ERROR', 'm'), '2015/09/13 14:44:03 ERROR:m', '2015/09/13 14:44:03 m', 'WARNING:m']) {
    for (let at = 0; at < 40; at++) for (const c of ['x', ' ', '9', '\u00e9', '']) out.push(h.slice(0, at) + c + h.slice(at + 1), h.slice(0, at));
  }
  for (let i = 0; i < 400; i++) {
    const t = T0 + i * 7000;
    const lit = LITERALS[i % LITERALS.length]!;
    switch (i % 10) {
      case 0: out.push(g4(t, 'WARNING', 'ExtHandler', 'ExtHandler', `odd thing ${i}`)); break;
      case 1: out.push(g4(t, 'INFO', 'ExtHandler', 'ExtHandler', `plain ${i}`), `[stdout] continuation with ${lit} inside`); break;
      case 2: out.push(g4(t, 'INFO', 'ExtHandler', 'ExtHandler', `Event: name=WALinuxAgent, op=HeartBeat, message=, duration=${i}`)); break;
      case 3: out.push(g4(t, 'INFO', 'ExtHandler', 'ExtHandler', `crlf ${i}`) + '\r', 'cont\r'); break;
      case 4: out.push(g4(t, 'INFO', 'ExtHandler', 'ExtHandler', `\u65e5\u672c\u8a9e ${lit}`)); break;
      case 5: out.push(g4(t, 'INFO', 'ExtHandler', 'ExtHandler', `long ${'x'.repeat(300)} ${lit}`), 'y'.repeat(500)); break;
      case 6: out.push(g4(t, 'ERROR', 'ExtHandler', '[Microsoft.Foo.Bar-1.0.0]', `failed ${i}`), '', ''); break;
      case 7: out.push(g1(t, 'INFO', `local time ${i} ${i % 20 === 7 ? lit : ''}`)); break;
      default: out.push(g4(t, 'INFO', 'ExtHandler', 'ExtHandler', `${lit.slice(0, -1)} almost ${i}`));
    }
  }
  // records of several lines that are not problems by their header: held, deferred or built
  const t = T0 + 3_000_000;
  const info = (msg: string) => g4(t, 'INFO', 'ExtHandler', 'ExtHandler', msg);
  for (const lit of LITERALS.slice(0, 40)) out.push(info(lit), '');
  out.push(info('Command: main/handle.sh enable'), '[stdout]', 'Traceback (most recent call last):',
    '  File "/var/lib/waagent/Microsoft.Foo.Bar-1.0.0/main/handle.py", line 3, in <module>', 'ImportError: No module named crypt');
  out.push(info('agent said'), '  File "bin/WALinuxAgent-2.9.1.1-py3.8.egg/azurelinuxagent/ga/update.py", line 1, in run', 'OSError: boom');
  out.push(info('a child ended'), 'Segmentation fault (core dumped)');
  out.push(info('Enable extension: [main/handle.sh enable]'), '[stderr]', 'Traceback (most recent call last):', 'ValueError: x');
  out.push(info('Event: name=Microsoft.Foo.Bar, op=Enable, message=Failed to run'), '[stderr] boom', ', duration=0');
  // the same text after the time under other header forms: 2.0.x (no fraction, no level word), G1, and a slash date with a Z
  for (const lines of [['2018/04/27 13:02:30.029794 INFO Enable extension x', '2018/04/27 13:02:31 INFO Enable extension x'],
    ['2018/04/27 13:02:32 INFO Enable extension x', '2018/04/27 13:02:33.029794 INFO Enable extension x'],
    ['2024-06-11T03:12:40.101010Z INFO ExtHandler Enable extension y', '2024/06/11 03:12:41Z INFO ExtHandler Enable extension y']]) out.push(...lines);
  // the same header line with other continuations: what follows the header decides the kind
  for (const rest of [[''], ['Traceback (most recent call last):', '  File "/var/lib/waagent/Microsoft.Foo.Bar-1.0.0/x.py", line 1, in <module>', 'ValueError: x'],
    [`[stdout] ${LITERALS[10]}`], [''], ['plain continuation']]) out.push(info('same header, other lines'), ...rest);
  out.push(info('many lines'), ...Array.from({ length: 70 }, (_, k) => (k === 66 ? `line ${LITERALS[3]}` : `line ${k}`)));
  out.push(info('wide lines'), ...Array.from({ length: 20 }, (_, k) => `${k} ${'w'.repeat(3000)}`), `after ${LITERALS[5]}`);
  return out;
}

test('a large generated bundle with the hard cases mixed in: the same report either way', async (t) => {
  const dir = tmp();
  const log = join(dir, 'waagent.log');
  await writeAgentLog(log, 6 * 1024 * 1024);
  const g1log = join(dir, 'g1.log');
  await writeAgentLog(g1log, 2 * 1024 * 1024, 'G1');
  const hard = hardLines().join('\n');
  const bundle = await writeBundle(dir, 'big.tgz', await tgzBuffer({
    'vm/var/log/waagent.log': readFileSync(log, 'utf8') + hard + '\n',
    'vm/var/log/waagent.log.1': readFileSync(g1log, 'utf8') + hard, // no final newline
    'vm/etc/timezone': 'Asia/Tokyo\n',
  }));
  const [fast, full] = await bothPaths(bundle);
  t.true(fast.stats.events > 50_000);
  t.deepEqual(fast, full);
  // over-long lines are cut the same way by both splitters
  const [cutFast, cutFull] = await bothPaths(bundle, { limits: { maxLineBytes: 200 } });
  t.true(cutFast.problems.some((p) => p.includes('were cut')));
  t.deepEqual(cutFast, cutFull);
  for (const limits of [undefined, { maxLineBytes: 200 }]) {
    const [fastWarnings, fullWarnings] = await bothTimelines(bundle, limits);
    t.true(fastWarnings.split('\n').length > 1000, 'warnings and errors were written');
    t.is(fastWarnings, fullWarnings, `sieved timelines, limits ${JSON.stringify(limits)}`);
  }
});

test('random agent logs: the same report either way', async (t) => {
  const dir = tmp();
  let n = 0, agentLogs = 0;
  const header = fc.tuple(fc.integer({ min: 0, max: 86_400_000 }), fc.constantFrom('INFO', 'INFO', 'INFO', 'VERBOSE', 'WARNING', 'ERROR'), fc.boolean())
    .map(([dt, level, old]) => (old ? g1(T0 + dt, level, '') : g4(T0 + dt, level, 'ExtHandler', 'ExtHandler', '')));
  const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...LITERALS), fc.constantFrom('Event: name=WALinuxAgent, op=HeartBeat, message=x, duration=1', '\r', '\u00e9', '[stdout]', '',
    'Traceback (most recent call last):', '  File "/var/lib/waagent/Microsoft.Foo.Bar-1.0.0/x.py", line 3, in <module>', 'ValueError: boom', 'Segmentation fault'));
  // headers with one character changed: the byte reader must refuse exactly what the string reader refuses
  const broken = fc.tuple(header, fc.nat({ max: 40 }), fc.constantFrom('x', ' ', '9', 'Z', '.', '/', '-', 'T', '\u00e9', ''))
    .map(([h, at, c]) => (h + 'INFO x').slice(0, at) + c + (h + 'INFO x').slice(at + 1));
  const line = fc.oneof(
    fc.tuple(header, fc.array(text, { maxLength: 4 })).map(([h, parts]) => h + parts.join(' ')),
    broken,
    fc.array(text, { maxLength: 3 }).map((parts) => parts.join('')),
  );
  await fc.assert(fc.asyncProperty(fc.array(line, { maxLength: 40 }), fc.boolean(), fc.constantFrom(30, 1 << 20), async (lines, crlf, maxLineBytes) => {
    const path = join(dir, String(n++), 'waagent.log');
    await fsp.mkdir(join(path, '..'));
    await fsp.writeFile(path, lines.join(crlf ? '\r\n' : '\n'));
    if (!lines.join('').length) return true; // an empty file is refused before parsing
    const [fast, full] = await bothPaths(path, { limits: { maxLineBytes } });
    t.deepEqual(fast, full, lines.join('\n'));
    const [fastWarnings, fullWarnings] = await bothTimelines(path, { maxLineBytes });
    t.is(fastWarnings, fullWarnings, lines.join('\n'));
    if (fast.coverage.present.includes('waagent-log')) agentLogs++;
    return true;
  }), { numRuns: 120 });
  t.log(`${agentLogs} of 120 files read as agent logs`);
  t.true(agentLogs >= 60, `the files were read as agent logs (${agentLogs} of 120)`);
});

test('any chunking of the bytes: the sieve keeps and counts what the full grammar does', async (t) => {
  const bytes = Buffer.from(hardLines().join('\n') + '\n' + hardLines().slice(0, 500).join('\r\n'));
  /** The evidence a parse leaves, chunked as given. */
  const parse = async (sizes: number[], maxLineBytes: number, sieve: boolean) => {
    const chunks: Buffer[] = [];
    for (let at = 0, k = 0; at < bytes.length; k++) { const n = sizes[k % sizes.length]!; chunks.push(bytes.subarray(at, at + n)); at += n; }
    const store = new EvidenceStore();
    const stats = await parseEntry('waagent-log', Readable.from(chunks), { file: 'var/log/waagent.log', mtime: null }, maxLineBytes, store.add, sieve ? store : undefined);
    return { events: store.events(), counts: [...store.kindCounts], minutes: store.agentMinutes(), dropped: store.droppedEvents(), stats };
  };
  for (const sizes of [[1], [7, 3, 300], [4095, 17], [65_536]]) {
    for (const maxLineBytes of [200, 1 << 20]) t.deepEqual(await parse(sizes, maxLineBytes, true), await parse(sizes, maxLineBytes, false), `${sizes} ${maxLineBytes}`);
  }
});
