// The demo server and Chromium for an end-to-end test file: started before its tests, stopped
// after them (the benches launch Chromium the same way, from chromium.mjs, without node:test).
import { after, before } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemo } from './demo-server.mjs';
import { launchChromium } from './chromium.mjs';

/**
 * For a node:test file: the demo server, with a data folder of its own (removed after), and
 * Chromium, both started before the file's tests and stopped after them. Read `demo` and
 * `browser` from the returned object inside the tests; a `before` hook of the file awaits
 * `started` first (node:test may run a file's top-level hooks side by side).
 * `compress`: served gzipped, as a city's server would (what resource timing then counts).
 */
export function demoAndBrowser({ compress = false } = {}) {
  const env = { demo: undefined, browser: undefined, started: undefined };
  let dataDir;
  before(() => {
    env.started = (async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'citopia-e2e-'));
      env.demo = await startDemo({ port: 0, quiet: true, compress, devServerOptions: { dataDir } });
      env.browser = await launchChromium();
    })();
    return env.started;
  });
  after(async () => {
    await env.browser?.close();
    await env.demo?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return env;
}
