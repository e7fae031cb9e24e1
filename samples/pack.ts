/** Packs a tree of files into every bundle shape azlog reads (used by samples/make.ts and tests). */
import { createWriteStream, promises as fsp } from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip, gzipSync } from 'node:zlib';
import * as tar from 'tar-stream';
import yazl from 'yazl';

export type Tree = Record<string, string | Buffer>;

export async function tgzBuffer(files: Tree, opts: { gzip?: boolean; mtime?: Date } = {}): Promise<Buffer> {
  const pack = tar.pack();
  for (const [name, content] of Object.entries(files)) {
    pack.entry({ name, mtime: opts.mtime ?? new Date(Date.UTC(2024, 5, 11, 6, 0, 0)), mode: 0o644 }, Buffer.isBuffer(content) ? content : Buffer.from(content));
  }
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const c of pack as unknown as AsyncIterable<Buffer>) chunks.push(c);
  const tarBuf = Buffer.concat(chunks);
  return opts.gzip === false ? tarBuf : gzipSync(tarBuf);
}

export function zipBuffer(files: Tree, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(files)) {
    zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content), name, { mtime: new Date(Date.UTC(2024, 5, 11, 6, 0, 0)), compress: opts.compress ?? true });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
  });
}

export async function writeTree(dir: string, files: Tree): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    await fsp.mkdir(dirname(path), { recursive: true });
    await fsp.writeFile(path, content);
  }
}

export function prefixed(files: Tree, top: string): Tree {
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [`${top}/${k}`, v]));
}

/** The `waagent -collect-logs` layout: paths without the leading slash, results.txt at the root. */
export function collectLogsTree(files: Tree): Tree {
  const listing = Object.keys(files).map((k) => `2024-06-11T05:40:02Z INFO Adding file /${k}, size ${Buffer.byteLength(files[k]!)} b`);
  return {
    ...files,
    'results.txt': ['2024-06-11T05:40:01Z INFO Starting log collection at 2024-06-11T05:40:01Z', '2024-06-11T05:40:01Z INFO Using log collection mode normal',
      '2024-06-11T05:40:01Z INFO ### Preparing list of files to add to archive ###', ...listing, '2024-06-11T05:40:03Z INFO Elapsed time: 1532 ms'].join('\n') + '\n',
  };
}

/** A sosreport tree: /var/lib/waagent is not collected. */
export function sosreportTree(files: Tree): Tree {
  const kept = Object.fromEntries(Object.entries(files).filter(([k]) => !k.startsWith('var/lib/waagent/')));
  return prefixed({ ...kept, 'sos_commands/azure/instance_metadata.json': '{}', 'version.txt': 'sosreport: 4.5\n' }, 'sosreport-vm1-2024-06-11-abcdef');
}

/** Rotated agent logs: the newest part stays plain, older parts are gzipped with date names. */
export function rotated(files: Tree, splitAt: number): Tree {
  const log = String(files['var/log/waagent.log'] ?? '');
  const lines = log.split('\n');
  const older = lines.slice(0, splitAt).join('\n') + '\n';
  const out: Tree = { ...files, 'var/log/waagent.log': lines.slice(splitAt).join('\n') };
  out['var/log/waagent.log-2024-06-11-1718075000.gz'] = gzipSync(Buffer.from(older));
  return out;
}

export async function writeFileFrom(path: string, data: Buffer): Promise<void> {
  await fsp.mkdir(dirname(path), { recursive: true });
  await fsp.writeFile(path, data);
}

export async function gzipFile(src: string, dest: string): Promise<void> {
  const { createReadStream } = await import('node:fs');
  await pipeline(createReadStream(src), createGzip(), createWriteStream(dest));
}
