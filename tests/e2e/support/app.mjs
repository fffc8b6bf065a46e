// Driving the app: serving it, opening it, typing a program and waiting for its run.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { after, before } from 'node:test';

import { launchBrowser, newPage } from './browser.mjs';
import { serveSite } from './server.mjs';
import { SITE, requireSite } from './site.mjs';

/** Where the tests save their screenshots. */
export const SHOTS = resolve(process.env.CARGO_TARGET_DIR ?? 'target', 'e2e-screenshots');

/**
 * Hooks for a `describe` block: before its tests, check the site is built,
 * start Chromium and serve the site on loopback, and hand both to `ready`;
 * after them, stop both.
 */
export function useSite(ready) {
  let browser;
  let root;
  before(async () => {
    await requireSite();
    await mkdir(SHOTS, { recursive: true });
    browser = await launchBrowser();
    root = await serveSite(SITE);
    ready(browser, root);
  });
  after(async () => {
    await browser?.close();
    await root?.close();
  });
}

export const DESKTOP = { viewport: { width: 1280, height: 720 }, locale: 'en-US' };
export const testid = (id) => `[data-testid="${id}"]`;

/** The number of recordings the page has finished (`data-runs`). */
export function runs(page) {
  return page.evaluate(() => Number(document.querySelector('.shell')?.dataset.runs ?? 0));
}

/** Waits until the page has finished `n` recordings. */
export async function waitRuns(page, n, timeout = 60_000) {
  await page.waitForFunction(
    (want) => Number(document.querySelector('.shell')?.dataset.runs ?? 0) >= want,
    n,
    { timeout, polling: 50 },
  );
}

/** Opens the app at `url` and waits for the first run (the example's). */
export async function open(browser, url, options = DESKTOP) {
  const page = await newPage(browser, options);
  await page.goto(url);
  await waitRuns(page, 1, 20_000);
  return page;
}

/** Replaces the program (an `input` event, as typing makes) and waits for its run. */
export async function type(page, source, timeout) {
  const before = await runs(page);
  await page.fill(testid('editor'), source);
  await waitRuns(page, before + 1, timeout);
  return page.evaluate(() => document.querySelector('.shell').dataset.runState);
}

/** The texts of every element with this test id, in order. */
export function texts(page, id) {
  return page.locator(testid(id)).allTextContents();
}

/** The scrubber's value and maximum. */
export async function scrubber(page) {
  return page.locator(testid('scrubber')).evaluate((el) => ({ value: Number(el.value), max: Number(el.max) }));
}

/** Goes to the last step (the button is disabled when already there). */
export async function toEnd(page) {
  const button = page.locator(testid('to-end'));
  if (await button.isEnabled()) await button.click();
  const { value, max } = await scrubber(page);
  if (value !== max) throw new Error(`not at the end: ${value} / ${max}`);
}
