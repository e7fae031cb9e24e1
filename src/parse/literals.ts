/**
 * Finds which of a set of literals occur in a byte range, in one pass that skips most bytes
 * (Wu–Manber): with m the length of the shortest literal, the three bytes ending at position i
 * say how far the window can move before a literal could end its first m bytes there; only where
 * they could are whole literals compared. Every occurrence is seen, overlapping ones too, so the
 * lowest rank of the literals present is exact. Literals shorter than four bytes are compared at
 * every position.
 */

const BLOCK = 3;
const TABLE_BITS = 15;

function block(a: number, b: number, c: number): number {
  return Math.imul((a << 16) | (b << 8) | c, 0x9e3779b1) >>> (32 - TABLE_BITS);
}

interface Literal { bytes: Buffer; rank: number }

export class LiteralMatcher {
  /** Literals at least four bytes long, and m: the length of the shortest of them. */
  private readonly m: number;
  private readonly shift: Uint8Array;
  private readonly ends: (Literal[] | undefined)[] = [];
  private readonly short: Literal[] = [];
  private readonly minRank: number;

  /** `ranks[i]` is the rank of `literals[i]` (its position by default); a literal given twice keeps its lowest rank. */
  constructor(literals: readonly string[], ranks: readonly number[] = literals.map((_, i) => i)) {
    const byText = new Map<string, number>();
    literals.forEach((l, i) => { if (l.length) byText.set(l, Math.min(byText.get(l) ?? Infinity, ranks[i]!)); });
    const long: Literal[] = [];
    for (const [text, rank] of byText) {
      const lit = { bytes: Buffer.from(text, 'utf8'), rank };
      (lit.bytes.length >= 4 ? long : this.short).push(lit);
    }
    this.minRank = Math.min(...byText.values());
    this.m = long.length ? Math.min(...long.map((l) => l.bytes.length)) : 0;
    this.shift = new Uint8Array(1 << TABLE_BITS).fill(Math.min(255, this.m - BLOCK + 1));
    for (const lit of long) {
      const b = lit.bytes;
      for (let j = BLOCK - 1; j < this.m; j++) {
        const h = block(b[j - 2]!, b[j - 1]!, b[j]!);
        this.shift[h] = Math.min(this.shift[h]!, this.m - 1 - j);
      }
      const h = block(b[this.m - 3]!, b[this.m - 2]!, b[this.m - 1]!);
      (this.ends[h] ??= []).push(lit);
    }
  }

  /** The lowest rank of the literals that occur whole inside buf[start, end), or -1 when none does. */
  lowestRank(buf: Buffer, start: number, end: number): number {
    const m = this.m, floor = this.minRank;
    let best = Infinity;
    if (m) {
      for (let i = start + m - 1; i < end;) {
        const h = block(buf[i - 2]!, buf[i - 1]!, buf[i]!);
        const s = this.shift[h]!;
        if (s) { i += s; continue; }
        const from = i - m + 1;
        const list = this.ends[h]!;
        for (let q = 0; q < list.length; q++) {
          const lit = list[q]!, b = lit.bytes;
          if (lit.rank >= best || from + b.length > end) continue;
          let k = 0;
          while (k < b.length && buf[from + k] === b[k]) k++;
          if (k === b.length) { best = lit.rank; if (best === floor) return best; }
        }
        i++;
      }
    }
    for (const lit of this.short) {
      if (lit.rank >= best) continue;
      const s = lit.bytes;
      for (let i = start; i + s.length <= end; i++) {
        let k = 0;
        while (k < s.length && buf[i + k] === s[k]) k++;
        if (k === s.length) { best = lit.rank; break; }
      }
    }
    return best === Infinity ? -1 : best;
  }
}
