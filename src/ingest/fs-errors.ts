/** File-system errors in words a person reads: never an errno code such as ENOENT or EACCES. */
import type { Message } from '../model/types.js';
import { knownErrno, problem, problemText } from '../messages/problems.js';

/** What went wrong, without the path: an errno error as words, any other error as its message. */
export function describe(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (knownErrno(code)) return problemText({ id: `problem.fs.${code}` });
  // Node's messages read "CODE: text, syscall 'path'": keep the text
  const msg = e instanceof Error ? e.message : String(e);
  return msg.replace(/^E[A-Z]+:\s*/, '').replace(/, \w+ '[^']*'(?: -> '[^']*')?$/, '');
}

/** "no such file: PATH", "permission denied: PATH", or "PATH: what went wrong", as a message. */
export function fsProblem(path: string, e: unknown): Message {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return knownErrno(code) ? problem('fs', path, { how: `problem.fs.${code}` }) : problem('fs-other', path, { detail: describe(e) });
}

/** fsProblem in English (the one-line errors the CLI prints). */
export function fsError(path: string, e: unknown): string {
  return problemText(fsProblem(path, e));
}
