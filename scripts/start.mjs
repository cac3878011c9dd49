#!/usr/bin/env node
// `npm start`: builds the packages, then serves the demo city page (docs/index.html) on
// localhost with the CDN build, as a city site would load it, and any development servers that
// packages declare (`"citopia": { "devServer": "./dev-server.mjs" }`, such as the local Open311
// server). Prints the addresses.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createStaticServer, listen } from './static-server.mjs';

if (!process.argv.includes('--no-build')) execSync('npm run build --silent', { stdio: 'inherit' });

const port = Number(process.env.PORT ?? 8000);
const services = {};
for (const name of readdirSync('packages')) {
  const pkgFile = join('packages', name, 'package.json');
  if (!existsSync(pkgFile)) continue;
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  if (!pkg.citopia?.devServer) continue;
  const mod = await import(pathToFileURL(resolve('packages', name, pkg.citopia.devServer)).href);
  const started = await mod.start({ port: port + 1 + Object.keys(services).length });
  services[pkg.name] = started.url;
  console.log(`${pkg.name}: ${started.url}`);
}

const server = createStaticServer({
  root: '.',
  routes: { '/': 'docs/index.html' },
  // The page learns the development servers' addresses from here, not from hard-coded ports.
  handle(req, res) {
    if (req.url !== '/dev-services.json') return false;
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(services));
    return true;
  },
});
const url = await listen(server, port).catch(() => listen(server, 0));
console.log(`\nCitopia demo city page: ${url}/\n(Ctrl+C to stop)`);
