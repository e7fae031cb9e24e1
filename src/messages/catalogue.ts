/**
 * The message catalogue: every sentence a person reads, one table per language, looked up by id and
 * filled with parameters. Tables are split by area (findings here, the writers' own strings beside
 * them) but share this one renderer.
 */
import type { Message } from '../model/types.js';

export type Lang = 'en' | 'ja';
export type Table = Record<string, string>;

const tables: Record<Lang, Table[]> = { en: [], ja: [] };

/** Adds a table of messages for one language (each area registers its own at import). */
export function register(lang: Lang, table: Table): void {
  tables[lang].push(table);
}

function lookup(lang: Lang, id: string): string | undefined {
  for (const t of tables[lang]) if (id in t) return t[id];
  return lang === 'en' ? undefined : lookup('en', id);
}

/** Fills `{name}` placeholders; a missing parameter stays visible rather than vanishing. */
export function fill(template: string, params: Message['params'] = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** Renders a message in a language; an id missing from the catalogue renders as itself so tests catch it. */
export function render(msg: Message, lang: Lang): string {
  const t = lookup(lang, msg.id);
  return t === undefined ? msg.id : fill(t, msg.params);
}

export function has(lang: Lang, id: string): boolean {
  return tables[lang].some((t) => id in t);
}
