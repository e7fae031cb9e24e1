/**
 * bench/floor: how close to `gzip -dc` and lnav the per-line work the speed issue prescribes can
 * get in Node on this machine, in the same run as them. Each step adds one part (bench/floor-steps)
 * with azlog's own code, parses nothing else and builds no event: what a step costs is a floor for
 * any analysis or timeline that must do that much, whatever else it does.
 * Run: npm run build && node dist/bench/floor.js [MB]   (the bundles of bench/analyze and bench/parse)
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BIN, OUT, ROOT, row, time } from './util.js';

const mb = Number(process.argv[2] ?? 150);
const tgz = join(OUT, `bundle-${mb}.tgz`);
const log = join(OUT, `waagent-G4-${mb}`, 'waagent.log');
if (!existsSync(tgz) || !existsSync(log)) {
  console.error(`run node dist/bench/analyze.js ${mb} and node dist/bench/parse.js ${mb} first: they generate ${tgz} and ${log}`);
  process.exit(2);
}
const steps = join(ROOT, 'dist', 'bench', 'floor-steps.js');
const runs = 5;

console.log(`\nthe floor of the per-line work on the ${mb} MB bundle, best of ${runs}:\n`);
console.log(row(['what', 'seconds', 'CPU s', 'ratio', 'load']));
console.log(row(['---', '---', '---', '---', '---']));
const gz = time(`gzip -dc ${tgz} > /dev/null`, runs);
console.log(row(['gzip -dc (bundle)', gz.best, gz.cpu ?? '-', 1, gz.load]));
for (const step of ['read', 'split', 'header', 'scan', 'keep']) {
  const r = time(`node ${steps} ${step} ${tgz}`, runs);
  console.log(row([`node: ${step} (bundle)`, r.best, r.cpu ?? '-', `${(r.best / gz.best).toFixed(2)}× gzip`, r.load]));
}
// what a real analysis pays whatever the bundle's size: Node, azlog's modules, the rules and the report
const small = time(`node ${BIN} analyze ${join(ROOT, 'samples', 'healthy.tgz')} --format json --no-progress > /dev/null`, runs);
console.log(row(['azlog analyze of a 3 KiB sample', small.best, small.cpu ?? '-', `${(small.best / gz.best).toFixed(2)}× gzip`, small.load]));
const whole = time(`node ${BIN} analyze ${tgz} --format json --no-progress > /dev/null`, runs);
console.log(row(['azlog analyze (bundle)', whole.best, whole.cpu ?? '-', `${(whole.best / gz.best).toFixed(2)}× gzip`, whole.load]));
const lnav = spawnSync('bash', ['-c', 'command -v lnav']).status === 0;
if (lnav) {
  const home = join(OUT, 'lnav-home');
  const base = time(`env HOME=${home} lnav -n -c ';SELECT count(*) AS n FROM waagent_log' ${log}`, runs);
  console.log(row(['lnav indexing (log)', base.best, base.cpu ?? '-', 1, base.load]));
  const r = time(`node ${steps} jsonl ${log} > /dev/null`, runs);
  console.log(row(['node: split, escape, write jsonl (log)', r.best, r.cpu ?? '-', `${(r.best / base.best).toFixed(2)}× lnav`, r.load]));
} else console.log('(lnav absent: apt-get install lnav for the timeline floor)');
