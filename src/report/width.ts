/**
 * Terminal columns: what a string occupies on screen (colour codes take none, East Asian wide and
 * fullwidth characters take two, combining marks none) and wrapping to a width measured that way.
 */

const ANSI = /\x1b\[[0-9;]*m/g;

/** East Asian Wide (W) and Fullwidth (F) ranges of Unicode's EastAsianWidth.txt, merged. */
const WIDE: [number, number][] = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x23f0, 0x23f0], [0x23f3, 0x23f3],
  [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f], [0x2693, 0x2693], [0x26a1, 0x26a1],
  [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5], [0x26ce, 0x26ce], [0x26d4, 0x26d4], [0x26ea, 0x26ea],
  [0x26f2, 0x26f3], [0x26f5, 0x26f5], [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b],
  [0x2728, 0x2728], [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
  [0x27b0, 0x27b0], [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55],
  [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f],
  [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4], [0x17000, 0x18cff], [0x1b000, 0x1b2ff], [0x1f004, 0x1f004], [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e], [0x1f191, 0x1f19a], [0x1f200, 0x1f251], [0x1f300, 0x1f64f], [0x1f680, 0x1f6ff],
  [0x1f7e0, 0x1f7eb], [0x1f90c, 0x1f9ff], [0x1fa70, 0x1faff], [0x20000, 0x3fffd],
];

function isWide(cp: number): boolean {
  if (cp < 0x1100) return false;
  let lo = 0, hi = WIDE.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = WIDE[mid]!;
    if (cp < a) hi = mid - 1; else if (cp > b) lo = mid + 1; else return true;
  }
  return false;
}

/** Combining marks, zero-width spaces and joiners, variation selectors: no column of their own. */
function isZeroWidth(cp: number): boolean {
  return (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0x3099 || cp === 0x309a || cp < 0x20;
}

function charWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  return isZeroWidth(cp) ? 0 : isWide(cp) ? 2 : 1;
}

/** Columns the string occupies on a terminal. */
export function displayWidth(s: string): number {
  let n = 0;
  for (const ch of s.replace(ANSI, '')) n += charWidth(ch);
  return n;
}


// a run of colour codes, a `command` (kept on one line to copy), a wide character (with any
// closing punctuation that must not start a line: 。、」 …), a word with its trailing spaces (and that
// punctuation too: a name ending a Japanese sentence keeps its 。), or spaces
const TOKEN = /(?:\x1b\[[0-9;]*m)+|`[^`\n]{1,60}`[^\s`]*[ \t]*|[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6][、。，．・：；？！）」』】〕ー々ぁぃぅぇぉっゃゅょァィゥェォッャュョ）\uff09\uff0c\uff0e]*|[^\s\x1b\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6]+[、。，．・：；？！）」』】〕\uff09\uff0c\uff0e]*[ \t]*|\s+/gu;

/** Text that starts with punctuation a line must not start with. */
const CLOSING = /^[、。，．・：；？！）」』】〕\uff09\uff0c\uff0e]/u;

const WHOLE = /^(?:`|[a-z]+:\/\/|\S*\/\S*\s*$)/i;

/**
 * Wraps each paragraph to `width` columns; the first line starts with `first`, the others with
 * `indent`. A word longer than a line (a path) is cut where the line ends.
 */
export function wrap(text: string, width: number, indent: string, first = indent): string {
  const out: string[] = [];
  for (const [p, para] of text.split('\n').entries()) {
    let prefix = p === 0 ? first : indent;
    let line = '';
    let cols = displayWidth(prefix);
    const flush = () => { out.push((prefix + line).trimEnd()); prefix = indent; line = ''; cols = displayWidth(indent); };
    for (let tok of para.match(TOKEN) ?? []) {
      let w = displayWidth(tok);
      if (w === 0) { line += tok; continue; }
      const tw = displayWidth(tok.trimEnd());
      // move to a new line only when the word fits there; a longer one is cut where it stands
      if (cols + tw > width && line.replace(ANSI, '').trim() && displayWidth(indent) + tw <= width) {
        flush();
        if (/^\s+$/.test(tok)) continue;
      }
      // a word wider than a whole line is cut into pieces that fit, except a URL, a path or a `command`: those
      // stay whole on their own line (the terminal folds them) so that they copy intact
      while (cols + displayWidth(tok.trimEnd()) > width && !WHOLE.test(tok)) {
        let piece = '', pw = 0;
        for (const ch of tok) { const cw = charWidth(ch); if (cols + pw + cw > width) break; piece += ch; pw += cw; }
        // the cut never leaves closing punctuation to start the next line: the character before it goes along
        while (piece.length > 1 && CLOSING.test(tok.slice(piece.length))) { piece = piece.slice(0, -[...piece].pop()!.length); }
        if (!piece) { flush(); continue; }
        line += piece; tok = tok.slice(piece.length); flush(); w = displayWidth(tok);
      }
      line += tok; cols += w;
    }
    out.push((prefix + line).trimEnd());
  }
  return out.join('\n');
}

/** Columns of the terminal stdout writes to, or 80 when it is not a terminal. */
export function terminalWidth(stream: NodeJS.WriteStream = process.stdout): number {
  return stream.isTTY && stream.columns ? stream.columns : 80;
}

/** Cuts to `cols` visible columns, ending with … when something was cut. */
export function clip(s: string, cols: number): string {
  if (displayWidth(s) <= cols) return s;
  let out = '', w = 0;
  for (const ch of s) { const cw = charWidth(ch); if (w + cw > cols - 1) break; out += ch; w += cw; }
  return out + '…';
}
