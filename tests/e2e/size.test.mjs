// The download cap: the whole site at most 600 KB gzip. A regression cap, not
// the goal: it catches a heavy crate pulled in by accident. The goal is 300 KB
// gzip (MicroPython's smallest browser build); BENCHMARKS.md reports where the
// site stands against it, per file and per part.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { requireSite, siteFiles } from './support/site.mjs';

const CAP_GZIP = 600 * 1024;

test('the site downloads in at most 600 KB gzip', async () => {
  await requireSite();
  const files = await siteFiles();
  assert.ok(files.some((f) => f.name.endsWith('.wasm')), 'the site has its wasm');
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  assert.ok(total <= CAP_GZIP, `${total} bytes gzip > ${CAP_GZIP}: ${JSON.stringify(files)}`);
});
