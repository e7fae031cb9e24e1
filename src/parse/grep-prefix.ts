/**
 * Logs pasted from `grep -r` (or grep over several files) carry the name of the file they came
 * from before every line: `./waagent.log:2016/06/06 22:16:42 VMBackupForLinuxExtension started…`.
 * Such a file is read as the log it quotes: the prefix is recognised on its first line (a path,
 * then a line the file's grammar reads as a header, while the whole line is not one), confirmed on
 * every whole line of the file's first 64 KiB, and then taken off every line that starts with it. This runs
 * on the bytes before the line splitter and the sieve (both read the same lines, numbered as in the
 * file); a file without the prefix passes through untouched.
 */
const NEWLINE = 10;

/** What grep writes before a matching line: a file path (no spaces; a dot or slash in it) and a colon. */
const PATH_PREFIX = /^([\w~+@-]*[./][\w./~+@-]*):/;

/** How much of a file's start decides whether it carries the prefix (whole lines only). */
const SAMPLE_BYTES = 64 * 1024;

/**
 * The grep prefix `lines` (the file's first bytes, whole lines only) carry on every line, if any.
 * `isHeader` is the file's grammar: the line after the prefix must be a header of it.
 */
export function grepPrefixOf(lines: string, isHeader: (line: string) => boolean): string | null {
  const nl = lines.indexOf('\n');
  const first = withoutCr(nl < 0 ? lines : lines.slice(0, nl));
  const m = PATH_PREFIX.exec(first);
  if (!m) return null;
  const prefix = m[0];
  if (isHeader(first) || !isHeader(first.slice(prefix.length))) return null;
  const all = lines.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all.every((l) => l.startsWith(prefix)) ? prefix : null;
}

function withoutCr(l: string): string {
  return l.endsWith('\r') ? l.slice(0, -1) : l;
}

/**
 * The file's bytes with a grep prefix taken off its lines (grepPrefixOf decides from the first
 * SAMPLE_BYTES); the chunks as they come when there is none.
 */
export async function* withoutGrepPrefix(source: AsyncIterable<Buffer>, isHeader: (line: string) => boolean): AsyncGenerator<Buffer> {
  const it = source[Symbol.asyncIterator]();
  const first: Buffer[] = [];
  let size = 0, done = false;
  while (size < SAMPLE_BYTES) {
    const r = await it.next();
    if (r.done) { done = true; break; }
    first.push(r.value as Buffer);
    size += (r.value as Buffer).length;
  }
  const head = first.length === 1 ? first[0]! : Buffer.concat(first);
  // only whole lines decide (the file's last line is whole when the file ends here)
  let sample = head.toString('utf8', 0, Math.min(head.length, SAMPLE_BYTES));
  if (!done || head.length > SAMPLE_BYTES) sample = sample.slice(0, sample.lastIndexOf('\n') + 1);
  const prefix = sample ? grepPrefixOf(sample, isHeader) : null;
  if (prefix === null) {
    if (head.length) yield head;
    if (!done) for (let r = await it.next(); !r.done; r = await it.next()) yield r.value as Buffer;
    return;
  }
  const strip = new PrefixStripper(Buffer.from(prefix, 'utf8'));
  yield strip.chunk(head);
  if (!done) for (let r = await it.next(); !r.done; r = await it.next()) yield strip.chunk(r.value as Buffer);
  const rest = strip.end();
  if (rest.length) yield rest;
}

/** Takes a fixed prefix off every line that starts with it, across chunk boundaries. */
class PrefixStripper {
  /** Bytes at the start of a line that may still turn out to be the prefix (fewer than its length). */
  private pending: Buffer = Buffer.alloc(0);
  /** Inside a line whose start was already judged. */
  private midLine = false;
  constructor(private readonly prefix: Buffer) {}

  chunk(input: Buffer): Buffer {
    const buf = this.pending.length ? Buffer.concat([this.pending, input]) : input;
    this.pending = Buffer.alloc(0);
    const parts: Buffer[] = [];
    let s = 0;
    const p = this.prefix;
    while (s < buf.length) {
      if (!this.midLine) {
        const left = buf.length - s;
        if (left < p.length) {
          if (buf.compare(p, 0, left, s, buf.length) === 0) { this.pending = Buffer.from(buf.subarray(s)); break; }
        } else if (buf.compare(p, 0, p.length, s, s + p.length) === 0) s += p.length;
        this.midLine = true;
      }
      const nl = buf.indexOf(NEWLINE, s);
      const e = nl < 0 ? buf.length : nl + 1;
      parts.push(buf.subarray(s, e));
      s = e;
      if (nl >= 0) this.midLine = false;
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  }

  /** What is left at the end: the start of a last line that was shorter than the prefix. */
  end(): Buffer {
    return this.pending;
  }
}
