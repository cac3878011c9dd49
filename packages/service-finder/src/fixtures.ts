import { html } from 'lit';
import { clickWhenShown, defineFixtures, failingFirst, until, type Fixture } from '@citopia/core/fixtures';
import type { ServiceFinder } from './citopia-service-finder.js';
import { generateCatalogue } from './huge-catalogue.js';

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

/** Resolves once the catalogue is loaded (or failed to load). */
export const loaded = (el: ServiceFinder) =>
  el.updateComplete.then(() => until(() => el.shadowRoot?.querySelector('#results')?.getAttribute('aria-busy') === 'false', 8000, 'the catalogue to load'));

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
