/**
 * A bundle named by an http(s):// URL, fetched by the worker into a private temporary folder
 * (zips need random access). The download counts against --max-inflated-bytes, the limit on what
 * one bundle may make a worker read; a failure is one line naming the URL.
 */
import { createWriteStream, promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { optionName } from '../ingest/limits.js';

/** No byte for this long and the download is given up (a stalled server never hangs a worker). */
const IDLE_MS = 60_000;

export interface Download { path: string; dir: string }

export async function download(url: string, maxBytes: number): Promise<Download> {
  const limit = `${maxBytes} bytes (limit maxInflatedBytes; raise it with ${optionName('maxInflatedBytes')} on the worker)`;
  const abort = new AbortController();
  let idle = setTimeout(() => abort.abort(), IDLE_MS);
  const dir = await fsp.mkdtemp(join(tmpdir(), 'azlog-download-'));
  // keep the URL's file name: a loose log file is named by it in the report
  const name = basename(decodeURIComponent(new URL(url).pathname)).replace(/[^\w.-]/g, '_') || 'bundle';
  const path = join(dir, name);
  try {
    let res: Response;
    try { res = await fetch(url, { signal: abort.signal, redirect: 'follow' }); } catch (e) {
      throw new Error(`${url}: download failed (${abort.signal.aborted ? 'no answer' : describeFetchError(e)})`);
    }
    if (!res.ok || !res.body) throw new Error(`${url}: download failed (HTTP ${res.status} ${res.statusText})`.trim());
    const declared = Number(res.headers.get('content-length'));
    if (declared > maxBytes) { abort.abort(); throw new Error(`${url}: the download is larger than ${limit}`); }
    let got = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        clearTimeout(idle);
        idle = setTimeout(() => abort.abort(), IDLE_MS);
        got += chunk.length;
        if (got > maxBytes) done(new Error(`${url}: the download is larger than ${limit}`));
        else done(null, chunk);
      },
    });
    try {
      await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>), meter, createWriteStream(path));
    } catch (e) {
      const msg = (e as Error).message;
      throw new Error(msg.startsWith(url) ? msg : `${url}: download failed (${abort.signal.aborted ? 'stalled' : describeFetchError(e)})`);
    }
    return { path, dir };
  } catch (e) {
    await fsp.rm(dir, { recursive: true, force: true });
    throw e;
  } finally {
    clearTimeout(idle);
  }
}

function describeFetchError(e: unknown): string {
  const cause = (e as { cause?: NodeJS.ErrnoException }).cause;
  return cause?.code ?? cause?.message ?? (e as Error).message;
}
