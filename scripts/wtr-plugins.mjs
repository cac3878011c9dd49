// Test-server plugins shared by every package's browser tests.
import { existsSync, readdirSync, statSync, createReadStream } from 'node:fs';
import { join, resolve, relative, extname } from 'node:path';

/** Where the third-party fixtures live: ../shared/fixtures beside the project (CI has it). */
export const sharedFixturesDir = resolve(process.cwd(), '..', 'shared', 'fixtures');

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

const TYPES = { '.json': 'application/json', '.jsonld': 'application/ld+json', '.xml': 'application/xml', '.yml': 'text/yaml', '.yaml': 'text/yaml', '.txt': 'text/plain', '.ttl': 'text/turtle' };

/** Serves ../shared/fixtures at /__shared-fixtures/ and answers the `citopia-shared-fixtures` command. */
export function sharedFixturesPlugin() {
  return {
    name: 'citopia-shared-fixtures',
    middleware: async (ctx, next) => {
        if (!ctx.path.startsWith('/__shared-fixtures/')) return next();
        const file = resolve(sharedFixturesDir, decodeURIComponent(ctx.path.slice('/__shared-fixtures/'.length)));
        if (!file.startsWith(sharedFixturesDir) || !existsSync(file) || !statSync(file).isFile()) {
          ctx.status = 404;
          return;
        }
        ctx.type = TYPES[extname(file)] ?? 'application/octet-stream';
        ctx.body = createReadStream(file);
    },
    executeCommand({ command, payload }) {
      if (command !== 'citopia-shared-fixtures') return undefined;
      const dir = join(sharedFixturesDir, payload?.folder ?? '');
      if (!existsSync(dir)) return { available: false, files: [] };
      return { available: true, files: listFiles(dir).map((f) => relative(sharedFixturesDir, f)).sort() };
    },
  };
}

/**
 * A component's lazily loaded chunk made failing or slow for the one test page that asks, by a
 * cookie `citopia-chunk-<name>=fail|delay-<ms>`: <name> is the module's file name without its
 * extension (`result-view`, `steps`, `read-file`, `details`). A cookie, not server-side state:
 * each test page has its own cookie jar, so a file that fails a chunk never fails it for another
 * file running at the same time. `fail` answers 503 (a dropped connection, an offline device)
 * while the cookie is set; clearing it lets the next request through.
 *
 * Command `chunk-no-cache`: the calling page asks the server for every file from now on, not
 * Chromium's HTTP cache, which the test pages share (another page may have fetched the chunk this
 * one fails). Firefox runs each test file in a profile of its own.
 */
export function chunkFaultsPlugin() {
  return {
    name: 'citopia-chunk-faults',
    async middleware(ctx, next) {
      const name = /^\/packages\/[\w-]+\/src\/(?:[\w-]+\/)*([\w-]+)\.(?:ts|js)$/.exec(ctx.path)?.[1];
      const fault = name ? ctx.cookies.get(`citopia-chunk-${name}`) : undefined;
      if (!fault) return next();
      ctx.set('Cache-Control', 'no-store');
      const delay = /^delay-(\d+)$/.exec(fault);
      if (delay) {
        await new Promise((r) => setTimeout(r, Math.min(Number(delay[1]), 5000)));
        return next();
      }
      ctx.status = 503;
      ctx.type = 'text/plain';
      ctx.body = 'chunk unavailable';
      return undefined;
    },
    async executeCommand({ command, session }) {
      if (command !== 'chunk-no-cache') return undefined;
      const page = session.browser?.type === 'puppeteer' ? session.browser.getPage(session.id) : undefined;
      await page?.setCacheEnabled(false).catch(() => {});
      return true;
    },
  };
}

/**
 * Real HTTP endpoints for tests of network handling (the dev server is a real server; nothing
 * stubs fetch). /__test/status/503?retry-after=2, /__test/slow?ms=3000, /__test/html,
 * /__test/text?body=..., /__test/drop (destroys the connection), /__test/etag?tag=v1&body=...
 * (ETag "v1"; 304 when the request's If-None-Match names it).
 *
 * /__test/fail-first/<key>/<n>[:<file>]/<path>: a server that fails, then recovers. The first n
 * requests of each path under <key> answer 503 (only the file named <file>, when given); later
 * ones are served from /<path>, as if asked directly. A "Try again" can then be tested for real:
 * n=1 recovers on the first retry, n=2 fails once more. Use a fresh <key> per test.
 */
export function testEndpointsPlugin() {
  const failuresSeen = new Map();
  return {
    name: 'citopia-test-endpoints',
    middleware: async (ctx, next) => {
        // Pages written as a city would write them load Citopia from /assets/citopia/.
        if (ctx.path.startsWith('/assets/citopia/')) {
          ctx.url = ctx.url.replace('/assets/citopia/', '/packages/all/');
          return next();
        }
        if (!ctx.path.startsWith('/__test/')) return next();
        const [, , kind, arg] = ctx.path.split('/');
        if (kind === 'fail-first') {
          const [, , , key, spec = '1', ...rest] = ctx.path.split('/');
          const [count, file] = spec.split(':');
          const path = `/${rest.join('/')}`;
          const seen = failuresSeen.get(`${key} ${path}`) ?? 0;
          // Never cached, so that "Try again" asks the server again: the test runner marks any
          // path with a file extension cacheable for a year once the answer is made, unless the
          // path it reads then has none.
          const uncached = () => {
            ctx.path = '/__test/fail-first';
            ctx.set('Cache-Control', 'no-store');
          };
          if ((!file || rest.at(-1) === file) && seen < Number(count)) {
            failuresSeen.set(`${key} ${path}`, seen + 1);
            ctx.status = 503;
            ctx.type = 'application/json';
            ctx.body = JSON.stringify({ error: `failure ${seen + 1} of ${count}` });
            uncached();
            return;
          }
          ctx.url = path + (ctx.querystring ? `?${ctx.querystring}` : '');
          await next();
          uncached();
          return;
        }
        if (kind === 'status') {
          ctx.status = Number(arg);
          if (ctx.query['retry-after']) ctx.set('Retry-After', String(ctx.query['retry-after']));
          ctx.type = 'application/json';
          ctx.body = JSON.stringify({ error: `status ${arg}` });
        } else if (kind === 'slow') {
          await new Promise((r) => setTimeout(r, Math.min(Number(ctx.query.ms ?? 1000), 30_000)));
          ctx.type = 'application/json';
          ctx.body = '{"slow":true}';
        } else if (kind === 'html') {
          ctx.type = 'text/html';
          ctx.body = '<!doctype html><title>Error</title><h1>502 Bad Gateway</h1>';
        } else if (kind === 'text') {
          ctx.type = String(ctx.query.type ?? 'application/json');
          ctx.body = String(ctx.query.body ?? '');
        } else if (kind === 'etag') {
          const tag = `"${String(ctx.query.tag ?? 'v1')}"`;
          ctx.set('ETag', tag);
          ctx.set('Cache-Control', 'no-cache');
          if (String(ctx.get('If-None-Match')).split(/\s*,\s*/).includes(tag)) {
            ctx.status = 304;
          } else {
            ctx.type = 'application/json';
            ctx.body = String(ctx.query.body ?? '');
          }
        } else if (kind === 'drop') {
          ctx.req.socket.destroy();
          ctx.respond = false;
        } else {
          ctx.status = 404;
        }
    },
  };
}

/** Prints one plain closing line, "browser: N passed, N failed, N skipped", that CI can read. */
export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        for (const t of suite?.tests ?? []) {
          if (t.skipped) skipped++;
          else if (t.passed) passed++;
          else failed++;
        }
        for (const s of suite?.suites ?? []) walk(s);
      };
      for (const session of sessions) {
        walk(session.testResults);
        if (!session.passed && (session.errors?.length ?? 0) > 0) failed++;
      }
      setTimeout(() => console.log(`\nbrowser: ${passed} passed, ${failed} failed, ${skipped} skipped`), 0);
    },
  };
}

/**
 * React ships CommonJS only. For the React wrapper tests, esbuild bundles React and
 * react-dom/client once into one ES module (one shared React instance), served at /__react/,
 * and bare imports of 'react' and 'react-dom/client' resolve to it.
 */
export function reactEsmPlugin() {
  let bundle;
  return {
    name: 'citopia-react-esm',
    async serverStart() {
      const { build } = await import('esbuild');
      const result = await build({
        stdin: {
          contents: "import React from 'react'; import * as Client from 'react-dom/client'; export default React; export const createRoot = Client.createRoot; export const hydrateRoot = Client.hydrateRoot;",
          resolveDir: process.cwd(),
          loader: 'js',
        },
        bundle: true,
        format: 'esm',
        write: false,
        define: { 'process.env.NODE_ENV': '"development"' },
        logLevel: 'silent',
      });
      bundle = result.outputFiles[0].text;
    },
    resolveImport({ source }) {
      if (source === 'react') return '/__react/react.js';
      if (source === 'react-dom/client') return '/__react/client.js';
      return undefined;
    },
    serve(context) {
      if (context.path === '/__react/react.js') return { body: bundle, type: 'js' };
      if (context.path === '/__react/client.js') return { body: "export { createRoot, hydrateRoot } from './react.js'; import React from './react.js'; export default React;", type: 'js' };
      return undefined;
    },
  };
}

/**
 * Collects the hardening figures the tests report (strings tried, executions found...) and prints
 * them as one table when the run ends; also writes reports/harden.json.
 */
export function hardenFiguresPlugin({ browser = 'Chromium' } = {}) {
  const figures = new Map();
  return {
    name: 'citopia-harden-figures',
    executeCommand({ command, payload }) {
      if (command !== 'citopia-harden-figure') return undefined;
      const previous = figures.get(payload.name);
      figures.set(payload.name, typeof payload.value === 'number' && typeof previous === 'number' ? previous + payload.value : payload.value);
      return true;
    },
    async serverStop() {
      if (figures.size === 0) return;
      const { mkdirSync, writeFileSync } = await import('node:fs');
      mkdirSync('reports', { recursive: true });
      const result = { browser, generated: new Date().toISOString(), figures: Object.fromEntries(figures) };
      writeFileSync(`reports/harden-${browser.toLowerCase()}.json`, JSON.stringify(result, null, 2));
      console.log(`\nHardening figures (${browser}):`);
      for (const [name, value] of figures) console.log(`  ${name.padEnd(58)} ${String(value).padStart(8)}`);
    },
  };
}

/** The strict policy a city can use (docs/security.md); `connect` adds origins for fetch(). */
export function strictCsp(connect = []) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `connect-src 'self' ${connect.join(' ')}`.trim(),
    "frame-src 'self'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html citopia-consent citopia-jsonld',
  ].join('; ');
}

/**
 * Serves the CSP test pages (packages/all/test/csp/) with the strict Content-Security-Policy.
 * A page may pass origins allowed for connect-src in the `connect` query parameter.
 */
export function cspPagesPlugin() {
  return {
    name: 'citopia-csp-pages',
    middleware: async (ctx, next) => {
      await next();
      if (ctx.path.startsWith('/packages/all/test/csp/') && ctx.path.endsWith('.html')) {
        const connect = String(ctx.query.connect ?? '').split(',').filter((o) => /^http:\/\/(127\.0\.0\.1|localhost):\d+$/.test(o));
        ctx.set('Content-Security-Policy', strictCsp(connect));
      }
    },
  };
}

/** `citopia-read-text`: a repository file's exact text (the dev server would compile a .ts). */
export function readTextPlugin() {
  return {
    name: 'citopia-read-text',
    async executeCommand({ command, payload }) {
      if (command !== 'citopia-read-text') return undefined;
      const { readFile } = await import('node:fs/promises');
      const file = resolve(process.cwd(), payload.path);
      if (!file.startsWith(process.cwd() + '/') || file.includes('node_modules')) throw new Error('outside the repository');
      return readFile(file, 'utf8');
    },
  };
}

/**
 * `citopia-transcript`: screen-reader walks compare their phrase log with the reviewed transcript
 * packages/<pkg>/test/transcripts/<task>.<locale>.txt (one phrase a line). A browser-specific
 * transcript (<task>.<locale>.firefox.txt) wins where a phrase legitimately differs by browser.
 * With UPDATE_TRANSCRIPTS=1 the file is (re)written instead; otherwise it is only read.
 */
export function transcriptsPlugin({ browser = 'chromium' } = {}) {
  const update = process.env.UPDATE_TRANSCRIPTS === '1';
  return {
    name: 'citopia-transcripts',
    async executeCommand({ command, payload }) {
      if (command === 'citopia-transcript-mode') return { update };
      if (command !== 'citopia-transcript') return undefined;
      const { pkg, task, locale, text } = payload;
      if (![pkg, task, locale].every((s) => /^[a-z0-9-]+$/.test(String(s)))) throw new Error('bad transcript name');
      const { readFile, writeFile, mkdir } = await import('node:fs/promises');
      const dir = join('packages', pkg, 'test', 'transcripts');
      const own = join(dir, `${task}.${locale}.${browser}.txt`);
      const shared = join(dir, `${task}.${locale}.txt`);
      const path = existsSync(own) ? own : shared;
      if (update) {
        await mkdir(dir, { recursive: true });
        const current = existsSync(path) ? await readFile(path, 'utf8') : undefined;
        if (current !== text) await writeFile(path, text);
        return { status: 'written', path };
      }
      if (!existsSync(path)) return { status: 'missing', path };
      const expected = await readFile(path, 'utf8');
      return expected === text ? { status: 'same', path } : { status: 'different', path, expected };
    },
  };
}
