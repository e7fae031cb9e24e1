/**
 * Secrets never leave: SAS signatures and query strings, protected settings, PEM blocks and
 * private keys, passwords and tokens are replaced before any writer sees the text. Certificate
 * thumbprints are kept (they identify, they do not unlock).
 */
/** [pattern, replacement, cheap gate: the rule can only match when the gate does]. */
const RULES: [RegExp, string, RegExp | ((s: string) => boolean)][] = [
  // PEM blocks (certificates and keys): keep the armour, drop the body
  [/-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g, '-----BEGIN $1----- [redacted] -----END $1-----', /-----BEGIN/],
  [/-----BEGIN ([A-Z0-9 ]*PRIVATE KEY)-----[\s\S]*/g, '-----BEGIN $1----- [redacted]', /-----BEGIN/],
  // protectedSettings values, JSON or XML-escaped JSON
  [/("protectedSettings"\s*:\s*)"[^"]*"/gi, '$1"[redacted]"', /protectedSettings/i],
  [/(&quot;protectedSettings&quot;\s*:\s*)&quot;.*?&quot;/gi, '$1&quot;[redacted]&quot;', /protectedSettings/i],
  [/(protectedSettings=)[^\s&,]+/gi, '$1[redacted]', /protectedSettings/i],
  // SAS: any query string carrying a signature, then stray signature parameters
  [/\?(?=[^\s"'<>]*\b(?:sig|se|sv|sp|st|skoid|sktid|skn)=)[^\s"'<>]*/gi, '?[redacted]', /\?/],
  [/\b(sig|sas|snapshotTaskToken|token|access_token|AccountKey|SharedAccessKey|client_secret)=([^\s&"';,]+)/gi, '$1=[redacted]', /sig=|sas=|token=|key=|secret=/i],
  [/("(?:snapshotTaskToken|token|password|secret|storageAccountKey|sasToken|sasUri)"\s*:\s*)"[^"]*"/gi, '$1"[redacted]"', /token"|password"|secret"|key"|sas(?:token|uri)"/i],
  // passwords in configs and command lines
  [/\b((?:[\w.]*pass(?:word|wd)?|[\w.]*secret)\s*[=:]\s*)(?!\[redacted\])[^\s,;'"]+/gi, '$1[redacted]', /pass|secret/i],
  // long base64 blobs (encrypted settings, PKCS#7) — not thumbprints (40 hex) or GUIDs
  [/\b(?=[A-Za-z0-9+/]{120,}={0,2})(?![0-9A-Fa-f]+\b)[A-Za-z0-9+/]{120,}={0,2}/g, '[redacted-base64]', (s) => hasRun(s, 120)],
];

/**
 * The regex gates above in one: a rule can only match when this does, so most log text is let
 * through after one scan. Made from the gates, so a new rule cannot be missed (case-insensitive:
 * it may pass more, never less).
 */
const ANY_GATE = new RegExp(RULES.flatMap(([, , gate]) => (gate instanceof RegExp ? [gate.source] : [])).join('|'), 'i');

/** The base64 alphabet (A–Z a–z 0–9 + /) by character code. */
const BASE64 = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') BASE64[c.charCodeAt(0)] = 1;

/**
 * Whether `s` holds `n` base64 characters in a row, in one pass: the regex /[A-Za-z0-9+/]{120}/
 * starts again at every position of a long path-like run, which made it quadratic.
 */
function hasRun(s: string, n: number): boolean {
  if (s.length < n) return false;
  for (let i = 0, run = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128 && BASE64[c]) { if (++run >= n) return true; } else run = 0;
  }
  return false;
}

/**
 * An event's attributes with every text value passed through `clean`: a parsed command line or
 * URL can hold the secret its message held. The same object when nothing changed.
 */
export function redactAttrs<A extends Record<string, unknown>>(attrs: A, clean: (s: string) => string): A {
  let copy: Record<string, unknown> | null = null;
  for (const k in attrs) {
    const v = attrs[k];
    if (typeof v !== 'string') continue;
    const c = clean(v);
    if (c !== v) (copy ??= { ...attrs })[k] = c;
  }
  return (copy ?? attrs) as A;
}

const KEY_BEGIN = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;
const KEY_END = /-----END [A-Z0-9 ]*PRIVATE KEY-----/;
const BASE64_LINE = /^\s*[A-Za-z0-9+/=]+\s*$/;

/**
 * Blanks in `out` the lines of `lines` that are a private key's body: the lines of base64 next to a
 * key's BEGIN or END marker, whatever their length (a body line alone is base64 like any other; the
 * text may hold only the key's tail). Linear: each walk stops at the first line that is not base64,
 * which no other walk crosses.
 */
function blankKeyBodies(lines: readonly string[], out: string[]): void {
  for (let i = 0; i < lines.length; i++) {
    if (KEY_END.test(lines[i]!)) for (let j = i - 1; j >= 0 && BASE64_LINE.test(lines[j]!); j--) out[j] = '[redacted]';
    if (KEY_BEGIN.test(lines[i]!) && !KEY_END.test(lines[i]!)) for (let j = i + 1; j < lines.length && BASE64_LINE.test(lines[j]!); j++) out[j] = '[redacted]';
  }
}

/** Lines quoted around an event (its context), redacted one for one, a key's body known by the marker beside it. */
export function redactLines(lines: readonly string[]): string[] {
  const out = lines.map(redact);
  blankKeyBodies(lines, out);
  return out;
}

export function redact(text: string): string {
  if (!ANY_GATE.test(text) && !hasRun(text, 120) && !text.includes('-----END')) return text;
  let out = text;
  for (const [re, rep, gate] of RULES) if (typeof gate === 'function' ? gate(out) : gate.test(out)) out = out.replace(re, rep);
  // a key's tail without its BEGIN (a record that starts inside the key): its body lines, by the END beside them
  if (out.includes('-----END')) {
    const lines = out.split('\n');
    blankKeyBodies(lines, lines);
    out = lines.join('\n');
  }
  return out;
}

export const samples = [
  ['https://md-x.blob.core.windows.net/c/abcd?sv=2018-03-28&sr=b&sig=AbC%2Bdef&se=2024-06-11', 'https://md-x.blob.core.windows.net/c/abcd?[redacted]'],
  ['{"protectedSettingsCertThumbprint":"ABCDEF0123456789ABCDEF0123456789ABCDEF01","protectedSettings":"MIIBxyz=="}', '{"protectedSettingsCertThumbprint":"ABCDEF0123456789ABCDEF0123456789ABCDEF01","protectedSettings":"[redacted]"}'],
  ['OS.RootDeviceScsiTimeout=300 Provisioning.Password=hunter2', 'OS.RootDeviceScsiTimeout=300 Provisioning.Password=[redacted]'],
] as const;
