/**
 * Turns a log line into a template: the variable parts (times, GUIDs, hex, addresses, URLs, paths,
 * versions, numbers) become placeholders, so lines that differ only in them fall together.
 * Order matters: wider shapes are masked before the numbers inside them.
 */
const MASKS: [RegExp, string][] = [
  // times first: they hold digits, dashes, slashes and colons every later mask would split
  [/\b\d{4}[-/]\d{2}[-/]\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?/g, '<time>'],
  [/\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} \d{2}:\d{2}:\d{2}(?: [AP]M)?(?: [A-Z]{3,4})? \d{4}/g, '<time>'],
  [/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} \d{2}:\d{2}:\d{2}/g, '<time>'],
  [/\b\d{4}[-/]\d{2}[-/]\d{2}\b/g, '<date>'],
  [/\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b/g, '<time>'],
  [/\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g, '<guid>'],
  [/\bhttps?:\/\/[^\s'"<>\])},]+/g, '<url>'],
  // a path: two or more slash-separated parts (a lone "/" or "a/b" in prose stays)
  [/(?:^|(?<=[\s'"(=:[]))(?:\.{0,2}\/[\w.@+-]+){2,}\/?|(?:^|(?<=[\s'"(=:[]))\/[\w.@+-]+\/?(?=[\s'",)\]:]|$)/g, '<path>'],
  // a version looks like an address: the word before it tells them apart
  [/(?<=(?:[-_]|[Vv]ersion:? ?|\bv))\d+(?:\.\d+)+\b/g, '<ver>'],
  [/(?<![-\w.])\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, '<ip>'],
  [/\b0x[0-9a-fA-F]+\b/g, '<hex>'],
  [/\b(?=[0-9a-fA-F]*\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}\b/g, '<hex>'],
  [/\b\d+(?:\.\d+){2,}\b/g, '<ver>'],
  [/(?<![\w<])-?\d+(?:\.\d+)?(?![\w>])/g, '<n>'],
];

export function templateOf(line: string): string {
  let t = line.trim();
  for (const [re, sub] of MASKS) t = t.replace(re, sub);
  return t.replace(/\s+/g, ' ');
}

/** Lines and the template each must give (checked by test/unknown.test.ts). */
export const samples: [string, string][] = [
  ['2019-06-12T09:20:21.123456Z took 1234 ms', '<time> took <n> ms'],
  ['Thu May 21 05:04:31 PM UTC 2026- 1 returned from handle.py', '<time>- <n> returned from handle.py'],
  ['Agent 5940AE0A-F20C-4BE2-8B5A-3C12605F955F sent to 168.63.129.16:32526', 'Agent <guid> sent to <ip>'],
  ['GET http://168.63.129.16/machine/?comp=goalstate failed', 'GET <url> failed'],
  ['File "/var/lib/waagent/WALinuxAgent-2.2.45/bin/x.py", line 42, in run', 'File "<path>", line <n>, in run'],
  ['open /dev/sda1 failed', 'open <path> failed'],
  ['thumbprint 3AF2C0F1D4E5B6A7 version 2.2.45.1', 'thumbprint <hex> version <ver>'],
  ['Agent WALinuxAgent-2.11.1.4 is running', 'Agent WALinuxAgent-<ver> is running'],
  ['code 0x80070005 in blob md-abc123', 'code <hex> in blob md-abc123'],
];
