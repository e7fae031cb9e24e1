/** The default report: the verdict in one sentence, each cause in order, coverage, facts. */
import type { Finding, Report } from '../model/types.js';
import { causeById } from '../causes/index.js';
import { localizeDocs, strings, type Lang } from './i18n.js';

export interface TextOptions { lang: Lang; color: boolean; width?: number }

const MARK: Record<Finding['status'], string> = { confirmed: '✔', likely: '▲', possible: '△', 'ruled-out': '✘', 'not-seen': '·', 'not-observable': '?' };
const COLOR: Record<Finding['status'], string> = { confirmed: '31', likely: '33', possible: '33', 'ruled-out': '32', 'not-seen': '32', 'not-observable': '90' };

/** Wraps to `width` columns (East Asian characters count double), indenting continuation lines. */
export function wrap(text: string, width: number, indent: string): string {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    let cols = 0;
    const tokens = para.match(/[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+\s*|\s+/g) ?? [''];
    for (const tok of tokens) {
      const w = [...tok].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
      if (cols + w > width - indent.length && line.trim()) { out.push(indent + line.trimEnd()); line = ''; cols = 0; if (/^\s+$/.test(tok)) continue; }
      line += tok; cols += w;
    }
    out.push(indent + line.trimEnd());
  }
  return out.join('\n').replace(/^\s+/, (m) => m.slice(0, indent.length));
}

export function verdictSentence(r: Report, lang: Lang): string {
  const t = strings(lang);
  if (!r.verdict.cause) {
    const manual = r.findings.filter((f) => f.status === 'not-observable').map((f) => f.cause);
    const weak = r.findings.filter((f) => f.status === 'possible').map((f) => f.cause);
    return [t.healthy, manual.length ? `${t.manualList} ${manual.join(', ')}.` : '', weak.length ? `${t.weakList} ${weak.join(', ')}.` : ''].filter(Boolean).join(lang === 'ja' ? '' : ' ');
  }
  const c = causeById(r.verdict.cause)!;
  const f = r.findings.find((x) => x.cause === r.verdict.cause)!;
  return lang === 'ja'
    ? `${c.title.ja} (${t.marks[f.status]}、${t.confidence} ${r.verdict.confidence.toFixed(2)}): ${f.summary}`
    : `${c.title.en} (${t.marks[f.status]}, ${t.confidence} ${r.verdict.confidence.toFixed(2)}) — ${f.summary}.`;
}

export function renderText(r: Report, o: TextOptions): string {
  const t = strings(o.lang);
  const W = o.width ?? 100;
  const paint = (code: string, s: string) => (o.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const L: string[] = [];
  L.push(paint('1', `azlog — ${r.bundle.path}`) + `  (${r.bundle.kind}, ${fmtBytes(r.bundle.bytes)}, sha256 ${r.bundle.sha256.slice(0, 12)}…)`);
  L.push('');
  L.push(wrap(`${paint('1', t.verdict + ':')} ${verdictSentence(r, o.lang)}`, W, '  '));
  const sym = r.verdict.symptom ? `${r.verdict.symptom} (${r.verdict.symptomSource === 'given' ? t.symptomGiven : t.symptomInferred})` : t.symptomNone;
  L.push(wrap(`${t.symptom}: ${sym}`, W, '  '));
  const primary = r.verdict.job;
  L.push(wrap(primary ? `${t.job}: ${primary.start} → ${primary.end}${primary.taskId ? `, taskId ${primary.taskId}` : ''}${primary.statusCode !== null ? `, ${t.result} ${primary.statusCode}` : ''}` : t.noJob, W, '  '));
  if (r.verdict.cause) {
    const c = causeById(r.verdict.cause)!;
    L.push(wrap(`${paint('1', t.fix + ':')} ${c.fix[o.lang]}`, W, '  '));
    L.push(`  ${t.docs}: ${localizeDocs(c.docs, o.lang)}`);
  }
  L.push('');
  L.push(paint('1', `${t.causesChecked}:`));
  for (const f of r.findings) {
    const c = causeById(f.cause)!;
    const head = `${MARK[f.status]} ${t.marks[f.status].padEnd(o.lang === 'ja' ? 6 : 10)} ${f.cause}`;
    L.push(`${paint(COLOR[f.status], head)}${f.confidence ? ` (${f.confidence.toFixed(2)})` : ''} — ${c.title[o.lang]}`);
    L.push(wrap(f.summary, W, '      '));
    for (const e of f.evidence.slice(0, f.status === 'ruled-out' ? 1 : 3)) {
      L.push(wrap(`${e.file}:${e.line ?? '-'}  ${e.text}`, W, '      '));
    }
    if (f.status === 'confirmed' || f.status === 'likely') {
      L.push(wrap(`${t.fix}: ${c.fix[o.lang]}`, W, '      '));
    }
    if (f.manualCheck && (f.status === 'not-observable' || f.status === 'possible')) {
      L.push(wrap(`${t.checkByHand}: ${f.manualCheck[o.lang]}`, W, '      '));
    }
  }
  L.push('');
  L.push(paint('1', `${t.coverage}:`));
  L.push(wrap(`${t.present}: ${r.coverage.present.map((k) => `${k} (${r.coverage.artifacts[k]?.files ?? 0})`).join(', ') || t.none}`, W, '  '));
  if (r.coverage.gaps.length) {
    for (const g of r.coverage.gaps) L.push(wrap(`${t.missing}: ${g.kind}${g.hides ? ` — ${t.hides}: ${g.hides}` : ''}`, W, '  '));
  }
  if (r.coverage.unknownFiles) L.push(`  ${t.unknownFiles}: ${r.coverage.unknownFiles}`);
  L.push('');
  L.push(paint('1', `${t.facts}:`));
  const f = r.facts;
  L.push(wrap(`${t.agent}: ${f.goalStateAgentVersion ?? '?'} (${t.installed} ${f.installedAgentVersion ?? '?'}${f.agentGeneration ? `, log format ${f.agentGeneration}` : ''}); ${t.vmsnapshot}: ${f.vmsnapshotVersion ?? '?'}${f.vmsnapshotHandlerState ? ` (${f.vmsnapshotHandlerState})` : ''}; ${t.timezone}: ${f.timeZone ?? 'unknown (local times read as UTC)'}`, W, '  '));
  if (r.problems.length) {
    L.push('');
    L.push(paint('33', `${t.problems}:`));
    for (const p of r.problems.slice(0, 20)) L.push(wrap(p, W, '  '));
    if (r.problems.length > 20) L.push(`  … ${r.problems.length - 20} more`);
  }
  return L.join('\n') + '\n';
}

export function fmtBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}
