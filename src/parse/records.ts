/**
 * Record assembly shared by every line-oriented grammar: a header line starts a record, other
 * lines continue it (tracebacks, [stdout]/[stderr] dumps, XML bodies). Lines before the first
 * header are kept as `unparsed` events, so every input line ends up in exactly one event.
 */
import type { AttrValue, Event, Level, TimeSource } from '../model/types.js';

export interface Header {
  ms: number | null;
  timeSource: TimeSource;
  level: Level | null;
  /** The message part of the first line (header stripped). */
  body: string;
  attrs: Record<string, AttrValue>;
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
}

/** How many continuation lines and characters a record keeps (the line count goes on). */
const MAX_CONT_LINES = 400;
const MAX_MESSAGE_CHARS = 64 * 1024;

export class RecordAssembler {
  private cur: Event | null = null;
  private cont: string[] = [];
  private contChars = 0;
  unparsed = 0;

  constructor(private readonly grammar: LineGrammar, private readonly ctx: FileContext, private readonly emit: (e: Event) => void) {}

  line(text: string, lineNo: number): void {
    const h = this.grammar.header(text, this.ctx);
    if (h) {
      this.flush();
      this.cur = {
        ms: h.ms, timeSource: h.timeSource, file: this.ctx.file, line: lineNo, lines: 1, kind: '',
        level: h.level, message: h.body, raw: text, attrs: h.attrs,
      };
      return;
    }
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
    this.unparsed++;
    this.emit({ ms: null, timeSource: 'none', file: this.ctx.file, line: lineNo, lines: 1, kind: 'unparsed', level: null, message: text, raw: text, attrs: {} });
  }

  flush(): void {
    const e = this.cur;
    if (!e) return;
    if (this.cont.length) {
      e.message = e.message + '\n' + this.cont.join('\n');
      this.cont = [];
      this.contChars = 0;
    }
    this.cur = null;
    this.emit(this.grammar.classify(e));
  }
}

function blank(file: string, line: number): Event {
  return { ms: null, timeSource: 'none', file, line, lines: 1, kind: 'blank', level: null, message: '', raw: '', attrs: {} };
}

/** Builds a whole-file event (XML, JSON and other non-line artifacts). */
export function fileEvent(file: string, kind: string, ms: number | null, timeSource: TimeSource, message: string, attrs: Record<string, AttrValue>, level: Level | null = 'info', line: number | null = null, raw?: string): Event {
  // with a line number, `raw` must be that line as written (evidence cites it); without, the message describes the file
  return { ms, timeSource: ms === null ? 'none' : timeSource, file, line: raw === undefined ? null : line, lines: 1, kind, level, message, raw: raw ?? message, attrs };
}
