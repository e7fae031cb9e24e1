/** Names and defaults of the queue, light enough for the command line to load at start-up. */
import { UsageError } from '../errors.js';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
export const DEFAULT_QUEUE = 'azlog';
/** Key prefix of the BullMQ keys; the ticket hash sits beside them. */
export const PREFIX = 'azlog';

export function checkQueueName(name: string): string {
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(name)) throw new UsageError(`--queue: use letters, digits, '.', '_' or '-' (at most 100), not ${JSON.stringify(name)}`);
  return name;
}

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}
