/**
 * Records whose header was cut off: the lines before the first header of a file (a traceback
 * tail, `[stdout]`/`[stderr]` output, continuation lines, a line whose timestamp was clipped) are
 * one record. It is read first by the file's own grammar — its rules look at the message, not the
 * header — and, when none of them understands it, by what it holds: a traceback or crash from an
 * extension handler is that handler's failure; one from the agent is the agent's.
 */
import type { Event, Level } from '../src/model/types.js';
import type { LineGrammar } from '../src/parse/records.js';
import { classifyCrash, crashOf } from './crash.js';

/**
 * Kinds a grammar gives a record none of its rules recognised (`unparsed`: no grammar at all;
 * `headless.output`: output or a traceback nothing in it ties to a handler or the agent).
 */
export const UNREAD_KINDS = new Set(['unparsed', 'waagent.record', 'waagent.event', 'vmsnapshot.record', 'vmsnapshot.shell.record',
  'syslog.record', 'log.record', 'collector.record', 'windows.agent.record', 'headless.output']);

const LEVELS: Record<string, Level> = { INFO: 'info', WARNING: 'warning', WARN: 'warning', ERROR: 'error', VERBOSE: 'verbose' };
/** What is left of a clipped header: digits and time punctuation, then a level word. */
const CLIPPED = /^[\d.:/TZ, -]*\b(INFO|WARNING|WARN|ERROR|VERBOSE)\b:? ?/;

export function classifyHeadless(e: Event, grammar: LineGrammar): Event {
  e.attrs.headless = true;
  const clipped = CLIPPED.exec(e.message);
  if (clipped) { e.level = LEVELS[clipped[1]!]!; e.message = e.message.slice(clipped[0].length); }
  const level = e.level;
  grammar.classify(e);
  if (!UNREAD_KINDS.has(e.kind)) return e;
  const crash = crashOf(e.message);
  if (classifyCrash(e, false, crash)) return e;
  if (crash.traceback || /^\[std(?:err|out)\]$/m.test(e.message)) {
    e.kind = 'headless.output';
    e.level = level ?? (crash.traceback ? 'warning' : 'info');
    return e;
  }
  e.kind = 'unparsed';
  e.level = level;
  return e;
}

/** Lines before the first header and what they must become (checked by test/grammars.test.ts). */
export const samples: { lines: string[]; expect: Partial<Event> & { attrs?: Record<string, string | number | boolean> } }[] = [
  { lines: ['[stderr]', 'Traceback (most recent call last):', '  File "/var/lib/waagent/Microsoft.Azure.RecoveryServices.VMSnapshotLinux-1.0.9999.0/main/handle.py", line 10, in <module>', "ModuleNotFoundError: No module named 'distutils'"],
    expect: { kind: 'waagent.extension.failed', level: 'error', lines: 4, attrs: { headless: true, handler: 'Microsoft.Azure.RecoveryServices.VMSnapshotLinux', missingModule: 'distutils' } } },
  { lines: ['  File "/usr/lib/python3/dist-packages/azurelinuxagent/common/utils/restutil.py", line 5, in http_get', 'OSError: [Errno 101] Network is unreachable'],
    expect: { kind: 'waagent.agent.traceback', level: 'warning', attrs: { origin: 'agent', exception: 'OSError' } } },
  { lines: ['12.345678 ERROR Exception retrieving extension handlers: [ProtocolError] /var/lib/waagent/GoalState.7.xml is missing.'],
    expect: { kind: 'waagent.goal-state.missing-file', level: 'error', attrs: { incarnation: 7 } } },
  { lines: ['    continuation of something', 'that no rule knows'],
    expect: { kind: 'unparsed', lines: 2 } },
];
