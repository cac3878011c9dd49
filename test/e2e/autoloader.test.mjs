// The umbrella's autoloader (packages/all/src/autoloader.ts, cdn/autoloader.js) in Debian's
// Chromium: a page downloads only the components it uses, one chunk each; a tag added later is
// defined when it appears; a chunk that cannot be downloaded leaves the city's own content in
// place and is tried again when the browser is back online.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoAndBrowser } from '../../scripts/demo-browser.mjs';
import { citopiaScripts, openSettled } from '../../scripts/page-scripts.mjs';

const PAGE = '/test/e2e/pages/autoloader.html';
const COMPONENT_CHUNK = /\/chunks\/(service-finder|assistance-request|privacy-notice|open-source-badge)-[\w-]+\.js$/;

const env = demoAndBrowser({ compress: true });


/** The Citopia scripts the page requested so far, by path. */
const scripts = async (page) => (await citopiaScripts(page)).map((e) => e.name);

test('a page with one component loads the autoloader, that component and one translation chunk', async () => {
  const page = await env.browser.newPage();
  try {
    await openSettled(page, `${env.demo.url}${PAGE}`, ['citopia-privacy-notice']);
    const loaded = await scripts(page);
    const components = loaded.map((p) => COMPONENT_CHUNK.exec(p)?.[1]).filter(Boolean);
    assert.deepEqual(components, ['privacy-notice'], `component chunks: ${loaded.join(', ')}`);
    assert.ok(loaded.some((p) => /\/chunks\/fr-[\w-]+\.js$/.test(p)), `the French catalogue: ${loaded.join(', ')}`);
    assert.ok(loaded.length <= 3, `at most 3 scripts (autoloader, component, French): ${loaded.join(', ')}`);
    for (const tag of ['citopia-service-finder', 'citopia-assistance-request', 'citopia-open-source-badge']) {
      assert.equal(await page.evaluate((t) => Boolean(customElements.get(t)), tag), false, `${tag} not defined`);
    }
    const text = await page.evaluate(() => document.querySelector('citopia-privacy-notice').shadowRoot.textContent);
    assert.match(text, /Vos données sur ce site/, 'the notice speaks French');
  } finally {
    await page.close();
  }
});

test('a tag added after the page loaded is defined from its own chunk', async () => {
  const page = await env.browser.newPage();
  try {
    await page.goto(`${env.demo.url}${PAGE}`, { waitUntil: 'networkidle' });
    await page.evaluate(() => {
      const badge = document.createElement('citopia-open-source-badge');
      badge.setAttribute('src', '/publiccode.yml');
      document.querySelector('main').append(badge);
    });
    await page.waitForFunction(() => customElements.get('citopia-open-source-badge'));
    await page.waitForLoadState('networkidle');
    const components = (await scripts(page)).map((p) => COMPONENT_CHUNK.exec(p)?.[1]).filter(Boolean);
    assert.deepEqual(components.sort(), ['open-source-badge', 'privacy-notice']);
  } finally {
    await page.close();
  }
});

test('offline, the city content inside the tag stays; back online, the component is defined', async () => {
  const page = await env.browser.newPage();
  try {
    await page.goto(`${env.demo.url}${PAGE}`, { waitUntil: 'networkidle' });
    await page.route(/\/chunks\/service-finder-[\w-]+\.js$/, (route) => route.abort('internetdisconnected'));
    const warned = page.waitForEvent('console', (m) => m.type() === 'warning' && /citopia-service-finder/.test(m.text()));
    await page.evaluate(() => {
      const finder = document.createElement('citopia-service-finder');
      finder.innerHTML = '<ul><li><a href="/impots">Impôts</a></li></ul>';
      document.querySelector('main').append(finder);
    });
    await warned;
    assert.equal(await page.evaluate(() => Boolean(customElements.get('citopia-service-finder'))), false);
    assert.equal(await page.locator('citopia-service-finder a').innerText(), 'Impôts', 'the fallback link is still shown');
    await page.unroute(/\/chunks\/service-finder-[\w-]+\.js$/);
    await page.evaluate(() => dispatchEvent(new Event('online')));
    await page.waitForFunction(() => customElements.get('citopia-service-finder'));
  } finally {
    await page.close();
  }
});
