/**
 * `npm run corpus [-- --check] [-- --import DIR] [-- ID…]`: scores azlog on the real excerpts of
 * test/corpus/excerpts/. Each excerpt becomes a bundle in a temporary folder and goes through
 * `analyze`, the API the CLI uses. Prints one row per excerpt, the score per expected cause, and
 * last the line `corpus: C/T acceptable, F false alarms on H healthy`. `--check` exits 1 when the
 * score is below test/corpus/floor.json; `--import DIR` first makes the corpus match DIR's valid excerpts;
 * `--bundles DIR` writes the bundles there and keeps them (for `azlog unknown`).
 */
import { copyFileSync, mkdirSync, mkdtempSync, promises as fsp, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/analyze.js';
import type { Report } from '../../src/model/types.js';
import { ExcerptError, judge, parseExcerpt, sourceSite, writeExcerptBundle, type Excerpt, type Judgement } from './excerpt.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CORPUS = join(ROOT, 'test', 'corpus');
const EXCERPTS = join(CORPUS, 'excerpts');
const FLOOR = join(CORPUS, 'floor.json');

export interface Floor { acceptable: number; falseAlarms: number }
export interface Row { excerpt: Excerpt; cause: string; confidence: number; outcome: string; judgement: Judgement }
export interface Score { acceptable: number; total: number; falseAlarms: number; healthy: number }

/** Reads every excerpt of `dir`; malformed ones come back as reasons, never half-read. */
export function loadExcerpts(dir: string): { excerpts: Excerpt[]; rejected: string[] } {
  const excerpts: Excerpt[] = [], rejected: string[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    try { excerpts.push(parseExcerpt(readFileSync(join(dir, name), 'utf8'), name)); } catch (e) {
      if (!(e instanceof ExcerptError)) throw e;
      rejected.push(e.message);
    }
  }
  return { excerpts, rejected };
}

/** The verdict's outcome when the report has one (the verdict rewrite adds it), else derived. */
function outcomeOf(verdict: Report['verdict']): string {
  const o = (verdict as { outcome?: unknown }).outcome;
  return typeof o === 'string' ? o : verdict.cause ? 'found' : 'none-found';
}

export async function scoreExcerpt(ex: Excerpt, dir: string, keep = false): Promise<Row> {
  const bundle = await writeExcerptBundle(ex, dir);
  try {
    const report = await analyze(bundle);
    const cause = report.verdict.cause;
    return { excerpt: ex, cause: cause ?? 'healthy', confidence: report.verdict.confidence, outcome: outcomeOf(report.verdict), judgement: judge(ex, cause) };
  } catch (e) {
    return { excerpt: ex, cause: `error: ${(e as Error).message}`, confidence: 0, outcome: 'error', judgement: 'WRONG' };
  } finally {
    if (!keep) await fsp.rm(bundle, { recursive: true, force: true });
  }
}

export function score(rows: Row[]): Score {
  const healthy = rows.filter((r) => r.excerpt.kind !== 'failure');
  return {
    acceptable: rows.filter((r) => r.judgement === 'ok').length, total: rows.length,
    falseAlarms: healthy.filter((r) => r.judgement === 'FALSE-ALARM').length, healthy: healthy.length,
  };
}

export function scoreLine(s: Score): string {
  return `corpus: ${s.acceptable}/${s.total} acceptable, ${s.falseAlarms} false alarms on ${s.healthy} healthy`;
}

/** Why a score fails the floor, or null when it holds. */
export function belowFloor(s: Score, floor: Floor): string | null {
  if (s.acceptable < floor.acceptable) return `${s.acceptable} acceptable is below the floor of ${floor.acceptable} (test/corpus/floor.json)`;
  if (s.falseAlarms > floor.falseAlarms) return `${s.falseAlarms} false alarms is above the floor of ${floor.falseAlarms} (test/corpus/floor.json)`;
  return null;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ')).join('\n') + '\n';
}

/** Per best-accepted cause (the first of `accept`): excerpts and how many azlog got acceptably. */
export function perCause(rows: Row[]): string[][] {
  const by = new Map<string, { n: number; ok: number }>();
  for (const r of rows) {
    const k = r.excerpt.accept[0]!;
    const v = by.get(k) ?? { n: 0, ok: 0 };
    v.n++; if (r.judgement === 'ok') v.ok++;
    by.set(k, v);
  }
  return [['expected (best)', 'excerpts', 'acceptable'], ...[...by.entries()].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0])).map(([k, v]) => [k, String(v.n), String(v.ok)])];
}

/** The README's credit lines: one per source site, GitHub repositories first. */
export function credits(excerpts: Excerpt[]): string[] {
  const sites = [...new Set(excerpts.map((e) => sourceSite(e.source)))].sort((a, b) => Number(!a.startsWith('github.com/')) - Number(!b.startsWith('github.com/')) || a.localeCompare(b));
  return sites.map((s) => `- ${s} — ${s.startsWith('github.com/') ? 'issue threads' : 'pages quoting real lines'}`);
}

/**
 * Makes the corpus match DIR: its valid excerpts copied byte for byte, excerpts DIR no longer
 * holds (or now holds malformed) removed. Returns the rejected ones' reasons.
 */
function importExcerpts(from: string): string[] {
  const { excerpts, rejected } = loadExcerpts(from);
  const keep = new Set(excerpts.map((ex) => `${ex.id}.txt`));
  for (const name of keep) copyFileSync(join(from, name), join(EXCERPTS, name));
  const gone = readdirSync(EXCERPTS).filter((n) => n.endsWith('.txt') && !keep.has(n));
  for (const name of gone) rmSync(join(EXCERPTS, name));
  process.stderr.write(`corpus: imported ${excerpts.length} excerpt(s) from ${from}${gone.length ? `; removed ${gone.join(', ')}` : ''}\n`);
  return rejected;
}

async function main(argv: string[]): Promise<number> {
  const check = argv.includes('--check');
  const imp = argv.indexOf('--import');
  const keepAt = argv.indexOf('--bundles');
  const keep = keepAt >= 0 ? argv[keepAt + 1] : undefined;
  if (keepAt >= 0 && !keep) { process.stderr.write('azlog: --bundles needs a folder to write the bundles to\n'); return 2; }
  const rejected: string[] = [];
  if (imp >= 0) {
    const from = argv[imp + 1];
    if (!from) { process.stderr.write('azlog: --import needs a folder of excerpts\n'); return 2; }
    mkdirSync(EXCERPTS, { recursive: true });
    rejected.push(...importExcerpts(from));
  }
  if (argv.includes('--credits')) {
    process.stdout.write(credits(loadExcerpts(EXCERPTS).excerpts).join('\n') + '\n');
    return 0;
  }
  const only = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--import' && argv[i - 1] !== '--bundles');
  const loaded = loadExcerpts(EXCERPTS);
  rejected.push(...loaded.rejected);
  const excerpts = only.length ? loaded.excerpts.filter((e) => only.includes(e.id)) : loaded.excerpts;
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'azlog-corpus-'));
  const rows: Row[] = [];
  try {
    for (const ex of excerpts) rows.push(await scoreExcerpt(ex, dir, keep !== undefined));
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(table([
    ['id', 'kind', 'accepted', 'azlog verdict', 'outcome', 'result'],
    ...rows.map((r) => [r.excerpt.id, r.excerpt.kind, r.excerpt.accept.join(' '), r.cause.startsWith('error') ? r.cause : `${r.cause} (${r.confidence.toFixed(2)})`, r.outcome, r.judgement]),
  ]));
  process.stdout.write('\n' + table(perCause(rows)) + '\n');
  for (const r of rejected) process.stderr.write(`corpus: rejected ${r}\n`);
  const s = score(rows);
  process.stdout.write(scoreLine(s) + '\n');
  if (check && !only.length) {
    const floor = JSON.parse(readFileSync(FLOOR, 'utf8')) as Floor;
    const why = belowFloor(s, floor);
    if (why) { process.stderr.write(`corpus: FAILED: ${why}\n`); return 1; }
    if (rejected.length) { process.stderr.write(`corpus: FAILED: ${rejected.length} malformed excerpt(s) in test/corpus/excerpts\n`); return 1; }
  }
  return 0;
}

if (basename(process.argv[1] ?? '') === 'run.js') main(process.argv.slice(2)).then((c) => { process.exitCode = c; });
