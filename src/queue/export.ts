/**
 * `azlog queue export`: one row per submitted ticket whose bundle is finished, built by the same
 * row, findings and JSONL functions as `batch`, so both stay identical when columns change.
 * Rows come from the ticket list, not from job completions: a unit that ran twice (a killed
 * worker, a retry) still gives each of its tickets exactly one row.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import type { Report } from '../model/types.js';
import { BUNDLE_COLUMNS, bundleRow, csvText, FINDING_COLUMNS, findingRows, type Row } from '../report/csv.js';
import { reportLine } from '../batch/batch.js';
import { ticketsKey, unpackReport, type TicketEntry } from './model.js';
import type { UnitQueue } from './session.js';

export interface ExportOptions {
  /** Bundle rows go here; without it, to `out`. */
  csv?: string;
  findingsCsv?: string;
  jsonl?: string;
  /** Only rows that became final at or after this time (ms): the later of submission and analysis. */
  since?: number;
  excel?: boolean;
  out?: (text: string) => void;
}

export interface ExportSummary { tickets: number; rows: number; errors: number; pending: number; skipped: number }

interface Outcome { report: Report | null; error: string | null; ms: number; finishedOn: number; sha256?: string }

const CHUNK = 500;

async function outcomes(queue: UnitQueue, ids: string[], failed: Set<string>): Promise<Map<string, Outcome>> {
  const jobs = await Promise.all(ids.map((id) => queue.getJob(id)));
  const out = new Map<string, Outcome>();
  jobs.forEach((job, i) => {
    if (!job) return;
    const finishedOn = job.finishedOn ?? job.timestamp;
    if (failed.has(ids[i]!)) {
      out.set(ids[i]!, { report: null, error: job.failedReason || 'failed', ms: job.processedOn ? finishedOn - job.processedOn : 0, finishedOn, sha256: job.data.sha256 });
    } else if (job.returnvalue) {
      out.set(ids[i]!, { report: unpackReport(job.returnvalue.report), error: null, ms: job.returnvalue.ms, finishedOn, sha256: job.returnvalue.sha256 });
    }
  });
  return out;
}

export async function exportRows(queue: UnitQueue, client: Redis, o: ExportOptions): Promise<ExportSummary> {
  const entries = Object.values(await client.hgetall(ticketsKey(queue.name))).map((v) => JSON.parse(v) as TicketEntry).sort((a, b) => a.seq - b.seq);
  const [completed, failed] = await Promise.all([queue.getRanges(['completed'], 0, -1), queue.getRanges(['failed'], 0, -1)]);
  const finished = new Set([...completed, ...failed]);
  const failedSet = new Set(failed);
  const summary: ExportSummary = { tickets: entries.length, rows: 0, errors: 0, pending: 0, skipped: 0 };

  const excel = Boolean(o.excel);
  let header = true;
  const writeRows = (rows: Row[]) => {
    // --excel: CRLF after every row, the BOM once at the start
    const text = csvText(BUNDLE_COLUMNS, rows, { header, excel });
    if (o.csv) (header ? writeFileSync : appendFileSync)(o.csv, text); else o.out?.(text);
    header = false;
  };
  if (o.findingsCsv) writeFileSync(o.findingsCsv, csvText(FINDING_COLUMNS, [], { header: true, excel }));
  if (o.jsonl) writeFileSync(o.jsonl, '');

  for (let i = 0; i < entries.length; i += CHUNK) {
    const chunk = entries.slice(i, i + CHUNK);
    const ready = chunk.filter((e) => e.error || finished.has(e.unit));
    summary.pending += chunk.length - ready.length;
    const results = await outcomes(queue, [...new Set(ready.filter((e) => !e.error).map((e) => e.unit))], failedSet);
    const rows: Row[] = [];
    for (const e of ready) {
      const r = e.error ? { report: null, error: e.error, ms: 0, finishedOn: e.submittedAt } : results.get(e.unit);
      if (!r) { summary.pending++; continue; } // finished and then retried between the two reads
      if (o.since !== undefined && Math.max(r.finishedOn, e.submittedAt) < o.since) { summary.skipped++; continue; }
      const input = { ticket: e.ticket, path: e.source };
      // the time of the analysis, not of the export
      rows.push({ ...bundleRow(r.report, { ...input, error: r.error, durationMs: r.ms, sha256: r.sha256 }), analyzed_at: new Date(r.finishedOn).toISOString() });
      if (r.error) summary.errors++;
      if (r.report && o.findingsCsv) appendFileSync(o.findingsCsv, csvText(FINDING_COLUMNS, findingRows(r.report, input), { header: false, excel }));
      if (r.report && o.jsonl) appendFileSync(o.jsonl, reportLine(input, r.report));
    }
    summary.rows += rows.length;
    if (rows.length || header) writeRows(rows);
  }
  if (header) writeRows([]);
  return summary;
}
