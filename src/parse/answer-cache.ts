/**
 * quickKind's answers remembered by the form of a record's header and the bytes after its time:
 * an agent log repeats a few templates for hours. Shared by the files of a grammar (lookup and
 * remember run together, with nothing in between). A direct-mapped table of fixed slots in one byte slab, so remembering
 * allocates nothing, and a record that never repeats costs one hash and no comparison.
 */

/** A run of bytes: a line, or the part of a header line after its time. */
export interface ByteRange { readonly buf: Buffer; readonly start: number; readonly end: number }

export interface Answer { kind: string; messageChars: number }

const SLOTS = 4096;
const SLOT_BYTES = 512;

export class AnswerCache {
  private readonly slab = Buffer.allocUnsafeSlow(SLOTS * SLOT_BYTES);
  /** Bytes of the key in each slot (-1: empty), its hash, and the answer (kind null: only the whole grammar can tell). */
  private readonly lengths = new Int32Array(SLOTS).fill(-1);
  private readonly hashes = new Int32Array(SLOTS);
  /** The header's form, which the key's bytes alone do not show (SieveSpec: HeaderBytes.form). */
  private readonly forms = new Int32Array(SLOTS);
  private readonly kinds: (string | null)[] = new Array<string | null>(SLOTS).fill(null);
  private readonly messageChars = new Int32Array(SLOTS);
  private readonly answer: Answer = { kind: '', messageChars: 0 };
  // the key last looked up, for remember()
  private slot = -1;
  private hash = 0;
  private keyLength = -1;

  /**
   * The answer remembered for the record whose key is its header's `form` and `first` followed by
   * `rest[0..count)`, each after a newline: an Answer, null (the whole grammar must read it), or
   * undefined when unknown.
   */
  lookup(form: number, first: ByteRange, rest: readonly ByteRange[], count: number): Answer | null | undefined {
    let length = first.end - first.start;
    for (let k = 0; k < count; k++) length += 1 + rest[k]!.end - rest[k]!.start;
    this.keyLength = length <= SLOT_BYTES ? length : -1;
    if (this.keyLength < 0) return undefined;
    let h = hashBytes(Math.imul(0x811c9dc5 ^ form, 0x01000193), first);
    for (let k = 0; k < count; k++) h = hashBytes(Math.imul(h ^ 10, 0x01000193), rest[k]!);
    h = finish(h); // an int32, as the table stores it
    this.hash = h;
    this.slot = (h >>> 0) & (SLOTS - 1);
    if (this.lengths[this.slot] !== length || this.hashes[this.slot] !== h || this.forms[this.slot] !== form) return undefined;
    let at = this.slot * SLOT_BYTES;
    if (!this.same(first, at)) return undefined;
    at += first.end - first.start;
    for (let k = 0; k < count; k++) {
      const r = rest[k]!;
      if (this.slab[at++] !== 10 || !this.same(r, at)) return undefined;
      at += r.end - r.start;
    }
    const kind = this.kinds[this.slot]!;
    if (kind === null) return null;
    this.answer.kind = kind;
    this.answer.messageChars = this.messageChars[this.slot]!;
    return this.answer;
  }

  /** Remembers the answer for the key last looked up (same arguments). */
  remember(form: number, first: ByteRange, rest: readonly ByteRange[], count: number, answer: Answer | null): void {
    if (this.keyLength < 0) return;
    const s = this.slot;
    let at = s * SLOT_BYTES;
    at += first.buf.copy(this.slab, at, first.start, first.end);
    for (let k = 0; k < count; k++) {
      const r = rest[k]!;
      this.slab[at++] = 10;
      at += r.buf.copy(this.slab, at, r.start, r.end);
    }
    this.lengths[s] = this.keyLength;
    this.hashes[s] = this.hash;
    this.forms[s] = form;
    this.kinds[s] = answer ? answer.kind : null;
    this.messageChars[s] = answer ? answer.messageChars : 0;
  }

  private same(r: ByteRange, at: number): boolean {
    // (Buffer#compare does not call two empty ranges equal)
    return r.end === r.start || r.buf.compare(this.slab, at, at + r.end - r.start, r.start, r.end) === 0;
  }
}

/**
 * A multiplicative hash over a byte range, continuing from `h`, four bytes a step (a byte a step
 * was ~5 % of analyze on the 150 MB bundle); a collision only costs a lookup, as keys are compared.
 */
function hashBytes(h: number, r: ByteRange): number {
  const b = r.buf;
  let i = r.start;
  for (const end4 = r.end - 3; i < end4; i += 4) h = Math.imul(h ^ (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)), 0x01000193);
  for (; i < r.end; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  return h;
}

/** Mixes the high bits of a key's hash into the low ones, which pick its slot (a multiplication only carries upwards). */
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x45d9f3b);
  return h ^ (h >>> 16);
}
