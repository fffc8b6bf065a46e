// The download budget of the finished app: 300 KB gzip in all (BENCHMARKS.md).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { requireSite, siteFiles } from './support/site.mjs';

const BUDGET_GZIP = 300 * 1024;

test('the site downloads in at most 300 KB gzip', async () => {
  await requireSite();
  const files = await siteFiles();
  assert.ok(files.some((f) => f.name.endsWith('.wasm')), 'the site has its wasm');
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  assert.ok(total <= BUDGET_GZIP, `${total} bytes gzip > ${BUDGET_GZIP}: ${JSON.stringify(files)}`);
});
