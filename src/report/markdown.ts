/** Markdown for pasting into a ticket. */
import type { Report } from '../model/types.js';
import { causeById } from '../causes/index.js';
import { localizeDocs, strings, type Lang } from './i18n.js';
import { verdictSentence } from './text.js';

/** Escapes characters that Markdown would interpret in log text. */
function md(s: string): string {
  return s.replace(/[\\`*_{}[\]<>|#]/g, (c) => `\\${c}`);
}

export function renderMarkdown(r: Report, lang: Lang): string {
  const t = strings(lang);
  const L: string[] = [];
  L.push(`## azlog: ${md(r.bundle.path)}`, '');
  L.push(`**${t.verdict}:** ${md(verdictSentence(r, lang))}`, '');
  L.push(`**${t.symptom}:** ${r.verdict.symptom ?? t.symptomNone}${r.verdict.symptom ? ` (${r.verdict.symptomSource === 'given' ? t.symptomGiven : t.symptomInferred})` : ''}`, '');
  if (r.verdict.cause) {
    const c = causeById(r.verdict.cause)!;
    L.push(`**${t.fix}:** ${md(c.fix[lang])} ([${t.docs}](${localizeDocs(c.docs, lang)}))`, '');
  }
  L.push(`### ${t.causesChecked}`, '', '| | cause | ' + t.confidence + ' | |', '|---|---|---|---|');
  for (const f of r.findings) {
    L.push(`| ${t.marks[f.status]} | \`${f.cause}\` | ${f.confidence ? f.confidence.toFixed(2) : ''} | ${md(f.summary)} |`);
  }
  const cited = r.findings.filter((f) => (f.status === 'confirmed' || f.status === 'likely') && f.evidence.length);
  if (cited.length) {
    L.push('', `### ${t.evidence}`);
    for (const f of cited) {
      L.push('', `\`${f.cause}\`:`, '', '```');
      for (const e of f.evidence) L.push(`${e.file}:${e.line ?? '-'}`, `  ${e.text.replace(/```/g, "'''")}`);
      L.push('```');
    }
  }
  if (r.coverage.gaps.length) {
    L.push('', `### ${t.coverage}`, '');
    for (const g of r.coverage.gaps) L.push(`- ${t.missing}: \`${g.kind}\`${g.hides ? ` — ${md(g.hides)}` : ''}`);
  }
  return L.join('\n') + '\n';
}
