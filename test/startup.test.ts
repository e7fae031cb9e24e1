/** Start-up: commands that read no bundle load no grammar and no pipeline; bundles load chevrotain's single-file build. */
import test from 'ava';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN, ROOT, sampleDir, tmp } from './helpers.js';

/** Runs azlog and returns the file modules it loaded (paths relative to the package). */
function loaded(args: string[]): { code: number; modules: string[] } {
  const log = join(tmp(), 'modules.txt');
  const hooks = pathToFileURL(join(ROOT, 'dist', 'test', 'module-log-hooks.js')).href;
  const register = `data:text/javascript,import{register}from'node:module';register(${JSON.stringify(hooks)})`;
  const r = spawnSync(process.execPath, ['--import', register, BIN, ...args], { encoding: 'utf8', env: { ...process.env, AZLOG_MODULE_LOG: log } });
  let text = '';
  try { text = readFileSync(log, 'utf8'); } catch { /* nothing loaded */ }
  const root = pathToFileURL(ROOT).href + '/';
  return { code: r.status ?? -1, modules: [...new Set(text.split('\n').filter(Boolean).map((u) => u.replace(root, '')))] };
}

/**
 * What start-up must not pay for: the pipeline, the readers, heavy packages, and any grammar module
 * that imports something (the line grammars and chevrotain). Self-contained helpers the causes read
 * events with (grammars/http-exchange.js and the like) are allowed.
 */
const heavy = (m: string) => /\/pipeline\/|\/ingest\/readers|\/parse\/(dispatch|sieve|records)|node_modules\/(chevrotain|lodash-es|yauzl|fast-glob|csv-|tar-stream)\//.test(m)
  || (/^dist\/grammars\//.test(m) && /^import /m.test(readFileSync(join(ROOT, m), 'utf8')));

for (const args of [['--version'], ['--help'], ['causes'], ['causes', '--symptoms'], ['explain', 'no-network'], ['analyze', '--help']]) {
  test(`azlog ${args.join(' ')} loads no grammar, pipeline or archive reader`, (t) => {
    const r = loaded(args);
    t.is(r.code, 0);
    t.true(r.modules.some((m) => m.includes('dist/src/cli/main.js')), 'the hook saw the CLI load');
    t.deepEqual(r.modules.filter(heavy), []);
  });
}

test('analyze of a .tgz loads chevrotain from its single-file build, and no zip, glob or CSV module', async (t) => {
  const r = loaded(['analyze', join(await sampleDir(), 'fsfreeze-timeout.tgz'), '-f', 'json']);
  t.true(r.code === 0, `exit ${r.code}`);
  t.true(r.modules.some((m) => m.endsWith('node_modules/chevrotain/lib/chevrotain.mjs')));
  t.deepEqual(r.modules.filter((m) => /lodash-es|chevrotain\/lib\/src\/|node_modules\/(yauzl|fast-glob|csv-)/.test(m)), []);
});
