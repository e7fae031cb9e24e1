/** Terminal columns: what a line occupies on screen, and wrapping measured that way. */
import test from 'ava';
import fc from 'fast-check';
import { clip, displayWidth, wrap } from '../src/report/width.js';

test('visible columns: colour codes none, Japanese and fullwidth two, combining marks none', (t) => {
  t.is(displayWidth('\x1b[1mVerdict:\x1b[0m'), 8);
  t.is(displayWidth('判定: 確定'), 10);
  t.is(displayWidth('ＡＢ'), 4);
  t.is(displayWidth('e\u0301'), 1);
});

test('wrap: every line fits, words and commands stay whole, nothing is lost', (t) => {
  const text = '\x1b[1mFix:\x1b[0m Delete the numbered cache files with `sudo rm -f /var/lib/waagent/*.[0-9]*.xml`, restart the agent, then run the backup again.';
  const out = wrap(text, 40, '  ');
  for (const l of out.split('\n')) t.true(displayWidth(l) <= 40 || /`/.test(l), l);
  t.true(out.split('\n').some((l) => l.includes('`sudo rm -f /var/lib/waagent/*.[0-9]*.xml`')), out);
  t.is(out.replace(/\s+/g, ' ').trim(), text.replace(/\s+/g, ' '));
  const ja = wrap('対処: WALinuxAgent をディストリビューションのリポジトリから更新し、動作していることを確認してください。', 30, '  ');
  for (const l of ja.split('\n')) t.true(displayWidth(l) <= 30, l);
  t.false(ja.split('\n').some((l) => /^\s*[、。]/.test(l)), 'no line starts with 、 or 。');
});

test('wrap: closing punctuation after a Latin word stays with it (a handler name that ends a Japanese sentence)', (t) => {
  // the sentence azext-217 gave under --lang ja at 80 columns: the name filled the line and 。 began the next
  const body = '失敗している拡張機能があります: Microsoft.OSTCExtensions.VMAccessForLinux。次の文です。';
  for (let width = 40; width <= 100; width++) {
    for (const out of [wrap(body, width, '  ', '根拠: '), wrap(`根拠: ${body}`, width, '  ')]) {
      t.false(out.split('\n').some((l) => /^\s*[、。」）]/.test(l)), `${width}: ${out}`);
      t.is(out.replace(/\s+/g, '').replace(/^根拠:/, ''), body.replace(/\s+/g, ''), `${width}: nothing lost`);
    }
  }
});

test('wrap keeps a path or URL longer than a line whole; clip cuts with …', (t) => {
  const url = 'https://learn.microsoft.com/azure/backup/backup-azure-troubleshoot-vm-backup-fails-snapshot-timeout';
  t.true(wrap(`docs: ${url}`, 40, '  ').includes(url));
  t.is(clip('abcdefghij', 5), 'abcd…');
  t.is(displayWidth(clip('判定判定判定', 7)), 7);
});

test('property: wrapped lines fit whenever no single word is wider than a line', (t) => {
  fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom('判定', 'ログ', 'バックアップ'), fc.string({ minLength: 1, maxLength: 12 }).map((s) => s.replace(/[\s`\x00-\x1f\x7f/:]/g, 'x'))), { maxLength: 40 }), fc.integer({ min: 20, max: 100 }), (words, width) => {
    const out = wrap(words.join(' '), width, '  ');
    return out.split('\n').every((l) => displayWidth(l) <= width);
  }));
  t.pass();
});
