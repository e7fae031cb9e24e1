/**
 * Streaming bundle readers. Every file of a bundle reaches the visitor as a stream, in archive
 * order, one at a time; nothing is extracted to disk and no file is held whole in memory (a zip
 * nested inside another archive is the one exception: zips need random access, so a nested zip is
 * read from memory under the maxNestedZipBytes limit).
 */
import { createReadStream, promises as fsp } from 'node:fs';
import { createHash, type Hash } from 'node:crypto';
import { PassThrough, Readable, Transform, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import * as tar from 'tar-stream';
import type yauzl from 'yauzl';
import type { Message } from '../model/types.js';
import { problem, problemText } from '../messages/problems.js';
import { BundleError } from '../errors.js';
import { DeadBufferSweeper, drain, readCapped, sha256File } from './streams.js';
import { LimitError, type Limits } from './limits.js';
import { archiveTypeByMagic, archiveTypeByName, joinNested, logicalPath, looksLikeTar, normalizeEntryPath } from './paths.js';
import { describe, fsError, fsProblem } from './fs-errors.js';

export interface BundleEntry {
  /** Path inside the bundle, nested archives joined with `!`. */
  path: string;
  /** Path as it was on the VM (top folder stripped, collector names unflattened, no `!`). */
  logical: string;
  depth: number;
  mtime: Date | null;
  stream: Readable;
  /** Bytes of this entry read so far (decompressed). */
  bytesRead(): number;
}

export type ContainerKind = 'tgz' | 'tar' | 'zip' | 'gz' | 'directory' | 'file';

export interface ReadSummary {
  container: ContainerKind;
  sha256: string;
  /** Size of the bundle as uploaded (compressed). */
  bytes: number;
  entries: number;
  inflatedBytes: number;
  /** One per entry skipped or archive cut short; reading went on where it could. */
  problems: Message[];
}

export type Visitor = (entry: BundleEntry) => Promise<void>;
export type ProgressFn = (read: number, total: number, entry: string) => void;

export { BundleError } from '../errors.js';

class Reader {
  entries = 0;
  inflated = 0;
  problems: Message[] = [];
  current = '';
  private readonly sweeper = new DeadBufferSweeper(SWEEP_BYTES);
  constructor(readonly limits: Limits, readonly visit: Visitor) {}

  /** Counts inflated bytes of a leaf and stops the bundle when the total passes the limit. */
  private counted(path: string, onBytes: (n: number) => void): Transform {
    const self = this;
    return new Transform({
      transform(chunk: Buffer, _enc, cb: TransformCallback) {
        self.inflated += chunk.length;
        onBytes(chunk.length);
        self.sweeper.passed(chunk.length);
        if (self.inflated > self.limits.maxInflatedBytes) {
          cb(new LimitError('maxInflatedBytes', path, self.limits.maxInflatedBytes));
          return;
        }
        cb(null, chunk);
      },
    });
  }

  /** The entry an archive broke off after, as a problem names it. */
  lastEntry(): string {
    return this.current || '(none)';
  }

  private countEntry(path: string): void {
    this.entries++;
    this.current = path;
    if (this.entries > this.limits.maxEntries) {
      throw new LimitError('maxEntries', path, this.limits.maxEntries);
    }
  }

  /** One file of the bundle: an archive to descend into, or a leaf for the visitor. */
  async handle(path: string, name: string, depth: number, mtime: Date | null, source: Readable): Promise<void> {
    this.countEntry(path);
    const byName = archiveTypeByName(name);
    if (byName) {
      if (depth + 1 > this.limits.maxDepth) {
        source.resume();
        this.problems.push(new LimitError('maxDepth', path, this.limits.maxDepth).problem);
        return;
      }
      await this.archive(path, byName, depth + 1, source, mtime);
      return;
    }
    await this.leaf(path, depth, mtime, source);
  }

  async leaf(path: string, depth: number, mtime: Date | null, source: Readable): Promise<void> {
    let bytes = 0;
    const counted = this.counted(path, (n) => { bytes += n; });
    const stream = source.pipe(counted);
    source.on('error', (e) => counted.destroy(e));
    const logical = logicalPath(path.slice(path.lastIndexOf('!') + 1));
    await this.visit({ path, logical, depth, mtime, stream, bytesRead: () => bytes });
  }

  async archive(path: string, type: 'tgz' | 'tar' | 'zip' | 'gz', depth: number, source: Readable, mtime: Date | null): Promise<void> {
    try {
      if (type === 'zip') {
        const buf = await readCapped(source, this.limits.maxNestedZipBytes);
        if (!buf) throw new LimitError('maxNestedZipBytes', path, this.limits.maxNestedZipBytes);
        const zip = await loadYauzl();
        await this.zipFrom(path, depth, (cb) => zip.fromBuffer(buf, ZIP_OPTIONS, cb));
      } else if (type === 'tar') {
        await this.tar(path, depth, source);
      } else {
        await this.gzip(path, depth, source, mtime);
      }
    } catch (e) {
      if (e instanceof LimitError && e.limit !== 'maxDepth') throw e;
      this.problems.push(problem('archive-skipped', path, damage(e)));
    }
  }

  /** A gzip stream is either a tar (tgz) or one compressed file (rotated log). */
  async gzip(path: string, depth: number, source: Readable, mtime: Date | null): Promise<void> {
    const gunzip = createGunzip(GUNZIP_OPTIONS);
    source.on('error', (e) => gunzip.destroy(e));
    const { head, stream } = await peek(source.pipe(gunzip), 512);
    if (looksLikeTar(head, path)) {
      await this.tar(path, depth, stream);
    } else {
      await this.leaf(path, depth, mtime, stream);
    }
  }

  tar(path: string, depth: number, source: Readable): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const extract = tar.extract();
      let failed = false;
      const fail = (e: unknown) => {
        if (failed) return;
        failed = true;
        extract.destroy();
        reject(e);
      };
      extract.on('entry', (header, stream, next) => {
        const name = normalizeEntryPath(header.name);
        const full = path ? joinNested(path, name) : name;
        if (header.type !== 'file' && header.type !== 'contiguous-file') {
          if (header.type !== 'directory') {
            this.problems.push(problem('entry-type', full, { type: header.type }));
          }
          stream.resume();
          next();
          return;
        }
        if (name !== header.name.replace(/^\.\//, '') && /(^|\/)\.\.(\/|$)|^\//.test(header.name)) {
          this.problems.push(problem('unsafe-path', full, { raw: JSON.stringify(header.name), name }));
        }
        const base = name.slice(name.lastIndexOf('/') + 1);
        this.handle(full, base, depth, header.mtime ?? null, stream as unknown as Readable).then(() => {
          stream.resume(); // a visitor that stopped early must not stall the archive
          next();
        }, fail);
      });
      extract.on('finish', () => { if (!failed) resolve(); });
      const broke = (e: unknown) => fail(e instanceof LimitError ? e : new ArchiveDamage(truncation(e, this.lastEntry())));
      extract.on('error', broke);
      source.on('error', broke);
      source.pipe(extract);
    });
  }

  zipFrom(path: string, depth: number, open: (cb: (err: Error | null, zip: yauzl.ZipFile) => void) => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      open((err, zip) => {
        if (err || !zip) { reject(new ArchiveDamage({ damage: 'problem.damage.not-zip', detail: err?.message ?? 'unknown error' })); return; }
        let done = false;
        const fail = (e: unknown) => { if (done) return; done = true; zip.close(); reject(e); };
        zip.on('error', (e) => fail(new ArchiveDamage({ damage: 'problem.damage.zip-broken', after: this.lastEntry(), detail: e.message })));
        zip.on('end', () => { if (!done) { done = true; resolve(); } });
        zip.on('entry', (entry: yauzl.Entry) => {
          const rawName = decodeZipName(entry);
          const name = normalizeEntryPath(rawName);
          if (rawName.endsWith('/') || name === '') { zip.readEntry(); return; }
          const full = path ? joinNested(path, name) : name;
          if (/(^|\/)\.\.(\/|$)|^[/\\]/.test(rawName)) this.problems.push(problem('unsafe-path', full, { raw: JSON.stringify(rawName), name }));
          zip.openReadStream(entry, (e2, rs) => {
            if (e2 || !rs) {
              this.problems.push(problem('entry-unreadable', full, { detail: e2?.message ?? 'unknown' }));
              zip.readEntry();
              return;
            }
            const base = name.slice(name.lastIndexOf('/') + 1);
            this.handle(full, base, depth, entry.getLastModDate(), rs).then(() => { rs.resume(); zip.readEntry(); }, fail);
          });
        });
        zip.readEntry();
      });
    });
  }
}

/**
 * Inflate chunks larger than Node's 16 KiB halve the per-chunk overhead. Reads of 128 KiB are as
 * fast as 1 MiB ones and hold ~9 MB less in flight. The sweeper frees the dead chunks every
 * SWEEP_BYTES inflated when nothing else does: that, not buffer sizes, was most of the 92 MB peak
 * of reading the 150 MB bundle (now ~62 MB; Node with the readers loaded is ~50 MB).
 */
const READ_OPTIONS = { highWaterMark: 128 * 1024 };
const GUNZIP_OPTIONS = { chunkSize: 256 * 1024 };
const SWEEP_BYTES = 4 * 1024 * 1024;

/** The zip reader, loaded only when a bundle holds a zip. */
async function loadYauzl(): Promise<typeof yauzl> {
  return (await import('yauzl')).default;
}

const ZIP_OPTIONS: yauzl.Options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: true };

function decodeZipName(entry: yauzl.Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  // bit 11 = UTF-8 names; otherwise CP437, of which latin1 is a fair reading for ASCII-ish names
  return (entry.generalPurposeBitFlag & 0x800) ? raw.toString('utf8') : raw.toString('latin1');
}

/** How an archive broke off, as a message's parameters (`damage` names the catalogue text). */
type Damage = { damage: string } & Record<string, string>;

/** An archive that broke off: its message is the English text, `damage` what the catalogue renders. */
class ArchiveDamage extends Error {
  constructor(readonly damage: Damage) {
    super(problemText({ id: damage.damage, params: damage }));
  }
}

function truncation(e: unknown, after: string): Damage {
  const detail = describe(e);
  if (/unexpected end|end of data|premature/i.test(detail)) return { damage: 'problem.damage.truncated', after };
  if (/incorrect header check|invalid|unknown compression/i.test(detail)) return { damage: 'problem.damage.corrupt', after, detail };
  return { damage: 'problem.damage.after', after, detail };
}

/** What an error says of the archive it broke, as parameters of a problem. */
function damage(e: unknown): Damage {
  return e instanceof ArchiveDamage ? e.damage : { damage: 'problem.damage.other', detail: describe(e) };
}

export { describe };

/** Reads the first `n` bytes of a stream and gives back a stream that still starts with them. */
export function peek(source: Readable, n: number): Promise<{ head: Buffer; stream: Readable }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let got = 0;
    const out = new PassThrough();
    const finish = () => {
      source.off('data', onData); source.off('end', finish); source.off('error', onError);
      source.pause();
      const head = Buffer.concat(chunks);
      out.write(head);
      source.pipe(out);
      source.on('error', (e) => out.destroy(e));
      resolve({ head: head.subarray(0, n), stream: out });
    };
    const onData = (c: Buffer) => { chunks.push(c); got += c.length; if (got >= n) finish(); };
    const onError = (e: Error) => {
      if (got > 0) { finish(); out.destroy(e); } else reject(e);
    };
    source.on('data', onData);
    source.once('end', finish);
    source.once('error', onError);
  });
}

/** Taps a stream: every chunk also updates the hash and the progress count. */
function tap(source: Readable, hash: Hash, onBytes: (n: number) => void): Readable {
  const t = new Transform({
    transform(chunk: Buffer, _e, cb) { hash.update(chunk); onBytes(chunk.length); cb(null, chunk); },
  });
  source.on('error', (e) => t.destroy(e));
  return source.pipe(t);
}

/**
 * Reads a bundle (archive, directory or single file) and hands every file to `visit`.
 * Throws BundleError when the bundle cannot be read at all; damage found later becomes a problem
 * line in the summary and reading stops there.
 */
export async function readBundle(input: string, limits: Limits, visit: Visitor, progress?: ProgressFn): Promise<ReadSummary> {
  let st;
  try { st = await fsp.stat(input); } catch (e) {
    throw new BundleError(fsError(input, e));
  }
  const reader = new Reader(limits, visit);
  const hash = createHash('sha256');
  let read = 0;
  const onBytes = (n: number) => { read += n; progress?.(read, st.size, reader.current); };

  if (st.isDirectory()) {
    const fg = (await import('fast-glob')).default; // only directories need it
    const files = (await fg('**/*', { cwd: input, dot: true, onlyFiles: true, followSymbolicLinks: false })).sort();
    for (const rel of files) {
      const fileHash = createHash('sha256');
      const stream = tap(createReadStream(`${input}/${rel}`), fileHash, () => undefined);
      try {
        await reader.handle(rel, rel.slice(rel.lastIndexOf('/') + 1), 0, null, stream);
      } catch (e) {
        if (e instanceof LimitError) { reader.problems.push(e.problem); break; }
        reader.problems.push(fsProblem(rel, e));
      }
      hash.update(`${rel}\0${fileHash.digest('hex')}\n`);
    }
    return summary('directory', hash.digest('hex'), st.size, reader);
  }
  if (!st.isFile()) throw new BundleError(`${input}: not a file or directory`);
  if (st.size === 0) throw new BundleError(`${input}: empty file; ask for the upload again`);

  const head = await readHead(input, 512).catch((e) => { throw new BundleError(fsError(input, e)); });
  const magic = archiveTypeByMagic(head);
  const name = input.slice(input.lastIndexOf('/') + 1);
  let container: ContainerKind;
  try {
    if (magic === 'zip' || (!magic && archiveTypeByName(name) === 'zip')) {
      container = 'zip';
      const sha = sha256File(input); // yauzl reads a zip out of order: the hash is a pass of its own
      const zip = await loadYauzl();
      await reader.zipFrom('', 0, (cb) => zip.open(input, ZIP_OPTIONS, cb)).catch((e) => {
        if (reader.entries === 0) throw new BundleError(`${input}: ${describe(e)}; ask for the upload again (a complete, unmodified archive)`);
        throw e;
      });
      progress?.(st.size, st.size, reader.current);
      return summary(container, await sha, st.size, reader);
    }
    const source = tap(createReadStream(input, READ_OPTIONS), hash, onBytes);
    if (magic === 'gzip') {
      container = 'tgz';
      const gunzip = createGunzip(GUNZIP_OPTIONS);
      source.on('error', (e) => gunzip.destroy(e));
      const peeked = await peek(source.pipe(gunzip), 512).catch((e) => {
        throw new BundleError(`${input}: not a readable gzip file (${describe(e)}); ask for the upload again`);
      });
      if (looksLikeTar(peeked.head, name)) {
        await reader.tar('', 0, peeked.stream);
      } else {
        container = 'gz';
        await reader.handle(name.replace(/\.gz$/i, ''), name.replace(/\.gz$/i, ''), 0, st.mtime, peeked.stream);
      }
    } else if (magic === 'tar') {
      container = 'tar';
      await reader.tar('', 0, source);
    } else {
      container = 'file';
      if (head.includes(0) && !/\.(log|txt|xml|json|status|settings|conf)(\.\d+)?$/i.test(name)) {
        source.destroy();
        throw new BundleError(`${input}: not a bundle (binary data, neither tar, gzip nor zip); pass a .tgz, .zip, directory or log file`);
      }
      await reader.handle(name, name, 0, st.mtime, source);
    }
    await drain(source); // so the hash covers the whole file
  } catch (e) {
    if (e instanceof BundleError) throw e;
    if (reader.entries === 0 && !(e instanceof LimitError)) throw new BundleError(`${input}: ${describe(e)}; ask for the upload again`);
    reader.problems.push(e instanceof LimitError ? e.problem : problem('cut-short', input, damage(e)));
    // the hash names the file, read whole, even when the archive inside it breaks off
    return summary(container!, await sha256File(input).catch(() => hash.digest('hex')), st.size, reader);
  }
  return summary(container, hash.digest('hex'), st.size, reader);
}

function summary(container: ContainerKind, sha256: string, bytes: number, r: Reader): ReadSummary {
  return { container, sha256, bytes, entries: r.entries, inflatedBytes: r.inflated, problems: r.problems };
}

async function readHead(path: string, n: number): Promise<Buffer> {
  const fh = await fsp.open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally { await fh.close(); }
}

