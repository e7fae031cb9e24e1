/** A ticket queue: good, corrupt, truncated, empty and duplicate bundles, CSV a spreadsheet opens. */
import test from 'ava';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { analyze } from '../src/analyze.js';
import { runBatch, expandInputs } from '../src/batch/batch.js';
import { Pool } from '../src/batch/pool.js';
import { azlog, BIN, sampleDir, tmp, writeBundle } from './helpers.js';
import { tgzBuffer } from '../samples/pack.js';

async function queue(): Promise<string> {
  const samples = await sampleDir();
  const dir = tmp('azlog-queue-');
  for (const n of ['fsfreeze-timeout', 'no-network-storage', 'healthy', 'extension-load-failed-python']) copyFileSync(join(samples, `${n}.tgz`), join(dir, `${n}.tgz`));
  copyFileSync(join(samples, 'fsfreeze-timeout.tgz'), join(dir, 'fsfreeze-again.tgz')); // duplicate upload
  const full = readFileSync(join(samples, 'no-network-storage.tgz'));
  writeFileSync(join(dir, 'truncated.tgz'), full.subarray(0, full.length >> 1));
  writeFileSync(join(dir, 'corrupt.zip'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(500, 9)]));
  writeFileSync(join(dir, 'empty.tgz'), '');
  copyFileSync(join(samples, 'healthy.tgz'), join(dir, '=HYPERLINK("evil.example","x").tgz'));
  return dir;
}

test('a batch over a directory gives one right row per bundle, errors as rows', async (t) => {
  const dir = await queue();
  const out = join(tmp(), 'out.csv');
  const r = azlog(['batch', dir, '--csv', out, '--jobs', '2', '--no-progress']);
  t.is(r.code, 102, r.stderr); // 100 + two failures (corrupt, empty)
  const rows = parse(readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[];
  t.is(rows.length, 9);
  const by = (name: string) => rows.find((x) => x.bundle_path!.endsWith(name))!;
  t.regex(by('corrupt.zip').error!, /corrupt\.zip: not a readable zip/);
  t.is(by('corrupt.zip').status, 'error');
  t.regex(by('empty.tgz').error!, /empty\.tgz: empty file/);
  t.is(by('truncated.tgz').error, '', 'a truncated bundle is analysed as far as it goes');
  // a partial bundle keeps its real hash and says what was cut in a column a spreadsheet can filter
  t.is(by('truncated.tgz').sha256, createHash('sha256').update(readFileSync(join(dir, 'truncated.tgz'))).digest('hex'));
  t.regex(by('truncated.tgz').problems!, /truncated\.tgz: archive truncated/);
  t.is(rows.filter((x) => x.problems).length, 1, 'only the truncated bundle has problems');
  t.is(by('fsfreeze-again.tgz').sha256, by('fsfreeze-timeout.tgz').sha256);
  // the counts add up to the bundles given: 5 distinct analysed + 2 copies + 2 failed
  t.regex(r.stderr, /9 bundles: 5 analysed, 2 duplicates, 0 resumed, 2 failed; 1 partial/);
  t.is(by('fsfreeze-timeout.tgz').outcome, 'found');
  t.is(by('healthy.tgz').outcome, 'none-found');
  t.is(by('corrupt.zip').outcome, 'error');
  // the top evidence is its location and its text
  t.regex(by('fsfreeze-timeout.tgz').top_evidence!, /\.status$|extension\.log:\d+$/);
  t.regex(by('fsfreeze-timeout.tgz').top_evidence_text!, /code 122|freeze/);
  // the verdict of each row is what `analyze` says of that bundle
  for (const name of ['fsfreeze-timeout.tgz', 'no-network-storage.tgz', 'healthy.tgz', 'extension-load-failed-python.tgz', 'truncated.tgz']) {
    const report = await analyze(join(dir, name));
    t.is(by(name).verdict_cause, report.verdict.cause ?? '', name);
    t.is(Number(by(name).confidence), report.verdict.confidence, name);
  }
});

test('cells a spreadsheet would run as formulas are escaped', async (t) => {
  const dir = await queue();
  const out = join(tmp(), 'out.csv');
  azlog(['batch', '=HYPERLINK("evil.example","x").tgz', '--csv', out, '--no-progress'], { cwd: dir });
  const text = readFileSync(out, 'utf8');
  const rows = parse(text, { columns: true }) as Record<string, string>[];
  t.true(rows[0]!.bundle_path!.startsWith("'"), rows[0]!.bundle_path);
  t.false(/(^|,)=HYPERLINK/m.test(text));
});

test('--excel writes one UTF-8 BOM and CRLF after every row; Japanese and ISO dates survive', async (t) => {
  const dir = await queue();
  const out = join(tmp(), 'x.csv');
  azlog(['batch', join(dir, 'healthy.tgz'), join(dir, 'fsfreeze-timeout.tgz'), '--csv', out, '--excel', '--no-progress']);
  const buf = readFileSync(out);
  t.deepEqual([...buf.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  t.is(buf.toString('utf8').split('\ufeff').length, 2, 'one BOM, at the start');
  const rows = parse(buf.toString('utf8'), { columns: true, bom: true }) as Record<string, string>[];
  t.is(rows.length, 2);
  t.is(buf.toString('utf8').split('\r\n').length - 1, 3, 'CRLF after the header and after every row, appended ones too');
  t.regex(rows[0]!.analyzed_at!, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
});

test('--excel to standard output: one BOM, CRLF after every row', async (t) => {
  const dir = await queue();
  const r = azlog(['batch', join(dir, 'healthy.tgz'), join(dir, 'fsfreeze-timeout.tgz'), '--excel', '--no-progress']);
  t.true(r.stdout.startsWith('\ufeff'));
  t.is(r.stdout.split('\ufeff').length, 2, 'one BOM');
  t.is(r.stdout.split('\r\n').length - 1, 3, 'CRLF after the header and after both rows');
  t.is((parse(r.stdout, { columns: true, bom: true }) as unknown[]).length, 2);
});

test('--resume after an interrupted run finishes without redoing work', async (t) => {
  const dir = await queue();
  const out = join(tmp(), 'r.csv');
  // the "interrupted" run got through two bundles
  await runBatch((await expandInputs([join(dir, 'healthy.tgz'), join(dir, 'fsfreeze-timeout.tgz')])), { csv: out, jobs: 1 });
  const second = await runBatch(await expandInputs([dir]), { csv: out, jobs: 2, resume: true });
  t.is(second.resumed, 4, 'healthy, fsfreeze-timeout and their duplicates were done');
  t.false(second.rows.some((r) => String(r.bundle_path).endsWith('healthy.tgz')));
  const rows = parse(readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[];
  t.is(rows.length, 2 + 5, 'first rows kept, the rest appended, no header repeated');
  t.is(new Set(rows.map((r) => r.bundle_path)).size, rows.length);
});

test('a manifest gives tickets and per-ticket error codes; findings CSV and JSONL are written', async (t) => {
  const dir = await queue();
  const work = tmp();
  const manifest = await writeBundle(work, 'tickets.csv', `ticket,bundle,error_code\nT-1,${join(dir, 'healthy.tgz')},UserErrorRpCollectionLimitReached\nT-2,${join(dir, 'fsfreeze-timeout.tgz')},\n`);
  const out = join(work, 'o.csv'), findings = join(work, 'f.csv'), jsonl = join(work, 'o.jsonl');
  const r = azlog(['batch', '--manifest', manifest, '--csv', out, '--findings-csv', findings, '--jsonl', jsonl, '--no-progress']);
  t.is(r.code, 0, r.stderr);
  const rows = parse(readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[];
  t.deepEqual(rows.map((x) => [x.ticket, x.verdict_cause, x.outcome]).sort(), [['T-1', '', 'none-found'], ['T-2', 'fsfreeze-failed', 'found']]);
  const f = parse(readFileSync(findings, 'utf8'), { columns: true }) as Record<string, string>[];
  const reports = readFileSync(jsonl, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  t.is(reports.length, 2);
  // one findings row per finding of each report (the causes that apply to the bundle's OS)
  t.is(f.length, reports.reduce((n: number, x: { findings: unknown[] }) => n + x.findings.length, 0));
  t.true(f.length > 0);
  t.true(reports.every((x) => x.schema === 'azlog/report@1' && x.ticket));
});

test('manifest paths are read from the manifest\'s folder; a bad error code fails its own row only', async (t) => {
  const dir = await queue();
  const work = tmp();
  mkdirSync(join(work, 'uploads'));
  copyFileSync(join(dir, 'healthy.tgz'), join(work, 'uploads', 'a.tgz'));
  copyFileSync(join(dir, 'fsfreeze-timeout.tgz'), join(work, 'uploads', 'b.tgz'));
  await writeBundle(work, 'tickets.csv', 'ticket,bundle,error_code\nT-1,uploads/a.tgz,\nT-2,uploads/b.tgz,NotACode\n');
  const out = join(work, 'o.csv');
  // run from elsewhere: the paths are relative to the manifest, not to the current directory
  const r = azlog(['batch', '--manifest', join(work, 'tickets.csv'), '--csv', out, '--no-progress'], { cwd: tmp() });
  t.is(r.code, 101, r.stderr);
  const rows = parse(readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[];
  const t1 = rows.find((x) => x.ticket === 'T-1')!, t2 = rows.find((x) => x.ticket === 'T-2')!;
  t.is(t1.error, '');
  t.is(t1.outcome, 'none-found');
  t.regex(t2.error!, /tickets\.csv row 3: unknown error code: NotACode/);
  t.regex(r.stderr, /2 bundles: 1 analysed, 0 duplicates, 0 resumed, 1 failed/);
});

test('batch says what it was given when there is nothing to analyse; a bad -e is a usage error', async (t) => {
  const samples = await sampleDir();
  const empty = tmp();
  const none = azlog(['batch', empty, join(samples, 'shapes', 'fsfreeze-timeout-tree'), join(empty, '*.tgz')]);
  t.is(none.code, 2);
  t.is(none.stderr.trim().split('\n').length, 1, none.stderr);
  t.regex(none.stderr, /^azlog: no bundles to analyse: .*: an empty directory; .*fsfreeze-timeout-tree: an unpacked bundle \(\d+ files, no archives\); analyse it with `azlog analyze .*; .*\*\.tgz: the pattern matches no file/);
  t.false(/no bundles given/.test(none.stderr));
  const badCode = azlog(['batch', join(samples, 'healthy.tgz'), '-e', 'Bogus']);
  t.is(badCode.code, 2);
  t.is(badCode.stdout, '', 'nothing analysed');
  t.regex(badCode.stderr, /^azlog: -e, --error-code: unknown error code: Bogus/);
});

(process.platform === 'linux' ? test : test.skip)('analysis starts while later inputs are still being hashed; a copy that arrives after its original finished gets its row', async (t) => {
  const samples = await sampleDir();
  const dir = tmp('azlog-late-copy-');
  const original = join(dir, 'a.tgz');
  copyFileSync(join(samples, 'fsfreeze-timeout.tgz'), original);
  copyFileSync(original, join(dir, 'c-copy.tgz'));
  // a FIFO between them: hashing it waits until this test writes to it, which it does only once
  // the original's row is out, so the original was analysed before the inputs after it were hashed
  const pipe = join(dir, 'b-pipe');
  t.is(spawnSync('mkfifo', [pipe]).status, 0);
  const order: string[] = [];
  let fedBy = '';
  const feed = (by: string) => { if (!fedBy) { fedBy = by; writeFileSync(pipe, 'not a bundle'); } };
  // so a batch that hashes everything first ends, and fails below; generous, as a loaded CI machine
  // once took over 5 s to start a worker and analyse the original
  const timer = setTimeout(() => feed('timer'), 30_000);
  const summary = await runBatch([{ ticket: '1', path: original }, { ticket: '2', path: pipe }, { ticket: '3', path: join(dir, 'c-copy.tgz') }], {
    jobs: 1,
    onRow: (row) => {
      order.push(String(row.ticket));
      if (row.ticket === '1') feed('row of the original');
    },
  });
  clearTimeout(timer);
  t.is(fedBy, 'row of the original');
  t.is(order[0], '1');
  t.deepEqual([...order].sort(), ['1', '2', '3']);
  const byTicket = (n: string) => summary.rows.find((r) => r.ticket === n)!;
  t.is(byTicket('3').verdict_cause, byTicket('1').verdict_cause);
  t.is(byTicket('3').sha256, byTicket('1').sha256);
  t.regex(String(byTicket('2').error), /b-pipe: not a file or directory/);
  t.like(summary, { total: 3, analysed: 1, duplicates: 1, failed: 1 });
});

test('a worker killed mid-bundle fails only that bundle, with a reason; the next bundle gets a new worker', async (t) => {
  const bundle = join(await sampleDir(), 'fsfreeze-timeout.tgz');
  const pool = new Pool(1);
  try {
    const first = pool.run({ id: 0, path: bundle });
    const [pid] = pool.pids();
    process.kill(pid!, 'SIGKILL'); // it is still starting or analysing: a result needs ~100 ms at least
    const killed = await first;
    t.false(killed.ok);
    if (!killed.ok) t.is(killed.error, `${bundle}: the worker analysing it was killed (SIGKILL)`);
    const next = await pool.run({ id: 1, path: bundle });
    t.true(next.ok);
    if (next.ok) t.is(next.report.verdict.cause, (await analyze(bundle)).verdict.cause);
    t.notDeepEqual(pool.pids(), [pid]);
  } finally {
    await pool.close();
  }
  t.deepEqual(pool.pids(), []);
});

/** Children of a process, from /proc (Linux). */
function childrenOf(pid: number): number[] {
  const r = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
  return r.stdout.split('\n').map((x) => Number(x.trim())).filter((x) => x > 0);
}
const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };

// serial: other tests here block this process in spawnSync, and this one must watch the batch as it runs
test.serial('a batch killed outright leaves no worker process behind', async (t) => {
  // two bundles that each keep a worker busy for seconds (200,000 distinct errors go through the whole grammar)
  const dir = tmp('azlog-kill-');
  const log = (tag: string) => Array.from({ length: 200_000 }, (_, i) => `2024-05-01T10:00:00.000000Z ERROR ExtHandler ${tag} failed to reach the wire server, attempt ${i}\n`).join('');
  for (const n of ['a', 'b', 'c', 'd']) writeFileSync(join(dir, `${n}.tgz`), await tgzBuffer({ 'var/log/waagent.log': log(n) }));
  const child = spawn(process.execPath, [BIN, 'batch', dir, '--jobs', '2', '--no-progress', '--csv', join(tmp(), 'out.csv')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => { stderr += c; });
  let workers: number[] = [];
  for (let i = 0; i < 1000 && workers.length < 2; i++) { await new Promise((r) => setTimeout(r, 10)); workers = childrenOf(child.pid!); }
  t.is(workers.length, 2, `two workers were started (${stderr})`);
  child.kill('SIGKILL');
  for (let i = 0; i < 300 && workers.some(alive); i++) await new Promise((r) => setTimeout(r, 10));
  t.deepEqual(workers.filter(alive), [], 'every worker ended with its parent');
});
