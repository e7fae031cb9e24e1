/** analyze(): the whole pipeline for one bundle, returning the report of CAUSES.md. */
import { createWriteStream, promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { Event, Evidence, Finding, Message, Report, SymptomCode } from './model/types.js';
import type { Limits } from './ingest/limits.js';
import type { ProgressFn } from './ingest/readers.js';
import { scanBundle, type Inventory } from './pipeline/scan.js';
import { EvidenceStore } from './pipeline/evidence-store.js';
import { buildContext } from './facts/index.js';
import { decide } from './verdict/verdict.js';
import { bundleOs, causeAppliesTo, runCauses } from './causes/index.js';
import { mapParams } from './messages/catalogue.js';
import { problemText } from './messages/problems.js';
import { NO_NETWORK_CODES } from './causes/no-network.js';
import { resolveSymptom } from './model/symptoms.js';
import { specOf } from './ingest/catalogue.js';
import { BundleError, UsageError } from './errors.js';
import { redact, redactAttrs, redactLines } from './report/redact.js';
import { folderContents, holdsSeveralBundles } from './ingest/folder.js';
import { collectAfterReading } from './ingest/streams.js';

export interface AnalyzeOptions {
  /** Symptom code or published message the Backup job showed. */
  errorCode?: string;
  limits?: Partial<Limits>;
  progress?: ProgressFn;
  /** Keep secrets in the output (never the default). */
  noRedact?: boolean;
  /** Name to report instead of the temporary file when analysing a stream. */
  displayPath?: string;
  /** Build every record through the full grammar, without the sieve (the reference the fast path is tested against). */
  fullGrammar?: boolean;
  /** Whether the result carries the timeline (the kept events, redacted) the HTML report draws; true unless false. */
  timeline?: boolean;
}

export { UsageError } from './errors.js';

/** What the HTML report draws: the kept events (redacted) and the agent's active minutes. */
export interface TimelineData { events: Event[]; agentMinutes: number[] }

export interface AnalysisResult { report: Report; inventory: Inventory; timeline: TimelineData }

export async function analyze(input: string | Readable, options: AnalyzeOptions = {}): Promise<Report> {
  return (await analyzeWithInventory(input, { ...options, timeline: false })).report;
}

export async function analyzeWithInventory(input: string | Readable, options: AnalyzeOptions = {}): Promise<AnalysisResult> {
  if (typeof input !== 'string') {
    // zips need random access: a stream is spooled to a private temporary file first
    const dir = await fsp.mkdtemp(join(tmpdir(), 'azlog-'));
    const file = join(dir, 'bundle');
    const shown = options.displayPath ?? 'stream';
    // messages name what the user gave, never the private temporary file
    const rename = (text: string) => text.split(file).join(shown);
    try {
      await pipeline(input, createWriteStream(file));
      const result = await analyzeWithInventory(file, { ...options, displayPath: shown });
      result.report.problems = result.report.problems.map(rename);
      result.report.problemMessages = result.report.problemMessages?.map((m) => mapParams(m, rename));
      return result;
    } catch (e) {
      if (e instanceof Error) e.message = rename(e.message);
      throw e;
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  }
  if ((await fsp.stat(input).catch(() => null))?.isDirectory()) {
    const c = await folderContents(input);
    if (holdsSeveralBundles(c)) {
      const names = c.archives.slice(0, 3).join(', ') + (c.archives.length > 3 ? ', …' : '');
      throw new UsageError(`${input}: a folder holding ${c.archives.length} bundle archives (${names}), not one unpacked bundle; analyse one of them, or all with \`azlog batch ${input}\``);
    }
  }
  // an error code azlog does not know is a warning (in the verdict's reasons): the symptom is inferred
  const given: SymptomCode | null = options.errorCode ? resolveSymptom(options.errorCode)?.code ?? null : null;
  const unknownCode = options.errorCode && !given ? options.errorCode : null;
  const started = performance.now();
  const store = new EvidenceStore();
  const inventory = await scanBundle(input, store.add, { limits: options.limits, progress: options.progress, plain: options.fullGrammar ? undefined : store });
  // nothing recognised and nothing damaged: not a bundle at all (damage is reported as partial instead)
  if (inventory.present.length === 0 && inventory.problems.length === 0) {
    throw new BundleError(`${options.displayPath ?? input}: no Azure VM artifact recognised (${inventory.entries} entries read; expected waagent.log, /var/lib/waagent or /var/log/azure)`);
  }
  const events = store.events(collectAfterReading(inventory.inflatedBytes));
  const agentMinutes = store.agentMinutes();
  const ctx = buildContext({ events, agentMinutes, timeZone: store.timeZone, newestDated: store.newestDated(), present: inventory.present, symptom: given });
  const facts = ctx.facts;
  const { findings, verdict } = decide({
    // a cause that cannot apply to the bundle's OS is left out of the report
    findings: runCauses(ctx).filter((f) => causeAppliesTo(f.cause, bundleOs(inventory.shape))), given, job: ctx.job, present: ctx.present, partial: inventory.problems.length > 0,
    signs: {
      vmsnapshotNetworkCode: facts.snapshotNetworkFailures > 0 || facts.resultCodes.some((c) => NO_NETWORK_CODES.includes(c)),
      unableToOpenMount: facts.resultCodes.includes(123),
    },
  });
  if (unknownCode) verdict.reasons.unshift({ id: 'reason.unknown-code', params: { code: unknownCode } });
  const clean = options.noRedact ? (s: string) => s : redact;
  const cleanLines = options.noRedact ? (l: readonly string[]) => [...l] : redactLines;
  // a note's parameters (proxy settings, error text) reach the reader too
  const cleanNote = (m: Message): Message => mapParams(m, clean);
  const problems = [...inventory.problems];
  const report: Report = {
    schema: 'azlog/report@1',
    bundle: { path: options.displayPath ?? input, sha256: inventory.sha256, kind: inventory.shape, bytes: inventory.bytes },
    // reasons carry parameters too (an error code as typed, a path)
    verdict: { ...verdict, reasons: verdict.reasons.map(cleanNote) },
    findings: findings.map((f): Finding => ({ ...f, summary: clean(f.summary), note: cleanNote(f.note), evidence: f.evidence.map((e): Evidence => ({ ...e, text: clean(e.text) })) })),
    coverage: {
      present: inventory.present,
      missing: inventory.missing,
      artifacts: Object.fromEntries(Object.entries(inventory.artifacts).map(([k, v]) => [k, { files: v.files, bytes: v.bytes }])),
      unknownFiles: inventory.unknownFiles,
      gaps: inventory.missing.map((k) => ({ kind: k, hides: specOf(k)?.hides ?? '' })),
    },
    facts,
    problems: problems.map((p) => clean(problemText(p))),
    problemMessages: problems.map(cleanNote),
    // events past the per-kind cap are counted but not kept as evidence (the first and the latest are)
    stats: { entries: inventory.entries, bytesRead: inventory.inflatedBytes, events: inventory.events, unparsed: inventory.unparsed, unparsedByFile: inventory.unparsedByFile, eventsNotKept: store.droppedEvents(), ms: Math.round(performance.now() - started) },
  };
  // a redacted copy of every kept event, only for the one writer that draws them
  const shown = options.timeline === false ? [] : events.map((e): Event => ({ ...e, message: clean(e.message), raw: clean(e.raw), attrs: redactAttrs(e.attrs, clean), ...(e.context ? { context: { before: cleanLines(e.context.before), after: cleanLines(e.context.after) } } : {}) }));
  return { report, inventory, timeline: { events: shown, agentMinutes } };
}
