/**
 * What the writers show of a cause and a finding, in the reader's language. Writers call only these,
 * never a cause's fields directly, so the cause texts can live in the catalogue.
 */
import type { CauseId, Finding, Message } from '../model/types.js';
import { causeById } from '../causes/index.js';
import { register, render, type Lang } from './catalogue.js';

// interim: notes that carry their English text until every rule speaks in catalogue ids
register('en', { legacy: '{text}' });
register('ja', { legacy: '{text}' });

export function causeTitle(id: CauseId, lang: Lang): string { return causeById(id)!.title[lang]; }
export function causeFix(id: CauseId, lang: Lang): string { return causeById(id)!.fix[lang]; }
export function causeManual(id: CauseId, lang: Lang): string { return causeById(id)!.manual[lang]; }
export function causeDocs(id: CauseId): string { return causeById(id)!.docs; }

/** The finding's one-sentence note. */
export function findingNote(f: Finding, lang: Lang): string { return render(f.note, lang); }

export function message(m: Message, lang: Lang): string { return render(m, lang); }
