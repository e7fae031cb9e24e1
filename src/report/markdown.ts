/** Markdown for pasting into a ticket: outcome, verdict, fix, one table of every cause, cited lines once. */
import type { Report } from '../model/types.js';
import { bundleOs, causeDocs, causeFix, findingNote } from '../messages/findings.js';
import { hidesText, localizeDocs, statusLabel, tr, type Lang } from '../messages/ui.js';
import { Citations, jobLine, location, outcomeLine, symptomLine, verdictFinding, verdictNotes, verdictSentence } from './summary.js';

/** Escapes characters that Markdown would interpret in log text. */
function md(s: string): string {
  return s.replace(/[\\`*_{}[\]<>|#]/g, (c) => `\\${c}`);
}

export function renderMarkdown(r: Report, lang: Lang): string {
  const os = bundleOs(r.bundle.kind);
  const L: string[] = [];
  L.push(`## ${md(outcomeLine(r, lang))}`, '');
  L.push(`azlog: \`${r.bundle.path.replace(/`/g, "'")}\` (${r.bundle.kind}, sha256 \`${r.bundle.sha256.slice(0, 16)}…\`)`, '');
  L.push(`**${tr(lang, 'verdict')}:** ${md(verdictSentence(r, lang))}`, '');
  const notes = verdictNotes(r, lang);
  for (const line of notes) L.push(`- ${md(line)}`);
  if (notes.length) L.push('');
  const top = verdictFinding(r);
  if (top) L.push(`**${tr(lang, 'fix')}:** ${md(causeFix(top.cause, lang, os))} ([${tr(lang, 'docs')}](${localizeDocs(causeDocs(top.cause), lang)}))`, '');
  L.push(`**${md(jobLine(r.verdict.job, lang))}**`, '');
  L.push(md(symptomLine(r, lang)), '');
  const cites = new Citations();
  L.push(`### ${tr(lang, 'causesChecked')}`, '', `| ${tr(lang, 'col.status')} | ${tr(lang, 'col.cause')} | ${tr(lang, 'confidence')} | ${tr(lang, 'col.note')} |`, '|---|---|---|---|');
  for (const f of r.findings) {
    const n = f.status === 'ruled-out' ? 1 : 3;
    const refs = f.evidence.slice(0, n).map((e) => `[${cites.cite(e).n}]`).join(' ');
    L.push(`| ${statusLabel(lang, f.status)} | \`${f.cause}\` | ${f.confidence ? f.confidence.toFixed(2) : ''} | ${md(findingNote(f, lang))}${refs ? ` ${refs.replace(/[[\]]/g, (c) => `\\${c}`)}` : ''} |`);
  }
  if (cites.all.length) {
    L.push('', `### ${tr(lang, 'evidence')}`, '', '```');
    for (const [i, e] of cites.all.entries()) L.push(`[${i + 1}] ${location(e)}`, `    ${e.text.replace(/```/g, "'''")}`);
    L.push('```');
  }
  if (r.coverage.gaps.length) {
    L.push('', `### ${tr(lang, 'coverage')}`, '');
    for (const g of r.coverage.gaps) {
      const hides = hidesText(lang, g.kind);
      L.push(`- ${tr(lang, 'missing')}: \`${g.kind}\`${hides ? ` — ${md(hides)}` : ''}`);
    }
  }
  return L.join('\n') + '\n';
}
