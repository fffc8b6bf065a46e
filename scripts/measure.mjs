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
      runs.push(await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
        return {
          domContentLoaded: nav.domContentLoadedEventEnd,
          start: mark('loopscope:start'),
          firstRender: mark('loopscope:first-render'),
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
      ].join('\n'),
    };
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
const block = [
  BEGIN,
  `Measured ${new Date().toISOString().slice(0, 10)} from commit ${commit}, site \`${SITE.replace(process.cwd() + '/', '')}\`;`,
  `headless Chromium ${version} on ${cpus().length} × ${cpus()[0].model.trim()}, served on loopback (no network delay).`,
  '',
  sizeTable,
  '',
  table,
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
