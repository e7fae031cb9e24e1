/**
 * Record assembly shared by every line-oriented grammar: a header line starts a record, other
 * lines continue it (tracebacks, [stdout]/[stderr] dumps, XML bodies). Lines before the first
 * header are one record too, read by grammars/headless.ts (`unparsed` when nothing in it is
 * understood), so every input line ends up in exactly one event.
 */
import type { AttrValue, Event, Level, TimeSource } from '../model/types.js';
import { classifyHeadless } from '../../grammars/headless.js';

export interface Header {
  ms: number | null;
  timeSource: TimeSource;
  level: Level | null;
  /** The message part of the first line (header stripped). */
  body: string;
  attrs: Record<string, AttrValue>;
  /** The line repeats the header of the record it continues (2.0.x writes it on every line of a message). */
  continues?: boolean;
}

export interface FileContext {
  file: string;
  /** mtime of the entry: the year of year-less syslog lines is inferred from it. */
  mtime: Date | null;
}

export interface LineGrammar {
  id: string;
  header(line: string, ctx: FileContext): Header | null;
  /** Decides kind/level/attrs of a finished record. Mutates and returns the event. */
  classify(e: Event): Event;
  /** Lets the byte sieve (sieve.ts) count plain records without building them. */
  sieve?: SieveSpec;
}

/**
 * The promise a grammar makes to the sieve: `classify` gives `plainKind` to every one-line record
 * whose level is not warning or error and whose text holds none of `literals` (from the header's
 * `messageFrom` on, when the byte reader gives it);
 * `quickKind` tells the kind of the other records that are not problems, or says it cannot; and
 * `header` decides from a line's first HEADER_CHARS characters. The agreement test in
 * test/fast-path.test.ts holds every grammar that has a sieve to it.
 */
export interface SieveSpec {
  literals: readonly string[];
  /** The rank of each literal (the first rule that holds it), for `quickKind`. */
  ranks: readonly number[];
  plainKind: string;
  /**
   * The kind `classify` gives a record whose level is not warning or error, from its lines (the
   * header line first), and the length of its message; `rank` is the lowest rank of the literals
   * in those lines, -1 when none. Null when only the whole grammar can tell. Such a record is kept
   * as its lines and built into an Event only if the evidence store still holds it at the end.
   */
  quickKind: (lines: readonly string[], rank: number) => { kind: string; messageChars: number } | null;
  /** `header` read from the bytes of a line whose first HEADER_CHARS bytes are ASCII, without building strings: null exactly when `header` gives null. */
  header?: (bytes: Buffer, start: number, end: number) => HeaderBytes | null;
}

/** What the sieve needs of a header (the object may be reused from call to call). */
export interface HeaderBytes {
  ms: number | null; level: Level | null; timeSource: TimeSource;
  /** The line may continue the record before it (Header.continues; the byte reader may say so when unsure). */
  continues?: boolean;
  /** Where the time ends. */
  timeEnd?: number;
  /** No message starts before this: the sieve looks for a header line's literals from here on. */
  messageFrom?: number;
  /**
   * What the bytes before `timeEnd` say that the rest does not (which header form the line has).
   * `quickKind` answers the same for records with the same form and the same bytes from `timeEnd`
   * on, so the sieve remembers its answers by those.
   */
  form?: number;
}

/** Characters of a line enough to recognise a header and read its time and level. */
export const HEADER_CHARS = 64;

/** How many continuation lines and characters a record keeps (the line count goes on). */
const MAX_CONT_LINES = 400;
const MAX_MESSAGE_CHARS = 64 * 1024;

/** Lines longer than this are cut when copied into another record's context. */
const CONTEXT_CHARS = 500;

function cut(s: string): string {
  return s.length > CONTEXT_CHARS ? s.slice(0, CONTEXT_CHARS) + '…' : s;
}

export class RecordAssembler {
  private cur: Event | null = null;
  private cont: string[] = [];
  private contChars = 0;
  unparsed = 0;
  // the last two lines seen, and the two before the current record (plain fields: no per-line allocation)
  private prev1: string | null = null;
  private prev2: string | null = null;
  private before1: string | null = null;
  private before2: string | null = null;

  constructor(private readonly grammar: LineGrammar, private readonly ctx: FileContext, private readonly emit: (e: Event) => void) {}

  /** Whether a record is open (its end, and the line after it, not seen yet). */
  get open(): boolean { return this.cur !== null; }

  /** The two lines last seen, when lines went past without being given to `line` (the sieve counted them). */
  setContext(before2: string | null, before1: string | null): void {
    this.prev2 = before2;
    this.prev1 = before1;
  }

  /** The two lines last seen, as context will quote them (a repeated header is dropped). */
  lastLines(): [string | null, string | null] {
    return [this.prev2, this.prev1];
  }

  line(text: string, lineNo: number): void {
    let h = this.grammar.header(text, this.ctx);
    if (h?.continues && this.cur && this.cur.ms === h.ms) { text = h.body; h = null; }
    if (h) {
      this.flush(text);
      this.cur = {
        ms: h.ms, timeSource: h.timeSource, file: this.ctx.file, line: lineNo, lines: 1, kind: '',
        level: h.level, message: h.body, raw: text, attrs: h.attrs,
      };
      this.before1 = this.prev1;
      this.before2 = this.prev2;
      this.remember(text);
      return;
    }
    this.remember(text);
    if (this.cur) {
      this.cur.lines++;
      if (this.cont.length < MAX_CONT_LINES && this.contChars < MAX_MESSAGE_CHARS) {
        this.cont.push(text);
        this.contChars += text.length;
      }
      return;
    }
    if (text.length === 0) {
      this.emit(blank(this.ctx.file, lineNo));
      return;
    }
    // a record whose header was cut off: the lines before the first header are one record
    this.cur = { ms: null, timeSource: 'none', file: this.ctx.file, line: lineNo, lines: 1, kind: '', level: null, message: text, raw: text, attrs: { headless: true } };
    this.before1 = this.before2 = null;
  }

  private remember(text: string): void {
    this.prev2 = this.prev1;
    this.prev1 = text;
  }

  /** Ends the current record; `next` is the line that follows it (for context), if any. */
  flush(next?: string): void {
    const e = this.cur;
    if (!e) return;
    if (this.cont.length) {
      e.message = recordMessage(e.message, this.cont);
      this.cont = [];
      this.contChars = 0;
    }
    this.cur = null;
    if (e.attrs.headless) { classifyHeadless(e, this.grammar); if (e.kind === 'unparsed') this.unparsed++; } else this.grammar.classify(e);
    // context is for the records a report cites: problems only (a cheap test on the hot path)
    if (e.level === 'error' || e.level === 'warning') {
      const before: string[] = [];
      if (this.before2 !== null) before.push(cut(this.before2));
      if (this.before1 !== null) before.push(cut(this.before1));
      e.context = { before, after: next === undefined ? [] : [cut(next)] };
    }
    this.emit(e);
  }
}

/** A record's message: the header line's message, then its continuation lines (quickKind reads the same text). */
export function recordMessage(body: string, continuation: readonly string[]): string {
  return continuation.length ? body + '\n' + continuation.join('\n') : body;
}

function blank(file: string, line: number): Event {
  return { ms: null, timeSource: 'none', file, line, lines: 1, kind: 'blank', level: null, message: '', raw: '', attrs: {} };
}

/** Builds a whole-file event (XML, JSON and other non-line artifacts). */
export function fileEvent(file: string, kind: string, ms: number | null, timeSource: TimeSource, message: string, attrs: Record<string, AttrValue>, level: Level | null = 'info', line: number | null = null, raw?: string): Event {
  // with a line number, `raw` must be that line as written (evidence cites it); without, the message describes the file
  return { ms, timeSource: ms === null ? 'none' : timeSource, file, line: raw === undefined ? null : line, lines: 1, kind, level, message, raw: raw ?? message, attrs };
}
