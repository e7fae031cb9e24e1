/** "Did you mean": the known names closest to what was typed. */

/** Edits between two strings, a swap of two neighbours counting as one (optimal string alignment). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** Fewest edits between `word` and any stretch of `name` of about its length. */
function nearIn(word: string, name: string): number {
  let best = Infinity;
  for (let len = word.length - 1; len <= word.length + 1; len++) {
    for (let i = 0; i + len <= name.length; i++) best = Math.min(best, distance(word, name.slice(i, i + len)));
  }
  return best;
}

/** Up to `max` names: those containing every word typed, else those containing them misspelt. */
export function closest(input: string, names: readonly string[], max = 3): string[] {
  const q = input.toLowerCase().replace(/[\s_]+/g, '-');
  const words = q.split('-').filter((w) => w.length >= 3);
  if (!words.length) return [];
  const containing = names.filter((n) => n.includes(q) || words.every((w) => n.includes(w)));
  if (containing.length) return containing.slice(0, max);
  const scored = names.map((n) => ({ n, d: Math.max(...words.map((w) => nearIn(w, n) / Math.max(1, Math.floor(w.length / 4)))) }));
  return scored.filter((x) => x.d <= 1).sort((a, b) => a.d - b.d).slice(0, max).map((x) => x.n);
}
