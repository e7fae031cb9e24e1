/**
 * Whose code a crash or traceback comes from, and how it ended, read from the text itself: the
 * paths in a Python traceback or a crash reporter's line name the extension handler
 * (`/var/lib/waagent/<Handler>-<version>/…`) or the agent (`azurelinuxagent/…`, `WALinuxAgent-…`,
 * `waagent`). Shared by the records whose header was cut off and by system logs (abrt, kernel).
 */
import type { AttrValue, Event } from '../src/model/types.js';

export interface Origin { who: 'handler' | 'agent' | null; handler?: string; handlerVersion?: string }

const HANDLER_PATH = /\/var\/lib\/waagent\/([A-Za-z][\w.]*?)-(\d+(?:\.\d+)+)\//;
const AGENT_PATH = /azurelinuxagent[/.']|WALinuxAgent-\d[\w.]*-py[\d.]+\.egg|\/usr\/sbin\/waagent|\bbin\/waagent\b/;

function originOf(text: string): Origin {
  const h = HANDLER_PATH.exec(text);
  if (h && !/^WALinuxAgent$/.test(h[1]!)) return { who: 'handler', handler: h[1]!, handlerVersion: h[2]! };
  if (AGENT_PATH.test(text)) return { who: 'agent' };
  return { who: null };
}

/** A Python traceback, its tail, or a crash reporter's words. */
const TRACEBACK = /Traceback \(most recent call last\)|^\s*File "[^"]+", line \d+|^\s*\w+(?:\.\w+)*(?:Error|Exception): /m;
const CRASH_WORDS = /unhandled (?:Python )?exception|crashed|Segmentation fault|core dumped|terminated by signal|Fatal Python error/i;

export interface CrashText { traceback: boolean; crash: boolean; exception?: string; missingModule?: string; topLevel: boolean }

/** The outermost frame is the agent's entry point itself (the single-file 2.0.x agent or bin/waagent). */
const AGENT_TOP_FRAME = /File "[^"]*\bwaagent", line \d+, in (?:main|<module>)/;

export function crashOf(text: string): CrashText {
  const first = /File "[^"]+", line \d+, in \S+/.exec(text)?.[0] ?? '';
  const out: CrashText = { traceback: TRACEBACK.test(text), crash: CRASH_WORDS.test(text), topLevel: AGENT_TOP_FRAME.test(first) };
  // the last exception line of a chain is the one that ended the program
  const exc = [...text.matchAll(/^\s*((?:\w+\.)*\w*(?:Error|Exception|Exit|Interrupt)): ?(.*)$/gm)].at(-1);
  if (exc) out.exception = exc[1]!;
  const mod = [...text.matchAll(/No module named '?([\w.]+)'?/g)].at(-1);
  if (mod) out.missingModule = mod[1]!;
  return out;
}

/** Attributes of a crash for an event: who, handler, exception, missing module. */
export function crashAttrs(text: string, c: CrashText = crashOf(text)): Record<string, AttrValue> {
  const o = originOf(text);
  const attrs: Record<string, AttrValue> = {};
  if (o.who) attrs.origin = o.who;
  if (o.handler) { attrs.handler = o.handler; attrs.handlerVersion = o.handlerVersion!; }
  if (c.exception) attrs.exception = c.exception;
  if (c.missingModule) attrs.missingModule = c.missingModule;
  return attrs;
}

/**
 * Gives a record that is a traceback or a crash its kind: a handler's is that extension's failure,
 * the agent's is a crash when `fatal` (stderr of the agent's process, a crash reporter) or the
 * text says so, else a traceback it logged. Returns false when the text is neither.
 */
export function classifyCrash(e: Event, fatal: boolean, crash: CrashText = crashOf(e.message)): boolean {
  if (!crash.traceback && !crash.crash) return false;
  Object.assign(e.attrs, crashAttrs(e.message, crash));
  const who = e.attrs.origin;
  if (who === 'handler') { e.kind = 'waagent.extension.failed'; e.level = 'error'; return true; }
  if (who === 'agent') {
    // a frame line alone is part of the story; the exception line (or the reporter's words) is the end
    // a traceback whose outermost frame is the agent's entry point went all the way up: it ended the agent
    const died = crash.crash || crash.topLevel || (fatal && crash.exception !== undefined);
    e.kind = died ? 'waagent.agent.crash' : 'waagent.agent.traceback';
    e.level = died ? 'error' : e.level ?? 'warning';
    return true;
  }
  return false;
}

export const samples: { text: string; expect: Record<string, AttrValue> }[] = [
  { text: 'Traceback (most recent call last):\n  File "/var/lib/waagent/Microsoft.Azure.Extensions.CustomScript-2.1.10/bin/x.py", line 3, in <module>\n    import imp\nModuleNotFoundError: No module named \'imp\'',
    expect: { origin: 'handler', handler: 'Microsoft.Azure.Extensions.CustomScript', handlerVersion: '2.1.10', exception: 'ModuleNotFoundError', missingModule: 'imp' } },
  { text: '  File "bin/WALinuxAgent-2.2.53-py2.7.egg/azurelinuxagent/ga/update.py", line 12, in run\nRuntimeError: maximum recursion depth exceeded',
    expect: { origin: 'agent', exception: 'RuntimeError' } },
  { text: "abrt: detected unhandled Python exception in '/var/lib/waagent/Microsoft.OSTCExtensions.VMAccessForLinux-1.5.2/vmaccess.py'",
    expect: { origin: 'handler', handler: 'Microsoft.OSTCExtensions.VMAccessForLinux' } },
  { text: "ImportError: No module named 'azurelinuxagent'", expect: { origin: 'agent', exception: 'ImportError', missingModule: 'azurelinuxagent' } },
];
