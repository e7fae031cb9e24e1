/**
 * bench/profile: summarises a `node --cpu-prof` profile by self time — the top functions, and
 * azlog's stages (each sample counted for the innermost stage on its stack).
 * Run: node --cpu-prof --cpu-prof-dir=prof bin/azlog.js analyze BUNDLE -f json --no-progress > /dev/null
 *      node dist/bench/profile.js prof [top]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Frame { functionName: string; url: string; lineNumber: number }
interface ProfileNode { id: number; callFrame: Frame; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const dir = process.argv[2] ?? 'prof';
const top = Number(process.argv[3] ?? 20);
const file = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort().at(-1);
if (!file) { console.error(`no .cpuprofile in ${dir}`); process.exit(2); }
const p = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map<number, number>();
let total = 0;
p.samples.forEach((id, i) => { const dt = p.timeDeltas[i] ?? 0; self.set(id, (self.get(id) ?? 0) + dt); total += dt; });
const short = (url: string) => url.split('/').slice(-2).join('/');
const pct = (t: number) => `${(100 * t / total).toFixed(1)} %`;

const byFunction = new Map<string, number>();
for (const [id, t] of self) {
  const f = byId.get(id)!.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${short(f.url)}:${f.lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + t);
}
console.log(`${(total / 1000).toFixed(0)} ms of samples in ${file}\n\n| self | function |\n|---|---|`);
for (const [k, t] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| ${pct(t)} | ${k} |`);

/** Stages, tried from the innermost frame out; the first that names a frame takes the sample. */
const STAGES: [string, (f: Frame) => boolean][] = [
  ['literal scan (WebAssembly)', (f) => f.url.startsWith('wasm') || /^(lowestRank|lowestRankOf|scanText|room)$/.test(f.functionName)],
  ['garbage collection', (f) => f.functionName === '(garbage collector)'],
  ['zlib callbacks', (f) => f.url.includes('zlib')],
  ['deferred records: quickKind, answer cache, store', (f) => /quickKind|quickAnswer|lookup|remember|defer|put|copyTo|compact/.test(f.functionName) || /answer-cache|evidence-store/.test(f.url) && f.functionName !== 'count'],
  ['header bytes', (f) => /waagentHeaderBytes|byteD2|byteDigitRun|byteFractionMs|daysFromCivil|civilDays|wallMs|levelAt|wordEndAt/.test(f.functionName)],
  ['sieve line loop, plain counting', (f) => /sieve\.js|bucket-runs/.test(f.url) || f.functionName === 'count'],
  ['whole grammar (built records)', (f) => /grammars\/|records\.js|crash\.js/.test(f.url)],
  ['facts, causes, verdict, report', (f) => /facts\/|causes\/|verdict\/|report\/|messages\/|analyze\.js|cli\//.test(f.url)],
  ['module loading, start-up', (f) => /compile|esm|loader/.test(f.functionName + f.url)],
  ['idle', (f) => f.functionName === '(idle)'],
];
const byStage = new Map<string, number>();
for (const [id, t] of self) {
  let stage = 'other';
  for (let x: number | undefined = id; x !== undefined && stage === 'other'; x = parent.get(x)) {
    const f = byId.get(x)!.callFrame;
    for (const [name, test] of STAGES) if (test(f)) { stage = name; break; }
  }
  byStage.set(stage, (byStage.get(stage) ?? 0) + t);
}
console.log('\n| share | stage |\n|---|---|');
for (const [k, t] of [...byStage].sort((a, b) => b[1] - a[1])) console.log(`| ${pct(t)} | ${k} |`);
