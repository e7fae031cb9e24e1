/**
 * What a folder holds: bundle archives side by side (several VMs' uploads, for `azlog batch`) or
 * an unpacked bundle tree (one bundle, for `azlog analyze`).
 */
import { classify } from './catalogue.js';

/** Archives that `batch` takes from a directory. */
export const BUNDLE_GLOB = '**/*.{tgz,tar.gz,tar,zip,gz,TGZ,ZIP}';
/** Archives that are whole bundles (a lone `.gz` is usually a rotated log; `history/` zips are goal states). */
const ARCHIVE = /\.(tgz|tar\.gz|tar|zip)$/i;

export interface FolderContents {
  /** Bundle archives below the folder (relative paths, sorted). */
  archives: string[];
  /** Files of a known artifact kind outside any archive: the folder is an unpacked bundle. */
  artifacts: number;
  files: number;
}

export async function folderContents(dir: string): Promise<FolderContents> {
  const fg = (await import('fast-glob')).default; // loaded for folders only, not at start-up
  const files = (await fg('**/*', { cwd: dir, dot: true, onlyFiles: true, followSymbolicLinks: false, suppressErrors: true })).sort();
  const archives = files.filter((f) => ARCHIVE.test(f) && !/(^|\/)history\//.test(f));
  const artifacts = files.filter((f) => !ARCHIVE.test(f) && classify(f) !== null).length;
  return { archives, artifacts, files: files.length };
}

/** Several archives and no unpacked artifacts: uploads of several bundles, not one bundle. */
export function holdsSeveralBundles(c: FolderContents): boolean {
  return c.archives.length >= 2 && c.artifacts === 0;
}
