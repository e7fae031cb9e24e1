/**
 * What the writers show of a cause and a finding, in the reader's language. Writers call only these,
 * never a cause's fields directly: the texts live in the catalogue (findings.en.ts, findings.ja.ts).
 * Pass the bundle's OS (`bundleOs(report.bundle.kind)`) so a Windows bundle never gets a Linux fix;
 * without it, a cause whose fix differs by OS gives both.
 */
import type { CauseId, Finding, Message } from '../model/types.js';
import { bundleOs, causeById, type Os } from '../causes/index.js';
import { causeText } from './cause-texts.js';
import { render, type Lang } from './catalogue.js';

function cause(id: CauseId) {
  const c = causeById(id);
  if (!c) throw new Error(`unknown cause ${id}`);
  return c;
}

export function causeTitle(id: CauseId, lang: Lang): string { return causeText(cause(id), 'title', lang); }
export function causeFix(id: CauseId, lang: Lang, os?: Os): string { return causeText(cause(id), 'fix', lang, os); }
export function causeManual(id: CauseId, lang: Lang, os?: Os): string { return causeText(cause(id), 'manual', lang, os); }
export function causeDocs(id: CauseId): string { return cause(id).docs; }

/** The finding's one-sentence note. */
export function findingNote(f: Finding, lang: Lang): string { return render(f.note, lang); }

export function message(m: Message, lang: Lang): string { return render(m, lang); }

export { bundleOs, type Os };
