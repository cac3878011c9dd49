// A small static file server (no dependencies) for the demo page, the bench page and tests.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

export const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.jsonld': 'application/ld+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.yml': 'text/yaml; charset=utf-8', '.yaml': 'text/yaml; charset=utf-8', '.xml': 'application/xml; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves files under `root`. `routes` maps a URL path to a file path relative to root (for
 * example "/" to "docs/index.html"); `headers` are added to every response (a CSP, say);
 * `handle(req, res)` may answer first (return true when it did).
 */
export function createStaticServer({ root, routes = {}, headers = {}, handle } = {}) {
  const base = resolve(root);
  return createServer(async (req, res) => {
    try {
      if (handle && (await handle(req, res))) return;
      const url = new URL(req.url ?? '/', 'http://localhost');
      let path = routes[url.pathname] ?? decodeURIComponent(url.pathname);
      // A city serves Citopia from its own assets folder: /assets/citopia/ is the umbrella package.
      if (path.startsWith('/assets/citopia/')) path = path.replace('/assets/citopia/', '/packages/all/');
      let file = resolve(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end();
        return;
      }
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file)) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end('Not found');
        return;
      }
      res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache', ...headers });
      createReadStream(file).pipe(res);
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
}

/** Listens on `port` (0 picks a free one) on 127.0.0.1; resolves with the base URL. */
export function listen(server, port = 0, host = '127.0.0.1') {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolveListen(`http://${host}:${server.address().port}`));
  });
}
