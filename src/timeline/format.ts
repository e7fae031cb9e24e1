/**
 * The timeline's output formats. Each event is formatted once, while the bundle is read, into the
 * bytes that follow its time (its "tail"), and a short "head" with the time goes in front of it:
 * while reading when the time is final then, at the merge for a local time (it waits for
 * /etc/timezone) or a year-less one (it waits for the newest dated line).
 */
import type { Event } from '../model/types.js';
import { iso } from '../parse/time.js';
import { csvCell, csvText, recordEnd } from '../report/csv.js';
import { redactAttrs } from '../report/redact.js';

export type TimelineFormat = 'text' | 'jsonl' | 'csv';

/** The CSV columns, in the order of the jsonl keys. */
const TIMELINE_CSV_COLUMNS = ['time', 'time_source', 'file', 'line', 'lines', 'kind', 'level', 'message', 'attrs'] as const;

export interface Formatter {
  /** Written once before the first event (the CSV header). */
  start: string;
  /** The bytes after the time: file, line, kind, level, message, attributes. */
  tail(e: Event): string;
  /** The time part, in front of a tail. */
  head(ms: number | null, timeSource: string): string;
}

export function formatter(format: TimelineFormat, clean: (s: string) => string, excel = false): Formatter {
  let lastFile = '', fileJson = '', fileCell = '';
  // kinds and time sources are a few dozen strings repeated on every event
  const quoted = new Map<string, string>();
  const json = (s: string) => { let q = quoted.get(s); if (q === undefined) { q = JSON.stringify(s); quoted.set(s, q); } return q; };
  switch (format) {
    case 'jsonl':
      return {
        start: '',
        head: (ms, src) => { const t = iso(ms); return `{"time":${t ? `"${t}"` : 'null'},"time_source":${json(src)},`; },
        tail: (e) => {
          // files repeat event after event: their JSON is made once per file
          if (e.file !== lastFile) { lastFile = e.file; fileJson = JSON.stringify(e.file); }
          return `"file":${fileJson},"line":${e.line},"lines":${e.lines},"kind":${json(e.kind)},"level":${e.level ? `"${e.level}"` : 'null'},"message":${JSON.stringify(clean(e.message))},"attrs":${JSON.stringify(redactAttrs(e.attrs, clean))}}\n`;
        },
      };
    case 'csv': {
      const end = recordEnd(excel);
      return {
        start: csvText(TIMELINE_CSV_COLUMNS, [], { header: true, excel }),
        // an ISO time and a time source never need quoting or formula escaping
        head: (ms, src) => `${iso(ms) ?? ''},${src},`,
        // the cells after time and time_source, written directly: an event is a line of string work
        tail: (e) => {
          if (e.file !== lastFile) { lastFile = e.file; fileCell = csvCell(e.file); }
          return `${fileCell},${csvCell(e.line)},${csvCell(e.lines)},${csvCell(e.kind)},${csvCell(e.level)},${csvCell(clean(e.message))},${csvCell(JSON.stringify(redactAttrs(e.attrs, clean)))}${end}`;
        },
      };
    }
    default:
      return {
        start: '',
        head: (ms) => `${iso(ms) ?? '-'.padEnd(24)} `,
        tail: (e) => `${(e.level ?? '-').padEnd(7)} ${e.kind.padEnd(34)} ${e.file}:${e.line ?? '-'}  ${clean(e.message.split('\n', 1)[0]!)}\n`,
      };
  }
}
