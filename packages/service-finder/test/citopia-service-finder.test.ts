import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { a11ySweep, deepActiveElement, failingFirst, liveRegionsSaying, mountFixture, press, settle, tab, type, until } from '@citopia/testing';
import '../src/index.js';
import type { ServiceFinder } from '../src/index.js';
import { fixtures } from '../src/fixtures.js';

const root = (el: ServiceFinder) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: ServiceFinder, selector: string) => root(el).querySelector<T & Element>(selector) as T | null;
const $$ = (el: ServiceFinder, selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)];
const names = (el: ServiceFinder) => $$(el, '.result .heading').map((n) => n.textContent!.trim());
const announced = (el: ServiceFinder) => $(el, '[role="status"]')!.textContent!.trim();
const input = (el: ServiceFinder) => $<HTMLInputElement>(el, '#q')!;
const loaded = (el: ServiceFinder) => until(() => $(el, '#results')?.getAttribute('aria-busy') === 'false', 8000, 'the catalogue');

/** Mounts a finder that is not in the fixture list (attributes the test needs), under `lang`. */
async function mount(attributes: Record<string, string>, lang = 'fr') {
  const wrapper = document.createElement('div');
  wrapper.lang = lang;
  wrapper.dataset['citopiaTest'] = '';
  const el = document.createElement('citopia-service-finder');
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
  wrapper.append(el);
  document.body.append(wrapper);
  await loaded(el);
  return el;
}
/** A fixture in French, `query` typed with real keys, and the count of each `citopia-search` it fires. */
async function typeInFixture(fixture: string, query: string) {
  const { el } = await mountFixture(fixtures, fixture, { lang: 'fr' });
  const seen: number[] = [];
  el.addEventListener('citopia-search', (e) => seen.push(e.detail.count));
  input(el).focus();
  await type(query);
  return { el, seen };
}

const CITY = '/packages/service-finder/fixtures/ville-de-demo.json';

/**
 * Focuses the search field and types, with real key presses. As a person, who takes longer than
 * that between focusing and the first key, the test lets the results' code that the focus asked
 * for arrive first (test/lazy-results.test.ts covers typing before it is there).
 */
async function typeQuery(el: ServiceFinder, text: string) {
  input(el).focus();
  await (el.constructor as typeof ServiceFinder).loadRenderCode();
  await type(text);
  await el.updateComplete;
}

describe('<citopia-service-finder>', function () {
  this.timeout(20_000);
  afterEach(() => document.querySelectorAll('[data-citopia-test]').forEach((n) => n.remove()));

  describe('searching as people type', () => {
    for (const [lang, query, first] of [
      ['fr', 'permis de construire', 'Permis de construire'],
      ['de', 'Baugesuch', 'Baugesuch'],
      ['fr', "carte d'identite", "Carte d'identité"],
      ['fr', 'dechets encombrant', 'Déchets encombrants'],
      ['it', 'rifiuti ingombranti', 'Rifiuti ingombranti'],
      ['en', 'bulky wste', 'Bulky waste'],
    ] as const) {
      it(`finds "${first}" for "${query}" (${lang})`, async () => {
        const { el } = await mountFixture(fixtures, 'ville-de-demo', { lang });
        await typeQuery(el, query);
        expect(names(el)[0]).to.equal(first);
      });
    }

    it('finds a service typed in another language than the page’s, and tags it with its language', async () => {
      const { el } = await mountFixture(fixtures, 'small', { lang: 'it' });
      await typeQuery(el, 'Baugesuch');
      // No Italian text in this catalogue: the core fallback order (en, fr, de) applies, tagged.
      expect(names(el)[0]).to.equal('Building permit');
      expect($(el, '.result [part="result-link"]')!.getAttribute('lang')).to.equal('en');
    });

    it('updates the results on every key press, synchronously, and announces the count once typing pauses', async () => {
      const { el, seen } = await typeInFixture('ville-de-demo', 'imp');
      // The frame after the key press already shows the results; nothing announced yet.
      await new Promise((r) => requestAnimationFrame(r));
      expect(names(el)).to.include("Déclaration d'impôt");
      expect(announced(el)).to.equal('');
      await until(() => announced(el) !== '', 3000, 'the announcement');
      expect(announced(el)).to.match(/^\d+ prestations trouvées\.$/);
      expect(seen).to.have.length(1);
      expect($(el, '#count')!.textContent).to.equal(announced(el));
    });

    it('says that no service is listed yet when someone searches a catalogue with none (no results’ code needed for it)', async () => {
      const { el, seen } = await typeInFixture('empty', 'permis');
      await until(() => announced(el) !== '', 3000, 'the announcement');
      expect(announced(el)).to.equal('Aucune prestation n’est encore répertoriée.');
      expect($(el, '[part="message"]')!.textContent).to.equal(announced(el));
      expect(seen).to.deep.equal([0]);
    });

    it('says how to reach each service in easy-to-read words when the reading mode changes, results shown', async () => {
      const { el } = await mountFixture(fixtures, 'results', { lang: 'fr' });
      const kinds = () => $$(el, '.channel .kind').map((n) => n.textContent);
      expect(kinds()).to.include('En ligne');
      el.reading = 'easy';
      await until(() => kinds().includes('Sur internet'), 3000, 'the easy-to-read channel names');
      expect(kinds()).not.to.include('En ligne');
      expect($(el, '.channels')!.getAttribute('aria-label')).to.equal('Comment joindre ce service');
    });

    it('marks the matched words with <mark>, as text', async () => {
      const { el } = await mountFixture(fixtures, 'results', { lang: 'fr' });
      const marks = $$(el, '.result:first-child mark').map((m) => m.textContent);
      expect(marks).to.include.members(['Permis', 'construire']);
      expect($(el, '.result:first-child mark')!.children).to.have.length(0);
    });

    it('shows how to reach each service, with text beside every icon and opening hours', async () => {
      const { el } = await mountFixture(fixtures, 'results', { lang: 'en' });
      const channels = $$(el, '.result:first-child .channel');
      expect(channels.map((c) => c.querySelector('.kind')!.textContent)).to.deep.equal(['Online', 'Phone', 'Email', 'In person']);
      for (const c of channels) expect(c.querySelector('.icon')!.getAttribute('aria-hidden')).to.equal('true');
      expect(channels[1]!.querySelector('a')!.getAttribute('href')).to.equal('tel:+41215551030');
      expect(channels[3]!.textContent).to.match(/Avenue de la Gare 12, 1000 Démo/).and.match(/Mon–Fri 08:00–12:00/);
    });

    it('says when the search matches nothing in Arabic, and counts with every Arabic plural form', async () => {
      const counts: Record<number, RegExp> = { 1: /خدمة واحدة/, 2: /خدمتين/, 3: /3 خدمات/, 11: /11 خدمة/, 100: /100 خدمة/ };
      for (const [n, pattern] of Object.entries(counts)) {
        const wrapper = document.createElement('div');
        wrapper.lang = 'ar';
        wrapper.dataset['citopiaTest'] = '';
        const el = document.createElement('citopia-service-finder');
        el.services = Array.from({ length: Number(n) }, (_, i) => ({ id: `s${i}`, name: { fr: `Service ${i}` } }));
        wrapper.append(el);
        document.body.append(wrapper);
        await loaded(el);
        expect($(el, '#count')!.textContent, n).to.match(pattern);
        expect(el.getAttribute('dir')).to.equal('rtl');
        wrapper.remove();
      }
    });
  });

  describe('browsing and filters', () => {
    it('shows the categories to browse when the query is empty, and lists a category chosen by keyboard', async () => {
      const { el } = await mountFixture(fixtures, 'ville-de-demo', { lang: 'fr' });
      const buttons = $$(el, '.categories button');
      expect(buttons.length).to.be.greaterThan(10);
      const waste = buttons.find((b) => b.textContent!.includes('Déchets et propreté'))!;
      waste.focus();
      await press('Enter');
      await el.updateComplete;
      expect(deepActiveElement()).to.equal($(el, '#count'));
      expect(names(el)).to.include('Déchets encombrants');
      expect($<HTMLSelectElement>(el, '#category')!.value).to.equal('dechets');
      expect(announced(el)).to.match(/Catégorie : Déchets et propreté\./);
    });

    it('filters by category and audience with the keyboard, state visible and announced', async () => {
      const { el } = await mountFixture(fixtures, 'ville-de-demo', { lang: 'en' });
      await typeQuery(el, 'permit');
      const all = $$(el, '.result').length;
      await tab(); // to the category filter
      expect(deepActiveElement()).to.equal($(el, '#category'));
      await press('ArrowDown'); // first category: Civil status and residents
      await press('ArrowDown'); // Building and housing
      await el.updateComplete;
      expect($<HTMLSelectElement>(el, '#category')!.selectedOptions[0]!.textContent).to.equal('Building and housing');
      expect($$(el, '.result').length).to.be.lessThan(all);
      expect(names(el)[0]).to.equal('Building permit');
      await until(() => /Category: Building and housing\./.test(announced(el)), 3000, 'the filter announcement');
      await tab();
      await press('ArrowDown'); // audience: Residents
      await el.updateComplete;
      await until(() => /For: Residents\./.test(announced(el)), 3000, 'the audience announcement');
    });

    it('shows 10 results, then more on request, with focus on the first new one', async () => {
      const { el } = await mountFixture(fixtures, 'huge', { lang: 'fr' });
      expect($$(el, '.result')).to.have.length(10);
      expect($(el, '.more')!.textContent).to.match(/10 sur [\d  ]+ affichées/);
      $<HTMLButtonElement>(el, '[part="more"]')!.focus();
      await press('Enter');
      await el.updateComplete;
      expect($$(el, '.result')).to.have.length(20);
      expect(deepActiveElement()).to.equal($$(el, '.result')[10]!.querySelector('a'));
    });
  });

  describe('when nothing matches', () => {
    it('suggests words of the catalogue and offers help, with a cancelable event carrying the query', async () => {
      const { el } = await mountFixture(fixtures, 'ville-de-demo', { lang: 'fr' });
      await typeQuery(el, 'pizine');
      expect($(el, '[part="no-results"] [role="heading"]')!.textContent).to.equal('Aucune prestation trouvée pour « pizine ».');
      await until(() => $$(el, '[part="suggestion"]').length > 0, 3000, 'suggestions');
      expect($$(el, '[part="suggestion"]').map((b) => b.textContent)).to.include('piscine');
      const link = $<HTMLAnchorElement>(el, 'a[part="assistance"]')!;
      expect(link.getAttribute('href')).to.equal('/demande?description=pizine&service=');
      let detail: unknown;
      el.addEventListener('citopia-service-not-found', (e) => {
        detail = e.detail;
        e.preventDefault(); // the page opens its own form instead
      });
      link.focus();
      await press('Enter');
      expect(detail).to.deep.equal({ query: 'pizine', category: '', audience: '' });
      expect(location.pathname).not.to.equal('/demande');
      // Taking a suggestion searches it and keeps the focus in the search field.
      $$(el, '[part="suggestion"]').find((b) => b.textContent === 'piscine')!.focus();
      await press('Enter');
      await el.updateComplete;
      expect(input(el).value).to.equal('piscine');
      expect(names(el)[0]).to.equal('Piscines et patinoire');
      expect(deepActiveElement()).to.equal(input(el));
    });

    it('offers a help button (event only) when no assistance-href is set', async () => {
      const el = await mount({ src: CITY, query: 'xqzxqz' });
      const button = $<HTMLButtonElement>(el, 'button[part="assistance"]')!;
      let query = '';
      el.addEventListener('citopia-service-not-found', (e) => (query = e.detail.query));
      button.focus();
      await press('Enter');
      expect(query).to.equal('xqzxqz');
    });
  });

  describe('choosing a service', () => {
    it('emits a cancelable citopia-service-select with the service', async () => {
      const { el } = await mountFixture(fixtures, 'results', { lang: 'fr' });
      let id = '';
      el.addEventListener('citopia-service-select', (e) => {
        id = e.detail.service.id;
        e.preventDefault();
      });
      const link = $<HTMLAnchorElement>(el, '.result [part="result-link"]')!;
      expect(link.getAttribute('href')).to.equal('https://www.ville-demo.ch/services/permis-construire');
      link.focus();
      await press('Enter');
      expect(id).to.equal('permis-construire');
    });

    it('leads Open311 request types to the assistance request', async () => {
      const { el } = await mountFixture(fixtures, 'open311', { lang: 'de' });
      expect($$(el, '.categories button').map((b) => b.textContent!.replace(/\s+\d+\s*$/, '').trim())).to.deep.equal(['Routes et trottoirs', 'Propreté', 'Parcs et espaces verts', 'Aide et conseil']);
      await typeQuery(el, 'lampadaire');
      const link = $<HTMLAnchorElement>(el, '.result [part="result-link"]')!;
      expect(link.textContent).to.equal('Éclairage public en panne');
      expect(link.getAttribute('href')).to.equal('/demande?service=ECL');
      expect(link.getAttribute('lang')).to.equal('fr');
    });
  });

  describe('URL sync', () => {
    const start = location.href;
    afterEach(() => history.replaceState(null, '', start));

    it('keeps the query and filters in the URL; back and forward restore them', async () => {
      const el = await mount({ src: CITY, 'sync-url': '' });
      await typeQuery(el, 'impot');
      await until(() => new URL(location.href).searchParams.get('q') === 'impot', 3000, 'q in the URL');
      const category = $<HTMLSelectElement>(el, '#category')!;
      category.focus();
      await press('ArrowDown');
      await until(() => new URL(location.href).searchParams.get('category') === 'population', 3000, 'category in the URL');
      history.back();
      await until(() => $<HTMLSelectElement>(el, '#category')!.value === '', 3000, 'the filter to be restored');
      expect(input(el).value).to.equal('impot');
      history.back();
      await until(() => input(el).value === '', 3000, 'the empty query');
      expect($$(el, '.categories button').length).to.be.greaterThan(0);
      history.forward();
      await until(() => input(el).value === 'impot', 3000, 'forward');
    });

    it('starts from the URL (a shared link)', async () => {
      history.replaceState(null, '', '?q=velo&category=mobilite');
      const el = await mount({ src: CITY, 'sync-url': '' });
      await until(() => input(el).value === 'velo', 3000, 'the query from the URL');
      expect($<HTMLSelectElement>(el, '#category')!.value).to.equal('mobilite');
      expect(names(el)[0]).to.equal('Subvention pour vélo électrique');
    });
  });

  describe('loading and errors', () => {
    it('shows a loading state with the light-DOM list still visible', async () => {
      const { el } = await mountFixture(fixtures, 'loading', { lang: 'fr' });
      expect($(el, '#results')!.getAttribute('aria-busy')).to.equal('true');
      expect($(el, '.message')!.textContent).to.equal('Chargement des prestations…');
      expect(($(el, 'slot') as HTMLSlotElement).assignedNodes().some((n) => n.textContent?.includes('Tous les services'))).to.equal(true);
    });

    it('explains a failure in the page language and retries against the server', async () => {
      const { el } = await mountFixture(fixtures, 'load-failure', { lang: 'de' });
      expect($(el, '[role="alert"] p')!.textContent).to.equal('Der Server hat gerade ein Problem. Bitte versuchen Sie es später erneut.');
      expect(($(el, 'slot') as HTMLSlotElement).assignedElements()).to.have.length(1);
      const requests = () => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/__test/status/500')).length;
      const before = requests();
      $<HTMLButtonElement>(el, '[part="retry"]')!.focus();
      await press('Enter');
      await until(() => requests() > before, 3000, 'a new request');
      await loaded(el);
      expect($(el, '.message.error p')!.textContent).to.equal('Der Server hat gerade ein Problem. Bitte versuchen Sie es später erneut.');
    });

    it('after "Try again" succeeds, moves the focus to the catalogue (real keys, real server)', async () => {
      const el = await mount({ src: failingFirst(CITY, 1) }, 'fr');
      expect($(el, '.message.error')).not.to.equal(null);
      input(el).focus();
      await tab();
      expect(deepActiveElement()).to.equal($(el, '[part="retry"]'));
      await press('Enter');
      await until(() => $$(el, '.categories button').length > 0, 8000, 'the catalogue');
      await settle();
      const heading = $(el, '#results [role="heading"]')!;
      expect(heading.textContent!.trim()).to.equal('Parcourir par catégorie');
      expect(deepActiveElement()).to.equal(heading);
      await tab();
      expect(deepActiveElement()).to.equal($$(el, '.categories button')[0]);
    });

    it('after "Try again" fails again, moves the focus to the new message, said once', async () => {
      const el = await mount({ src: failingFirst(CITY, 2) }, 'de');
      const sentence = 'Der Server hat gerade ein Problem. Bitte versuchen Sie es später erneut.';
      expect(liveRegionsSaying(root(el), sentence)).to.have.length(1); // the page's own load: said by the alert
      $<HTMLButtonElement>(el, '[part="retry"]')!.focus();
      await press('Space');
      await until(() => $(el, '.message.error') && !$(el, '[role="alert"]'), 8000, 'the second failure');
      await settle();
      const focused = deepActiveElement()!;
      expect(focused).to.equal($(el, '.message.error p'));
      expect(focused.textContent).to.equal(sentence);
      // Said by the focus move; a live region saying it too would make screen readers say it twice.
      expect(liveRegionsSaying(root(el), sentence)).to.have.length(0);
    });

    it('recovers once the catalogue can be read', async () => {
      const { el } = await mountFixture(fixtures, 'malformed', { lang: 'fr' });
      expect($(el, '[role="alert"] p')!.textContent).to.match(/données/);
      el.src = CITY;
      await until(() => !$(el, '[role="alert"]') && $$(el, '.categories button').length > 0, 5000, 'the catalogue');
    });

    it('says a catalogue of the wrong shape cannot be read, without an uncaught error', async () => {
      const el = await mount({ src: '/__test/text?body=%7B%22services%22%3A%22no%22%7D' }, 'en');
      expect($(el, '[role="alert"] p')!.textContent).to.equal('The data could not be read. It may be damaged or in the wrong format.');
    });

    it('reads Open311 services.xml from a URL', async () => {
      const xml = '<services><service><service_code>7</service_code><service_name>Graffiti</service_name></service></services>';
      const el = await mount({ src: `/__test/text?type=application/xml&body=${encodeURIComponent(xml)}` }, 'en');
      expect(names(el)).to.deep.equal(['Graffiti']);
    });
  });

  describe('data rendered as text', () => {
    it('never runs or builds markup from the catalogue, and never links unsafe URLs', async () => {
      const { el } = await mountFixture(fixtures, 'hostile', { lang: 'fr' });
      expect((window as unknown as { __citopiaHacked?: number }).__citopiaHacked).to.equal(undefined);
      expect(root(el).querySelectorAll('img, script, svg, marquee, h1, b, iframe')).to.have.length(0);
      expect(root(el).textContent).to.include('<img src=x onerror=');
      for (const a of $$(el, 'a[href]')) expect(a.getAttribute('href')).to.match(/^(https?:|mailto:|tel:|\/)/);
      expect($(el, '[part="assistance"]')).to.equal(null); // results exist; no help link needed
      for (const e of root(el).querySelectorAll('[lang]')) expect(e.getAttribute('lang')).to.match(/^[a-z]{2,3}(-[a-z0-9]+)*$/i);
      input(el).focus();
      input(el).select();
      await type('zzqqzz');
      await el.updateComplete;
      // The hostile assistance-href (javascript:) is not a link: a button remains.
      expect($(el, 'a[part="assistance"]')).to.equal(null);
      expect($(el, 'button[part="assistance"]')).not.to.equal(null);
    });
  });

  describe('light DOM', () => {
    it('searches the page’s own list of links when no src is given', async () => {
      const { el } = await mountFixture(fixtures, 'light-dom', { lang: 'fr' });
      expect($(el, 'slot')).to.equal(null);
      await typeQuery(el, 'passeport');
      expect(names(el)).to.deep.equal(["Carte d'identité"]);
      expect($(el, '.result [part="result-link"]')!.getAttribute('href')).to.equal('/services/carte-identite');
    });
  });

  describe('JSON-LD', () => {
    it('writes schema.org GovernmentService data into the page as text, and removes it with the element', async () => {
      const el = await mount({ src: CITY, jsonld: '' }, 'de');
      await until(() => document.head.querySelector('script[type="application/ld+json"][data-citopia]'), 3000, 'the JSON-LD script');
      const script = document.head.querySelector<HTMLScriptElement>('script[type="application/ld+json"][data-citopia]')!;
      const data = JSON.parse(script.textContent!) as { '@graph': Array<{ '@type': string; name: string }> };
      expect(data['@graph']).to.have.length(75);
      expect(data['@graph'].find((s) => s.name === 'Baugesuch')!['@type']).to.equal('GovernmentService');
      expect(script.children).to.have.length(0);
      el.remove();
      expect(document.head.querySelector('script[type="application/ld+json"][data-citopia]')).to.equal(null);
    });
  });

  describe('layout and theming', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    it('reflows at 320 CSS pixels without horizontal scrolling', async () => {
      await setViewport({ width: 320, height: 640 });
      const { el } = await mountFixture(fixtures, 'results', { lang: 'de' });
      await new Promise((r) => requestAnimationFrame(r));
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      for (const node of [el, ...$$(el, '.result, .channel, .filters')]) expect(node.scrollWidth, node.className).to.be.at.most(node.clientWidth + 1);
    });

    it('takes --citopia-* custom properties and exposes parts', async () => {
      const { el } = await mountFixture(fixtures, 'results', { lang: 'fr' });
      el.style.setProperty('--citopia-service-finder-mark-background', 'rgb(1, 2, 3)');
      expect(getComputedStyle($(el, 'mark')!).backgroundColor).to.equal('rgb(1, 2, 3)');
      for (const part of ['search', 'input', 'label', 'results', 'count', 'list', 'result', 'result-link', 'summary', 'channels', 'filter']) {
        expect(root(el).querySelector(`[part~="${part}"]`), part).not.to.equal(null);
      }
    });
  });

  describe('stories', () => {
    it('has a story for every fixture that does not need the test server', async () => {
      const text = await (await fetch('/stories/service-finder.stories.ts')).text();
      for (const fixture of fixtures.fixtures.filter((f) => !f.testOnly)) {
        expect(text, fixture.name).to.match(new RegExp(`fixtureStory\\(fixtures, ['"]${fixture.name}['"]\\)`));
      }
    });
  });
});

a11ySweep(fixtures);
