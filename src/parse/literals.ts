/**
 * Finds whether any of a set of literals occurs in a byte range, in one pass that skips most bytes
 * (Wu–Manber): with m the length of the shortest literal, the three bytes ending at position i
 * say how far the window can move before a literal could end its first m bytes there; only where
 * they could are whole literals compared. Literals shorter than four bytes are compared at every
 * position.
 */

const BLOCK = 3;
const TABLE_BITS = 15;

function block(a: number, b: number, c: number): number {
  return Math.imul((a << 16) | (b << 8) | c, 0x9e3779b1) >>> (32 - TABLE_BITS);
}

export class LiteralMatcher {
  /** Literals at least four bytes long, and m: the length of the shortest of them. */
  private readonly m: number;
  private readonly shift: Uint8Array;
  private readonly ends: (Buffer[] | undefined)[] = [];
  private readonly short: Buffer[] = [];

  constructor(literals: readonly string[]) {
    const long: Buffer[] = [];
    for (const lit of new Set(literals)) {
      const bytes = Buffer.from(lit, 'utf8');
      if (bytes.length >= 4) long.push(bytes); else if (bytes.length) this.short.push(bytes);
    }
    this.m = long.length ? Math.min(...long.map((b) => b.length)) : 0;
    this.shift = new Uint8Array(1 << TABLE_BITS).fill(Math.min(255, this.m - BLOCK + 1));
    for (const b of long) {
      for (let j = BLOCK - 1; j < this.m; j++) {
        const h = block(b[j - 2]!, b[j - 1]!, b[j]!);
        this.shift[h] = Math.min(this.shift[h]!, this.m - 1 - j);
      }
      const h = block(b[this.m - 3]!, b[this.m - 2]!, b[this.m - 1]!);
      (this.ends[h] ??= []).push(b);
    }
  }

  /** Whether some literal occurs whole inside buf[start, end). */
  test(buf: Buffer, start: number, end: number): boolean {
    const m = this.m;
    if (m) {
      for (let i = start + m - 1; i < end;) {
        const h = block(buf[i - 2]!, buf[i - 1]!, buf[i]!);
        const s = this.shift[h]!;
        if (s) { i += s; continue; }
        const from = i - m + 1;
        for (const b of this.ends[h]!) {
          if (from + b.length > end) continue;
          let k = 0;
          while (k < b.length && buf[from + k] === b[k]) k++;
          if (k === b.length) return true;
        }
        i++;
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
}
