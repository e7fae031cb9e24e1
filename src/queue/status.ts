/** `azlog queue status`: how much is waiting, running, done and failed, how fast, and since when. */
import type { Redis } from 'ioredis';
import { ticketsKey } from './model.js';
import type { UnitQueue } from './session.js';

export interface QueueStatus {
  queue: string;
  redis: string;
  /** Bundles not started yet (retries waiting out their backoff included). */
  waiting: number;
  /** Of the waiting, those waiting to be retried after a failure. */
  retrying: number;
  active: number;
  done: number;
  failed: number;
  tickets: number;
  /** Worker connections Redis sees (null where CLIENT LIST is not allowed). */
  workers: number | null;
  /** Bundles finished (done or failed) in the last five minutes, per second. */
  rate: number;
  oldestWaiting: string | null;
}

const WINDOW_MS = 5 * 60_000;

export async function queueStatus(queue: UnitQueue, client: Redis, shown: string): Promise<QueueStatus> {
  const c = await queue.getJobCounts('wait', 'prioritized', 'delayed', 'active', 'completed', 'failed');
  const since = Date.now() - WINDOW_MS;
  const [recentDone, recentFailed, tickets, oldestId] = await Promise.all([
    client.zcount(queue.keys.completed!, since, '+inf'), client.zcount(queue.keys.failed!, since, '+inf'),
    client.hlen(ticketsKey(queue.name)), client.lindex(queue.keys.wait!, -1), // new jobs are pushed on the left
  ]);
  const oldest = oldestId ? await queue.getJob(oldestId) : undefined;
  const workers = await queue.getWorkersCount().catch(() => null);
  return {
    queue: queue.name, redis: shown,
    waiting: (c.wait ?? 0) + (c.prioritized ?? 0) + (c.delayed ?? 0), retrying: c.delayed ?? 0,
    active: c.active ?? 0, done: c.completed ?? 0, failed: c.failed ?? 0, tickets, workers,
    rate: Math.round(((recentDone + recentFailed) / (WINDOW_MS / 1000)) * 100) / 100,
    oldestWaiting: oldest ? new Date(oldest.timestamp).toISOString() : null,
  };
}

export function renderStatus(s: QueueStatus): string {
  const now = Date.now();
  const ago = s.oldestWaiting ? Math.round((now - Date.parse(s.oldestWaiting)) / 60_000) : 0;
  return [
    `queue ${s.queue} at ${s.redis}`,
    `  waiting  ${s.waiting}${s.retrying ? ` (${s.retrying} to be retried after a failure)` : ''}`,
    `  active   ${s.active}`,
    `  done     ${s.done}`,
    `  failed   ${s.failed}`,
    `  tickets  ${s.tickets}`,
    `  workers  ${s.workers ?? 'unknown (CLIENT LIST not allowed)'}`,
    `  rate     ${s.rate} bundles/s over the last 5 min`,
    `  oldest waiting  ${s.oldestWaiting ? `${s.oldestWaiting} (${ago} min ago)` : '-'}`,
  ].join('\n') + '\n';
}
