/** Splits a byte stream into lines without holding more than one (bounded) line in memory. */
import { isAscii } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';

export interface LineSink {
  line(text: string, lineNo: number): void;
  /** A line longer than the limit: `text` is its first maxLineChars characters. */
  longLine?(lineNo: number): void;
}

export async function splitLines(stream: AsyncIterable<Buffer>, maxLineChars: number, sink: LineSink): Promise<number> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let lineNo = 0;
  let skipping = false; // inside the rest of an over-long line
  const take = (text: string) => {
    lineNo++;
    const end = text.length > 0 && text.charCodeAt(text.length - 1) === 13 ? text.length - 1 : text.length;
    sink.line(end === text.length ? text : text.slice(0, end), lineNo);
  };
  let pending = false; // the decoder holds part of a multi-byte character
  for await (const chunk of stream) {
    const buf = chunk as Buffer;
    // ASCII (nearly every agent log) decodes several times faster as latin1 than through UTF-8
    const text = !pending && isAscii(buf) ? buf.toString('latin1') : decoder.write(buf);
    pending = !isAscii(buf) && needsMore(buf);
    const s = carry + text;
    let start = 0;
    let nl = s.indexOf('\n');
    while (nl !== -1) {
      if (skipping) skipping = false;
      else if (nl - start > maxLineChars) { take(s.slice(start, start + maxLineChars)); sink.longLine?.(lineNo); }
      else take(s.slice(start, nl));
      start = nl + 1;
      nl = s.indexOf('\n', start);
    }
    carry = start === 0 ? s : s.slice(start);
    if (carry.length > maxLineChars) {
      if (!skipping) {
        take(carry.slice(0, maxLineChars));
        sink.longLine?.(lineNo);
        skipping = true;
      }
      carry = '';
    }
  }
  carry += decoder.end();
  if (carry.length > 0 && !skipping) take(carry);
  return lineNo;
}

/** Whether a chunk ends inside a UTF-8 multi-byte sequence (the decoder then keeps its tail). */
function needsMore(buf: Buffer): boolean {
  for (let i = buf.length - 1, k = 0; i >= 0 && k < 4; i--, k++) {
    const b = buf[i]!;
    if (b < 0x80) return false;
    if (b >= 0xc0) return k + 1 < (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2);
  }
  return false;
}

