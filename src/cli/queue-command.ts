/** `azlog queue submit|status|export` and `azlog worker`: the ticket queue on Redis (BullMQ). */
import { Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import { checkQueueName, DEFAULT_QUEUE, DEFAULT_REDIS_URL } from '../queue/names.js';
import { addLimitOptions, checkErrorCodeOption, limitsFrom, positive } from './options.js';

// BullMQ, ioredis and the pipeline are imported inside the actions: `azlog --help` stays light

// commander hands options over untyped; each action reads what it declared
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Opts = Record<string, any>;

function addConnectionOptions(cmd: Command): Command {
  return cmd
    .option('--redis <url>', `Redis URL: redis://[user:password@]host:port[/db], rediss:// for TLS (default: AZLOG_REDIS_URL, else ${DEFAULT_REDIS_URL})`)
    .option('--queue <name>', 'queue name: separate queues share one Redis', DEFAULT_QUEUE);
}

const say = (line: string) => process.stderr.write(`azlog: ${line}\n`);

export function addQueueCommands(program: Command): void {
  const queue = program.command('queue').description('a ticket queue on Redis, analysed by `azlog worker` processes on any number of machines');

  addConnectionOptions(queue.command('submit')
    .description('queue bundles (paths every worker can read, or http(s):// URLs) for the workers')
    .argument('[inputs...]', 'bundle files, directories holding bundles, globs (quote them) or URLs')
    .option('-m, --manifest <file>', 'CSV with columns ticket, bundle (path or URL), error_code (optional)')
    .option('-e, --error-code <code>', 'error code applied to every bundle without one in the manifest')
    .option('--attempts <n>', 'runs of a failing bundle before it is recorded as an error row', '3'))
    .action(async (args: string[], o: Opts) => {
      const [{ gatherInputs }, { redisTarget }, { withQueue }, { submit }] = await Promise.all([
        import('../batch/batch.js'), import('../queue/connection.js'), import('../queue/session.js'), import('../queue/submit.js')]);
      const target = redisTarget(o.redis);
      const name = checkQueueName(o.queue);
      const attempts = positive('attempts', o.attempts, 3);
      checkErrorCodeOption(o.errorCode);
      const notes: string[] = [];
      const inputs = await gatherInputs(args, { manifest: o.manifest as string | undefined, errorCode: o.errorCode as string | undefined, urls: true }, notes);
      if (!inputs.length) throw new UsageError(`no bundles to queue: ${notes.join('; ') || 'nothing was given'} (pass bundle files, folders of bundles, globs, URLs or --manifest)`);
      for (const n of notes) say(`warning: ${n}`);
      const s = await withQueue(target, name, (q, client) => submit(q, client, inputs, { attempts, backoffMs: 2000, onWarning: (t) => say(`warning: ${t}`) }));
      const extra = [s.resubmitted ? `${s.resubmitted} already submitted (no second row)` : '', s.retried ? `${s.retried} failed before and queued again` : '',
        s.rejected ? `${s.rejected} with an unknown error code (an error row each)` : ''].filter(Boolean);
      process.stdout.write(`${s.tickets} tickets: ${s.queued} bundles queued, ${s.known} already known${extra.length ? `; ${extra.join(', ')}` : ''}\n`);
    });

  addConnectionOptions(queue.command('status')
    .description('waiting, active, done and failed bundles, the rate, and the oldest waiting one')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text')))
    .action(async (o: Opts) => {
      const [{ redisTarget }, { withQueue }, { queueStatus, renderStatus }] = await Promise.all([
        import('../queue/connection.js'), import('../queue/session.js'), import('../queue/status.js')]);
      const target = redisTarget(o.redis);
      const s = await withQueue(target, checkQueueName(o.queue), (q, client) => queueStatus(q, client, target.shown));
      process.stdout.write(o.format === 'json' ? JSON.stringify(s, null, 2) + '\n' : renderStatus(s));
    });

  addConnectionOptions(queue.command('export')
    .description('one row per submitted ticket whose bundle is finished: the columns and escaping of `azlog batch`')
    .option('--csv <file>', 'write one row per ticket here (default: stdout)')
    .option('--findings-csv <file>', 'write one row per finding here')
    .option('--jsonl <file>', 'write the full report of each ticket here, one per line')
    .option('--since <time>', 'only rows that became final at or after this ISO time, UTC unless it names a zone (submitted or analysed)')
    .option('--excel', 'add a BOM so Excel reads UTF-8'))
    .action(async (o: Opts) => {
      const [{ redisTarget }, { withQueue }, { exportRows }, { parseBound }] = await Promise.all([
        import('../queue/connection.js'), import('../queue/session.js'), import('../queue/export.js'), import('../timeline/range.js')]);
      const target = redisTarget(o.redis);
      // as timeline's: ISO-8601, a time without a zone is UTC (the times exported are UTC)
      const since = o.since === undefined ? undefined : parseBound('since', o.since);
      const s = await withQueue(target, checkQueueName(o.queue), (q, client) => exportRows(q, client, {
        csv: o.csv, findingsCsv: o.findingsCsv, jsonl: o.jsonl, since, excel: Boolean(o.excel), out: (t) => process.stdout.write(t),
      }));
      say(`${s.tickets} tickets: ${s.rows} rows exported (${s.errors} with an error)${s.skipped ? `, ${s.skipped} older than --since` : ''}, ${s.pending} not finished yet`);
    });

  addLimitOptions(addConnectionOptions(program.command('worker')
    .description('analyse bundles from the queue until SIGTERM/SIGINT (run one or more on each machine)')
    .option('-c, --concurrency <n>', 'bundles analysed at a time, each in its own worker process', '1')
    .option('--lock-duration <seconds>', 'a job whose worker stops renewing its lock this long (killed, frozen) goes back to the queue', '30')
    .option('--until-empty', 'exit when nothing is waiting or running (for a batch job that drains the queue)')))
    .action(async (o: Opts) => {
      const [{ redisTarget }, { runWorker }] = await Promise.all([import('../queue/connection.js'), import('../queue/worker.js')]);
      const target = redisTarget(o.redis);
      const lockSeconds = positive('lock-duration', o.lockDuration, 30);
      if (lockSeconds < 5) throw new UsageError('--lock-duration: at least 5 seconds (the lock is renewed every half of it)');
      const code = await runWorker({
        queue: checkQueueName(o.queue), target, concurrency: positive('concurrency', o.concurrency, 1), limits: limitsFrom(o),
        lockMs: lockSeconds * 1000, untilEmpty: Boolean(o.untilEmpty), log: say,
      });
      process.exitCode = code;
      // stopped while Redis was away, BullMQ's clients may still be trying to reconnect: go anyway
      setTimeout(() => process.exit(code), 3000).unref();
    });
}
