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
  t.regex(html, /^<p class="outcome" id="outcome">Outcome: found — /m);
});

test('bytes from the bundle are escaped: log lines holding HTML stay text', async (t) => {
  const html = readFileSync(await report(await xssBundle()), 'utf8');
  t.false(html.includes('<script>window.__xss'));
  t.false(html.includes('<img src=x'));
  t.false(html.includes('<b>evil</b>'));
  t.regex(html, /&lt;b&gt;evil&lt;\/b&gt;\.tgz/);
});

/** A bundle whose agent logs a burst of errors two seconds apart during the job. */
async function burstBundle(): Promise<string> {
  const base = SCENARIOS.find((s) => s.name === 'fsfreeze-timeout')!.files;
  const burst = Array.from({ length: 12 }, (_, i) => g4(Date.UTC(2024, 5, 11, 3, 14, 2 * i), 'ERROR', 'ExtHandler', 'ExtHandler', `Error fetching the goal state: [HTTP Failed] GET http://168.63.129.16/machine/ -- IOError timed out -- attempt ${i}`));
  const files = { ...base, 'var/log/waagent.log': String(base['var/log/waagent.log']) + burst.join('\n') + '\n' };
  return writeBundle(tmp(), 'burst.tgz', await tgzBuffer(files));
}

browserTest('in Chromium: verdict card, clustered marks with counts, click reveals the cited line', async (t) => {
  const file = await report(await burstBundle());
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href);
    t.regex(await page.locator('#outcome').innerText(), /^Outcome: found — /);
    t.regex(await page.locator('#verdict h1').innerText(), /A file system could not be frozen or thawed for the snapshot/);
    t.regex(await page.locator('#verdict .job').innerText(), /^Backup job: 2024-06-11T03:12:35\.000Z → .*taskId e07354cf/);
    t.regex(await page.locator('#verdict .bar-label').innerText(), /^confidence 0\.\d\d \(confirmed\)$/);
    t.regex(await page.locator('#verdict .bar').getAttribute('aria-label') ?? '', /^confidence 0\.\d\d/);
    const data = JSON.parse(await page.locator('#azlog-data').textContent() ?? '{}');
    const [from, to] = data.focus as [number, number];
    const expected = data.marks.filter((m: { t: number }) => m.t >= from && m.t <= to).length;
    t.true(expected > 12);
    // marks seconds apart are one mark with their count; the counts add up to every event in the window
    const counts = (await page.locator('#chart .mark').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count')))));
    t.is(counts.reduce((a, b) => a + b, 0), expected);
    t.true(counts.length < expected, 'some marks were clustered');
    t.true(Math.max(...counts) >= 12, 'the burst of 12 errors is one mark');
    t.true((await page.locator('#chart text.count').allTextContents()).some((x) => Number(x) >= 12), 'its count is written on it');
    t.is(await page.locator('#count').innerText(), String(expected));
    t.true(await page.locator('#chart .heartbeat').count() > 0, 'agent activity drawn');
    t.is(await page.locator('#chart rect.job').count(), 1, 'the job window is shaded');
    // clicking the burst lists all twelve lines, and the tooltip does not cover the path shown
    const burstMark = page.locator('#chart .mark').nth(counts.indexOf(Math.max(...counts)));
    await burstMark.hover({ force: true });
    t.true(await page.locator('#tip').isVisible());
    t.regex(await page.locator('#tip').innerText(), /waagent\.log:\d+/, 'the tooltip names the file and line');
    await burstMark.click({ force: true });
    t.false(await page.locator('#tip').isVisible(), 'the tooltip goes when the mark is clicked');
    t.true((await page.locator('#detail mark').allInnerTexts()).filter((s) => /IOError timed out -- attempt \d+/.test(s)).length >= 12);
    // the cited freeze line, and the lines around it numbered as in the file
    const cited = data.marks.find((m: { kind: string; text: string }) => m.kind === 'vmsnapshot.freeze.failed' && /took longer than timeout/.test(m.text));
    await page.locator(`#chart .mark[data-ids~="${cited.id}"]`).click({ force: true });
    const detail = await page.locator('#detail').innerText();
    t.true(detail.includes(`${cited.file}:${cited.line}`), detail.slice(0, 400));
    t.true(detail.includes(`${cited.line - 1}: , timedout :True`), detail.slice(0, 400));
    await page.locator('#all').click();
    t.true(await page.locator('#chart .mark').count() >= 1);
    t.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

browserTest('in Chromium: marks are reached with Tab and opened with Enter', async (t) => {
  const file = await report(join(await sampleDir(), 'fsfreeze-timeout.tgz'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
    await page.goto(pathToFileURL(file).href);
    let focused = '';
    for (let i = 0; i < 60 && focused !== 'mark'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.getAttribute('class') ?? '');
    }
    t.is(focused, 'mark', 'a mark takes the keyboard focus');
    t.regex(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''), /UTC .+:\d+|UTC \S+/);
    t.true(await page.locator('#tip').isVisible(), 'focus shows the tooltip');
    await page.keyboard.press('Enter');
    t.true(await page.locator('#detail .loc').count() > 0, 'Enter opens the line');
  } finally {
    await browser.close();
  }
});

for (const lang of ['en', 'ja'] as const) {
  for (const width of [1400, 600]) {
    browserTest(`in Chromium at ${width} px in ${lang}: nothing overflows, lane labels clear the plot; screenshot saved`, async (t) => {
      const file = await report(join(await sampleDir(), 'fsfreeze-timeout.tgz'), lang);
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
      try {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        await page.goto(pathToFileURL(file).href);
        t.true(await page.evaluate(() => document.documentElement.scrollWidth) <= width, 'no horizontal scrolling: long paths wrap');
        const left = Number(await page.locator('#chart svg').getAttribute('data-left'));
        const labels = await page.locator('#chart text.lane').evaluateAll((els) => els.map((e) => { const b = (e as SVGTextElement).getBBox(); return { text: e.textContent, right: b.x + b.width }; }));
        t.true(labels.length > 0);
        for (const l of labels) t.true(l.right < left - 4, `${l.text} ends at ${l.right}, the plot starts at ${left}`);
        const marks = await page.locator('#chart .mark').evaluateAll((els) => els.map((e) => (e as SVGGraphicsElement).getBBox().x));
        t.true(marks.every((x) => x >= left - 10), 'marks sit in the plot');
        t.true(await page.locator('#chart svg').evaluate((s) => (s as SVGSVGElement).getBoundingClientRect().right) <= width);
        if (lang === 'ja') t.regex(await page.locator('#verdict .job').innerText(), /^バックアップ ジョブ: /);
        mkdirSync(join(ROOT, 'test', 'artifacts'), { recursive: true });
        await page.screenshot({ path: join(ROOT, 'test', 'artifacts', `report-${lang}-${width}.png`), fullPage: true });
      } finally {
        await browser.close();
      }
    });
  }
}

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
    await page.locator(`#chart .mark[data-ids~="${evil.id}"]`).click({ force: true });
    t.true((await page.locator('#detail mark').allInnerTexts()).some((s) => s.includes('<script>window.__xss=1</script>')));
    t.is(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
    t.is(await page.locator('img').count(), 0);
    t.regex(await page.locator('#verdict h1').innerText(), /^判定:/);
  } finally {
    await browser.close();
  }
});
