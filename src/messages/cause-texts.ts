/**
 * A cause's title, fix and manual check from the catalogue, for the OS of the bundle. Entries are
 * `cause.<id>.<field>`, or `cause.<id>.<field>.linux` / `.windows` where the two differ; without an
 * OS both are given. Reads only the catalogue, so the causes themselves can use it.
 */
import type { Cause, Os } from '../causes/cause.js';
import { has, render, type Lang } from './catalogue.js';
import type { Message } from '../model/types.js';
// the tables register themselves with the catalogue when imported
import './findings.en.js';
import './findings.ja.js';

export type TextField = 'title' | 'fix' | 'manual';
type Texts = Pick<Cause, 'id' | 'os' | 'textParams'>;

export function causeText(cause: Texts, field: TextField, lang: Lang, os?: Os): string {
  const base = `cause.${cause.id}.${field}`;
  const params = cause.textParams ?? {};
  if (has('en', base)) return render({ id: base, params }, lang);
  const oses = os ? [os] : cause.os;
  if (oses.length === 1) return render({ id: `${base}.${oses[0]}`, params }, lang);
  return render({ id: `cause.${field}.both`, params: { ...params, linux: `${base}.linux`, windows: `${base}.windows` } }, lang);
}

/** A finding's note in English: the `summary` of the report, kept for readers of the JSON. */
export function english(note: Message): string {
  return render(note, 'en');
}
