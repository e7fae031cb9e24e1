/** Module hooks for test/startup.test.ts: every module a process loads is appended to $AZLOG_MODULE_LOG. */
import { appendFileSync } from 'node:fs';

type Next = (url: string, context: unknown) => Promise<unknown>;

// `load`, not `resolve`: import.meta.resolve() resolves a module without loading it
export async function load(url: string, context: unknown, next: Next): Promise<unknown> {
  if (process.env.AZLOG_MODULE_LOG && url.startsWith('file:')) appendFileSync(process.env.AZLOG_MODULE_LOG, url + '\n');
  return next(url, context);
}
