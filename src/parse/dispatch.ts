/** Drives the right grammar over one bundle entry and hands every event to a sink. */
import type { Readable } from 'node:stream';
import type { Event, Message } from '../model/types.js';
import { problem } from '../messages/problems.js';
import type { ArtifactKind } from '../ingest/catalogue.js';
import { RecordAssembler, type FileContext, type LineGrammar } from './records.js';
import { splitLines } from './lines.js';
import { sieveLines, type PlainSink } from './sieve.js';
import { withoutGrepPrefix } from './grep-prefix.js';
import { drain, readCapped } from '../ingest/streams.js';
import { waagentGrammar } from '../../grammars/waagent.js';
import { extensionLogGrammar, shellLogGrammar } from '../../grammars/vmsnapshot.js';
import { kernelGrammar, syslogGrammar } from '../../grammars/syslog.js';
import { parseAgentXml } from '../../grammars/agent-state.js';
import {
  parseAgentErrorJson, parseHandlerState, parseHandlerStatus, parsePrepostConfig, parseSettingsFile, parseStatusFile, parseWaagentStatus,
} from '../../grammars/extension-state.js';
import {
  genericGrammar, parseDhcpLease, parseTimezone, parseVmbackupConf, parseWaagentConf, resultsGrammar, windowsAgentGrammar,
} from '../../grammars/system-files.js';
import { fileEvent } from './records.js';

const LINE_GRAMMARS: Partial<Record<ArtifactKind, LineGrammar>> = {
  'waagent-log': waagentGrammar,
  'command-execution-log': waagentGrammar,
  'vmsnapshot-log': extensionLogGrammar,
  'vmsnapshot-shell-log': shellLogGrammar,
  syslog: syslogGrammar,
  'kernel-log': kernelGrammar,
  'collector-results': resultsGrammar,
  'windows-agent-log': windowsAgentGrammar,
  'windows-vmsnapshot-log': genericGrammar,
  'extension-log': genericGrammar,
};

type WholeFileParser = (text: string, file: string) => Event[];

const FILE_PARSERS: Partial<Record<ArtifactKind, WholeFileParser>> = {
  'goal-state': parseAgentXml,
  'extensions-config': parseAgentXml,
  'hosting-config': parseAgentXml,
  'shared-config': parseAgentXml,
  'ovf-env': parseAgentXml,
  'extension-status': parseStatusFile,
  'windows-status': parseStatusFile,
  'extension-settings': parseSettingsFile,
  'handler-state': parseHandlerState,
  'handler-status': parseHandlerStatus,
  'waagent-status': parseWaagentStatus,
  'agent-error': parseAgentErrorJson,
  'waagent-conf': parseWaagentConf,
  'vmbackup-conf': parseVmbackupConf,
  'prepost-config': parsePrepostConfig,
  'dhcp-lease': parseDhcpLease,
  'disable-agent': (_t, f) => [fileEvent(f, 'agent.disable-file', null, 'none', 'disable_agent marker present: the agent sleeps forever', {}, 'warning')],
};

/** Whole-file artifacts are small by nature; larger ones are refused rather than buffered. */
export const MAX_STATE_FILE_BYTES = 16 * 1024 * 1024;

/** The kinds of the records a grammar's sieve only counts (SieveSpec.plainKind), over all grammars. */
export const SIEVE_PLAIN_KINDS: readonly string[] = [...new Set(Object.values(LINE_GRAMMARS).flatMap((g) => (g?.sieve ? [g.sieve.plainKind] : [])))];

export interface ParseStats { lines: number; events: number; unparsed: number; longLines: number; note: Message | null }

/**
 * Parses one entry. With `plain`, a grammar that has a sieve leaves its plain and deferred records
 * there instead of emitting them (analyze, and timelines whose filters drop them); without it every
 * record becomes an Event (timeline, and the full-grammar reference the fast path is checked against).
 */
export async function parseEntry(kind: ArtifactKind | null, stream: Readable, ctx: FileContext, maxLineChars: number, emit: (e: Event) => void, plain?: PlainSink): Promise<ParseStats> {
  const stats: ParseStats = { lines: 0, events: 0, unparsed: 0, longLines: 0, note: null };
  const count = (e: Event) => { stats.events++; if (e.kind === 'unparsed') stats.unparsed++; emit(e); };
  const grammar = kind ? LINE_GRAMMARS[kind] : undefined;
  if (grammar) {
    const asm = new RecordAssembler(grammar, ctx, count);
    // both readers get the same lines: a grep prefix is off them before either splits them
    const lines = withoutGrepPrefix(stream, (l) => grammar.header(l, ctx) !== null);
    if (grammar.sieve && plain) {
      const s = await sieveLines(lines, { ...grammar, sieve: grammar.sieve }, ctx, maxLineChars, asm, plain);
      stats.lines = s.lines; stats.longLines = s.longLines; stats.events += s.plain + s.deferred;
    } else {
      stats.lines = await splitLines(lines, maxLineChars, {
        line: (t, n) => asm.line(t, n),
        longLine: () => { stats.longLines++; },
      });
      asm.flush();
    }
    if (stats.longLines) stats.note = problem('long-lines', ctx.file, { count: stats.longLines, max: maxLineChars });
    return stats;
  }
  if (kind === 'timezone') {
    const data = await readCapped(stream, 1 << 20);
    if (data) for (const e of parseTimezone(data, ctx.file)) count(e);
    return stats;
  }
  const parser = kind ? FILE_PARSERS[kind] : undefined;
  if (!parser) {
    await drain(stream);
    return stats;
  }
  const text = (await readCapped(stream, MAX_STATE_FILE_BYTES))?.toString('utf8') ?? null;
  if (text === null) {
    stats.note = problem('state-file-too-large', ctx.file, { max: MAX_STATE_FILE_BYTES, kind: kind ?? '' });
    return stats;
  }
  stats.lines = text.split('\n').length;
  for (const e of parser(text, ctx.file)) count(e);
  return stats;
}
