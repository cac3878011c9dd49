import { expect } from '@open-wc/testing';
import { deepActiveElement, mountFixture, press, tab, type, until } from '@citopia/testing';
import '../src/index.js';
import type { ServiceFinder } from '../src/index.js';
import { fixtures, SAVED_AT } from '../src/fixtures.js';
import { mergeCatalogues, normalizeSources } from '../src/catalogue/sources.js';
import { normalizeUrl } from '../src/catalogue/merge.js';
import { forgetCopy, readCopy, writeCopy } from '../src/catalogue/offline-copy.js';
import { readCatalogue } from '../src/catalogue/read.js';

const $ = <T extends Element = HTMLElement>(el: ServiceFinder, selector: string) => el.shadowRoot!.querySelector<T & Element>(selector) as T | null;
const $$ = (el: ServiceFinder, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const results = (el: ServiceFinder) =>
  $$(el, '.result').map((r) => ({ name: r.querySelector('.heading')!.textContent!.trim(), by: r.querySelector('[part="authority"]')?.textContent?.replace(/\s+/g, ' ').trim() }));
const notices = (el: ServiceFinder) => $$(el, '[part="notices"] [part="notice"]').map((n) => n.textContent!.trim());
const announced = (el: ServiceFinder) => $(el, '.visually-hidden[role="status"]')!.textContent!.trim();
const loaded = (el: ServiceFinder) => until(() => $(el, '#results')?.getAttribute('aria-busy') === 'false', 8000, 'the catalogue');
const settled = (el: ServiceFinder) => until(() => !$(el, '#results')!.hasAttribute('data-sources-pending'), 8000, 'every source');
const FIXTURES = '/packages/service-finder/fixtures/';
const CITY = { src: FIXTURES + 'ville-de-demo.json', authority: { id: 'ville', kind: 'city', name: { fr: 'Ville de Démo', de: 'Stadt Demo', en: 'City of Demo' } } };
const CANTON = { src: FIXTURES + 'canton-de-demo.json', authority: { id: 'canton', kind: 'region', name: { fr: 'Canton de Démo', de: 'Kanton Demo', en: 'Canton of Demo' } } };

/** A finder with `sources` (and attributes), mounted under `lang`; resolves once it can be searched. */
async function mount(sources: unknown, lang = 'fr', attributes: Record<string, string> = {}) {
  const wrapper = document.createElement('div');
  wrapper.lang = lang;
  wrapper.dataset['citopiaTest'] = '';
  const el = document.createElement('citopia-service-finder');
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
  el.sources = sources as ServiceFinder['sources'];
  wrapper.append(el);
  document.body.append(wrapper);
  await loaded(el);
  return el;
}

/** As mount(), once every source has answered or failed. */
async function mountSettled(sources: unknown, lang = 'fr', attributes: Record<string, string> = {}) {
  const el = await mount(sources, lang, attributes);
  await settled(el);
  return el;
}

async function typeQuery(el: ServiceFinder, text: string) {
  $<HTMLInputElement>(el, '#q')!.focus();
  await type(text);
  await el.updateComplete;
}

describe('<citopia-service-finder sources>: several catalogues', function () {
  this.timeout(20_000);
  afterEach(() => document.querySelectorAll('[data-citopia-test]').forEach((n) => n.remove()));

  describe('merging and labelling', () => {
    it('shows a service two authorities publish (same identifier) once, with both named', async () => {
      const { el } = await mountFixture(fixtures, 'two-authorities', { lang: 'fr' });
      const found = results(el);
      expect(found.filter((r) => r.name === 'Permis de séjour pour personnes étrangères')).to.deep.equal([
        { name: 'Permis de séjour pour personnes étrangères', by: 'Proposée par Ville de Démo et Canton de Démo' },
      ]);
      expect(found.find((r) => r.name === 'Permis de conduire')?.by).to.equal('Proposée par Canton de Démo');
      expect(found.find((r) => r.name === 'Permis de construire')?.by).to.equal('Proposée par Ville de Démo');
    });

    it('shows a service two authorities publish under the same page URL once (trailing slash aside)', async () => {
      const { el } = await mountFixture(fixtures, 'two-authorities', { lang: 'de' });
      el.query = 'Steuererklärung';
      await el.updateComplete;
      const returns = results(el).filter((r) => r.name === 'Steuererklärung');
      expect(returns).to.deep.equal([{ name: 'Steuererklärung', by: 'Angeboten von Stadt Demo und Kanton Demo' }]);
    });

    it('reads sources as a JSON attribute or as URLs separated by spaces', async () => {
      expect(normalizeSources(`${CITY.src}  ${CANTON.src}`)).to.deep.equal([{ src: CITY.src }, { src: CANTON.src }]);
      expect(normalizeSources(JSON.stringify([CITY, 42, { authority: {} }]))).to.deep.equal([CITY]);
      expect(normalizeSources('[not json')).to.deep.equal([]);
      const wrapper = document.createElement('div');
      wrapper.lang = 'en';
      wrapper.dataset['citopiaTest'] = '';
      wrapper.innerHTML = `<citopia-service-finder sources="${FIXTURES}ville-de-demo.json ${FIXTURES}canton-de-demo.json" query="fishing"></citopia-service-finder>`;
      document.body.append(wrapper);
      const el = wrapper.firstElementChild as ServiceFinder;
      await until(() => el.shadowRoot?.querySelector('#results'), 8000, 'the element');
      await loaded(el);
      await settled(el);
      // No authority declared: the catalogues' publishers name them.
      expect(results(el)[0]).to.deep.equal({ name: 'Fishing permit', by: 'Provided by Canton of Demo' });
    });

    it('reads a JSON-LD catalogue (schema.org provider) beside ours, merging on the identifier', async () => {
      const jsonld = {
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'GovernmentService', identifier: 'naturalisation', name: 'Naturalisation', url: 'https://www.sem.admin.ch/naturalisation', provider: { '@type': 'GovernmentOrganization', name: 'Secrétariat d’État aux migrations', kind: 'country' } },
          { '@type': 'GovernmentService', identifier: 'passeport', name: 'Passeport suisse', keywords: 'passeport, voyage', provider: { name: 'Secrétariat d’État aux migrations' } },
          { '@type': 'Place', name: 'not a service' },
        ],
      };
      const el = await mountSettled([CITY, { services: jsonld }], 'fr', { query: 'naturalisation' });
      expect(results(el)[0]).to.deep.equal({ name: 'Naturalisation', by: 'Proposée par Ville de Démo et Secrétariat d’État aux migrations' });
      el.query = 'voyage';
      await el.updateComplete;
      expect(results(el).map((r) => r.name)).to.include('Passeport suisse');
    });

    it('merges categories and audiences, and compares URLs as people mean them', async () => {
      expect(normalizeUrl('https://www.Ville-Demo.ch/a/')).to.equal(normalizeUrl('http://ville-demo.ch/a'));
      expect(normalizeUrl('https://ville-demo.ch/a?x=1')).not.to.equal(normalizeUrl('https://ville-demo.ch/a'));
      const a = await readCatalogue({ categories: [{ id: 'c', name: 'C' }], services: [{ id: 's', name: 'S', categories: ['c'] }] });
      const b = await readCatalogue({ categories: [{ id: 'c', name: 'other' }, { id: 'd', name: 'D' }], services: [{ id: 's', name: 'S', categories: ['d'] }, { id: 't', name: 'T' }] });
      const merged = mergeCatalogues([
        { authority: { id: 'a', name: 'A', kind: 'city' }, catalogue: a },
        { authority: { id: 'b', name: 'B', kind: 'region' }, catalogue: b },
      ]);
      expect(merged.services.map((s) => [s.id, s.categories, s.authorities!.map((x) => x.id)])).to.deep.equal([
        ['s', ['c', 'd'], ['a', 'b']],
        ['t', undefined, ['b']],
      ]);
      expect(merged.categories!.map((c) => c.name)).to.deep.equal(['C', 'D']);
    });
  });

  describe('filtering by authority', () => {
    it('filters with the keyboard, announces the count and the authority, and labels stay', async () => {
      const { el } = await mountFixture(fixtures, 'two-authorities', { lang: 'en' });
      el.query = '';
      await el.updateComplete;
      await typeQuery(el, 'permit');
      const all = $$(el, '.result').length;
      await tab(3); // category, audience, then the authority filter
      expect(deepActiveElement()).to.equal($(el, '#authority'));
      expect($(el, 'label[for="authority"]')!.textContent).to.equal('Provided by');
      await press('ArrowDown'); // City of Demo
      await press('ArrowDown'); // Canton of Demo
      await el.updateComplete;
      expect($<HTMLSelectElement>(el, '#authority')!.selectedOptions[0]!.textContent).to.equal('Canton of Demo');
      const found = results(el);
      expect(found.length).to.be.greaterThan(0).and.lessThan(all);
      expect(found.every((r) => r.by!.includes('Canton of Demo'))).to.equal(true);
      await until(() => /services? found\. Provided by: Canton of Demo\./i.test(announced(el)) || /^One service found\. Provided by: Canton of Demo\./.test(announced(el)), 3000, 'the announcement');
    });

    it('starts from the authority attribute, and lists that authority’s services when nothing is typed', async () => {
      const { el } = await mountFixture(fixtures, 'authority-filter', { lang: 'fr' });
      const found = results(el);
      expect(found.length).to.equal(8);
      expect($<HTMLSelectElement>(el, '#authority')!.value).to.equal('canton-de-demo');
    });

    it('filters nothing on an authority id none of the sources has', async () => {
      const el = await mountSettled([CITY, CANTON], 'en', { authority: 'nobody', query: 'permit' });
      const all = await mountSettled([CITY, CANTON], 'en', { query: 'permit' });
      expect(results(all).length).to.be.greaterThan(2);
      expect(results(el).length).to.equal(results(all).length);
    });

    it('shows no authority filter nor labels with one source', async () => {
      const { el } = await mountFixture(fixtures, 'results', { lang: 'fr' });
      expect($(el, '#authority')).to.equal(null);
      expect($(el, '[part="authority"]')).to.equal(null);
    });
  });

  describe('a catalogue that fails', () => {
    it('names the missing catalogue in the page language and searches the others (a real 503)', async () => {
      const el = await mount([CITY, { ...CANTON, src: '/__test/status/503' }], 'de', { query: 'Baugesuch' });
      await until(() => notices(el).length > 0, 8000, 'the notice');
      expect(notices(el)).to.deep.equal(['Die Dienstleistungen von Kanton Demo konnten nicht geladen werden. Die übrigen Dienstleistungen können Sie durchsuchen.']);
      expect(results(el)[0]!.name).to.equal('Baugesuch');
      expect($(el, '[role="alert"]')).to.equal(null);
      // Retry, with the keyboard: a new request to the failing server.
      const requests = () => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/__test/status/503')).length;
      const before = requests();
      $<HTMLButtonElement>(el, '.notice-actions [part="retry"]')!.focus();
      await press('Enter');
      await until(() => requests() > before, 4000, 'a new request');
    });

    it('is searchable as soon as the first catalogue arrives, before a slow one answers (or fails)', async () => {
      const el = await mount([{ ...CANTON, src: '/__test/slow?ms=1500' }, CITY], 'fr', { query: 'permis de construire' });
      expect(results(el)[0]!.name).to.equal('Permis de construire');
      expect(notices(el)).to.deep.equal([]);
      // The slow answer is not a catalogue: then it is named as missing.
      await until(() => notices(el).length === 1, 8000, 'the notice');
      expect(notices(el)[0]).to.match(/Canton de Démo/);
    });

    it('says so, with the usual error, when every catalogue fails (a dropped connection, a 404)', async () => {
      const el = await mountSettled([{ ...CITY, src: '/__test/drop' }, { ...CANTON, src: '/__test/status/404' }], 'en');
      expect($(el, '[role="alert"]')).not.to.equal(null);
      expect(notices(el)).to.have.length(2);
    });
  });

  describe('the offline copy', () => {
    it('keeps the catalogue it loaded, with its ETag, and confirms it with If-None-Match (a 304 keeps it)', async () => {
      const body = JSON.stringify({ services: [{ id: 'a', name: 'Served by the server' }] });
      const src = `/__test/etag?tag=v1&body=${encodeURIComponent(body)}`;
      forgetCopy(src);
      const el = await mount(undefined, 'en', { src, query: 'served' });
      expect(results(el).map((r) => r.name)).to.deep.equal(['Served by the server']);
      expect(readCopy(src)).to.include({ text: body, etag: '"v1"' });
      el.remove();
      // The copy now says something else under the same ETag: only a 304 can keep it shown.
      writeCopy(src, { text: JSON.stringify({ services: [{ id: 'a', name: 'Kept from the copy' }] }), etag: '"v1"', savedAt: SAVED_AT });
      const again = await mount(undefined, 'en', { src, query: 'kept' });
      await until(() => readCopy(src)!.savedAt > SAVED_AT, 4000, 'the copy confirmed');
      expect(results(again).map((r) => r.name)).to.deep.equal(['Kept from the copy']);
      expect(notices(again)).to.deep.equal([]);
    });

    it('replaces the copy when the catalogue changed (another ETag)', async () => {
      const body = JSON.stringify({ services: [{ id: 'b', name: 'New version' }] });
      const src = `/__test/etag?tag=v2&body=${encodeURIComponent(body)}`;
      writeCopy(src, { text: JSON.stringify({ services: [{ id: 'b', name: 'Old version' }] }), etag: '"v1"', savedAt: SAVED_AT });
      const el = await mount(undefined, 'en', { src, query: 'version' });
      await until(() => results(el)[0]?.name === 'New version', 4000, 'the new version');
      expect(readCopy(src)).to.include({ text: body, etag: '"v2"' });
    });

    it('searches the saved copy when the network fails, and says since when it may be old (French)', async () => {
      const src = '/__test/drop?offline-copy';
      const text = await (await fetch(FIXTURES + 'ville-de-demo.json')).text();
      writeCopy(src, { text, savedAt: SAVED_AT });
      const el = await mount(undefined, 'fr', { src });
      await until(() => notices(el).length > 0, 8000, 'the notice');
      const date = new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeStyle: 'short' }).format(SAVED_AT);
      expect(notices(el)).to.deep.equal([`Cette liste n’est peut-être plus à jour (enregistrée le ${date}).`]);
      await typeQuery(el, 'carte identite');
      expect(results(el)[0]!.name).to.equal("Carte d'identité");
    });

    it('the offline-copy fixture shows the copy and the notice', async () => {
      const { el } = await mountFixture(fixtures, 'offline-copy', { lang: 'en' });
      expect(notices(el)[0]).to.match(/^This list may be out of date \(saved on November 2, 2026/);
      expect(results(el).length).to.be.greaterThan(0);
    });

    it('with a full device storage, loses nothing: the list shows, kept in memory, and the finder says it will not be offline', async function () {
      // Fill the real localStorage up to its quota, in ever smaller pieces, to the last character.
      const filler: string[] = [];
      for (let size = 1 << 20; size >= 1; size >>= 1) {
        for (;;) {
          try {
            localStorage.setItem(`citopia-test-filler-${filler.length}`, 'x'.repeat(size));
            filler.push(`citopia-test-filler-${filler.length}`);
          } catch {
            break;
          }
        }
      }
      try {
        const src = FIXTURES + 'small.json?full-storage';
        forgetCopy(src);
        const el = await mount(undefined, 'en', { src, query: 'building' });
        await until(() => notices(el).length > 0, 4000, 'the notice');
        expect(notices(el)).to.deep.equal(['This list cannot be kept on this device, so it will not be available offline.']);
        expect(results(el).length).to.be.greaterThan(0);
        expect(readCopy(src)?.text).to.be.a('string'); // in memory, while the page is open
      } finally {
        filler.forEach((k) => localStorage.removeItem(k));
      }
    });
  });
});
