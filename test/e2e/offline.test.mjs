// The demo page when the network is gone: a first visit online leaves the catalogues and the
// request form's service list on the device; on the next visit no data request gets through
// (the page itself comes from the browser's cache or the city's service worker, which the demo
// stands in for by serving it), yet a resident finds a service, is told the list may be out of
// date, and starts a request, which waits in the outbox.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoAndBrowser } from '../../scripts/demo-browser.mjs';


const env = demoAndBrowser();


test('offline, the saved catalogues are searched (with a notice) and a request waits in the outbox', { timeout: 120_000 }, async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${env.demo.url}/`);
  // Online: both catalogues and the form’s service list arrive (and are kept).
  await page.locator('citopia-assistance-request input[name="service"][value="204"]').waitFor({ state: 'attached' });
  await page.waitForFunction(() => Object.keys(localStorage).filter((k) => k.startsWith('citopia:finder:copy:text:')).length === 2);

  // Offline: every data request fails as on a dead connection.
  // (The page reaches its Open311 server on its own origin, under /dev/open311-server/.)
  const open311 = (url) => url.pathname.startsWith('/dev/open311-server/');
  const blocked = [];
  await page.route(
    (url) => open311(url) || url.pathname.startsWith('/packages/service-finder/fixtures/'),
    (route) => {
      blocked.push(route.request().url());
      return route.abort('internetdisconnected');
    },
  );
  await page.reload();
  const notice = page.locator('citopia-service-finder [part~="notice"]');
  await notice.first().waitFor();
  assert.match(await notice.first().textContent(), /Cette liste n’est peut-être plus à jour \(enregistrée le /);
  const input = page.locator('citopia-service-finder input[type="search"]');
  await input.click();
  await page.keyboard.type('permis de conduire');
  const first = page.locator('citopia-service-finder [part~="result"]').first();
  await first.waitFor();
  assert.match(await first.textContent(), /Permis de conduire/);
  assert.match(await first.textContent(), /Proposée par Canton de Démo/);

  const form = page.locator('citopia-assistance-request');
  await form.locator('input[name="service"][value="204"]').check();
  await form.locator('#description').click();
  await page.keyboard.type('Demande commencée sans réseau');
  await form.locator('#address').click();
  await page.keyboard.type('Rue du Marché 12');
  await form.locator('input[name="answer"][value="none"]').check();
  await page.waitForTimeout(3100); // the form's minimum fill time
  await form.locator('button[type="submit"]').click();
  await form.locator('#send').click();
  await form.locator('[part~="outbox"]').waitFor({ timeout: 10_000 });
  assert.ok(blocked.some((u) => u.includes('/fixtures/')) && blocked.some((u) => open311(new URL(u))), 'the data requests were really cut');
  const outbox = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('citopia:request:outbox:'))?.[1]);
  assert.equal(JSON.parse(outbox).length, 1);
  assert.deepEqual(errors, []);
  await context.close();
});
