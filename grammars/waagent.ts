/**
 * WALinuxAgent log records, all five line generations (FORMATS.md §1.2):
 *   G0 2.0.x      `YYYY/MM/DD HH:MM:SS [ERROR:|WARNING:]msg`                 local time
 *   G1 ≤2.2.30    `YYYY/MM/DD HH:MM:SS.ffffff LEVEL msg`                     local time
 *   G2 ≤2.2.45    `YYYY/MM/DD HH:MM:SS.ffffff LEVEL Prefix msg`              local time
 *   G3 2.2.46     `YYYY-MM-DDTHH:MM:SS.ffffffZ LEVEL Prefix msg`             UTC
 *   G4 ≥2.2.47    `YYYY-MM-DDTHH:MM:SS.ffffffZ LEVEL Thread Prefix msg`      UTC
 * The header is sniffed by character codes (it runs on every line); message classification is
 * a table of literal-guarded rules, and the structured parts use the chevrotain grammars in
 * waagent-message.ts.
 */
import type { AttrValue, Event, Level, TimeSource } from '../src/model/types.js';
import { recordMessage, type FileContext, type Header, type HeaderBytes, type LineGrammar } from '../src/parse/records.js';
import { byteD2, byteDigitRun, byteFractionMs, d2, d4, fraction, wallMs } from '../src/parse/time.js';
import { mechanismOf, parseEventRecord, parseHttpFailure, targetOf } from './waagent-message.js';
import { classifyCrash, crashOf } from './crash.js';
import { matcherFor } from '../src/parse/literals.js';

const LEVELS: Record<string, Level> = { INFO: 'info', WARNING: 'warning', ERROR: 'error', VERBOSE: 'verbose' };
const LEVEL_WORDS = Object.entries(LEVELS);
const PREFIXES = ['Daemon', 'ExtHandler', 'LogCollector', 'Firewall'];
const HANDLER_PREFIX = /^\[([^\]\s]+?)-(\d+(?:\.\d+)+)\]$/;
/** The same `[Handler-version]`, opening a message (2.0.x has no prefix word). */
const HANDLER_AT_START = new RegExp(HANDLER_PREFIX.source.replace(/\$$/, ''));

/** Where the space-separated word of `s` starting at `i` ends. */
function wordEnd(s: string, i: number): number {
  const j = s.indexOf(' ', i);
  return j < 0 ? s.length : j;
}

/** The level a word names (only these four words: no lookup that an odd word could fool). */
function levelWord(line: string, start: number, end: number): Level | null {
  for (const [w, level] of LEVEL_WORDS) if (end - start === w.length && line.startsWith(w, start)) return level;
  return null;
}

/** Whether the word at [start, end) is a log prefix: 'component' (Daemon, ExtHandler, …), 'handler' (`[Name-1.2.3]`) or not. */
function prefixAt(line: string, start: number, end: number): 'component' | 'handler' | null {
  if (line.charCodeAt(start) === 91 /* [ */) return HANDLER_PREFIX.test(line.slice(start, end)) ? 'handler' : null;
  for (const p of PREFIXES) if (end - start === p.length && line.startsWith(p, start)) return 'component';
  return null;
}

/**
 * A header line's parts by position, before any string is made of them (one object, reused):
 * what waagentHeader turns into a Header, and all quickKind needs.
 */
interface Shape {
  ms: number | null; timeSource: TimeSource; level: Level; gen: string; continues: boolean;
  /** [start, end) of the thread and prefix words (-1 when the line has none), and where the message starts. */
  thread: number; threadEnd: number; prefix: number; prefixEnd: number; body: number;
}

const shape: Shape = { ms: null, timeSource: 'none', level: 'info', gen: '', continues: false, thread: -1, threadEnd: -1, prefix: -1, prefixEnd: -1, body: 0 };

function setShape(ms: number | null, timeSource: TimeSource, level: Level, gen: string, body: number): Shape {
  shape.ms = ms; shape.timeSource = timeSource; shape.level = level; shape.gen = gen; shape.body = body;
  shape.continues = false; shape.thread = shape.threadEnd = shape.prefix = shape.prefixEnd = -1;
  return shape;
}

function headerShape(line: string): Shape | null {
  const c0 = line.charCodeAt(0);
  if (c0 === 69 /* E */ || c0 === 87 /* W */) return bareG0Shape(line);
  if (line.length < 19) return null;
  const c4 = line.charCodeAt(4);
  if (c4 === 45 /* - */ && line.charCodeAt(10) === 84 /* T */) return isoShape(line);
  if (c4 === 47 /* / */ && line.charCodeAt(7) === 47 && line.charCodeAt(13) === 58) return slashShape(line);
  return null;
}

function isoShape(line: string): Shape | null {
  const y = d4(line, 0), mo = d2(line, 5), d = d2(line, 8), h = d2(line, 11), mi = d2(line, 14), s = d2(line, 17);
  let i = 19, ms = 0;
  if (line.charCodeAt(i) === 46) { const [f, k] = fraction(line, i + 1); ms = f; i += 1 + k; }
  if (line.charCodeAt(i) !== 90 /* Z */ || line.charCodeAt(i + 1) !== 32) return null;
  const t = wallMs(y, mo, d, h, mi, s, ms);
  if (Number.isNaN(t)) return null;
  const n = line.length;
  const a0 = i + 2, a1 = wordEnd(line, a0);
  const level = levelWord(line, a0, a1);
  if (!level) return null;
  const b0 = Math.min(a1 + 1, n), b1 = wordEnd(line, b0);
  const c0 = Math.min(b1 + 1, n), c1 = wordEnd(line, c0);
  if (prefixAt(line, c0, c1)) { // G4: thread then prefix
    const sh = setShape(t, 'explicit-utc', level, 'G4', Math.min(c1 + 1, n));
    sh.thread = b0; sh.threadEnd = b1; sh.prefix = c0; sh.prefixEnd = c1;
    return sh;
  }
  const sh = setShape(t, 'explicit-utc', level, 'G3', c0); // G3: prefix only
  sh.prefix = b0; sh.prefixEnd = b1;
  return sh;
}

/**
 * 2.0.x logs each line of a traceback with its own header: frames, code and the final exception
 * continue it; so does the traceback itself after the exception's text (`Error(str(e))` then
 * `Error(traceback.format_exc())`), and the empty line format_exc ends with. A failed request is
 * dumped the same way (`Retry=N`, then its `HTTP Req:` and `HTTP Err:` lines): one exchange, one record.
 */
const G0_CONTINUATION = /^ {2}|^[A-Za-z_][\w.]*: |^Traceback \(most recent call last\):$|^$|^HTTP (?:Req|Err): /;

function slashShape(line: string): Shape | null {
  const y = d4(line, 0), mo = d2(line, 5), d = d2(line, 8), h = d2(line, 11), mi = d2(line, 14), s = d2(line, 17);
  let i = 19, ms = 0, frac = false;
  if (line.charCodeAt(i) === 46) { const [f, k] = fraction(line, i + 1); ms = f; i += 1 + k; frac = true; }
  const t = wallMs(y, mo, d, h, mi, s, ms);
  if (Number.isNaN(t)) return null;
  if (!frac) { // G0: no level word, optional ERROR:/WARNING: glued to the message
    const rest = i + 1;
    const level: Level = line.startsWith('ERROR:', rest) ? 'error' : line.startsWith('WARNING:', rest) ? 'warning' : 'info';
    const sh = setShape(t, 'local:?', level, 'G0', rest + (level === 'error' ? 6 : level === 'warning' ? 8 : 0));
    sh.continues = level !== 'info' && G0_CONTINUATION.test(line.slice(sh.body));
    return sh;
  }
  const n = line.length;
  const a0 = i + 1, a1 = wordEnd(line, a0);
  const level = levelWord(line, a0, a1);
  if (!level) return null;
  const b0 = Math.min(a1 + 1, n), b1 = wordEnd(line, b0);
  const p = prefixAt(line, b0, b1);
  if (!p) return setShape(t, 'local:?', level, 'G1', b0);
  const sh = setShape(t, 'local:?', level, p === 'component' ? 'G2' : 'G1', Math.min(b1 + 1, n));
  sh.prefix = b0; sh.prefixEnd = b1;
  return sh;
}

/** 2.0.x lines copied without their timestamp (console output): `ERROR:msg`, `WARNING:msg`. */
function bareG0Shape(line: string): Shape | null {
  if (line.startsWith('ERROR:')) return setShape(null, 'none', 'error', 'G0', 6);
  if (line.startsWith('WARNING:')) return setShape(null, 'none', 'warning', 'G0', 8);
  return null;
}

export function waagentHeader(line: string): Header | null {
  const sh = headerShape(line);
  if (!sh) return null;
  const body = line.slice(sh.body);
  const attrs: Record<string, AttrValue> = { gen: sh.gen };
  if (sh.thread >= 0) attrs.thread = line.slice(sh.thread, sh.threadEnd);
  if (sh.prefix >= 0) setPrefix(attrs, line.slice(sh.prefix, sh.prefixEnd));
  if (sh.gen === 'G0' && sh.ms !== null) { // a 2.0.x handler names itself at the start of the message
    const hp = HANDLER_AT_START.exec(body);
    if (hp) { attrs.handler = hp[1]!; attrs.handlerVersion = hp[2]!; }
  }
  return { ms: sh.ms, timeSource: sh.timeSource, level: sh.level, body, attrs, ...(sh.continues ? { continues: true } : {}) };
}

const LEVEL_BYTES: [Buffer, Level][] = Object.entries(LEVELS).map(([w, l]) => [Buffer.from(w), l]);
const G0_LEVELS: [Buffer, Level][] = [[Buffer.from('ERROR:'), 'error'], [Buffer.from('WARNING:'), 'warning']];
/** Header forms, which decide how the rest of the line reads (a 2.0.x line has no level word). */
const FORM_BARE = 0, FORM_SLASH = 1, FORM_SLASH_FRACTION = 2, FORM_ISO = 3;
const sniffed: HeaderBytes = { ms: null, level: null, timeSource: 'none', continues: false, timeEnd: 0, messageFrom: 0, form: FORM_BARE };

function startsWith(b: Buffer, at: number, end: number, word: Buffer, whole: boolean): boolean {
  if (at + word.length > end) return false;
  for (let k = 0; k < word.length; k++) if (b[at + k] !== word[k]) return false;
  return !whole || at + word.length === end || b[at + word.length] === 32;
}

function levelAt(b: Buffer, at: number, end: number): Level | null {
  const c = b[at];
  // the four level words start with four different letters: one comparison says which to try
  for (const [w, l] of LEVEL_BYTES) if (w[0] === c) return startsWith(b, at, end, w, true) ? l : null;
  return null;
}

/**
 * waagentHeader's answer (header or not, time, level) read from the bytes of a line, for the
 * sieve: no strings, no attributes. test/fast-path.test.ts holds the two to the same answers.
 */
function waagentHeaderBytes(b: Buffer, s: number, end: number): HeaderBytes | null {
  sniffed.continues = false;
  const c0 = b[s];
  if (c0 === 69 /* E */ || c0 === 87 /* W */) { // bareG0Shape
    sniffed.level = G0_LEVELS.find(([w]) => startsWith(b, s, end, w, false))?.[1] ?? null;
    if (!sniffed.level) return null;
    sniffed.ms = null; sniffed.timeSource = 'none'; sniffed.timeEnd = sniffed.messageFrom = s; sniffed.form = FORM_BARE;
    return sniffed;
  }
  if (end - s < 19) return null;
  const c4 = b[s + 4];
  const iso = c4 === 45 && b[s + 10] === 84;
  if (!iso && !(c4 === 47 && b[s + 7] === 47 && b[s + 13] === 58)) return null;
  const y = byteD2(b, s) * 100 + byteD2(b, s + 2);
  let i = s + 19, ms = 0, frac = false;
  if (b[i] === 46 && i < end) { const k = byteDigitRun(b, i + 1, end); ms = byteFractionMs(b, i + 1, k); i += 1 + k; frac = true; }
  const t = wallMs(y, byteD2(b, s + 5), byteD2(b, s + 8), byteD2(b, s + 11), byteD2(b, s + 14), byteD2(b, s + 17), ms);
  if (iso) {
    if (i + 1 >= end || b[i] !== 90 || b[i + 1] !== 32 || Number.isNaN(t)) return null;
    sniffed.level = levelAt(b, i + 2, end);
    sniffed.timeSource = 'explicit-utc';
  } else {
    if (Number.isNaN(t)) return null;
    if (frac) sniffed.level = levelAt(b, i + 1, end);
    else {
      const g0 = G0_LEVELS.find(([w]) => startsWith(b, i + 1, end, w, false))?.[1];
      sniffed.level = g0 ?? 'info';
      sniffed.continues = g0 !== undefined; // slashShape's G0_CONTINUATION, said conservatively
    }
    sniffed.timeSource = 'local:?';
  }
  if (!sniffed.level) return null;
  sniffed.ms = t;
  sniffed.timeEnd = i; // the level, the header's words and the message follow
  sniffed.form = iso ? FORM_ISO : frac ? FORM_SLASH_FRACTION : FORM_SLASH;
  // the message starts after the level word (G1), and in the ISO forms after one more word (G3's
  // prefix, G4's thread): nothing before it is read by a rule
  sniffed.messageFrom = !frac && !iso ? i : wordEndAt(b, iso ? wordEndAt(b, i + 2, end) + 1 : i + 1, end);
  return sniffed;
}

/** Where the space-separated word of bytes starting at `at` ends (`end` when it runs to it). */
function wordEndAt(b: Buffer, at: number, end: number): number {
  while (at < end && b[at] !== 32) at++;
  return Math.min(at, end);
}

function setPrefix(attrs: Record<string, AttrValue>, p: string): void {
  const m = p.charCodeAt(0) === 91 /* [ */ ? HANDLER_PREFIX.exec(p) : null;
  if (m) { attrs.handler = m[1]!; attrs.handlerVersion = m[2]!; } else attrs.prefix = p;
}

// ---- classification ---------------------------------------------------------------------------
/** `problem`: the rule reads only a warning's or an error's record (the same words at info or verbose are routine trace). */
type Rule = { kind: string; lit: string[]; re?: RegExp; attrs?: (m: RegExpExecArray, e: Event) => Record<string, AttrValue>; problem?: true };

const R = (kind: string, lit: string[], re?: RegExp, attrs?: Rule['attrs']): Rule => ({ kind, lit, re, attrs });

/** Ordered: the first rule whose literal occurs (and whose regex matches) wins. */
const RULES: Rule[] = [
  R('waagent.heartbeat', ['[HEARTBEAT] Agent '], /Agent (?:WALinuxAgent-)?(\S+) is running as the goal state agent(?: \[DEBUG HeartbeatCounter: (\d+);HeartbeatId: [^;]*;(?:DroppedPackets: \d+;)?UpdateGSErrors: (\d+))?/,
    (m) => ({ version: m[1]!, ...(m[3] ? { updateGSErrors: Number(m[3]) } : {}) })),
  R('waagent.goal-state.missing-file', [' is missing'], /\/var\/lib\/waagent\/(GoalState|ExtensionsConfig)\.(\d+)\.xml is missing/,
    (m) => ({ file: m[1]!, incarnation: Number(m[2]) })),
  R('waagent.start.goal-state-agent', ['Goal State Agent version'], /\(Goal State Agent version (\S+?)\)/, (m) => ({ version: m[1]! })),
  R('waagent.start.goal-state-agent', ['is running as the goal state agent'], /Agent (?:WALinuxAgent-)?(\S+) is running as the goal state agent/, (m) => ({ version: m[1]! })),
  R('waagent.start.goal-state-agent', [' running as process '], /(?:WALinuxAgent-)(\S+) running as process (\d+)/, (m) => ({ version: m[1]!, pid: Number(m[2]) })),
  R('waagent.start.daemon', ['Agent Version'], /(?:Windows )?Azure Linux Agent Version: ?(?:WALinuxAgent-)?(\S+)/, (m) => ({ version: m[1]! })),
  R('waagent.agent.disabled', ['Disabling guest agent in accordance with ovf-env.xml', 'Disabling the guest agent by sleeping forever']),
  R('waagent.extensions-disabled', ['Extensions.Enabled is set to False', 'extension processing is disabled']),
  R('waagent.autoupdate-disabled', ['AutoUpdate.Enabled is set to False', 'AutoUpdate.UpdateToLatestVersion is set to False']),
  // every wording the agent used for a version it will not run again, its own misspelling included
  R('waagent.agent.blacklisted', ['permanently blacklisted', 'permenantly blacklisted', 'permanently disabled', 'restarted more than 3 times'], /Agent (?:WALinuxAgent-)?(\S+) /, (m) => ({ version: m[1]! })),
  // crash and respawn wordings of the daemon and its ExtHandler child, in every generation
  R('waagent.agent.crash', ['failed with return code', 'exited with return code', 'failed with exception', 'launch failed with command', 'ended with exception', 'thread died, restarting', 'Unhandled exception', 'unhandled exception'],
    /return code: (-?\d+)|$/, (m): Record<string, AttrValue> => (m[1] ? { exitCode: Number(m[1]) } : {})),
  // the next start's note that the previous process ended uncleanly: a crash, or a kill at shutdown (real
  // logs show both), so a sign for liveness to weigh, not a crash by itself
  R('waagent.agent.unclean-exit', ['did not terminate cleanly']),
  R('waagent.agent.signal', ['forwarding signal'], /forwarding signal (\d+)/, (m) => ({ signal: Number(m[1]) })),
  // a version the agent skips (blacklisted earlier): routine while another version runs
  R('waagent.update.skipped', [' is blacklisted'], /Agent (?:WALinuxAgent-)?(\S+) is blacklisted/, (m) => ({ version: m[1]! })),
  R('waagent.update.failed', ['Unable to update Agent', 'not found in the goal state, skipping agent update']),
  // openssl's own error lines (`<pid>:error:<8 hex>:<lib>:<func>:<reason>`) say a certificate command failed
  R('waagent.certificate.error', [':error:'], /\b\d+:error:[0-9A-Fa-f]{8}:/, () => ({ openssl: true })),
  R('waagent.certificate.error', ['unable to load certificate', 'recipient certificate', 'Error outputting keys and certificates', 'cms -decrypt', 'smime -inform', 'pkcs12 -nodes', 'TransportCert.pem is missing', 'TransportPrivate.pem is missing']),
  R('waagent.certificate.error', ['[CryptError]', '[000011]', 'Failed to decrypt', 'decrypt protected', 'Error decrypting', 'Failed to get certificates', 'openssl']),
  // 2.0.x: DoDhcpWork errors carry the try number glued to the exception text
  R('waagent.dhcp.problem', ['DoDhcpWork,try='], /DoDhcpWork,try=\d+(?!$|,=>)/, () => ({ gen0: true })),
  // 2.0.x found the WireServer through DHCP (Agent.Run, archive/2.0 `waagent`): an earlier DHCP try's failure was got over
  R('waagent.endpoint.discovered', ['Discovered Windows Azure endpoint: ']),
  R('waagent.dhcp.problem', ['Windows Azure environment not detected', 'WireServer endpoint is not found', 'DHCP not available', 'Failed to send DHCP request', 'No route exists to 168.63.129.16', 'Dhcp client is not running', 'Using hardcoded Wireserver endpoint', '[GetWireserverEndpoint]', 'Protocol endpoint not found', 'WireServer is not responding. Reset dhcp endpoint', 'DHCP usage for endpoint discovery is disabled']),
  // 2.0.x's EnvMonitor finding no DHCP client: its `pidof <client>` (`pgrep -n` on some distros) fails, logged as a
  // failed command (archive/2.0 `waagent` monitor(): the clients it knows); what later agents say as "Dhcp client is not running"
  R('waagent.dhcp.problem', ['Command string was pidof ', 'Command string was pgrep -n '],
    /Command string was (?:pidof|pgrep -n) +(dhclient3?|dhcpcd|wickedd-dhcp4|systemd-networkd)\s*$/m, (m) => ({ client: m[1]! })),
  R('waagent.firewall.problem', ['firewall rules for Azure Fabric are not setup correctly', 'Unable to add firewall rules']),
  // status uploads of every generation: the host-plugin channel, blob type errors, 2.0.x HttpPut*Blob retries
  R('waagent.status.upload-failed', ['HostGAPlugin: Put BlockBlob failed', 'HostGAPlugin: Put PageBlob failed', 'Put VM status', 'put_vm_status',
    'InvalidBlobType', 'The blob type is invalid', 'HttpPutBlockBlob(', 'HttpPutPageBlob(', 'Failed to upload status', 'Failed to report status',
    'Failed to get status blob type', 'is an unsupported blob type']),
  // the host plugin's status endpoint answering with an error
  R('waagent.status.upload-failed', [':32526/status'], /:32526\/status\S* \[(\d{3}):/, (m) => ({ statusCode: Number(m[1]), target: 'hostplugin' })),
  // 2.0.x dumps a failed request; one that writes a blob (x-ms-blob-type) or probes one is its status blob, and
  // so is one that sends the storage service version: 2.0.x sends it only in its status blob calls
  // (GetBlobType's HEAD, PutBlockBlob, PutPageBlob; WALinuxAgent archive/2.0 `waagent`, __StorageVersion)
  // (only at ERROR: 2.1-2.2 agents trace every request at VERBOSE, the status blob's included, in the same words)
  { ...R('waagent.status.upload-failed', ["'x-ms-blob-type'", 'HTTP Req: PUT https://', 'HTTP Req: HEAD https://', "'x-ms-version': '2014-02-14'"],
    /x-ms-blob-type|HTTP Req: (?:PUT|HEAD) https:\/\/[^/\s]+\.blob\.|HTTP Req: Header=\{[^}]*'x-ms-version': '2014-02-14'/, () => ({ statusBlob: true })), problem: true },
  R('waagent.status.upload-failed', ['Exception uploading status blob', 'Failed to upload status blob', 'Failed to report vm agent status', 'Failed to report status']),
  R('waagent.hostplugin.heartbeat-failed', ['SendHostPluginHeartbeat']),
  R('waagent.goal-state.fetch-failed', ['Error fetching the goal state', 'Fetching the goal state failed', 'Fetching the goal state is still failing', 'An error occurred while retrieving the goal state', 'Exception retrieving extension handlers', 'Exception retrieving agent manifests', 'Calling wire server failed', 'Exceeded max retry updating goal state', '[Wireserver Exception]', '[Wireserver Failed]']),
  R('waagent.download.failed', ['Fetch failed', 'Failed to download', 'Download failed', 'Could not fetch', 'Timeout downloading']),
  R('waagent.http.failed', ['[HTTP Failed]', '[HTTP Retry]', 'HTTP Err:', 'socket IOError', 'Socket IOError', 'Tunnel connection failed', 'Proxy Authentication Required', 'ProxyError']),
  // the agent's answer to a 503: it sleeps and retries
  R('waagent.http.failed', ['Service temporarily unavailable'], /sleeping (\d+)s/, (m) => ({ statusCode: 503, sleepSec: Number(m[1]) })),
  // 2.0.x requests to the WireServer: `HttpPost(/machine?comp=health),retry=0,status=None`
  R('waagent.http.failed', ['HttpPost(', 'HttpGet(', 'HttpPut('], /Http(Get|Post|Put)\((\/[^,)\s]*)?[^)]*\),retry=(\d+)(?:,status=(\d+))?/,
    (m): Record<string, AttrValue> => ({ method: m[1]!.toUpperCase(), ...(m[2] ? { target: 'wireserver' } : {}), retry: Number(m[3]), ...(m[4] ? { statusCode: Number(m[4]) } : {}) })),
  // 2.0.x request/response dumps that accompany a failed call
  R('waagent.http.dump', ['HTTP Req:', 'HTTP Rsp:', 'Retry='], /HTTP R(?:eq|sp): |^Retry=\d+/, () => ({})),
  R('waagent.command.failed', ['Return code: '], /^Return code: (-?\d+)$/, (m) => ({ exitCode: Number(m[1]) })),
  R('waagent.command.failed', ['CalledProcessError'], /Command string was (.+)|Error Code is (-?\d+)|$/,
    (m): Record<string, AttrValue> => (m[1] ? { command: m[1].trim() } : m[2] ? { exitCode: Number(m[2]) } : {})),
  R('waagent.goal-state.recovered', ['Fetching the goal state recovered']),
  R('waagent.goal-state.processed', ['ProcessGoalState completed', 'ProcessExtensionsGoalState completed', 'ProcessExtensionsInGoalState completed', 'Fetch goal state from WireServer completed'],
    /(\d+) ms\]/, (m) => ({ durationMs: Number(m[1]) })),
  R('waagent.extension.state', ['Target handler state: '], /Target handler state: (\w+)/, (m) => ({ state: m[1]! })),
  R('waagent.extension.settings', ['Update settings file: '], /Update settings file: (\d+)\.settings/, (m) => ({ seqNo: Number(m[1]) })),
  R('waagent.extension.command', ['Install extension [', 'Enable extension', 'Disable extension', 'Uninstall extension [', 'Update extension ['],
    /^(Install|Enable|Disable|Uninstall|Update) extension/, (m) => ({ op: m[1]! })),
  // a status list naming an extension in error is that extension's failure
  R('waagent.extension.failed', ['Extension status: [', 'have reached a terminal state'], /\('([A-Za-z][\w.]+)', 'error'\)/, (m) => ({ handler: m[1]!, status: 'error' })),
  R('waagent.extension.status', ['Extension status: [', 'have reached a terminal state']),
  R('waagent.extension.failed', ['Non-zero exit code', 'Timeout(', 'Downgrade not allowed', 'Failed to launch', 'HandlerManifest.json not found', 'Error while unzipping', 'Failed to save handler status', 'is mounted with the noexec flag', 'Unable to find version']),
  // 2.0.x names the handler in its own words: `Installation failed for <Handler>-<ver>` (also Enable, Update, Uninstall)
  R('waagent.extension.failed', ['Installation failed for ', 'Enable failed for ', 'Update failed for ', 'Uninstall failed for '],
    /^(Installation|Enable|Update|Uninstall) failed for ([A-Za-z][\w.]*?)-(\d+(?:\.\d+)+)$/,
    (m) => ({ op: m[1] === 'Installation' ? 'Install' : m[1]!, handler: m[2]!, handlerVersion: m[3]! })),
  // ... and before it the handler command's end, without the handler's name
  R('waagent.extension.failed', ['returned non-zero exit code('], /^Process \d+ returned non-zero exit code\((-?\d+)\)$/, (m) => ({ exitCode: Number(m[1]) })),
  R('waagent.extension.failed', ['Process exceeded timeout of '], /^Process exceeded timeout of (\d+) seconds/, (m) => ({ timeoutSec: Number(m[1]) })),
  // the agent's pass over all extension handlers raised (≤2.2.45, 2.4-2.7 and ≥2.8 wordings): none after it ran;
  // an error naming a handler's directory is that handler's
  R('waagent.extensions.failed', ['Exception processing extension handlers', 'ProcessExtensionsInGoalState failed', 'ProcessExtensionsGoalState failed', 'Unexpected error when processing goal state'],
    /\/var\/lib\/waagent\/(?!WALinuxAgent-)([A-Za-z][\w.]*?)-(\d+(?:\.\d+)+)(?![\w.])|$/,
    (m): Record<string, AttrValue> => (m[1] ? { handler: m[1], handlerVersion: m[2]! } : {})),
  // the agent removes a handler's directory on uninstall, after an update, and when an install left it NotInstalled
  R('waagent.extension.removed', ['Remove extension handler directory: ']),
  // only the state that says an install did not hold: an agent logs `enabled` on every pass over every handler
  R('waagent.extension.current-state', ['urrent handler state is: notinstalled', 'urrent handler state is: NotInstalled'], /(?:\[(\w+)\] )?[Cc]urrent handler state is: (\w+)/,
    (m): Record<string, AttrValue> => ({ ...(m[1] ? { op: m[1] } : {}), state: m[2]!.toLowerCase() })),
  // verbose request/answer pairs: a request repeated with no answer between is a retry that got nothing back
  R('waagent.http.request', ['HTTP connection ['], /HTTP connection \[(\w+)\] \[(?:https?:\/\/([^/:\]]+)(?::(\d+))?)?([^\]]*)\]/,
    (m): Record<string, AttrValue> => {
      const host = m[2] ?? '168.63.129.16', port = m[3] ? Number(m[3]) : null;
      return { method: m[1]!, url: `${m[2] ? `${host}${m[3] ? `:${m[3]}` : ''}` : ''}${m[4]!.replace(/\?.*$/, '')}`, host, target: targetOf(host, port) ?? 'other' };
    }),
  R('waagent.http.response', ['HTTP response status: ['], /HTTP response status: \[(\d+)\]/, (m) => ({ statusCode: Number(m[1]) })),
  R('waagent.proxy', ['HTTP proxy: ['], /HTTP proxy: \[([^\]]+)\]/, (m) => ({ proxy: m[1]! })),
  R('waagent.log-collector', ['Log collection', 'log collector mode']),
];

/** Every name the agent has given its own events (FORMATS.md §1.3; `WALA` in 2.1-era logs). */
const AGENT_EVENT_NAMES = /^(?:WALinuxAgent(?:-\d[\w.]*)?|WALA)$/;

/** Every rule literal with the rank of the first rule that holds it; `Event: ` ranks after the rules. */
const SIEVE_LITERALS: [string, number][] = [...RULES.flatMap((r, i) => r.lit.map((l): [string, number] => [l, i])), ['Event: ', RULES.length]];

const LITERAL_TEXTS = SIEVE_LITERALS.map(([l]) => l), LITERAL_RANKS = SIEVE_LITERALS.map(([, r]) => r);

/**
 * The first rule (from rule `from` on, or from the first whose literal occurs) whose literal
 * occurs and whose regex, when it reads attributes, matches, skipping the rules for problems
 * when the record is not one (`problem`); with the match. `from` may skip
 * rules only when none of their literals is in the text (the sieve knows this from its byte scan).
 */
function matchRule(text: string, problem: boolean, from?: number): [Rule, RegExpExecArray | null] | null {
  if (from === undefined) {
    from = matcherFor(LITERAL_TEXTS, LITERAL_RANKS).lowestRankOf(text);
    if (from < 0) return null;
  }
  for (let i = from; i < RULES.length; i++) {
    const r = RULES[i]!;
    if (r.problem && !problem) continue;
    let hit = false;
    for (const l of r.lit) if (text.includes(l)) { hit = true; break; }
    if (!hit) continue;
    const m = r.re ? r.re.exec(text) : null;
    if (!m && r.re && r.attrs) continue;
    return [r, m];
  }
  return null;
}

function applyRule(e: Event, text: string): boolean {
  const found = matchRule(text, e.level === 'warning' || e.level === 'error');
  if (!found) return false;
  const [r, m] = found;
  if (m && r.attrs) Object.assign(e.attrs, r.attrs(m, e));
  e.kind = r.kind;
  return true;
}

/** Text that names an HTTP exchange: restutil's failures, 2.0.x dumps, status answers, the host plugin. */
const HTTP_TEXT = /\[HTTP (?:Failed|Retry)\]|HTTP Err:|IOError|Errno|168\.63\.129\.16|timed out|\[\d{3}: |Status Code|HttpError|HostGAPlugin|[Pp]roxy|: ?[45]\d\d\b/;

/** A traceback's frames quote source code (`chk_proxy=chk_proxy`): not what happened. */
function withoutFrames(text: string): string {
  return text.replace(/^ +File "[^\n]*(?:\n {4,}[^\n]*)?\n?/gm, '');
}

/** A 2.0.x dump's data and header lists are what was sent and the answer's metadata (`'x-ms-blob-content-length': '512'`), not what happened. */
function withoutDumpedHeaders(text: string): string {
  return text.replace(/^HTTP (?:Req|Err): (?:Header|Data)=.*(?:\n|$)/gm, '');
}

function addHttp(e: Event, full: string): void {
  let text = full.includes('  File "') ? withoutFrames(full) : full;
  if (text.includes('=') && text.includes('HTTP ')) text = withoutDumpedHeaders(text);
  if (!HTTP_TEXT.test(text) && typeof e.attrs.statusCode !== 'number') return;
  const h = parseHttpFailure(text);
  if (h.method) e.attrs.method = h.method;
  if (h.url) e.attrs.url = h.url;
  if (h.host) e.attrs.host = h.host;
  if (h.port !== null) e.attrs.port = h.port;
  if (h.target) e.attrs.target = h.target;
  else if (!e.attrs.target && /HostGAPlugin/.test(text)) e.attrs.target = 'hostplugin';
  if (h.statusCode !== null) e.attrs.statusCode = h.statusCode;
  if (h.attempts !== null) e.attrs.attempts = h.attempts;
  // a status the rule read (a 503 the agent sleeps on) names the failure when the text does not
  e.attrs.mechanism = h.mechanism === 'unknown' && typeof e.attrs.statusCode === 'number' ? `http-${e.attrs.statusCode}` : h.mechanism;
}

function addIncarnation(e: Event, text: string): void {
  if (!text.includes('ncarnation')) return;
  const m = /[Ii]ncarnation[ _:]+(\d+)/.exec(text);
  if (m) e.attrs.incarnation = Number(m[1]);
}

/** Kind and attributes of an `Event:` record (§1.3). */
function classifyAgentEvent(e: Event): boolean {
  const rec = parseEventRecord(e.message);
  if (!rec) return false;
  e.attrs.eventName = rec.name;
  e.attrs.op = rec.op;
  if (rec.duration !== null) e.attrs.durationMs = rec.duration;
  const msg = rec.message;
  if (!AGENT_EVENT_NAMES.test(rec.name)) {
    e.attrs.handler = rec.name;
    const failed = e.level === 'error' || /Non-zero exit code|Timeout\(|Downgrade not allowed|Failed|failed|\[\w*Error\]/.test(msg);
    if (failed) {
      e.kind = /extension processing is disabled/.test(msg) ? 'waagent.extensions-disabled' : 'waagent.extension.failed';
      const rc = /Non-zero exit code: (-?\d+)/.exec(msg);
      if (rc) e.attrs.exitCode = Number(rc[1]);
      const to = /Timeout\((\d+)\)/.exec(msg);
      if (to) e.attrs.timeoutSec = Number(to[1]);
      const mod = /No module named '([^']+)'/.exec(msg);
      if (mod) e.attrs.missingModule = mod[1]!;
      if (/CPUThrottledTime/.test(msg)) e.attrs.cpuThrottled = true;
      // every agent since 2.1 raises this when the handler's manifest could not be fetched (decide_version,
      // on a ProtocolError): the handler was never obtained, so it never ran
      if (/Failed to get ext handler pkgs/.test(msg)) e.attrs.notFetched = true;
      if (rec.op === 'Download' || /Failed to download|Unable to find version/.test(msg)) addHttp(e, msg);
    } else {
      e.kind = 'waagent.event';
    }
    return true;
  }
  // the agent's own events: classify by their message like any other record
  if (!applyRule(e, msg)) {
    if (rec.op === 'HeartBeat') e.kind = 'waagent.heartbeat';
    else if (rec.op === 'ProcessGoalState') e.kind = 'waagent.goal-state.processed';
    else if (rec.op === 'ReportStatus' && e.level !== 'info') e.kind = 'waagent.status.upload-failed';
    else e.kind = 'waagent.event';
  }
  return true;
}

/** A frame of the 2.0.x agent's DHCP exchange (DoDhcpWork sends the request and waits for the reply). */
const DHCP_EXCHANGE_FRAME = /^\s*File "[^"]+", line \d+, in DoDhcpWork$/m;

export function classifyWaagent(e: Event): Event {
  const text = e.message;
  e.kind = 'waagent.record';
  if (text.startsWith('Event: ') && classifyAgentEvent(e)) {
    // kind set from the event record
  } else if (!applyRule(e, text) && e.attrs.handler && e.level === 'error') {
    e.kind = 'waagent.extension.failed';
  }
  if (e.kind === 'waagent.record' && e.lines > 1) classifyCrash(e, false);
  // a traceback the agent logged and lived through from its DHCP exchange: the DHCP request failed
  if (e.kind === 'waagent.agent.traceback' && DHCP_EXCHANGE_FRAME.test(text)) e.kind = 'waagent.dhcp.problem';
  if (e.kind === 'waagent.extension.failed' && !e.attrs.handler) {
    const m = /\[([A-Za-z][\w.]+?)-(\d+(?:\.\d+)+)\]/.exec(text);
    if (m) { e.attrs.handler = m[1]!; e.attrs.handlerVersion = m[2]!; }
  }
  if (e.kind !== 'waagent.record' && e.kind !== 'waagent.heartbeat') {
    if (/fetch-failed|upload-failed|heartbeat-failed|download\.failed|http\.failed/.test(e.kind)) addHttp(e, text);
    else if (e.kind === 'waagent.dhcp.problem' && !e.attrs.mechanism) e.attrs.mechanism = mechanismOf(text);
    addIncarnation(e, text);
  }
  return e;
}

const quick = { kind: '', messageChars: 0 };

/**
 * The kind classifyWaagent gives a record that is not a warning or an error, told from the rule
 * stage (starting at the rule the sieve's rank names) and, for a record of several lines that no
 * rule names, the absence of a traceback's or crash's shape; null for an `Event:` record or a
 * crash, which need the whole grammar.
 */
function quickKind(lines: readonly string[], rank: number): { kind: string; messageChars: number } | null {
  const first = lines[0]!;
  const sh = headerShape(first);
  if (!sh || sh.continues || sh.level === 'warning' || sh.level === 'error' || first.startsWith('Event: ', sh.body)) return null;
  const body = first.slice(sh.body);
  const message = recordMessage(body, lines.slice(1));
  const rule = rank >= 0 ? matchRule(message, false, rank) : null; // never a warning or an error here
  if (!rule && lines.length > 1) {
    const c = crashOf(message);
    if (c.traceback || c.crash) return null;
  }
  quick.kind = rule?.[0].kind ?? 'waagent.record';
  quick.messageChars = message.length;
  return quick;
}

export const waagentGrammar: LineGrammar = {
  id: 'waagent',
  header: (line: string, _ctx: FileContext) => waagentHeader(line),
  classify: classifyWaagent,
  // classifyWaagent leaves a record 'waagent.record' unless a rule literal occurs, it is an
  // `Event:` record, or it is an error; the literals come from RULES, so a new rule needs nothing here
  sieve: {
    literals: LITERAL_TEXTS, ranks: LITERAL_RANKS,
    plainKind: 'waagent.record', header: waagentHeaderBytes, quickKind,
  },
};

/** Sample lines with the fields they must yield (checked by test/grammars.test.ts). */
export const samples: { lines: string[]; expect: Partial<Event> & { attrs?: Record<string, AttrValue>; time?: string } }[] = [
  { lines: ['2015/09/13 14:44:03 Windows Azure Linux Agent Version: WALinuxAgent-2.0.13'],
    expect: { kind: 'waagent.start.daemon', level: 'info', timeSource: 'local:?', attrs: { gen: 'G0', version: '2.0.13' } } },
  { lines: ['2015/11/04 19:26:19 ERROR:HTTP Err: Status=503'],
    expect: { kind: 'waagent.http.failed', level: 'error', attrs: { gen: 'G0', mechanism: 'http-503' } } },
  { lines: ['2018/04/27 13:02:32.029794 INFO Azure Linux Agent Version:2.2.20'],
    expect: { kind: 'waagent.start.daemon', attrs: { gen: 'G1', version: '2.2.20' }, time: '2018-04-27T13:02:32.029Z' } },
  { lines: ['2017/12/15 12:49:24.269432 WARNING Exception retrieving extension handlers: [ProtocolError] /var/lib/waagent/GoalState.1.xml is missing.'],
    expect: { kind: 'waagent.goal-state.missing-file', level: 'warning', attrs: { file: 'GoalState', incarnation: 1 } } },
  { lines: ['2018/01/30 15:07:32.716273 ERROR Event: name=Microsoft.Azure.RecoveryServices.VMSnapshotLinux, op=Install, message=[ExtensionError] Non-zero exit code: 127, main/handle.sh install, duration=0'],
    expect: { kind: 'waagent.extension.failed', level: 'error', attrs: { handler: 'Microsoft.Azure.RecoveryServices.VMSnapshotLinux', op: 'Install', exitCode: 127 } } },
  { lines: ['2018/01/30 15:07:32.853011 INFO Event: name=WALinuxAgent, op=ProcessGoalState, message=Incarnation 33, duration=2042'],
    expect: { kind: 'waagent.goal-state.processed', attrs: { incarnation: 33, durationMs: 2042 } } },
  // WALinuxAgent#745 (2.2.10) and #1798 (2.2.4x): a handler whose manifest could not be fetched, with the agent's inner error
  { lines: ['2017/05/26 10:35:51.934452 ERROR Event: name=Microsoft.OSTCExtensions.CustomScriptForLinux, op=None, message=[000003] Failed to get ext handler pkgs', 'Inner error: [000008] HostGAPlugin: Host plugin channel is not available'],
    expect: { kind: 'waagent.extension.failed', level: 'error', lines: 2, attrs: { gen: 'G1', handler: 'Microsoft.OSTCExtensions.CustomScriptForLinux', notFetched: true } } },
  { lines: ['2020/02/18 00:11:07.039614 ERROR ExtHandler Event: name=Microsoft.Azure.Extensions.CustomScript, op=None, message=[ExtensionError] Failed to get ext handler pkgs', 'Inner error: [ProtocolError] Failed to fetch manifest from all sources, duration=0'],
    expect: { kind: 'waagent.extension.failed', level: 'error', lines: 2, attrs: { gen: 'G2', handler: 'Microsoft.Azure.Extensions.CustomScript', notFetched: true } } },
  { lines: ['2021/07/16 18:43:34.761605 WARNING ExtHandler Exception retrieving extension handlers: [ProtocolError] Exceeded max retry updating goal state'],
    expect: { kind: 'waagent.goal-state.fetch-failed', attrs: { gen: 'G2', prefix: 'ExtHandler' } } },
  { lines: ['2019/08/02 04:11:04.004512 INFO [Microsoft.Azure.RecoveryServices.VMSnapshotLinux-1.0.9150.0] Enable extension [main/handle.sh enable]'],
    expect: { kind: 'waagent.extension.command', attrs: { gen: 'G1', handler: 'Microsoft.Azure.RecoveryServices.VMSnapshotLinux', handlerVersion: '1.0.9150.0', op: 'Enable' } } },
  { lines: ['2021-05-28T01:17:40.683072Z INFO ExtHandler Wire server endpoint:168.63.129.16'],
    expect: { kind: 'waagent.record', timeSource: 'explicit-utc', attrs: { gen: 'G3', prefix: 'ExtHandler' } } },
  { lines: ['2020-08-06T07:11:47.785201Z INFO ExtHandler ExtHandler [HEARTBEAT] Agent WALinuxAgent-2.2.49.2 is running as the goal state agent [DEBUG HeartbeatCounter: 1298;HeartbeatId: 5940AE0A-F20C-4BE2-8B5A-3C12605F955F;DroppedPackets: 0;UpdateGSErrors: 0;AutoUpdate: 1]'],
    expect: { kind: 'waagent.heartbeat', attrs: { gen: 'G4', thread: 'ExtHandler', version: '2.2.49.2', updateGSErrors: 0 }, time: '2020-08-06T07:11:47.785Z' } },
  { lines: ['2022-12-02T05:45:51.771876Z ERROR ExtHandler ExtHandler Error fetching the goal state: [ProtocolError] [Wireserver Exception] [HttpError] [HTTP Failed] GET http://168.63.129.16/machine/ -- IOError [Errno 104] Connection reset by peer -- 6 attempts made'],
    expect: { kind: 'waagent.goal-state.fetch-failed', level: 'error', attrs: { target: 'wireserver', mechanism: 'reset', attempts: 6 } } },
  { lines: ['2022-09-30T02:48:33.134649Z WARNING MonitorHandler ExtHandler Error in SendHostPluginHeartbeat: [HttpError] [HTTP Failed] GET http://168.63.129.16:32526/health -- IOError timed out -- 1 attempts made --- [NOTE: Will not log the same error for the next hour]'],
    expect: { kind: 'waagent.hostplugin.heartbeat-failed', attrs: { thread: 'MonitorHandler', target: 'hostplugin', port: 32526, mechanism: 'timeout' } } },
  { lines: ['2024-05-30T13:15:45.331589Z INFO ExtHandler [Microsoft.Azure.RecoveryServices.VMSnapshotLinux-1.0.9218.0] Enable extension: [main/handle.sh enable]'],
    expect: { kind: 'waagent.extension.command', attrs: { gen: 'G4', handler: 'Microsoft.Azure.RecoveryServices.VMSnapshotLinux', handlerVersion: '1.0.9218.0', op: 'Enable' } } },
  { lines: [
    '2024-05-30T13:15:47.339279Z ERROR ExtHandler ExtHandler Event: name=Microsoft.Azure.RecoveryServices.VMSnapshotLinux, op=Enable, message=[ExtensionOperationError] Non-zero exit code: 1, /var/lib/waagent/Microsoft.Azure.RecoveryServices.VMSnapshotLinux-1.0.9218.0/main/handle.sh enable',
    '[stdout]', '', '[stderr]', 'Traceback (most recent call last):', "ModuleNotFoundError: No module named 'crypt'", ', duration=0'],
    expect: { kind: 'waagent.extension.failed', lines: 7, attrs: { op: 'Enable', exitCode: 1, missingModule: 'crypt', durationMs: 0 } } },
  { lines: ['2024-06-11T05:02:11.890210Z ERROR ExtHandler ExtHandler Event: name=WALinuxAgent, op=ReportStatus, message=Exception uploading status blob: [HttpError] [HTTP Failed] PUT https://md-hdd-x1y2z3.z11.blob.storage.azure.net/$system/vm1.0f6e2b8a.status -- IOError timed out -- 6 attempts made, duration=0'],
    expect: { kind: 'waagent.status.upload-failed', attrs: { target: 'storage', mechanism: 'timeout', method: 'PUT' } } },
  { lines: ['2024-06-11T05:30:20.455221Z WARNING Daemon Daemon Agent WALinuxAgent-2.11.1.4 launched with command \'/usr/bin/python3 -u bin/WALinuxAgent-2.11.1.4-py3.8.egg -run-exthandlers\' failed with return code: 1'],
    expect: { kind: 'waagent.agent.crash', attrs: { exitCode: 1 } } },
  { lines: ['2024-06-11T06:00:00.100000Z INFO ExtHandler ExtHandler ******** Extensions.Enabled is set to False, not processing the operation ********'],
    expect: { kind: 'waagent.extensions-disabled' } },
  { lines: ['2024-06-11T03:12:40.101010Z INFO ExtHandler ExtHandler '],
    expect: { kind: 'waagent.record', message: '' } },
  // wording of the 2.0 agent's source (archive/2.0 `waagent`, Agent.Run); no real line of it in the corpus
  { lines: ['2016/02/17 08:20:07 Discovered Windows Azure endpoint: 168.63.129.16'],
    expect: { kind: 'waagent.endpoint.discovered', level: 'info', attrs: { gen: 'G0' } } },
  { lines: ['2018/04/27 13:02:32.381287 INFO WireServer endpoint is not found. Rerun dhcp handler'],
    expect: { kind: 'waagent.dhcp.problem' } },  // 2.0.x lines without their timestamp, its WireServer calls, DHCP errors and status-blob retries
  { lines: ['ERROR:socket IOError  args: (113, \'No route to host\')'],
    expect: { kind: 'waagent.http.failed', level: 'error', timeSource: 'none', attrs: { gen: 'G0', mechanism: 'no-route' } } },
  { lines: ['2015/03/02 10:00:00 ERROR:HttpGet(/machine/?comp=goalstate),retry=3,status=503'],
    expect: { kind: 'waagent.http.failed', attrs: { gen: 'G0', method: 'GET', target: 'wireserver', retry: 3, statusCode: 503, mechanism: 'http-503' } } },
  { lines: ['WARNING:DoDhcpWork,try=2timed out'],
    expect: { kind: 'waagent.dhcp.problem', level: 'warning' } },
  { lines: ['2015/03/02 10:00:00 ERROR:retry HttpPutPageBlob(https://acct.blob.core.windows.net/vhds/vm.status'],
    expect: { kind: 'waagent.status.upload-failed', level: 'error' } },
  { lines: ['ERROR:HTTP Req: Header={\'x-ms-version\': \'2014-02-14\'}'],
    expect: { kind: 'waagent.status.upload-failed', level: 'error', attrs: { statusBlob: true } } },
  // a failed 2.0.x request is dumped line by line, each with the header: one record; the storage service version
  // it sent makes it a status blob call, its status line says how it failed (I-W409; the URL line was dropped)
  { lines: ['2016/09/06 15:01:38 ERROR:Retry=1', '2016/09/06 15:01:38 ERROR:HTTP Req: Data=None',
    "2016/09/06 15:01:38 ERROR:HTTP Req: Header={'x-ms-version': '2014-02-14', 'x-ms-date': '2016-09-06T18:01:28Z'}",
    '2016/09/06 15:01:38 ERROR:HTTP Err: Status=404', '2016/09/06 15:01:38 ERROR:HTTP Err: Reason=The specified blob does not exist.',
    "2016/09/06 15:01:38 ERROR:HTTP Err: Header=[('transfer-encoding', 'chunked'), ('date', 'Tue, 06 Sep 2016 18:01:37 GMT'), ('x-ms-request-id', '15a86c23-0001-005e-1968-08bbf3000000'), ('x-ms-version', '2014-02-14'), ('server', 'Windows-Azure-Blob/1.0 Microsoft-HTTPAPI/2.0')]",
    '2016/09/06 15:01:38 ERROR:HTTP Err: Body='],
    expect: { kind: 'waagent.status.upload-failed', level: 'error', lines: 7, attrs: { gen: 'G0', statusBlob: true, mechanism: 'http-404' } } },
  // a page blob PUT with no answer: its header list's numbers are not a status (I-W110)
  { lines: ['2015/09/29 20:31:31 ERROR:HTTP Req: Data=',
    "2015/09/29 20:31:31 ERROR:HTTP Req: Header={'Content-Length': '0', 'x-ms-blob-content-length': '512', 'x-ms-version': '2014-02-14', 'x-ms-blob-type': 'PageBlob', 'x-ms-date': '2015-09-29T20:31:31Z'}",
    '2015/09/29 20:31:31 ERROR:HTTP Err: response is empty.'],
    expect: { kind: 'waagent.status.upload-failed', lines: 3, attrs: { statusBlob: true, mechanism: 'unknown' } } },
  // no DHCP client running, as 2.0.x's EnvMonitor finds it (I-W461, lines posted without their timestamps)
  { lines: ['ERROR:CalledProcessError.  Command string was pidof dhclient'],
    expect: { kind: 'waagent.dhcp.problem', level: 'error', attrs: { client: 'dhclient' } } },
  { lines: ['2015/03/02 10:00:00 ERROR:CalledProcessError.  Command string was ifup eth0'],
    expect: { kind: 'waagent.command.failed', attrs: { command: 'ifup eth0' } } },
  // the agent's events under its other names are the agent's, never an extension's
  { lines: ['2016/05/01 01:02:03.000004 INFO Event: name=WALA, op=HeartBeat, message=, duration=0'],
    expect: { kind: 'waagent.heartbeat', attrs: { eventName: 'WALA' } } },
  { lines: ['2016/05/01 01:02:03.000004 ERROR Event: name=WALinuxAgent-2.1.3, op=Enable, message=Agent WALinuxAgent-2.1.3 launch failed with command \'python -u bin/x.egg -run-exthandlers\' failed with exception: boom, duration=0'],
    expect: { kind: 'waagent.agent.crash', attrs: { eventName: 'WALinuxAgent-2.1.3' } } },
  // status uploads: the host-plugin channel answering with a blob-type error, definite 4xx
  { lines: ['2019/01/01 00:00:00.000000 WARNING ExtHandler HttpError: [000009] HostGAPlugin: Put PageBlob failed: [404: Not Found] blob gone'],
    expect: { kind: 'waagent.status.upload-failed', attrs: { target: 'hostplugin', statusCode: 404, mechanism: 'http-404' } } },
  { lines: ['2017/06/21 11:04:34.929646 ERROR Event: name=WALinuxAgent, op=ReportStatus, message=HostGAPlugin: Exception Put VM status: [000009] HTTP PUT failed, Traceback (most recent call last):',
    '  File "bin/WALinuxAgent-2.2.13-py2.7.egg/azurelinuxagent/common/utils/restutil.py", line 1, in http_put', '    max_retry=max_retry, chk_proxy=chk_proxy)', ', duration=0'],
    expect: { kind: 'waagent.status.upload-failed', attrs: { target: 'hostplugin', mechanism: 'unknown' } } },
  { lines: ['2017/03/27 11:46:55.022925 WARNING PUT http://168.63.129.16:32526/status [403: Forbidden]'],
    expect: { kind: 'waagent.status.upload-failed', attrs: { target: 'hostplugin', statusCode: 403, mechanism: 'http-403' } } },
  { lines: ['2017/04/03 10:09:48.318199 ERROR Event: name=WALinuxAgent, op=ReportStatus, message=Failed to get status blob type: 409, duration=0'],
    expect: { kind: 'waagent.status.upload-failed', attrs: { mechanism: 'http-409' } } },
  // a 2.1 agent tracing its requests at VERBOSE, the status blob's probe among them: routine, not a failure (WALinuxAgent#364)
  { lines: ['2016/09/26 14:26:46.509827 VERBOSE HTTP Req: HEAD https://walaautoasmeastus.blob.core.windows.net/vhds/nay-67-ond-squid.nay-67-ond-squid.walaautos73small-proxy.status?sr=b&sp=rw&se=9999-01-01&sk=key1&sv=2014-02-14'],
    expect: { kind: 'waagent.http.dump', level: 'verbose', attrs: { gen: 'G1' } } },
  { lines: ["2015/09/29 20:31:31 ERROR:HTTP Req: Header={'x-ms-blob-type': 'BlockBlob', 'x-ms-version': '2014-02-14'}"],
    expect: { kind: 'waagent.status.upload-failed', level: 'error', attrs: { statusBlob: true } } },
  // WireServer and proxy answers
  { lines: ['2017/07/07 11:53:52.216335 WARNING Service temporarily unavailable, sleeping 15s before retrying.'],
    expect: { kind: 'waagent.http.failed', attrs: { statusCode: 503, mechanism: 'http-503', sleepSec: 15 } } },
  { lines: ['2023-01-01T00:00:00.000000Z WARNING ExtHandler ExtHandler [HTTP Failed] GET https://x.blob.core.windows.net/c/b -- IOError Tunnel connection failed: 407 Proxy Authentication Required -- 1 attempts made'],
    expect: { kind: 'waagent.http.failed', attrs: { target: 'storage', mechanism: 'proxy' } } },
  // certificates: openssl's own error lines and the decrypt commands
  { lines: ['2017/01/01 00:00:00.000000 ERROR 139912345678:error:0906D06C:PEM routines:PEM_read_bio:no start line:pem_lib.c:701:Expecting: TRUSTED CERTIFICATE'],
    expect: { kind: 'waagent.certificate.error', attrs: { openssl: true } } },
  { lines: ["2017/01/01 00:00:00.000000 ERROR Command: '/usr/bin/openssl cms -decrypt -in /var/lib/waagent/Certificates.p7m'"],
    expect: { kind: 'waagent.certificate.error', level: 'error' } },
  { lines: ["2023-01-01T00:00:00.000000Z INFO ExtHandler ExtHandler Extension status: [('Contoso.Tool', 'error'), ('Microsoft.Azure.RecoveryServices.VMSnapshotLinux', 'success')]"],
    expect: { kind: 'waagent.extension.failed', level: 'info', attrs: { handler: 'Contoso.Tool', status: 'error' } } },
  { lines: ['2017/01/01 01:01:01.000001 VERBOSE HTTP connection [GET] [/machine/?comp=goalstate] [None] [{}]'],
    expect: { kind: 'waagent.http.request', level: 'verbose', attrs: { method: 'GET', url: '/machine/', target: 'wireserver' } } },
  { lines: ['2017/01/01 01:01:01.000001 VERBOSE HTTP connection [GET] [http://acct.blob.core.windows.net:80/c/manifest.xml] [None] [None]'],
    expect: { kind: 'waagent.http.request', attrs: { host: 'acct.blob.core.windows.net', target: 'storage', url: 'acct.blob.core.windows.net:80/c/manifest.xml' } } },
  { lines: ['2017/01/01 01:01:02.000001 VERBOSE HTTP response status: [403]'],
    expect: { kind: 'waagent.http.response', attrs: { statusCode: 403 } } },
  // 2.0.x repeats the header on every traceback line: one record; rooted in the agent's main it ended the agent
  { lines: ['2015/01/01 01:01:01 ERROR:Traceback (most recent call last):', '2015/01/01 01:01:01 ERROR:  File "/usr/sbin/waagent", line 10, in main',
    '2015/01/01 01:01:01 ERROR:    WaAgent.Run()', '2015/01/01 01:01:01 ERROR:IOError: [Errno 28] No space left on device'],
    expect: { kind: 'waagent.agent.crash', level: 'error', lines: 4, attrs: { origin: 'agent', exception: 'IOError', gen: 'G0' } } },
  // 2.0.x writes an exception's text, then its traceback, then format_exc's empty last line: one record; from
  // the DHCP exchange it is the DHCP request failing (I-W142, FreeBSD 2.0.15: no reply to the DHCP request)
  { lines: ['2016/02/17 08:19:57 ERROR:timed out', '2016/02/17 08:19:57 ERROR:Traceback (most recent call last):',
    '2016/02/17 08:19:57 ERROR:  File "/usr/sbin/waagent", line 5534, in DoDhcpWork', '2016/02/17 08:19:57 ERROR:    receiveBuffer = sock.recv(1024)',
    '2016/02/17 08:19:57 ERROR:timeout: timed out', '2016/02/17 08:19:57 ERROR:'],
    expect: { kind: 'waagent.dhcp.problem', level: 'error', lines: 6, attrs: { origin: 'agent', mechanism: 'timeout', gen: 'G0' } } },
  // the same start-up's routine step before it (and a healthy start's, I-W110): not a problem
  { lines: ['2016/02/17 08:19:47 DoDhcpWork: Setting socket.timeout=10, entering recv'],
    expect: { kind: 'waagent.record', level: 'info' } },
  { lines: ['2020/01/01 01:01:01.000001 ERROR Return code: 2'],
    expect: { kind: 'waagent.command.failed', attrs: { exitCode: 2 } } },
  // liveness: crash wordings and versions given up on
  { lines: ['2020-01-01T00:00:00.000000Z WARNING Daemon Daemon Daemon ended with exception -- Sleep 15 seconds and restart daemon'],
    expect: { kind: 'waagent.agent.crash' } },
  { lines: ['2017/11/20 14:51:01.082158 INFO WALinuxAgent-2.2.18 did not terminate cleanly'],
    expect: { kind: 'waagent.agent.unclean-exit' } },
  { lines: ['2017/06/05 15:10:17.441046 WARNING Agent WALinuxAgent-2.2.12 is permenantly blacklisted'],
    expect: { kind: 'waagent.agent.blacklisted', attrs: { version: '2.2.12' } } },
  { lines: ['2017/06/05 15:10:17.441046 INFO Agent WALinuxAgent-2.2.12 is blacklisted - skipping download'],
    expect: { kind: 'waagent.update.skipped', level: 'info', attrs: { version: '2.2.12' } } },
  // extension failures in the agent's words: 2.0.x (azure-linux-extensions#217), the pass over all handlers raising
  // (OMS-Agent-for-Linux#1117, WALinuxAgent#1423), handler directories removed and states found (#945, WALinuxAgent#1268, #290)
  { lines: ['2016/08/04 10:16:36 ERROR:Installation failed for Microsoft.OSTCExtensions.VMAccessForLinux-1.4.1.0'],
    expect: { kind: 'waagent.extension.failed', level: 'error', attrs: { gen: 'G0', op: 'Install', handler: 'Microsoft.OSTCExtensions.VMAccessForLinux', handlerVersion: '1.4.1.0' } } },
  { lines: ['2016/08/04 10:16:36 ERROR:Process 32178 returned non-zero exit code(126)'],
    expect: { kind: 'waagent.extension.failed', level: 'error', attrs: { gen: 'G0', exitCode: 126 } } },
  { lines: ["2019/12/19 18:02:37.584161 WARNING ExtHandler Exception processing extension handlers: [Errno 2] No such file or directory: '/var/lib/waagent/Microsoft.EnterpriseCloud.Monitoring.OmsAgentForLinux-1.12.17/config'"],
    expect: { kind: 'waagent.extensions.failed', level: 'warning', attrs: { gen: 'G2', handler: 'Microsoft.EnterpriseCloud.Monitoring.OmsAgentForLinux', handlerVersion: '1.12.17' } } },
  { lines: ["2018/12/13 18:51:40.004441 WARNING ExtHandler Exception processing extension handlers: 'NoneType' object is not iterable"],
    expect: { kind: 'waagent.extensions.failed', level: 'warning', attrs: { gen: 'G2', prefix: 'ExtHandler' } } },
  { lines: ['2019/11/14 00:10:28.024454 INFO [Microsoft.EnterpriseCloud.Monitoring.OmsAgentForLinux-1.12.13] Remove extension handler directory: /var/lib/waagent/Microsoft.EnterpriseCloud.Monitoring.OmsAgentForLinux-1.12.13'],
    expect: { kind: 'waagent.extension.removed', attrs: { handler: 'Microsoft.EnterpriseCloud.Monitoring.OmsAgentForLinux', handlerVersion: '1.12.13' } } },
  { lines: ['2018/07/19 18:13:13.347322 INFO [Microsoft.Azure.Extensions.CustomScript-2.0.6] [Enable] current handler state is: notinstalled'],
    expect: { kind: 'waagent.extension.current-state', attrs: { handler: 'Microsoft.Azure.Extensions.CustomScript', op: 'Enable', state: 'notinstalled' } } },
  { lines: ['2016/12/07 15:31:20.481431 INFO [Microsoft.OSTCExtensions.CustomScriptForLinux-1.5.2.1] Current handler state is: NotInstalled'],
    expect: { kind: 'waagent.extension.current-state', attrs: { handler: 'Microsoft.OSTCExtensions.CustomScriptForLinux', state: 'notinstalled' } } },
];
