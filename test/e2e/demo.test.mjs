// End to end: the demo city page as `npm start` serves it (the CDN build, the local Open311
// server), driven in Debian's Chromium with playwright-core and real input: search, no result,
// a request submitted to the local server, consent given and withdrawn, the badge expanded, the
// page-level easy-to-read switch, and axe over the whole page in every locale and both modes.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { demoAndBrowser } from '../../scripts/demo-browser.mjs';

const LOCALES = ['fr', 'de', 'it', 'en', 'ar'];
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
// A query no service matches, new on every run.
const NOWHERE = `zqxw ${Date.now().toString(36)}`;
let page;
const pageErrors = [];
const requestsElsewhere = [];

const env = demoAndBrowser();

before(async () => {
  await env.started;
  page = await env.browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const allowed = [new URL(env.demo.url).host, ...Object.values(env.demo.services).map((u) => new URL(u).host)];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (/^https?:$/.test(url.protocol) && !allowed.includes(url.host)) requestsElsewhere.push(request.url());
  });
  await page.goto(`${env.demo.url}/`);
  await page.waitForFunction(() => ['citopia-service-finder', 'citopia-assistance-request', 'citopia-privacy-notice', 'citopia-open-source-badge'].every((t) => customElements.get(t)));
});

test('the service finder finds a service typed by a resident', async () => {
  const input = page.locator('citopia-service-finder input[type="search"]');
  await input.click();
  await page.keyboard.type('permis de construire');
  await page.locator('citopia-service-finder [part~="result-link"]').first().waitFor();
  const first = await page.locator('citopia-service-finder [part~="result-link"]').first().textContent();
  assert.match(first, /permis de construire/i);
});

test('a search with no result opens the assistance request with the query', async () => {
  const input = page.locator('citopia-service-finder input[type="search"]');
  await input.fill('');
  await input.click();
  await page.keyboard.type(NOWHERE);
  const help = page.locator('citopia-service-finder [part~="assistance"]');
  await help.waitFor();
  await help.click();
  await page.waitForFunction((q) => document.querySelector('citopia-assistance-request').description === q, NOWHERE);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'request');
});

test('the request is sent to the local Open311 server and confirmed with a reference', async () => {
  const form = page.locator('citopia-assistance-request');
  await form.locator('input[name="service"][value="204"]').check();
  await form.locator('#address').click();
  await page.keyboard.type('Rue du Marché 12');
  await form.locator('input[name="answer"][value="none"]').check();
  await page.waitForTimeout(3100); // the form's minimum fill time (an anti-spam measure without CAPTCHA)
  await form.locator('button[type="submit"]').click();
  await form.locator('#send').click();
  await form.locator('[part~="confirmation"]').waitFor({ timeout: 10_000 });
  const open311 = env.demo.services['@citopia/open311-server'];
  const stored = await (await fetch(`${open311}/requests.json`)).json();
  const mine = stored.filter((r) => String(r.description ?? '').includes(NOWHERE));
  assert.equal(mine.length, 1, 'exactly one request stored');
  assert.equal(String(mine[0].service_code), '204');
  assert.match(String(mine[0].address ?? mine[0].address_string ?? ''), /Rue du Marché 12/);
});

test('consent is given, runs the gated statistics and map, and is withdrawn', async () => {
  const accept = page.locator('citopia-privacy-notice button', { hasText: /Accepter tout|Tout accepter|Accept all/i }).first();
  await accept.click();
  await page.waitForFunction(() => window.villeDeDemoStatistics !== undefined);
  await page.waitForFunction(() => document.querySelector('iframe[data-citopia-purpose="maps"]').getAttribute('src')?.includes('/docs/demo/map.html'));
    await page.evaluate(() => document.querySelector('citopia-privacy-notice').openSettings());
  const switches = page.locator('citopia-privacy-notice dialog input[role="switch"]');
  await switches.first().waitFor();
  for (let i = 0; i < (await switches.count()); i++) if (await switches.nth(i).isChecked()) await switches.nth(i).click();
  await page.locator('citopia-privacy-notice dialog button', { hasText: /enregistrer|save|confirm/i }).first().click();
  await page.waitForFunction(() => document.querySelector('citopia-privacy-notice').getConsent('maps') === false);
});

test('the open-source badge shows Citopia\'s own publiccode.yml', async () => {
  const toggle = page.locator('citopia-open-source-badge button[aria-expanded]');
  await toggle.click();
  const details = page.locator('citopia-open-source-badge [part~="details"]');
  await details.getByText('Citopia', { exact: false }).first().waitFor();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.match(await details.textContent(), /EUPL-1\.2/);
  assert.match(await details.textContent(), /Citopia/);
});

test('the page-level easy-to-read switch changes every component, and is remembered after a reload', async () => {
  const toggle = page.locator('#reading-toggle');
  assert.equal(await page.locator('citopia-service-finder .reading-toggle').count(), 0, 'components hide their own switch');
  await page.locator('button[data-lang="fr"]').click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  await toggle.click();
  await page.waitForFunction(() => document.querySelector('citopia-service-finder')?.shadowRoot?.querySelector('label')?.textContent?.trim() === 'Chercher un service');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  // The other components follow: the badge's button, the notice's settings button (consent was given above).
  await page.waitForFunction(() => document.querySelector('citopia-open-source-badge')?.shadowRoot?.textContent?.includes('En savoir plus'));
  await page.waitForFunction(() => document.querySelector('citopia-privacy-notice')?.shadowRoot?.textContent?.includes('Vos choix pour vos données'));
  await page.reload();
  await page.waitForFunction(() => customElements.get('citopia-service-finder'));
  await page.waitForFunction(() => document.querySelector('citopia-service-finder')?.shadowRoot?.querySelector('label')?.textContent?.trim() === 'Chercher un service');
  assert.equal(await page.locator('#reading-toggle').getAttribute('aria-pressed'), 'true');
  await page.locator('#reading-toggle').click();
  await page.waitForFunction(() => document.querySelector('citopia-service-finder')?.shadowRoot?.querySelector('label')?.textContent?.trim() === 'Rechercher une prestation');
});

test('axe passes on the whole page in every locale, in standard and easy-to-read language', async () => {
  await page.addScriptTag({ content: readFileSync('node_modules/axe-core/axe.min.js', 'utf8') });
  for (const lang of LOCALES) {
    await page.locator(`button[data-lang="${lang}"]`).click();
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    await page.waitForTimeout(300);
    for (const mode of ['standard', 'easy']) {
      if (mode === 'easy') {
        await page.locator('#reading-toggle').click();
        await page.waitForTimeout(300);
      }
      const violations = await page.evaluate(async (tags) => (await window.axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`), WCAG);
      assert.deepEqual(violations, [], `axe violations in ${lang}, ${mode} language`);
    }
    await page.locator('#reading-toggle').click();
  }
});

test('nothing was requested from another host, and no script error', () => {
  assert.deepEqual(requestsElsewhere, []);
  assert.deepEqual(pageErrors, []);
});
