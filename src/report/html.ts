/** Placeholder until the HTML report lands (issue #7): a minimal, escaped, self-contained page. */
import type { Report } from '../model/types.js';
import type { Lang } from './i18n.js';
import { renderText } from './text.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function renderHtml(r: Report, lang: Lang): string {
  return `<!doctype html><html lang="${lang}"><meta charset="utf-8"><title>azlog</title><pre>${escapeHtml(renderText(r, { lang, color: false }))}</pre></html>\n`;
}
