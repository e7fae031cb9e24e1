/** The sieve's memory of quickKind answers: a key gives back its own answer or nothing, never another key's. */
import test from 'ava';
import fc from 'fast-check';
import { AnswerCache, type ByteRange } from '../src/parse/answer-cache.js';

const range = (s: string): ByteRange => { const buf = Buffer.from(`xx${s}yy`); return { buf, start: 2, end: buf.length - 2 }; };

test('a remembered key answers as remembered; other keys, colliding or longer than a slot, do not', (t) => {
  // lines hold no newline (the key joins them with one)
  const line = (max: number) => fc.string({ maxLength: max }).map((s) => s.replace(/\n/g, ' '));
  fc.assert(fc.property(fc.array(fc.tuple(line(40), fc.array(line(8), { maxLength: 3 }), fc.oneof(fc.constant(null), fc.nat(50))), { minLength: 1, maxLength: 300 }), (records) => {
    const cache = new AnswerCache();
    const answers = new Map<string, number | null>();
    for (const [first, rest, answer] of records) {
      const key = [first, ...rest].join('\n');
      const rs = rest.map(range);
      const got = cache.lookup(0, range(first), rs, rs.length);
      if (got !== undefined) {
        // an answer is only ever the one remembered for exactly this key
        t.true(answers.has(key), key);
        t.deepEqual(got === null ? null : got.messageChars, answers.get(key));
        continue;
      }
      cache.remember(0, range(first), rs, rs.length, answer === null ? null : { kind: `kind-${answer}`, messageChars: answer });
      answers.set(key, answer);
      const again = cache.lookup(0, range(first), rs, rs.length);
      t.deepEqual(again === null ? null : again?.messageChars, answer, 'found right after');
    }
  }), { numRuns: 200 });
  // the same bytes under another header form are another key
  const other = new AnswerCache();
  other.lookup(1, range('INFO x'), [], 0);
  other.remember(1, range('INFO x'), [], 0, { kind: 'g1', messageChars: 1 });
  t.is(other.lookup(2, range('INFO x'), [], 0), undefined);
  t.is(other.lookup(1, range('INFO x'), [], 0)?.kind, 'g1');
  // a key too long for a slot is never remembered
  const cache = new AnswerCache();
  const long = range('z'.repeat(600));
  t.is(cache.lookup(0, long, [], 0), undefined);
  cache.remember(0, long, [], 0, { kind: 'k', messageChars: 1 });
  t.is(cache.lookup(0, long, [], 0), undefined);
});
