// End-to-end: the release build, served on loopback, in headless Chromium.
//   node --test tests/e2e/          (after scripts/build-release.sh; LOOPSCOPE_SITE picks the site)
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';

import { SHOTS, useSite } from './support/app.mjs';
import { newPage } from './support/browser.mjs';
import { serveSite } from './support/server.mjs';
import { SITE } from './support/site.mjs';

const REGIONS = [
  'editor', 'run', 'play', 'step-forward', 'step-back', 'to-start', 'to-end', 'scrubber',
  'speed', 'clock', 'state-diagram', 'ready-queue', 'timer-heap', 'primitives', 'timeline',
  'console', 'explanation',
];
const DESKTOP = { viewport: { width: 1280, height: 720 }, locale: 'en-US' };
const testid = (id) => `[data-testid="${id}"]`;

/** Opens the app and waits until it has rendered (the editor is there). */
async function open(browser, url, options = DESKTOP) {
  const page = await newPage(browser, options);
  await page.goto(url);
  await page.locator(testid('editor')).waitFor({ state: 'visible', timeout: 20_000 });
  return page;
}

describe('the release build', { timeout: 120_000 }, () => {
  let browser;
  let root;

  useSite((b, r) => {
    browser = b;
    root = r;
  });

  test('renders the shell on one desktop screen, with no error', async () => {
    const page = await open(browser, root.url);
    assert.equal(await page.locator('#loopscope-loading').count(), 0, 'loading state still shown');
    for (const id of REGIONS) {
      assert.equal(await page.locator(testid(id)).count(), 1, `one ${id}`);
      assert.ok(await page.locator(testid(id)).isVisible(), `${id} visible`);
    }
    await page.waitForFunction(() => document.querySelector('.shell').dataset.runState === 'ready');
    for (const id of ['play', 'step-forward', 'to-end', 'scrubber', 'speed']) {
      assert.ok(await page.locator(testid(id)).isEnabled(), `${id} enabled once the example has run`);
    }
    assert.equal(await page.locator(testid('error')).count(), 0);
    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      scrollHeight: document.documentElement.scrollHeight,
      rendered: performance.getEntriesByName('loopscope:first-render').length,
    }));
    assert.deepEqual(layout, { scrollWidth: 1280, scrollHeight: 720, rendered: 1 });
    await page.screenshot({ path: join(SHOTS, 'shell.png') });
    assert.deepEqual(page.problems, []);
  });

  test('loads from a sub-path, asking only for files under it', async () => {
    const sub = await serveSite(SITE, { prefix: '/loopscope/' });
    try {
      const page = await open(browser, sub.url);
      assert.ok(await page.locator(testid('state-diagram')).isVisible());
      assert.deepEqual(page.problems, []);
      const outside = sub.requests.filter((r) => !r.path.startsWith('/loopscope/') || r.status !== 200);
      assert.deepEqual(outside, []);
      assert.ok(sub.requests.some((r) => r.path.endsWith('.wasm')), 'the wasm came from the sub-path');
    } finally {
      await sub.close();
    }
  });

  test('speaks Chinese when the browser does', async () => {
    const page = await open(browser, root.url, { ...DESKTOP, locale: 'zh-CN' });
    assert.equal((await page.locator(testid('run')).innerText()).trim(), '运行');
    await page.waitForFunction(() => document.querySelector('.shell').dataset.runState === 'ready');
    assert.match(await page.locator(testid('explanation')).innerText(), /程序还没有开始运行/);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    await page.screenshot({ path: join(SHOTS, 'shell-zh.png') });
    assert.deepEqual(page.problems, []);
  });

  test('?lang=en overrides the browser language', async () => {
    const page = await open(browser, `${root.url}?lang=en`, { ...DESKTOP, locale: 'zh-CN' });
    assert.equal((await page.locator(testid('run')).innerText()).trim(), 'Run');
  });

  test('stacks down to a 480px wide screen without sideways scrolling', async () => {
    const page = await open(browser, root.url, { viewport: { width: 480, height: 900 } });
    const boxes = await page.evaluate((ids) => ({
      scrollWidth: document.documentElement.scrollWidth,
      boxes: ids.map((id) => {
        const r = document.querySelector(`[data-testid="${id}"]`).getBoundingClientRect();
        return { id, top: Math.round(r.top), left: Math.round(r.left), right: Math.round(r.right) };
      }),
    }), ['editor', 'run', 'state-diagram', 'ready-queue', 'timer-heap', 'primitives', 'timeline', 'console']);
    assert.equal(boxes.scrollWidth, 480);
    for (const box of boxes.boxes) {
      assert.ok(box.left >= 0 && box.right <= 480, `${box.id} inside the screen: ${JSON.stringify(box)}`);
    }
    const tops = boxes.boxes.map((b) => b.top);
    assert.deepEqual(tops, [...tops].sort((a, b) => a - b), `stacked in order: ${JSON.stringify(boxes.boxes)}`);
    await page.screenshot({ path: join(SHOTS, 'shell-480.png'), fullPage: true });
    assert.deepEqual(page.problems, []);
  });

  test('keyboard reaches the enabled controls, with a visible focus ring', async () => {
    const page = await open(browser, root.url);
    const focused = async () => page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return { id: el.dataset.testid, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    // The header's tools, then the editor.
    const order = [];
    for (const _ of ['examples', 'share', 'embed', 'theme', 'language', 'editor']) {
      await page.keyboard.press('Tab');
      const f = await focused();
      assert.ok(f.outline !== 'none' && f.width >= 1, JSON.stringify(f));
      order.push(f.id);
    }
    assert.deepEqual(order, ['examples', 'share', 'embed', 'theme', 'language', 'editor']);
  });

  test('a Rust panic shows the error banner with its message and logs it', async () => {
    const page = await open(browser, root.url);
    const thrown = await page.evaluate(() => {
      try {
        window.wasmBindings.panic_for_test('e2e panic 42');
        return 'no panic';
      } catch (e) {
        return String(e);
      }
    });
    assert.match(thrown, /unreachable/i, 'the panic aborted the wasm call');
    const banner = page.locator(testid('error'));
    assert.ok(await banner.isVisible(), 'banner shown');
    assert.match(await banner.innerText(), /e2e panic 42/);
    assert.match(await banner.innerText(), /a bug/);
    assert.ok(page.problems.some((p) => p.startsWith('console.error') && p.includes('e2e panic 42')), page.problems.join('\n'));
  });

  test('a wasm file that fails to load shows an error, not an endless spinner', async () => {
    const page = await newPage(browser, DESKTOP);
    await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(root.url);
    const banner = page.locator(testid('error'));
    await banner.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await banner.innerText(), /could not start/);
    assert.equal(await page.locator(testid('editor')).count(), 0);
  });
});
