/** Benchmark helpers: timing a command several times (wall, CPU, peak memory, load), a result table. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OUT = join(ROOT, 'bench', 'out');
/** The azlog under test; AZLOG_BENCH_BIN points the scripts at another build (a before/after comparison). */
export const BIN = process.env.AZLOG_BENCH_BIN ?? join(ROOT, 'bin', 'azlog.js');

export interface Timing {
  best: number; median: number; rssMb: number | null;
  /** CPU seconds (user + sys, all threads and children) of the best run: the machine's load disturbs it far less than wall time. */
  cpu: number | null;
  /** 1-minute load average when the runs ended. */
  load: number;
}

/** Runs `cmd` through bash `runs` times; wall time best/median in seconds, peak RSS (GNU time) in MB. */
export function time(cmd: string, runs = 3): Timing {
  const done: { secs: number; cpu: number | null }[] = [];
  let rss: number | null = null;
  const gnuTime = existsSync('/usr/bin/time');
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const r = spawnSync('bash', ['-c', gnuTime ? `/usr/bin/time -f '%M %U %S' -o /tmp/azlog-bench-rss ${cmd}` : cmd], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    const secs = Number(process.hrtime.bigint() - started) / 1e9;
    if (r.status !== 0 && r.status !== 4) throw new Error(`${cmd} failed (${r.status}): ${r.stderr}`);
    let cpu: number | null = null;
    if (gnuTime) {
      const [kb, user, sys] = readFileSync('/tmp/azlog-bench-rss', 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
      if (Number.isFinite(kb)) rss = Math.max(rss ?? 0, kb! / 1024);
      if (Number.isFinite(user) && Number.isFinite(sys)) cpu = user! + sys!;
    }
    done.push({ secs, cpu });
  }
  done.sort((a, b) => a.secs - b.secs);
  return { best: done[0]!.secs, median: done[Math.floor(done.length / 2)]!.secs, rssMb: rss, cpu: done[0]!.cpu, load: loadavg()[0]! };
}

/**
 * How many of two cores this process could get just now: two threads spin for `ms` and their CPU
 * time is divided by the wall time (2.0 on an idle 2-core machine, ~1 when someone else keeps a
 * core busy). Printed beside figures that need both cores.
 */
export function coresFree(ms = 1000): number {
  const spin = `const t=Date.now();while(Date.now()-t<${ms});`;
  const r = time(`node -e "const { Worker } = require('node:worker_threads'); for (let i = 0; i < 2; i++) new Worker('${spin}', { eval: true });"`, 1);
  return r.cpu === null ? NaN : r.cpu / r.best;
}

export function row(cells: (string | number)[]): string {
  return '| ' + cells.map((c) => (typeof c === 'number' ? c.toFixed(2) : c)).join(' | ') + ' |';
}
