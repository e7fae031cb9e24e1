/** File-system errors in words a person reads: never an errno code such as ENOENT or EACCES. */

const WORDS: Record<string, string> = {
  ENOENT: 'no such file', EACCES: 'permission denied', EPERM: 'permission denied', EISDIR: 'is a directory',
  ENOTDIR: 'no such file (a part of the path is not a directory)', ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files', ENFILE: 'too many open files', EIO: 'input/output error', ENAMETOOLONG: 'file name too long',
  ENOSPC: 'no space left on the device', EROFS: 'read-only file system',
};

/** What went wrong, without the path: an errno error as words, any other error as its message. */
export function describe(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code && WORDS[code]) return WORDS[code];
  // Node's messages read "CODE: text, syscall 'path'": keep the text
  const msg = e instanceof Error ? e.message : String(e);
  return msg.replace(/^E[A-Z]+:\s*/, '').replace(/, \w+ '[^']*'(?: -> '[^']*')?$/, '');
}

/** "no such file: PATH", "permission denied: PATH", or "PATH: what went wrong". */
export function fsError(path: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code && WORDS[code] ? `${WORDS[code]}: ${path}` : `${path}: ${describe(e)}`;
}
