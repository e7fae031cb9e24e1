/**
 * The sentences every human format shares, composed once from the report: the outcome line, the
 * verdict, contributing conditions, the backup job, the facts, and where a cited line lives.
 * Each writer only lays them out (text, Markdown, HTML).
 */
import type { Evidence, Finding, JobWindow, Report } from '../model/types.js';
import { causeTitle, findingNote, message } from '../messages/findings.js';
import { outcomeLabel, statusLabel, tr, type Lang } from '../messages/ui.js';

/** First line of every format: the outcome id (for scripts) and what it means. */
export function outcomeLine(r: Report, lang: Lang): string {
  return `${tr(lang, 'outcome')}: ${r.verdict.outcome} — ${outcomeLabel(lang, r.verdict.outcome, verdictFinding(r)?.role === 'condition')}`;
}

export function verdictFinding(r: Report): Finding | undefined {
  return r.verdict.cause ? r.findings.find((f) => f.cause === r.verdict.cause) : undefined;
}

/** The verdict's headline: the cause's title with its status and confidence, or the outcome. */
export function verdictHeadline(r: Report, lang: Lang): string {
  const f = verdictFinding(r);
  if (!f) return tr(lang, r.verdict.outcome === 'cannot-tell' ? 'verdict.cannot-tell' : 'verdict.none-found');
  const sep = lang === 'ja' ? '、' : ', ';
  return `${causeTitle(f.cause, lang)} (${statusLabel(lang, f.status)}${sep}${tr(lang, 'confidence')} ${r.verdict.confidence.toFixed(2)})`;
}

/** The verdict in one sentence, for the places that have room for only one (HTML heading, Markdown). */
export function verdictSentence(r: Report, lang: Lang): string {
  const f = verdictFinding(r);
  if (!f) return verdictHeadline(r, lang);
  return `${verdictHeadline(r, lang)}${lang === 'ja' ? ': ' : ' — '}${findingNote(f, lang)}`;
}

/** Each background condition reported beside the verdict: its id, title and what the logs show. */
function contributingLines(r: Report, lang: Lang): string[] {
  return r.verdict.contributing.map((id) => {
    const f = r.findings.find((x) => x.cause === id);
    return `${tr(lang, 'contributing')}: ${id} — ${causeTitle(id, lang)}${f ? ` (${findingNote(f, lang)})` : ''}`;
  });
}

/**
 * What stands beside the verdict: contributing conditions, that the bundle was read only in part
 * (unless a reason already says so), and why the outcome is what it is / what to collect.
 */
export function verdictNotes(r: Report, lang: Lang): string[] {
  const partial = r.verdict.partial && !r.verdict.reasons.some((m) => m.id === 'reason.partial') ? [tr(lang, 'partial')] : [];
  return [...contributingLines(r, lang), ...partial, ...r.verdict.reasons.map((m) => message(m, lang))];
}

export function symptomLine(r: Report, lang: Lang): string {
  const v = r.verdict;
  const sym = v.symptom ? `${v.symptom} (${tr(lang, v.symptomSource === 'given' ? 'symptomGiven' : 'symptomInferred')})` : tr(lang, 'symptomNone');
  return `${tr(lang, 'symptom')}: ${sym}`;
}

export function jobLine(job: JobWindow | null, lang: Lang): string {
  if (!job) return `${tr(lang, 'job')}: ${tr(lang, 'noJob')}`;
  const parts = [`${job.start} → ${job.end}`];
  if (job.taskId) parts.push(tr(lang, 'taskId', { id: job.taskId }));
  if (job.statusCode !== null) parts.push(tr(lang, 'resultCode', { code: job.statusCode }));
  return `${tr(lang, 'job')}: ${parts.join(lang === 'ja' ? '、' : ', ')}`;
}

export function factsLine(r: Report, lang: Lang): string {
  const f = r.facts;
  const agentDetail = [tr(lang, 'installed', { version: f.installedAgentVersion ?? '?' }), ...(f.agentGeneration ? [tr(lang, 'logFormat', { gen: f.agentGeneration })] : [])];
  const sep = lang === 'ja' ? '、' : ', ';
  return [
    `${tr(lang, 'agent')}: ${f.goalStateAgentVersion ?? '?'} (${agentDetail.join(sep)})`,
    `${tr(lang, 'vmsnapshot')}: ${f.vmsnapshotVersion ?? '?'}${f.vmsnapshotHandlerState ? ` (${f.vmsnapshotHandlerState})` : ''}`,
    `${tr(lang, 'timezone')}: ${f.timeZone ?? tr(lang, 'tzUnknown')}`,
  ].join('; ');
}

/** Where a cited line lives: `file:line`, or the file alone for a whole-file artifact (a .status). */
export function location(e: Pick<Evidence, 'file' | 'line'>): string {
  return e.line === null ? e.file : `${e.file}:${e.line}`;
}

/** Log text made safe for a terminal: control characters (escape sequences) shown, not obeyed. */
export function printable(s: string): string {
  return s.replace(/[\x00-\x08\x0b-\x1f\x7f\x9b]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Numbers each distinct cited line once, so a line cited by several findings is shown once. */
export class Citations {
  private readonly ids = new Map<string, number>();
  readonly all: Evidence[] = [];

  /** The line's number and whether this is its first citation. */
  cite(e: Evidence): { n: number; first: boolean } {
    const key = `${e.file}\0${e.line}\0${e.text}`;
    const known = this.ids.get(key);
    if (known !== undefined) return { n: known, first: false };
    this.all.push(e);
    this.ids.set(key, this.all.length);
    return { n: this.all.length, first: true };
  }
}
