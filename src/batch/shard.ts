/**
 * `batch --shard I/N`: a deterministic partition of the inputs, so N copies started by any
 * orchestrator (a Kubernetes indexed job, a Slurm array) each take one part. A bundle is placed by
 * its sha256, so identical uploads land in the same shard and are still analysed once; an input
 * that cannot be read (no hash) is placed by its path.
 */
import { createHash } from 'node:crypto';
import { UsageError } from '../errors.js';

export interface Shard { index: number; count: number }

/** "I/N" with 0 ≤ I < N (0-based, like $JOB_COMPLETION_INDEX). */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN, count = m ? Number(m[2]) : NaN;
  if (!(count >= 1 && index >= 0 && index < count)) throw new UsageError(`--shard: expected I/N with 0 <= I < N (e.g. 0/3), got ${text}`);
  return { index, count };
}

/** The shard a key belongs to: a sha256 is already uniform; anything else is hashed first. */
export function shardOf(key: string, count: number): number {
  const hex = /^[0-9a-f]{64}$/.test(key) ? key : createHash('sha256').update(key).digest('hex');
  return parseInt(hex.slice(0, 12), 16) % count;
}

export function inShard(key: string, shard: Shard | undefined): boolean {
  return !shard || shardOf(key, shard.count) === shard.index;
}
