// A small static file server (no dependencies) for the demo page, the bench page and tests.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

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
 * `handle(req, res)` may answer first (return true when it did). With `compress` (the default), text files
 * go out gzipped (level 9) to browsers that accept it, as a city's web server would send them.
 */
export function createStaticServer({ root, routes = {}, headers = {}, handle, compress = true } = {}) {
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
      // As a city's server would: an ETag (so clients can revalidate with If-None-Match) and,
      // with `compress`, gzip for text (so size and slow-network measurements are realistic).
      const stat = statSync(file);
      const etag = `W/"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`;
      const type = MIME[extname(file)] ?? 'application/octet-stream';
      const common = { 'Cache-Control': 'no-cache', ETag: etag, Vary: 'Accept-Encoding', ...headers };
      if (String(req.headers['if-none-match'] ?? '').split(/\s*,\s*/).includes(etag)) {
        res.writeHead(304, common).end();
        return;
      }
      if (compress && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && /^(text\/|application\/(json|ld\+json|xml|manifest\+json)|image\/svg)/.test(type)) {
        const body = gzipSync(await readFile(file), { level: 9 });
        res.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip', 'Content-Length': body.length, ...common });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      res.writeHead(200, { 'Content-Type': type, ...common });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
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
