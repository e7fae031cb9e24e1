/**
 * Where the queue lives: a Redis URL (`--redis`, else AZLOG_REDIS_URL, else the local default),
 * checked before any BullMQ object is made, so a Redis that is down, unreachable, silent or asking
 * for a password gives one clear line within a bounded time instead of a hang or a stack trace.
 */
import { Redis, type RedisOptions } from 'ioredis';
import type { ConnectionOptions } from 'bullmq';
import { RedisUnavailableError, UsageError } from '../errors.js';
import { DEFAULT_REDIS_URL } from './names.js';

/** How long a connection check may take before the Redis is called unreachable. */
const CHECK_MS = 10_000;

export interface RedisTarget {
  url: string;
  /** The URL with its password masked, for messages. */
  shown: string;
}

export function redisTarget(option: string | undefined, env: NodeJS.ProcessEnv = process.env): RedisTarget {
  const url = option || env.AZLOG_REDIS_URL || DEFAULT_REDIS_URL;
  const from = option ? '--redis' : env.AZLOG_REDIS_URL ? 'AZLOG_REDIS_URL' : 'the default Redis URL';
  let parsed: URL;
  try { parsed = new URL(url); } catch { throw new UsageError(`${from}: not a URL: ${url} (expected redis://[user:password@]host:port[/db] or rediss:// for TLS)`); }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new UsageError(`${from}: ${parsed.protocol}// is not a Redis URL (expected redis:// or rediss:// for TLS)`);
  if (!parsed.hostname) throw new UsageError(`${from}: no host in ${url}`);
  if (parsed.pathname.length > 1 && !/^\/\d+$/.test(parsed.pathname)) throw new UsageError(`${from}: the path of a Redis URL is a database number, not ${parsed.pathname}`);
  if (parsed.password) parsed.password = '***';
  return { url, shown: parsed.toString() };
}

/** A connection failure in words a person can act on. */
export function describeRedisError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const text = String(err?.message ?? e);
  if (err?.code === 'ECONNREFUSED' || /ECONNREFUSED/.test(text)) return 'connection refused (is redis-server running on that port?)';
  if (err?.code === 'ENOTFOUND' || /ENOTFOUND|EAI_AGAIN/.test(text)) return 'host not found';
  if (/ETIMEDOUT|timed? ?out/i.test(text)) return 'no answer (timed out)';
  if (/WRONGPASS|invalid username-password/i.test(text)) return 'wrong user name or password';
  if (/NOAUTH/.test(text)) return 'it asks for a password (give it in the URL: redis://:PASSWORD@host:port)';
  if (/EPROTO|SSL|TLS|certificate/i.test(text)) return `TLS failed (${text.split('\n')[0]})`;
  return text.split('\n')[0]!;
}

/**
 * Opens one client and checks it answers, within a bounded time. The client gives up instead of
 * retrying for ever: the commands that use it (submit, status, export) should fail, not wait.
 */
export async function connect(target: RedisTarget): Promise<Redis> {
  const client = new Redis(target.url, {
    lazyConnect: true, connectTimeout: CHECK_MS, disconnectTimeout: 500, maxRetriesPerRequest: 1,
    retryStrategy: (times) => (times > 3 ? null : times * 300),
  });
  let last: unknown = null;
  client.on('error', (e) => { last = e; }); // reported once, below, not by ioredis on the console
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('ETIMEDOUT')), CHECK_MS); });
  try {
    await Promise.race([client.connect().then(() => client.ping()), deadline]);
    return client;
  } catch (e) {
    client.disconnect();
    throw new RedisUnavailableError(`cannot use Redis at ${target.shown}: ${describeRedisError(last ?? e)}`);
  } finally {
    clearTimeout(timer);
  }
}

/** Options from which BullMQ makes its own clients (a worker's blocking connection among them). */
export function bullConnection(target: RedisTarget, extra: RedisOptions = {}): ConnectionOptions {
  return { url: target.url, connectTimeout: CHECK_MS, ...extra } as ConnectionOptions;
}

/** Waits for `p` at most `ms`; then gives up on it (undefined). Closing over a dead link must not hang. */
export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<undefined>((r) => { timer = setTimeout(() => r(undefined), ms); })]).finally(() => clearTimeout(timer));
}
