// Where the release site under test is, and what it weighs.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The built site: $LOOPSCOPE_SITE, else dist/ (what scripts/build-release.sh makes). */
export const SITE = resolve(process.env.LOOPSCOPE_SITE ?? 'dist');

/** Fails with a hint when the site has not been built. */
export async function requireSite() {
  try {
    await stat(join(SITE, 'index.html'));
  } catch {
    throw new Error(`no site at ${SITE}: run scripts/build-release.sh first`);
  }
}

/** Every file of the site, with its raw, gzip (-9) and brotli (q11) sizes in bytes. */
export async function siteFiles() {
  const files = [];
  async function walk(dir) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        await walk(path);
        continue;
      }
      const bytes = await readFile(path);
      files.push({
        name: relative(SITE, path),
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        brotli: brotliCompressSync(bytes, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
        }).length,
      });
    }
  }
  await walk(SITE);
  return files.sort((a, b) => a.name.localeCompare(b.name));
}

/** The kind of a site file, for the size table: wasm, js, css, html or other. */
export function kind(name) {
  const ext = name.split('.').pop();
  return ['wasm', 'js', 'css', 'html'].includes(ext) ? ext : 'other';
}
