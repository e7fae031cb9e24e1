/**
 * Secrets never leave: SAS signatures and query strings, protected settings, PEM blocks and
 * private keys, passwords and tokens are replaced before any writer sees the text. Certificate
 * thumbprints are kept (they identify, they do not unlock).
 */
/** [pattern, replacement, cheap gate: the rule can only match when the gate does]. */
const RULES: [RegExp, string, RegExp][] = [
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
  [/\b(?=[A-Za-z0-9+/]{120,}={0,2})(?![0-9A-Fa-f]+\b)[A-Za-z0-9+/]{120,}={0,2}/g, '[redacted-base64]', /[A-Za-z0-9+/]{120}/],
];

export function redact(text: string): string {
  let out = text;
  for (const [re, rep, gate] of RULES) if (gate.test(out)) out = out.replace(re, rep);
  return out;
}

export const samples = [
  ['https://md-x.blob.core.windows.net/c/abcd?sv=2018-03-28&sr=b&sig=AbC%2Bdef&se=2024-06-11', 'https://md-x.blob.core.windows.net/c/abcd?[redacted]'],
  ['{"protectedSettingsCertThumbprint":"ABCDEF0123456789ABCDEF0123456789ABCDEF01","protectedSettings":"MIIBxyz=="}', '{"protectedSettingsCertThumbprint":"ABCDEF0123456789ABCDEF0123456789ABCDEF01","protectedSettings":"[redacted]"}'],
  ['OS.RootDeviceScsiTimeout=300 Provisioning.Password=hunter2', 'OS.RootDeviceScsiTimeout=300 Provisioning.Password=[redacted]'],
] as const;
