// Debian's Chromium and the demo server, started the one way for the end-to-end tests and the
// benches, so that every page they measure runs in the same browser with the same flags.
import { after, before } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startDemo } from './demo-server.mjs';
import { browserPath } from './system-tools.mjs';

/** Headless Chromium as root (no sandbox), talking to nothing but the pages it is sent to. */
export function launchChromium() {
  return chromium.launch({
    executablePath: browserPath('chromium'),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

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
