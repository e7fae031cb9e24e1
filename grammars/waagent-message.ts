/**
 * Chevrotain grammars for the structured parts of WALinuxAgent messages:
 * the `Event: name=…, op=…, message=…, duration=…` record (FORMATS.md §1.3) and the HTTP failure
 * text of restutil (`[HTTP Failed] GET url -- IOError … -- N attempts made`, §1.4).
 */
import type { Lexer as LexerT } from 'chevrotain';
import { createToken, Lexer, EmbeddedActionsParser } from './chevrotain.js';
import { memoByText } from '../src/parse/memo.js';

// ---- Event: record --------------------------------------------------------------------------
const EventKw = createToken({ name: 'EventKw', pattern: /Event: /, start_chars_hint: ['E'] });
const NameField = createToken({ name: 'NameField', pattern: /name=[^,\n]*/, start_chars_hint: ['n'] });
const OpField = createToken({ name: 'OpField', pattern: /, op=[^,\n]*/, start_chars_hint: [','] });
const MessageKw = createToken({ name: 'MessageKw', pattern: /, message=/, start_chars_hint: [','] });
// duration is parsed from the end of the record: the message may hold commas and newlines
const DURATION_AT_END = /, duration=-?\d*\s*$/y;
const DurationTail = createToken({
  name: 'DurationTail',
  pattern: (text: string, offset: number) => { DURATION_AT_END.lastIndex = offset; return DURATION_AT_END.exec(text); },
  line_breaks: true,
  start_chars_hint: [','],
});
const Chunk = createToken({ name: 'Chunk', pattern: /[^,]+|,/ });

const eventTokens = [EventKw, NameField, DurationTail, OpField, MessageKw, Chunk];
// lexers and parsers are built on first use: most runs never see an `Event:` record or an HTTP failure
let eventLexer: LexerT | null = null;

export interface AgentEventRecord { name: string; op: string; message: string; duration: number | null }

class EventParser extends EmbeddedActionsParser {
  constructor() { super(eventTokens); this.performSelfAnalysis(); }
  record = this.RULE('record', (): AgentEventRecord => {
    this.CONSUME(EventKw);
    const name = this.CONSUME(NameField).image.slice(5).trim();
    let op = '';
    this.OPTION(() => { op = this.CONSUME(OpField).image.slice(5).trim(); });
    let message = '';
    let duration: number | null = null;
    this.OPTION2(() => {
      this.CONSUME(MessageKw);
      this.MANY(() => {
        const t = this.OR([
          { ALT: () => this.CONSUME(Chunk) },
          { ALT: () => this.CONSUME2(OpField) },
          { ALT: () => this.CONSUME2(MessageKw) },
        ]);
        message += t.image;
      });
    });
    this.OPTION3(() => {
      const d = this.CONSUME(DurationTail).image.trim().slice('duration='.length + 2);
      duration = d === '' ? null : Number(d);
    });
    return { name, op, message, duration };
  });
}

let eventParser: EventParser | null = null;

/** Parses an `Event: …` message; null when the text is not such a record. */
export const parseEventRecord: (text: string) => Readonly<AgentEventRecord> | null = memoByText(parseEventRecordOnce, 2048);

function parseEventRecordOnce(text: string): AgentEventRecord | null {
  if (!text.startsWith('Event: ')) return null;
  eventLexer ??= new Lexer(eventTokens, { positionTracking: 'onlyOffset' });
  const lexed = eventLexer.tokenize(text);
  eventParser ??= new EventParser();
  eventParser.input = lexed.tokens;
  const rec = eventParser.record();
  return eventParser.errors.length || lexed.errors.length ? null : rec;
}

// ---- HTTP failures --------------------------------------------------------------------------
const HttpFailed = createToken({ name: 'HttpFailed', pattern: /\[HTTP (?:Failed|Retry)\]/ });
const Method = createToken({ name: 'Method', pattern: /(?:GET|PUT|POST|HEAD|DELETE)(?= )/ });
const Url = createToken({ name: 'Url', pattern: /https?:\/\/[^\s\]\[,'"]+/ });
const StatusBracket = createToken({ name: 'StatusBracket', pattern: /\[\d{3}: [^\]]*\]/ });
const StatusCodeText = createToken({ name: 'StatusCodeText', pattern: /Status Code:? \d{3}/ });
const Errno = createToken({ name: 'Errno', pattern: /\[Errno -?\d+\][^-\n]*/ });
const Attempts = createToken({ name: 'Attempts', pattern: /\d+ attempts made/ });
const Word = createToken({ name: 'Word', pattern: /[^\s[]+|\[/ });
const Space = createToken({ name: 'Space', pattern: /\s+/, group: Lexer.SKIPPED });
const httpTokens = [HttpFailed, Method, Url, StatusBracket, StatusCodeText, Errno, Attempts, Word, Space];
let httpLexer: LexerT | null = null;

export interface HttpFailure {
  method: string | null;
  url: string | null;
  host: string | null;
  port: number | null;
  target: 'wireserver' | 'hostplugin' | 'storage' | 'other' | null;
  mechanism: string;
  statusCode: number | null;
  attempts: number | null;
}

/** What an HTTP failure text says about where the request went and how it failed. */
export const parseHttpFailure: (text: string) => Readonly<HttpFailure> = memoByText(parseHttpFailureOnce, 2048);

function parseHttpFailureOnce(text: string): HttpFailure {
  httpLexer ??= new Lexer(httpTokens, { positionTracking: 'onlyOffset' });
  const tokens = httpLexer.tokenize(text).tokens;
  const out: HttpFailure = { method: null, url: null, host: null, port: null, target: null, mechanism: 'unknown', statusCode: null, attempts: null };
  for (const t of tokens) {
    switch (t.tokenType) {
      case Method: out.method ??= t.image; break;
      case Url: out.url ??= t.image.replace(/\?.*$/, ''); break;
      case StatusBracket: out.statusCode ??= Number(t.image.slice(1, 4)); break;
      case StatusCodeText: out.statusCode ??= Number(t.image.slice(-3)); break;
      case Attempts: out.attempts = Number(t.image.split(' ')[0]); break;
    }
  }
  if (out.url) {
    const m = /^https?:\/\/([^/:]+)(?::(\d+))?/.exec(out.url);
    if (m) {
      out.host = m[1]!;
      out.port = m[2] ? Number(m[2]) : out.url.startsWith('https') ? 443 : 80;
      out.target = targetOf(out.host, out.port);
    }
  } else if (/168\.63\.129\.16/.test(text)) {
    out.host = '168.63.129.16';
    out.target = /32526/.test(text) ? 'hostplugin' : 'wireserver';
  }
  out.mechanism = mechanismOf(text, out.statusCode);
  return out;
}

export function targetOf(host: string, port: number | null): HttpFailure['target'] {
  if (host === '168.63.129.16') return port === 32526 ? 'hostplugin' : 'wireserver';
  if (/\.blob\.(?:core\.windows\.net|storage\.azure\.net)$/.test(host)) return 'storage';
  return 'other';
}

/** How a connection failed, from Python's exception text. */
export function mechanismOf(text: string, status: number | null = null): string {
  if (/Errno 110\]|timed out|ETIMEDOUT|Timeout/i.test(text)) return 'timeout';
  if (/Errno 111\]|Connection refused|ECONNREFUSED/i.test(text)) return 'refused';
  if (/Errno 113\]|No route to host|EHOSTUNREACH/i.test(text)) return 'no-route';
  if (/Errno 101\]|Network is unreachable|ENETUNREACH/i.test(text)) return 'unreachable';
  if (/Errno 104\]|Connection reset|ECONNRESET/i.test(text)) return 'reset';
  if (/Tunnel connection failed|407|[Pp]roxy/.test(text)) return 'proxy';
  if (/SSL|TLS|CERTIFICATE_VERIFY|certificate verify/i.test(text)) return 'tls';
  if (/Name or service not known|getaddrinfo|Temporary failure in name resolution|Errno -[23]\]/i.test(text)) return 'dns';
  if (status !== null) return `http-${status}`;
  const m = /Status=(\d{3})|\b([45]\d\d)\b/.exec(text);
  if (m) return `http-${m[1] ?? m[2]}`;
  return 'unknown';
}

export const samples = [
  {
    text: 'Event: name=Microsoft.Azure.RecoveryServices.VMSnapshotLinux, op=Install, message=[ExtensionError] Non-zero exit code: 127, main/handle.sh install, duration=0',
    expect: { name: 'Microsoft.Azure.RecoveryServices.VMSnapshotLinux', op: 'Install', message: '[ExtensionError] Non-zero exit code: 127, main/handle.sh install', duration: 0 },
  },
  {
    text: 'Event: name=WALinuxAgent, op=HeartBeat, message=, duration=0',
    expect: { name: 'WALinuxAgent', op: 'HeartBeat', message: '', duration: 0 },
  },
  {
    text: '[HTTP Failed] GET http://168.63.129.16/machine/?comp=goalstate -- IOError [Errno 113] No route to host -- 6 attempts made',
    expectHttp: { method: 'GET', host: '168.63.129.16', port: 80, target: 'wireserver', mechanism: 'no-route', attempts: 6 },
  },
  {
    text: 'Error in SendHostPluginHeartbeat: [HttpError] [HTTP Failed] GET http://168.63.129.16:32526/health -- IOError timed out -- 1 attempts made',
    expectHttp: { method: 'GET', port: 32526, target: 'hostplugin', mechanism: 'timeout', attempts: 1 },
  },
];
