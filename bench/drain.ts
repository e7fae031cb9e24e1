/** Reads every entry of a bundle through azlog's readers and throws the bytes away (bench/ingest). */
import { readBundle } from '../src/ingest/readers.js';
import { DEFAULT_LIMITS } from '../src/ingest/limits.js';

let bytes = 0;
const summary = await readBundle(process.argv[2]!, DEFAULT_LIMITS, async (entry) => {
  for await (const chunk of entry.stream) bytes += (chunk as Buffer).length;
});
process.stderr.write(`${summary.entries} entries, ${bytes} bytes\n`);
