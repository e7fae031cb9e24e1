/**
 * The message catalogue: every sentence a person reads, one table per language, looked up by id and
 * filled with parameters. Tables are split by area (findings here, the writers' own strings beside
 * them) but share this one renderer.
 *
 * Templates know three placeholders: `{name}` is a parameter's value; `{@name}` renders the
 * catalogue message whose id is the parameter's value, with the same parameters (a word that itself
 * needs translating, such as a connection target); `{parts}` is the rendered parts of a composite
 * message, joined by the language's `parts.separator`.
 */
import type { Message } from '../model/types.js';

export type Lang = 'en' | 'ja';
export type Table = Record<string, string>;

/** A message built from several others (a finding that shows several signs at once). */
export interface Composite extends Message {
  parts: Message[];
}

export function isComposite(m: Message): m is Composite {
  return Array.isArray((m as Partial<Composite>).parts);
}

const tables: Record<Lang, Table[]> = { en: [], ja: [] };

/** Adds a table of messages for one language (each area registers its own at import). */
export function register(lang: Lang, table: Table): void {
  tables[lang].push(table);
}

function lookup(lang: Lang, id: string): string | undefined {
  for (const t of tables[lang]) if (id in t) return t[id];
  return lang === 'en' ? undefined : lookup('en', id);
}

/** Renders a message in a language; an id missing from the catalogue renders as itself so tests catch it. */
export function render(msg: Message, lang: Lang): string {
  const t = lookup(lang, msg.id);
  if (t === undefined) return msg.id;
  const params = msg.params ?? {};
  // one pass, so text coming from a parameter or a part is never read as a placeholder
  return t.replace(/\{(@?)(\w+)\}/g, (m, ref: string, k: string) => {
    if (k === 'parts' && !ref && isComposite(msg)) return msg.parts.map((p) => render(p, lang)).join(lookup(lang, 'parts.separator') ?? '; ');
    if (!(k in params)) return m;
    return ref ? render({ id: String(params[k]), params }, lang) : String(params[k]);
  });
}

/** The message with `f` applied to every text parameter, its parts' included (redaction, renaming a path). */
export function mapParams<M extends Message>(m: M, f: (s: string) => string): M {
  return {
    ...m,
    ...(m.params ? { params: Object.fromEntries(Object.entries(m.params).map(([k, v]) => [k, typeof v === 'string' ? f(v) : v])) } : {}),
    ...(isComposite(m) ? { parts: m.parts.map((p) => mapParams(p, f)) } : {}),
  };
}

export function has(lang: Lang, id: string): boolean {
  return tables[lang].some((t) => id in t);
}

/** Every message id a message uses: its own, its parts' and the ids its `{@name}` placeholders name. */
export function idsOf(msg: Message, lang: Lang = 'en'): string[] {
  const t = lookup(lang, msg.id) ?? '';
  const refs = [...t.matchAll(/\{@(\w+)\}/g)].map((m) => msg.params?.[m[1]!]).filter((v) => v !== undefined).map(String);
  return [msg.id, ...refs, ...(isComposite(msg) ? msg.parts.flatMap((p) => idsOf(p, lang)) : [])];
}
