/** `azlog batch`: options, progress display and the end-of-run summary. */
import type { Command } from 'commander';
import { promises as fsp } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from '../errors.js';
import { addLimitOptions, addOutputOptions, checkErrorCodeOption, limitsFrom, positive, warnNoRedact } from './options.js';
import { EXIT } from './exit-codes.js';
import { ProgressLine } from './progress.js';
import { parseShard } from '../batch/shard.js';

function clock(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function addBatchCommand(program: Command): void {
  addOutputOptions(addLimitOptions(program.command('batch')
    .description('analyse many bundles (files, directories, globs or a manifest) into one CSV row each')
    .argument('[inputs...]', 'bundle files, directories holding bundles, or globs (quote them)')
    .option('-m, --manifest <file>', 'CSV with columns ticket, bundle, error_code (optional)')
    .option('-j, --jobs <n>', 'bundles analysed in parallel (default: number of cores)')
    .option('--csv <file>', 'write one row per bundle here (default: stdout)')
    .option('--jsonl <file>', 'write the full report of each bundle here, one per line')
    .option('--findings-csv <file>', 'write one row per finding here (for pivot tables)')
    .option('--resume', 'skip bundles whose sha256 already has a row in --csv, and append')
    .option('--shard <i/n>', 'only part I of N (0-based) of the inputs, split by sha256: N copies together do each bundle once')
    .option('-e, --error-code <code>', 'error code applied to every bundle without one in the manifest')))
    .action(async (args: string[], o: Record<string, string | boolean | undefined>) => {
      warnNoRedact(o.redact === false);
      // loaded here, not at start-up (see main.ts)
      const [{ gatherInputs, runBatch }, { BUNDLE_COLUMNS, csvText }] = await Promise.all([import('../batch/batch.js'), import('../report/csv.js')]);
      if (o.resume && !o.csv) throw new UsageError('--resume needs --csv FILE (the rows already written are what is resumed)');
      // output files are checked before any work, not after the first bundle is analysed
      for (const [flag, file] of [['--csv', o.csv], ['--jsonl', o.jsonl], ['--findings-csv', o.findingsCsv]] as const) {
        if (typeof file !== 'string') continue;
        if ((await fsp.stat(file).catch(() => null))?.isDirectory()) throw new UsageError(`${flag} ${file}: a directory; give a file name`);
        if (!(await fsp.stat(dirname(file)).catch(() => null))?.isDirectory()) throw new UsageError(`${flag} ${file}: no such folder: ${dirname(file)}`);
      }
      checkErrorCodeOption(o.errorCode);
      const notes: string[] = [];
      const inputs = await gatherInputs(args, { manifest: o.manifest as string | undefined, errorCode: o.errorCode as string | undefined }, notes);
      if (!inputs.length) {
        const given = args.length || o.manifest ? notes.concat(o.manifest ? [`${o.manifest}: a manifest with no rows`] : []).join('; ') : 'nothing was given';
        throw new UsageError(`no bundles to analyse: ${given} (pass bundle files, folders of bundles, globs or --manifest)`);
      }
      for (const n of notes) process.stderr.write(`azlog: warning: ${n}\n`);
      const jobs = o.jobs === undefined ? undefined : positive('jobs', String(o.jobs), 0);
      const shard = o.shard === undefined ? undefined : parseShard(String(o.shard));
      const tty = Boolean(process.stderr.isTTY) && o.progress !== false;
      // rows and the bar may share one terminal: the bar is cleared before each row and drawn again after it
      const bar = new ProgressLine(tty, process.stderr, 0);
      let lastLine = 0;
      const toStdout = !o.csv;
      if (toStdout) process.stdout.write(csvText(BUNDLE_COLUMNS, [], { header: true, excel: Boolean(o.excel) }));
      const summary = await runBatch(inputs, {
        jobs, csv: o.csv as string | undefined, jsonl: o.jsonl as string | undefined, findingsCsv: o.findingsCsv as string | undefined,
        excel: Boolean(o.excel), resume: Boolean(o.resume), shard, limits: limitsFrom(o as Record<string, string>), noRedact: o.redact === false,
        onRow: toStdout ? (row) => { bar.clear(); process.stdout.write(csvText(BUNDLE_COLUMNS, [row], { header: false, excel: Boolean(o.excel) })); bar.redraw(); } : undefined,
        onProgress: (p) => {
          if (o.progress === false) return;
          const rate = p.elapsedMs ? p.done / (p.elapsedMs / 1000) : 0;
          const eta = rate ? ((p.total - p.done) / rate) * 1000 : 0;
          const text = `${p.done}/${p.total} bundles, ${rate.toFixed(1)}/s, ETA ${clock(eta)}, ${p.failed} failed${p.skipped ? `, ${p.skipped} resumed` : ''}`;
          if (tty) {
            const width = 24, filled = Math.round((p.done / p.total) * width);
            bar.update(`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}`, p.done === p.total);
          } else if (p.done === p.total || Date.now() - lastLine > 10_000) {
            lastLine = Date.now();
            process.stderr.write(`azlog: ${text}\n`);
          }
        },
      });
      bar.done();
      const causes = Object.entries(summary.perCause).sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ');
      const statuses = Object.entries(summary.perStatus).map(([s, n]) => `${s} ${n}`).join(', ');
      process.stderr.write(`azlog: ${summary.total} bundles: ${summary.analysed} analysed, ${summary.duplicates} duplicates, ${summary.resumed} resumed, ${summary.failed} failed${summary.partial ? `; ${summary.partial} partial (see the problems column)` : ''} in ${(summary.wallMs / 1000).toFixed(1)} s (${summary.bundlesPerSecond} bundles/s)\n`);
      if (causes) process.stderr.write(`azlog: verdicts: ${causes}\nazlog: statuses: ${statuses}\n`);
      for (const r of summary.rows.filter((x) => x.error)) process.stderr.write(`azlog: ${r.error}\n`);
      process.exitCode = summary.failed ? EXIT.BATCH_FAILED_BASE + Math.min(summary.failed, 99) : EXIT.OK;
    });
}
