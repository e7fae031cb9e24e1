/**
 * The verdict: run every cause, then order the findings the way the article checks them for the
 * symptom (given, or inferred from the strongest finding), and pick the cause.
 */
import type { CauseId, Finding, FindingStatus, Report, SymptomCode } from '../model/types.js';
import { CAUSES } from '../causes/index.js';
import { notObservable, type CauseContext } from '../causes/cause.js';
import { SYMPTOMS, symptomFor } from './symptoms.js';
import { NO_NETWORK_CODES } from '../causes/no-network.js';

const TIER: Record<FindingStatus, number> = { confirmed: 4, likely: 3, possible: 2, 'not-observable': 1, 'not-seen': 0, 'ruled-out': 0 };

export function runCauses(ctx: CauseContext): Finding[] {
  return CAUSES.map((c) => {
    try {
      return c.detect(ctx);
    } catch (e) {
      // a bug in one rule must not hide the others
      return notObservable(c, { id: 'finding.rule-failed', params: { error: (e as Error).message } });
    }
  });
}

export function decide(findings: Finding[], given: SymptomCode | null, ctx: CauseContext): { findings: Finding[]; verdict: Report['verdict'] } {
  const byStrength = [...findings].sort((a, b) => TIER[b.status] - TIER[a.status] || b.confidence - a.confidence);
  const top = byStrength[0];
  let symptom = given;
  let source: Report['verdict']['symptomSource'] = given ? 'given' : 'none';
  if (!symptom && top && TIER[top.status] >= TIER.likely) {
    const net = ctx.events.some((e) => e.kind === 'vmsnapshot.network.failed' || (e.kind === 'status.vmsnapshot' && NO_NETWORK_CODES.includes(Number(e.attrs.resultCode))));
    const mount = ctx.events.some((e) => e.kind === 'status.vmsnapshot' && e.attrs.resultCode === 123);
    symptom = symptomFor(top.cause, { vmsnapshotNetworkCode: net, unableToOpenMount: mount });
    if (symptom) source = 'inferred';
  }
  const order: CauseId[] = SYMPTOMS.find((s) => s.code === symptom)?.causes ?? [];
  const rank = (f: Finding) => { const i = order.indexOf(f.cause); return i < 0 ? order.length : i; };
  // the symptom's causes in the article's order first (strongest tier wins within them), then the rest by strength
  const ordered = [...findings].sort((a, b) => {
    const ia = rank(a), ib = rank(b);
    if ((ia < order.length) !== (ib < order.length)) return ia < order.length ? -1 : 1;
    if (ia < order.length) return ia - ib;
    return TIER[b.status] - TIER[a.status] || b.confidence - a.confidence;
  });
  const candidates = ordered.filter((f) => f.status === 'confirmed' || f.status === 'likely');
  const inSymptom = candidates.filter((f) => rank(f) < order.length);
  const pool = inSymptom.length ? inSymptom : candidates;
  const best = pool.sort((a, b) => TIER[b.status] - TIER[a.status] || rank(a) - rank(b) || b.confidence - a.confidence)[0] ?? null;
  return {
    findings: ordered,
    verdict: {
      cause: best ? best.cause : null, confidence: best ? best.confidence : 0, symptom, symptomSource: source,
      outcome: best ? 'found' : 'none-found', contributing: [], partial: false, job: ctx.job, reasons: [],
    },
  };
}
