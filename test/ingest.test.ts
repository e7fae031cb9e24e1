/** Readers, shapes, nesting, rotation and limits: what a customer can upload. */
import test from 'ava';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { scanBundle, type Inventory } from '../src/pipeline/scan.js';
import { BundleError } from '../src/ingest/readers.js';
import { describe, fsError } from '../src/ingest/fs-errors.js';
import { logicalPath, normalizeEntryPath } from '../src/ingest/paths.js';
import { classify } from '../src/ingest/catalogue.js';
import type { Event } from '../src/model/types.js';
import { SCENARIOS } from '../samples/scenarios.js';
import { collectLogsTree, prefixed, rotated, sosreportTree, tgzBuffer, writeTree, zipBuffer } from '../samples/pack.js';
import { azlogPeak, tmp, writeBundle } from './helpers.js';
import { writeAgentLog } from '../bench/generate.js';
import { problemText } from '../src/messages/problems.js';

const FILES = SCENARIOS.find((s) => s.name === 'fsfreeze-timeout')!.files;

async function scan(path: string, limits = {}): Promise<{ inv: Inventory; events: Event[] }> {
  const events: Event[] = [];
  const inv = await scanBundle(path, (e) => events.push(e), { limits });
  return { inv, events };
}

function artifacts(inv: Inventory) {
  return Object.fromEntries(Object.entries(inv.artifacts).filter(([k]) => k !== 'collector-results').map(([k, v]) => [k, { files: v.files, bytes: v.bytes }]));
}

test('the same content as .tgz, .zip, directory, top folder, ./ tar and log-collector zip gives the same inventory', async (t) => {
  const dir = tmp();
  const shapes: Record<string, string> = {
    tgz: await writeBundle(dir, 'a.tgz', await tgzBuffer(FILES)),
    zip: await writeBundle(dir, 'b.zip', await zipBuffer(FILES)),
    topFolder: await writeBundle(dir, 'c.tar.gz', await tgzBuffer(prefixed(FILES, 'ticket-1234'))),
    dotSlash: await writeBundle(dir, 'd.tar', await tgzBuffer(prefixed(FILES, '.'), { gzip: false })),
    collector: await writeBundle(dir, 'e.zip', await zipBuffer(collectLogsTree(FILES))),
    collectorInTicket: await writeBundle(dir, 'f.tgz', await tgzBuffer({ 'ticket-9/logs.zip': await zipBuffer(collectLogsTree(FILES)) })),
    directory: join(dir, 'tree'),
  };
  await writeTree(shapes.directory!, FILES);
  const base = artifacts((await scan(shapes.tgz!)).inv);
  t.true(Object.keys(base).length >= 8);
  for (const [name, path] of Object.entries(shapes)) {
    const { inv } = await scan(path);
    t.deepEqual(artifacts(inv), base, name);
    t.is(inv.shape, name.startsWith('collector') ? 'collect-logs-zip' : 'raw-tree', name);
    t.deepEqual(inv.problems, [], name);
  }
});

test('nested archives are read all the way down and named outer!inner', async (t) => {
  const history = await zipBuffer({ 'ExtensionsConfig.xml': String(FILES['var/lib/waagent/ExtensionsConfig.12.xml']), 'GoalState.xml': String(FILES['var/lib/waagent/GoalState.12.xml']) });
  const logs = await zipBuffer({ 'var/log/waagent.log': String(FILES['var/log/waagent.log']), 'var/lib/waagent/history/2024-06-11T03-12-40__12.zip': history, 'results.txt': '2024-06-11T05:40:01Z INFO Starting log collection\n' });
  const path = await writeBundle(tmp(), 'ticket.tgz', await tgzBuffer({ 'case/logs.zip': logs }));
  const { inv, events } = await scan(path);
  t.is(inv.shape, 'collect-logs-zip');
  t.deepEqual(inv.artifacts['extensions-config']?.paths, ['case/logs.zip!var/lib/waagent/history/2024-06-11T03-12-40__12.zip!ExtensionsConfig.xml']);
  t.true(events.some((e) => e.file === 'case/logs.zip!var/log/waagent.log' && e.kind === 'waagent.heartbeat'));
});

test('rotated .gz logs are decompressed and classified as the agent log', async (t) => {
  const path = await writeBundle(tmp(), 'r.tgz', await tgzBuffer(rotated(FILES, 10)));
  const { inv, events } = await scan(path);
  t.is(inv.artifacts['waagent-log']?.files, 2);
  t.true(events.some((e) => e.file === 'var/log/waagent.log-2024-06-11-1718075000.gz' && e.kind === 'waagent.start.daemon'));
  const gz = await writeBundle(tmp(), 'waagent.log.1.gz', gzipSync(Buffer.from(String(FILES['var/log/waagent.log']))));
  const loose = await scan(gz);
  t.is(loose.inv.shape, 'loose-file');
  t.is(loose.inv.container, 'gz');
  t.true(loose.events.some((e) => e.kind === 'waagent.heartbeat'));
});

test('a bare waagent.log and a sosreport are recognised; sosreport gaps are reported, not errors', async (t) => {
  const loose = await scan(await writeBundle(tmp(), 'waagent.log', String(FILES['var/log/waagent.log'])));
  t.is(loose.inv.shape, 'loose-file');
  t.deepEqual(loose.inv.present, ['waagent-log']);
  const sos = await scan(await writeBundle(tmp(), 's.tgz', await tgzBuffer(sosreportTree(FILES))));
  t.is(sos.inv.shape, 'sosreport');
  t.true(sos.inv.missing.includes('extension-status'));
  t.deepEqual(sos.inv.problems, []);
});

test('unknown files are counted, not dropped silently', async (t) => {
  const { inv } = await scan(await writeBundle(tmp(), 'u.tgz', await tgzBuffer({ ...FILES, 'home/user/notes.txt': 'hello', 'var/tmp/core.1234': Buffer.alloc(100) })));
  t.is(inv.unknownFiles, 2);
  t.deepEqual(inv.unknownExamples.sort(), ['home/user/notes.txt', 'var/tmp/core.1234']);
});

test('limit: entries', async (t) => {
  const { inv } = await scan(await writeBundle(tmp(), 'e.tgz', await tgzBuffer(FILES)), { maxEntries: 3 });
  t.regex(inv.problems.map(problemText).join('\n'), /: more than 3 entries \(limit maxEntries; raise it with --max-entries\)/);
});

test('limit: inflated bytes (gzip bomb)', async (t) => {
  const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x41));
  t.true(bomb.length < 200_000);
  const { inv } = await scan(await writeBundle(tmp(), 'bomb.tgz', await tgzBuffer({ 'var/log/waagent.log.1.gz': bomb })), { maxInflatedBytes: 8 * 1024 * 1024 });
  t.regex(inv.problems.map(problemText).join('\n'), /var\/log\/waagent\.log\.1\.gz: bundle inflates past 8388608 bytes \(limit maxInflatedBytes/);
});

test('limit: nesting depth', async (t) => {
  let inner = await zipBuffer({ 'var/log/waagent.log': 'x\n' });
  for (let i = 0; i < 5; i++) inner = await zipBuffer({ [`level${i}.zip`]: inner });
  const { inv } = await scan(await writeBundle(tmp(), 'deep.zip', inner), { maxDepth: 3 });
  t.regex(inv.problems.map(problemText).join('\n'), /level\d\.zip: archive nested deeper than 3 levels, skipped \(limit maxDepth/);
});

test('limit: line length (the line is cut, reading goes on)', async (t) => {
  const log = `2024-06-11T03:10:01.234567Z INFO Daemon Daemon ${'x'.repeat(100_000)}\n2024-06-11T03:10:02.234567Z INFO Daemon Daemon Azure Linux Agent Version: 2.9.1.1\n`;
  const { inv, events } = await scan(await writeBundle(tmp(), 'waagent.log', log), { maxLineBytes: 4096 });
  t.regex(inv.problems.map(problemText).join('\n'), /waagent\.log: 1 line\(s\) longer than 4096 characters were cut/);
  t.true(events.some((e) => e.kind === 'waagent.start.daemon'));
});

test('limit: nested zip size', async (t) => {
  const big = await zipBuffer({ 'var/log/waagent.log': Buffer.alloc(300_000, 0x61) }, { compress: false });
  const { inv } = await scan(await writeBundle(tmp(), 'n.tgz', await tgzBuffer({ 'logs.zip': big })), { maxNestedZipBytes: 100_000 });
  t.regex(inv.problems.map(problemText).join('\n'), /logs\.zip: nested zip larger than 100000 bytes/);
});

test('a truncated .tgz reports what was read and where it broke', async (t) => {
  const full = await tgzBuffer(FILES);
  const path = await writeBundle(tmp(), 'cut.tgz', full.subarray(0, Math.floor(full.length * 0.6)));
  const { inv, events } = await scan(path);
  t.regex(inv.problems.map(problemText).join('\n'), /cut\.tgz: archive truncated after entry /);
  t.true(events.length > 0, 'the entries before the break were read');
  // the sha256 is the file's own hash (a spreadsheet matches it with sha256sum); partial shows in problems
  t.is(inv.sha256, createHash('sha256').update(readFileSync(path)).digest('hex'));
});

test('a corrupt zip is a clear bundle error', async (t) => {
  const path = await writeBundle(tmp(), 'bad.zip', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(2000, 7)]));
  const e = await t.throwsAsync(scan(path), { instanceOf: BundleError });
  t.regex(e!.message, /bad\.zip: not a readable zip \(/);
});

test('an empty archive gives an empty inventory; an empty file is an error', async (t) => {
  const { inv } = await scan(await writeBundle(tmp(), 'empty.tgz', await tgzBuffer({})));
  t.deepEqual(inv.present, []);
  t.true(inv.missing.includes('waagent-log'));
  await t.throwsAsync(scan(await writeBundle(tmp(), 'zero.tgz', '')), { instanceOf: BundleError, message: /zero\.tgz: empty file/ });
  await t.throwsAsync(scan('/nonexistent/bundle.tgz'), { instanceOf: BundleError, message: /^no such file: \/nonexistent\/bundle\.tgz$/ });
});

test('file-system errors read as words naming the path, never as errno codes', (t) => {
  const err = (code: string, text: string) => Object.assign(new Error(`${code}: ${text}, open '/x/y'`), { code });
  t.is(fsError('/x/y', err('ENOENT', 'no such file or directory')), 'no such file: /x/y');
  t.is(fsError('/x/y', err('EACCES', 'permission denied')), 'permission denied: /x/y');
  t.is(fsError('/x/y', err('EPERM', 'operation not permitted')), 'permission denied: /x/y');
  t.is(fsError('/x/y', err('EXDEV', 'cross-device link not permitted')), '/x/y: cross-device link not permitted');
  t.is(describe(err('EIO', 'i/o error')), 'input/output error');
});

test('paths: top folders stripped, collector names unflattened, unsafe parts removed', (t) => {
  t.is(logicalPath('ticket-1234/var/log/waagent.log'), 'var/log/waagent.log');
  t.is(logicalPath('truncated_var_log_syslog.1'), 'var/log/syslog.1');
  t.is(logicalPath('truncated_var_log_azure_Microsoft.Azure.RecoveryServices.VMSnapshotLinux_extension.log'), 'var/log/azure/Microsoft.Azure.RecoveryServices.VMSnapshotLinux/extension.log');
  t.is(normalizeEntryPath('../../etc/../var/log/waagent.log'), 'var/log/waagent.log');
  t.is(normalizeEntryPath('/abs/./x'), 'abs/x');
  t.is(normalizeEntryPath('C:\\WindowsAzure\\Logs\\WaAppAgent.log'), 'WindowsAzure/Logs/WaAppAgent.log');
  t.is(classify('var/lib/waagent/Microsoft.Azure.RecoveryServices.VMSnapshotLinux-1.0.9225.0/status/26.status'), 'extension-status');
  t.is(classify('var/log/azure/Microsoft.Azure.RecoveryServices.VMSnapshotLinux/1.0.9150.0/extension.log'), 'vmsnapshot-log');
  t.is(classify('var/log/waagent.log-2024-06-11-1718075000.gz'), 'waagent-log');
  t.is(classify('var/log/syslog.2.gz'), 'syslog');
});

(process.platform === 'linux' ? test : test.skip)('a 64 MB file azlog does not read (a core dump) costs little memory: analyze peaks under 85 MB', async (t) => {
  const dir = tmp();
  const core = Buffer.alloc(64 * 1024 * 1024, 'core dump page 0123456789abcdef\n');
  const bundle = await writeBundle(dir, 'core.tgz', await tgzBuffer({ ...FILES, 'var/crash/core.1234': core }));
  const r = azlogPeak(['analyze', bundle, '--format', 'json', '--no-progress']);
  t.true(r.code === 0 || r.code === 4, r.stderr);
  t.truthy(JSON.parse(r.stdout).verdict);
  const { peakMb } = r;
  // reading 64 MB without sweeping dead inflate chunks peaked at ~98 MB; with it, ~72 MB
  t.true(peakMb < 85, `peak RSS ${peakMb.toFixed(0)} MB`);
});

// the target for 150 MB is 100 MB; before: 108–110 MB (the young generation grew while the
// kept evidence was built, each ring arena had a spare), now 90–93. The error-heavy log: ~152 MB
// while the ring held built errors as objects, promoted and then garbage; now ~106.
for (const [what, mb, errors, limitMb] of [['a 150 MB agent log', 150, false, 100], ['a 48 MB agent log with every fifth line an ERROR', 48, true, 130]] as const) {
  // one at a time: a peak measured beside another analysis lags behind its concurrent marking
  (process.platform === 'linux' ? test.serial : test.skip)(`${what} is analysed in under ${limitMb} MB of memory`, async (t) => {
    const dir = tmp();
    const log = join(dir, 'b', 'var', 'log', 'waagent.log');
    await writeAgentLog(log, mb * 1024 * 1024);
    if (errors) writeFileSync(log, readFileSync(log, 'latin1').split('\n').map((l, i) => (i % 5 === 4 ? l.replace(' INFO ', ' ERROR ') : l)).join('\n'), 'latin1');
    execFileSync('tar', ['-czf', join(dir, 'b.tgz'), '-C', join(dir, 'b'), 'var']);
    const r = azlogPeak(['analyze', join(dir, 'b.tgz'), '--format', 'json', '--no-progress']);
    t.true(r.code === 0 || r.code === 4, r.stderr);
    const report = JSON.parse(r.stdout);
    t.true(report.stats.bytesRead > mb * 1024 * 1024);
    if (errors) t.true(report.stats.eventsNotKept > 10_000, 'errors were turned over in the ring');
    t.true(r.peakMb < limitMb, `peak RSS ${r.peakMb.toFixed(0)} MB`);
  });
}
