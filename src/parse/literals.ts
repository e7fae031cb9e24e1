/**
 * Finds which of a set of literals occur in a byte range, in one pass that skips most bytes
 * (Wu–Manber): with m the length of the shortest literal, the three bytes ending at position i
 * say how far the window can move before a literal could end its first m bytes there; only where
 * they could are whole literals compared. Every occurrence is seen, overlapping ones too, so the
 * lowest rank of the literals present is exact. Literals shorter than four bytes are compared at
 * every position.
 *
 * The scan runs in WebAssembly (literals.wat, assembled into dist/ by scripts/wasm.mjs) over a
 * copy of the buffer, about twice as fast as the same loop in JavaScript; the JavaScript scan is
 * the fallback when the module is missing or AZLOG_WASM=0, and test/literals.test.ts holds the
 * two to the same answers.
 */
import { readFileSync } from 'node:fs';

const BLOCK = 3;
const TABLE_BITS = 15;
const TABLE_SIZE = 1 << TABLE_BITS;
const NONE = 0x7fffffff;

function block(a: number, b: number, c: number): number {
  return Math.imul((a << 16) | (b << 8) | c, 0x9e3779b1) >>> (32 - TABLE_BITS);
}

interface Literal { bytes: Buffer; rank: number }

/** The scan's tables: the shift per block hash, and the literals whose first m bytes end on each block. */
class Tables {
  readonly long: Literal[] = [];
  readonly short: Literal[] = [];
  readonly m: number;
  readonly minRank: number;
  /** Whether every literal is ASCII (then a text's latin1 bytes hold each literal it holds). */
  readonly ascii: boolean;
  readonly shift: Uint8Array;
  readonly ends: Literal[][] = Array.from({ length: TABLE_SIZE }, () => []);

  constructor(literals: readonly string[], ranks: readonly number[]) {
    const byText = new Map<string, number>();
    literals.forEach((l, i) => { if (l.length) byText.set(l, Math.min(byText.get(l) ?? Infinity, ranks[i]!)); });
    for (const [text, rank] of byText) {
      const lit = { bytes: Buffer.from(text, 'utf8'), rank };
      (lit.bytes.length >= 4 ? this.long : this.short).push(lit);
    }
    this.minRank = Math.min(...byText.values());
    this.ascii = [...byText.keys()].every((l) => !/[^\x00-\x7f]/.test(l));
    this.m = this.long.length ? Math.min(...this.long.map((l) => l.bytes.length)) : 0;
    this.shift = new Uint8Array(TABLE_SIZE).fill(Math.min(255, this.m - BLOCK + 1));
    for (const lit of this.long) {
      const b = lit.bytes, m = this.m;
      for (let j = BLOCK - 1; j < m; j++) {
        const h = block(b[j - 2]!, b[j - 1]!, b[j]!);
        this.shift[h] = Math.min(this.shift[h]!, m - 1 - j);
      }
      this.ends[block(b[m - 3]!, b[m - 2]!, b[m - 1]!)]!.push(lit);
    }
  }

  /** Literals shorter than a block, compared at every position; `best` is the rank to beat. */
  shortRank(buf: Buffer, start: number, end: number, best: number): number {
    for (const lit of this.short) {
      if (lit.rank >= best) continue;
      const s = lit.bytes;
      for (let i = start; i + s.length <= end; i++) {
        let k = 0;
        while (k < s.length && buf[i + k] === s[k]) k++;
        if (k === s.length) { best = lit.rank; break; }
      }
    }
    return best;
  }
}

/** A scan of a byte range, and of a text (its characters as latin1 bytes: an ASCII literal is found wherever it occurs). */
interface Scans { scan(buf: Buffer, start: number, end: number): number; scanText(text: string): number }

/** The scan in JavaScript. */
function jsScan(t: Tables): Scans {
  const scan = jsRangeScan(t);
  let scratch = Buffer.alloc(0);
  return {
    scan,
    scanText: (text) => {
      if (scratch.length < text.length) scratch = Buffer.alloc(Math.max(text.length, 4096));
      return scan(scratch, 0, scratch.write(text, 'latin1'));
    },
  };
}

function jsRangeScan(t: Tables): (buf: Buffer, start: number, end: number) => number {
  const { m, shift, ends, minRank: floor } = t;
  return (buf, start, end) => {
    let best = NONE;
    if (!m) return best;
    for (let i = start + m - 1; i < end;) {
      const h = block(buf[i - 2]!, buf[i - 1]!, buf[i]!);
      const s = shift[h]!;
      if (s) { i += s; continue; }
      const from = i - m + 1;
      const list = ends[h]!;
      for (let q = 0; q < list.length; q++) {
        const lit = list[q]!, b = lit.bytes;
        if (lit.rank >= best || from + b.length > end) continue;
        let k = 0;
        while (k < b.length && buf[from + k] === b[k]) k++;
        if (k === b.length) { best = lit.rank; if (best === floor) return best; }
      }
      i++;
    }
    return best;
  };
}

interface WasmExports {
  memory: WebAssembly.Memory;
  setup(bstart: number, ids: number, lits: number, m: number, floor: number): void;
  lowest(start: number, end: number): number;
}

let wasmModule: WebAssembly.Module | null | undefined;

function loadWasm(): WebAssembly.Module | null {
  if (wasmModule !== undefined) return wasmModule;
  try {
    wasmModule = process.env.AZLOG_WASM === '0' ? null : new WebAssembly.Module(readFileSync(new URL('./literals.wasm', import.meta.url)));
  } catch {
    wasmModule = null; // not built (a checkout before `npm run build`): the JavaScript scan does the same
  }
  return wasmModule;
}

/**
 * The scan in WebAssembly: the tables are laid out in its memory once (layout in literals.wat);
 * each buffer is copied in when it is first scanned (a chunk: many lines, one copy).
 */
function wasmScan(t: Tables, module: WebAssembly.Module): Scans {
  const x = new WebAssembly.Instance(module, {}).exports as unknown as WasmExports;
  const bstart = TABLE_SIZE, ids = bstart + 4 * (TABLE_SIZE + 1), lits = ids + 4 * t.long.length;
  let at = lits + 12 * t.long.length;
  const bytesAt = at;
  at += t.long.reduce((n, l) => n + l.bytes.length, 0);
  // texts of the rule stage are scanned in an area of their own, so that the chunk the sieve is
  // scanning stays loaded: analyze builds warnings and errors between the sieve's lines, and
  // copying the chunk in again after each one cost a log full of errors a quarter of its time
  const textArea = (at + 15) & ~15;
  const input = textArea + TEXT_ROOM;
  const grow = (bytes: number) => {
    const pages = Math.ceil((input + bytes) / 65536) - x.memory.buffer.byteLength / 65536;
    if (pages > 0) x.memory.grow(pages);
  };
  grow(256 * 1024);
  const u8 = () => new Uint8Array(x.memory.buffer), i32 = new Int32Array(x.memory.buffer);
  u8().set(t.shift, 0);
  const idOf = new Map(t.long.map((l, i) => [l, i]));
  let q = 0, b = bytesAt;
  for (let h = 0; h < TABLE_SIZE; h++) {
    i32[(bstart >> 2) + h] = q;
    for (const l of t.ends[h]!) i32[(ids >> 2) + q++] = idOf.get(l)!;
  }
  i32[(bstart >> 2) + TABLE_SIZE] = q;
  t.long.forEach((l, i) => {
    i32[(lits >> 2) + 3 * i] = b; i32[(lits >> 2) + 3 * i + 1] = l.bytes.length; i32[(lits >> 2) + 3 * i + 2] = l.rank;
    u8().set(l.bytes, b); b += l.bytes.length;
  });
  x.setup(bstart, ids, lits, t.m, t.minRank);
  // the memory as a Buffer, made again only when the memory grows (growing replaces its ArrayBuffer)
  let loaded: Buffer | null = null, view = Buffer.from(x.memory.buffer);
  const room = (bytes: number) => {
    if (input + bytes <= view.length) return;
    grow(bytes);
    view = Buffer.from(x.memory.buffer);
  };
  // a buffer the memory cannot grow to hold is scanned in JavaScript
  const fallback = jsRangeScan(t);
  const scan = (buf: Buffer, start: number, end: number): number => {
    if (!t.m) return NONE;
    if (buf !== loaded) {
      try { room(buf.length); } catch { return fallback(buf, start, end); }
      view.set(buf, input);
      loaded = buf;
    }
    const r = x.lowest(input + start, input + end);
    return r < 0 ? NONE : r;
  };
  const scanText = (text: string): number => {
    if (!t.m) return NONE;
    let from = textArea;
    if (text.length > TEXT_ROOM) { // latin1: a byte per character
      try { room(text.length); } catch { const b = Buffer.from(text, 'latin1'); return fallback(b, 0, b.length); }
      loaded = null; // the input area now holds this text
      from = input;
    }
    const n = view.write(text, from, 'latin1');
    const r = x.lowest(from, from + n);
    return r < 0 ? NONE : r;
  };
  return { scan, scanText };
}

/** Bytes of the WebAssembly memory kept for the texts the rule stage scans. */
const TEXT_ROOM = 64 * 1024;

const shared = new WeakMap<readonly string[], LiteralMatcher>();

/** One matcher per list of literals (the sieve and the rule stage scan for the same ones). */
export function matcherFor(literals: readonly string[], ranks: readonly number[]): LiteralMatcher {
  let m = shared.get(literals);
  if (!m) { m = new LiteralMatcher(literals, ranks); shared.set(literals, m); }
  return m;
}

export class LiteralMatcher {
  private readonly tables: Tables;
  private readonly scans: Scans;
  /** Which scan runs: 'wasm', or 'js' when the module is missing or turned off. */
  readonly engine: 'wasm' | 'js';

  /** `ranks[i]` is the rank of `literals[i]` (its position by default); a literal given twice keeps its lowest rank. */
  constructor(literals: readonly string[], ranks: readonly number[] = literals.map((_, i) => i), engine?: 'wasm' | 'js') {
    this.tables = new Tables(literals, ranks);
    const module = engine === 'js' ? null : loadWasm();
    this.engine = module ? 'wasm' : 'js';
    this.scans = module ? wasmScan(this.tables, module) : jsScan(this.tables);
  }

  /**
   * The lowest rank of the literals that occur whole inside buf[start, end), or -1 when none does.
   * The WebAssembly scan copies a buffer in when it differs from the one scanned last: a caller
   * must not change a buffer's bytes between two calls with it (the readers never reuse one).
   */
  lowestRank(buf: Buffer, start: number, end: number): number {
    let best = this.scans.scan(buf, start, end);
    if (this.tables.short.length && best !== this.tables.minRank) best = this.tables.shortRank(buf, start, end, best);
    return best === NONE ? -1 : best;
  }

  /**
   * The same for a text. Its characters are scanned as latin1 bytes, so the rank is exact for
   * ASCII literals in any text and may only be lower (never missed) where a wider character's
   * low byte looks like one: a lower bound, which is all the rule stage needs.
   */
  lowestRankOf(text: string): number {
    if (this.tables.short.length || !this.tables.ascii) {
      // a literal beyond ASCII is found only in the text's UTF-8
      const bytes = Buffer.from(text, this.tables.ascii ? 'latin1' : 'utf8');
      return this.lowestRank(bytes, 0, bytes.length);
    }
    const best = this.scans.scanText(text);
    return best === NONE ? -1 : best;
  }
}
