/** The command line as a user meets it: outputs, languages, exit codes, errors on stderr. */
import test from 'ava';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { azlog, sampleDir, tmp, writeBundle } from './helpers.js';
import { tgzBuffer } from '../samples/pack.js';

test('analyze prints the verdict first, the cited line and the fix; exit 0', async (t) => {
  const r = azlog(['analyze', join(await sampleDir(), 'fsfreeze-timeout.tgz')]);
  t.is(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n');
  t.regex(lines[2]!, /Verdict: A file system could not be frozen or thawed for the snapshot \(confirmed/);
  t.regex(r.stdout, /extension\.log:\d+\s/);
  t.regex(r.stdout, /MountsToSkip/);
  t.regex(r.stdout, /https:\/\/learn\.microsoft\.com\/azure\/backup\//);
  t.false(r.stdout.includes('\x1b['), 'no colour when stdout is not a TTY');
  for (const l of lines) t.true([...l].length <= 100 || /^\s*\S+:\d+\s/.test(l) === false && l.length <= 140, `line fits: ${l}`);
});

test('analyze --lang ja prints Japanese', async (t) => {
  const r = azlog(['analyze', join(await sampleDir(), 'fsfreeze-timeout.tgz'), '--lang', 'ja']);
  t.regex(r.stdout, /判定: スナップショットのためのファイル システムのフリーズまたは解除に失敗しました \(確定/);
  t.regex(r.stdout, /https:\/\/learn\.microsoft\.com\/ja-jp\/azure\/backup\//);
  const viaLocale = azlog(['analyze', join(await sampleDir(), 'healthy.tgz')], { env: { LANG: 'ja_JP.UTF-8' } });
  t.regex(viaLocale.stdout, /判定: ゲスト側は正常に見えます/);
});

test('analyze --format json follows the contract; md and csv render', async (t) => {
  const path = join(await sampleDir(), 'no-network-storage.tgz');
  const json = JSON.parse(azlog(['analyze', path, '--format', 'json']).stdout);
  t.is(json.schema, 'azlog/report@1');
  t.is(json.verdict.cause, 'no-network');
  t.regex(json.bundle.sha256, /^[0-9a-f]{64}$/);
  const md = azlog(['analyze', path, '-f', 'md']).stdout;
  t.regex(md, /^## azlog: /);
  t.regex(md, /\| confirmed \| `no-network` \|/);
  const csv = parse(azlog(['analyze', path, '-f', 'csv']).stdout, { columns: true }) as Record<string, string>[];
  t.is(csv.length, 1);
  t.is(csv[0]!.verdict_cause, 'no-network');
  t.regex(csv[0]!.top_evidence!, /extension\.log:\d+$|\.status:$/);
});

test('exit codes: unreadable 3, usage 2, partial 4; one-line errors naming the file', async (t) => {
  const missing = azlog(['analyze', '/nope/bundle.tgz']);
  t.is(missing.code, 3);
  t.is(missing.stderr, 'azlog: /nope/bundle.tgz: cannot read (ENOENT)\n');
  const usage = azlog(['analyze']);
  t.is(usage.code, 2);
  t.regex(usage.stderr, /missing required argument 'bundle'/);
  const badCode = azlog(['analyze', join(await sampleDir(), 'healthy.tgz'), '--error-code', 'Bogus']);
  t.is(badCode.code, 0, 'an unknown code is a warning: the symptom is inferred');
  t.is(badCode.stderr, 'azlog: warning: unknown error code Bogus; the symptom is inferred (see `azlog causes --symptoms`)\n');
  const full = await tgzBuffer({ 'var/log/waagent.log': 'x\n'.repeat(50_000), 'var/log/syslog': 'y\n'.repeat(50_000) });
  const cut = await writeBundle(tmp(), 'cut.tgz', full.subarray(0, full.length - 40));
  const partial = azlog(['analyze', cut]);
  t.is(partial.code, 4, partial.stderr);
  t.regex(partial.stderr, /^azlog: .*cut\.tgz: archive truncated/m);
  t.false(/\n\s+at /.test(partial.stderr), 'no stack trace');
});

test('--help for every command, --version', (t) => {
  for (const cmd of ['analyze', 'batch', 'timeline', 'causes', 'explain']) {
    const r = azlog([cmd, '--help']);
    t.is(r.code, 0, cmd);
    t.regex(r.stdout, new RegExp(`Usage: azlog ${cmd}`));
  }
  t.regex(azlog(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
});

test('causes lists all 21 causes; explain prints one in both languages', (t) => {
  const list = azlog(['causes']).stdout.trim().split('\n');
  t.is(list.length, 21);
  t.regex(azlog(['causes', '--symptoms']).stdout, /UserErrorFsFreezeFailed\n.*\n\s+fsfreeze-failed → snapshot-high-load/);
  t.regex(azlog(['explain', 'no-network']).stdout, /168\.63\.129\.16/);
  t.regex(azlog(['explain', 'no-network', '--lang', 'ja']).stdout, /送信を許可/);
  const bad = azlog(['explain', 'nope']);
  t.is(bad.code, 2);
  t.is(bad.stderr, 'azlog: unknown cause: nope (see azlog causes)\n');
});

test('timeline merges files in UTC order; jsonl, csv and filters', async (t) => {
  const path = join(await sampleDir(), 'shapes', 'fsfreeze-timeout-rotated.tgz');
  const jsonl = azlog(['timeline', path, '--format', 'jsonl']).stdout.trim().split('\n').map((l) => JSON.parse(l));
  t.true(jsonl.length > 40);
  const times = jsonl.map((e) => e.time).filter(Boolean);
  t.deepEqual(times, [...times].sort(), 'sorted by time');
  t.true(new Set(jsonl.map((e) => e.file)).size >= 4, 'events of several files merged');
  for (const e of jsonl) for (const k of ['time', 'time_source', 'file', 'line', 'kind', 'level', 'message']) t.true(k in e, k);
  const errors = azlog(['timeline', path, '-f', 'jsonl', '--level', 'error']).stdout.trim().split('\n').map((l) => JSON.parse(l));
  t.true(errors.length > 0 && errors.every((e) => e.level === 'error'));
  const kinds = azlog(['timeline', path, '-f', 'jsonl', '--kind', 'vmsnapshot.freeze']).stdout.trim().split('\n').map((l) => JSON.parse(l));
  t.true(kinds.length > 0 && kinds.every((e) => e.kind.startsWith('vmsnapshot.freeze')));
  const window = azlog(['timeline', path, '-f', 'jsonl', '--since', '2024-06-11T03:12:00Z', '--until', '2024-06-11T03:15:00Z']).stdout.trim().split('\n').map((l) => JSON.parse(l));
  t.true(window.length > 0 && window.every((e) => e.time >= '2024-06-11T03:12:00' && e.time <= '2024-06-11T03:15:00.999Z'));
  const csv = parse(azlog(['timeline', path, '-f', 'csv']).stdout, { columns: true }) as Record<string, string>[];
  t.deepEqual(Object.keys(csv[0]!), ['time', 't' + 'ime_source', 'file', 'line', 'kind', 'level', 'message']);
  t.is(csv.length, jsonl.length);
  t.is(azlog(['timeline', path, '--level', 'loud']).code, 2);
});

test('the package entry exports a typed API that analyses a bundle or a stream', async (t) => {
  const api = await import('azlog');
  t.is(api.CAUSES.length, 21);
  const { createReadStream } = await import('node:fs');
  const path = join(await sampleDir(), 'snapshot-limit-reached.tgz');
  const fromPath = await api.analyze(path);
  const fromStream = await api.analyze(createReadStream(path), { displayPath: 'upload.tgz' });
  t.is(fromStream.verdict.cause, 'snapshot-limit-reached');
  t.is(fromStream.bundle.sha256, fromPath.bundle.sha256);
  t.is(fromStream.bundle.path, 'upload.tgz');
});
