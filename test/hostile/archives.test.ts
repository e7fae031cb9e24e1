/** Hostile archives: bombs, lying headers, bit flips, unsafe names, links, devices, floods. */
import test from 'ava';
import { gzipSync } from 'node:zlib';
import * as tar from 'tar-stream';
import { tgzBuffer, zipBuffer } from '../../samples/pack.js';
import { SCENARIOS } from '../../samples/scenarios.js';
import { tmp, writeBundle } from '../helpers.js';
import { assertClean, measured } from './harness.js';

const GOOD = SCENARIOS.find((s) => s.name === 'fsfreeze-timeout')!.files;

async function tarOf(entries: { header: Partial<tar.Header> & { name: string }; body?: Buffer }[], gzip = true): Promise<Buffer> {
  const pack = tar.pack();
  for (const e of entries) pack.entry(e.header as tar.Header, e.body ?? Buffer.alloc(0));
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const c of pack as unknown as AsyncIterable<Buffer>) chunks.push(c);
  return gzip ? gzipSync(Buffer.concat(chunks)) : Buffer.concat(chunks);
}

test('zip bomb: a tiny zip inflating past the limit stops with a one-line error', async (t) => {
  const bomb = await zipBuffer({ 'var/log/waagent.log': Buffer.alloc(256 * 1024 * 1024, 0x20) });
  t.true(bomb.length < 1_000_000);
  const r = measured(['analyze', await writeBundle(tmp(), 'bomb.zip', bomb), '--max-inflated-bytes', '32m', '-f', 'json']);
  assertClean(t, r, { codes: [4] });
  t.regex(r.stderr, /^azlog: var\/log\/waagent\.log: bundle inflates past 33554432 bytes \(limit maxInflatedBytes; raise it with --max-inflated-bytes\)$/m);
  t.is(JSON.parse(r.stdout).schema, 'azlog/report@1', 'a partial report is still written');
  t.is(r.stderr.match(/inflates past/g)?.length, 1, 'said once');
});

test('gzip bomb inside a tgz', async (t) => {
  const r = measured(['analyze', await writeBundle(tmp(), 'b.tgz', await tgzBuffer({ 'var/log/syslog.2.gz': gzipSync(Buffer.alloc(128 * 1024 * 1024)) })), '--max-inflated-bytes', '16m']);
  assertClean(t, r, { codes: [4] });
  t.regex(r.stderr, /syslog\.2\.gz: bundle inflates past/);
  t.is(r.stderr.match(/inflates past/g)?.length, 1, 'said once');
});

test('a tar whose header claims more bytes than follow', async (t) => {
  // forge it: a valid header for 100 bytes, then patch the size field
  const honest = await tarOf([{ header: { name: 'var/log/waagent.log' }, body: Buffer.from('2024-06-11T03:10:01.234567Z INFO Daemon Daemon Run daemon\n'.padEnd(100, ' ')) }], false);
  const forged = Buffer.from(honest);
  forged.write('00000777777\0', 124, 'latin1'); // size field: ~2 MB
  let sum = 0;
  forged.fill(0x20, 148, 156);
  for (let i = 0; i < 512; i++) sum += forged[i]!;
  forged.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
  const r = measured(['analyze', await writeBundle(tmp(), 'lie.tar.gz', gzipSync(forged))]);
  assertClean(t, r, { codes: [3, 4] });
  t.regex(r.stderr, /lie\.tar\.gz: .*(truncated|Unexpected end)/i);
});

test('bit-flipped and truncated archives never crash', async (t) => {
  const good = await tgzBuffer(GOOD);
  const dir = tmp();
  for (const [i, at] of [0.1, 0.3, 0.5, 0.8].entries()) {
    const flipped = Buffer.from(good);
    const pos = Math.floor(flipped.length * at);
    flipped[pos] = flipped[pos]! ^ 0xff;
    flipped[pos + 1] = flipped[pos + 1]! ^ 0x55;
    const r = measured(['analyze', await writeBundle(dir, `flip${i}.tgz`, flipped)]);
    assertClean(t, r, { codes: [0, 3, 4] });
  }
  const zip = await zipBuffer(GOOD);
  const r = measured(['analyze', await writeBundle(dir, 'cut.zip', zip.subarray(0, zip.length - 30))]);
  assertClean(t, r, { codes: [3] });
  t.regex(r.stderr, /^azlog: .*cut\.zip: not a readable zip \(/m);
});

test('a zip with a wrong central directory', async (t) => {
  const zip = Buffer.from(await zipBuffer(GOOD));
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  zip.writeUInt32LE(zip.readUInt32LE(eocd + 16) + 7, eocd + 16); // central directory offset off by 7
  const r = measured(['analyze', await writeBundle(tmp(), 'cd.zip', zip)]);
  assertClean(t, r, { codes: [3, 4] });
  t.regex(r.stderr, /cd\.zip: /);
});

test('../ and absolute entry names are read as plain paths and reported', async (t) => {
  const bundle = await tarOf([
    { header: { name: '../../../etc/waagent.conf' }, body: Buffer.from('Extensions.Enabled=n\n') },
    { header: { name: '/var/log/waagent.log' }, body: Buffer.from(String(GOOD['var/log/waagent.log'])) },
  ]);
  const r = measured(['analyze', await writeBundle(tmp(), 'evil.tgz', bundle), '-f', 'json']);
  assertClean(t, r, { codes: [4] });
  t.regex(r.stderr, /etc\/waagent\.conf: unsafe path "\.\.\/\.\.\/\.\.\/etc\/waagent\.conf" read as etc\/waagent\.conf/);
  const report = JSON.parse(r.stdout);
  t.true(report.coverage.present.includes('waagent-conf'));
  t.is(report.verdict.cause, 'extensions-disabled');
});

test('symlinks, hard links and devices are skipped with a note', async (t) => {
  const bundle = await tarOf([
    { header: { name: 'var/log/waagent.log', type: 'symlink', linkname: '/etc/shadow' } },
    { header: { name: 'var/log/hard', type: 'link', linkname: 'var/log/waagent.log' } },
    { header: { name: 'dev/sda', type: 'block-device', devmajor: 8, devminor: 0 } },
    { header: { name: 'dev/null', type: 'character-device', devmajor: 1, devminor: 3 } },
    { header: { name: 'run/fifo', type: 'fifo' } },
  ]);
  const r = measured(['analyze', await writeBundle(tmp(), 'links.tgz', bundle)]);
  assertClean(t, r, { codes: [4] });
  for (const kind of ['symlink', 'link', 'block-device', 'character-device', 'fifo']) t.regex(r.stderr, new RegExp(`: ${kind} entry skipped \\(only regular files are read\\)`));
});

test('archives nested ten deep stop at the depth limit', async (t) => {
  let inner: Buffer = await tgzBuffer({ 'var/log/waagent.log': 'x\n' });
  let name = 'l.tgz';
  for (let i = 0; i < 10; i++) {
    inner = i % 2 ? await tgzBuffer({ [name]: inner }) : await zipBuffer({ [name]: inner });
    name = i % 2 ? `l${i}.tgz` : `l${i}.zip`;
  }
  const r = measured(['analyze', await writeBundle(tmp(), 'deep.zip', inner)]);
  assertClean(t, r, { codes: [4] });
  t.regex(r.stderr, /archive nested deeper than 4 levels, skipped \(limit maxDepth; raise it with --max-depth\)/);
});

test('10^5 empty entries stop at the entry limit in bounded time', async (t) => {
  const entries = Array.from({ length: 100_000 }, (_, i) => ({ header: { name: `var/tmp/e${i}` } }));
  const r = measured(['analyze', await writeBundle(tmp(), 'flood.tgz', await tarOf(entries))]);
  assertClean(t, r, { codes: [4], maxMs: 30_000 });
  t.regex(r.stderr, /var\/tmp\/e50000: more than 50000 entries \(limit maxEntries; raise it with --max-entries\)/);
});
