/**
 * What a cause is (ESLint-rule style: metadata, then one pure function) and the shared helpers that
 * turn evidence events into a finding with a computed confidence.
 */
import type { CauseId, Event, Evidence, Facts, Finding, FindingRole, FindingStatus, JobWindow, Message, SymptomCode } from '../model/types.js';
import { iso } from '../parse/time.js';
import { SYMPTOMS } from '../model/symptoms.js';
import { handlerId, succeeded } from '../facts/index.js';
import { causeText, english } from '../messages/cause-texts.js';
import type { Composite } from '../messages/catalogue.js';

export interface Localized { en: string; ja: string }

/** The guest OS of a bundle; a cause applies to one or both. */
export type Os = 'linux' | 'windows';

/**
 * A cause: what it reads and how it decides. Its title, fix and manual check live in the message
 * catalogue (`cause.<id>.title`, …), never here.
 */
export interface Cause {
  id: CauseId;
  /** The guest OSes on which this cause can happen; a report leaves it out for any other OS. */
  os: Os[];
  /** Values the cause's catalogue texts quote (e.g. the current minimum agent version). */
  textParams?: Record<string, string | number>;
  /** Public Microsoft Learn article the fix comes from. */
  docs: string;
  /** Symptom codes under which the article lists this cause. */
  symptoms: SymptomCode[];
  /** Artifact kinds the detector reads; when all are missing the cause is not observable. */
  needs: string[];
  /** What a finding of this cause usually is: the failure of a backup, or a background condition. */
  role: FindingRole;
  detect(ctx: CauseContext): Finding;
}

export interface CauseContext {
  events: Event[];
  facts: Facts;
  present: Set<string>;
  job: JobWindow | null;
  agentMinutes: number[];
  symptom: SymptomCode | null;
}

/**
 * The events of each kind, and of each pattern of kinds asked for, in time order, per event list:
 * every cause asks for a few kinds of the same list.
 */
const byKind = new WeakMap<readonly Event[], Map<string, Event[]>>();

export function of(ctx: CauseContext, kind: string | RegExp, where?: (e: Event) => boolean): Event[] {
  let index = byKind.get(ctx.events);
  if (!index) {
    index = new Map();
    for (const e of ctx.events) {
      let list = index.get(e.kind);
      if (!list) index.set(e.kind, (list = []));
      list.push(e);
    }
    byKind.set(ctx.events, index);
  }
  // a pattern is keyed by its text (which starts with '/', as no kind does): a regex literal is a
  // new object each time the expression that holds it runs
  const key = typeof kind === 'string' ? kind : kind.toString();
  let list = index.get(key);
  if (!list) {
    list = typeof kind === 'string' ? [] : ctx.events.filter((e) => kind.test(e.kind));
    index.set(key, list);
  }
  return where ? list.filter(where) : list.slice();
}

const HOUR = 3600_000;

/** A job's start and end in epoch ms, parsed once (nearJob weighs every event a cause cites). */
const spans = new WeakMap<object, [number, number]>();
function jobSpan(job: { start: string; end: string }): [number, number] {
  let span = spans.get(job);
  if (!span) { span = [Date.parse(job.start), Date.parse(job.end)]; spans.set(job, span); }
  return span;
}

/** Weight of an event by its distance from the backup job (1 inside the window). */
export function nearJob(ctx: CauseContext, e: Event): number {
  if (!ctx.job) return 0.9;
  if (e.ms === null) return 0.85;
  const [start, end] = jobSpan(ctx.job);
  if (e.ms >= start - 0.5 * HOUR && e.ms <= end + 0.5 * HOUR) return 1;
  const d = e.ms < start ? start - e.ms : e.ms - end;
  if (d <= 6 * HOUR) return 0.85;
  if (d <= 48 * HOUR) return 0.65;
  return 0.45;
}

export function inJob(ctx: CauseContext, e: Event): boolean {
  return nearJob(ctx, e) === 1 && ctx.job !== null;
}

export interface Weighed {
  strong?: Event[];
  supporting?: Event[];
  /** The cause is suggested by something missing. */
  absence?: boolean;
  /** Extra penalty/bonus factors (0..1.2), e.g. a single transient occurrence. */
  factor?: number;
  /** The evidence states a lasting condition (a version, a setting, a disk size): time does not weaken it. */
  timeless?: boolean;
  /** Added to the confidence for independent agreement the events do not show (e.g. a silence). */
  bonus?: number;
  /** Overrides the cause's usual role for this finding. */
  role?: FindingRole;
}

/** The one place a finding gets its note: the catalogue message, and its English text as `summary`. */
function noted(note: Message): { summary: string; note: Message } {
  return { summary: english(note), note };
}

/** What a person must check by hand, in both languages (for every OS the cause applies to). */
export function manualCheck(cause: Cause): Localized {
  return { en: causeText(cause, 'manual', 'en'), ja: causeText(cause, 'manual', 'ja') };
}

/** The OS of a bundle from its shape (`report.bundle.kind`). */
export function bundleOs(kind: string): Os {
  return kind === 'windows' ? 'windows' : 'linux';
}

/** Whether a cause can happen on a guest of this OS (a report leaves the others out). */
export function appliesTo(cause: Cause, os: Os): boolean {
  return cause.os.includes(os);
}

/**
 * Confidence from evidence: a direct statement counts most, a supporting sign less, an absence
 * least; agreement between independent files raises it; distance from the job lowers it.
 */
export function confidence(ctx: CauseContext, w: Weighed): number {
  const strong = w.strong ?? [], supporting = w.supporting ?? [];
  let base = strong.length ? 0.72 : supporting.length ? 0.4 : w.absence ? 0.3 : 0;
  if (base === 0) return 0;
  if (strong.length && supporting.length) base += 0.08;
  if (strong.length >= 3) base += 0.05;
  // a failure that persisted through the job (seen before and after its start) is no accident
  if (ctx.job && strong.length >= 2) {
    const [start] = jobSpan(ctx.job);
    const near = strong.filter((e) => nearJob(ctx, e) === 1 && e.ms !== null);
    if (near.some((e) => e.ms! < start) && near.some((e) => e.ms! >= start)) base += 0.1;
  }
  const files = new Set([...strong, ...supporting].map((e) => e.file.replace(/\.\d+(\.gz)?$|-[\d-]+\.gz$/, '')));
  base += Math.min(0.2, 0.1 * (files.size - 1));
  const lead = strong.length ? strong : supporting;
  const time = w.timeless ? 1 : lead.length ? Math.max(...lead.map((e) => nearJob(ctx, e))) : ctx.job ? 1 : 0.9;
  // after a backup that succeeded, trouble that only began later is not that backup's failure
  const job = ctx.job;
  const end = job ? jobSpan(job)[1] : NaN;
  const later = !w.timeless && job !== null && succeeded(job) && lead.length > 0
    && lead.every((e) => e.ms !== null && e.ms > end + 0.5 * HOUR);
  return round(Math.min(1, base * time * (later ? 0.6 : 1) * (w.factor ?? 1) + (w.bonus ?? 0)));
}

export function round(x: number): number { return Math.round(x * 100) / 100; }

export function statusOf(conf: number): FindingStatus {
  return conf >= 0.8 ? 'confirmed' : conf >= 0.5 ? 'likely' : conf > 0 ? 'possible' : 'ruled-out';
}

export function toEvidence(e: Event): Evidence {
  const text = e.raw.length > 400 ? e.raw.slice(0, 400) + '…' : e.raw;
  return { file: e.file, line: e.line, time: iso(e.ms), text };
}

/** Picks the events to cite: stated failures before agreeing signs, nearest the job first, at most `n`. */
export function cite(ctx: CauseContext, events: Event[], n = 4, strong?: Set<Event>): Evidence[] {
  const seen = new Set<string>();
  return [...events]
    .sort((a, b) => Number(strong?.has(b) ?? 0) - Number(strong?.has(a) ?? 0) || nearJob(ctx, b) - nearJob(ctx, a) || (b.ms ?? 0) - (a.ms ?? 0))
    .filter((e) => { const k = `${e.file}:${e.line}:${e.raw}`; if (seen.has(k)) return false; seen.add(k); return true; })
    .slice(0, n)
    // a finding tags every line it cites; a ruled-out finding's lines are counter-evidence, untagged
    .map((e) => ({ ...toEvidence(e), ...(strong ? { strength: strong.has(e) ? 'strong' as const : 'supporting' as const } : {}) }));
}

export function found(cause: Cause, ctx: CauseContext, w: Weighed, note: Message): Finding {
  // the error code the Backup job showed names few causes and this is one: a second, independent source
  const specific = SYMPTOMS.find((s) => s.code === ctx.symptom)?.causes;
  const agrees = specific !== undefined && specific.length <= 2 && specific.includes(cause.id);
  const conf = round(Math.min(1, confidence(ctx, w) + (agrees && (w.strong?.length ?? 0) > 0 ? 0.1 : 0)));
  return {
    cause: cause.id, status: statusOf(conf), confidence: conf, role: w.role ?? cause.role,
    evidence: cite(ctx, [...(w.strong ?? []), ...(w.supporting ?? [])], 4, new Set(w.strong ?? [])),
    ...noted(note),
    ...(conf < 0.5 ? { manualCheck: manualCheck(cause) } : {}),
  };
}

/**
 * The logs were read and show no sign of the cause. With a line that shows it did not happen (a
 * success, a thaw, a heartbeat in the job) it is ruled out; with none it is only "not seen".
 */
export function ruledOut(cause: Cause, ctx: CauseContext, counter: Event[], note: Message): Finding {
  const evidence = cite(ctx, counter, 2);
  return { cause: cause.id, status: evidence.length ? 'ruled-out' : 'not-seen', confidence: 0, role: cause.role, evidence, ...noted(note) };
}

export function notObservable(cause: Cause, note: Message): Finding {
  return { cause: cause.id, status: 'not-observable', confidence: 0, role: cause.role, evidence: [], ...noted(note), manualCheck: manualCheck(cause) };
}

/** Several signs in one note, each its own catalogue message; absent signs (false) are left out. */
export function signs(id: string, parts: (Message | false)[]): Composite {
  return { id, parts: parts.filter((p): p is Message => p !== false) };
}

/** True when none of the artifact kinds the cause reads is in the bundle. */
export function blind(cause: Cause, ctx: CauseContext): boolean {
  return cause.needs.length > 0 && !cause.needs.some((k) => ctx.present.has(k));
}

const HEALTHY = /^waagent\.(heartbeat|goal-state\.processed|goal-state\.recovered)$/;
/** Signs that the agent reached the WireServer (a heartbeat line alone is written offline too). */
export const CONTACT = /^waagent\.(goal-state\.processed|goal-state\.recovered)$/;

/** Healthy signs of the agent near the job: heartbeats, processed goal states. */
export function agentHealthySigns(ctx: CauseContext): Event[] {
  return of(ctx, HEALTHY, (e) => nearJob(ctx, e) >= 0.85);
}

/** Healthy signs inside the job window (none when the job is unknown). */
export function healthyInJob(ctx: CauseContext, signs: RegExp = HEALTHY): Event[] {
  return ctx.job ? of(ctx, signs, (e) => inJob(ctx, e)) : [];
}

/**
 * Routine trouble that the agent got over: each event is followed, within `withinMs`, by a healthy
 * sign of the agent (a retry that then succeeded, endpoint discovery at start-up). Such lines
 * support a cause at most; the failure is what did not recover.
 */
export function recovered(ctx: CauseContext, events: Event[], withinMs = 15 * 60_000, signs: RegExp = HEALTHY): boolean {
  if (!events.length) return false;
  const healthy = of(ctx, signs).map((e) => e.ms).filter((m): m is number => m !== null).sort((a, b) => a - b);
  const nextAfter = (t: number): number | undefined => {
    let lo = 0, hi = healthy.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (healthy[mid]! > t) hi = mid; else lo = mid + 1; }
    return healthy[lo];
  };
  return events.every((e) => { if (e.ms === null) return false; const h = nextAfter(e.ms); return h !== undefined && h - e.ms <= withinMs; });
}

/**
 * The records behind `facts.reinstalledHandlers` for the handlers `which` accepts: the removals of
 * their directories and the enables that found them `notinstalled`.
 */
export function reinstallRecords(ctx: CauseContext, which: (handler: string) => boolean): Event[] {
  const ids = new Set(ctx.facts.reinstalledHandlers);
  return of(ctx, /^waagent\.extension\.(?:removed|current-state)$/, (e) => typeof e.attrs.handler === 'string' && which(e.attrs.handler)
    && ids.has(handlerId(e) ?? '') && (e.kind === 'waagent.extension.removed' || e.attrs.state === 'notinstalled'));
}

/**
 * The host's own server errors (5xx) to the agent and to VMSnapshot: the platform failing, whatever
 * the guest's state (platform-transient reads them; a download that failed among them is theirs).
 */
export function hostServerErrors(ctx: CauseContext): Event[] {
  return [...of(ctx, 'vmsnapshot.host-error'),
    ...of(ctx, /^waagent\.(goal-state\.fetch-failed|http\.failed|status\.upload-failed)$/, (e) => /^http-5\d\d$/.test(String(e.attrs.mechanism)))];
}

/** The time of the latest of `events` that has one (-Infinity: none has). */
export function latestTime(events: readonly Event[]): number {
  return events.reduce((t, e) => (e.ms !== null && e.ms > t ? e.ms : t), -Infinity);
}

/** When the agent last completed a pass over the goal state (-Infinity: never in the logs): a failed pass before it was got over. */
export function lastCompletedPass(ctx: CauseContext): number {
  return latestTime(of(ctx, 'waagent.goal-state.processed'));
}

/** `events` split at `time`: those after it (or without a time) still stand; those before it were got over. */
export function standingAfter(events: Event[], time: number): { standing: Event[]; gotOver: Event[] } {
  const standing = events.filter((e) => e.ms === null || e.ms > time);
  return { standing, gotOver: events.filter((e) => !standing.includes(e)) };
}

/** Half an hour or more apart, as status uploads fail when the network only hiccups (see `sporadicUploads`). */
export const SPORADIC_GAP_MS = 30 * 60_000;

/**
 * Whether these are status-upload failures that came far apart: every agent generation uploads its
 * status every few seconds and logs each failed upload (2.0.x dumps it; 2.1-2.2 "Exception
 * uploading status blob"; 2.2.53+ "Failed to report status", never rate-limited), so failures
 * `SPORADIC_GAP_MS` or more apart had hundreds of uploads getting through between them.
 * (Goal-state fetches are not judged so: 2.2.53+ logs a failing fetch once, then every six hours.)
 */
export function sporadicUploads(events: Event[]): boolean {
  if (events.length < 2 || events.some((e) => e.kind !== 'waagent.status.upload-failed' || e.ms === null)) return false;
  const times = events.map((e) => e.ms!).sort((a, b) => a - b);
  return times.every((t, i) => i === 0 || t - times[i - 1]! >= SPORADIC_GAP_MS);
}

/** VMSnapshot status files whose result code passes `test` (a list of codes, or a predicate). */
export function statusWithCode(ctx: CauseContext, test: number[] | ((code: number) => boolean)): Event[] {
  const ok = Array.isArray(test) ? (c: number) => test.includes(c) : test;
  return of(ctx, 'status.vmsnapshot', (e) => typeof e.attrs.resultCode === 'number' && ok(e.attrs.resultCode));
}

/** The VMSnapshot result of the job, when the bundle has one. */
export function jobResult(ctx: CauseContext): Event[] {
  return of(ctx, /^(status\.vmsnapshot|vmsnapshot\.result)$/, (e) => nearJob(ctx, e) === 1 || !ctx.job);
}

/** The symptoms under whose "snapshot cannot be taken" heading the article files its snapshot causes. */
export const SNAPSHOT_HEADING: SymptomCode[] = ['UserErrorGuestAgentStatusUnavailable', 'ExtensionSnapshotFailedNoNetwork', 'ExtensionOperationFailedForManagedDisks', 'BackUpOperationFailed', 'BackUpOperationFailedV2'];

export const ARTICLE = 'https://learn.microsoft.com/azure/backup/backup-azure-troubleshoot-vm-backup-fails-snapshot-timeout';
export const VM_TROUBLESHOOT = 'https://learn.microsoft.com/azure/backup/backup-azure-vms-troubleshoot';
export const LINUX_AGENT = 'https://learn.microsoft.com/troubleshoot/azure/virtual-machines/linux/linux-azure-guest-agent';
