/** Runs the CLI in this process and reports its peak memory on stderr (for the hostile suite). */
import { readFileSync } from 'node:fs';
import { main } from '../../src/cli/main.js';

/** Peak RSS of this process image: VmHWM is reset by exec, unlike getrusage's maxrss (inherited from the parent). */
function peakKb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch { /* not Linux */ }
  return process.resourceUsage().maxRSS;
}

const code = await main(process.argv);
process.stderr.write(`\nAZLOG_MAXRSS_KB=${peakKb()}\n`);
process.exit(code);
