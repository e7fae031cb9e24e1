/** The command line as a user meets it: outputs, languages, exit codes, errors on stderr. */
import test from 'ava';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { azlog, BIN, sampleDir, tmp, writeBundle } from './helpers.js';
import { displayWidth } from '../src/report/width.js';
import { tgzBuffer } from '../samples/pack.js';

/** Lines longer than the width are allowed only when they hold one path or URL, kept whole to copy. */
function overflows(text: string, width: number): string[] {
  return text.split('\n').filter((l) => displayWidth(l) > width && !(/\s\S*\/\S*$/.test(l) && displayWidth(l.replace(/\S+$/, '')) < width / 2));
}

test('analyze leads with the outcome, the verdict, why (cited lines), the fix; 80 columns off a terminal', async (t) => {
  const r = azlog(['analyze', join(await sampleDir(), 'fsfreeze-timeout.tgz')]);
  t.is(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n');
  t.regex(lines[0]!, /^Outcome: found — /);
  const v = lines.findIndex((l) => l.startsWith('Verdict: '));
  t.true(v > 0 && v < 6, 'the verdict right after the bundle line');
  t.regex(lines[v]!, /^Verdict: A file system could not be frozen or thawed for the snapshot/);
  t.regex(r.stdout, /^Why: the freeze timed out/m);
  t.regex(r.stdout, /^ {2}\[\d\] \S+extension\.log:\d+$/m);
  t.regex(r.stdout, /^ {2}\[\d\] \S+\/status\/26\.status$/m, 'a .status file is cited as a whole file, not line -');
  t.regex(r.stdout, /^Fix: Find the mount point/m);
  t.is(r.stdout.split('MountsToSkip').length - 1, 1, 'the fix is printed once');
  t.regex(r.stdout, /https:\/\/learn\.microsoft\.com\/azure\/backup\//);
  t.false(r.stdout.includes('\x1b['), 'no colour when stdout is not a TTY');
  t.deepEqual(overflows(r.stdout, 80), []);
  // the ruled-out and can't-tell causes are one entry each, after what a person needs first
  t.true(r.stdout.indexOf('Other causes') > r.stdout.indexOf('What else to check'));
  t.regex(r.stdout, /^ {2}✘ no-network — no connection failure/m);
  t.true(lines.length < 100, `${lines.length} lines`);
});

test('every line is cited once: later citations refer to its number', async (t) => {
  for (const name of ['fsfreeze-timeout.tgz', 'healthy.tgz', 'agent-outdated-g0.tgz', 'no-network-wireserver.tgz']) {
    const path = join(await sampleDir(), name);
    const text = azlog(['analyze', path]).stdout;
    const json = JSON.parse(azlog(['analyze', path, '-f', 'json']).stdout) as { findings: { evidence: { file: string; line: number | null }[] }[] };
    const locations = new Set(json.findings.flatMap((f) => f.evidence.map((e) => (e.line === null ? e.file : `${e.file}:${e.line}`))));
    for (const loc of locations) {
      const shown = text.split('\n').filter((l) => l.trim().replace(/^\[\d+\] /, '') === loc).length;
      t.true(shown <= 1, `${name}: ${loc} shown ${shown} times`);
    }
    const md = azlog(['analyze', path, '-f', 'md']).stdout;
    for (const loc of locations) t.true(md.split(`] ${loc}\n`).length - 1 <= 1, `${name} md: ${loc}`);
  }
});

test('analyze --lang ja prints Japanese, wrapped by display columns', async (t) => {
  const r = azlog(['analyze', join(await sampleDir(), 'fsfreeze-timeout.tgz'), '--lang', 'ja']);
  t.regex(r.stdout, /^結果: found — このバックアップの失敗がログに示されています/);
  t.regex(r.stdout.replace(/\n\s+/g, ''), /判定: スナップショットのためのファイル システムのフリーズまたは解除に失敗しました \(確定/);
  t.regex(r.stdout, /https:\/\/learn\.microsoft\.com\/ja-jp\/azure\/backup\//);
  t.deepEqual(overflows(r.stdout, 80), [], 'wide characters count two columns');
  t.true(r.stdout.split('\n').some((l) => displayWidth(l) > 70 && /[\u3040-\u30ff]/.test(l)), 'Japanese lines fill the width');
  const viaLocale = azlog(['analyze', join(await sampleDir(), 'healthy.tgz')], { env: { LANG: 'ja_JP.UTF-8' } });
  t.regex(viaLocale.stdout, /^結果: none-found/);
  t.regex(viaLocale.stdout, /判定: 失敗は見つかりませんでした/);
});

test('the outcome comes first in every format; md and csv render', async (t) => {
  const path = join(await sampleDir(), 'no-network-storage.tgz');
  const json = JSON.parse(azlog(['analyze', path, '--format', 'json']).stdout);
  t.is(json.schema, 'azlog/report@1');
  t.is(json.verdict.cause, 'no-network');
  t.regex(json.bundle.sha256, /^[0-9a-f]{64}$/);
  const md = azlog(['analyze', path, '-f', 'md']).stdout;
  t.regex(md, /^## Outcome: found — /);
  t.regex(md, /\| confirmed \| `no-network` \|/);
  t.regex(azlog(['analyze', path, '-f', 'md', '--lang', 'ja']).stdout, /^## 結果: found — .*\n[^]*\| 状態 \| 原因 \| 確度 \| ログからわかること \|/);
  t.regex(azlog(['analyze', path, '-f', 'html']).stdout, /<main>\n<p class="outcome" id="outcome">Outcome: found — /);
  const csv = parse(azlog(['analyze', path, '-f', 'csv']).stdout, { columns: true }) as Record<string, string>[];
  t.is(csv.length, 1);
  t.is(csv[0]!.verdict_cause, 'no-network');
  t.is(csv[0]!.outcome, 'found');
  t.is(csv[0]!.contributing, json.verdict.contributing.join(' '));
  t.is(csv[0]!.problems, '');
  t.regex(csv[0]!.top_evidence!, /extension\.log:\d+$|\.status$/);
  t.true(csv[0]!.top_evidence_text!.length > 10);
});

test('exit codes: unreadable 3, usage 2, partial 4; one-line errors naming the file, no errno codes', async (t) => {
  const missing = azlog(['analyze', '/nope/bundle.tgz']);
  t.is(missing.code, 3);
  t.is(missing.stderr, 'azlog: no such file: /nope/bundle.tgz\n');
  const usage = azlog(['analyze']);
  t.is(usage.code, 2);
  t.is(usage.stderr, "azlog: missing required argument 'bundle' (see azlog analyze --help)\n");
  const option = azlog(['batch', '--frobnicate']);
  t.is(option.code, 2);
  t.is(option.stderr, "azlog: unknown option '--frobnicate' (see azlog batch --help)\n");
  const command = azlog(['analyse', 'x']);
  t.is(command.code, 2);
  t.regex(command.stderr, /^azlog: unknown command 'analyse' \(Did you mean analyze\?\) \(see azlog --help\)\n$/);
  const bare = azlog([]);
  t.is(bare.code, 2, 'plain azlog is a usage error');
  t.regex(bare.stderr, /^Usage: azlog /);
  const badCode = azlog(['analyze', join(await sampleDir(), 'healthy.tgz'), '--error-code', 'Bogus']);
  t.is(badCode.code, 0, 'an unknown code is a warning: the symptom is inferred');
  t.is(badCode.stderr, 'azlog: warning: unknown error code Bogus; the symptom is inferred (see `azlog causes --symptoms`)\n');
  const full = await tgzBuffer({ 'var/log/waagent.log': 'x\n'.repeat(50_000), 'var/log/syslog': 'y\n'.repeat(50_000) });
  const cut = await writeBundle(tmp(), 'cut.tgz', full.subarray(0, full.length - 40));
  const partial = azlog(['analyze', cut]);
  t.is(partial.code, 4, partial.stderr);
  t.regex(partial.stderr, /^azlog: .*cut\.tgz: archive truncated/m);
  // the report itself says it is partial, right by the verdict, not only stderr
  const head = partial.stdout.split('\n').slice(0, 12).join('\n');
  t.regex(head, /^ {2}(Partial bundle|the bundle is partial)/m, head);
  t.false(/\n\s+at /.test(partial.stderr), 'no stack trace');
  t.false(/E[A-Z]{3,}\b/.test(missing.stderr + partial.stderr));
});

test('what was skipped is said in the reader\'s language; JSON keeps the English and adds the messages', async (t) => {
  const full = await tgzBuffer({ 'var/log/waagent.log': 'x\n'.repeat(50_000), 'var/log/syslog': 'y\n'.repeat(50_000) });
  const cut = await writeBundle(tmp(), 'cut.tgz', full.subarray(0, full.length - 40));
  const ja = azlog(['analyze', cut, '--lang', 'ja']);
  t.is(ja.code, 4, ja.stderr);
  // the text report wraps by display width: read the section as one run of text
  const section = ja.stdout.slice(ja.stdout.indexOf('一部のみ')).replace(/\n\s*/g, '');
  t.regex(section, /cut\.tgz: アーカイブがエントリ var\/log\/syslog の後で途切れています。レポートはそれまでに読めたエントリだけを対象にしています/);
  t.false(/archive truncated|the report covers/.test(section), section);
  t.regex(ja.stderr, /^azlog: .*cut\.tgz: アーカイブがエントリ var\/log\/syslog の後で途切れています/m);
  const json = JSON.parse(azlog(['analyze', cut, '-f', 'json']).stdout);
  t.deepEqual(json.problems.map((p: string) => p.replace(/^.*cut\.tgz/, 'cut.tgz')),
    ['cut.tgz: archive truncated after entry var/log/syslog; the report covers the entries read before it — ask for a complete upload',
      'var/log/syslog: Readable stream closed']);
  t.is(json.problemMessages.length, 2);
  t.like(json.problemMessages[0], { id: 'problem.cut-short', params: { damage: 'problem.damage.truncated', after: 'var/log/syslog' } });
  t.like(json.problemMessages[1], { id: 'problem.entry-damaged', params: { entry: 'var/log/syslog' } });
  // the English report is as it was
  t.regex(azlog(['analyze', cut, '--lang', 'en']).stderr, /cut\.tgz: archive truncated after entry var\/log\/syslog; the report covers/);
});

test('output that cannot be written: checked up front for batch files, one line for a full disk', async (t) => {
  const healthy = join(await sampleDir(), 'healthy.tgz');
  const noFolder = azlog(['batch', healthy, '--csv', '/nope/out.csv']);
  t.is(noFolder.code, 2);
  t.is(noFolder.stderr, 'azlog: --csv /nope/out.csv: no such folder: /nope\n');
  const dir = azlog(['batch', healthy, '--findings-csv', tmp()]);
  t.is(dir.code, 2);
  t.regex(dir.stderr, /^azlog: --findings-csv \S+: a directory; give a file name\n$/);
  if (existsSync('/dev/full')) {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" analyze "${healthy}" -f json > /dev/full`], { encoding: 'utf8' });
    t.is(r.status, 3);
    t.is(r.stderr, 'azlog: cannot write the output: no space left on the device\n');
  }
});

test('analyze - reads the bundle from stdin', async (t) => {
  const path = join(await sampleDir(), 'fsfreeze-timeout.tgz');
  const r = spawnSync(process.execPath, [BIN, 'analyze', '-', '-f', 'json'], { input: readFileSync(path), encoding: 'utf8' });
  t.is(r.status, 0, r.stderr);
  const fromStdin = JSON.parse(r.stdout);
  const fromFile = JSON.parse(azlog(['analyze', path, '-f', 'json']).stdout);
  t.is(fromStdin.bundle.path, 'stdin');
  t.is(fromStdin.bundle.sha256, fromFile.bundle.sha256);
  t.is(fromStdin.verdict.cause, 'fsfreeze-failed');
  const timeline = azlog(['timeline', '-']);
  t.is(timeline.code, 2);
  t.regex(timeline.stderr, /^azlog: timeline -: reading a bundle from stdin is not supported/);
});

test('analyze refuses a folder of several bundle archives and points to batch; an unpacked tree is one bundle', async (t) => {
  const samples = await sampleDir();
  const dir = tmp();
  copyFileSync(join(samples, 'healthy.tgz'), join(dir, 'vm1.tgz'));
  copyFileSync(join(samples, 'fsfreeze-timeout.tgz'), join(dir, 'vm2.tgz'));
  const r = azlog(['analyze', dir]);
  t.is(r.code, 2);
  t.is(r.stdout, '');
  t.regex(r.stderr, /^azlog: .*: a folder holding 2 bundle archives \(vm1\.tgz, vm2\.tgz\), not one unpacked bundle; analyse one of them, or all with `azlog batch .*`\n$/);
  const tree = azlog(['analyze', join(samples, 'shapes', 'fsfreeze-timeout-tree'), '-f', 'json']);
  t.is(tree.code, 0, tree.stderr);
  t.is(JSON.parse(tree.stdout).verdict.cause, 'fsfreeze-failed');
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
  // the JSON says which operating systems each cause applies to (a Windows bundle skips the Linux-only ones)
  const json = JSON.parse(azlog(['causes', '--format', 'json']).stdout) as { id: string; os: string[] }[];
  t.deepEqual(json.find((c) => c.id === 'agent-outdated')?.os, ['linux']);
  t.deepEqual(json.find((c) => c.id === 'no-network')?.os.slice().sort(), ['linux', 'windows']);
  t.regex(azlog(['explain', 'no-network']).stdout, /168\.63\.129\.16/);
  t.regex(azlog(['explain', 'no-network', '--lang', 'ja']).stdout, /送信を許可/);
  const bad = azlog(['explain', 'nope']);
  t.is(bad.code, 2);
  t.is(bad.stderr, 'azlog: unknown cause: nope (see azlog causes)\n');
  // the closest ids are suggested, and ids are read in any case
  t.is(azlog(['explain', 'fsfreeze']).stderr, 'azlog: unknown cause: fsfreeze; did you mean fsfreeze-failed? (see azlog causes)\n');
  t.regex(azlog(['explain', 'agnet-outdated']).stderr, /did you mean agent-outdated\?/);
  const upper = azlog(['explain', 'FSFreeze-Failed']);
  t.is(upper.code, 0, upper.stderr);
  t.regex(upper.stdout, /^fsfreeze-failed: /);
  t.regex(azlog(['explain', 'fsfreeze-failed', '--lang', 'ja']).stdout, /\n対処: .*\n資料: https:\/\/learn\.microsoft\.com\/ja-jp\//);
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
  t.deepEqual(Object.keys(csv[0]!), ['time', 't' + 'ime_source', 'file', 'line', 'lines', 'kind', 'level', 'message', 'attrs']);
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
