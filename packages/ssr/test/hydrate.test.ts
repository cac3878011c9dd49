/**
 * Server rendering, then hydration, for every component: Node renders a fixture to declarative
 * shadow DOM (the `citopia-ssr-render` test-server command, from the built packages); the HTML
 * goes into this page BEFORE any component code is loaded, so we see what a person sees without
 * JavaScript; then the components load and hydrate, and must keep what is there (no duplicated
 * content, state kept).
 */
// Must come before Lit is first loaded.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { until, type FixtureList } from '@citopia/core/fixtures';
import { fixtures as badgeFixtures } from '../../open-source-badge/src/fixtures.js';
import { fixtures as privacyFixtures } from '../../privacy-notice/src/fixtures.js';
import { fixtures as finderFixtures } from '../../service-finder/src/fixtures.js';
import { fixtures as requestFixtures } from '../../assistance-request/src/fixtures.js';
import { type } from '@citopia/testing';

interface Case {
  list: FixtureList;
  pkg: string;
  tag: string;
  fixture: string;
  /** Text the server-rendered shadow DOM must show before JavaScript. */
  expectText: RegExp;
  /** A selector that matches exactly one element before and after hydration (not duplicated). */
  unique: string;
  /** Data files given as properties (what the fixture loads by URL in the browser). */
  dataFiles?: Record<string, string>;
  /** A field typed into before the scripts load: what was typed must survive hydration. */
  typeInto?: string;
  /** What shows, once hydrated, that the component itself took what was typed (not only the field). */
  typedShows?: string;
  /** Attributes for this render, beyond the fixture's (endpoints...). */
  attributes?: Record<string, string>;
}

export const CASES: Case[] = [
  { list: badgeFixtures as unknown as FixtureList, pkg: 'open-source-badge', tag: 'citopia-open-source-badge', fixture: 'host-data', expectText: /EUPL-1\.2/, unique: 'button[aria-expanded]' },
  {
    list: privacyFixtures as unknown as FixtureList,
    pkg: 'privacy-notice',
    tag: 'citopia-privacy-notice',
    fixture: 'details-inline',
    expectText: /Ville de Démo/,
    unique: 'h2',
    dataFiles: { config: '/packages/privacy-notice/fixtures/config-consent.json' },
  },
  {
    list: finderFixtures as unknown as FixtureList,
    pkg: 'service-finder',
    tag: 'citopia-service-finder',
    fixture: 'results',
    expectText: /Permis de construire/,
    unique: 'input[type="search"]',
    dataFiles: { services: '/packages/service-finder/fixtures/ville-de-demo.json' },
  },
  {
    list: requestFixtures as unknown as FixtureList,
    pkg: 'assistance-request',
    tag: 'citopia-assistance-request',
    fixture: 'json-adapter-no-services',
    expectText: /Description/,
    unique: 'textarea[name="description"]',
    attributes: { endpoint: '/__test/status/503' },
    typeInto: 'textarea[name="description"]',
    typedShows: '.count',
  },
];

async function dataProperties(c: Case): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [name, url] of Object.entries(c.dataFiles ?? {})) out[name] = await (await fetch(url)).json();
  return out;
}

const shadowText = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
const elementCount = (el: Element) => el.shadowRoot?.querySelectorAll('*').length ?? 0;

describe('server rendering and hydration', function () {
  this.timeout(30_000);
  const hosts = new Map<string, HTMLElement>();

  it('renders every component in Node to declarative shadow DOM with content, before any script', async () => {
    expect(customElements.get('citopia-open-source-badge'), 'no component code loaded yet').to.equal(undefined);
    for (const c of CASES) {
      const properties = await dataProperties(c);
      const html = await executeServerCommand<string, object>('citopia-ssr-render', { pkg: c.pkg, fixture: c.fixture, lang: 'fr', properties, attributes: c.attributes });
      expect(html, `${c.tag} rendered`).to.be.a('string');
      const host = document.createElement('div');
      host.lang = 'fr';
      host.setHTMLUnsafe(html!); // our own server's output, declarative shadow DOM included
      document.body.append(host);
      const el = host.querySelector(c.tag)!;
      expect(el.shadowRoot, `${c.tag} has a shadow root from the HTML alone`).to.exist;
      expect(shadowText(el)).to.match(c.expectText);
      expect(el.shadowRoot!.querySelectorAll(c.unique).length, `${c.tag}: ${c.unique} server-rendered`).to.equal(1);
      // As a page would: give the element, before its code loads, the same data the server had.
      Object.assign(el, structuredClone(c.list.fixtures.find((f) => f.name === c.fixture)!.properties ?? {}), properties);
      hosts.set(c.tag, host);
    }
  });

  it('hydrates without duplicating content or losing state', async () => {
    const before = new Map<string, { count: number; text: string }>();
    for (const c of CASES) {
      const el = hosts.get(c.tag)!.querySelector(c.tag)!;
      before.set(c.tag, { count: elementCount(el), text: shadowText(el) });
    }
    // A person starts typing before the scripts arrive.
    const shownBefore = new Map<string, string>();
    for (const c of CASES.filter((x) => x.typeInto)) {
      if (c.typedShows) shownBefore.set(c.tag, hosts.get(c.tag)!.querySelector(c.tag)!.shadowRoot!.querySelector(c.typedShows)!.textContent!);
      const field = hosts.get(c.tag)!.querySelector(c.tag)!.shadowRoot!.querySelector<HTMLElement>(c.typeInto!)!;
      field.focus();
      await type('Lampadaire en panne');
    }
    const errors: string[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.message);
    window.addEventListener('error', onError);
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (String(args[0]).includes('could not hydrate')) errors.push(String(args[0]));
      warn(...args);
    };
    await import('citopia');
    for (const c of CASES) {
      const el = hosts.get(c.tag)!.querySelector(c.tag) as HTMLElement & { updateComplete: Promise<unknown> };
      await until(() => customElements.get(c.tag), 5000, `${c.tag} defined`);
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 100));
      await el.updateComplete;
      const after = { count: elementCount(el), text: shadowText(el) };
      expect(after.text, `${c.tag} still shows its content`).to.match(c.expectText);
      expect(el.shadowRoot!.querySelectorAll('style').length, `${c.tag}: styles not duplicated`).to.be.at.most(1);
      // Hydration attaches to the server's DOM: it may add what the server could not render (a
      // lazily loaded panel), but never renders a second copy of what is there.
      expect(el.shadowRoot!.querySelectorAll(c.unique).length, `${c.tag}: ${c.unique} not duplicated`).to.equal(1);
      if (c.typeInto) {
        const field = el.shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>(c.typeInto)!;
        expect(field.value, `${c.tag}: what was typed before hydration is kept`).to.contain('Lampadaire en panne');
        if (c.typedShows) {
          // The character count was rendered by the server for an empty description: it changes
          // only if the component's own input handler received the text.
          const shown = el.shadowRoot!.querySelector(c.typedShows)!.textContent;
          expect(shown, `${c.tag}: the component took what was typed`).not.to.equal(shownBefore.get(c.tag));
        }
      }
      expect(after.count, `${c.tag}: at least what the server rendered`).to.be.at.least(before.get(c.tag)!.count - 1);
    }
    window.removeEventListener('error', onError);
    console.warn = warn;
    expect(errors, 'hydrated, not rendered again').to.deep.equal([]);
  });

  it('shows easy-to-read wording after hydration to a person who chose it (the server renders standard wording)', async () => {
    const { setReadingPreference } = await import('citopia');
    const c = CASES[0]!; // the badge, with host data
    const html = await executeServerCommand<string, object>('citopia-ssr-render', { pkg: c.pkg, fixture: c.fixture, lang: 'fr', properties: {}, attributes: c.attributes });
    const host = document.createElement('div');
    host.lang = 'fr';
    host.setHTMLUnsafe(html!); // our own server's output
    const el = host.querySelector(c.tag) as HTMLElement & { updateComplete: Promise<unknown> };
    expect(shadowText(el), 'the server rendered standard wording').to.contain('Détails');
    Object.assign(el, structuredClone(c.list.fixtures.find((f) => f.name === c.fixture)!.properties ?? {}));
    setReadingPreference('easy');
    try {
      document.body.append(host);
      await until(() => shadowText(el).includes('En savoir plus'), 5000, 'easy-to-read wording');
      expect(shadowText(el)).not.to.contain('Détails');
      expect(el.shadowRoot!.querySelectorAll(c.unique).length, `${c.unique} not duplicated`).to.equal(1);
      expect(shadowText(el)).to.match(c.expectText);
    } finally {
      setReadingPreference('standard');
      host.remove();
    }
  });
});
