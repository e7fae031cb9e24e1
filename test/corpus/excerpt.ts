/**
 * The corpus excerpt format (test/corpus/FORMAT.md): a header of `key: value` lines, then blocks
 * that each start with `--- <bundle path>` and hold real log lines as published. This module reads
 * one excerpt (refusing malformed ones with a one-line reason), turns it into a bundle on disk,
 * and judges azlog's verdict against what the excerpt accepts.
 */
import { promises as fsp } from 'node:fs';
import { dirname, join } from 'node:path';
import { CAUSE_IDS, type CauseId } from '../../src/model/types.js';
import { classify } from '../../src/ingest/catalogue.js';

export type ExcerptKind = 'failure' | 'healthy' | 'transient';
export type Accepted = CauseId | 'healthy';

export interface Block { path: string; lines: string[] }

export interface Excerpt {
  id: string;
  source: string;
  title: string;
  agent: string;
  extension: string | null;
  generation: string | null;
  kind: ExcerptKind;
  concluded: string;
  accept: Accepted[];
  why: string;
  blocks: Block[];
}

export class ExcerptError extends Error {}

const REQUIRED = ['id', 'source', 'title', 'agent', 'kind', 'concluded', 'accept', 'why'] as const;
const KNOWN_KEYS = new Set<string>([...REQUIRED, 'extension', 'generation']);
const KINDS = new Set(['failure', 'healthy', 'transient']);
const GENERATIONS = new Set(['G0', 'G1', 'G2', 'G3', 'G4', 'syslog', 'journal']);
const ACCEPTABLE = new Set<string>([...CAUSE_IDS, 'healthy']);
// a query-string signature or account key must never enter the repository
const SECRET = /[?&]sig=[A-Za-z0-9%+/=]{16,}|AccountKey=[A-Za-z0-9+/=]{20,}/;

/** Reads one excerpt; `name` is its file name (the id must match it). Throws ExcerptError. */
export function parseExcerpt(text: string, name: string): Excerpt {
  const fail = (why: string): never => { throw new ExcerptError(`${name}: ${why}`); };
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const head: Record<string, string> = {};
  let i = 0;
  for (; i < lines.length && !lines[i]!.startsWith('--- '); i++) {
    const l = lines[i]!.replace(/\r$/, '');
    if (l.trim() === '') continue;
    const m = /^([a-z]+):\s*(.*)$/.exec(l);
    if (!m) fail(`line ${i + 1}: not a "key: value" header line before the first "--- path" block`);
    const [, key, raw] = m!;
    if (!KNOWN_KEYS.has(key!)) fail(`line ${i + 1}: unknown header key "${key}"`);
    if (head[key!] !== undefined) fail(`line ${i + 1}: header key "${key}" given twice`);
    // FORMAT.md's example annotates values with "   # comment"; a URL fragment has no space after '#'
    head[key!] = raw!.replace(/\s+#\s.*$/, '').trim();
  }
  for (const k of REQUIRED) if (!head[k]) fail(`header "${k}" is missing or empty`);
  const id = head.id!;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) fail(`id "${id}" must be lowercase a-z, 0-9 and dashes`);
  if (name.replace(/\.txt$/, '') !== id) fail(`id "${id}" does not match the file name`);
  if (!/^https?:\/\/\S+$/.test(head.source!)) fail(`source is not a URL: ${head.source}`);
  if (!KINDS.has(head.kind!)) fail(`kind "${head.kind}" is not failure, healthy or transient`);
  if (head.generation && !GENERATIONS.has(head.generation)) fail(`generation "${head.generation}" is not one of ${[...GENERATIONS].join(', ')}`);
  const accept = head.accept!.split(/[\s,]+/).filter(Boolean);
  for (const a of accept) if (!ACCEPTABLE.has(a)) fail(`accept: "${a}" is not a cause id or "healthy"`);

  const blocks: Block[] = [];
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.startsWith('--- ')) {
      const path = l.slice(4).trim();
      if (!path || path.startsWith('/') || path.split('/').includes('..')) fail(`line ${i + 1}: bundle path "${path}" must be relative, inside the VM, without ".."`);
      if (!classify(path)) fail(`line ${i + 1}: bundle path "${path}" is not one azlog reads (see FORMAT.md)`);
      blocks.push({ path, lines: [] });
      continue;
    }
    if (SECRET.test(l)) fail(`line ${i + 1}: looks like a SAS signature or account key; drop that line`);
    blocks.at(-1)!.lines.push(l);
  }
  if (!blocks.length) fail('no "--- <bundle path>" block');
  for (const b of blocks) if (!b.lines.some((l) => l.trim() !== '')) fail(`block "${b.path}" holds no lines`);
  return {
    id, source: head.source!, title: head.title!, agent: head.agent!, extension: head.extension || null,
    generation: head.generation || null, kind: head.kind as ExcerptKind, concluded: head.concluded!,
    accept: accept as Accepted[], why: head.why!, blocks,
  };
}

/** The latest date written in the excerpt's lines (year-less syslog lines take their year from it). */
export function latestDate(ex: Excerpt): Date | null {
  let best: number | null = null;
  const re = /\b(20\d\d)[-/](\d\d)[-/](\d\d)\b/g;
  for (const b of ex.blocks) for (const l of b.lines) {
    for (const m of l.matchAll(re)) {
      const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
      if (!Number.isNaN(t) && (best === null || t > best)) best = t;
    }
  }
  return best === null ? null : new Date(best + 86_400_000); // the day after: the file was written after its last line
}

/**
 * Writes the excerpt as a bundle directory `<dir>/<id>/<path>` (blocks with the same path are
 * concatenated, in order) and returns the bundle's folder.
 */
export async function writeExcerptBundle(ex: Excerpt, dir: string): Promise<string> {
  const root = join(dir, ex.id);
  const files = new Map<string, string[]>();
  for (const b of ex.blocks) files.set(b.path, [...(files.get(b.path) ?? []), ...b.lines]);
  const mtime = latestDate(ex);
  for (const [path, lines] of files) {
    const file = join(root, path);
    await fsp.mkdir(dirname(file), { recursive: true });
    await fsp.writeFile(file, lines.join('\n') + '\n');
    if (mtime) await fsp.utimes(file, mtime, mtime);
  }
  return root;
}

export type Judgement = 'ok' | 'WRONG' | 'FALSE-ALARM';

/**
 * Acceptable when the verdict's cause is one the excerpt accepts (no cause counts when it accepts
 * `healthy`); a false alarm is a healthy or transient excerpt that got a cause anyway.
 */
export function judge(ex: Pick<Excerpt, 'kind' | 'accept'>, cause: CauseId | null): Judgement {
  const acceptable = cause === null ? ex.accept.includes('healthy') : ex.accept.includes(cause);
  if (acceptable) return 'ok';
  return cause !== null && ex.kind !== 'failure' ? 'FALSE-ALARM' : 'WRONG';
}

/** The site an excerpt comes from, as credited in the README: a GitHub repository, else the host. */
export function sourceSite(url: string): string {
  const u = new URL(url);
  const host = u.hostname.replace(/^www\./, '');
  if (host === 'github.com') return `github.com/${u.pathname.split('/').slice(1, 3).join('/')}`;
  return host;
}
