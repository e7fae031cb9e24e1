/** `batch --shard I/N`: N copies each take a disjoint part; together they are the unsharded batch. */
import test from 'ava';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseShard, shardOf } from '../src/batch/shard.js';
import { azlog, sampleDir, tmp } from './helpers.js';

type Rows = Record<string, string>[];

test('three shards give disjoint rows whose union is the unsharded batch; twins stay together', async (t) => {
  const samples = await sampleDir();
  const dir = tmp('azlog-shard-');
  const names = ['fsfreeze-timeout', 'no-network-storage', 'healthy', 'extension-load-failed-python', 'dhcp-disabled', 'agent-unresponsive', 'snapshot-high-load', 'restore-point-limit', 'certificate-failure'];
  for (const n of names) copyFileSync(join(samples, `${n}.tgz`), join(dir, `${n}.tgz`));
  copyFileSync(join(samples, 'healthy.tgz'), join(dir, 'healthy-again.tgz'));
  const inputs = [dir, join(dir, 'missing.tgz')]; // an unreadable input is placed by its path
  const read = (file: string) => parse(readFileSync(file, 'utf8'), { columns: true }) as Rows;
  const strip = (r: Record<string, string>) => JSON.stringify({ ...r, duration_ms: '', analyzed_at: '' });

  const whole = join(dir, 'all.csv');
  t.is(azlog(['batch', ...inputs, '--csv', whole, '--no-progress', '--jobs', '1']).code, 101);
  const all = read(whole);
  t.is(all.length, 11);
  const parts: Rows[] = [];
  for (let i = 0; i < 3; i++) {
    const out = join(dir, `part-${i}.csv`);
    const r = azlog(['batch', ...inputs, '--shard', `${i}/3`, '--csv', out, '--no-progress', '--jobs', '1']);
    t.true(r.code === 0 || r.code === 101, r.stderr);
    parts.push(read(out));
  }
  t.true(parts.every((p) => p.length > 0 && p.length < all.length), `sizes ${parts.map((p) => p.length)}`);
  const union = parts.flat();
  t.is(union.length, all.length, 'each bundle exactly once');
  t.is(new Set(union.map((r) => r.bundle_path)).size, union.length);
  t.deepEqual(union.map(strip).sort(), all.map(strip).sort());
  const healthyPart = parts.findIndex((p) => p.some((r) => r.bundle_path!.endsWith('/healthy.tgz')));
  t.true(parts[healthyPart]!.some((r) => r.bundle_path!.endsWith('healthy-again.tgz')), 'identical uploads in one shard: analysed once');
});

test('--shard wants I/N with 0 <= I < N', (t) => {
  for (const bad of ['3/3', '1', '-1/2', '0/0', 'a/b']) {
    const r = azlog(['batch', 'x.tgz', '--shard', bad]);
    t.is(r.code, 2, bad);
    t.regex(r.stderr, /^azlog: --shard: expected I\/N with 0 <= I < N/);
  }
  t.deepEqual(parseShard(' 2 / 5 '), { index: 2, count: 5 });
  // deterministic: the same key lands in the same shard in every copy
  t.is(shardOf('some/path.tgz', 7), shardOf('some/path.tgz', 7));
});
