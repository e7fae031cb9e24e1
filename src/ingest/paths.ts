/** Entry path normalisation: make customer-chosen layouts comparable. */

/** Removes `./`, leading `/`, drive letters and `..` segments; backslashes become slashes. */
export function normalizeEntryPath(raw: string): string {
  const parts: string[] = [];
  for (const seg of raw.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (parts.length === 0 && /^[A-Za-z]:$/.test(seg)) continue; // drive letter
    if (seg === '..') { parts.pop(); continue; }
    parts.push(seg);
  }
  return parts.join('/');
}

/** Folder names at which a bundle's real file system tree begins. */
const ROOTS = new Set(['var', 'etc', 'run', 'opt', 'WindowsAzure', 'Packages', 'sos_commands']);

/**
 * The path as it was on the VM (without the folder the customer tarred it in):
 * `ticket-1234/var/log/waagent.log` → `var/log/waagent.log`. Log-collector names like
 * `truncated_var_log_syslog.1` are unflattened. Paths with no known root stay as they are.
 */
export function logicalPath(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (base.startsWith('truncated_')) return unflattenTruncated(base.slice('truncated_'.length));
  const segs = path.split('/');
  for (let i = 0; i < segs.length - 1; i++) {
    if (ROOTS.has(segs[i]!)) return segs.slice(i).join('/');
  }
  // C:\WindowsAzure\Logs\… sometimes arrives as Logs/… only
  return path;
}

function unflattenTruncated(flat: string): string {
  const known = ['var_log_azure_', 'var_lib_waagent_', 'var_log_', 'etc_'];
  for (const prefix of known) {
    if (!flat.startsWith(prefix)) continue;
    const dir = prefix.slice(0, -1).replace(/_/g, '/');
    const rest = flat.slice(prefix.length);
    if (prefix === 'var_log_azure_' || prefix === 'var_lib_waagent_') {
      const cut = rest.indexOf('_');
      return cut > 0 ? `${dir}/${rest.slice(0, cut)}/${rest.slice(cut + 1)}` : `${dir}/${rest}`;
    }
    return `${dir}/${rest}`;
  }
  return flat;
}

export function joinNested(outer: string, inner: string): string {
  return outer ? `${outer}!${inner}` : inner;
}

/** Archive type by name, or null for a plain file. */
export function archiveTypeByName(name: string): 'tgz' | 'tar' | 'zip' | 'gz' | null {
  const n = name.toLowerCase();
  if (n.endsWith('.tar.gz') || n.endsWith('.tgz')) return 'tgz';
  if (n.endsWith('.tar')) return 'tar';
  if (n.endsWith('.zip')) return 'zip';
  if (n.endsWith('.gz')) return 'gz';
  return null;
}

/** Archive type by magic bytes (for uploads without a meaningful name). */
export function archiveTypeByMagic(head: Buffer): 'gzip' | 'zip' | 'tar' | null {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5)) return 'zip';
  if (head.length >= 262 && head.toString('latin1', 257, 262) === 'ustar') return 'tar';
  return null;
}

/** Whether decompressed data is a tar: its magic, or (for an empty tar, all zero blocks) its name. */
export function looksLikeTar(head: Buffer, name: string): boolean {
  if (archiveTypeByMagic(head) === 'tar') return true;
  const emptyTar = head.length >= 512 && head.subarray(0, 512).every((b) => b === 0);
  return emptyTar && archiveTypeByName(name) === 'tgz';
}
