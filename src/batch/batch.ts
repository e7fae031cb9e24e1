/**
 * `azlog batch`: a ticket queue in one command. Bundles run in parallel on the worker pool, each
 * isolated; identical uploads (same sha256) are analysed once and reported for every ticket;
 * rows are appended as bundles finish, so `--resume` after an interruption skips finished work.
 */
import { appendFileSync, existsSync, promises as fsp, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import fg from 'fast-glob';
import { parse as parseCsv } from 'csv-parse/sync';
import { isUrl } from '../queue/names.js';
import { UsageError } from '../errors.js';
import type { Report } from '../model/types.js';
import type { Limits } from '../ingest/limits.js';
import { BUNDLE_COLUMNS, bundleRow, csvText, FINDING_COLUMNS, findingRows, type Row } from '../report/csv.js';
import { Pool } from './pool.js';
import { sha256File } from '../ingest/streams.js';
import type { JobResult } from './worker.js';
import { BUNDLE_GLOB, folderContents } from '../ingest/folder.js';
import { fsError } from '../ingest/fs-errors.js';
import { resolveSymptom } from '../model/symptoms.js';
import { inShard, type Shard } from './shard.js';

export interface BatchInput {
  ticket: string; path: string; errorCode?: string;
  /** Where the input came from (`tickets.csv row 3`), named in its errors. */
  source?: string;
}

export interface BatchOptions {
  jobs?: number;
  /** Bundle rows go here (default: returned only). */
  csv?: string;
  jsonl?: string;
  findingsCsv?: string;
  excel?: boolean;
  resume?: boolean;
  limits?: Partial<Limits>;
  noRedact?: boolean;
  /** Only this part of the inputs (`--shard I/N`). */
  shard?: Shard;
  onRow?: (row: Row) => void;
  onProgress?: (p: Progress) => void;
}

export interface Progress { done: number; total: number; failed: number; skipped: number; elapsedMs: number }

/** `total` = `analysed` + `duplicates` + `resumed` + `failed`; `partial` counts rows among the analysed and duplicates. */
export interface BatchSummary {
  total: number; analysed: number; duplicates: number; resumed: number; failed: number; partial: number;
  perCause: Record<string, number>; perStatus: Record<string, number>; wallMs: number; bundlesPerSecond: number;
  rows: Row[];
}

/**
 * Files, directories (bundles inside them) and globs → bundle inputs, in a stable order. An
 * argument that yields no bundle adds a sentence to `notes` saying what it is instead.
 */
export async function expandInputs(args: string[], notes: string[] = []): Promise<BatchInput[]> {
  const out: BatchInput[] = [];
  for (const arg of args) {
    const st = await fsp.stat(arg).catch(() => null);
    if (st?.isDirectory()) {
      const found = (await fg(BUNDLE_GLOB, { cwd: arg, onlyFiles: true, dot: false })).sort();
      for (const f of found) out.push({ ticket: '', path: `${arg.replace(/\/$/, '')}/${f}` });
      if (!found.length) {
        const c = await folderContents(arg);
        notes.push(c.files === 0 ? `${arg}: an empty directory`
          : c.artifacts ? `${arg}: an unpacked bundle (${c.files} files, no archives); analyse it with \`azlog analyze ${arg}\``
            : `${arg}: no bundle archives (.tgz, .tar.gz, .tar, .zip, .gz) among its ${c.files} files`);
      }
    } else if (st) {
      out.push({ ticket: '', path: arg });
    } else if (fg.isDynamicPattern(arg)) {
      const found = (await fg(arg, { onlyFiles: true })).sort();
      for (const f of found) out.push({ ticket: '', path: f });
      if (!found.length) notes.push(`${arg}: the pattern matches no file`);
    } else {
      out.push({ ticket: '', path: arg }); // reported as a row with its error
    }
  }
  return out;
}

/**
 * A manifest CSV with columns ticket, bundle (path) and optionally error_code. Relative bundle
 * paths are read from the manifest's folder, so a manifest travels with its bundles.
 */
export function readManifest(path: string): BatchInput[] {
  let text: string;
  try { text = readFileSync(path, 'utf8'); } catch (e) { throw new Error(`manifest: ${fsError(path, e)}`); }
  const rows = parseCsv(text, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase().replace(/[\s-]+/g, '_')), skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
  return rows.map((r, i) => {
    const bundle = r.bundle ?? r.bundle_path ?? r.path;
    if (!bundle) throw new Error(`${path}: row ${i + 2} has no bundle path (columns: ticket, bundle, error_code)`);
    return { ticket: r.ticket ?? r.ticket_id ?? '', path: isAbsolute(bundle) || isUrl(bundle) ? bundle : join(dirname(path), bundle), errorCode: r.error_code || undefined, source: `${path} row ${i + 2}` };
  });
}

/**
 * What `batch` and `queue submit` are given: the manifest's rows, then the arguments (a URL stays a
 * URL when `urls`), each without its own error code taking `errorCode`. An argument that yields no
 * bundle adds a sentence to `notes`; an unreadable manifest is a usage error.
 */
export async function gatherInputs(args: string[], o: { manifest?: string; errorCode?: string; urls?: boolean }, notes: string[]): Promise<BatchInput[]> {
  let inputs: BatchInput[] = [];
  if (o.manifest) {
    try { inputs = readManifest(o.manifest); } catch (e) { throw new UsageError((e as Error).message); }
  }
  if (o.urls) inputs.push(...args.filter(isUrl).map((path) => ({ ticket: '', path })));
  inputs.push(...await expandInputs(o.urls ? args.filter((a) => !isUrl(a)) : args, notes));
  if (o.errorCode) for (const i of inputs) i.errorCode ??= o.errorCode;
  return inputs;
}

/** The error of an input whose error code is unknown: its own row fails, not the run. */
export function unknownCodeError(input: BatchInput): string | null {
  return input.errorCode && !resolveSymptom(input.errorCode) ? `${input.source ?? input.path}: unknown error code: ${input.errorCode} (see \`azlog causes --symptoms\`)` : null;
}

/** Hashes of bundles already written to the CSV without an error (for --resume). */
export function finishedHashes(csvPath: string): Set<string> {
  if (!existsSync(csvPath)) return new Set();
  const rows = parseCsv(readFileSync(csvPath, 'utf8'), { columns: true, skip_empty_lines: true, bom: true, relax_column_count: true }) as Record<string, string>[];
  return new Set(rows.filter((r) => r.sha256 && !r.error).map((r) => r.sha256!));
}

/** One line of `--jsonl`: the full report, named by the ticket and the path it was submitted as. */
export function reportLine(input: { ticket: string; path: string }, report: Report): string {
  return JSON.stringify({ ticket: input.ticket, ...report, bundle: { ...report.bundle, path: input.path } }) + '\n';
}

/** Appends rows (CRLF for Excel); the header and BOM only to a file that is empty or missing, checked once per file. */
function csvAppender(excel: boolean): (path: string, columns: readonly string[], rows: Row[]) => void {
  const started = new Set<string>();
  return (path, columns, rows) => {
    const fresh = !started.has(path) && (!existsSync(path) || statSync(path).size === 0);
    started.add(path);
    appendFileSync(path, csvText(columns, rows, { header: fresh, excel }));
  };
}

export async function runBatch(inputs: BatchInput[], o: BatchOptions = {}): Promise<BatchSummary> {
  const started = performance.now();
  const jobs = Math.max(1, o.jobs ?? availableParallelism());
  const summary: BatchSummary = { total: inputs.length, analysed: 0, duplicates: 0, resumed: 0, failed: 0, partial: 0, perCause: {}, perStatus: {}, wallMs: 0, bundlesPerSecond: 0, rows: [] };
  const done = new Set<string>(o.resume && o.csv ? finishedHashes(o.csv) : []);
  if (!o.resume) for (const f of [o.csv, o.jsonl, o.findingsCsv]) if (f) await fsp.rm(f, { force: true });
  let finished = 0;
  const appendCsv = csvAppender(Boolean(o.excel));
  const progress = () => o.onProgress?.({ done: finished, total: summary.total, failed: summary.failed, skipped: summary.resumed, elapsedMs: performance.now() - started });

  const emit = (input: BatchInput, report: Report | null, error: string | null, ms: number, sha?: string) => {
    const row = bundleRow(report, { ticket: input.ticket, path: input.path, error, durationMs: ms, sha256: sha });
    summary.rows.push(row);
    o.onRow?.(row);
    if (o.csv) appendCsv(o.csv, BUNDLE_COLUMNS, [row]);
    if (report && o.findingsCsv) appendCsv(o.findingsCsv, FINDING_COLUMNS, findingRows(report, { ticket: input.ticket, path: input.path }));
    if (report && o.jsonl) appendFileSync(o.jsonl, reportLine(input, report));
    if (error) summary.failed++;
    else {
      if (report?.problems.length) summary.partial++;
      const cause = report?.verdict.cause ?? report?.verdict.outcome ?? 'none-found';
      summary.perCause[cause] = (summary.perCause[cause] ?? 0) + 1;
      const status = String(row.status);
      summary.perStatus[status] = (summary.perStatus[status] ?? 0) + 1;
    }
    finished++;
    progress();
  };

  // Identical uploads are analysed once. Each input starts as soon as it is hashed, so the workers
  // do not wait for the whole list to be hashed; a copy of a bundle already analysed is reported
  // with its result, one still running joins it.
  const groups = new Map<string, { members: BatchInput[]; result?: JobResult }>();
  const emitResult = (m: BatchInput, r: JobResult, sha: string) => {
    if (r.ok) emit(m, r.report, null, r.ms);
    else emit(m, null, r.error, r.ms, sha);
  };
  const pool = new Pool(Math.min(jobs, Math.max(1, inputs.length)));
  const running: Promise<void>[] = [];
  try {
    let id = 0;
    for (const input of inputs) {
      // a bad error code fails its own row before any work, not every bundle after analysis
      const badCode = unknownCodeError(input);
      if (badCode) {
        if (inShard(input.path, o.shard)) emit(input, null, badCode, 0); else summary.total--;
        continue;
      }
      let sha: string;
      try { sha = await sha256File(input.path); } catch (e) {
        if (!inShard(input.path, o.shard)) { summary.total--; continue; }
        emit(input, null, fsError(input.path, e), 0);
        continue;
      }
      if (!inShard(sha, o.shard)) { summary.total--; continue; }
      if (done.has(sha)) { summary.resumed++; finished++; progress(); continue; }
      const key = `${sha}\0${input.errorCode ?? ''}`;
      const group = groups.get(key);
      if (group) {
        group.members.push(input);
        // an analysed bundle counts once and its copies as duplicates; a failed one fails every copy
        if (group.result) { if (group.result.ok) summary.duplicates++; emitResult(input, group.result, sha); }
        continue;
      }
      const g: { members: BatchInput[]; result?: JobResult } = { members: [input] };
      groups.set(key, g);
      const job = pool.run({ id: id++, path: input.path, errorCode: input.errorCode, limits: o.limits, noRedact: o.noRedact }).then((r) => {
        g.result = r;
        if (r.ok) { summary.analysed++; summary.duplicates += g.members.length - 1; }
        for (const m of g.members) emitResult(m, r, sha);
      });
      job.catch(() => undefined); // awaited below; this only keeps a failure from counting as unhandled meanwhile
      running.push(job);
    }
    await Promise.all(running);
  } finally {
    await pool.close();
  }
  summary.wallMs = Math.round(performance.now() - started);
  summary.bundlesPerSecond = summary.analysed ? Math.round((summary.analysed / (summary.wallMs / 1000)) * 100) / 100 : 0;
  return summary;
}
