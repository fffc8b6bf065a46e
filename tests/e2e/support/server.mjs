// A tiny static file server on loopback, for the end-to-end tests and the
// measurements: serves the release site under a prefix ("/" or "/loopscope/")
// and answers 404 to everything outside it, so an absolute URL in the site fails.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` at http://127.0.0.1:<free port><prefix>; `extra` maps paths
 * (outside the prefix too) to HTML pages served as they are; `cors` adds
 * `Access-Control-Allow-Origin: *` to the site's files.
 * Returns { url, requests, close }: `url` ends with the prefix, `requests` lists
 * every request as { path, status }.
 */
export async function serveSite(root, { prefix = '/', cors = false, extra = {} } = {}) {
  const base = resolve(root);
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (extra[path] !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(extra[path]);
      requests.push({ path, status: 200 });
      return;
    }
    const status = await answer(path);
    requests.push({ path, status });

    async function answer(path) {
      if (!path.startsWith(prefix)) return send(404);
      let file = normalize(join(base, path.slice(prefix.length)));
      if (file !== base && !file.startsWith(base + sep)) return send(403);
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        const body = await readFile(file);
        res.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
          // A sandboxed frame has an opaque origin: its module script and
          // wasm are CORS requests (docs/embedding.md).
          ...(cors ? { 'access-control-allow-origin': '*' } : {}),
        });
        res.end(body);
        return 200;
      } catch {
        return send(404);
      }
    }
    function send(code) {
      res.writeHead(code, { 'content-type': 'text/plain' });
      res.end(String(code));
      return code;
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    close: () => new Promise((ok) => server.close(ok)),
  };
}
