/**
 * The default report, for a terminal: the outcome, then what a person needs first (the verdict,
 * why, the fix, what else to check), then one compact row per cause that was ruled out, not seen or
 * cannot be told, then coverage and facts. Each cited line is printed once and numbered; later
 * citations refer to its number.
 */
import type { Evidence, Finding, Report } from '../model/types.js';
import { bundleOs, causeDocs, causeFix, causeManual, causeTitle, findingNote } from '../messages/findings.js';
import { hidesText, localizeDocs, statusLabel, tr, type Lang } from '../messages/ui.js';
import { problemLines } from '../messages/problems.js';
import { Citations, factsLine, jobLine, location, outcomeLine, printable, symptomLine, verdictFinding, verdictHeadline, verdictNotes } from './summary.js';
import { clip, wrap } from './width.js';


export interface TextOptions { lang: Lang; color: boolean; width?: number }

const MARK: Record<Finding['status'], string> = { confirmed: '✔', likely: '▲', possible: '△', 'ruled-out': '✘', 'not-seen': '·', 'not-observable': '?' };
const COLOR: Record<Finding['status'], string> = { confirmed: '31', likely: '33', possible: '33', 'ruled-out': '32', 'not-seen': '32', 'not-observable': '90' };
const TABLE: Finding['status'][] = ['ruled-out', 'not-seen', 'not-observable'];

export function renderText(r: Report, o: TextOptions): string {
  const lang = o.lang;
  const os = bundleOs(r.bundle.kind); // fixes and checks for the bundle's OS only
  const W = Math.max(40, o.width ?? 80);
  const paint = (code: string, s: string) => (o.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const L: string[] = [];
  const para = (text: string, indent = '  ', first = '') => L.push(wrap(text, W, indent, first));
  const cites = new Citations();
  /** Numbers evidence: lines already shown are referred to by number, new ones come back to print. */
  const cite = (evidence: Evidence[]): { refs: string; fresh: [number, Evidence][] } => {
    const refs: string[] = [], fresh: [number, Evidence][] = [];
    for (const e of evidence) {
      const { n, first } = cites.cite(e);
      if (first) fresh.push([n, e]); else refs.push(`[${n}]`);
    }
    return { refs: refs.join(' '), fresh };
  };
  const show = (fresh: [number, Evidence][], indent: string) => {
    for (const [n, e] of fresh) { para(`[${n}] ${location(e)}`, indent + '    ', indent); para(printable(e.text), indent + '    ', indent + '    '); }
  };
  const head = (f: Finding) => paint(COLOR[f.status], `${MARK[f.status]} ${statusLabel(lang, f.status)}`);

  para(paint('1', outcomeLine(r, lang)));
  para(`azlog — ${printable(r.bundle.path)}  (${r.bundle.kind}, ${fmtBytes(r.bundle.bytes)}, sha256 ${r.bundle.sha256.slice(0, 12)}…)`);
  L.push('');

  const top = verdictFinding(r);
  para(verdictHeadline(r, lang), '  ', paint('1', `${tr(lang, 'verdict')}: `));
  for (const note of verdictNotes(r, lang)) para(note, '    ', '  ');
  if (top) {
    para(findingNote(top, lang), '  ', paint('1', `${tr(lang, 'why')}: `));
    show(cite(top.evidence.slice(0, 3)).fresh, '  ');
    para(causeFix(top.cause, lang, os), '  ', paint('1', `${tr(lang, 'fix')}: `));
    para(localizeDocs(causeDocs(top.cause), lang), '    ', `  ${tr(lang, 'docs')}: `);
  }
  para(jobLine(r.verdict.job, lang));
  para(symptomLine(r, lang));

  // other failures and weak signs, then the checks the bundle cannot do
  // contributing conditions too: their fix (update the agent) is worth doing beside the verdict's
  const other = r.findings.filter((f) => f !== top && ['confirmed', 'likely', 'possible'].includes(f.status));
  const manual = r.findings.filter((f) => f.status === 'not-observable');
  if (other.length || manual.length) {
    L.push('');
    L.push(paint('1', `${tr(lang, 'alsoCheck')}:`));
    for (const f of other) {
      para(`${head(f)}  ${f.cause} (${f.confidence.toFixed(2)}) — ${causeTitle(f.cause, lang)}`, '      ', '  ');
      const { refs, fresh } = cite(f.evidence.slice(0, 3));
      para(`${findingNote(f, lang)}${f.status === 'possible' ? ` (${tr(lang, 'weak')})` : ''}${refs ? ` ${refs}` : ''}`, '      ', '      ');
      show(fresh, '      ');
      if (f.status === 'possible') para(`${tr(lang, 'checkByHand')}: ${causeManual(f.cause, lang, os)}`, '      ', '      ');
      else para(`${tr(lang, 'fix')}: ${causeFix(f.cause, lang, os)}`, '      ', '      ');
    }
    for (const f of manual) para(`${causeManual(f.cause, lang, os)}`, '      ', `  ${paint(COLOR[f.status], MARK[f.status])} ${f.cause}: `);
  }

  const rows = r.findings.filter((f) => TABLE.includes(f.status));
  if (rows.length) {
    L.push('');
    L.push(paint('1', `${tr(lang, 'otherCauses')}:`));
    L.push(`  ${TABLE.filter((st) => rows.some((f) => f.status === st)).map((st) => `${MARK[st]} ${statusLabel(lang, st)}`).join('   ')}`);
    const before = cites.all.length;
    for (const f of rows) {
      const refs = f.evidence.slice(0, 1).map((e) => `[${cites.cite(e).n}]`).join(' ');
      para(`${f.cause} — ${findingNote(f, lang)}${refs ? ` ${refs}` : ''}`, '      ', `  ${paint(COLOR[f.status], MARK[f.status])} `);
    }
    // the lines that rule causes out, one line each: their numbers above say which cause they answer
    const fresh = cites.all.slice(before);
    if (fresh.length) {
      L.push(`  ${tr(lang, 'citedLines')}:`);
      for (const [i, e] of fresh.entries()) { para(`[${before + i + 1}] ${location(e)}`, '        ', '    '); L.push(`        ${clip(printable(e.text), W - 8)}`); }
    }
  }

  L.push('');
  L.push(paint('1', `${tr(lang, 'coverage')}:`));
  para(`${tr(lang, 'present')}: ${r.coverage.present.map((k) => `${k} (${r.coverage.artifacts[k]?.files ?? 0})`).join(', ') || tr(lang, 'none')}`, '    ', '  ');
  for (const g of r.coverage.gaps) {
    const hides = hidesText(lang, g.kind);
    para(`${tr(lang, 'missing')}: ${g.kind}${hides ? ` — ${tr(lang, 'hides')}: ${hides}` : ''}`, '    ', '  ');
  }
  if (r.coverage.unknownFiles) L.push(`  ${tr(lang, 'unknownFiles')}: ${r.coverage.unknownFiles}`);
  L.push('');
  L.push(paint('1', `${tr(lang, 'facts')}:`));
  para(factsLine(r, lang), '    ', '  ');
  if (r.problems.length) {
    L.push('');
    L.push(paint('33', `${tr(lang, 'problems')}:`));
    for (const p of problemLines(r, lang).slice(0, 20)) para(printable(p), '    ', '  ');
    if (r.problems.length > 20) L.push(`  ${tr(lang, 'more', { n: r.problems.length - 20 })}`);
  }
  return L.join('\n') + '\n';
}

export function fmtBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}
