// The demo city page under Chromium's network emulation (slow 3G: 400 kbit/s each way, 400 ms
// round trip): how long from navigation until a resident's search answers, typing real keys.
// Used by the end-to-end test (test/e2e/slow-network.test.mjs, a hang guard) and `npm run bench`
// (which prints the figures). Each visit is a fresh browser context (no cache, no storage) unless
// `repeat` keeps the previous one's storage: the finder's saved catalogue copy.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemo } from './demo-server.mjs';
import { launchChromium } from './chromium.mjs';

/** Slow 3G as Chrome DevTools defines it, in CDP's units (bytes per second, milliseconds). */
export const SLOW_3G = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };
export const QUERY = 'permis';

/**
 * One visit: navigation → the results count shown for `QUERY` typed with real key presses.
 * Returns the milliseconds, and how many bytes the page transferred.
 */
export async function visit(browser, url, { storageState, timeout = 50_000 } = {}) {
  const context = await browser.newContext(storageState ? { storageState } : {});
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
  const start = performance.now();
  await page.goto(url, { waitUntil: 'commit', timeout });
  const input = page.locator('citopia-service-finder input[type="search"]');
  await input.waitFor({ timeout });
  await input.click({ timeout });
  await page.keyboard.type(QUERY);
  // The answer: the count of services found (the finder renders it with the results).
  await page.locator('citopia-service-finder [part~="count"]').waitFor({ timeout });
  const ms = performance.now() - start;
  const count = await page.locator('citopia-service-finder [part~="count"]').textContent();
  const state = await context.storageState();
  await context.close();
  return { ms, bytes, count: count?.trim(), storageState: state };
}

/** Cold visits (nothing kept) and repeat visits (the saved catalogue copy kept), `runs` of each. */
export async function measureSlowNetwork({ runs = 3, quiet = true } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'citopia-slow-3g-'));
  const demo = await startDemo({ port: 0, quiet, devServerOptions: { dataDir } });
  const browser = await launchChromium();
  try {
    const cold = [];
    const repeat = [];
    for (let i = 0; i < runs; i++) {
      const first = await visit(browser, `${demo.url}/`);
      cold.push(first);
      repeat.push(await visit(browser, `${demo.url}/`, { storageState: first.storageState }));
    }
    return { cold, repeat };
  } finally {
    await browser.close();
    await demo.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

/** `npm run bench`: prints the figures (it fails on nothing). */
export async function bench() {
  const { cold, repeat } = await measureSlowNetwork({ runs: 3 });
  const row = (name, list) =>
    console.log(`  ${name.padEnd(44)} ${median(list.map((v) => v.ms)).toFixed(0).padStart(6)} ms  (runs: ${list.map((v) => v.ms.toFixed(0)).join(', ')}; ${Math.round(median(list.map((v) => v.bytes)) / 1024)} KiB transferred)`);
  console.log(`Demo page under slow 3G (400 kbit/s, 400 ms RTT), navigation → first search answer ("${QUERY}"), goal 5000 ms:`);
  row('first visit (no cache, no saved copy)', cold);
  row('repeat visit (saved catalogue copy, no HTTP cache)', repeat);
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();
