/** The `azlog` command line. Output goes to stdout, diagnostics to stderr; exit codes in exit-codes.ts. */
import { readFileSync } from 'node:fs';
import { Command, Option, CommanderError } from 'commander';
import { BundleError, RedisUnavailableError, UsageError } from '../errors.js';
import { fsError } from '../ingest/fs-errors.js';
import { LimitError } from '../ingest/limits.js';
import { CAUSES } from '../causes/index.js';
import { CAUSE_IDS, type CauseId } from '../model/types.js';
import { causeDocs, causeManual, causeTitle, causeFix } from '../messages/findings.js';
import { closest } from './suggest.js';
import { terminalWidth } from '../report/width.js';
import { SYMPTOMS } from '../model/symptoms.js';
import { localizeDocs, pickLang, tr } from '../messages/ui.js';
import { problemLines, problemText } from '../messages/problems.js';
import type { TimelineFilter } from '../timeline/timeline.js';
import type { Level } from '../model/types.js';
import { EXIT } from './exit-codes.js';
import { manageProcessMemory, pinYoungGeneration } from '../process-memory.js';
import { bytesProgress, ProgressLine } from './progress.js';
import { addLimitOptions, addOutputOptions, limitsFrom, useColor, warnNoRedact } from './options.js';
import { addBatchCommand } from './batch-command.js';
import { addUnknownCommand } from './unknown-command.js';
import { addQueueCommands } from './queue-command.js';

// The pipeline, grammars and writers are imported inside the commands that use them, so that
// --version, --help, causes and explain start without loading them (bench/startup measures it).

// commander hands options over untyped; each action reads what it declared
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Opts = Record<string, any>;

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };

function write(text: string | Buffer): Promise<void> {
  return new Promise((resolve) => { if (process.stdout.write(text)) resolve(); else process.stdout.once('drain', resolve); });
}

export function buildProgram(): Command {
  const program = new Command('azlog')
    .description('Tells why an Azure VM backup failed, from a support bundle (.tgz, .zip, directory or log file).')
    .version(pkg.version, '-V, --version')
    .exitOverride();

  addOutputOptions(addLimitOptions(program.command('analyze')
    .description('verdict, evidence with file:line and the fix for one bundle')
    .argument('<bundle>', 'a .tgz/.tar/.zip bundle, a directory, a single log file, or - to read a bundle from stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'md', 'csv', 'html']).default('text'))
    .addOption(new Option('--lang <lang>', 'language of text, md and html (default: from the locale)').choices(['en', 'ja']))
    .option('-e, --error-code <code>', 'the error code (or message) the Backup job showed; causes are then checked in its order')))
    .action(async (bundle: string, o: Opts) => {
      warnNoRedact(o.redact === false);
      const lang = pickLang(o.lang);
      const progress = new ProgressLine(o.progress !== false && Boolean(process.stderr.isTTY));
      if (bundle === '-' && process.stdin.isTTY) throw new UsageError('analyze -: stdin is a terminal; pipe a bundle in (azlog analyze - < bundle.tgz)');
      const { analyzeWithInventory } = await import('../analyze.js');
      pinYoungGeneration(); // after the pipeline's modules have loaded (process-memory.ts)
      const { report, timeline } = await analyzeWithInventory(bundle === '-' ? process.stdin : bundle, {
        errorCode: o.errorCode || undefined, limits: limitsFrom(o), noRedact: o.redact === false, timeline: o.format === 'html',
        progress: (r, t, e) => progress.update(bytesProgress(r, t, e)),
        ...(bundle === '-' ? { displayPath: 'stdin' } : {}),
      });
      progress.done();
      if (report.verdict.reasons.some((m) => m.id === 'reason.unknown-code')) process.stderr.write(`azlog: warning: unknown error code ${o.errorCode}; the symptom is inferred (see \`azlog causes --symptoms\`)\n`);
      switch (o.format) {
        case 'json': await write(JSON.stringify(report, null, 2) + '\n'); break;
        case 'md': await write((await import('../report/markdown.js')).renderMarkdown(report, lang)); break;
        case 'csv': { const { BUNDLE_COLUMNS, bundleRow, csvText } = await import('../report/csv.js'); await write(csvText(BUNDLE_COLUMNS, [bundleRow(report, { path: report.bundle.path })], { excel: Boolean(o.excel) })); break; }
        case 'html': await write((await import('../report/html.js')).renderHtml(report, lang, timeline)); break;
        default: await write((await import('../report/text.js')).renderText(report, { lang, color: useColor(), width: terminalWidth() }));
      }
      for (const p of problemLines(report, lang)) process.stderr.write(`azlog: ${p}\n`);
      process.exitCode = report.problems.length ? EXIT.PARTIAL : EXIT.OK;
    });

  addOutputOptions(addLimitOptions(program.command('timeline')
    .description('every event of every log in the bundle, merged in UTC')
    .argument('<bundle>', 'a bundle, directory or log file')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'csv', 'jsonl']).default('text'))
    .option('--since <time>', 'only events at or after this time (ISO-8601; without a zone it is UTC; a date alone: from its start)')
    .option('--until <time>', 'only events at or before this time (ISO-8601; without a zone it is UTC; a date alone: to its end)')
    .option('--level <levels>', 'only these levels (comma list of verbose,info,warning,error)')
    .option('--kind <kinds>', 'only these kinds or kind prefixes (comma list, e.g. waagent.http,vmsnapshot)')
    .option('--file <text>', 'only files whose path contains this text')
    .option('--kinds', 'instead of the events, list the kinds found (with the filters above) and how many of each')))
    .action(async (bundle: string, o: Opts) => {
      if (bundle === '-') throw new UsageError('timeline -: reading a bundle from stdin is not supported; save it to a file first');
      warnNoRedact(o.redact === false);
      const [{ timeline, timelineKinds }, { parseBound }, { iso }] = await Promise.all([
        import('../timeline/timeline.js'), import('../timeline/range.js'), import('../parse/time.js')]);
      const filter: TimelineFilter = {};
      if (o.since) filter.since = parseBound('since', o.since);
      if (o.until) filter.until = parseBound('until', o.until);
      if (filter.since !== undefined && filter.until !== undefined && filter.since > filter.until) {
        process.stderr.write(`azlog: warning: --since ${iso(filter.since)} is after --until ${iso(filter.until)}: no event can match\n`);
      }
      if (o.level) {
        const levels = String(o.level).split(',').map((s) => s.trim().toLowerCase());
        for (const l of levels) if (!['verbose', 'info', 'warning', 'error'].includes(l)) throw new UsageError(`--level: unknown level ${l}`);
        filter.levels = new Set(levels as Level[]);
      }
      if (o.kind) filter.kinds = String(o.kind).split(',').map((s) => s.trim()).filter(Boolean);
      if (o.file) filter.file = o.file;
      // events stream to stdout as they are read: on a shared terminal the bar would split them, and the rows show progress anyway
      const progress = new ProgressLine(o.progress !== false && Boolean(process.stderr.isTTY) && !process.stdout.isTTY);
      const scan = { limits: limitsFrom(o), progress: (r: number, t: number, e: string) => progress.update(bytesProgress(r, t, e)) };
      let result;
      if (o.kinds) {
        const r = await timelineKinds(bundle, filter, scan);
        progress.done();
        result = r.result;
        for (const [kind, n] of [...r.kinds].sort((x, y) => x[0].localeCompare(y[0]))) await write(`${kind.padEnd(40)} ${n}\n`);
      } else {
        result = await timeline(bundle, (chunk) => write(chunk), { format: o.format, filter, noRedact: o.redact === false, excel: Boolean(o.excel), scan });
        progress.done();
      }
      if (result.events === 0 && (filter.since !== undefined || filter.until !== undefined)) {
        const span = result.span ? `the events that pass the other filters run from ${iso(result.span[0])} to ${iso(result.span[1])}` : 'no event has a time';
        process.stderr.write(`azlog: warning: no event between ${iso(filter.since ?? null) ?? 'the start'} and ${iso(filter.until ?? null) ?? 'the end'} (UTC); ${span}\n`);
      }
      // paths inside an archive are the customer's text: redacted as the events are
      const { redact } = await import('../report/redact.js');
      for (const p of result.inventory.problems) process.stderr.write(`azlog: ${o.redact === false ? problemText(p) : redact(problemText(p))}\n`);
      process.exitCode = result.inventory.problems.length ? EXIT.PARTIAL : EXIT.OK;
    });

  program.command('causes')
    .description('list every documented cause (and, with --symptoms, the symptom codes and their order)')
    .addOption(new Option('--lang <lang>', 'language').choices(['en', 'ja']))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--symptoms', 'list symptom codes and the order in which their causes are checked')
    .action(async (o: Opts) => {
      const lang = pickLang(o.lang);
      if (o.symptoms) {
        if (o.format === 'json') { await write(JSON.stringify(SYMPTOMS, null, 2) + '\n'); return; }
        for (const s of SYMPTOMS) await write(`${s.code}\n  ${s.message[lang]}\n  ${s.causes.join(' → ')}\n`);
        return;
      }
      if (o.format === 'json') {
        await write(JSON.stringify(CAUSES.map((c) => ({ id: c.id, title: c.title, fix: c.fix, docs: c.docs, symptoms: c.symptoms, needs: c.needs, os: c.os })), null, 2) + '\n');
        return;
      }
      for (const c of CAUSES) await write(`${c.id.padEnd(34)} ${causeTitle(c.id, lang)}\n`);
    });

  program.command('explain')
    .description('print one cause: what it is, what the bundle shows, the fix and its doc')
    .argument('<cause>', 'a cause id, in any case (see azlog causes)')
    .addOption(new Option('--lang <lang>', 'language').choices(['en', 'ja']))
    .action(async (given: string, o: Opts) => {
      const id = given.trim().toLowerCase() as CauseId;
      const c = CAUSE_IDS.includes(id) ? CAUSES.find((x) => x.id === id) : undefined;
      if (!c) {
        const near = closest(given, CAUSE_IDS);
        throw new UsageError(`unknown cause: ${given}${near.length ? `; did you mean ${near.join(', ')}?` : ''} (see azlog causes)`);
      }
      const lang = pickLang(o.lang);
      const rows: [Parameters<typeof tr>[1], string][] = [
        ['explain.fix', causeFix(id, lang)], ['explain.docs', localizeDocs(causeDocs(id), lang)], ['explain.symptoms', c.symptoms.join(', ') || '-'],
        ['explain.reads', c.needs.join(', ') || '-'], ['explain.manual', causeManual(id, lang)],
      ];
      await write(`${id}: ${causeTitle(id, lang)}\n\n${rows.map(([k, v]) => `${tr(lang, k)}: ${v}`).join('\n')}\n`);
    });

  addBatchCommand(program);
  addUnknownCommand(program);
  addQueueCommands(program);
  // commander's usage errors: one `azlog:` line that points at the command's own help
  const every = (c: Command): Command[] => [c, ...c.commands.flatMap(every)]; // `queue submit` too
  const path = (c: Command): string => (c.parent ? `${path(c.parent)} ${c.name()}` : 'azlog');
  for (const cmd of every(program)) {
    const hint = `${path(cmd)} --help`;
    cmd.configureOutput({ outputError: (str, write) => write(`azlog: ${str.replace(/^error:\s*/, '').replace(/\s+/g, ' ').trim()} (see ${hint})\n`) });
  }
  return program;
}

export async function main(argv: string[]): Promise<number> {
  manageProcessMemory();
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.OK;
  } catch (e) {
    if (e instanceof CommanderError) {
      // plain `azlog` prints the usage as an error (exit code 1 from commander): a usage error
      if (e.code === 'commander.help' && e.exitCode !== 0) return EXIT.USAGE;
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.OK;
      return EXIT.USAGE;
    }
    if (e instanceof UsageError) { process.stderr.write(`azlog: ${e.message}\n`); return EXIT.USAGE; }
    if (e instanceof BundleError) { process.stderr.write(`azlog: ${e.message}\n`); return EXIT.UNREADABLE; }
    if (e instanceof LimitError) { process.stderr.write(`azlog: ${e.message}\n`); return EXIT.PARTIAL; }
    if (e instanceof RedisUnavailableError) { process.stderr.write(`azlog: ${e.message}\n`); return EXIT.UNAVAILABLE; }
    if ((e as NodeJS.ErrnoException)?.code === 'EPIPE') return EXIT.OK;
    // a file that cannot be read or written (an output folder that does not exist): words, not errno codes
    const io = e as NodeJS.ErrnoException;
    if (io?.code && io.syscall && io.path) { process.stderr.write(`azlog: ${fsError(io.path, io)}\n`); return EXIT.UNREADABLE; }
    process.stderr.write(`azlog: internal error: ${(e as Error)?.message ?? String(e)} (set AZLOG_DEBUG=1 for details; please report it)\n`);
    if (process.env.AZLOG_DEBUG) process.stderr.write(`${(e as Error)?.stack}\n`);
    return EXIT.INTERNAL;
  }
}
