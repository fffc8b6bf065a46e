// static/loopscope-embed.js's compressor writes exactly what lz-string's
// compressToEncodedURIComponent writes (the app refuses a payload that is not
// exactly its text's compression), checked against the lz-string package.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import vm from 'node:vm';

import LZString from 'lz-string';

async function embedScript() {
  const code = await readFile('static/loopscope-embed.js', 'utf8');
  const window = { addEventListener() {} };
  const document = { currentScript: null, readyState: 'complete', querySelectorAll: () => [] };
  vm.runInNewContext(code, { window, document, URL, Math, Object });
  return window.Loopscope;
}

test('the embed script compresses as lz-string does', async () => {
  const { compress } = await embedScript();
  const samples = [
    '', 'a', 'aaaaaaaaaaaaaaaaaaaa', 'import asyncio\n\nasync def main():\n    print("你好，世界")\n\nasyncio.run(main())\n',
    '协程（Coroutine）和异步编程 😀 emoji 𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '__proto__ constructor toString hasOwnProperty',
  ];
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const alphabet = 'abc 任务\n\tdef()_:=\u{1F600}';
  const chars = [...alphabet];
  for (let n = 0; n < 300; n++) {
    let s = '';
    const len = Math.floor(rand() * 400);
    for (let i = 0; i < len; i++) s += chars[Math.floor(rand() * chars.length)];
    samples.push(s);
  }
  for (const s of samples) {
    assert.equal(compress(s), LZString.compressToEncodedURIComponent(s), JSON.stringify(s.slice(0, 40)));
  }
});
