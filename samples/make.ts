/**
 * Generates the sample bundles under samples/ (run by `npm ci` through `prepare`, or by hand with
 * `node dist/samples/make.js`): one .tgz per scenario, and the `healthy`/`fsfreeze-timeout` content in
 * every other shape azlog reads.
 */
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { promises as fsp } from 'node:fs';
import { SCENARIOS, WINDOWS_FILES } from './scenarios.js';
import { collectLogsTree, prefixed, rotated, sosreportTree, tgzBuffer, writeFileFrom, writeTree, zipBuffer } from './pack.js';

/** samples/ in the source tree (this file runs from dist/samples/). */
export const SAMPLES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'samples');

export async function makeSamples(dir = SAMPLES_DIR): Promise<string[]> {
  const made: string[] = [];
  const out = async (name: string, data: Buffer) => { await writeFileFrom(join(dir, name), data); made.push(name); };
  for (const s of SCENARIOS) await out(`${s.name}.tgz`, await tgzBuffer(prefixed(s.files, `ticket-${s.name}`)));
  const fs = SCENARIOS.find((s) => s.name === 'fsfreeze-timeout')!.files;
  await out('shapes/fsfreeze-timeout.zip', await zipBuffer(fs));
  await out('shapes/fsfreeze-timeout-dotslash.tar', await tgzBuffer(prefixed(fs, '.'), { gzip: false }));
  await out('shapes/fsfreeze-timeout-collect-logs.tgz', await tgzBuffer({ 'ticket-9/logs.zip': await zipBuffer(collectLogsTree(fs)) }));
  await out('shapes/fsfreeze-timeout-rotated.tgz', await tgzBuffer(prefixed(rotated(fs, 20), 'case-77')));
  await out('shapes/fsfreeze-timeout-sosreport.tgz', await tgzBuffer(sosreportTree(fs)));
  await fsp.rm(join(dir, 'shapes/fsfreeze-timeout-tree'), { recursive: true, force: true });
  await writeTree(join(dir, 'shapes/fsfreeze-timeout-tree'), fs);
  made.push('shapes/fsfreeze-timeout-tree/');
  await out('shapes/waagent.log', Buffer.from(String(fs['var/log/waagent.log'])));
  await out('shapes/windows.zip', await zipBuffer(WINDOWS_FILES));
  return made;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const made = await makeSamples();
  process.stdout.write(`azlog: wrote ${made.length} sample bundles under samples/\n`);
}
