/** Benchmark helpers: timing a command several times, peak memory of a child, a result table. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OUT = join(ROOT, 'bench', 'out');
/** The azlog under test; AZLOG_BENCH_BIN points the scripts at another build (a before/after comparison). */
export const BIN = process.env.AZLOG_BENCH_BIN ?? join(ROOT, 'bin', 'azlog.js');

export interface Timing { best: number; median: number; rssMb: number | null }

/** Runs `cmd` through bash `runs` times; wall time best/median in seconds, peak RSS (GNU time) in MB. */
export function time(cmd: string, runs = 3): Timing {
  const secs: number[] = [];
  let rss: number | null = null;
  const gnuTime = existsSync('/usr/bin/time');
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const r = spawnSync('bash', ['-c', gnuTime ? `/usr/bin/time -f '%M' -o /tmp/azlog-bench-rss ${cmd}` : cmd], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    secs.push(Number(process.hrtime.bigint() - started) / 1e9);
    if (r.status !== 0 && r.status !== 4) throw new Error(`${cmd} failed (${r.status}): ${r.stderr}`);
    if (gnuTime) {
      const kb = Number(spawnSync('cat', ['/tmp/azlog-bench-rss'], { encoding: 'utf8' }).stdout.trim().split('\n').pop());
      if (Number.isFinite(kb)) rss = Math.max(rss ?? 0, kb / 1024);
    }
  }
  secs.sort((a, b) => a - b);
  return { best: secs[0]!, median: secs[Math.floor(secs.length / 2)]!, rssMb: rss };
}

export function row(cells: (string | number)[]): string {
  return '| ' + cells.map((c) => (typeof c === 'number' ? c.toFixed(2) : c)).join(' | ') + ' |';
}
