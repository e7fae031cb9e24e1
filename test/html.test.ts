/** The HTML report: self-contained, escaped, and working in a real browser (Debian's Chromium). */
import test from 'ava';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { tgzBuffer } from '../samples/pack.js';
import { SCENARIOS } from '../samples/scenarios.js';
import { g4 } from '../samples/logs.js';
import { azlog, ROOT, sampleDir, tmp, writeBundle } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.log('html: /usr/bin/chromium is absent (apt-get install chromium): the browser tests are skipped');
const browserTest = hasChromium ? test : test.skip;
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function report(bundle: string, lang = 'en'): Promise<string> {
  const r = azlog(['analyze', bundle, '-f', 'html', '--lang', lang]);
  if (r.code !== 0) throw new Error(r.stderr);
  const file = join(tmp(), 'report.html');
  writeFileSync(file, r.stdout);
  return file;
}

async function xssBundle(): Promise<string> {
  const base = SCENARIOS.find((s) => s.name === 'fsfreeze-timeout')!.files;
  const evil = [
    g4(Date.UTC(2024, 5, 11, 3, 13), 'ERROR', 'ExtHandler', 'ExtHandler', 'Error fetching the goal state: <script>window.__xss=1</script> [HTTP Failed] GET http://168.63.129.16/machine/ -- IOError timed out -- 6 attempts made'),
    g4(Date.UTC(2024, 5, 11, 3, 14), 'WARNING', 'ExtHandler', 'ExtHandler', 'Fetch failed: </script><img src=x onerror="window.__xss=2"> \u2028 <!-- -- IOError timed out'),
  ];
  const files = { ...base, 'var/log/waagent.log': String(base['var/log/waagent.log']) + evil.join('\n') + '\n' };
  return writeBundle(tmp(), '<b>evil</b>.tgz', await tgzBuffer(files));
}

test('the page is self-contained: no external script, style, font or image', async (t) => {
  const html = readFileSync(await report(join(await sampleDir(), 'fsfreeze-timeout.tgz')), 'utf8');
  t.false(/<script[^>]+src=|<link[^>]+href=|<img[^>]+src=["']?http|@import|url\(http/i.test(html));
  t.regex(html, /Content-Security-Policy" content="default-src 'none'/);
  t.regex(html, /<h1>Verdict: A file system could not be frozen or thawed/);
});

test('bytes from the bundle are escaped: log lines holding HTML stay text', async (t) => {
  const html = readFileSync(await report(await xssBundle()), 'utf8');
  t.false(html.includes('<script>window.__xss'));
  t.false(html.includes('<img src=x'));
  t.false(html.includes('<b>evil</b>'));
  t.regex(html, /&lt;b&gt;evil&lt;\/b&gt;\.tgz/);
});

browserTest('in Chromium: verdict, timeline marks, click reveals the cited line; screenshot saved', async (t) => {
  const file = await report(join(await sampleDir(), 'fsfreeze-timeout.tgz'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href);
    t.regex(await page.locator('#verdict h1').innerText(), /A file system could not be frozen or thawed for the snapshot/);
    const data = JSON.parse(await page.locator('#azlog-data').textContent() ?? '{}');
    const [from, to] = data.focus as [number, number];
    const expected = data.marks.filter((m: { t: number }) => m.t >= from && m.t <= to).length;
    t.true(expected > 3);
    t.is(await page.locator('#chart .mark').count(), expected, 'one mark per event in the zoomed window');
    t.is(await page.locator('#count').innerText(), String(expected));
    t.true(await page.locator('#chart .heartbeat').count() > 0, 'agent activity drawn');
    t.is(await page.locator('#chart rect.job').count(), 1, 'the job window is shaded');
    const cited = data.marks.find((m: { kind: string; text: string }) => m.kind === 'vmsnapshot.freeze.failed' && /took longer than timeout/.test(m.text));
    // a real click at the mark: marks close in time overlap, and the panel lists every mark under the pointer
    await page.locator(`#chart .mark[data-id="${cited.id}"]`).click({ force: true });
    t.true((await page.locator('#detail .loc').allInnerTexts()).includes(`${cited.file}:${cited.line}`));
    t.true((await page.locator('#detail mark').allInnerTexts()).some((s) => /freeze took longer than timeout/.test(s)));
    // the lines around the cited one, numbered as in the file
    const detail = await page.locator('#detail').innerText();
    t.true(detail.includes(`${cited.line - 1}: , timedout :True`), detail.slice(0, 400));
    await page.locator('#all').click();
    t.true(await page.locator('#chart .mark').count() >= expected, 'whole-bundle view shows at least as many marks');
    mkdirSync(join(ROOT, 'test', 'artifacts'), { recursive: true });
    await page.locator('#zoom').click();
    await page.screenshot({ path: join(ROOT, 'test', 'artifacts', 'report.png'), fullPage: true });
    t.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

browserTest('in Chromium: script and markup from log lines are shown as text, never run', async (t) => {
  const file = await report(await xssBundle(), 'ja');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href);
    const data = JSON.parse(await page.locator('#azlog-data').textContent() ?? '{}');
    const evil = data.marks.find((m: { text: string }) => m.text.includes('<script>window.__xss=1</script>'));
    t.truthy(evil, 'the hostile line is in the data as text');
    await page.locator('#all').click();
    await page.locator(`#chart .mark[data-id="${evil.id}"]`).click({ force: true });
    t.true((await page.locator('#detail mark').allInnerTexts()).some((s) => s.includes('<script>window.__xss=1</script>')));
    t.is(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
    t.is(await page.locator('img').count(), 0);
    t.regex(await page.locator('#verdict h1').innerText(), /^判定:/);
  } finally {
    await browser.close();
  }
});
