#!/usr/bin/env node
// Measures the release site for BENCHMARKS.md: download sizes (raw, gzip -9,
// brotli q11) and time to first render in headless Chromium, served on loopback.
//
//   scripts/build-release.sh && node scripts/measure.mjs            # print the figures
//   scripts/build-release.sh && node scripts/measure.mjs --update   # rewrite BENCHMARKS.md
//
// LOOPSCOPE_SITE picks another built site (default dist/).
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';

import { launchBrowser, newPage } from '../tests/e2e/support/browser.mjs';
import { serveSite } from '../tests/e2e/support/server.mjs';
import { SITE, kind, requireSite, siteFiles } from '../tests/e2e/support/site.mjs';

const RUNS = 9;
const BEGIN = '<!-- measure:begin -->';
const END = '<!-- measure:end -->';

const kb = (bytes) => (bytes / 1024).toFixed(1);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function sizes() {
  const rows = new Map();
  for (const file of await siteFiles()) {
    const row = rows.get(kind(file.name)) ?? { files: 0, raw: 0, gzip: 0, brotli: 0 };
    row.files += 1;
    row.raw += file.raw;
    row.gzip += file.gzip;
    row.brotli += file.brotli;
    rows.set(kind(file.name), row);
  }
  const order = ['wasm', 'js', 'css', 'html', 'other'].filter((k) => rows.has(k));
  const total = order.reduce(
    (t, k) => ({ raw: t.raw + rows.get(k).raw, gzip: t.gzip + rows.get(k).gzip, brotli: t.brotli + rows.get(k).brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  const lines = [
    '| download | files | raw KB | gzip KB | brotli KB |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...order.map((k) => {
      const r = rows.get(k);
      return `| ${k} | ${r.files} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`;
    }),
    `| **total** | | **${kb(total.raw)}** | **${kb(total.gzip)}** | **${kb(total.brotli)}** |`,
  ];
  return lines.join('\n');
}

async function timings() {
  const browser = await launchBrowser();
  const server = await serveSite(SITE);
  const runs = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const page = await newPage(browser, { viewport: { width: 1280, height: 720 }, locale: 'en-US' });
      await page.goto(server.url);
      await page.locator('[data-testid="editor"]').waitFor({ state: 'visible' });
      await page.waitForFunction(() => performance.getEntriesByName('loopscope:run-shown').length > 0);
      runs.push(await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
        return {
          domContentLoaded: nav.domContentLoadedEventEnd,
          start: mark('loopscope:start'),
          firstRender: mark('loopscope:first-render'),
          firstRun: mark('loopscope:run-shown'),
        };
      }));
      if (page.problems.length) throw new Error(page.problems.join('\n'));
      await page.context().close();
    }
    const version = browser.version();
    const row = (label, key) => {
      const xs = runs.map((r) => r[key]);
      return `| ${label} | ${median(xs).toFixed(0)} | ${Math.min(...xs).toFixed(0)} | ${Math.max(...xs).toFixed(0)} |`;
    };
    return {
      version,
      table: [
        `| ms after navigation start (${RUNS} cold loads) | median | min | max |`,
        '| --- | ---: | ---: | ---: |',
        row('DOMContentLoaded', 'domContentLoaded'),
        row('wasm started (`loopscope:start`)', 'start'),
        row('first render in the DOM (`loopscope:first-render`)', 'firstRender'),
        row('the default program recorded and drawn (`loopscope:run-shown`)', 'firstRun'),
      ].join('\n'),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Drawing a step, seeking, and playing, in the page (see BENCHMARKS.md). */
async function interaction() {
  const browser = await launchBrowser();
  const server = await serveSite(SITE);
  const stats = (xs) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return { median: median(xs), p90: sorted[Math.floor(sorted.length * 0.9)], max: sorted.at(-1) };
  };
  const load = async (page, file) => {
    const before = await page.evaluate(() => Number(document.querySelector('.shell').dataset.runs));
    await page.fill('[data-testid="editor"]', await readFile(file, 'utf8'));
    await page.waitForFunction((n) => Number(document.querySelector('.shell').dataset.runs) > n, before, { timeout: 120_000 });
    await page.locator('h1').click();
  };
  try {
    const page = await newPage(browser, { viewport: { width: 1280, height: 720 }, locale: 'en-US' });
    await page.goto(server.url);
    await page.waitForFunction(() => document.querySelector('.shell')?.dataset.runs === '1');
    // One step drawn with 200 live tasks: the fan-out scenario once all its tasks exist.
    await load(page, '../shared/scenarios/36_fanout_200.py');
    await page.evaluate(() => {
      const s = document.querySelector('[data-testid=scrubber]');
      s.value = String(Math.floor(Number(s.max) * 0.3));
      s.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const live = await page.locator('[data-testid=task]').count();
    const step = [];
    for (let i = 0; i < 40; i++) {
      // From the click to the DOM updated and laid out (Yew renders in a
      // microtask, before the zero-delay timer runs).
      step.push(await page.evaluate(async () => {
        const t0 = performance.now();
        document.querySelector('[data-testid=step-forward]').click();
        await new Promise((ok) => setTimeout(ok, 0));
        void document.body.offsetHeight;
        return performance.now() - t0;
      }));
    }
    // Seeking anywhere in a long run: 10,000 tasks, about a million steps.
    await load(page, 'bench/tasks10k.py');
    const len = await page.evaluate(() => Number(document.querySelector('[data-testid=scrubber]').max));
    const seek = [];
    let x = 12345;
    for (let i = 0; i < 30; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const target = x % (len + 1);
      seek.push(await page.evaluate(async (target) => {
        const t0 = performance.now();
        const s = document.querySelector('[data-testid=scrubber]');
        s.value = String(target);
        s.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((ok) => setTimeout(ok, 0));
        void document.body.offsetHeight;
        return performance.now() - t0;
      }, target));
    }
    // Playing at 8× through the fan-out: the longest main-thread task.
    await load(page, '../shared/scenarios/36_fanout_200.py');
    await page.selectOption('[data-testid=speed]', '8');
    await page.evaluate(() => {
      window.longTasks = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.longTasks.push(e.duration); })
        .observe({ entryTypes: ['longtask'] });
    });
    await page.keyboard.press('Home');
    await page.keyboard.press('Space');
    await page.waitForTimeout(8000);
    await page.keyboard.press('Space');
    const long = await page.evaluate(() => window.longTasks);
    const f = (v) => v.toFixed(1);
    const a = stats(step);
    const b = stats(seek);
    return [
      '| interaction (ms) | median | p90 | max | goal |',
      '| --- | ---: | ---: | ---: | ---: |',
      `| one step drawn, ${live} live tasks (36_fanout_200, step forward ×40) | ${f(a.median)} | ${f(a.p90)} | ${f(a.max)} | ≤ 16 |`,
      `| seek to a random step of a ${len.toLocaleString('en')}-step run (tasks10k, ×30) | ${f(b.median)} | ${f(b.p90)} | ${f(b.max)} | ≤ 50 |`,
      `| main-thread tasks over 50 ms while playing 36_fanout_200 at 8× for 8 s | ${long.length} | | ${f(Math.max(0, ...long))} | none |`,
    ].join('\n');
  } finally {
    await browser.close();
    await server.close();
  }
}

await requireSite();
const commit = (() => {
  try {
    const rev = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'index.html', 'static', 'Cargo.toml', 'Cargo.lock'], { encoding: 'utf8' }).trim();
    return dirty ? `${rev} + local changes` : rev;
  } catch {
    return 'unknown';
  }
})();
const sizeTable = await sizes();
const { version, table } = await timings();
const interactionTable = await interaction();
const block = [
  BEGIN,
  `Measured ${new Date().toISOString().slice(0, 10)} from commit ${commit}, site \`${SITE.replace(process.cwd() + '/', '')}\`;`,
  `headless Chromium ${version} on ${cpus().length} × ${cpus()[0].model.trim()}, served on loopback (no network delay).`,
  '',
  sizeTable,
  '',
  table,
  '',
  interactionTable,
  END,
].join('\n');

if (process.argv.includes('--update')) {
  const path = 'BENCHMARKS.md';
  const text = await readFile(path, 'utf8');
  const from = text.indexOf(BEGIN);
  const to = text.indexOf(END);
  if (from < 0 || to < 0) throw new Error(`${path} lacks the ${BEGIN} … ${END} block`);
  await writeFile(path, text.slice(0, from) + block + text.slice(to + END.length));
  console.log(`updated ${path}`);
}
console.log(block);
