import { html } from 'lit';
import { clickWhenShown, defineFixtures, failingFirst, until, type Fixture } from '@citopia/core/fixtures';
import type { ServiceFinder } from './citopia-service-finder.js';
import { generateCatalogue } from './huge-catalogue.js';
import { writeCopy } from './catalogue/offline-copy.js';
import type { SourceSpec } from './catalogue/sources.js';

const FIXTURES = 'packages/service-finder/fixtures/';

/** A fixture that loads one of our fixture files through `src`. */
const fromFile = (file: string, fixture: Omit<Fixture<ServiceFinder>, 'setup' | 'ready'>): Fixture<ServiceFinder> => ({
  ...fixture,
  setup: (el, ctx) => void (el.src = ctx.url(FIXTURES + file)),
  ready: loaded,
});
const ASSISTANCE = '/demande?description={query}&service={code}';
/** The page's own link, shown while the catalogue loads or when it fails to. */
const FALLBACK = html`<ul lang="fr"><li><a href="/services">Tous les services de la Ville</a></li></ul>`;

/** The city's catalogue and its canton's, merged (`sources`), as the demo page uses them. */
const TWO_AUTHORITIES = (ctx: { url(path: string): string }): SourceSpec[] => [
  { src: ctx.url(FIXTURES + 'ville-de-demo.json'), authority: { id: 'ville-de-demo', kind: 'city', name: { fr: 'Ville de Démo', de: 'Stadt Demo', it: 'Città di Demo', en: 'City of Demo' } } },
  { src: ctx.url(FIXTURES + 'canton-de-demo.json'), authority: { id: 'canton-de-demo', kind: 'region', name: { fr: 'Canton de Démo', de: 'Kanton Demo', it: 'Cantone di Demo', en: 'Canton of Demo' } } },
];
/** When the saved copies of the offline fixtures say they were saved (fixed, so screenshots stay the same). */
export const SAVED_AT = Date.UTC(2026, 10, 2, 8, 30);

/** Resolves once the notices about the sources are shown (a missing source, a saved copy). */
const noticed = (el: ServiceFinder) =>
  loaded(el).then(() => until(() => el.shadowRoot?.querySelector('[part="notice"]'), 8000, 'the notice about the sources'));

/** Resolves once the catalogue is loaded (or failed to load). */
export const loaded = (el: ServiceFinder) =>
  el.updateComplete.then(() => {
    const results = () => el.shadowRoot?.querySelector('#results');
    // With several sources, every one has answered (or failed).
    return until(() => results()?.getAttribute('aria-busy') === 'false' && !results()?.hasAttribute('data-sources-pending'), 8000, 'the catalogue to load');
  });

/** The one list of states of <citopia-service-finder>: stories, tests, the axe sweep and docs all read it. */
export const fixtures = defineFixtures<ServiceFinder>({
  tag: 'citopia-service-finder',
  title: 'Service finder',
  fixtures: [
    fromFile('small.json', {
      name: 'small',
      title: 'Small catalogue',
      description: 'Eight services in French, German and English (no Italian: Italian pages fall back to another language, tagged with lang).',
    }),
    fromFile('ville-de-demo.json', {
      name: 'ville-de-demo',
      title: 'Ville de Démo: browse by category',
      description: 'A realistic catalogue of 75 services of a French-speaking Swiss city, in fr, de, it and en; the empty query shows the categories.',
      attributes: { 'assistance-href': ASSISTANCE },
    }),
    fromFile('ville-de-demo.json', {
      name: 'results',
      title: 'Results with highlighted words',
      description: '"permis de construire" typed: results, matched words marked, channels with opening hours.',
      attributes: { query: 'permis de construire', 'assistance-href': ASSISTANCE },
    }),
    fromFile('ville-de-demo.json', {
      name: 'easy-read',
      title: 'Easy to read: results with easy descriptions',
      description: 'reading="easy": the interface in easy-to-read language, and the services that carry an easyDescription show it instead of their summary.',
      attributes: { query: 'permis', reading: 'easy', 'assistance-href': ASSISTANCE },
    }),
    fromFile('ville-de-demo.json', {
      name: 'filtered',
      title: 'Filtered by category and audience',
      description: 'No query, the "Waste and cleanliness" category for residents: the services listed by name.',
      attributes: { category: 'dechets', audience: 'habitants' },
    }),
    fromFile('ville-de-demo.json', {
      name: 'no-results',
      title: 'No result, with did-you-mean',
      description: 'A query beyond the typo tolerance: suggestions from the catalogue’s own words and a way to ask the city for help.',
      attributes: { query: 'pizine', 'assistance-href': '/demande?description={query}' },
    }),
    fromFile('open311-services.json', {
      name: 'open311',
      title: 'Open311 service list',
      description: 'A GeoReport v2 services.json (numeric and text codes, comma-separated keywords, groups): each request type leads to the assistance request.',
      attributes: { 'assistance-href': '/demande?service={code}', 'source-lang': 'fr' },
    }),
    {
      name: 'light-dom',
      title: 'Plain list of links (no src)',
      description: 'The page’s own list of links is the catalogue; without JavaScript, people see that list.',
      content: html`<div lang="fr">
        <h3>Population</h3>
        <ul>
          <li><a href="/services/carte-identite" data-keywords="ID, passeport">Carte d'identité</a> Demander ou renouveler sa carte d'identité.</li>
          <li><a href="/services/arrivee">Annonce d'arrivée</a> S'annoncer dans les 14 jours.</li>
        </ul>
        <h3>Construction</h3>
        <ul>
          <li><a href="/services/permis-de-construire">Permis de construire</a> Construire, agrandir ou transformer.</li>
        </ul>
      </div>`,
      ready: loaded,
    },
    {
      name: 'empty',
      title: 'Empty catalogue',
      properties: { services: { version: '1', services: [] } },
      ready: loaded,
    },
    fromFile('malformed.json', {
      name: 'malformed',
      title: 'Malformed catalogue',
      description: 'Truncated JSON: a translated message and a retry button, never an exception.',
    }),
    {
      name: 'load-failure',
      title: 'Catalogue fails to load',
      description: 'The server answers 500: a translated message, a retry button, and the light-DOM list as a fallback.',
      testOnly: true,
      content: FALLBACK,
      setup: (el) => void (el.src = '/__test/status/500'),
      ready: loaded,
    },
    {
      name: 'retry-recovered',
      title: 'Loaded after "Try again"',
      description: 'The first request fails (503); "Try again" loads the catalogue, and the focus moves to its first heading.',
      testOnly: true,
      content: FALLBACK,
      setup: (el) => {
        el.src = failingFirst(FIXTURES + 'ville-de-demo.json');
        void clickWhenShown(el, '[part="retry"]');
      },
      ready: (el) => until(() => el.shadowRoot?.querySelector('.categories'), 8000, 'the catalogue after "Try again"'),
    },
    {
      name: 'loading',
      title: 'Loading',
      description: 'While the catalogue loads, the light-DOM list stays visible.',
      testOnly: true,
      content: FALLBACK,
      setup: (el) => void (el.src = '/__test/slow?ms=20000'),
      ready: (el) => el.updateComplete,
    },
    fromFile('hostile.json', {
      name: 'hostile',
      title: 'Hostile strings',
      description: 'Markup, script URLs, RTL overrides and wrong types in every field: rendered as text, unsafe URLs never links.',
      attributes: { query: 'permis', 'assistance-href': 'javascript:alert("{query}")' },
    }),
    {
      name: 'two-authorities',
      title: 'Two authorities: the city and its canton',
      description:
        'Two catalogues merged (`sources`): each result says who provides it; a service both publish (same identifier, or same page) shows once with both named; a filter by authority.',
      attributes: { query: 'permis' },
      setup: (el, ctx) => void (el.sources = TWO_AUTHORITIES(ctx)),
      ready: loaded,
    },
    {
      name: 'authority-filter',
      title: 'Filtered by authority',
      description: 'The same two catalogues, only the canton’s services: the filter says so and the count follows.',
      attributes: { authority: 'canton-de-demo' },
      setup: (el, ctx) => void (el.sources = TWO_AUTHORITIES(ctx)),
      ready: loaded,
    },
    {
      name: 'source-missing',
      title: 'One catalogue fails to load',
      description: 'The canton’s catalogue cannot be loaded: the finder names it, in the page language, and searches the city’s.',
      attributes: { query: 'permis' },
      setup: (el, ctx) => {
        const [city, canton] = TWO_AUTHORITIES(ctx);
        el.sources = [city, { ...canton, src: ctx.url(FIXTURES + 'not-published-yet.json') }];
      },
      ready: noticed,
    },
    {
      name: 'offline-copy',
      title: 'Offline: the saved copy',
      description: 'The server cannot be reached: the copy saved on the last visit is searched, and the finder says it may be out of date, and since when.',
      attributes: { query: 'carte' },
      setup: async (el, ctx) => {
        // As a visit on an earlier day left it: the catalogue text, saved at a known time.
        const src = ctx.url(FIXTURES + 'saved-earlier-offline-now.json');
        const text = await (await fetch(ctx.url(FIXTURES + 'ville-de-demo.json'))).text();
        writeCopy(src, { text, savedAt: SAVED_AT });
        el.src = src;
      },
      ready: noticed,
    },
    {
      name: 'huge',
      title: '10,000 services',
      description: 'The Ville de Démo catalogue declined to 10,000 services (seeded), searched as you type.',
      attributes: { query: 'permis de constr' },
      setup: async (el, ctx) => {
        const base = await (await fetch(ctx.url(FIXTURES + 'ville-de-demo.json'))).json();
        el.services = generateCatalogue(base, 10_000);
      },
      ready: loaded,
    },
  ],
});
