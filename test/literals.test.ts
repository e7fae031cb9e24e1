/**
 * The literal scan (src/parse/literals.ts) in WebAssembly and in JavaScript: the same lowest rank
 * as a plain search for every literal, on random text with literals planted across chunk-sized
 * buffers, overlapping and at the edges of the range.
 */
import test from 'ava';
import fc from 'fast-check';
import { LiteralMatcher } from '../src/parse/literals.js';
import { join } from 'node:path';
import { waagentGrammar } from '../grammars/waagent.js';
import { writeAgentLog } from '../bench/generate.js';
import { azlog, sampleDir, tmp } from './helpers.js';

const spec = waagentGrammar.sieve!;

/** The answer by brute force: every literal searched for with indexOf inside the range. */
function expected(buf: Buffer, start: number, end: number, literals: readonly string[], ranks: readonly number[]): number {
  const range = buf.subarray(start, end);
  let best = -1;
  literals.forEach((l, i) => {
    if (l.length && range.indexOf(Buffer.from(l)) !== -1 && (best < 0 || ranks[i]! < best)) best = ranks[i]!;
  });
  return best;
}

test('the WebAssembly scan is the one that runs after a build', (t) => {
  t.is(new LiteralMatcher(spec.literals, spec.ranks).engine, 'wasm');
  t.is(new LiteralMatcher(spec.literals, spec.ranks, 'js').engine, 'js');
});

test('both scans find the lowest-ranked literal present, as a plain search does', (t) => {
  const wasm = new LiteralMatcher(spec.literals, spec.ranks);
  const js = new LiteralMatcher(spec.literals, spec.ranks, 'js');
  const piece = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...spec.literals),
    fc.constantFrom(...spec.literals).map((l) => l.slice(1)), fc.constantFrom(...spec.literals).map((l) => l.slice(0, -1)), fc.constantFrom('\u00e9', '\n', ''));
  fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), fc.nat(), fc.nat(), (pieces, a, b) => {
    const buf = Buffer.from(pieces.join(''));
    const start = buf.length ? a % (buf.length + 1) : 0;
    const end = start + (buf.length - start ? b % (buf.length - start + 1) : 0);
    const want = expected(buf, start, end, spec.literals, spec.ranks!);
    t.is(wasm.lowestRank(buf, start, end), want);
    t.is(js.lowestRank(buf, start, end), want);
  }), { numRuns: 3000 });
});

test('texts scanned between the ranges of one buffer leave every answer right (the rule stage between the sieve\'s lines)', (t) => {
  const wasm = new LiteralMatcher(spec.literals, spec.ranks);
  const piece = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...spec.literals), fc.constantFrom('\u00e9', ''));
  // a text longer than the area kept for texts takes the buffer's place, which must then be loaded again
  const text = fc.oneof(fc.array(piece, { maxLength: 8 }).map((p) => p.join('')), fc.constantFrom(...spec.literals).map((l) => 'y'.repeat(70_000) + l));
  fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 40 }), fc.array(fc.tuple(fc.nat(), fc.nat(), text), { maxLength: 8 }), (pieces, steps) => {
    const buf = Buffer.from(pieces.join(''));
    for (const [a, b, txt] of steps) {
      const start = a % (buf.length + 1), end = start + b % (buf.length - start + 1);
      t.is(wasm.lowestRank(buf, start, end), expected(buf, start, end, spec.literals, spec.ranks!));
      const bytes = Buffer.from(txt, 'latin1');
      if (Buffer.from(txt).equals(bytes)) t.is(wasm.lowestRankOf(txt), expected(bytes, 0, bytes.length, spec.literals, spec.ranks!)); // ASCII: exact
    }
  }), { numRuns: 300 });
});

test('short literals, repeated literals and a buffer larger than the scan memory', (t) => {
  const literals = ['ab', 'abc', 'xyzzy', 'xyzzy', 'needle in', 'in a hay'];
  const ranks = [5, 4, 3, 1, 2, 0];
  const big = Buffer.alloc(3 << 20, 'q');
  big.write('needle in a haystack', big.length - 100);
  big.write('ab', 10);
  for (const engine of ['wasm', 'js'] as const) {
    const m = new LiteralMatcher(literals, ranks, engine);
    t.is(m.lowestRank(big, 0, big.length), 0, engine);
    t.is(m.lowestRank(big, 0, big.length - 88), 2, `${engine}: "in a hay" cut off by the end of the range`);
    t.is(m.lowestRank(big, 0, 100), 5, engine);
    t.is(m.lowestRank(Buffer.from('xyzzy'), 0, 5), 1, `${engine}: a literal given twice keeps its lowest rank`);
    t.is(m.lowestRank(Buffer.from('nothing here'), 0, 12), -1, engine);
  }
});

test('a text: the exact rank when it is ASCII, never above it when it is not', (t) => {
  const wasm = new LiteralMatcher(spec.literals, spec.ranks);
  const js = new LiteralMatcher(spec.literals, spec.ranks, 'js');
  const piece = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...spec.literals), fc.constantFrom('\u00e9', '\u0141', '\u65e5', ''));
  fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
    const text = pieces.join('');
    let want = -1;
    spec.literals.forEach((l, i) => { if (text.includes(l) && (want < 0 || spec.ranks![i]! < want)) want = spec.ranks![i]!; });
    for (const m of [wasm, js]) {
      const got = m.lowestRankOf(text);
      // eslint-disable-next-line no-control-regex
      if (/^[\x00-\x7f]*$/.test(text)) t.is(got, want, m.engine);
      else t.true(want < 0 ? true : got >= 0 && got <= want, `${m.engine}: ${got} for ${want}`);
    }
  }), { numRuns: 2000 });
  // a text longer than the scan memory holds at first
  t.is(wasm.lowestRankOf('x'.repeat(1 << 20) + spec.literals[0]), spec.ranks![0]);
});

test('a literal beyond ASCII is found in a text too', (t) => {
  for (const engine of ['wasm', 'js'] as const) {
    const m = new LiteralMatcher(['caf\u00e9 ferm\u00e9', 'plain text'], [0, 1], engine);
    t.is(m.lowestRankOf('le caf\u00e9 ferm\u00e9 et plain text'), 0, engine);
    t.is(m.lowestRankOf('le cafe ferme et plain text'), 1, engine);
  }
});

test('without the WebAssembly module (AZLOG_WASM=0) analyze reports the same, through the JavaScript scan', async (t) => {
  const dir = await sampleDir();
  const log = join(tmp(), 'waagent.log');
  await writeAgentLog(log, 2 * 1024 * 1024);
  for (const path of [join(dir, 'fsfreeze-timeout.tgz'), join(dir, 'agent-outdated-g1-jst.tgz'), log]) {
    const json = (env: Record<string, string>) => {
      const r = azlog(['analyze', path, '-f', 'json', '--no-progress'], { env });
      t.is(r.code, 0, r.stderr);
      return JSON.parse(r.stdout.replace(/"ms": \d+/, '"ms": 0')) as unknown;
    };
    t.deepEqual(json({ AZLOG_WASM: '0' }), json({}), path);
  }
});
