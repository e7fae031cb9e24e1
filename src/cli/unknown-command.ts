/** `azlog unknown BUNDLE…`: what no grammar or rule understood, as templates with counts and places. */
import type { Command } from 'commander';
import { Option } from 'commander';
import type { Cluster, Place } from '../unknown/unknown.js';
import { BundleError } from '../errors.js';
import { addLimitOptions, addOutputOptions, limitsFrom, warnNoRedact } from './options.js';
import { EXIT } from './exit-codes.js';

const UNKNOWN_COLUMNS = ['template', 'kind', 'level', 'count', 'bundles', 'first_bundle', 'first_file', 'first_line', 'last_bundle', 'last_file', 'last_line', 'example'] as const;

function where(p: Place): string {
  return `${p.bundle} ${p.file}:${p.line ?? '-'}`;
}

function renderUnknownText(clusters: Cluster[], bundles: number): string {
  const lines = clusters.reduce((n, c) => n + c.count, 0);
  const out = [`${lines} line(s) not understood, in ${clusters.length} template(s), across ${bundles} bundle(s)\n`];
  for (const c of clusters) {
    out.push(`\n${c.count}× in ${c.bundles} bundle(s)  ${c.kind}${c.level ? ` (${c.level})` : ''}\n  ${c.template}\n  first ${where(c.first)}\n  last  ${where(c.last)}\n`);
  }
  return out.join('');
}

function unknownRows(clusters: Cluster[]) {
  return clusters.map((c) => ({
    template: c.template, kind: c.kind, level: c.level, count: c.count, bundles: c.bundles,
    first_bundle: c.first.bundle, first_file: c.first.file, first_line: c.first.line,
    last_bundle: c.last.bundle, last_file: c.last.file, last_line: c.last.line, example: c.example,
  }));
}

export function addUnknownCommand(program: Command): void {
  addOutputOptions(addLimitOptions(program.command('unknown')
    .description('cluster the lines no grammar or rule understood into templates, with counts and where they occur')
    .argument('<bundles...>', 'bundles, directories or log files')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'csv']).default('text'))))
    .action(async (bundles: string[], o: Record<string, string | boolean | undefined>) => {
      warnNoRedact(o.redact === false);
      // loaded here, not at start-up (see main.ts)
      const [{ collectUnknown }, { csvText }, { redact }] = await Promise.all([import('../unknown/unknown.js'), import('../report/csv.js'), import('../report/redact.js')]);
      const clean = o.redact === false ? (s: string) => s : redact;
      let unreadable = 0;
      const { clusters, problems } = await collectUnknown(bundles, { limits: limitsFrom(o as Record<string, string>) }, (b, e) => {
        // one unreadable bundle in a list is reported and skipped; the rest are still read
        if (!(e instanceof BundleError)) throw e;
        unreadable++;
        process.stderr.write(`azlog: ${b}: ${e.message}\n`);
      });
      const shown = clusters.map((c) => ({ ...c, template: clean(c.template), example: clean(c.example) }));
      process.stdout.write(o.format === 'csv' ? csvText(UNKNOWN_COLUMNS, unknownRows(shown), { excel: Boolean(o.excel) }) : renderUnknownText(shown, bundles.length - unreadable));
      for (const p of problems) process.stderr.write(`azlog: ${clean(p)}\n`);
      process.exitCode = unreadable === bundles.length ? EXIT.UNREADABLE : unreadable || problems.length ? EXIT.PARTIAL : EXIT.OK;
    });
}
