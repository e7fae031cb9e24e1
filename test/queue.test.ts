/**
 * The ticket queue on a real redis-server (Debian's package, on a free loopback port, in its own
 * folder): workers killed mid-job, Redis stopped under a running worker, wrong URLs, downloads.
 * Every wait is bounded and generous (a slow shared 2-core machine): nothing assumes speed.
 */
import test from 'ava';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Redis } from 'ioredis';
import { analyze } from '../src/analyze.js';
import { BUNDLE_COLUMNS, csvText } from '../src/report/csv.js';
import { sha256File } from '../src/ingest/streams.js';
import { redisTarget } from '../src/queue/connection.js';
import { contentUnitId } from '../src/queue/model.js';
import { withQueue } from '../src/queue/session.js';
import { queueStatus, type QueueStatus } from '../src/queue/status.js';
import { SCENARIOS } from '../samples/scenarios.js';
import { prefixed, tgzBuffer } from '../samples/pack.js';
import { writeAgentLog } from '../bench/generate.js';
import { sampleDir, tmp } from './helpers.js';
import { Azlog, freePort, makeCertificates, REDIS_SERVER, RedisServer, until } from './redis.js';

const hasRedis = REDIS_SERVER !== null;
if (!hasRedis) console.log('queue: redis-server is absent (apt-get install redis-server; .ci/run installs it): the queue tests are skipped');
const redisTest = hasRedis ? test.serial : test.serial.skip;

let server: RedisServer;
test.before(async () => { if (hasRedis) server = await RedisServer.start(); });
test.after.always(async () => { await server?.stop(); });

type Rows = Record<string, string>[];
const MINUTE = 60_000;

async function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  const p = new Azlog(args, env);
  const code = await p.exited;
  return { code, stdout: p.stdout, stderr: p.stderr, ms: Date.now() - started };
}

function status(url: string, queue: string): Promise<QueueStatus> {
  return withQueue(redisTarget(url), queue, (q, client) => queueStatus(q, client, url));
}

/** Waits until `units` bundles are finished and nothing waits or runs. */
function drained(url: string, queue: string, units: number, ms = 6 * MINUTE): Promise<QueueStatus> {
  return until(`${units} finished bundles in queue ${queue}`, ms, async () => {
    const s = await status(url, queue);
    return s.waiting === 0 && s.active === 0 && s.done + s.failed === units ? s : null;
  }, 500);
}

function oneLineErrors(t: import('ava').ExecutionContext, stderr: string): void {
  t.false(/\n\s+at .+:\d+:\d+\)?/.test(stderr), `no stack trace: ${stderr.slice(0, 600)}`);
  for (const line of stderr.split('\n').filter(Boolean)) t.regex(line, /^azlog: /, 'every diagnostic is one azlog: line');
}

let bigLog: Promise<string> | null = null;
/** A bundle whose analysis takes a few seconds (a 60 MB agent log), so a worker can be caught mid-job. */
async function bigBundle(dir: string, name: string): Promise<string> {
  bigLog ??= (async () => { const p = join(tmp(), 'agent.log'); await writeAgentLog(p, 60 * 1024 * 1024); return readFileSync(p, 'utf8'); })();
  const s = SCENARIOS.find((x) => x.name === 'fsfreeze-timeout')!;
  const path = join(dir, name);
  writeFileSync(path, await tgzBuffer(prefixed({ ...s.files, 'var/log/waagent.log.1': (await bigLog) + `# ${name}\n` }, 'ticket-big')));
  return path;
}

function serve(dir: string): Promise<{ base: string; http: Server }> {
  const http = createServer((req, res) => {
    const name = decodeURIComponent(req.url!.slice(1));
    if (name === 'declared-huge.tgz') { res.writeHead(200, { 'content-length': String(64 * 1024 * 1024) }); res.end(); return; }
    if (name === 'endless.tgz') { // no length given: the worker must count and stop
      res.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 7);
      let sent = 0;
      const more = () => { while (sent < 8 * 1024 * 1024) { sent += chunk.length; if (!res.write(chunk)) { res.once('drain', more); return; } } res.end(); };
      more();
      return;
    }
    try { const body = readFileSync(join(dir, name)); res.writeHead(200, { 'content-length': String(body.length) }); res.end(body); } catch { res.writeHead(404); res.end(); }
  });
  return new Promise((r) => http.listen(0, '127.0.0.1', () => r({ base: `http://127.0.0.1:${(http.address() as { port: number }).port}`, http })));
}

function manifest(dir: string, name: string, rows: [string, string, string?][]): string {
  const path = join(dir, name);
  writeFileSync(path, csvText(['ticket', 'bundle', 'error_code'], rows.map(([ticket, bundle, code]) => ({ ticket, bundle, error_code: code ?? '' }))));
  return path;
}

redisTest('a wrong --redis gives one azlog: line and a non-zero exit, never a hang', async (t) => {
  t.timeout(5 * MINUTE);
  const closed = await freePort();
  // a port that accepts connections and never answers
  const silent = createTcpServer(() => undefined);
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  t.teardown(() => silent.close());
  const silentPort = (silent.address() as { port: number }).port;
  const admin = new Redis(server.url);
  await admin.call('ACL', 'SETUSER', 'azlog-test', 'on', '>s3cret', '~*', '&*', '+@all');
  admin.disconnect();

  const cases: [string[], Record<string, string>, number | null, RegExp][] = [
    [['queue', 'status', '--redis', 'not a url'], {}, 2, /--redis: not a URL/],
    [['queue', 'submit', 'x.tgz', '--redis', 'http://127.0.0.1:1'], {}, 2, /not a Redis URL/],
    [['queue', 'status', '--redis', server.url, '--queue', 'a:b'], {}, 2, /--queue: use letters/],
    [['queue', 'status', '--redis', `redis://127.0.0.1:${closed}`], {}, 69, new RegExp(`cannot use Redis at redis://127.0.0.1:${closed}/?: connection refused`)],
    [['worker', '--redis', `redis://127.0.0.1:${closed}`], {}, 69, /connection refused/],
    [['queue', 'export'], { AZLOG_REDIS_URL: `redis://127.0.0.1:${closed}` }, 69, new RegExp(`redis://127.0.0.1:${closed}/?: connection refused`)],
    [['queue', 'export', '--redis', `redis://127.0.0.1:${silentPort}`], {}, 69, /no answer \(timed out\)/],
    [['queue', 'status', '--redis', `redis://azlog-test:wrong@127.0.0.1:${server.port}`], {}, 69, /azlog-test:\*\*\*@.*wrong user name or password/],
  ];
  for (const [args, env, code, re] of cases) {
    const r = await run(args, env);
    t.is(r.code, code, `${args.join(' ')}: ${r.stderr}`);
    t.regex(r.stderr, re);
    t.is(r.stderr.trim().split('\n').length, 1, r.stderr);
    t.false(r.stderr.includes('wrong@'), 'the password is not shown');
    oneLineErrors(t, r.stderr);
    t.true(r.ms < 45_000, `${args.join(' ')} took ${r.ms} ms`);
  }
  // the password in the URL works
  const ok = await run(['queue', 'status', '--redis', `redis://azlog-test:s3cret@127.0.0.1:${server.port}`, '--queue', 'auth']);
  t.is(ok.code, 0, ok.stderr);
  t.regex(ok.stdout, /queue auth at redis:\/\/azlog-test:\*\*\*@127\.0\.0\.1/);
});

redisTest('two workers, one killed mid-job, another started: every ticket one row, as analyze and batch say', async (t) => {
  t.timeout(15 * MINUTE);
  const q = 'scenario';
  const samples = await sampleDir();
  const dir = tmp('azlog-queue-');
  for (const n of ['fsfreeze-timeout', 'no-network-storage', 'healthy', 'extension-load-failed-python', 'dhcp-disabled']) copyFileSync(join(samples, `${n}.tgz`), join(dir, `${n}.tgz`));
  copyFileSync(join(samples, 'fsfreeze-timeout.tgz'), join(dir, 'fsfreeze-again.tgz')); // an identical upload
  writeFileSync(join(dir, 'corrupt.zip'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(500, 9)]));
  writeFileSync(join(dir, 'empty.tgz'), '');
  const big = await bigBundle(dir, 'big.tgz');
  const { base, http } = await serve(dir);
  t.teardown(() => http.close());
  const at = (n: string) => join(dir, n);
  const rest: [string, string, string?][] = [
    ['T-1', at('fsfreeze-timeout.tgz')], ['T-2', at('no-network-storage.tgz')], ['T-3', at('healthy.tgz'), 'UserErrorRpCollectionLimitReached'],
    ['T-4', at('fsfreeze-again.tgz')], ['T-5', at('corrupt.zip')], ['T-6', at('empty.tgz')], ['=SUM(1)', at('extension-load-failed-python.tgz')],
    ['T-8', `${base}/dhcp-disabled.tgz`], ['T-9', `${base}/missing.tgz`], ['T-10', at('healthy.tgz'), 'NoSuchCode'],
  ];
  const common = ['--redis', server.url, '--queue', q];
  const worker = () => new Azlog(['worker', ...common, '--lock-duration', '10']);
  const w1 = worker(), w2 = worker();
  let w3: Azlog | null = null;
  t.teardown(async () => { for (const w of [w1, w2, w3]) await w?.stop('SIGKILL'); });
  await Promise.all([w1, w2].map((w) => w.waitFor(/on queue scenario/, 2 * MINUTE)));

  const first = await run(['queue', 'submit', ...common, '-m', manifest(dir, 'big.csv', [['T-big', big]])]);
  t.is(first.code, 0, first.stderr);
  t.is(first.stdout, '1 tickets: 1 bundles queued, 0 already known\n');
  const victim = await until('a worker to start the big bundle', 2 * MINUTE, () => [w1, w2].find((w) => /started .*big\.tgz/.test(w.stderr)), 50);
  t.is(await victim.stop('SIGKILL'), null, 'killed mid-job');
  const survivor = victim === w1 ? w2 : w1;

  const second = await run(['queue', 'submit', ...common, '-m', manifest(dir, 'rest.csv', rest)]);
  t.is(second.code, 0, second.stderr);
  t.is(second.stdout, '10 tickets: 8 bundles queued, 1 already known; 1 with an unknown error code (an error row each)\n');
  w3 = worker();
  const end = await drained(server.url, q, 9);
  t.like(end, { waiting: 0, active: 0, retrying: 0, done: 6, failed: 3, tickets: 11 });

  // the big job went back to the queue when its worker died, and was finished by another
  const bigJob = await withQueue(redisTarget(server.url), q, async (queue) => queue.getJob(contentUnitId(await sha256File(big), undefined)));
  t.true(bigJob!.stalledCounter >= 1, 'the killed job was recovered as stalled');
  t.regex(survivor.stderr + w3.stderr, /done .*big\.tgz/);
  // a poisoned bundle was retried a bounded number of times
  const corrupt = await withQueue(redisTarget(server.url), q, async (queue) => queue.getJob(contentUnitId(await sha256File(at('corrupt.zip')), undefined)));
  t.is(corrupt!.attemptsMade, 3);

  for (const w of [survivor, w3]) t.is(await w.stop('SIGTERM'), 0, w.stderr);
  for (const w of [survivor, w3]) oneLineErrors(t, w.stderr);

  const out = join(dir, 'out.csv'), findings = join(dir, 'findings.csv'), jsonl = join(dir, 'out.jsonl');
  const ex = await run(['queue', 'export', ...common, '--csv', out, '--findings-csv', findings, '--jsonl', jsonl]);
  t.is(ex.code, 0, ex.stderr);
  t.regex(ex.stderr, /11 tickets: 11 rows exported \(4 with an error\)/);
  const text = readFileSync(out, 'utf8');
  t.is(text.split('\n')[0], BUNDLE_COLUMNS.join(','), 'the columns of batch');
  // --excel: one BOM, CRLF after the header and every row, in the findings CSV too
  const xl = join(dir, 'out-excel.csv'), xlFindings = join(dir, 'findings-excel.csv');
  t.is((await run(['queue', 'export', ...common, '--csv', xl, '--findings-csv', xlFindings, '--excel'])).code, 0);
  const xlText = readFileSync(xl, 'utf8');
  t.is(xlText.split('\ufeff').length, 2);
  t.is(xlText.split('\r\n').length - 1, 12);
  const xlFindingsText = readFileSync(xlFindings, 'utf8');
  t.true(xlFindingsText.startsWith('\ufeff') && xlFindingsText.split('\ufeff').length === 2);
  t.true(xlFindingsText.split('\n').length > 2, 'findings were exported');
  t.false(/[^\r]\n/.test(xlFindingsText), 'every line ends with CRLF');
  const rows = parse(text, { columns: true }) as Rows;
  t.deepEqual(rows.map((r) => r.ticket).sort(), ["'=SUM(1)", 'T-1', 'T-10', 'T-2', 'T-3', 'T-4', 'T-5', 'T-6', 'T-8', 'T-9', 'T-big'], 'every ticket exactly once, formulas escaped');
  const by = (ticket: string) => rows.find((r) => r.ticket === ticket)!;
  t.regex(by('T-5').error!, /corrupt\.zip: not a readable zip/);
  t.is(by('T-5').status, 'error');
  t.regex(by('T-6').error!, /empty\.tgz: empty file/);
  t.is(by('T-9').error, `${base}/missing.tgz: download failed (HTTP 404 Not Found)`);
  t.is(by('T-4').sha256, by('T-1').sha256);
  t.is(by('T-10').error, `${join(dir, 'rest.csv')} row 11: unknown error code: NoSuchCode (see \`azlog causes --symptoms\`)`);
  for (const [ticket, path, code] of [['T-1', at('fsfreeze-timeout.tgz')], ['T-2', at('no-network-storage.tgz')], ['T-3', at('healthy.tgz'), 'UserErrorRpCollectionLimitReached'], ['T-big', big], ['T-8', at('dhcp-disabled.tgz')]] as const) {
    const report = await analyze(path, { errorCode: code });
    t.is(by(ticket).verdict_cause, report.verdict.cause ?? '', ticket);
    t.is(Number(by(ticket).confidence), report.verdict.confidence, ticket);
  }
  t.is(by('T-8').bundle_path, `${base}/dhcp-disabled.tgz`);
  t.true(readFileSync(findings, 'utf8').split('\n').length > 20);
  const reports = readFileSync(jsonl, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { ticket: string; bundle: { path: string } });
  t.is(reports.length, 7);
  t.is(reports.find((r) => r.ticket === 'T-8')!.bundle.path, `${base}/dhcp-disabled.tgz`);

  // the same tickets through `azlog batch`: the same rows (but for the times)
  const local = [['T-big', big] as [string, string], ...rest.filter(([ticket, b]) => !b.startsWith('http') && ticket !== 'T-10')];
  const b = await run(['batch', '-m', manifest(dir, 'local.csv', local), '--csv', join(dir, 'batch.csv'), '--no-progress', '--jobs', '1']);
  t.is(b.code, 102, b.stderr);
  const batchRows = parse(readFileSync(join(dir, 'batch.csv'), 'utf8'), { columns: true }) as Rows;
  const strip = (r: Record<string, string>) => ({ ...r, duration_ms: '', analyzed_at: '' });
  for (const br of batchRows) t.deepEqual(strip(by(br.ticket!)), strip(br), br.ticket);

  // submitting again adds no row; --since filters by when a row became final
  const again = await run(['queue', 'submit', ...common, '-m', join(dir, 'rest.csv')]);
  t.regex(again.stdout, /10 tickets: 0 bundles queued, 0 already known; 10 already submitted \(no second row\), 3 failed before and queued again/);
  const w4 = new Azlog(['worker', ...common, '--until-empty']);
  t.is(await w4.exited, 0, w4.stderr);
  const after = await run(['queue', 'export', ...common]);
  t.is((parse(after.stdout, { columns: true }) as Rows).length, 11);
  const future = await run(['queue', 'export', ...common, '--since', new Date(Date.now() + MINUTE).toISOString()]);
  t.is((parse(future.stdout, { columns: true }) as Rows).length, 0);
  t.regex(future.stderr, /0 rows exported.*11 older than --since/);
  // a time without a zone is UTC, as in the timeline, whatever the machine's zone (read as local time, 14 hours ago there)
  const noZone = await run(['queue', 'export', ...common, '--since', new Date(Date.now() + MINUTE).toISOString().slice(0, 19)], { TZ: 'Pacific/Kiritimati' });
  t.is((parse(noZone.stdout, { columns: true }) as Rows).length, 0, noZone.stderr);
  const badSince = await run(['queue', 'export', ...common, '--since', 'yesterday']);
  t.is(badSince.code, 2);
  t.regex(badSince.stderr, /^azlog: --since: not an ISO-8601 date or time: yesterday/);
  const st = await run(['queue', 'status', ...common]);
  t.regex(st.stdout, /waiting {2}0\n {2}active {3}0\n {2}done {5}6\n {2}failed {3}3\n {2}tickets {2}11\n/);
});

redisTest('Redis stopped while a worker runs: the worker says so, reconnects, and no job is lost', async (t) => {
  t.timeout(15 * MINUTE);
  const own = await RedisServer.start();
  t.teardown(() => own.stop());
  const samples = await sampleDir();
  const dir = tmp('azlog-queue-');
  const big = await bigBundle(dir, 'big-restart.tgz');
  const names = ['fsfreeze-timeout', 'no-network-storage', 'healthy', 'agent-unresponsive', 'dhcp-disabled'];
  const common = ['--redis', own.url, '--queue', 'restart'];
  t.is((await run(['queue', 'submit', ...common, big])).code, 0);
  t.is((await run(['queue', 'submit', ...common, ...names.map((n) => join(samples, `${n}.tgz`))])).code, 0);
  const w = new Azlog(['worker', ...common, '--lock-duration', '10']);
  t.teardown(() => w.stop('SIGKILL'));
  await w.waitFor(/started .*big-restart\.tgz/, 2 * MINUTE);
  await own.stop();
  await w.waitFor(/lost the connection to Redis at redis:\/\/127\.0\.0\.1:\d+: .+; reconnecting/, 2 * MINUTE);
  await own.start(); // same port, same folder: the queue is still there
  await w.waitFor(/reconnected to Redis/, 2 * MINUTE);
  await drained(own.url, 'restart', 6);
  const ex = await run(['queue', 'export', ...common]);
  const rows = parse(ex.stdout, { columns: true }) as Rows;
  t.is(rows.length, 6, ex.stderr);
  t.is(new Set(rows.map((r) => r.bundle_path)).size, 6);
  t.true(rows.every((r) => r.error === ''), ex.stdout);
  // stopped while Redis is away, the worker still exits cleanly
  await own.stop();
  await until('the worker to notice Redis is gone again', 2 * MINUTE, () => (w.stderr.match(/lost the connection/g) ?? []).length >= 2);
  t.is(await w.stop('SIGTERM'), 0, w.stderr);
  t.regex(w.stderr, /stopped\n$/);
  oneLineErrors(t, w.stderr);
});

redisTest('Ctrl-C (SIGINT to the process group) or SIGTERM finishes the active bundle; a second signal hands it back to the queue at once', async (t) => {
  t.timeout(15 * MINUTE);
  const dir = tmp('azlog-queue-');
  const common = ['--redis', server.url, '--queue', 'signals'];
  /** A worker busy with a big bundle of its own. */
  const busy = async (name: string) => {
    t.is((await run(['queue', 'submit', ...common, await bigBundle(dir, name)])).code, 0);
    const w = new Azlog(['worker', ...common]);
    t.teardown(() => w.stop('SIGKILL'));
    await w.waitFor(new RegExp(`started .*${name}`), 2 * MINUTE);
    return w;
  };
  const a = await busy('big-one.tgz');
  process.kill(-a.proc.pid!, 'SIGINT'); // the worker process and the pool's workers, as a terminal does
  t.is(await a.exited, 0, a.stderr);
  t.regex(a.stderr, /SIGINT: taking no new bundle; finishing 1 active[\s\S]*done .*big-one\.tgz[\s\S]*stopped/);
  t.like(await status(server.url, 'signals'), { waiting: 0, active: 0, done: 1 });

  const b = await busy('big-two.tgz');
  b.proc.kill('SIGTERM');
  await b.waitFor(/finishing 1 active/, MINUTE);
  b.proc.kill('SIGTERM');
  t.is(await b.exited, 0, b.stderr);
  t.regex(b.stderr, /handed back .*big-two\.tgz/);
  t.notRegex(b.stderr, /done .*big-two\.tgz/);
  t.like(await status(server.url, 'signals'), { waiting: 1, active: 0, done: 1 });
  const c = new Azlog(['worker', ...common, '--until-empty']);
  t.teardown(() => c.stop('SIGKILL'));
  t.is(await c.exited, 0, c.stderr);
  t.regex(c.stderr, /done .*big-two\.tgz[\s\S]*the queue is empty: stopping/);
});

redisTest('bundles by URL: downloads keep to the size limit, fail as one-line rows, and known content is not analysed again', async (t) => {
  t.timeout(10 * MINUTE);
  const samples = await sampleDir();
  const dir = tmp('azlog-queue-');
  copyFileSync(join(samples, 'snapshot-high-load.tgz'), join(dir, 'high-load.tgz'));
  copyFileSync(join(samples, 'snapshot-high-load.tgz'), join(dir, 'high-load-copy.tgz'));
  const { base, http } = await serve(dir);
  t.teardown(() => http.close());
  const common = ['--redis', server.url, '--queue', 'urls'];
  t.is((await run(['queue', 'submit', ...common, join(dir, 'high-load.tgz')])).code, 0);
  const first = new Azlog(['worker', ...common, '--until-empty']);
  t.is(await first.exited, 0, first.stderr);
  const sub = await run(['queue', 'submit', ...common, '--attempts', '1', `${base}/high-load-copy.tgz`, `${base}/declared-huge.tgz`, `${base}/endless.tgz`]);
  t.is(sub.stdout, '3 tickets: 3 bundles queued, 0 already known\n', sub.stderr);
  const w = new Azlog(['worker', ...common, '--until-empty', '--max-inflated-bytes', '1m']);
  t.is(await w.exited, 0, w.stderr);
  t.notRegex(w.stderr, /done .*high-load-copy/, 'same content as an analysed bundle: its result is reused');
  const rows = parse((await run(['queue', 'export', ...common])).stdout, { columns: true }) as Rows;
  const by = (end: string) => rows.find((r) => r.bundle_path!.endsWith(end))!;
  t.is(rows.length, 4);
  const report = await analyze(join(dir, 'high-load.tgz'));
  t.is(by('high-load-copy.tgz').verdict_cause, report.verdict.cause ?? '');
  t.is(by('high-load-copy.tgz').sha256, by('high-load.tgz').sha256);
  t.is(by('declared-huge.tgz').error, `${base}/declared-huge.tgz: the download is larger than 1048576 bytes (limit maxInflatedBytes; raise it with --max-inflated-bytes on the worker)`);
  t.regex(by('endless.tgz').error!, /endless\.tgz: the download is larger than 1048576 bytes/);
  t.false(rows.some((r) => r.error!.includes('\n')));
});

redisTest('rediss:// with a password: TLS works with a trusted CA; an untrusted certificate is one line', async (t) => {
  t.timeout(10 * MINUTE);
  const certs = makeCertificates(tmp('azlog-tls-'));
  if (!certs) { t.log('openssl is absent: TLS not tested'); t.pass(); return; }
  const secure = await RedisServer.start({ tls: certs, password: 's3cret' });
  t.teardown(() => secure.stop());
  const common = ['--redis', secure.url, '--queue', 'tls'];
  t.regex(secure.url, /^rediss:\/\/:s3cret@127\.0\.0\.1:\d+$/);
  const untrusted = await run(['queue', 'status', ...common]);
  t.is(untrusted.code, 69, untrusted.stderr);
  t.regex(untrusted.stderr, /^azlog: cannot use Redis at rediss:\/\/:\*\*\*@127\.0\.0\.1:\d+: TLS failed \(.*certificate.*\)\n$/);
  // the CA is trusted the way Node trusts any extra CA
  const trust = { NODE_EXTRA_CA_CERTS: certs.ca };
  const samples = await sampleDir();
  const sub = await run(['queue', 'submit', ...common, join(samples, 'fsfreeze-timeout.tgz')], trust);
  t.is(sub.stdout, '1 tickets: 1 bundles queued, 0 already known\n', sub.stderr);
  const w = new Azlog(['worker', ...common, '--until-empty'], trust);
  t.teardown(() => w.stop('SIGKILL'));
  t.is(await w.exited, 0, w.stderr);
  const rows = parse((await run(['queue', 'export', ...common], trust)).stdout, { columns: true }) as Rows;
  t.is(rows.length, 1);
  t.is(rows[0]!.verdict_cause, (await analyze(join(samples, 'fsfreeze-timeout.tgz'))).verdict.cause ?? '');
});
