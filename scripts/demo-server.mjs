// The demo city page's server: the page (docs/index.html), the CDN build under /assets/citopia/,
// and the development servers that packages declare ("citopia": {"devServer": "./dev-server.mjs"},
// such as the local Open311 server), whose addresses the page reads from /dev-services.json.
// Each is also served on the page's own origin under /dev/<package>/ (e.g. /dev/open311-server/),
// as a city serves its Open311 endpoint from its own site: the page can name it in its HTML, so
// the form loads at once instead of waiting for /dev-services.json (no error flashed, no shift).
import { request as httpRequest } from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createStaticServer, listen } from './static-server.mjs';

export async function startDemo({ port = 0, quiet = false, devServerOptions = {}, compress = true } = {}) {
  const services = {};
  const closers = [];
  for (const name of readdirSync('packages').sort()) {
    const pkgFile = join('packages', name, 'package.json');
    if (!existsSync(pkgFile)) continue;
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
    if (!pkg.citopia?.devServer) continue;
    const mod = await import(pathToFileURL(resolve('packages', name, pkg.citopia.devServer)).href);
    const started = await mod.start({ port: port ? port + 1 + Object.keys(services).length : 0, quiet, ...devServerOptions });
    services[pkg.name] = started.url;
    if (started.close) closers.push(() => started.close());
  }
  const server = createStaticServer({
    root: '.',
    compress,
    routes: { '/': 'docs/index.html', '/publiccode.yml': 'publiccode.yml' },
    handle(req, res) {
      const mounted = Object.entries(services).find(([name]) => req.url?.startsWith(`/dev/${name.split('/').pop()}/`));
      if (mounted) return proxy(req, res, mounted[1], `/dev/${mounted[0].split('/').pop()}`);
      if (req.url !== '/dev-services.json') return false;
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(services));
      return true;
    },
  });
  const url = await listen(server, port).catch(() => listen(server, 0));
  closers.push(() => new Promise((r) => server.close(r)));
  return { url, services, close: () => Promise.all(closers.map((c) => c())) };
}

/** Passes a request under `prefix` on to the development server at `target`, and its answer back. */
function proxy(req, res, target, prefix) {
  const url = new URL(req.url.slice(prefix.length) || '/', target);
  const upstream = httpRequest(url, { method: req.method, headers: { ...req.headers, host: url.host } }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => res.writeHead(502).end());
  req.pipe(upstream);
  return true;
}
