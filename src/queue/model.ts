/**
 * The queue's shape in Redis. A BullMQ job is one analysis unit: one distinct bundle (by sha256,
 * or by URL until a worker has downloaded it) with one error code, so identical uploads are
 * analysed once. Tickets are kept beside the jobs in a hash, each naming its unit; an export
 * joins the two, so every submitted ticket gives exactly one row however often its unit ran.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Queue, type ConnectionOptions } from 'bullmq';
import type { Report } from '../model/types.js';
import { isUrl, PREFIX } from './names.js';

/** What a worker needs to run one unit. */
export interface UnitData {
  /** An absolute path every worker can read, or an http(s):// URL. */
  source: string;
  /** Known when the submitter could read the file. */
  sha256?: string;
  errorCode?: string;
}

/** A finished unit, as BullMQ keeps it (the job's return value): the report, compressed. */
export interface UnitResult { sha256: string; ms: number; report: string }

export interface TicketEntry {
  seq: number;
  ticket: string;
  source: string;
  errorCode?: string;
  /** The job that analyses its bundle; empty when the ticket failed at submission. */
  unit: string;
  /** Why it failed at submission (an unknown error code): its row, without a job. */
  error?: string;
  submittedAt: number;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** The BullMQ job id of a unit: b.<sha256> for content, u.<hash of the URL> before download, p.<hash of the path> for a file the submitter could not read. */
export function unitId(data: UnitData): string {
  const key = data.sha256 ? `b.${data.sha256}` : isUrl(data.source) ? `u.${sha(data.source)}` : `p.${sha(data.source)}`;
  return data.errorCode ? `${key}.${data.errorCode}` : key; // a known symptom code: letters only
}

export function contentUnitId(sha256: string, errorCode: string | undefined): string {
  return unitId({ source: '', sha256, errorCode });
}

export function ticketsKey(queue: string): string { return `${PREFIX}-tickets:${queue}`; }
export function seqKey(queue: string): string { return `${PREFIX}-tickets:${queue}:seq`; }
/** The field naming a ticket: submitting the same ticket and bundle again adds no second row. */
export function ticketField(t: { ticket: string; source: string; errorCode?: string }): string {
  return JSON.stringify([t.ticket, t.source, t.errorCode ?? '']);
}

// a report is ~12 KB of JSON and ~3 KB gzipped: compressed it costs Redis a quarter of the memory
export function packReport(report: Report): string { return gzipSync(JSON.stringify(report)).toString('base64'); }
export function unpackReport(packed: string): Report { return JSON.parse(gunzipSync(Buffer.from(packed, 'base64')).toString('utf8')) as Report; }

export function openQueue(name: string, connection: ConnectionOptions): Queue<UnitData, UnitResult> {
  // nobody listens to BullMQ's event stream, which copies every result: keep it short
  return new Queue<UnitData, UnitResult>(name, { connection, prefix: PREFIX, streams: { events: { maxLen: 1000 } } });
}
