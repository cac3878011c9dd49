// The demo page's French strings come in two chunks (scripts/rollup-merge-catalogues.mjs): what
// the first views show, and the rest, which arrives with the first part that shows it. In Debian's
// Chromium: the rest is not downloaded before anyone asks for such a part; the part then speaks
// French, never English; a language chosen afterwards brings its own rest; and a rest that fails
// to download is explained, with "Try again" that works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoAndBrowser } from '../../scripts/demo-browser.mjs';
import { openSettled, resources } from '../../scripts/page-scripts.mjs';

const TAGS = ['citopia-service-finder', 'citopia-assistance-request', 'citopia-privacy-notice', 'citopia-open-source-badge'];
// Strings of the notice's details layer that only the rest holds (privacy.save,
// privacy.details.purposes): its first views never show them.
const LAYER = {
  fr: ['Enregistrer mes choix', 'Pourquoi nous utilisons vos données'],
  de: ['Meine Auswahl speichern', 'Wozu wir Ihre Daten verwenden'],
  en: ['Save my choices', 'Why we use your data'],
};

const env = demoAndBrowser();


const rests = async (page) => (await resources(page)).map((r) => r.name).filter((n) => /\/chunks\/\w+-rest-[\w-]+\.js$/.test(n));
const dialogText = (page) => page.evaluate(() => document.querySelector('citopia-privacy-notice').shadowRoot.querySelector('dialog')?.textContent ?? '');

test('the rest of the strings waits for a part that shows them, which then speaks the page language', async () => {
  const page = await env.browser.newPage();
  try {
    await openSettled(page, `${env.demo.url}/`, TAGS);
    assert.deepEqual(await rests(page), [], 'no rest of the strings before anyone asks for a part');
    await page.evaluate(() => document.querySelector('citopia-privacy-notice').openSettings());
    await page.waitForFunction(() => document.querySelector('citopia-privacy-notice').shadowRoot.querySelector('dialog[open]'));
    const text = await dialogText(page);
    for (const s of LAYER.fr) assert.ok(text.includes(s), `the layer says "${s}": ${text.slice(0, 200)}`);
    for (const s of LAYER.en) assert.ok(!text.includes(s), `no English "${s}" in the French layer`);
    assert.match((await rests(page)).join(), /\/fr-rest-/);

    // A language chosen now (as the page's switcher does; the open dialog makes the page inert):
    // the layer, still open, speaks it, from that language's own rest.
    await page.evaluate(() => (document.documentElement.lang = 'de'));
    await page.waitForFunction((s) => document.querySelector('citopia-privacy-notice').shadowRoot.querySelector('dialog')?.textContent.includes(s), LAYER.de[0]);
    assert.ok((await dialogText(page)).includes(LAYER.de[1]));
    assert.match((await rests(page)).join(), /\/de-rest-/);
  } finally {
    await page.close();
  }
});

test('a rest of the strings that fails to download is explained, and "Try again" brings the part in French', async () => {
  const page = await env.browser.newPage();
  try {
    let refused = 0;
    await page.route(/\/chunks\/fr-rest-[\w-]+\.js(\?|$)/, (route) => (refused++ === 0 ? route.abort('connectionrefused') : route.continue()));
    await openSettled(page, `${env.demo.url}/`, TAGS);
    await page.evaluate(() => document.querySelector('citopia-privacy-notice').openSettings());
    const retry = page.locator('citopia-privacy-notice button', { hasText: 'Réessayer' });
    await retry.waitFor({ timeout: 10_000 });
    assert.equal(refused, 1);
    const shown = await page.evaluate(() => document.querySelector('citopia-privacy-notice').shadowRoot.textContent);
    assert.match(shown, /injoignable|hors ligne/, 'the failure is explained in French');
    await retry.click();
    await page.waitForFunction(() => document.querySelector('citopia-privacy-notice').shadowRoot.querySelector('dialog[open]'));
    const text = await dialogText(page);
    for (const s of LAYER.fr) assert.ok(text.includes(s), `after "Try again" the layer says "${s}"`);
    assert.ok(refused >= 2, 'the rest was asked for again');
  } finally {
    await page.close();
  }
});
