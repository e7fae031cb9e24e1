/**
 * One short session with the queue for submit, status and export: connect (checked), open the
 * BullMQ queue on that client, run, close. A connection lost half-way is one `azlog:` line too.
 */
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { RedisUnavailableError } from '../errors.js';
import { connect, describeRedisError, withTimeout, type RedisTarget } from './connection.js';
import { openQueue, type UnitData, type UnitResult } from './model.js';

export type UnitQueue = Queue<UnitData, UnitResult>;

export async function withQueue<T>(target: RedisTarget, name: string, fn: (queue: UnitQueue, client: Redis) => Promise<T>): Promise<T> {
  const client = await connect(target);
  const queue = openQueue(name, client);
  queue.on('error', () => undefined); // the failing command says what went wrong, below
  try {
    return await fn(queue, client);
  } catch (e) {
    if (client.status !== 'ready') throw new RedisUnavailableError(`lost the connection to Redis at ${target.shown}: ${describeRedisError(e)}`);
    throw e;
  } finally {
    await withTimeout(queue.close().catch(() => undefined), 5000);
    client.disconnect();
  }
}
