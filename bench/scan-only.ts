/** Parses a bundle or log into events and counts them, printing nothing (bench/parse). */
import { scanBundle } from '../src/pipeline/scan.js';

let n = 0;
const inv = await scanBundle(process.argv[2]!, () => { n++; });
process.stderr.write(`${n} events, ${inv.lines} lines\n`);
