/** The evidence store stays bounded whatever the logs hold: per kind, and in kept text overall. */
import test from 'ava';
import v8 from 'node:v8';
import vm from 'node:vm';
import { EvidenceStore } from '../src/pipeline/evidence-store.js';
import { BucketRuns } from '../src/pipeline/bucket-runs.js';
import type { DeferredText } from '../src/parse/sieve.js';
import type { Event } from '../src/model/types.js';

const huge = 'x'.repeat(1 << 20);

// a real collection before measuring, so the figure is the live set and not garbage
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function event(kind: string, i: number): Event {
  return { ms: i * 1000, timeSource: 'explicit-utc', file: 'var/log/waagent.log', line: i, lines: 400, kind, level: 'error', message: huge.slice(0, 65_536), raw: huge, attrs: { n: i } };
}

test('a flood of huge error records keeps the first and the latest, within the text budget', (t) => {
  const store = new EvidenceStore();
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let k = 0; k < 60; k++) for (let i = 0; i < 3000; i++) store.add(event(`waagent.kind${k}`, i));
  const kept = store.events();
  t.true(store.keptChars <= 24 * 1024 * 1024 + 60 * 20 * 11_000, `${store.keptChars} characters kept`);
  t.true(kept.every((e) => e.raw.length <= 2049 && e.message.length <= 8193), 'kept text is cut');
  t.is(store.kindCounts.get('waagent.kind59'), 3000, 'everything is counted');
  const k0 = kept.filter((e) => e.kind === 'waagent.kind0').map((e) => e.attrs.n as number);
  t.is(k0[0], 0, 'the first record of a kind is kept');
  t.is(Math.max(...k0), 2999, 'the latest record of a kind is kept');
  const k59 = kept.filter((e) => e.kind === 'waagent.kind59').map((e) => e.attrs.n as number);
  t.true(k59.includes(0) && k59.includes(2999), 'a kind seen after the budget ran out still keeps its first and latest');
  gc();
  const grown = process.memoryUsage().heapUsed - before;
  t.true(grown < 120 * 1024 * 1024, `live set grew by ${(grown / 1048576).toFixed(0)} MB`);
  t.true(store.droppedEvents() > 0);
});

test('activity buckets in any order: the same set as a Set of them, as sorted runs', (t) => {
  const runs = new BucketRuns();
  const set = new Set<number>();
  let x = 1000, first: number | undefined;
  for (let i = 0; i < 20_000; i++) {
    // mostly in order with gaps, now and then far back or ahead, and repeats
    x += i % 97 === 0 ? -300 + (i % 600) : i % 13 === 0 ? 7 : i % 3 === 0 ? 0 : 1;
    runs.add(x); set.add(x); first ??= x;
  }
  const expanded: number[] = [];
  let prevTo = -Infinity;
  for (const [from, to] of runs.runs()) {
    t.true(from > prevTo + 1, 'runs are disjoint and apart');
    prevTo = to;
    for (let v = from; v <= to; v++) expanded.push(v);
  }
  t.deepEqual(expanded, [...set].sort((a, b) => a - b));
  t.is(runs.first, first);
});

test('records the sieve deferred come back as they went in: the first and the latest, any text, any number of lines, between records built whole', (t) => {
  const store = new EvidenceStore();
  const build = (lines: readonly string[], lineNo: number): Event => ({
    ms: lineNo * 1000, timeSource: 'explicit-utc', file: 'var/log/waagent.log', line: lineNo, lines: lines.length, kind: 'waagent.extension.state',
    level: 'info', message: lines.join('\n'), raw: lines[0]!, attrs: {},
  });
  const linesOf = (i: number): string[] => {
    const text = `${i} ${'\u65e5\u672c'.repeat(i % 5)} caf\u00e9 ${'x'.repeat((i * 37) % 900)} \ud83d\ude00`;
    return i % 4 === 0 ? [text, '[stdout]', '', `tail ${i}`] : [text];
  };
  // the sieve hands over a record's text readable only during the call: a fresh copy each time here
  const textOf = (lines: string[]): DeferredText => {
    const bytes = Buffer.from(lines.join('\n'));
    return { rawChars: lines[0]!.length, lines: () => [...lines], byteLength: bytes.length, copyTo: (target, at) => { bytes.copy(target, at); } };
  };
  const total = 6000;
  for (let i = 1; i <= total; i++) {
    const lines = linesOf(i);
    // some records of the kind arrive built (a warning, say): they share the ring with the held bytes
    if (i % 7 === 0) { store.add(build(lines, i)); continue; }
    store.defer('waagent.extension.state', 'var/log/waagent.log', i * 1000, 'explicit-utc', textOf(lines), i, lines.join('\n').length, build);
  }
  const kept = store.events();
  const want = [...Array.from({ length: 300 }, (_, k) => k + 1), ...Array.from({ length: 1700 }, (_, k) => total - 1700 + 1 + k)];
  t.deepEqual(kept.map((e) => e.line), want);
  for (const e of kept) t.is(e.message, linesOf(e.line!).join('\n'), `line ${e.line}`);
  t.is(store.droppedEvents(), total - 2000);
});

test('built events come back from the ring as they went in: context, every kind of attribute, any text, no time, line or level', (t) => {
  const store = new EvidenceStore();
  const make = (i: number): Event => ({
    ms: i % 9 === 0 ? null : i * 1000, timeSource: i % 9 === 0 ? 'none' : 'explicit-utc', file: 'var/log/waagent.log', line: i % 13 === 0 ? null : i, lines: 1 + (i % 3),
    kind: 'waagent.extension.failed', level: i % 11 === 0 ? null : i % 2 ? 'error' : 'warning',
    message: `failed ${i} caf\u00e9 \u65e5\u672c \ud83d\ude00 "quoted" back\\slash\ttab${i % 3 ? '\nsecond line' : ''}${i % 50 === 0 ? 'm'.repeat(9000) : ''}`,
    raw: `2024-06-11T03:12:35.114000Z ERROR ExtHandler failed ${i}${i % 70 === 0 ? 'r'.repeat(3000) : ''}`,
    attrs: { handler: 'Microsoft.Foo.Bar', exitCode: i, timeoutSec: i / 4, cpuThrottled: i % 5 === 0, seqNo: i % 6 ? i : NaN, limit: -Infinity },
    ...(i % 4 ? { context: { before: [`before ${i}`, ''], after: [`after ${i} \u00e9`] } } : {}),
  });
  const total = 5000;
  for (let i = 1; i <= total; i++) store.add(make(i));
  const kept = store.events().filter((e) => e.kind === 'waagent.extension.failed');
  const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n) + '\u2026' : s);
  const want = [...Array.from({ length: 300 }, (_, k) => k + 1), ...Array.from({ length: 1700 }, (_, k) => total - 1700 + 1 + k)]
    .map((i) => { const e = make(i); return { ...e, raw: cut(e.raw, 2048), message: cut(e.message, 8192) }; })
    .sort((a, b) => (a.ms ?? Infinity) - (b.ms ?? Infinity));
  t.is(kept.length, 2000);
  t.deepEqual(kept, want);
});

test('a ring that turned over while the text budget was spent, and may grow again once it is not, keeps its records whole and in order', (t) => {
  // the budget runs out, a kind turns over part way, lighter records give budget back, the kind is seen again
  const store = new EvidenceStore();
  const KIND = 'waagent.extension.state';
  const linesOf = (i: number) => [`${i} ${String.fromCharCode(97 + (i % 26)).repeat(1000)}`];
  const build = (lines: readonly string[], lineNo: number): Event => ({
    ms: lineNo * 1000, timeSource: 'explicit-utc', file: 'f', line: lineNo, lines: lines.length, kind: KIND, level: 'info', message: lines.join('\n'), raw: lines[0]!, attrs: {},
  });
  const textOf = (lines: string[]): DeferredText => {
    const bytes = Buffer.from(lines.join('\n'));
    return { rawChars: lines[0]!.length, lines: () => [...lines], byteLength: bytes.length, copyTo: (target, at) => { bytes.copy(target, at); } };
  };
  let i = 0;
  const defer = (n: number) => { for (let k = 0; k < n; k++) { i++; const l = linesOf(i); store.defer(KIND, 'f', i * 1000, 'explicit-utc', textOf(l), i, l[0]!.length, build); } };
  let h = 0;
  const heavy = (kind: string, light = false) => store.add({ ms: h, timeSource: 'explicit-utc', file: 'g', line: h++, lines: 1, kind, level: 'error', message: light ? 'x' : 'm'.repeat(9000), raw: light ? 'x' : 'r'.repeat(3000), attrs: {} });
  defer(350);
  for (let k = 0; k < 2000; k++) heavy('waagent.heavy');
  while (store.keptChars < 24 * 1024 * 1024) heavy('waagent.heavy2');
  defer(30);
  while (store.keptChars > 22 * 1024 * 1024) heavy('waagent.heavy', true);
  defer(200);
  const kept = store.events().filter((e) => e.kind === KIND);
  t.true(kept.length > 300);
  for (const e of kept) t.is(e.message, linesOf(e.line!).join('\n'), `line ${e.line}`);
  const lines = kept.map((e) => e.line!);
  t.deepEqual(lines, [...lines].sort((a, b) => a - b), 'oldest first');
  t.is(lines.at(-1), i, 'the latest is kept');
});
