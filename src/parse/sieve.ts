/**
 * The fast path for line logs whose grammar has a SieveSpec (records.ts): lines are split on the
 * inflated Buffers, headers are read from a line's first bytes, and the rule literals are looked
 * for in one pass over each line's bytes. A plain record (one line, not a problem, no literal) is
 * only counted (kind, time) and never becomes a string or an Event; any other record is decoded
 * and goes through the RecordAssembler and the full grammar, with the same context lines it would
 * have had. Records are only ever grouped more coarsely than the assembler groups them (a header
 * that may continue the record before it joins it), and a group is fed from its first line on. Line semantics (CR, cut
 * over-long lines, UTF-8) are those of lines.ts; test/fast-path.test.ts checks that the report is
 * the same either way.
 */
import type { Readable } from 'node:stream';
import type { Event, TimeSource } from '../model/types.js';
import { HEADER_CHARS, RecordAssembler, type FileContext, type HeaderBytes, type LineGrammar, type SieveSpec } from './records.js';
import { LiteralMatcher } from './literals.js';

/** Counts a plain record the sieve did not build. */
export type CountFn = (kind: string, file: string, ms: number | null, timeSource: TimeSource) => void;

/** A record the sieve kept as its line: the lengths the evidence store weighs, and the Event, built when asked. */
export interface DeferredRecord {
  readonly rawChars: number;
  readonly messageChars: number;
  event(): Event;
}

/** Where the sieve leaves the records it does not build. */
export interface PlainSink {
  count: CountFn;
  /** A one-line record whose kind the grammar told from its line (SieveSpec.quickKind). */
  defer(kind: string, file: string, ms: number | null, timeSource: TimeSource, record: DeferredRecord): void;
}

class DeferredLine implements DeferredRecord {
  constructor(private readonly text: string, readonly messageChars: number, private readonly lineNo: number,
    private readonly build: (text: string, lineNo: number) => Event) {}
  get rawChars(): number { return this.text.length; }
  event(): Event { return this.build(this.text, this.lineNo); }
}

const matchers = new WeakMap<SieveSpec, LiteralMatcher>();

/** A line as bytes of a chunk, or as text when it had to be decoded (an over-long line, cut). */
class LineRef {
  buf: Buffer = EMPTY; start = 0; end = 0; text: string | null = null;
  set(buf: Buffer, start: number, end: number, text: string | null): void { this.buf = buf; this.start = start; this.end = end; this.text = text; }
  copy(o: LineRef): void { this.set(o.buf, o.start, o.end, o.text); }
  decode(): string { return this.text ?? this.buf.toString('utf8', this.start, this.end); }
}

const EMPTY = Buffer.alloc(0);

export interface SieveStats { lines: number; longLines: number; plain: number; deferred: number }

export async function sieveLines(stream: Readable, grammar: LineGrammar & { sieve: SieveSpec }, ctx: FileContext, maxLineChars: number,
  asm: RecordAssembler, sink: PlainSink): Promise<SieveStats> {
  const spec = grammar.sieve;
  let matcher = matchers.get(spec);
  if (!matcher) { matcher = new LiteralMatcher(spec.literals, spec.ranks); matchers.set(spec, matcher); }
  const stats: SieveStats = { lines: 0, longLines: 0, plain: 0, deferred: 0 };
  /** A deferred record's Event: its one line through the whole grammar, as the assembler would have built it. */
  const build = (text: string, lineNo: number): Event => {
    let built: Event | null = null;
    const one = new RecordAssembler(grammar, ctx, (e) => { built = e; });
    one.line(text, lineNo);
    one.flush();
    return built!;
  };
  // the record being read: its header's time and level; once it is known not to be plain, its
  // lines go straight to the assembler ("feeding"), so a huge record is never held
  let pending = false, feeding = false, firstLine = 0, ms: number | null = null, timeSource: TimeSource = 'none';
  // a record holding literals, one line so far: the grammar may tell its kind from the line alone
  let candidate = false, rank = -1;
  const header = new LineRef();
  const last1 = new LineRef(), last2 = new LineRef(), before1 = new LineRef(), before2 = new LineRef();

  /** The record is not plain: the assembler gets it, from its header on, with the context it would have had. */
  const feed = (line = header.decode()) => {
    feeding = true; candidate = false;
    asm.setContext(firstLine > 2 ? before2.decode() : null, firstLine > 1 ? before1.decode() : null);
    asm.line(line, firstLine);
  };

  const endRecord = () => {
    if (!pending) return;
    pending = false;
    if (candidate) {
      const line = header.decode();
      const q = spec.quickKind!(line, rank);
      if (q) {
        candidate = false;
        sink.defer(q.kind, ctx.file, ms, timeSource, new DeferredLine(line, q.body.length, firstLine, build));
        stats.deferred++;
        return;
      }
      feed(line); // only the whole grammar can tell: the assembler gets it now, before the next record
    } else if (!feeding) { sink.count(spec.plainKind, ctx.file, ms, timeSource); stats.plain++; return; }
    feeding = false;
    // the assembler's view of the last lines is what later records quote as context
    const [p2, p1] = asm.lastLines();
    if (p2 !== null) last2.set(EMPTY, 0, 0, p2);
    if (p1 !== null) last1.set(EMPTY, 0, 0, p1);
  };

  const onLine = (buf: Buffer, start: number, end: number, text: string | null) => {
    const lineNo = ++stats.lines;
    let h: HeaderBytes | null;
    if (text !== null) h = grammar.header(text, ctx);
    else {
      // bytes are characters only while they are ASCII: otherwise the line is decoded and read as text
      const stop = Math.min(end, start + HEADER_CHARS);
      let ascii = true;
      for (let i = start; i < stop; i++) if (buf[i]! >= 0x80) { ascii = false; break; }
      if (!ascii) h = grammar.header(buf.toString('utf8', start, end), ctx);
      else h = spec.header ? spec.header(buf, start, end) : grammar.header(buf.toString('latin1', start, stop), ctx);
    }
    if (h && (!pending || !h.continues)) { // a new record (a repeated header that may continue one is the assembler's to judge)
      endRecord();
      if (asm.open) asm.flush(text ?? buf.toString('utf8', start, end));
      pending = true; firstLine = lineNo; ms = h.ms; timeSource = h.timeSource;
      header.set(buf, start, end, text);
      before1.copy(last1); before2.copy(last2);
      if (h.level === 'warning' || h.level === 'error' || text !== null) feed();
      else if ((rank = matcher!.lowestRank(buf, start, end)) >= 0) { if (spec.quickKind) candidate = true; else feed(); }
    } else if (pending) {
      // a record of several lines is never plain: the full grammar reads its shape (tracebacks)
      if (!feeding) feed();
      asm.line(text ?? buf.toString('utf8', start, end), lineNo);
    } else {
      asm.line(text ?? buf.toString('utf8', start, end), lineNo); // before the first header: unparsed lines
    }
    last2.copy(last1); last1.set(buf, start, end, text);
  };

  /** A line of at most maxLineChars characters goes on as bytes; a longer one is cut, as lines.ts does. */
  const line = (buf: Buffer, start: number, end: number) => {
    if (end - start > maxLineChars) {
      let text = buf.toString('utf8', start, end);
      if (text.length > maxLineChars) { text = text.slice(0, maxLineChars); stats.longLines++; }
      if (text.length && text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
      onLine(buf, start, end, text);
      return;
    }
    onLine(buf, start, end > start && buf[end - 1] === 13 ? end - 1 : end, null);
  };

  // an unfinished line is kept up to the bytes that can hold maxLineChars characters, the rest skipped
  const cap = maxLineChars * 4 + 4;
  let carry: Buffer | null = null, skipping = false;
  for await (const chunk of stream) {
    const work: Buffer = carry ? Buffer.concat([carry, chunk as Buffer]) : chunk as Buffer;
    let start = 0;
    for (let nl = work.indexOf(10, start); nl !== -1; nl = work.indexOf(10, start)) {
      if (skipping) skipping = false; else line(work, start, nl);
      start = nl + 1;
    }
    carry = start < work.length ? work.subarray(start) : null;
    if (carry && carry.length > cap) {
      if (!skipping) { line(carry, 0, cap); skipping = true; }
      carry = null;
    }
  }
  if (carry && !skipping) line(carry, 0, carry.length);
  endRecord();
  asm.flush();
  return stats;
}
