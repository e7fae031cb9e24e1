/**
 * The one CSV writer (csv-stringify) behind `analyze --format csv`, `batch --csv/--findings-csv`
 * and `timeline --format csv`. Cells that a spreadsheet would run as a formula (= + - @, tab, CR)
 * are escaped; dates are ISO-8601 so they sort; `--excel` adds a BOM so Excel reads UTF-8.
 */
import { stringify as stringifySync } from 'csv-stringify/sync';
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

export interface CsvOptions { excel?: boolean; header?: boolean }

function options(columns: readonly string[], o: CsvOptions) {
  return { columns: [...columns], header: o.header ?? true, bom: o.excel ?? false, escape_formulas: true, record_delimiter: o.excel ? 'windows' as const : 'unix' as const };
}


export function csvText(columns: readonly string[], rows: Row[], o: CsvOptions = {}): string {
  return stringifySync(rows, options(columns, o));
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
