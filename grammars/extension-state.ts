/**
 * JSON-ish extension and agent state (FORMATS.md §2.7–2.9): `.status` files (code as a string,
 * `substatus[].name` holding JSON again, `\/Date(ms)\/` times), `.settings` (public part only),
 * HandlerState, HandlerStatus, waagent_status.json, error.json and the pre/post script config.
 */
import type { AttrValue, Event } from '../src/model/types.js';
import { fileEvent } from '../src/parse/records.js';
import { ticksToMs } from '../src/parse/time.js';
import { publicSettings } from './agent-state.js';

/** Handler name and version from a path like `…/Microsoft.X.Y-1.0.9225.0/status/26.status`. */
export function handlerOf(file: string): { handler: string; version: string } | null {
  const m = /(?:^|[/!])([A-Za-z][\w.]*?)-(\d+(?:\.\d+)+)\/(?:status|config)\//.exec(file);
  return m ? { handler: m[1]!, version: m[2]! } : null;
}

function isoOrDate(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  const d = /\/Date\((\d+)\)\//.exec(v);
  if (d) return Number(d[1]);
  const t = Date.parse(v.endsWith('Z') || /[+-]\d\d:?\d\d$/.test(v) ? v : v + 'Z');
  return Number.isNaN(t) ? null : t;
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
}

function tryJson(text: unknown): unknown {
  if (typeof text !== 'string') return null;
  const t = text.trim();
  if (!t.startsWith('{') && !t.startsWith('[')) return null;
  try { return JSON.parse(t); } catch { return null; }
}

function malformed(file: string, why: string): Event {
  return fileEvent(file, 'unparsed', null, 'none', `not a valid status/state file: ${why}`, {}, 'warning');
}

export function parseStatusFile(text: string, file: string): Event[] {
  let doc: unknown;
  try { doc = JSON.parse(text); } catch (e) { return [malformed(file, (e as Error).message)]; }
  const first = Array.isArray(doc) ? doc[0] : doc;
  const status = (first as Record<string, unknown> | undefined)?.status as Record<string, unknown> | undefined;
  if (!status || typeof status !== 'object') return [malformed(file, 'no status object')];
  const attrs: Record<string, AttrValue> = {};
  const h = handlerOf(file);
  if (h) { attrs.handler = h.handler; attrs.handlerVersion = h.version; }
  if (typeof status.name === 'string') attrs.name = status.name;
  const code = Number(str(status.code) ?? NaN);
  if (Number.isFinite(code)) attrs.code = code;
  const st = str(status.status);
  if (st) attrs.status = st;
  const op = str(status.operation);
  if (op) attrs.operation = op;
  const taskId = str(status.taskId);
  if (taskId) attrs.taskId = taskId;
  const ticks = str(status.commandStartTimeUTCTicks);
  const jobStart = ticks ? ticksToMs(ticks) : null;
  if (jobStart !== null) attrs.jobStartMs = jobStart;
  const seq = /\/(\d+)\.status$/.exec(file);
  if (seq) attrs.seqNo = Number(seq[1]);
  let message = '';
  const fm = status.formattedMessage as Record<string, unknown> | undefined;
  if (fm && typeof fm === 'object') {
    const msg = str(fm.message) ?? '';
    const inner = tryJson(msg) as Record<string, unknown> | null;
    message = inner && typeof inner.messageStr === 'string' ? inner.messageStr : msg;
  }
  // The blob copy in substatus[].name is the real outcome for ARM VMs (status is forced to success).
  const subs = Array.isArray(status.substatus) ? status.substatus : [];
  for (const s of subs as Record<string, unknown>[]) {
    const inner = tryJson(s?.name);
    const innerStatus = (Array.isArray(inner) ? inner[0]?.status : (inner as Record<string, unknown> | null)?.status) as Record<string, unknown> | undefined;
    if (innerStatus && typeof innerStatus === 'object') {
      const ic = Number(str(innerStatus.code) ?? NaN);
      if (Number.isFinite(ic)) attrs.innerCode = ic;
      const is = str(innerStatus.status);
      if (is) attrs.innerStatus = is;
      for (const kv of (Array.isArray(innerStatus.telemetryData) ? innerStatus.telemetryData : []) as Record<string, unknown>[]) {
        const k = str(kv?.Key), v = str(kv?.Value);
        if (k && v && ['extErrorCode', 'hostStatusCodePreSnapshot', 'hostStatusCodeDoSnapshot', 'snapshotCreator', 'guestAgentVersion', 'extensionVersion', 'statusBlobUploadError'].includes(k)) attrs[k] = v;
      }
      const snaps = Array.isArray(innerStatus.snapshotInfo) ? innerStatus.snapshotInfo as Record<string, unknown>[] : [];
      const failed = snaps.filter((x) => String(x?.isSuccessful).toLowerCase() === 'false');
      if (snaps.length) { attrs.snapshots = snaps.length; attrs.snapshotsFailed = failed.length; }
      if (failed[0] && typeof failed[0].errorMessage === 'string') attrs.snapshotError = failed[0].errorMessage;
    }
  }
  const time = isoOrDate(first && (first as Record<string, unknown>).timestampUTC);
  // for ARM VMs the file says "success" whatever happened: the inner blob copy holds the real code
  const effective = (attrs.innerCode as number | undefined) ?? (attrs.code as number | undefined);
  if (effective !== undefined) attrs.resultCode = effective;
  const failedRun = st === 'error' || (effective !== undefined && ![0, 1, 3, 4].includes(effective) && attrs.handler !== undefined && /VMSnapshot/.test(String(attrs.handler)));
  const level = failedRun || st === 'error' ? 'error' : st === 'warning' ? 'warning' : 'info';
  const kind = /VMSnapshot/.test(String(attrs.handler ?? attrs.name ?? file)) ? 'status.vmsnapshot' : 'status.extension';
  return [fileEvent(file, kind, time, 'explicit-utc', `${op ?? 'status'}: status "${st ?? '?'}", code ${Number.isFinite(code) ? code : '?'}${message ? ` — ${message}` : ''}`, attrs, level)];
}

export function parseSettingsFile(text: string, file: string): Event[] {
  if (text.trim() === '') return [fileEvent(file, 'settings.extension', null, 'none', 'empty settings', {})];
  const pub = publicSettings(text);
  const h = handlerOf(file);
  const start = pub.commandStartTimeUTCTicks ? ticksToMs(pub.commandStartTimeUTCTicks) : null;
  const seq = /(\d+)\.settings$/.exec(file);
  const attrs: Record<string, AttrValue> = { ...pub, ...(h ? { handler: h.handler, handlerVersion: h.version } : {}), ...(seq ? { seqNo: Number(seq[1]) } : {}) };
  if (start !== null) attrs.jobStartMs = start;
  const kind = /VMSnapshot/.test(h?.handler ?? file) ? 'settings.vmsnapshot' : 'settings.extension';
  return [fileEvent(file, kind, start, 'explicit-utc', `settings seq ${attrs.seqNo ?? '?'}${pub.taskId ? ` taskId ${pub.taskId}` : ''}${pub.commandToExecute ? ` command ${pub.commandToExecute}` : ''}`, attrs)];
}

export function parseHandlerState(text: string, file: string): Event[] {
  const state = text.trim().split(/\s+/)[0] ?? '';
  const h = handlerOf(file);
  const bad = /^(NotInstalled|FailedUpgrade)$/i.test(state);
  return [fileEvent(file, 'handler.state', null, 'none', `HandlerState ${state}`, { state, ...(h ? { handler: h.handler, handlerVersion: h.version } : {}) }, bad ? 'warning' : 'info', 1, text.split('\n', 1)[0]!.replace(/\r$/, ''))];
}

export function parseHandlerStatus(text: string, file: string): Event[] {
  let doc: Record<string, unknown>;
  try { doc = JSON.parse(text); } catch (e) { return [malformed(file, (e as Error).message)]; }
  const h = handlerOf(file);
  const status = str(doc?.status) ?? '';
  const code = Number(str(doc?.code) ?? NaN);
  return [fileEvent(file, 'handler.status', null, 'none', `HandlerStatus ${status} code ${code}${doc?.message ? `: ${str(doc.message)}` : ''}`,
    { status, ...(Number.isFinite(code) ? { code } : {}), ...(h ? { handler: h.handler, handlerVersion: h.version } : {}) }, status === 'NotReady' ? 'warning' : 'info')];
}

export function parseWaagentStatus(text: string, file: string): Event[] {
  let doc: Record<string, unknown>;
  try { doc = JSON.parse(text); } catch (e) { return [malformed(file, (e as Error).message)]; }
  const agg = (doc?.aggregateStatus ?? {}) as Record<string, unknown>;
  const ga = (agg.guestAgentStatus ?? {}) as Record<string, unknown>;
  const version = str(ga.version) ?? str(doc?.current_version) ?? str(doc?.goal_state_version) ?? '';
  const status = str(ga.status) ?? '';
  const time = isoOrDate(doc?.timestampUTC ?? doc?.last_successful_status_upload_time);
  const out = [fileEvent(file, 'agent.status-blob', time, 'explicit-utc', `guest agent ${version} ${status}`, { version, status }, status === 'NotReady' ? 'warning' : 'info')];
  for (const h of (Array.isArray(agg.handlerAggregateStatus) ? agg.handlerAggregateStatus : []) as Record<string, unknown>[]) {
    out.push(fileEvent(file, 'agent.status-blob.handler', time, 'explicit-utc', `${str(h?.handlerName)} ${str(h?.handlerVersion)} ${str(h?.status)} code ${str(h?.code)}`,
      { handler: str(h?.handlerName) ?? '', handlerVersion: str(h?.handlerVersion) ?? '', status: str(h?.status) ?? '', code: Number(str(h?.code) ?? NaN) }, str(h?.status) === 'NotReady' ? 'warning' : 'info'));
  }
  return out;
}

export function parseAgentErrorJson(text: string, file: string): Event[] {
  let doc: Record<string, unknown>;
  try { doc = JSON.parse(text); } catch (e) { return [malformed(file, (e as Error).message)]; }
  const last = typeof doc?.last_failure === 'number' ? doc.last_failure * 1000 : null;
  const fatal = doc?.was_fatal === true;
  const v = /WALinuxAgent-([\d.]+)\//.exec(file)?.[1] ?? '';
  return [fileEvent(file, 'agent.error', last, 'explicit-utc', `agent ${v} failures ${str(doc?.failure_count)}${fatal ? ' (fatal: version blacklisted)' : ''}: ${str(doc?.reason) ?? ''}`,
    { version: v, wasFatal: fatal, failureCount: Number(doc?.failure_count ?? 0) }, fatal ? 'warning' : 'info')];
}

export function parsePrepostConfig(text: string, file: string): Event[] {
  if (file.endsWith('.conf')) return [fileEvent(file, 'config.prepost', null, 'none', 'pre/post plugin host config present', {})];
  let doc: Record<string, unknown>;
  try { doc = JSON.parse(text); } catch (e) { return [malformed(file, (e as Error).message)]; }
  return [fileEvent(file, 'config.prepost', null, 'none', `pre/post scripts: pre=${str(doc?.preScriptLocation) ?? '-'} post=${str(doc?.postScriptLocation) ?? '-'}`,
    { preScript: str(doc?.preScriptLocation) ?? '', postScript: str(doc?.postScriptLocation) ?? '', timeoutSec: Number(doc?.timeoutInSeconds ?? NaN) })];
}

export const samples = [
  { file: 'var/lib/waagent/Microsoft.Azure.RecoveryServices.VMSnapshotLinux-1.0.9225.0/status/26.status',
    text: '[{"version":"1.0","timestampUTC":"2024-06-11T03:14:02Z","status":{"name":"Microsoft.Azure.RecoveryServices.VMSnapshotLinux","operation":"Enable","status":"success","code":"122","taskId":"t-1","commandStartTimeUTCTicks":"638536807200000000","formattedMessage":{"lang":"en-US","message":"{\\"messageStr\\": \\"freeze failed\\"}"},"substatus":[]}}]',
    expect: { kind: 'status.vmsnapshot', level: 'error', attrs: { code: 122, status: 'success', taskId: 't-1', seqNo: 26 } } },
];
