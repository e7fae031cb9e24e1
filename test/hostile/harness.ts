/** Runs azlog on a hostile input in a child process: exit code, stderr, wall time and peak RSS. */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNNER = join(dirname(fileURLToPath(import.meta.url)), 'run-measured.js');

export interface Measured { code: number; stdout: string; stderr: string; ms: number; rssMb: number }

export function measured(args: string[], timeoutMs = 60_000): Measured {
  const started = Date.now();
  const r = spawnSync(process.execPath, [RUNNER, ...args], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 512 * 1024 * 1024, env: { ...process.env, LANG: 'en_US.UTF-8' } });
  const m = /AZLOG_MAXRSS_KB=(\d+)/.exec(r.stderr ?? '');
  return {
    code: r.status ?? -1, stdout: r.stdout ?? '', stderr: (r.stderr ?? '').replace(/\nAZLOG_MAXRSS_KB=\d+\n$/, ''),
    ms: Date.now() - started, rssMb: m ? Number(m[1]) / 1024 : Infinity,
  };
}

/** The promise every hostile input must keep: no crash, no stack trace, bounded time and memory. */
export function assertClean(t: import('ava').ExecutionContext, r: Measured, opts: { codes: number[]; maxMs?: number; maxRssMb?: number }): void {
  t.true(opts.codes.includes(r.code), `exit ${r.code}; stderr: ${r.stderr.slice(0, 500)}`);
  t.false(/\n\s+at .+:\d+:\d+\)?/.test(r.stderr), `no stack trace: ${r.stderr.slice(0, 500)}`);
  t.false(/internal error/.test(r.stderr), r.stderr.slice(0, 300));
  for (const line of r.stderr.split('\n').filter(Boolean)) t.regex(line, /^azlog: /, 'every diagnostic is one azlog: line');
  t.true(r.ms < (opts.maxMs ?? 30_000), `took ${r.ms} ms`);
  t.true(r.rssMb < (opts.maxRssMb ?? 300), `peak RSS ${r.rssMb.toFixed(0)} MB`);
}
