/**
 * The verdict reads findings only. It separates the failure of this backup from background
 * conditions, picks the failure best supported near the job (the article's order decides between
 * failures of the same strength for the symptom), reports conditions beside it as contributing,
 * and says honestly whether it found something, found nothing in complete logs, or cannot tell.
 * README "How the verdict is chosen" states these rules; test/verdict.test.ts tests each.
 */
import type { CauseId, Finding, FindingStatus, Message, Report, SymptomCode, JobWindow } from '../model/types.js';
import { SYMPTOMS, symptomFor } from '../model/symptoms.js';

const TIER: Record<FindingStatus, number> = { confirmed: 4, likely: 3, possible: 2, 'not-observable': 1, 'not-seen': 0, 'ruled-out': 0 };

/**
 * Failures a background condition is documented to cause (FORMATS.md §6.3). The failure stays the
 * verdict (its fix is the quickest way back to a working backup); the condition is named as its root.
 */
const CAUSED_BY_CONDITION: Partial<Record<CauseId, CauseId[]>> = {
  'agent-outdated': ['stale-goal-state-files'],
};

/** What the verdict needs to say "none found": the agent's log and the backup extension's record. */
const NEEDED: { kinds: string[]; label: string }[] = [
  { kinds: ['waagent-log', 'syslog', 'windows-agent-log'], label: 'waagent-log' },
  { kinds: ['vmsnapshot-log', 'extension-status', 'windows-vmsnapshot-log', 'windows-status'], label: 'vmsnapshot-log' },
];

export interface VerdictInput {
  findings: Finding[];
  given: SymptomCode | null;
  job: JobWindow | null;
  /** Artifact kinds found in the bundle. */
  present: Set<string>;
  /** Entries were skipped or cut. */
  partial: boolean;
  /** Facts the symptom inference needs: VMSnapshot network result codes, code 123. */
  signs: { vmsnapshotNetworkCode: boolean; unableToOpenMount: boolean };
}

const atLeast = (f: Finding, s: FindingStatus) => TIER[f.status] >= TIER[s];

/** A ruled-out finding never cites another finding's proof: such a line is dropped, and without one it is "not seen". */
export function honestRuledOut(findings: Finding[]): Finding[] {
  const proof = new Set(findings.filter((f) => atLeast(f, 'possible'))
    .flatMap((f) => f.evidence.filter((e) => e.strength === 'strong').map((e) => `${e.file}:${e.line}:${e.text}`)));
  return findings.map((f) => {
    if (f.status !== 'ruled-out') return f;
    const evidence = f.evidence.filter((e) => !proof.has(`${e.file}:${e.line}:${e.text}`));
    return evidence.length ? { ...f, evidence } : { ...f, evidence, status: 'not-seen' };
  });
}

export function decide(input: VerdictInput): { findings: Finding[]; verdict: Report['verdict'] } {
  const findings = honestRuledOut(input.findings);
  const { given } = input;
  const failures = findings.filter((f) => f.role === 'failure' && atLeast(f, 'likely'));
  const conditions = findings.filter((f) => f.role === 'condition' && atLeast(f, 'likely'));
  const byStrength = (a: Finding, b: Finding) => TIER[b.status] - TIER[a.status] || b.confidence - a.confidence;

  // the symptom: given, or inferred from the strongest failure (never from a background condition)
  let symptom = given;
  let source: Report['verdict']['symptomSource'] = given ? 'given' : 'none';
  const strongest = [...failures].sort(byStrength)[0];
  if (!symptom && strongest) {
    symptom = symptomFor(strongest.cause, input.signs);
    if (symptom) source = 'inferred';
  }
  const order: CauseId[] = SYMPTOMS.find((s) => s.code === symptom)?.causes ?? [];
  const rank = (f: Finding) => { const i = order.indexOf(f.cause); return i < 0 ? order.length : i; };
  const inOrder = (f: Finding) => rank(f) < order.length;
  const arbitrate = (a: Finding, b: Finding) => TIER[b.status] - TIER[a.status] || rank(a) - rank(b) || b.confidence - a.confidence;

  // a given code limits the verdict to its causes: an unrelated failure is reported, not named
  const failPool = given ? failures.filter(inOrder) : failures;
  const condPool = given ? conditions.filter(inOrder) : conditions;
  let best: Finding | null = [...failPool].sort(arbitrate)[0] ?? null;
  const reasons: Message[] = [];
  if (best) {
    const cause = best.cause;
    const root = condPool.find((c) => CAUSED_BY_CONDITION[c.cause]?.includes(cause));
    if (root) reasons.push({ id: 'reason.caused-by-condition', params: { failure: cause, condition: root.cause } });
  } else if (!failures.length) {
    // a background condition is the verdict only when no failure is evident at all
    best = [...condPool].sort(arbitrate)[0] ?? null;
    if (best) reasons.push({ id: 'reason.condition-only', params: { condition: best.cause } });
  }
  // failures the given code does not lead to: named, never the verdict, and never "none found"
  const unrelated = best ? [] : failures.map((f) => f.cause);
  if (unrelated.length) reasons.push({ id: 'reason.unrelated-failure', params: { code: given ?? '', causes: unrelated.join(', ') } });

  const contributing = findings.filter((f) => f.role === 'condition' && atLeast(f, 'possible') && f.cause !== best?.cause).map((f) => f.cause);
  let outcome: Report['verdict']['outcome'];
  if (best) {
    outcome = 'found';
  } else {
    const missing = NEEDED.filter((n) => !n.kinds.some((k) => input.present.has(k))).map((n) => n.label);
    if (input.present.size === 0) reasons.push({ id: 'reason.nothing-recognised' });
    else if (missing.length) reasons.push({ id: 'reason.missing-logs', params: { kinds: missing.join(', ') } });
    if (input.partial) reasons.push({ id: 'reason.partial' });
    if (given && order.length === 0) reasons.push({ id: 'reason.service-side', params: { code: given } });
    else if (given) {
      const open = findings.filter((f) => inOrder(f) && f.status !== 'ruled-out').map((f) => f.cause);
      if (open.length) reasons.push({ id: 'reason.check-by-hand', params: { code: given, causes: open.join(', ') } });
    }
    const blind = input.present.size === 0 || missing.length > 0 || input.partial || unrelated.length > 0;
    if (blind) {
      outcome = 'cannot-tell';
      reasons.push({ id: 'reason.collect' });
    } else if (!input.job) {
      outcome = 'cannot-tell';
      reasons.push({ id: 'reason.no-job' }, { id: 'reason.collect' });
    } else {
      outcome = 'none-found';
      reasons.push({ id: 'reason.job-covered', params: { start: input.job.start, end: input.job.end, code: input.job.statusCode ?? '?' } });
    }
  }

  // the symptom's causes in the article's order first, then the rest by strength
  const ordered = [...findings].sort((a, b) => {
    if (inOrder(a) !== inOrder(b)) return inOrder(a) ? -1 : 1;
    return inOrder(a) ? rank(a) - rank(b) : byStrength(a, b);
  });
  return {
    findings: ordered,
    verdict: {
      cause: best ? best.cause : null, confidence: best ? best.confidence : 0, symptom, symptomSource: source,
      outcome, contributing, partial: input.partial, job: input.job, reasons,
    },
  };
}
