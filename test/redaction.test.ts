/** Secrets fed into a bundle never appear in any output format. */
import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tgzBuffer } from '../samples/pack.js';
import { SCENARIOS } from '../samples/scenarios.js';
import { g4, JOB_TIME } from './secrets-fixture.js';
import { azlog, tmp, writeBundle } from './helpers.js';
import { redactLines } from '../src/report/redact.js';

const SECRETS = ['sig=S3cr3tSignature%2Bxyz', 'SUPERSECRETPROTECTED', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7', 'hunter2-password', 'tok-998877'];

async function secretBundle(): Promise<string> {
  const base = SCENARIOS.find((s) => s.name === 'status-upload-failed')!.files;
  const log = String(base['var/log/waagent.log']) + [
    g4(JOB_TIME + 60_000, 'ERROR', 'Event: name=WALinuxAgent, op=ExtensionProcessing, message=Failed to report vm agent status: [ProtocolError] Failed to upload status blob via either channel: [HTTP Failed] PUT https://md-x.blob.core.windows.net/$system/vm.status?sv=2018-03-28&sr=b&sig=S3cr3tSignature%2Bxyz&se=2024-06-12 [403: Forbidden], duration=0'),
    g4(JOB_TIME + 61_000, 'ERROR', 'Event: name=WALinuxAgent, op=ExtensionProcessing, message=Failed to report vm agent status: settings {"protectedSettings":"SUPERSECRETPROTECTED","snapshotTaskToken":"tok-998877"} failed via either channel, duration=0'),
    g4(JOB_TIME + 62_000, 'ERROR', 'ExtHandler', 'Failed to upload status blob via either channel: key -----BEGIN PRIVATE KEY-----'),
    // a command line the grammar keeps as an attribute too (CalledProcessError: the command string)
    g4(JOB_TIME + 63_000, 'ERROR', 'ExtHandler', 'CalledProcessError.  Command string was curl -s https://x.blob.core.windows.net/c/f?sv=1&sig=S3cr3tSignature%2Bxyz'),
    g4(JOB_TIME + 64_000, 'ERROR', 'ExtHandler', 'CalledProcessError.  Command string was chpasswd password=hunter2-password'),
    'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7',
    '-----END PRIVATE KEY-----',
  ].join('\n') + '\n';
  const files = { ...base, 'var/log/waagent.log': log, 'etc/waagent.conf': String(base['etc/waagent.conf']) + 'Provisioning.Password=hunter2-password\n' };
  return writeBundle(tmp(), 'secrets.tgz', await tgzBuffer(files));
}

test('no secret in text, json, md, csv, html, timeline or batch outputs', async (t) => {
  const path = await secretBundle();
  const outputs: Record<string, string> = {};
  for (const f of ['text', 'json', 'md', 'csv', 'html']) outputs[`analyze ${f}`] = azlog(['analyze', path, '-f', f]).stdout;
  for (const f of ['text', 'jsonl', 'csv']) outputs[`timeline ${f}`] = azlog(['timeline', path, '-f', f]).stdout;
  const dir = tmp();
  azlog(['batch', path, '--csv', join(dir, 'b.csv'), '--jsonl', join(dir, 'b.jsonl'), '--findings-csv', join(dir, 'f.csv'), '--no-progress']);
  for (const f of ['b.csv', 'b.jsonl', 'f.csv']) outputs[`batch ${f}`] = readFileSync(join(dir, f), 'utf8');
  const report = JSON.parse(outputs['analyze json']!);
  t.is(report.verdict.cause, 'status-upload-failed');
  const f = report.findings.find((x: { cause: string }) => x.cause === 'status-upload-failed');
  t.true(f.evidence.some((e: { text: string }) => /\?\[redacted\]/.test(e.text)), 'the SAS line is cited, redacted');
  t.regex(outputs['timeline jsonl']!, /BEGIN PRIVATE KEY----- \[redacted\]/);
  // the command is an attribute as well as the message, redacted in both
  t.regex(outputs['timeline jsonl']!, /"attrs":\{[^}]*"command":"curl -s https:\/\/x\.blob\.core\.windows\.net\/c\/f\?\[redacted\]"/);
  for (const [name, text] of Object.entries(outputs)) {
    t.true(text.length > 100, `${name} produced output`);
    for (const s of SECRETS) t.false(text.includes(s), `${name} leaks ${s}`);
  }
});

test('--no-redact keeps secrets and says so on stderr', async (t) => {
  const r = azlog(['timeline', await secretBundle(), '-f', 'jsonl', '--no-redact']);
  t.regex(r.stderr, /^azlog: warning: --no-redact: secrets .* may appear in the output$/m);
  t.true(r.stdout.includes('S3cr3tSignature'));
});

test('context lines around a key: its body lines are redacted one for one, whatever their length, in linear time', (t) => {
  const body = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7';
  t.deepEqual(redactLines([body, body, 'LASTQ5w==', '-----END PRIVATE KEY-----', '2024-06-11T03:13:02.1Z INFO ExtHandler next']),
    ['[redacted]', '[redacted]', '[redacted]', '-----END PRIVATE KEY-----', '2024-06-11T03:13:02.1Z INFO ExtHandler next']);
  t.deepEqual(redactLines(['2024-06-11T03:13:02.1Z ERROR ExtHandler key -----BEGIN RSA PRIVATE KEY-----', body, 'Q5w==']),
    ['2024-06-11T03:13:02.1Z ERROR ExtHandler key -----BEGIN RSA PRIVATE KEY----- [redacted]', '[redacted]', '[redacted]']);
  // a certificate's body is public, and a base64 line away from any key marker is left as it is
  t.deepEqual(redactLines([body, '-----END CERTIFICATE-----']), [body, '-----END CERTIFICATE-----']);
  // many END markers each after thousands of base64 lines: one pass, not one per line
  const big = Array.from({ length: 20 }, () => [...Array<string>(2000).fill(body), '-----END PRIVATE KEY-----']).flat();
  const started = performance.now();
  const out = redactLines(big);
  t.true(performance.now() - started < 2000);
  t.is(out.length, big.length);
  t.false(out.includes(body));
});
