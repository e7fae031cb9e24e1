/** Options shared by several commands: limits and redaction. */
import { Command, Option } from 'commander';
import { DEFAULT_LIMITS, parseSize, type Limits } from '../ingest/limits.js';
import { UsageError } from '../errors.js';
import { resolveSymptom } from '../model/symptoms.js';

export function addLimitOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--max-entries <n>', 'most files read from one bundle').default(String(DEFAULT_LIMITS.maxEntries)))
    .addOption(new Option('--max-inflated-bytes <size>', 'most bytes decompressed from one bundle (e.g. 4g)').default('4g'))
    .addOption(new Option('--max-depth <n>', 'deepest nesting of archives in archives').default(String(DEFAULT_LIMITS.maxDepth)))
    .addOption(new Option('--max-line-bytes <size>', 'longest line kept; longer lines are cut').default('1m'))
    .addOption(new Option('--max-nested-zip-bytes <size>', 'largest zip read from inside another archive').default('256m'));
}

/** --excel, --no-redact and --no-progress, shared by the commands that write reports. */
export function addOutputOptions(cmd: Command): Command {
  return cmd
    .option('--excel', 'with CSV output: add a BOM so Excel reads UTF-8')
    .option('--no-redact', 'keep secrets (SAS signatures, keys) in the output')
    .option('--no-progress', 'no progress display on stderr');
}

export function limitsFrom(o: Record<string, string>): Partial<Limits> {
  const num = (name: string, v: string) => {
    try { const n = parseSize(v); if (n <= 0) throw new Error(); return n; } catch { throw new UsageError(`--${name}: not a positive size: ${v}`); }
  };
  return {
    maxEntries: num('max-entries', o.maxEntries ?? String(DEFAULT_LIMITS.maxEntries)),
    maxInflatedBytes: num('max-inflated-bytes', o.maxInflatedBytes ?? '4g'),
    maxDepth: num('max-depth', o.maxDepth ?? String(DEFAULT_LIMITS.maxDepth)),
    maxLineBytes: num('max-line-bytes', o.maxLineBytes ?? '1m'),
    maxNestedZipBytes: num('max-nested-zip-bytes', o.maxNestedZipBytes ?? '256m'),
  };
}

export function warnNoRedact(noRedact: boolean): void {
  if (noRedact) process.stderr.write('azlog: warning: --no-redact: secrets (SAS signatures, keys, protected settings) may appear in the output\n');
}

/** Colour only on a TTY, never with NO_COLOR set. */
export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '') && process.env.TERM !== 'dumb';
}

/** A whole number above zero from an option, or the fallback when it was not given. */
export function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!(Number.isInteger(n) && n > 0)) throw new UsageError(`--${name}: not a positive whole number: ${value}`);
  return n;
}

/** An unknown `-e` is refused before a queue runs on a typo. */
export function checkErrorCodeOption(code: unknown): void {
  if (code && !resolveSymptom(String(code))) throw new UsageError(`-e, --error-code: unknown error code: ${code} (see \`azlog causes --symptoms\`)`);
}
