/**
 * One pass over a bundle: read every entry, classify it by the catalogue, run its grammar, and
 * hand each event to the caller. Also builds the inventory (shape, artifacts, unknown files).
 */
import { readBundle, type ProgressFn, type ReadSummary } from '../ingest/readers.js';
import { classify, EXPECTED, type ArtifactKind } from '../ingest/catalogue.js';
import { DEFAULT_LIMITS, LimitError, type Limits } from '../ingest/limits.js';
import { parseEntry } from '../parse/dispatch.js';
import type { Event, Message } from '../model/types.js';
import { problem } from '../messages/problems.js';
import type { PlainSink } from '../parse/sieve.js';

export interface Inventory {
  shape: string;
  container: ReadSummary['container'];
  sha256: string;
  bytes: number;
  artifacts: Partial<Record<ArtifactKind, { files: number; bytes: number; paths: string[] }>>;
  unknownFiles: number;
  unknownExamples: string[];
  present: ArtifactKind[];
  missing: ArtifactKind[];
  entries: number;
  inflatedBytes: number;
  lines: number;
  events: number;
  unparsed: number;
  unparsedByFile: Record<string, number>;
  /** Entries skipped or cut, as catalogue messages (English text: messages/problems.ts problemText). */
  problems: Message[];
}

export interface ScanOptions {
  limits?: Partial<Limits>;
  progress?: ProgressFn;
  /** Leave plain and deferred records here instead of building them (the sieve, parse/sieve.ts); a function chooses per file (none: build them). */
  plain?: PlainSink | ((file: string) => PlainSink | undefined);
}

export async function scanBundle(path: string, onEvent: (e: Event) => void, options: ScanOptions = {}): Promise<Inventory> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const artifacts: Inventory['artifacts'] = {};
  const paths: string[] = [];
  const unparsedByFile: Record<string, number> = {};
  const problems: Message[] = [];
  let unknownFiles = 0;
  const unknownExamples: string[] = [];
  let lines = 0, events = 0, unparsed = 0;

  const summary = await readBundle(path, limits, async (entry) => {
    paths.push(entry.path);
    const kind = classify(entry.logical);
    if (!kind) {
      unknownFiles++;
      if (unknownExamples.length < 10) unknownExamples.push(entry.path);
    }
    try {
      const plain = typeof options.plain === 'function' ? options.plain(entry.path) : options.plain;
      const stats = await parseEntry(kind, entry.stream, { file: entry.path, mtime: entry.mtime }, limits.maxLineBytes, onEvent, plain);
      lines += stats.lines; events += stats.events; unparsed += stats.unparsed;
      if (stats.unparsed) unparsedByFile[entry.path] = stats.unparsed;
      if (stats.note) problems.push(stats.note);
    } catch (e) {
      if (e instanceof LimitError) throw e; // the reader stops the bundle and reports it once
      // a damaged entry: keep what was parsed, say where it broke
      problems.push(problem('entry-damaged', entry.path, { detail: (e as Error).message }));
    }
    const bytes = entry.bytesRead();
    if (kind) {
      const a = (artifacts[kind] ??= { files: 0, bytes: 0, paths: [] });
      a.files++; a.bytes += bytes;
      if (a.paths.length < 50) a.paths.push(entry.path);
    }
  }, options.progress);

  const shape = detectShape(summary.container, paths);
  const present = Object.keys(artifacts).sort() as ArtifactKind[];
  const expected = EXPECTED[shape] ?? EXPECTED['raw-tree']!;
  const missing = expected.filter((k) => !artifacts[k]);
  return {
    shape, container: summary.container, sha256: summary.sha256, bytes: summary.bytes, artifacts,
    unknownFiles, unknownExamples, present, missing, entries: summary.entries, inflatedBytes: summary.inflatedBytes,
    lines, events, unparsed, unparsedByFile, problems: [...summary.problems, ...problems],
  };
}

/** Bundle shape from the container and the paths seen (FORMATS.md §4.4). */
export function detectShape(container: ReadSummary['container'], paths: string[]): string {
  const inner = paths.map((p) => p.slice(p.lastIndexOf('!') + 1));
  if (inner.some((p) => /(^|\/)(sosreport-[^/]+|sos_commands)\//.test(p) || /^sosreport-/.test(p))) return 'sosreport';
  if (inner.some((p) => p === 'results.txt') && inner.some((p) => /(^|\/)var\/log\/waagent\.log/.test(p))) return 'collect-logs-zip';
  if (paths.some((p) => /(^|[/!])(?:diskinspect|disk-inspect|vm-inspector)[^/]*\//i.test(p))) return 'disk-inspect';
  if (inner.some((p) => /WaAppAgent\.log|WindowsAzure\//.test(p)) && !inner.some((p) => /waagent\.log/.test(p))) return 'windows';
  if ((container === 'file' || container === 'gz') && paths.length <= 1) return 'loose-file';
  return 'raw-tree';
}
