/** `azlog timeline` as a user meets it: time ranges in UTC, whole days, warnings, --kinds, CSV columns. */
import test from 'ava';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { azlog, sampleDir, tmp } from './helpers.js';
import { writeTree } from '../samples/pack.js';
import { csvText, type Row } from '../src/report/csv.js';
import { parseBound } from '../src/timeline/range.js';
import { analyzeWithInventory } from '../src/analyze.js';

const bundle = async () => join(await sampleDir(), 'shapes', 'fsfreeze-timeout-rotated.tgz');
const jsonl = (out: string) => out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

test('--since/--until without a zone mean UTC, whatever the local zone of the person running it', async (t) => {
  const path = await bundle();
  const zoned = azlog(['timeline', path, '-f', 'jsonl', '--since', '2024-06-11T03:12:00Z', '--until', '2024-06-11T03:15:00Z']);
  for (const tz of ['UTC', 'Asia/Tokyo', 'America/New_York']) {
    const bare = azlog(['timeline', path, '-f', 'jsonl', '--since', '2024-06-11T03:12:00', '--until', '2024-06-11 03:15:00'], { env: { TZ: tz } });
    t.is(bare.code, 0, bare.stderr);
    t.is(bare.stdout, zoned.stdout, `TZ=${tz}`);
  }
  t.true(jsonl(zoned.stdout).length > 0);
  const offset = azlog(['timeline', path, '-f', 'jsonl', '--since', '2024-06-11T12:12:00+09:00', '--until', '2024-06-11T12:15:00+09:00']);
  t.is(offset.stdout, zoned.stdout, 'an explicit offset is honoured');
  t.regex(azlog(['timeline', '--help']).stdout, /without a zone it is UTC/);
});

test('a date alone covers the whole day, as --until too', async (t) => {
  const path = await bundle();
  const all = jsonl(azlog(['timeline', path, '-f', 'jsonl']).stdout);
  const day = all.filter((e) => typeof e.time === 'string' && (e.time as string).startsWith('2024-06-11'));
  t.true(day.length > 10);
  const r = azlog(['timeline', path, '-f', 'jsonl', '--since', '2024-06-11', '--until', '2024-06-11']);
  t.is(r.code, 0);
  t.is(r.stderr, '');
  t.deepEqual(jsonl(r.stdout), day);
  t.deepEqual(jsonl(azlog(['timeline', path, '-f', 'jsonl', '--until', '2024-06-10']).stdout), all.filter((e) => typeof e.time === 'string' && (e.time as string) < '2024-06-11'));
});

test('an inverted or empty range is said on stderr, with the span the events cover', async (t) => {
  const path = await bundle();
  const inverted = azlog(['timeline', path, '--since', '2024-06-12', '--until', '2024-06-11']);
  t.is(inverted.code, 0);
  t.is(inverted.stdout, '');
  t.regex(inverted.stderr, /^azlog: warning: --since 2024-06-12T00:00:00.000Z is after --until 2024-06-11T23:59:59.999Z: no event can match\n/);
  const empty = azlog(['timeline', path, '--since', '2030-01-01']);
  t.is(empty.stdout, '');
  t.regex(empty.stderr, /^azlog: warning: no event between 2030-01-01T00:00:00.000Z and the end \(UTC\); the events that pass the other filters run from 2024-06-\d\dT[\d:.]+Z to 2024-06-11T[\d:.]+Z\n$/);
  const bad = azlog(['timeline', path, '--until', 'yesterday']);
  t.is(bad.code, 2);
  t.regex(bad.stderr, /^azlog: --until: not an ISO-8601 date or time: yesterday \(.*\)\n$/);
});

test('--kinds lists every kind with how many events it has, after the filters', async (t) => {
  const path = await bundle();
  const events = jsonl(azlog(['timeline', path, '-f', 'jsonl']).stdout);
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.kind as string, (counts.get(e.kind as string) ?? 0) + 1);
  const listed = azlog(['timeline', path, '--kinds']).stdout.trim().split('\n').map((l) => l.split(/\s+/));
  t.deepEqual(listed.map(([k, n]) => [k!, Number(n)]), [...counts].sort((a, b) => a[0].localeCompare(b[0])));
  const warnings = azlog(['timeline', path, '--kinds', '--level', 'warning,error']).stdout.trim().split('\n').map((l) => l.split(/\s+/)[0]);
  t.deepEqual(warnings, [...new Set(events.filter((e) => e.level === 'warning' || e.level === 'error').map((e) => e.kind as string))].sort());
  // counted as analyze reads when no filter needs a time or a level, through the spool when one does: the same counts
  const countsOf = (pick: (e: Record<string, unknown>) => boolean) => {
    const m = new Map<string, number>();
    for (const e of events.filter(pick)) m.set(e.kind as string, (m.get(e.kind as string) ?? 0) + 1);
    return [...m].sort((a, b) => a[0].localeCompare(b[0]));
  };
  const listedWith = (...args: string[]) => azlog(['timeline', path, '--kinds', ...args]).stdout.trim().split('\n').map((l) => l.split(/\s+/)).map(([k, n]) => [k!, Number(n)]);
  t.deepEqual(listedWith('--kind', 'waagent.extension', '--file', 'waagent.log'),
    countsOf((e) => (e.kind as string).startsWith('waagent.extension.') && (e.file as string).includes('waagent.log')));
  const first = events.find((e) => e.time)!.time as string;
  t.deepEqual(listedWith('--since', first), countsOf((e) => e.time !== null && (e.time as string) >= first));
});

test('the CSV has the jsonl columns, lines and attrs included', async (t) => {
  const path = await bundle();
  const events = jsonl(azlog(['timeline', path, '-f', 'jsonl']).stdout);
  const rows = parse(azlog(['timeline', path, '-f', 'csv']).stdout, { columns: true }) as Record<string, string>[];
  t.deepEqual(Object.keys(rows[0]!), Object.keys(events[0]!));
  t.is(rows.length, events.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!, e = events[i]!;
    t.is(Number(r.lines), e.lines as number);
    t.deepEqual(JSON.parse(r.attrs!), e.attrs);
    t.is(r.time, (e.time as string | null) ?? '');
  }
  t.true(rows.some((r) => Number(r.lines) > 1), 'a multi-line record shows its line count');
  const excel = azlog(['timeline', path, '-f', 'csv', '--excel']).stdout;
  t.true(excel.startsWith('\ufeff'));
  t.is(excel.split('\ufeff').length, 2, 'one BOM, at the start');
  t.deepEqual(parse(excel, { columns: true, bom: true }), rows);
  t.true(excel.split('\r\n').length - 1 >= rows.length + 1, 'CRLF after every record');
});

/**
 * What csv-stringify, the writer before, made of these rows with azlog's options, plus its
 * RFC 4180 default of quoting any line break: named a record delimiter, it quoted only that one,
 * so an --excel cell with a bare LF (or a plain one with a bare CR) broke its row in a spreadsheet.
 */
function stringified(columns: readonly string[], rows: Row[], excel = false): string {
  return stringify(rows, { columns: [...columns], header: true, bom: excel, escape_formulas: true, record_delimiter: excel ? 'windows' : 'unix', quote_record_delimiter: true });
}

test('timeline CSV: commas, quotes, newlines and formula-like text read back as the same cells as before, Excel-safe', async (t) => {
  const dir = tmp();
  await writeTree(dir, {
    'var/log/waagent.log': [
      '2026-11-20T10:00:00.000000Z INFO Daemon =HYPERLINK("http://evil.example","x"), said he',
      '2026-11-20T10:00:01.000000Z WARNING ExtHandler -1+2 "quoted, with comma"',
      '2026-11-20T10:00:02.000000Z ERROR ExtHandler Traceback (most recent call last):',
      '  File "x.py", line 3, in <module>',
      '@SUM(A1:A2)',
      '2026-11-20T10:00:03.000000Z INFO ExtHandler \uFF1Dfullwidth',
      '2026-11-20T10:00:04.000000Z INFO ExtHandler plain text',
    ].join('\n') + '\n',
    'var/log/syslog': '+plus at the start\n-minus\n\ttab\nplain, comma\r\n',
  });
  const events = jsonl(azlog(['timeline', dir, '-f', 'jsonl']).stdout);
  t.true(events.length >= 6);
  const columns = Object.keys(events[0]!);
  const before = events.map((e) => ({ ...e, level: e.level ?? '', time: e.time ?? '', attrs: JSON.stringify(e.attrs) }) as unknown as Row);
  for (const excel of [false, true]) {
    const csv = azlog(['timeline', dir, '-f', 'csv', ...(excel ? ['--excel'] : [])]).stdout;
    t.is(csv, stringified(columns, before, excel), excel ? '--excel' : 'plain');
    // what a spreadsheet reads: every formula-like message is text (a leading ') and the rest intact
    const cells = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
    t.deepEqual(cells.map((c) => c.message), events.map((e) => /^[=+\-@\t\r\uFF1D]/.test(e.message as string) ? `'${e.message}` : e.message));
    t.deepEqual(cells.map((c) => JSON.parse(c.attrs!)), events.map((e) => e.attrs));
  }
});

test('every CSV writer quotes and escapes as csv-stringify did, line breaks always quoted; a parser reads the cells back', (t) => {
  const cell = fc.oneof(
    fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', '=', '+', '-', '@', '\t', ' ', "'", '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', '日') }),
    fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: false }), fc.constant(null), fc.string());
  const columns = ['a', 'b', 'c'] as const;
  fc.assert(fc.property(fc.array(fc.record({ a: cell, b: cell, c: cell }), { maxLength: 5 }), fc.boolean(), (rows, excel) => {
    const text = csvText(columns, rows as Row[], { excel });
    t.is(text, stringified(columns, rows as Row[], excel));
    const back = parse(text, { columns: true, bom: true }) as Record<string, string>[];
    const cell = (v: unknown) => v === null ? '' : typeof v === 'number' ? String(v) : /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(v as string) ? `'${v}` : v;
    t.deepEqual(back, rows.map((r) => ({ a: cell(r.a), b: cell(r.b), c: cell(r.c) })));
  }), { numRuns: 500 });
});

test('UTC and local-time logs, late records and long files merge in time order, each event once, local times converted', async (t) => {
  const dir = tmp();
  const utc = (s: number) => new Date(Date.UTC(2024, 5, 11, 0, 0, 0) + s * 1000).toISOString().replace('Z', '000Z');
  const lines: string[] = [];
  // 3,000 records a second apart, 160 bytes each (the merge reads the spool in 64 KiB blocks)
  for (let i = 0; i < 3000; i++) lines.push(`${utc(2 * i)} INFO ExtHandler record ${String(i).padStart(4, '0')} ${'x'.repeat(100)}`);
  // five records written late, 20 s after their time: the reorder window puts them back
  lines.splice(1500, 0, ...[0, 1, 2, 3, 4].map((k) => `${utc(2 * 1490 + 1 + 2 * k)} WARNING ExtHandler late ${k}`));
  // a local-time (JST) log whose lines fall between the UTC ones
  const jst = Array.from({ length: 50 }, (_, i) => {
    const d = new Date(Date.UTC(2024, 5, 11, 9, 0, 0) + (100 * i + 1) * 1000);
    return `${d.toISOString().slice(0, 10).replaceAll('-', '/')} ${d.toISOString().slice(11, 23)}000 INFO local ${i}`;
  });
  await writeTree(dir, { 'var/log/waagent.log': lines.join('\n') + '\n', 'var/log/waagent.log.1': jst.join('\n') + '\n', 'etc/timezone': 'Asia/Tokyo\n' });
  const events = jsonl(azlog(['timeline', dir, '-f', 'jsonl']).stdout).filter((e) => String(e.file).startsWith('var/log/waagent'));
  t.is(events.length, 3000 + 5 + 50);
  const times = events.map((e) => e.time as string);
  t.deepEqual(times, [...times].sort(), 'in time order');
  const late = events.findIndex((e) => e.message === 'late 0');
  t.is(events[late - 1]!.message, `record 1490 ${'x'.repeat(100)}`);
  const local = events.filter((e) => String(e.message).startsWith('local '));
  t.is(local.length, 50);
  t.like(local[0], { time: '2024-06-11T00:00:01.000Z', time_source: 'local:Asia/Tokyo' });
  t.like(events.find((e) => e.message === `record 0000 ${'x'.repeat(100)}`), { time: '2024-06-11T00:00:00.000Z', time_source: 'explicit-utc' });
  // the text format shows the same events in the same order
  const text = azlog(['timeline', dir]).stdout.split('\n').filter((l) => /record \d{4}|late \d|local \d/.test(l));
  t.deepEqual(text.map((l) => /(record \d{4}|late \d|local \d+)/.exec(l)![1]), events.map((e) => /(record \d{4}|late \d|local \d+)/.exec(String(e.message))![1]));
});

test('parseBound reads offsets, fractions and dates', (t) => {
  t.is(parseBound('since', '2024-06-11T12:00:00+09:00'), Date.UTC(2024, 5, 11, 3));
  t.is(parseBound('since', '2024-06-11T03:00:00.25-0130'), Date.UTC(2024, 5, 11, 4, 30, 0, 250));
  t.is(parseBound('since', '2024-06-11'), Date.UTC(2024, 5, 11));
  t.is(parseBound('until', '2024-06-11'), Date.UTC(2024, 5, 12) - 1);
  t.is(parseBound('until', '2024-06-11T03:15'), Date.UTC(2024, 5, 11, 3, 15));
  for (const bad of ['2024-13-01', '2024-06-11T25:00', '11/06/2024', '2024-06-11T03:00:61', '', '2024-06-11T03:00+02:99', '2024-06-11T03:00+15:00']) t.throws(() => parseBound('since', bad), undefined, bad);
});

test('local times convert alike with the per-quarter-hour cache, across daylight-saving changes', async (t) => {
  const { localToUtc, zoneOffsetMs } = await import('../src/parse/time.js');
  for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'JST-9']) {
    for (let wall = Date.UTC(2024, 0, 1); wall < Date.UTC(2025, 0, 1); wall += 41 * 60000 + 7001) {
      const first = zoneOffsetMs(zone, wall)!;
      const direct = wall - (zoneOffsetMs(zone, wall - first) ?? first);
      if (localToUtc(wall, zone) !== direct) { t.fail(`${zone} ${new Date(wall).toISOString()}`); return; }
    }
  }
  t.pass();
});

test('year-less syslog lines take the year of the dated lines, across New Year, as analyze reads them', async (t) => {
  // the folder's files are dated today: the year must come from the agent's dated lines, not from them;
  // those are routine records, which analyze counts but does not keep
  const dir = tmp();
  await writeTree(dir, {
    'var/log/waagent.log': '2023-12-31T23:40:00.000000Z INFO ExtHandler before new year\n2024-01-01T00:10:00.000000Z INFO ExtHandler after new year\n',
    'var/log/syslog': 'Dec 31 23:50:00 vm systemd[1]: walinuxagent.service: Main process exited, code=killed, status=9/KILL\nJan  1 00:05:00 vm systemd[1]: walinuxagent.service: Failed with result signal.\n',
  });
  const events = jsonl(azlog(['timeline', dir, '-f', 'jsonl']).stdout);
  t.deepEqual(events.map((e) => [e.time, e.time_source, e.file]), [
    ['2023-12-31T23:40:00.000Z', 'explicit-utc', 'var/log/waagent.log'],
    ['2023-12-31T23:50:00.000Z', 'inferred-year', 'var/log/syslog'],
    ['2024-01-01T00:05:00.000Z', 'inferred-year', 'var/log/syslog'],
    ['2024-01-01T00:10:00.000Z', 'explicit-utc', 'var/log/waagent.log'],
  ]);
  const { timeline } = await analyzeWithInventory(dir);
  const syslog = timeline.events.filter((e) => e.file === 'var/log/syslog').map((e) => new Date(e.ms!).toISOString());
  t.deepEqual(syslog, ['2023-12-31T23:50:00.000Z', '2024-01-01T00:05:00.000Z'], 'analyze gives them the same times');
  // the agent's activity seen in syslog moves with them: none of it in the folder's year
  const newest = Date.UTC(2024, 0, 1, 0, 10) / 60000;
  t.true(timeline.agentMinutes.length > 0 && timeline.agentMinutes.every((m) => m <= newest), String(timeline.agentMinutes));
});
