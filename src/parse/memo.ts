/**
 * Logs repeat the same texts hour after hour (failure messages, version strings): a parse is
 * remembered by its text. The results are shared, so callers only read them. The table is
 * cleared when it holds `max` texts, to stay small.
 */
export function memoByText<T>(parse: (text: string) => T, max: number): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let r = seen.get(text);
    if (r === undefined && !seen.has(text)) {
      r = parse(text);
      if (seen.size >= max) seen.clear();
      seen.set(text, r);
    }
    return r as T;
  };
}
