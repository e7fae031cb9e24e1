/**
 * The fast path for line logs whose grammar has a SieveSpec (records.ts): lines are split on the
 * inflated Buffers, headers are read from a line's first bytes, and the rule literals are looked
 * for in one pass over each line's bytes (literals.ts). Records are of three sorts:
 *  - plain (one line, not a problem, no literal): only counted (kind, time), never a string;
 *  - deferred (not a problem, with literals or continuation lines, at most 64 lines and 2 KiB):
 *    decoded, and the grammar's quickKind tells their kind from the text (its answers remembered
 *    by the bytes after the time); the evidence store keeps them as their text and builds the
 *    Event only for those it still holds at the end;
 *  - built (problems, cut lines, records too big to hold, and whatever quickKind cannot tell):
 *    given to the RecordAssembler and the full grammar with the context lines they would have had.
 * Records are only ever grouped more coarsely than the assembler groups them (a header that may
 * continue the record before it joins it), and a group is fed from its first line on. Line
 * semantics (CR, cut over-long lines, UTF-8) are those of lines.ts; test/fast-path.test.ts checks
 * that the report is the same either way.
 */
import { isAscii } from 'node:buffer';
import type { Event, TimeSource } from '../model/types.js';
import { HEADER_CHARS, RecordAssembler, type FileContext, type HeaderBytes, type LineGrammar, type SieveSpec } from './records.js';
import { matcherFor, type LiteralMatcher } from './literals.js';
import { AnswerCache, type Answer } from './answer-cache.js';

/** Counts a plain record the sieve did not build. */
export type CountFn = (kind: string, file: string, ms: number | null, timeSource: TimeSource) => void;

/** Builds a deferred record's Event from its lines (the header line first), as the assembler would have. */
export type BuildFn = (lines: readonly string[], lineNo: number) => Event;

/** A deferred record as the evidence store reads it during `defer` (the object is the sieve's, reused). */
export interface DeferredText {
  /** Characters of its first line (the raw text its Event would have). */
  readonly rawChars: number;
  /** Its lines as text, the header line first (an array of this record's own: the store may keep it). */
  lines(): string[];
  /** Bytes of its lines joined by newlines, as read; and a copy of them into `target` at `at`. */
  readonly byteLength: number;
  copyTo(target: Buffer, at: number): void;
}

/** Where the sieve leaves the records it does not build. */
export interface PlainSink {
  count: CountFn;
  /**
   * A record whose kind the grammar told from its lines (SieveSpec.quickKind), never a warning or
   * an error: its text from line `lineNo` on, `messageChars` its message's length, `build` makes
   * its Event if it is still kept at the end.
   */
  defer(kind: string, file: string, ms: number | null, timeSource: TimeSource, text: DeferredText, lineNo: number, messageChars: number, build: BuildFn): void;
}

/**
 * The most a record may be and still be deferred: lines (header included) and bytes (newlines
 * included). Under these the assembler's own caps (400 lines, 64 Ki characters) never bind, so a
 * held record's message is all its lines; and a kept deferred record holds at most 2 KiB, never
 * more text than the store's budget counts for it (its characters, as for a built one).
 */
const MAX_HELD_LINES = 64;
const MAX_DEFERRED_BYTES = 2048;

/** The literal scan and the remembered quickKind answers of a grammar, shared by its files. */
const tools = new WeakMap<SieveSpec, { matcher: LiteralMatcher; answers: AnswerCache }>();

/** Builds a deferred record's Event: its lines through the whole grammar, as the assembler would have. */
function builder(grammar: LineGrammar, ctx: FileContext): BuildFn {
  // a function of its own, so that a kept record holds the grammar and file only, not the sieve's buffers
  return (lines, lineNo) => {
    let built: Event | null = null;
    const one = new RecordAssembler(grammar, ctx, (e) => { built = e; });
    lines.forEach((l, k) => one.line(l, lineNo + k));
    one.flush();
    return built!;
  };
}

/** A line as bytes of a chunk, or as text when it had to be decoded (an over-long line, cut). */
class LineRef {
  buf: Buffer = EMPTY; start = 0; end = 0; text: string | null = null;
  set(buf: Buffer, start: number, end: number, text: string | null): void { this.buf = buf; this.start = start; this.end = end; this.text = text; }
  copy(o: LineRef): void { this.set(o.buf, o.start, o.end, o.text); }
  decode(): string { return this.text ?? this.buf.toString('utf8', this.start, this.end); }
}

const EMPTY = Buffer.alloc(0);

/** The record being read while it may still be deferred: its header line and held lines, decoded only when asked. */
class HeldRecord implements DeferredText {
  private decoded: string[] | null = null;
  /** The continuation lines held (slots past `count` are empty), and the bytes of all lines with their newlines. */
  readonly held: LineRef[] = [];
  count = 0;
  bytes = 0;
  /** Whether the header line's bytes are all ASCII (then its characters are its bytes). */
  private ascii = false;
  constructor(private readonly header: LineRef) {}

  /** A new record: its header line is in `header`. */
  start(ascii: boolean): void {
    this.release();
    this.ascii = ascii;
    this.decoded = null;
    this.bytes = this.header.end - this.header.start;
  }

  /** Holds a continuation line; false when the record would be too big to defer. */
  hold(buf: Buffer, start: number, end: number): boolean {
    if (this.count + 1 === MAX_HELD_LINES || this.bytes + 1 + end - start > MAX_DEFERRED_BYTES) return false;
    (this.held[this.count] ??= new LineRef()).set(buf, start, end, null);
    this.count++;
    this.bytes += 1 + end - start;
    this.decoded = null;
    return true;
  }

  /** Lets go of the held lines (a slot left pointing at an old chunk would keep it alive). */
  release(): void {
    for (let k = 0; k < this.count; k++) this.held[k]!.set(EMPTY, 0, 0, null);
    this.count = 0;
  }

  get rawChars(): number {
    return this.ascii && !this.decoded ? this.header.end - this.header.start : this.lines()[0]!.length;
  }

  lines(): string[] {
    if (!this.decoded) {
      this.decoded = [this.header.decode()];
      for (let k = 0; k < this.count; k++) this.decoded.push(this.held[k]!.decode());
    }
    return this.decoded;
  }

  get byteLength(): number {
    return this.bytes;
  }

  copyTo(target: Buffer, at: number): void {
    at += this.header.buf.copy(target, at, this.header.start, this.header.end);
    for (let k = 0; k < this.count; k++) {
      const l = this.held[k]!;
      target[at++] = 10;
      at += l.buf.copy(target, at, l.start, l.end);
    }
  }
}

export interface SieveStats { lines: number; longLines: number; plain: number; deferred: number }

export async function sieveLines(stream: AsyncIterable<Buffer>, grammar: LineGrammar & { sieve: SieveSpec }, ctx: FileContext, maxLineChars: number,
  asm: RecordAssembler, sink: PlainSink): Promise<SieveStats> {
  const spec = grammar.sieve;
  let shared = tools.get(spec);
  if (!shared) { shared = { matcher: matcherFor(spec.literals, spec.ranks), answers: new AnswerCache() }; tools.set(spec, shared); }
  const { matcher, answers } = shared;
  const stats: SieveStats = { lines: 0, longLines: 0, plain: 0, deferred: 0 };
  const build = builder(grammar, ctx);
  // the record being read: its header's time and level, the lowest rank of the literals in its
  // lines, and its continuation lines while few; once it must be built its lines go straight to
  // the assembler ("feeding"), so a huge record is never held
  let pending = false, feeding = false, firstLine = 0, ms: number | null = null, timeSource: TimeSource = 'none', rank = -1;
  const header = new LineRef();
  // where the header line's time ends and its form, when it was read as bytes (-1: read as text)
  let timeEnd = -1, form = 0;
  const record = new HeldRecord(header);
  const afterTime = new LineRef();
  const last1 = new LineRef(), last2 = new LineRef(), before1 = new LineRef(), before2 = new LineRef();

  /** The record must be built: the assembler gets it, from its header on, with the context it would have had. */
  const feed = (lines?: readonly string[]) => {
    feeding = true;
    asm.setContext(firstLine > 2 ? before2.decode() : null, firstLine > 1 ? before1.decode() : null);
    asm.line(lines?.[0] ?? header.decode(), firstLine);
    for (let k = 0; k < record.count; k++) asm.line(lines?.[k + 1] ?? record.held[k]!.decode(), firstLine + 1 + k);
    record.release();
  };

  /** quickKind's answer for the held record; it depends only on the header's form and the text after the time, and is remembered by those. */
  const quickAnswer = (): Answer | null => {
    let q: Answer | null | undefined;
    if (timeEnd >= 0) { afterTime.set(header.buf, timeEnd, header.end, null); q = answers.lookup(form, afterTime, record.held, record.count); }
    if (q === undefined) {
      q = spec.quickKind(record.lines(), rank);
      if (timeEnd >= 0) answers.remember(form, afterTime, record.held, record.count, q);
    }
    return q;
  };

  const endRecord = () => {
    if (!pending) return;
    pending = false;
    if (!feeding) {
      if (rank < 0 && record.count === 0) { sink.count(spec.plainKind, ctx.file, ms, timeSource); stats.plain++; return; }
      const q = record.bytes <= MAX_DEFERRED_BYTES ? quickAnswer() : null;
      if (q) {
        sink.defer(q.kind, ctx.file, ms, timeSource, record, firstLine, q.messageChars, build);
        record.release();
        stats.deferred++;
        return;
      }
      feed(record.lines()); // too long to keep as text, or only the whole grammar can tell: the assembler gets it now
    }
    feeding = false;
    // the assembler's view of the last lines is what later records quote as context
    const [p2, p1] = asm.lastLines();
    if (p2 !== null) last2.set(EMPTY, 0, 0, p2);
    if (p1 !== null) last1.set(EMPTY, 0, 0, p1);
  };

  /** Keeps a continuation line of a record not yet built; false when the record is too big to hold. */
  const hold = (buf: Buffer, start: number, end: number): boolean => {
    if (!record.hold(buf, start, end)) return false;
    const r = matcher.lowestRank(buf, start, end);
    if (r >= 0 && (rank < 0 || r < rank)) rank = r;
    return true;
  };

  // a chunk that is all ASCII (most are) needs no check line by line
  let asciiBuf: Buffer | null = null;
  const onLine = (buf: Buffer, start: number, end: number, text: string | null) => {
    const lineNo = ++stats.lines;
    let h: HeaderBytes | null;
    if (text !== null) h = grammar.header(text, ctx);
    else {
      // bytes are characters only while they are ASCII: otherwise the line is decoded and read as text
      let ascii = true;
      if (buf !== asciiBuf) {
        const stop = Math.min(end, start + HEADER_CHARS);
        for (let i = start; i < stop; i++) if (buf[i]! >= 0x80) { ascii = false; break; }
      }
      if (!ascii) h = grammar.header(buf.toString('utf8', start, end), ctx);
      else h = spec.header ? spec.header(buf, start, end) : grammar.header(buf.toString('latin1', start, Math.min(end, start + HEADER_CHARS)), ctx);
    }
    if (h && (!pending || !h.continues)) { // a new record (a repeated header that may continue one is the assembler's to judge)
      endRecord();
      if (asm.open) asm.flush(text ?? buf.toString('utf8', start, end));
      pending = true; firstLine = lineNo; ms = h.ms; timeSource = h.timeSource;
      timeEnd = text === null && h.timeEnd !== undefined ? h.timeEnd : -1;
      form = h.form ?? 0;
      header.set(buf, start, end, text);
      record.start(text === null && buf === asciiBuf);
      before1.copy(last1); before2.copy(last2);
      // problems are always built (they carry context); so is a line that had to be cut
      if (h.level === 'warning' || h.level === 'error' || text !== null) { rank = -1; feed(); } else rank = matcher.lowestRank(buf, h.messageFrom ?? start, end);
    } else if (pending) {
      // a repeated header or a cut line is the assembler's to read; so is a record too big to hold
      if (!feeding && (h !== null || text !== null || !hold(buf, start, end))) feed();
      if (feeding) asm.line(text ?? buf.toString('utf8', start, end), lineNo);
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

  // an unfinished line is kept up to the bytes that can hold maxLineChars characters, the rest skipped;
  // only that line is copied out when the next chunk ends it, not the chunk (most chunks are read in place)
  const cap = maxLineChars * 4 + 4;
  let carry: Buffer | null = null, skipping = false;
  for await (const c of stream) {
    const chunk = c as Buffer;
    let start = 0;
    if (carry || skipping) {
      const nl = chunk.indexOf(10);
      if (nl === -1) {
        if (!skipping) {
          carry = Buffer.concat([carry!, chunk]);
          if (carry.length > cap) { line(carry, 0, cap); skipping = true; carry = null; }
        }
        continue;
      }
      if (skipping) skipping = false;
      else {
        const first = Buffer.concat([carry!, chunk.subarray(0, nl)]);
        asciiBuf = isAscii(first) ? first : null;
        line(first, 0, first.length);
      }
      carry = null;
      start = nl + 1;
    }
    asciiBuf = isAscii(chunk) ? chunk : null;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      line(chunk, start, nl);
      start = nl + 1;
    }
    carry = start < chunk.length ? chunk.subarray(start) : null;
    if (carry && carry.length > cap) { line(carry, 0, cap); skipping = true; carry = null; }
  }
  if (carry && !skipping) line(carry, 0, carry.length);
  endRecord();
  asm.flush();
  return stats;
}
