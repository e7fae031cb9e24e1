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
  // ... and a key's last body lines before its end when the text starts inside the key (quoted context lines)
  [/(^|\n)(?:[A-Za-z0-9+/=]{16,}\n)+(?=-----END [A-Z0-9 ]*PRIVATE KEY-----)/g, '$1[redacted]\n', /-----END/],
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

/**
 * Lines quoted together (the context around an event) redacted as one text, so that a key's body
 * line, base64 like any other on its own, is known by the marker beside it.
 */
export function redactLines(lines: readonly string[], clean: (s: string) => string): string[] {
  return lines.length ? clean(lines.join('\n')).split('\n') : [];
}

export function redact(text: string): string {
  if (!ANY_GATE.test(text) && !hasRun(text, 120)) return text;
  let out = text;
  for (const [re, rep, gate] of RULES) if (typeof gate === 'function' ? gate(out) : gate.test(out)) out = out.replace(re, rep);
  return out;
}

export const samples = [
  ['https://md-x.blob.core.windows.net/c/abcd?sv=2018-03-28&sr=b&sig=AbC%2Bdef&se=2024-06-11', 'https://md-x.blob.core.windows.net/c/abcd?[redacted]'],
  ['{"protectedSettingsCertThumbprint":"ABCDEF0123456789ABCDEF0123456789ABCDEF01","protectedSettings":"MIIBxyz=="}', '{"protectedSettingsCertThumbprint":"ABCDEF0123456789ABCDEF0123456789ABCDEF01","protectedSettings":"[redacted]"}'],
  ['OS.RootDeviceScsiTimeout=300 Provisioning.Password=hunter2', 'OS.RootDeviceScsiTimeout=300 Provisioning.Password=[redacted]'],
  ['2024-06-11T03:13:02.1Z ERROR ExtHandler Failed\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----', '2024-06-11T03:13:02.1Z ERROR ExtHandler Failed\n[redacted]\n-----END PRIVATE KEY-----'],
] as const;
