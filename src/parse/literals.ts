/**
 * Finds whether any of a set of literals occurs in a byte range, in one pass over the bytes: each
 * literal is anchored on one of its 4-byte windows, a rolling 32-bit value of the last four bytes
 * is looked up in a bitmap of the anchors, and only bitmap hits compare whole literals. Anchors
 * start with the least common-looking window and move on when the text at hand keeps matching
 * one without the literal (a word of every line, such as "Handler"). Literals shorter than four
 * bytes are compared at every position.
 */

interface Literal { bytes: Buffer; offsets: number[]; at: number; misses: number }

const BITMAP_BITS = 16;
/** Anchor hits without the literal before the literal moves to its next window. */
const MAX_MISSES = 64;

/** How common a character looks in log text: spaces and letters make poorer anchors than digits and punctuation. */
function commonness(c: number): number {
  if (c === 32) return 3;
  if (c >= 97 && c <= 122) return 'etaoinsrhl'.includes(String.fromCharCode(c)) ? 2 : 1;
  if (c >= 65 && c <= 90) return 1;
  return 0;
}

function hash(v: number): number {
  return Math.imul(v, 0x9e3779b1) >>> (32 - BITMAP_BITS);
}

export class LiteralMatcher {
  private readonly bitmap = new Uint8Array(1 << BITMAP_BITS);
  private readonly byAnchor = new Map<number, Literal[]>();
  private readonly long: Literal[] = [];
  private readonly short: Buffer[] = [];

  constructor(literals: readonly string[]) {
    for (const lit of new Set(literals)) {
      const bytes = Buffer.from(lit, 'utf8');
      if (bytes.length === 0) continue;
      if (bytes.length < 4) { this.short.push(bytes); continue; }
      const score = (i: number) => commonness(bytes[i]!) + commonness(bytes[i + 1]!) + commonness(bytes[i + 2]!) + commonness(bytes[i + 3]!);
      const offsets = Array.from({ length: bytes.length - 3 }, (_, i) => i).sort((a, b) => score(a) - score(b) || a - b);
      this.long.push({ bytes, offsets, at: 0, misses: 0 });
    }
    this.index();
  }

  private index(): void {
    this.bitmap.fill(0);
    this.byAnchor.clear();
    for (const l of this.long) {
      const v = l.bytes.readUInt32BE(l.offsets[l.at]!);
      this.bitmap[hash(v)] = 1;
      const list = this.byAnchor.get(v);
      if (list) list.push(l); else this.byAnchor.set(v, [l]);
    }
  }

  /** Whether some literal occurs whole inside buf[start, end). */
  test(buf: Buffer, start: number, end: number): boolean {
    if (end - start >= 4) {
      let v = (buf[start]! << 16) | (buf[start + 1]! << 8) | buf[start + 2]!;
      for (let i = start + 3; i < end; i++) {
        v = ((v << 8) | buf[i]!) >>> 0;
        if (this.bitmap[hash(v)] === 0) continue;
        const list = this.byAnchor.get(v);
        if (list && this.verify(list, buf, i - 3, start, end)) return true;
      }
    }
    for (const s of this.short) {
      for (let i = start; i + s.length <= end; i++) {
        let k = 0;
        while (k < s.length && buf[i + k] === s[k]) k++;
        if (k === s.length) return true;
      }
    }
    return false;
  }

  private verify(list: Literal[], buf: Buffer, anchor: number, start: number, end: number): boolean {
    let moved = false;
    for (const l of list) {
      const from = anchor - l.offsets[l.at]!, b = l.bytes;
      let k = 0;
      if (from >= start && from + b.length <= end) while (k < b.length && buf[from + k] === b[k]) k++;
      if (k === b.length) return true;
      if (++l.misses > MAX_MISSES && l.at + 1 < l.offsets.length) { l.at++; l.misses = 0; moved = true; }
    }
    if (moved) this.index();
    return false;
  }
}
