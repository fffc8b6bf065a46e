// Share links, embedding, the gallery, languages and themes, in the release build.
import assert from 'node:assert/strict';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';

import LZString from 'lz-string';

import { DESKTOP, open, runs, scrubber, SHOTS, testid, texts, toEnd, type, useSite, waitRuns } from './support/app.mjs';
import { newPage } from './support/browser.mjs';
import { serveSite } from './support/server.mjs';
import { SITE } from './support/site.mjs';

const GALLERY = resolve('src/view/gallery');

const CHINESE = `import asyncio

async def 工人(名字, 秒):
    print(f"{名字} 开始")
    await asyncio.sleep(秒)
    print(f"{名字} 完成（用了 {秒} 秒）")
    return 名字

async def main():
    结果 = await asyncio.gather(工人("甲", 1), 工人("乙", 0.5))
    print("结果:", 结果)

asyncio.run(main())
`;

/** The editor's text. */
const editorText = (page) => page.locator(testid('editor')).inputValue();

describe('share, embed, gallery, languages and themes', { timeout: 600_000 }, () => {
  let browser;
  let root;

  useSite((b, r) => {
    browser = b;
    root = r;
  });

  test('a share link restores program, step, speed, granularity, language and theme in another browser', async () => {
    const page = await open(browser, root.url, { ...DESKTOP, locale: 'zh-CN' });
    assert.equal(await type(page, CHINESE), 'ready');
    await page.selectOption(testid('speed'), '2');
    await page.selectOption(testid('granularity'), 'event');
    await page.locator(testid('scrubber')).fill('17');
    assert.equal((await scrubber(page)).value, 17);
    await page.click(testid('theme'));
    const theme = await page.evaluate(() => document.documentElement.dataset.theme);
    await page.click(testid('share'));
    const url = await page.locator(testid('share-url')).inputValue();
    assert.match(url, /#code\/[A-Za-z0-9+\-$]+/);
    await page.screenshot({ path: join(SHOTS, 'share-panel.png') });

    const other = await open(browser, url, { ...DESKTOP, locale: 'en-US' });
    assert.equal(await editorText(other), CHINESE);
    assert.equal((await scrubber(other)).value, 17);
    assert.equal(await other.locator(testid('speed')).inputValue(), '2');
    assert.equal(await other.locator(testid('granularity')).inputValue(), 'event');
    assert.equal(await other.evaluate(() => document.documentElement.lang), 'zh-CN');
    assert.equal((await other.locator(testid('run')).innerText()).trim(), '运行');
    assert.equal(await other.evaluate(() => document.documentElement.dataset.theme), theme);
    await toEnd(other);
    assert.equal((await texts(other, 'console-line')).at(-2), "[1.000] 结果: ['甲', '乙']");
    assert.deepEqual(page.problems, []);
    assert.deepEqual(other.problems, []);
  });

  test('damaged, cut, oversized and empty links say so and keep a program to look at', async () => {
    const good = LZString.compressToEncodedURIComponent(CHINESE);
    const cases = [
      ['damaged', `#code/${good.slice(0, 40)}!!${good.slice(42)}`, /damaged/],
      ['cut', `#code/${good.slice(0, good.length - 9)}`, /damaged or was cut off|cut off/],
      ['oversized', `#code/${'A'.repeat(9000)}`, /too long/],
      ['empty', '#code/', /no program/],
      ['bad setting', `#code/${good}&speed=11`, /speed=/],
    ];
    for (const [name, hash, message] of cases) {
      const page = await open(browser, root.url + hash);
      const error = page.locator(testid('error'));
      assert.match(await error.innerText(), message, name);
      const text = await editorText(page);
      assert.ok(text.includes('asyncio.run('), `${name}: a program to look at`);
      assert.equal(await page.evaluate(() => document.querySelector('.shell').dataset.runState), 'ready', name);
      if (name === 'bad setting') assert.equal(text, CHINESE, 'the program of a link with a bad setting still opens');
      assert.deepEqual(page.problems, [], name);
    }
  });

  test('a damaged link restores the learner\'s own program, which survives a reload', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    await page.goto(root.url);
    await waitRuns(page, 1);
    const mine = 'import asyncio\n\nasync def main():\n    print("my own work")\n\nasyncio.run(main())\n';
    await type(page, mine);
    await page.reload();
    await waitRuns(page, 1);
    assert.equal(await editorText(page), mine, 'kept across a reload');
    await page.goto(`${root.url}#code/%%%broken`);
    await page.reload();
    await waitRuns(page, 1);
    assert.equal(await editorText(page), mine, 'a damaged link does not replace it');
    assert.equal(await page.locator(testid('error')).count(), 1);
    await context.close();
  });

  test('a program too long for a link offers Download .py; a .py opens from the picker and by drop', async () => {
    const page = await open(browser, root.url);
    // 16,000 scattered Chinese characters (48 KB) compress poorly: far past
    // the 8,000 characters of a link, within the 100 KB a program may have.
    let big = 'import asyncio\n\nasync def main():\n    pass\n\nasyncio.run(main())\n';
    let seed = 1;
    for (let i = 0; i < 200; i++) {
      let line = '# ';
      for (let j = 0; j < 80; j++) line += String.fromCharCode(0x4e00 + ((seed = (seed * 48271) % 2147483647) % 2000));
      big += line + '\n';
    }
    await type(page, big);
    await page.click(testid('share'));
    assert.match(await page.locator(testid('share-refused')).innerText(), /more than the 8000|Download it as a \.py/);
    assert.equal(await page.locator(testid('share-url')).count(), 0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(testid('download'))]);
    const saved = join(tmpdir(), `loopscope-${process.pid}.py`);
    await download.saveAs(saved);
    assert.equal(await readFile(saved, 'utf8'), big);

    const file = join(tmpdir(), `loopscope-open-${process.pid}.py`);
    await writeFile(file, CHINESE);
    const before = await runs(page);
    await page.setInputFiles(testid('open-file'), file);
    await waitRuns(page, before + 1);
    assert.equal(await editorText(page), CHINESE);

    const dropped = 'import asyncio\nprint("dropped")\n';
    const n = await runs(page);
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.py', { type: 'text/x-python' }));
      document.querySelector('.shell').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, dropped);
    await waitRuns(page, n + 1);
    assert.equal(await editorText(page), dropped);
    assert.deepEqual(page.problems, []);
  });

  test('the program is shown as text, never as HTML', async () => {
    const page = await open(browser, root.url);
    await type(page, 'print("<img src=x onerror=window.pwned=1>")\n# <script>window.pwned=2</script>\n');
    await toEnd(page);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    assert.equal(await page.locator('img[src=x]').count(), 0);
    assert.match((await texts(page, 'console-line'))[0], /<img src=x onerror=window.pwned=1>/);
  });

  test('embedded in a sandboxed iframe under a sub-path it mounts, autoplays and posts its height', async () => {
    const app = await serveSite(SITE, {
      prefix: '/loopscope/',
      cors: true,
      extra: {
        '/course/page.html': `<!doctype html><meta charset="utf-8"><title>course</title>
<p>A course page.</p>
<iframe id="lv" class="loopscope" sandbox="allow-scripts" style="width:900px;height:200px;border:0"
  src="/loopscope/?embed=1&autoplay=1&speed=8&lang=en#code/${LZString.compressToEncodedURIComponent(CHINESE)}"></iframe>
<script>
window.heights = [];
addEventListener('message', (e) => {
  if (e.data && e.data.type === 'loopscope:resize') {
    window.heights.push(e.data.height);
    document.getElementById('lv').style.height = e.data.height + 'px';
  }
});
</script>`,
        '/favicon.ico': '',
      },
    });
    try {
      const page = await newPage(browser, DESKTOP);
      await page.goto(app.url.replace('/loopscope/', '/course/page.html'));
      const frame = page.frameLocator('#lv');
      await frame.locator(testid('play')).waitFor({ timeout: 20_000 });
      await page.waitForFunction(() => window.heights.length > 0 && window.heights.at(-1) > 300);
      // Autoplay: it moves on its own.
      await frame.locator('[data-testid=console-line]').first().waitFor({ timeout: 20_000 });
      assert.equal(await frame.locator(testid('play')).getAttribute('aria-pressed'), 'true');
      for (const id of ['state-diagram', 'ready-queue', 'timer-heap', 'console']) {
        assert.equal(await frame.locator(testid(id)).count(), 1, id);
      }
      assert.equal(await frame.locator(testid('timeline')).count(), 0, 'the default embed has no timeline');
      assert.notEqual(await frame.locator(testid('editor')).getAttribute('readonly'), null, 'read-only in an embed');
      const outside = app.requests.filter((r) => r.path.startsWith('/loopscope/') && r.status !== 200);
      assert.deepEqual(outside, []);
      await page.screenshot({ path: join(SHOTS, 'embed-sandbox.png'), fullPage: true });
      assert.deepEqual(page.problems.filter((p) => !p.includes('favicon')), []);
    } finally {
      await app.close();
    }
  });

  test('the embed script turns two snippets into two sized frames', async () => {
    const app = await serveSite(SITE, {
      prefix: '/loopscope/',
      extra: {
        '/course/two.html': `<!doctype html><meta charset="utf-8"><title>two</title>
<h1>Two scenarios</h1>
<pre data-loopscope="lang=zh&panels=diagram,console">${CHINESE.replace(/</g, '&lt;')}</pre>
<div data-loopscope="example=lock&autoplay=1"></div>
<script src="/loopscope/static/loopscope-embed.js"></script>`,
        '/favicon.ico': '',
      },
    });
    try {
      const page = await newPage(browser, DESKTOP);
      await page.goto(app.url.replace('/loopscope/', '/course/two.html'));
      const frames = page.locator('iframe.loopscope');
      assert.equal(await frames.count(), 2);
      const first = page.frameLocator('iframe.loopscope >> nth=0');
      const second = page.frameLocator('iframe.loopscope >> nth=1');
      await first.locator(testid('play')).waitFor({ timeout: 20_000 });
      await second.locator(testid('play')).waitFor({ timeout: 20_000 });
      assert.equal(await first.locator(testid('editor')).inputValue(), CHINESE);
      assert.equal(await first.locator(testid('ready-queue')).count(), 0, 'panels=diagram,console');
      assert.match(await second.locator(testid('editor')).inputValue(), /asyncio\.Lock\(\)/);
      // Both frames took the height their app posted.
      await page.waitForFunction(() => [...document.querySelectorAll('iframe.loopscope')].every((f) => f.style.height !== '520px'));
      await page.screenshot({ path: join(SHOTS, 'embed-script.png'), fullPage: true });
      assert.deepEqual(page.problems.filter((p) => !p.includes('favicon')), []);
    } finally {
      await app.close();
    }
  });

  test('every gallery example plays to its end with CPython\'s lines, and never silently replaces the learner\'s program', async () => {
    const page = await open(browser, root.url);
    const mine = 'import asyncio\nprint("unsaved work")\n';
    await type(page, mine);
    await page.click(testid('examples'));
    const entries = page.locator(testid('example'));
    const count = await entries.count();
    assert.equal(count, 17);
    const files = (await readdir(GALLERY)).filter((f) => f.endsWith('.py')).sort();
    assert.equal(files.length, 17);
    for (let i = 0; i < count; i++) {
      if (i > 0) await page.click(testid('examples'));
      const before = await runs(page);
      await page.locator(testid('example')).nth(i).click();
      await waitRuns(page, before + 1);
      const text = await editorText(page);
      const match = [];
      for (const f of files) {
        if ((await readFile(join(GALLERY, f), 'utf8')) === text) match.push(f);
      }
      assert.equal(match.length, 1, `example ${i} is a gallery file`);
      await toEnd(page);
      const want = (await readFile(join(GALLERY, match[0].replace(/\.py$/, '.out')), 'utf8')).split('\n').slice(0, -1);
      assert.deepEqual(await texts(page, 'console-line'), want, match[0]);
    }
    // The learner's program was set aside, and comes back.
    await page.click(testid('examples'));
    const back = await runs(page);
    await page.click(testid('example-mine'));
    await waitRuns(page, back + 1);
    assert.equal(await editorText(page), mine);
    assert.deepEqual(page.problems, []);
  });

  test('language and theme switch, and every control is labelled and reachable by keyboard', async () => {
    const page = await open(browser, root.url);
    await page.click(testid('language'));
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    assert.equal((await page.locator(testid('share')).innerText()).trim(), '分享');
    await page.click(testid('language'));
    const before = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.click(testid('theme'));
    const after = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.notEqual(before, after);
    await page.screenshot({ path: join(SHOTS, 'theme-switched.png') });
    // Every control has an accessible name.
    const unnamed = await page.evaluate(() => [...document.querySelectorAll('button, input, select, textarea')]
      .filter((el) => el.offsetParent !== null)
      .filter((el) => !(el.getAttribute('aria-label') || el.textContent.trim() || el.closest('label') || el.title))
      .map((el) => el.outerHTML.slice(0, 80)));
    assert.deepEqual(unnamed, []);
    // Tab reaches the toolbar, the editor and every transport control, with a visible focus ring.
    await page.locator('h1').click();
    const seen = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const el = document.activeElement;
        const s = getComputedStyle(el);
        return { id: el.dataset.testid ?? el.tagName, ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1 };
      });
      if (f.id === 'BODY') break;
      seen.push(f.id);
      assert.ok(f.ring, `focus ring on ${f.id}`);
    }
    for (const id of ['examples', 'share', 'embed', 'theme', 'language', 'editor', 'run', 'play', 'step-forward', 'to-end', 'scrubber', 'speed', 'granularity']) {
      assert.ok(seen.includes(id), `${id} reached by Tab: ${seen}`);
    }
    assert.deepEqual(page.problems, []);
  });
});
