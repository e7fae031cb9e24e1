/**
 * `azlog unknown`: the lines no grammar or rule understood, clustered into templates. A line is
 * not understood when no grammar recognised it (`unparsed`) or when its grammar read the header
 * but no rule gave the record a kind (the catch-all kinds of grammars/headless.ts). Over a corpus it is the to-do
 * list of missing vocabulary; over a ticket queue it shows what is new in the field.
 */
import { problemText } from '../messages/problems.js';
import type { Event, Level } from '../model/types.js';
import { scanBundle, type ScanOptions } from '../pipeline/scan.js';
import { templateOf } from './template.js';
import { UNREAD_KINDS } from '../../grammars/headless.js';

export interface Place { bundle: string; file: string; line: number | null }

export interface Cluster {
  template: string;
  kind: string;
  /** The most severe level among the lines. */
  level: Level | null;
  count: number;
  bundles: number;
  first: Place;
  last: Place;
  /** One line as written, for reading. */
  example: string;
}

const SEVERITY: Record<string, number> = { verbose: 0, info: 1, warning: 2, error: 3 };

class UnknownCollector {
  private clusters = new Map<string, Cluster & { seen: Set<string> }>();

  add(bundle: string, e: Event): void {
    if (!UNREAD_KINDS.has(e.kind)) return;
    // a record's header is understood: its message (first line) is what no rule read
    const text = e.kind === 'unparsed' ? e.raw : e.message.split('\n', 1)[0]!;
    if (!text.trim()) return;
    const template = templateOf(text);
    const key = `${e.kind}\u0000${template}`;
    const place: Place = { bundle, file: e.file, line: e.line };
    let c = this.clusters.get(key);
    if (!c) {
      c = { template, kind: e.kind, level: e.level, count: 0, bundles: 0, first: place, last: place, example: text, seen: new Set() };
      this.clusters.set(key, c);
    }
    c.count++;
    c.last = place;
    if ((SEVERITY[e.level ?? ''] ?? -1) > (SEVERITY[c.level ?? ''] ?? -1)) c.level = e.level;
    if (!c.seen.has(bundle)) { c.seen.add(bundle); c.bundles++; }
  }

  /** Most widespread first (bundles), then most frequent, then by template. */
  result(): Cluster[] {
    return [...this.clusters.values()]
      .map(({ seen: _seen, ...c }) => c)
      .sort((a, b) => b.bundles - a.bundles || b.count - a.count || a.template.localeCompare(b.template));
  }
}

/** Reads every bundle (one after another) and clusters what was not understood. */
export async function collectUnknown(bundles: string[], o: ScanOptions = {},
  onError: (bundle: string, e: Error) => void = (_b, e) => { throw e; }): Promise<{ clusters: Cluster[]; problems: string[] }> {
  const collector = new UnknownCollector();
  const problems: string[] = [];
  for (const b of bundles) {
    try {
      const inv = await scanBundle(b, (e) => collector.add(b, e), o);
      problems.push(...inv.problems.map((p) => `${b}: ${problemText(p)}`));
    } catch (e) {
      onError(b, e as Error);
    }
  }
  return { clusters: collector.result(), problems };
}
