/**
 * The message catalogue: every text a rule or the verdict can emit exists in English and Japanese,
 * renders with no placeholder left, and the Japanese is polite and free of English words (ids,
 * paths, codes, commands and product names aside).
 */
import test from 'ava';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/analyze.js';
import { SCENARIOS } from '../samples/scenarios.js';
import { CAUSES } from '../src/causes/index.js';
import { appliesTo, bundleOs } from '../src/causes/cause.js';
import { has, idsOf, render, type Lang } from '../src/messages/catalogue.js';
import { causeFix, causeManual, causeTitle, findingNote, message } from '../src/messages/findings.js';
import { FINDINGS_EN } from '../src/messages/findings.en.js';
import { FINDINGS_JA } from '../src/messages/findings.ja.js';
import type { Message, Report } from '../src/model/types.js';
import { ROOT, sampleDir } from './helpers.js';

const LANGS: Lang[] = ['en', 'ja'];
const UNFILLED = /\{@?\w+\}/;

let reports: Promise<Report[]> | null = null;
/** The report of every sample bundle (scenarios, shapes and the Windows bundle). */
function sampleReports(): Promise<Report[]> {
  reports ??= (async () => {
    const dir = await sampleDir();
    const out: Report[] = [];
    for (const s of SCENARIOS) out.push(await analyze(join(dir, `${s.name}.tgz`), { errorCode: s.expect.errorCode }));
    for (const f of readdirSync(join(dir, 'shapes'))) out.push(await analyze(join(dir, 'shapes', f)));
    return out;
  })();
  return reports;
}

/** The text of the TypeScript files in a source folder, or of one file. */
function source(path: string): string {
  if (path.endsWith('.ts')) return readFileSync(join(ROOT, path), 'utf8');
  return readdirSync(join(ROOT, path)).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(ROOT, path, f), 'utf8')).join('\n');
}

test('every note and reason in the sample reports exists in both languages and renders completely', async (t) => {
  const notes: Message[] = [];
  for (const r of await sampleReports()) notes.push(...r.findings.map((f) => f.note), ...r.verdict.reasons);
  t.true(notes.length > 100);
  for (const note of notes) {
    for (const lang of LANGS) {
      for (const id of idsOf(note, lang)) t.true(has(lang, id), `${id} missing in ${lang}`);
      t.notRegex(render(note, lang), UNFILLED, `${note.id} (${lang})`);
    }
  }
  t.false(notes.some((n) => n.id === 'legacy'), 'no rule speaks in English sentences any more');
});

test('the summary of every finding is the English rendering of its note', async (t) => {
  for (const r of await sampleReports()) {
    for (const f of r.findings) t.is(f.summary, findingNote(f, 'en'));
  }
});

test('every finding id written in a cause file and every reason id of the verdict is in both tables', (t) => {
  const causes = source('src/causes');
  const literal = [...causes.matchAll(/'(finding\.[a-z0-9.-]+[a-z0-9])'/g)].map((m) => m[1]!);
  // ids built at run time: their fixed prefix must name entries
  const prefixes = [...causes.matchAll(/`(finding\.[a-z0-9.-]+)\$\{/g)].map((m) => m[1]!);
  const reasons = [...`${source('src/verdict')}${source('src/analyze.ts')}`.matchAll(/id: '(reason\.[a-z-]+)'/g)].map((m) => m[1]!);
  t.true(literal.length > 80 && reasons.length >= 11);
  for (const id of [...literal, ...reasons, 'finding.rule-failed']) {
    for (const lang of LANGS) t.true(has(lang, id), `${id} missing in ${lang}`);
  }
  for (const p of prefixes) t.true(Object.keys(FINDINGS_JA).some((k) => k.startsWith(p)), `no entry starts with ${p}`);
});

test('every cause has a title, a fix and a manual check for each OS it applies to, in both languages', (t) => {
  for (const c of CAUSES) {
    t.true(c.os.length > 0, c.id);
    for (const lang of LANGS) {
      t.notRegex(causeTitle(c.id, lang), UNFILLED);
      for (const os of c.os) {
        for (const text of [causeFix(c.id, lang, os), causeManual(c.id, lang, os)]) {
          t.false(text.startsWith('cause.'), `${c.id} ${os} ${lang}: ${text}`);
          t.notRegex(text, UNFILLED, `${c.id} ${os} ${lang}`);
        }
      }
    }
  }
});

test('a Windows bundle gets no Linux fix, and Linux-only causes do not apply to it', async (t) => {
  const windows = (await sampleReports()).find((r) => r.bundle.kind === 'windows')!;
  t.is(bundleOs(windows.bundle.kind), 'windows');
  const linuxOnly = CAUSES.filter((c) => !appliesTo(c, 'windows')).map((c) => c.id);
  t.true(linuxOnly.includes('extensions-disabled') && linuxOnly.includes('fsfreeze-failed'));
  t.false(appliesTo(CAUSES.find((c) => c.id === 'snapshot-sql-vss')!, 'linux'));
  for (const c of CAUSES.filter((x) => appliesTo(x, 'windows'))) {
    for (const lang of LANGS) t.notRegex(causeFix(c.id, lang, 'windows'), /waagent|\/etc\/|systemctl/, `${c.id} (${lang})`);
  }
  // without an OS, a fix that differs by OS names both
  t.regex(causeFix('agent-unresponsive', 'en'), /On Linux: .*systemctl.* On Windows: .*Guest Agent/);
});

test('composite notes join their parts per language, and a parameter naming an id renders that message', (t) => {
  const note = { id: 'finding.no-network.failures', parts: [
    { id: 'finding.no-network.failure', params: { target: 'finding.no-network.target.hostplugin', how: 'finding.no-network.how.timeout', count: 3 } },
    { id: 'finding.no-network.retried' },
  ] };
  t.is(message(note, 'en'), 'connection failures: host plugin 168.63.129.16:32526 — timed out (packets dropped: NSG/firewall) (3×); each was retried successfully');
  const ja = message(note, 'ja');
  t.regex(ja, /ホスト プラグイン 168\.63\.129\.16:32526/);
  t.regex(ja, /3 回/);
  t.notRegex(ja, /host plugin|retried|;/);
});

/** Words a Japanese text may hold in Latin letters: product, service and command names. */
const ALLOWED = new Set(['azlog', 'Linux', 'Windows', 'Azure', 'Python', 'Microsoft', 'Ubuntu', 'Debian', 'SQL', 'Server', 'Storage', 'Monitor',
  'Service', 'Health', 'Site', 'Recovery', 'Backup', 'Guest', 'Agent', 'Framework', 'portal', 'openssl', 'iptables', 'netplan', 'ifcfg',
  'fsck', 'syslog', 'root', 'zip', 'waagent', 'walinuxagent', 'iaasvmprovider', 'isanysnapshotfailed', 'geo', 'n', 'mount', 'thumbprint',
  'true', 'false', 'Ready', 'Not']);

/** The Latin words of a Japanese text that are not an id, path, code, command or product name. */
function englishWords(text: string): string[] {
  const rest = text
    .replace(/`[^`]*`/g, ' ') // commands
    .replace(/\{@?\w+\}/g, ' ') // placeholders
    .split(/[\s、。()（）「」[\]:,・]+/)
    // paths, dotted names, settings, ids and commands with hyphens or underscores, codes with digits (5xx, dhcp4)
    .filter((tok) => !/[/\\.=_$<>*\d-]/.test(tok));
  return rest.flatMap((tok) => tok.match(/[A-Za-z][A-Za-z0-9]*/g) ?? [])
    // acronyms (NSG, TLS) and CamelCase names (WireServer, VMSnapshot)
    .filter((w) => !/^[A-Z]+$/.test(w) && !(/[A-Z]/.test(w.slice(1)) && /[a-z]/.test(w)) && !ALLOWED.has(w));
}

test('the Japanese table has no English words and every entry differs from the English', (t) => {
  for (const [id, text] of Object.entries(FINDINGS_JA)) {
    t.deepEqual(englishWords(text), [], `${id}: ${text}`);
    const en = FINDINGS_EN[id as keyof typeof FINDINGS_EN];
    // product names and addresses read the same in both languages
    if (!/\.target\.(wireserver|storage)$|^parts\.separator$|\.signs$/.test(id)) t.not(text, en, id);
  }
  t.deepEqual(englishWords('the agent log を確認してください'), ['the', 'agent', 'log'], 'the check itself catches English');
});

test('the Japanese is in one polite register: sentences end in です・ます, titles too', (t) => {
  const POLITE = /(です|ます|ません|ました|でした|ください)/;
  for (const [id, text] of Object.entries(FINDINGS_JA)) {
    // fragments rendered inside a sentence (targets, mechanisms), separators and pure compositions
    if (/\.(target|how)\.|^parts\.separator$|^cause\.(fix|manual)\.both$/.test(id) || /\}$/.test(text)) continue;
    if (id.endsWith('.title')) {
      t.regex(text, POLITE, id);
      t.false(text.endsWith('。'), id);
      continue;
    }
    t.true(text.endsWith('。'), `${id} ends a sentence`);
    for (const sentence of text.split('。').filter((s) => s.trim())) t.regex(sentence, POLITE, `${id}: ${sentence}`);
  }
});
