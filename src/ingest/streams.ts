/** Small stream helpers shared by the readers, the parsers and batch. */
import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Reads a stream whole when it holds at most `max` bytes; past that it keeps draining (so an
 * archive reading it can go on) but keeps nothing, and gives null.
 */
export async function readCapped(stream: Readable, max: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const chunk of stream) {
    n += (chunk as Buffer).length;
    if (n <= max) chunks.push(chunk as Buffer);
  }
  return n > max ? null : Buffer.concat(chunks);
}

/** Reads what is left of a stream and throws it away. */
export function drain(stream: Readable): Promise<void> {
  return new Promise((resolve) => {
    if (stream.readableEnded || stream.destroyed) { resolve(); return; }
    stream.on('end', resolve).on('close', resolve).on('error', () => resolve());
    stream.resume();
  });
}

/** sha256 of a file, hex. */
export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(path).on('data', (c) => h.update(c)).on('end', () => resolve(h.digest('hex'))).on('error', reject);
  });
}
