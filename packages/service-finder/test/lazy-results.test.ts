/**
 * The results' code (the search index, the result template, the channels) is a lazily loaded
 * chunk. This file runs in a page of its own, so the chunk is not in memory when it starts: a
 * chunk that cannot be loaded (a dropped connection, offline) must be said in the page's
 * language with "Try again", and nothing typed may be lost.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { deepActiveElement, press, type, until } from '@citopia/testing';
import '../src/index.js';
import type { ServiceFinder } from '../src/index.js';

const CITY = '/packages/service-finder/fixtures/ville-de-demo.json';
const $ = (el: ServiceFinder, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
/** The test server answers 503 for this page's requests of the chunk while the cookie is set (chunkFaultsPlugin in scripts/wtr-plugins.mjs). */
const failChunk = (fail: boolean) => (document.cookie = `citopia-chunk-result-view=${fail ? 'fail' : ''}; path=/; max-age=${fail ? 600 : 0}`);

describe('<citopia-service-finder>: the results’ chunk fails to load', function () {
  this.timeout(40_000);
  after(() => failChunk(false));

  it('says so in the page language with "Try again", keeps what was typed, and asks again', async function () {
    await executeServerCommand('chunk-no-cache');
    failChunk(true);
    const wrapper = document.createElement('div');
    wrapper.lang = 'fr';
    const el = document.createElement('citopia-service-finder');
    el.src = CITY;
    wrapper.append(el);
    document.body.append(wrapper);
    await until(() => $(el, '.categories'), 8000, 'the categories');

    const field = el.shadowRoot!.querySelector<HTMLInputElement>('#q')!;
    field.focus();
    await type('permis');
    await until(() => field.value === 'permis', 5000, 'the typed text');
    // The test server refuses the chunk to this page (its cookie), and this page does not use
    // Chromium's HTTP cache (shared by the test pages): the page really met the failure.
    const chunkStatus = () => performance.getEntriesByType('resource').filter((e) => /\/result-view\./.test(e.name)).map((e) => (e as PerformanceResourceTiming).responseStatus);
    await until(() => chunkStatus().length > 0, 8000, 'the chunk requested');
    expect(chunkStatus(), 'the chunk was refused, not served').not.to.include(200);
    await until(() => $(el, '.message.error'), 20_000, 'the error');
    const error = $(el, '.message.error')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain('Le serveur est injoignable.');
    expect($(el, '[part="retry"]')!.textContent!.trim()).to.equal('Réessayer');
    expect($(el, '#results')!.getAttribute('aria-busy')).to.equal('false');
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('#q')!.value, 'what was typed is kept').to.equal('permis');
    expect(el.shadowRoot!.textContent).not.to.match(/could not|Try again/);

    // "Try again" asks the server for the chunk again (under a new address: Firefox keeps a
    // failed module fetch); still refused, the focus goes to the new message (said once, by the
    // focus move).
    $(el, '[part="retry"]')!.focus();
    await press('Enter');
    await until(() => deepActiveElement() === $(el, '.message.error p'), 8000, 'the focus on the new message');
    expect($(el, '.message.error')!.getAttribute('role'), 'said by the focus move, not by an alert as well').to.equal(null);
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('#q')!.value, 'what was typed is still kept').to.equal('permis');

    // Back online: "Try again" loads the chunk and shows the results for what was typed.
    failChunk(false);
    $(el, '[part="retry"]')!.focus();
    await press('Enter');
    await until(() => $(el, '[part~="result"]'), 20_000, 'the results once the chunk loaded');
    expect($(el, '.message.error'), 'the error is gone').to.equal(null);
    wrapper.remove();
  });
});
