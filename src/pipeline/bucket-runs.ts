/**
 * A set of integers kept as sorted, disjoint runs [from, to]. The agent's activity buckets come
 * in time order, so a log of any length is a handful of runs (a Set of a 1.5 GB log's 240,000
 * five-minute buckets held ~50 MB); out-of-order values are placed by binary search.
 */
export class BucketRuns {
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  /** The run the last value went into: the next one almost always goes there or just after it. */
  private last = -1;
  /** The first value added (the set's insertion order is otherwise not kept). */
  first: number | undefined;

  add(v: number): void {
    this.first ??= v;
    const i = this.last;
    if (i >= 0 && v >= this.from[i]! && v <= this.to[i]!) return;
    if (i >= 0 && v === this.to[i]! + 1 && (i + 1 === this.from.length || this.from[i + 1]! > v)) {
      this.to[i] = v;
      this.joinNext(i);
      return;
    }
    this.place(v);
  }

  private place(v: number): void {
    // j: the first run starting after v
    let lo = 0, hi = this.from.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.from[mid]! > v) hi = mid; else lo = mid + 1; }
    const j = lo, p = j - 1;
    if (p >= 0 && v <= this.to[p]!) { this.last = p; return; }
    if (p >= 0 && v === this.to[p]! + 1) { this.to[p] = v; this.joinNext(p); this.last = p; return; }
    if (j < this.from.length && v === this.from[j]! - 1) { this.from[j] = v; this.last = j; return; }
    this.from.splice(j, 0, v);
    this.to.splice(j, 0, v);
    this.last = j;
  }

  /** Joins run i with the next when they touch. */
  private joinNext(i: number): void {
    if (i + 1 < this.from.length && this.to[i]! + 1 === this.from[i + 1]!) {
      this.to[i] = this.to[i + 1]!;
      this.from.splice(i + 1, 1);
      this.to.splice(i + 1, 1);
    }
  }

  /** The largest value, or undefined when empty. */
  get max(): number | undefined {
    return this.to.length ? this.to[this.to.length - 1] : undefined;
  }

  /** The runs, in order: [from, to] inclusive. */
  *runs(): Generator<[number, number]> {
    for (let i = 0; i < this.from.length; i++) yield [this.from[i]!, this.to[i]!];
  }
}
