/**
 * The one CSV writer behind `analyze --format csv`, `batch --csv/--findings-csv`, `unknown` and
 * `timeline --format csv`: RFC 4180 quoting, what csv-stringify wrote before (a test compares
 * them), except that a cell with any line break is quoted (csv-stringify, given a record
 * delimiter, quoted only that one, so a bare LF broke an --excel row). Cells that a spreadsheet
 * would run as a formula are escaped; dates are ISO-8601 so they sort; `--excel` adds a BOM so
 * Excel reads UTF-8, and CRLF. The timeline writes cells per event, millions of them, so a cell
 * is plain string work, not a writer object.
 */
import type { Report } from '../model/types.js';
import { findingNote } from '../messages/findings.js';
import { location, verdictFinding } from './summary.js';

export const BUNDLE_COLUMNS = [
  'ticket', 'bundle_path', 'sha256', 'bundle_kind', 'outcome', 'symptom', 'verdict_cause', 'contributing', 'status', 'confidence',
  'top_evidence', 'top_evidence_text', 'installed_agent', 'goal_state_agent', 'vmsnapshot_version', 'coverage_gaps', 'problems',
  'error', 'duration_ms', 'analyzed_at',
] as const;
export const FINDING_COLUMNS = ['ticket', 'bundle_path', 'sha256', 'cause', 'role', 'status', 'confidence', 'evidence', 'evidence_time', 'evidence_text', 'summary'] as const;

export type Row = Record<string, string | number | null>;
export type Cell = string | number | null | undefined;

/** `excel`: CRLF line ends and a BOM; `bom: false` leaves the BOM out (rows appended to a file that has one). */
/** `excel`: a UTF-8 BOM in front of the header (a file's first write) and CRLF after every record. */
export interface CsvOptions { excel?: boolean; header?: boolean }

/**
 * First characters that make a spreadsheet read a text cell as a formula (OWASP "CSV injection";
 * the fullwidth forms because Apple Numbers normalises them); a leading `'` makes it text. A
 * negative number stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A cell holding one of these is quoted, its quotes doubled. */
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: numbers as written, empty for null, text formula-escaped and quoted when it must be. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  let s = value;
  if (FORMULA_START.test(s)) s = `'${s}`;
  if (NEEDS_QUOTES.test(s)) s = `"${s.replaceAll('"', '""')}"`;
  return s;
}

/** The end of each record: CRLF for Excel, LF otherwise. */
export function recordEnd(excel = false): string {
  return excel ? '\r\n' : '\n';
}

export function csvText(columns: readonly string[], rows: Row[], o: CsvOptions = {}): string {
  const end = recordEnd(o.excel);
  const header = o.header ?? true;
  let out = o.excel && header ? '\uFEFF' : '';
  if (header) out += columns.map(csvCell).join(',') + end;
  for (const row of rows) out += columns.map((c) => csvCell(row[c])).join(',') + end;
  return out;
}

export interface BundleMeta { ticket?: string; path: string; error?: string | null; durationMs?: number; sha256?: string }

/**
 * The one row builder for a bundle (`analyze --format csv`, `batch`, `queue export`). `problems`
 * lists what was skipped or cut (empty when the bundle was read whole), so a spreadsheet can
 * filter partial bundles.
 */
export function bundleRow(report: Report | null, meta: BundleMeta): Row {
  const top = report ? verdictFinding(report) : undefined;
  const ev = top?.evidence[0];
  return {
    ticket: meta.ticket ?? '',
    bundle_path: meta.path,
    sha256: report?.bundle.sha256 ?? meta.sha256 ?? '',
    bundle_kind: report?.bundle.kind ?? '',
    outcome: report?.verdict.outcome ?? 'error',
    symptom: report?.verdict.symptom ?? '',
    verdict_cause: report?.verdict.cause ?? '',
    contributing: report?.verdict.contributing.join(' ') ?? '',
    status: report ? (top?.status ?? 'no-cause') : 'error',
    confidence: report ? report.verdict.confidence : '',
    top_evidence: ev ? location(ev) : '',
    top_evidence_text: ev?.text ?? '',
    installed_agent: report?.facts.installedAgentVersion ?? '',
    goal_state_agent: report?.facts.goalStateAgentVersion ?? '',
    vmsnapshot_version: report?.facts.vmsnapshotVersion ?? '',
    coverage_gaps: report?.coverage.missing.join(' ') ?? '',
    problems: report?.problems.join('; ') ?? '',
    error: meta.error ?? '',
    duration_ms: meta.durationMs ?? report?.stats.ms ?? '',
    analyzed_at: new Date().toISOString(),
  };
}

export function findingRows(report: Report, meta: BundleMeta): Row[] {
  return report.findings.map((f) => ({
    ticket: meta.ticket ?? '', bundle_path: meta.path, sha256: report.bundle.sha256, cause: f.cause, role: f.role, status: f.status,
    confidence: f.confidence, evidence: f.evidence[0] ? location(f.evidence[0]) : '',
    evidence_time: f.evidence[0]?.time ?? '', evidence_text: f.evidence[0]?.text ?? '', summary: findingNote(f, 'en'),
  }));
}
