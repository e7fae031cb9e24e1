/** `azlog unknown`: templates mask what varies; lines no rule read are clustered across bundles. */
import test from 'ava';
import { parse } from 'csv-parse/sync';
import { samples, templateOf } from '../src/unknown/template.js';
import { azlog, tmp, writeBundle } from './helpers.js';

test('templates mask times, GUIDs, addresses, URLs, paths, hex, versions and numbers', (t) => {
  for (const [line, template] of samples) t.is(templateOf(line), template, line);
  // lines differing only in their variable parts share a template
  t.is(templateOf('2020-01-01T00:00:00Z retry 3 of /var/lib/a/b'), templateOf('2024-06-11T03:12:40.1Z retry 17 of /etc/x/y.conf'));
});

async function twoBundles(): Promise<[string, string]> {
  const dir = tmp();
  const a = await writeBundle(dir, 'a/var/log/waagent.log', [
    '2024-06-11T03:00:00.000000Z INFO ExtHandler ExtHandler [HEARTBEAT] Agent WALinuxAgent-2.11.1.4 is running as the goal state agent',
    '2024-06-11T03:00:01.000000Z WARNING ExtHandler ExtHandler Frobnicating the widget 17 times',
    '2024-06-11T03:00:02.000000Z WARNING ExtHandler ExtHandler Frobnicating the widget 18 times',
    '',
  ].join('\n'));
  const b = await writeBundle(dir, 'b/var/log/waagent.log', [
    '2024-06-12T03:00:01.000000Z WARNING ExtHandler ExtHandler Frobnicating the widget 3 times',
    '',
  ].join('\n'));
  return [a.replace(/\/var\/log\/waagent\.log$/, ''), b.replace(/\/var\/log\/waagent\.log$/, '')];
}

test('azlog unknown clusters unread lines with counts, bundles, first and last place (text)', async (t) => {
  const [a, b] = await twoBundles();
  const r = azlog(['unknown', a, b]);
  t.is(r.code, 0, r.stderr);
  t.regex(r.stdout, /^3 line\(s\) not understood, in 1 template\(s\), across 2 bundle\(s\)/);
  t.regex(r.stdout, /3× in 2 bundle\(s\) {2}waagent\.record \(warning\)\n {2}Frobnicating the widget <n> times\n/);
  t.regex(r.stdout, new RegExp(`first ${a} var/log/waagent\\.log:2\\n  last  ${b} var/log/waagent\\.log:1`));
  // the heartbeat is understood
  t.notRegex(r.stdout, /HEARTBEAT/);
});

test('azlog unknown --format csv has one row per template', async (t) => {
  const [a, b] = await twoBundles();
  const r = azlog(['unknown', '--format', 'csv', a, b]);
  t.is(r.code, 0, r.stderr);
  const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
  const widget = rows.find((x) => x.template === 'Frobnicating the widget <n> times');
  t.truthy(widget);
  t.like(widget, { kind: 'waagent.record', level: 'warning', count: '3', bundles: '2', first_line: '2', last_line: '1', last_file: 'var/log/waagent.log' });
});

test('azlog unknown: an unreadable bundle is named and skipped; none readable is exit 3', async (t) => {
  const [a] = await twoBundles();
  const missing = `${tmp()}/nope.tgz`;
  const r = azlog(['unknown', a, missing]);
  t.is(r.code, 4);
  t.regex(r.stderr, /^azlog: .*nope\.tgz: /m);
  t.regex(r.stdout, /Frobnicating/);
  t.is(azlog(['unknown', missing]).code, 3);
});
