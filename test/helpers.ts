/** Shared test helpers: temporary dirs, running the CLI, sample bundles generated on demand. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, promises as fsp, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeSamples } from '../samples/make.js';
import { parseExcerpt } from './corpus/excerpt.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'azlog.js');

const created: string[] = [];
// temporary folders go when the test worker exits
process.on('exit', () => { for (const d of created) rmSync(d, { recursive: true, force: true }); });

export function tmp(prefix = 'azlog-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export interface Run { code: number; stdout: string; stderr: string }

export function azlog(args: string[], opts: { env?: Record<string, string>; input?: string; cwd?: string } = {}): Run {
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8', cwd: opts.cwd, env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '', ...opts.env }, input: opts.input, maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

let samples: Promise<string> | null = null;
/** The sample bundles, generated once per test file into a temporary directory. */
export function sampleDir(): Promise<string> {
  samples ??= (async () => { const dir = tmp('azlog-samples-'); await makeSamples(dir); return dir; })();
  return samples;
}

export async function writeBundle(dir: string, name: string, data: Buffer | string): Promise<string> {
  const path = join(dir, name);
  await fsp.mkdir(dirname(path), { recursive: true });
  await fsp.writeFile(path, data);
  return path;
}

/**
 * Runs the CLI and gives its result with its peak RSS in MB (Linux): VmHWM, which starts afresh at
 * exec, unlike getrusage's maxRSS that a child inherits from this big test process, written by
 * the child when it exits.
 */
export function azlogPeak(args: string[]): Run & { peakMb: number } {
  const dir = tmp('azlog-peak-');
  const hook = join(dir, 'peak.mjs'), out = join(dir, 'peak.txt');
  writeFileSync(hook, `import { readFileSync, writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(out)}, /VmHWM:\\s*(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]));\n`);
  const r = spawnSync(process.execPath, ['--import', hook, BIN, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (!existsSync(out)) throw new Error(`azlog ${args.join(' ')} ended without writing its peak (status ${r.status}, signal ${r.signal}): ${r.stderr}`);
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, peakMb: Number(readFileSync(out, 'utf8')) / 1024 };
}

/** The real lines of a corpus excerpt's first block (test/corpus/excerpts/<id>.txt, which names their source). */
export function excerptLines(id: string): string[] {
  const file = join(ROOT, 'test', 'corpus', 'excerpts', `${id}.txt`);
  return parseExcerpt(readFileSync(file, 'utf8'), `${id}.txt`).blocks[0]!.lines;
}
