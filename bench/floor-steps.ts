/**
 * One step of bench/floor: reads a bundle (or a plain log) through azlog's readers and does only
 * the per-line work that step names, with azlog's own code for each part, then prints nothing.
 *   read    inflate and untar, nothing else
 *   split   + every line found with Buffer#indexOf
 *   header  + the waagent header read from each line's bytes (the sieve's byte reader)
 *   scan    + the rule literals looked for in each line (the sieve's WebAssembly scan)
 *   keep    + each line counted in its minute, and the bytes and line number of each line with a
 *           literal copied into a ring (the least the evidence store can do with a sampled record)
 *   jsonl   read, split, then each line decoded, JSON-escaped and written to stdout: the least a
 *           jsonl timeline must do per line (no parsing at all)
 */
import { readBundle } from '../src/ingest/readers.js';
import { DEFAULT_LIMITS } from '../src/ingest/limits.js';
import { matcherFor } from '../src/parse/literals.js';
import { waagentGrammar } from '../grammars/waagent.js';

const [step, path] = process.argv.slice(2) as [string, string];
const spec = waagentGrammar.sieve!;
const matcher = matcherFor(spec.literals, spec.ranks);
let lines = 0, headers = 0, hits = 0;
const minutes = new Int32Array(1 << 20), ring = Buffer.alloc(4 << 20), ringLines = new Int32Array(1 << 16);
let ringAt = 0, ringCount = 0;
const out: string[] = [];
let outChars = 0;

const onLine = (buf: Buffer, start: number, end: number) => {
  lines++;
  if (step === 'split') return;
  if (step === 'jsonl') {
    const s = `{"message":${JSON.stringify(buf.toString('utf8', start, end))}}\n`;
    out.push(s); outChars += s.length;
    if (outChars > 1 << 20) { process.stdout.write(out.join('')); out.length = 0; outChars = 0; }
    return;
  }
  const h = spec.header!(buf, start, end);
  if (h) headers++;
  if (step === 'header') return;
  const rank = matcher.lowestRank(buf, h?.messageFrom ?? start, end);
  if (rank >= 0) hits++;
  if (step === 'scan') return;
  if (h?.ms) minutes[Math.floor(h.ms / 60000) & (minutes.length - 1)]++;
  if (rank >= 0 && end - start < 4096) {
    if (ringAt + end - start > ring.length) ringAt = 0;
    ringAt += buf.copy(ring, ringAt, start, end);
    ringLines[ringCount++ & (ringLines.length - 1)] = lines;
  }
};

await readBundle(path, DEFAULT_LIMITS, async (entry) => {
  if (step === 'read') { for await (const _ of entry.stream) void _; return; }
  for await (const c of entry.stream) {
    const chunk = c as Buffer;
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) { onLine(chunk, start, nl); start = nl + 1; }
    // a line across chunks is counted where it starts; the floor does not need its bytes whole
  }
});
if (out.length) process.stdout.write(out.join(''));
process.stderr.write(`${step}: ${lines} lines, ${headers} headers, ${hits} with literals\n`);
