// Accessibility figures: WCAG AA contrast of every piece of text the page
// shows, in both themes, measured in the browser; and reduced motion.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';

import { DESKTOP, open, SHOTS, testid, type, useSite } from './support/app.mjs';
import { newPage } from './support/browser.mjs';
import { serveSite } from './support/server.mjs';


/**
 * In the page: every visible text's contrast against what is behind it, as
 * { where, ratio, large }. HTML text: its colour over the first opaque
 * background up its ancestors (opacity applied); SVG text: its fill over the
 * shape it sits on.
 */
function measureContrast() {
  const parse = (c) => {
    const m = c.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/);
    return m ? [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]] : null;
  };
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const over = (top, bottom) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1);
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const opacity = (el) => { let o = 1; for (let e = el; e && e.nodeType === 1; e = e.parentElement) o *= +getComputedStyle(e).opacity; return o; };
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const bg = parse(getComputedStyle(e).backgroundColor);
      if (bg && bg[3] > 0) { layers.push(bg); if (bg[3] >= 1) break; }
    }
    let c = [255, 255, 255, 1];
    for (const l of layers.reverse()) c = over(l, c);
    return c;
  };
  const out = [];
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
  for (const el of document.querySelectorAll('body *:not(svg *):not(script):not(style):not(option)')) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !visible(el) || el.closest('.visually-hidden, [aria-hidden=true], .code-input, .piled')) continue;
    const s = getComputedStyle(el);
    const fg = parse(s.color);
    const bg = background(el);
    const o = opacity(el);
    const col = over([fg[0], fg[1], fg[2], fg[3] * o], bg);
    const size = parseFloat(s.fontSize);
    const large = size >= 24 || (size >= 18.66 && +s.fontWeight >= 700);
    out.push({ where: `${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 24)}"`, ratio: ratio(col, bg), large });
  }
  for (const text of document.querySelectorAll('svg text')) {
    if (!visible(text) || text.closest('.piled')) continue;
    const g = text.closest('g');
    const shape = g && g.querySelector(':scope > rect');
    const fill = parse(getComputedStyle(text).fill);
    if (!fill) continue;
    const behind = shape ? over(parse(getComputedStyle(shape).fill) ?? [255, 255, 255, 0], background(text.closest('svg'))) : background(text.closest('svg'));
    const o = opacity(text);
    const col = over([fill[0], fill[1], fill[2], o], behind);
    const size = parseFloat(getComputedStyle(text).fontSize);
    out.push({ where: `svg ${g?.getAttribute('class')} "${text.textContent.trim().slice(0, 24)}"`, ratio: ratio(col, behind), large: size >= 24 });
  }
  return out;
}

describe('accessibility', { timeout: 300_000 }, () => {
  let browser;
  let root;

  useSite((b, r) => {
    browser = b;
    root = r;
  });

  for (const theme of ['light', 'dark']) {
    test(`every text meets WCAG AA contrast in the ${theme} theme`, async () => {
      const page = await open(browser, `${root.url}?theme=${theme}`);
      // A state with every kind of thing drawn: tasks in several states,
      // handles, timers, a semaphore, printed lines, the inspector.
      await type(page, await readFile('../shared/scenarios/18_cancel_semaphore_waiter.py', 'utf8'));
      await page.locator('h1').click();
      for (let i = 0; i < 14; i++) await page.keyboard.press('ArrowRight');
      await page.locator(testid('task')).first().click();
      const results = await page.evaluate(measureContrast);
      const failing = results.filter((r) => r.ratio < (r.large ? 3 : 4.5));
      const min = Math.min(...results.map((r) => r.ratio));
      console.log(`${theme}: ${results.length} texts, lowest contrast ${min.toFixed(2)}:1`);
      await page.screenshot({ path: join(SHOTS, `contrast-${theme}.png`) });
      assert.deepEqual(failing.map((f) => `${f.where}: ${f.ratio.toFixed(2)}`), []);
    });
  }

  test('the theme follows the system unless chosen', async () => {
    const dark = await newPage(browser, { ...DESKTOP, colorScheme: 'dark' });
    await dark.goto(root.url);
    await dark.waitForFunction(() => document.querySelector('.shell')?.dataset.runs === '1');
    assert.equal(await dark.evaluate(() => document.documentElement.dataset.theme), 'dark');
    await dark.emulateMedia({ colorScheme: 'light' });
    await dark.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    const chosen = await newPage(browser, { ...DESKTOP, colorScheme: 'light' });
    await chosen.goto(`${root.url}?theme=dark`);
    await chosen.waitForFunction(() => document.querySelector('.shell')?.dataset.runs === '1');
    assert.equal(await chosen.evaluate(() => document.documentElement.dataset.theme), 'dark');
    await chosen.emulateMedia({ colorScheme: 'light' });
    assert.equal(await chosen.evaluate(() => document.documentElement.dataset.theme), 'dark', 'a chosen theme stays');
  });

  test('with reduced motion, tokens and heap nodes jump instead of gliding', async () => {
    const page = await newPage(browser, { ...DESKTOP, reducedMotion: 'reduce' });
    await page.goto(root.url);
    await page.waitForFunction(() => document.querySelector('.shell')?.dataset.runs === '1');
    await page.locator('h1').click();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    const durations = await page.evaluate(() => [...document.querySelectorAll('.token, .heap-node, .handle')]
      .map((el) => getComputedStyle(el).transitionDuration + '/' + getComputedStyle(el).animationName));
    assert.ok(durations.length > 0);
    assert.ok(durations.every((d) => /^0s\//.test(d) && d.endsWith('/none')), durations.join(' '));
    const full = await newPage(browser, DESKTOP);
    await full.goto(root.url);
    await full.waitForFunction(() => document.querySelector('.shell')?.dataset.runs === '1');
    await full.locator('h1').click();
    for (let i = 0; i < 3; i++) await full.keyboard.press('ArrowRight');
    const moving = await full.evaluate(() => getComputedStyle(document.querySelector('.token')).transitionDuration);
    assert.equal(moving, '0.3s');
  });
});
