/**
 * What went wrong while reading a bundle (an entry skipped, an archive cut short, a limit reached),
 * in English and Japanese, registered in the shared catalogue under `problem.`. The English is the
 * text of the report's `problems` (unchanged since it became public); parameters hold paths and
 * the libraries' own error texts, which are shown as they are.
 */
import type { Message, Report } from '../model/types.js';
import { register, render, type Lang } from './catalogue.js';

const EN: Record<string, string> = {
  'problem.limit': '{entry}: {@detail} (limit {limit}; raise it with {option})',
  'problem.limit.maxInflatedBytes': 'bundle inflates past {max} bytes',
  'problem.limit.maxEntries': 'more than {max} entries',
  'problem.limit.maxDepth': 'archive nested deeper than {max} levels, skipped',
  'problem.limit.maxNestedZipBytes': 'nested zip larger than {max} bytes',
  'problem.archive-skipped': '{entry}: {@damage}; the rest of this archive was skipped',
  'problem.cut-short': '{entry}: {@damage}; the report covers the entries read before it — ask for a complete upload',
  'problem.damage.truncated': 'archive truncated after entry {after}',
  'problem.damage.corrupt': 'archive corrupt ({detail}) after entry {after}',
  'problem.damage.zip-broken': 'zip broken after entry {after}: {detail}',
  'problem.damage.not-zip': 'not a readable zip ({detail})',
  'problem.damage.after': '{detail} after entry {after}',
  'problem.damage.other': '{detail}',
  'problem.entry-type': '{entry}: {type} entry skipped (only regular files are read)',
  'problem.unsafe-path': '{entry}: unsafe path {raw} read as {name}',
  'problem.entry-unreadable': '{entry}: entry unreadable ({detail}), skipped',
  'problem.entry-damaged': '{entry}: {detail}',
  'problem.long-lines': '{entry}: {count} line(s) longer than {max} characters were cut (limit maxLineBytes)',
  'problem.state-file-too-large': '{entry}: larger than {max} bytes for a {kind} file, skipped',
  'problem.fs': '{@how}: {entry}',
  'problem.fs-other': '{entry}: {detail}',
  'problem.fs.ENOENT': 'no such file',
  'problem.fs.EACCES': 'permission denied',
  'problem.fs.EPERM': 'permission denied',
  'problem.fs.EISDIR': 'is a directory',
  'problem.fs.ENOTDIR': 'no such file (a part of the path is not a directory)',
  'problem.fs.ELOOP': 'too many symbolic links',
  'problem.fs.EMFILE': 'too many open files',
  'problem.fs.ENFILE': 'too many open files',
  'problem.fs.EIO': 'input/output error',
  'problem.fs.ENAMETOOLONG': 'file name too long',
  'problem.fs.ENOSPC': 'no space left on the device',
  'problem.fs.EROFS': 'read-only file system',
};

const JA: Record<string, string> = {
  'problem.limit': '{entry}: {@detail} (上限 {limit}。{option} で引き上げられます)',
  'problem.limit.maxInflatedBytes': '展開後のサイズが {max} バイトを超えました',
  'problem.limit.maxEntries': 'エントリが {max} 個を超えました',
  'problem.limit.maxDepth': 'アーカイブの入れ子が {max} 段を超えたため読み飛ばしました',
  'problem.limit.maxNestedZipBytes': '入れ子の zip が {max} バイトを超えています',
  'problem.archive-skipped': '{entry}: {@damage}。このアーカイブの残りは読み飛ばしました',
  'problem.cut-short': '{entry}: {@damage}。レポートはそれまでに読めたエントリだけを対象にしています。完全なアップロードを依頼してください',
  'problem.damage.truncated': 'アーカイブがエントリ {after} の後で途切れています',
  'problem.damage.corrupt': 'アーカイブがエントリ {after} の後で壊れています ({detail})',
  'problem.damage.zip-broken': 'zip がエントリ {after} の後で壊れています: {detail}',
  'problem.damage.not-zip': '読める zip ではありません ({detail})',
  'problem.damage.after': 'エントリ {after} の後で: {detail}',
  'problem.damage.other': '{detail}',
  'problem.entry-type': '{entry}: 種類 {type} のエントリは読み飛ばしました (通常のファイルだけを読みます)',
  'problem.unsafe-path': '{entry}: 安全でないパス {raw} を {name} として読みました',
  'problem.entry-unreadable': '{entry}: エントリを読めないため読み飛ばしました ({detail})',
  'problem.entry-damaged': '{entry}: {detail}',
  'problem.long-lines': '{entry}: {max} 文字を超える {count} 行を切り詰めました (上限 maxLineBytes)',
  'problem.state-file-too-large': '{entry}: {kind} のファイルとしては {max} バイトより大きいため読み飛ばしました',
  'problem.fs': '{@how}: {entry}',
  'problem.fs-other': '{entry}: {detail}',
  'problem.fs.ENOENT': 'ファイルがありません',
  'problem.fs.EACCES': 'アクセスが拒否されました',
  'problem.fs.EPERM': 'アクセスが拒否されました',
  'problem.fs.EISDIR': 'ディレクトリです',
  'problem.fs.ENOTDIR': 'ファイルがありません (パスの途中がディレクトリではありません)',
  'problem.fs.ELOOP': 'シンボリック リンクが多すぎます',
  'problem.fs.EMFILE': '開いているファイルが多すぎます',
  'problem.fs.ENFILE': '開いているファイルが多すぎます',
  'problem.fs.EIO': '入出力エラーです',
  'problem.fs.ENAMETOOLONG': 'ファイル名が長すぎます',
  'problem.fs.ENOSPC': 'デバイスに空き領域がありません',
  'problem.fs.EROFS': '読み取り専用のファイル システムです',
};

register('en', EN);
register('ja', JA);

/** A problem as a catalogue message; the entry (a path in the bundle) is always its `entry` parameter. */
export function problem(id: string, entry: string, params: Record<string, string | number> = {}): Message {
  return { id: `problem.${id}`, params: { entry, ...params } };
}

/** A problem's English text: what the report's `problems`, CSV and thrown errors carry. */
export function problemText(m: Message): string {
  return render(m, 'en');
}

/** Whether the catalogue has words for this errno code. */
export function knownErrno(code: string | undefined): code is string {
  return code !== undefined && `problem.fs.${code}` in EN;
}

/** A report's problems in a language: from its messages when it has them (reports stored before them hold English text only). */
export function problemLines(r: Pick<Report, 'problems' | 'problemMessages'>, lang: Lang): string[] {
  const m = r.problemMessages;
  return m && m.length === r.problems.length ? m.map((p) => render(p, lang)) : r.problems;
}
