/**
 * `azlog queue submit`: tickets in, analysis units out. A bundle the submitter can read is named by
 * its sha256, so identical uploads become one job; a URL is named by itself until a worker has
 * downloaded it. A unit that failed before is queued again when submitted again.
 */
import { resolve } from 'node:path';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { unknownCodeError, type BatchInput } from '../batch/batch.js';
import { sha256File } from '../ingest/streams.js';
import { resolveSymptom } from '../model/symptoms.js';
import { seqKey, ticketField, ticketsKey, unitId, type TicketEntry, type UnitData, type UnitResult } from './model.js';
import { isUrl } from './names.js';

export interface SubmitOptions {
  /** Runs of a failing bundle before it is recorded as an error row. */
  attempts: number;
  /** First retry delay; each further retry waits twice as long. */
  backoffMs: number;
  onWarning?: (text: string) => void;
}

export interface SubmitSummary {
  tickets: number;
  /** Units new to the queue. */
  queued: number;
  /** Tickets whose bundle was already queued or analysed (or came twice in this submission). */
  known: number;
  /** Tickets submitted before with the same bundle and error code: no second row. */
  resubmitted: number;
  /** Units that had failed and were queued again. */
  retried: number;
  /** Tickets with an unknown error code: an error row each, nothing queued. */
  rejected: number;
}

const CHUNK = 200;

async function unitOf(input: BatchInput, errorCode: string | undefined, warn: (t: string) => void): Promise<UnitData> {
  if (isUrl(input.path)) return { source: input.path, errorCode };
  const source = resolve(input.path); // workers elsewhere need the absolute path on the shared storage
  try {
    return { source, sha256: await sha256File(source), errorCode };
  } catch (e) {
    warn(`${source}: cannot read it here (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); queued anyway, for workers that see other storage`);
    return { source, errorCode };
  }
}

export async function submit(queue: Queue<UnitData, UnitResult>, client: Redis, inputs: BatchInput[], o: SubmitOptions): Promise<SubmitSummary> {
  const warn = o.onWarning ?? (() => undefined);
  const summary: SubmitSummary = { tickets: inputs.length, queued: 0, known: 0, resubmitted: 0, retried: 0, rejected: 0 };
  const tickets: Omit<TicketEntry, 'seq' | 'submittedAt'>[] = [];
  const units = new Map<string, UnitData>();
  for (const input of inputs) {
    // as in batch, a ticket with an unknown error code fails on its own: an error row, no job
    const error = unknownCodeError(input);
    if (error) {
      tickets.push({ ticket: input.ticket, source: isUrl(input.path) ? input.path : resolve(input.path), errorCode: input.errorCode, unit: '', error });
      summary.rejected++;
      continue;
    }
    // a code in its canonical spelling, so its aliases share a job
    const code = input.errorCode ? resolveSymptom(input.errorCode)!.code : undefined;
    const data = await unitOf(input, code, warn);
    const unit = unitId(data);
    if (!units.has(unit)) units.set(unit, data);
    tickets.push({ ticket: input.ticket, source: data.source, errorCode: code, unit });
  }

  // jobs first: a ticket is only written once the unit it names exists
  const fresh = new Set<string>();
  const entries = [...units];
  for (let i = 0; i < entries.length; i += CHUNK) {
    // many commands in flight at once: a far-away Redis costs one round trip per chunk, not per bundle
    await Promise.all(entries.slice(i, i + CHUNK).map(async ([id, data]) => {
      const job = await queue.getJob(id);
      if (!job) {
        await queue.add('bundle', data, { jobId: id, attempts: o.attempts, backoff: { type: 'exponential', delay: o.backoffMs }, removeOnComplete: false, removeOnFail: false });
        fresh.add(id);
        summary.queued++;
      } else if ((await job.getState()) === 'failed') {
        await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
        summary.retried++;
      }
    }));
  }

  const now = Date.now();
  const first = (await client.incrby(seqKey(queue.name), tickets.length)) - tickets.length;
  const batch = client.pipeline();
  tickets.forEach((t, i) => batch.hsetnx(ticketsKey(queue.name), ticketField(t), JSON.stringify({ ...t, seq: first + i, submittedAt: now } satisfies TicketEntry)));
  const results = (await batch.exec()) ?? [];
  results.forEach(([err, added], i) => {
    if (err) throw err;
    if (added === 0) { summary.resubmitted++; return; }
    if (tickets[i]!.error || fresh.delete(tickets[i]!.unit)) return; // the first ticket of a new unit is what queued it
    summary.known++;
  });
  return summary;
}
