/**
 * Unsafe URLs (issue 8): every entry of UNSAFE_URLS (javascript:, data:, vbscript:, blob:,
 * file:, hidden by case, whitespace, control characters and entities) in every URL field of every
 * data source, and in the URL attributes a page gives. None may become an active link or
 * resource anywhere in the deep tree, and the canary stays 0 even after every link and button
 * was clicked. Safe links are kept from navigating the test page (an unsafe one would not be:
 * it would run and hit the canary).
 */
import { expect } from '@open-wc/testing';
import { deepElements, installCanary, reportFigure, UNSAFE_URLS } from '@citopia/testing';
import '../../src/index.js';
import type { ServiceFinder } from '@citopia/service-finder';
import type { AssistanceRequest } from '@citopia/assistance-request';
import type { PrivacyNotice } from '@citopia/privacy-notice';
import type { OpenSourceBadge } from '@citopia/open-source-badge';
import { safeUrl } from '@citopia/core/safe-url';
import { cleanUp, mountIn, show, sleep, textOf, until, watchErrors } from './input-helpers.js';

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:', 'about:']);
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data', 'poster', 'ping', 'background'];
const UNSAFE = /^(javascript|data|vbscript|blob|file):/i;

/**
 * Links and resources in `root` (deep) whose URL, as written or as the browser resolves it,
 * has a scheme other than http(s), mailto, tel or about.
 */
function activeUnsafe(root: ParentNode): string[] {
  const found: string[] = [];
  for (const el of deepElements(root)) {
    for (const name of URL_ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (value !== null && UNSAFE.test(value.replace(/[\u0000-\u0020]/g, ''))) found.push(`<${el.localName} ${name}="${value.slice(0, 40)}">`);
    }
    const resolved = (el as HTMLAnchorElement).href ?? (el as HTMLImageElement).src ?? (el as HTMLFormElement).action;
    if (typeof resolved === 'string' && resolved && (el.hasAttribute('href') || el.hasAttribute('src') || el.hasAttribute('action'))) {
      let protocol = '';
      try {
        protocol = new URL(resolved).protocol;
      } catch {
        protocol = 'invalid:';
      }
      if (!SAFE_PROTOCOLS.has(protocol)) found.push(`<${el.localName}> resolves to ${protocol}`);
    }
  }
  return [...new Set(found)];
}

/** Keeps safe links from navigating the test page away; unsafe ones are left alone, so they would run. */
function holdSafeNavigation(event: Event): void {
  const link = event.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement && n.hasAttribute('href'));
  if (!link) return;
  let protocol = '';
  try {
    protocol = new URL(link.href).protocol;
  } catch {
    return;
  }
  if (SAFE_PROTOCOLS.has(protocol)) event.preventDefault();
}

/** Clicks every link and button in `root` (deep), re-rendering between clicks. */
async function clickEverything(root: ParentNode, settle: () => Promise<unknown>): Promise<number> {
  let clicks = 0;
  for (const el of deepElements(root)) {
    // Earlier clicks may have re-rendered the view: only what is still on the page.
    if (!el.isConnected || !(el instanceof HTMLAnchorElement || el instanceof HTMLButtonElement)) continue;
    el.click();
    clicks++;
    await settle();
  }
  return clicks;
}

let pwned: () => number;
let errors: ReturnType<typeof watchErrors>;
let tried = 0;
let activated = 0;
const failures: string[] = [];

/** Looks at one render: unsafe links or resources, and the canary (after a moment for a javascript: URL to run). */
async function inspect(root: ParentNode, u: string, where: string): Promise<void> {
  await sleep(20);
  const found = activeUnsafe(root);
  const hits = pwned();
  if (found.length || hits) {
    activated += found.length + hits;
    failures.push(`${where} ${show(u)}: ${[...found, hits ? `canary hit ${hits} time(s)` : ''].filter(Boolean).join('; ')}`);
    window.__citopiaPwned = 0;
  }
}

describe('unsafe URLs', function () {
  // A hang guard for loops over every unsafe URL, not a speed goal: two test pages on a shared
  // machine need minutes.
  this.timeout(300_000);

  before(() => {
    pwned = installCanary();
    errors = watchErrors();
    document.addEventListener('click', holdSafeNavigation);
  });
  beforeEach(() => {
    failures.length = 0;
  });
  afterEach(() => {
    cleanUp();
    for (const key of Object.keys(localStorage)) if (key.startsWith('citopia:')) localStorage.removeItem(key);
  });
  after(async () => {
    document.removeEventListener('click', holdSafeNavigation);
    errors.stop();
    await reportFigure('unsafe URLs tried', tried);
    await reportFigure('unsafe URLs activated', activated + pwned());
  });

  it('catches an active unsafe link, and a click on it runs (negative control)', async () => {
    const { wrapper } = mountIn('div', 'fr');
    const host = wrapper.firstElementChild!.attachShadow({ mode: 'open' });
    const link = Object.assign(document.createElement('a'), { textContent: 'x' });
    link.setAttribute('href', UNSAFE_URLS[0]!);
    host.append(link);
    expect(activeUnsafe(wrapper)).to.have.length.greaterThan(0);
    await clickEverything(wrapper, () => sleep(0));
    await until(() => pwned() > 0, 2000, 'the javascript: link to run');
    window.__citopiaPwned = 0;
    // A safe link is held, not followed.
    const safe = document.createElement('a');
    safe.href = 'https://www.ville-demo.ch/';
    host.append(safe);
    safe.click();
    expect(location.protocol).to.equal('http:');
  });

  describe('<citopia-service-finder>', () => {
    /** The catalogue's URL fields: service pages, online channels, the publisher's and authority's sites; phone and e-mail too (they become tel: and mailto:). */
    const CATALOGUE_FIELDS = ['services[].url', 'channels[online].url', 'channels[phone].phone', 'channels[email].email', 'publisher.url', 'authority.url'];
    const catalogue = (u: string) => ({
      version: '1',
      publisher: { name: 'Ville de Démo', url: u },
      categories: [{ id: 'c1', name: { fr: 'Population' } }],
      services: [
        {
          id: 'u1',
          name: { fr: 'Carte d’identité' },
          summary: { fr: 'Demander une carte.' },
          url: u,
          categories: ['c1'],
          authority: { name: 'Contrôle des habitants', url: u },
          channels: [
            { type: 'online', url: u, label: { fr: 'Guichet virtuel' } },
            { type: 'phone', phone: u },
            { type: 'email', email: u },
          ],
        },
        { id: 'u2', name: { fr: 'Déchets encombrants' }, categories: ['c1'], channels: [{ type: 'online', url: u }] },
        { id: 'ok', name: { fr: 'Permis de construire' }, url: 'https://www.ville-demo.ch/permis', categories: ['c1'] },
      ],
    });

    it('never links, loads or runs an unsafe URL from a catalogue, a service list, the light DOM or assistance-href', async () => {
      const { el } = mountIn<ServiceFinder>('citopia-service-finder', 'fr', (f) => f.setAttribute('jsonld', ''));
      const root = el.shadowRoot!;
      const settle = () => el.updateComplete;
      for (const u of UNSAFE_URLS) {
        // The catalogue's URL fields, and assistance-href itself.
        el.setAttribute('assistance-href', u);
        el.services = catalogue(u);
        el.query = '';
        el.category = 'c1';
        await until(() => root.querySelectorAll('.result').length === 3, 4000, 'the results');
        expect(root.querySelector('.result a[href="https://www.ville-demo.ch/permis"]'), 'a safe URL still becomes a link').to.not.equal(null);
        await inspect(root, u, 'finder catalogue');
        await clickEverything(root, settle);
        await inspect(root, u, 'finder catalogue, after every click');
        // JSON-LD for search engines carries no unsafe URL either.
        const jsonLd = document.head.querySelector('script[type="application/ld+json"][data-citopia]')?.textContent ?? '';
        if (/"(url|serviceUrl)":"\s*(javascript|data|vbscript|blob|file)/i.test(jsonLd)) failures.push(`finder JSON-LD ${show(u)}: an unsafe URL`);
        // No result: the way to ask for help is a button, not the unsafe link.
        el.category = '';
        el.query = 'zzqqzz';
        await el.updateComplete;
        await inspect(root, u, 'finder, assistance-href');
        // (Entity and "&colon;" tricks are no scheme: relative URLs, which may be links.)
        if (!safeUrl(u) && (root.querySelector('a[part="assistance"]') || !root.querySelector('button[part="assistance"]'))) failures.push(`finder assistance-href ${show(u)}: not a plain button`);
        await clickEverything(root, settle);
        // The URL as the query and as an Open311 service code, in a safe template: encoded, never a scheme.
        el.setAttribute('assistance-href', '{code}');
        el.services = [{ service_code: u, service_name: 'Éclairage public', keywords: 'lampe' }];
        el.query = 'lampe';
        await until(() => root.querySelectorAll('.result').length === 1, 4000, 'the Open311 result');
        await inspect(root, u, 'finder Open311 code in assistance-href');
        await clickEverything(root, settle);
        el.setAttribute('assistance-href', '{query}');
        el.query = u;
        await el.updateComplete;
        await inspect(root, u, 'finder query in assistance-href');
        await clickEverything(root, settle);
        await inspect(root, u, 'finder, after every click');
        tried += CATALOGUE_FIELDS.length + 3;
      }
      // The page's own list of links as the catalogue (a link the page wrote with an unsafe href).
      for (const u of UNSAFE_URLS) {
        const { el: light } = mountIn<ServiceFinder>('citopia-service-finder', 'fr', (f) => {
          const item = f.appendChild(document.createElement('ul')).appendChild(document.createElement('li'));
          const a = item.appendChild(document.createElement('a'));
          a.setAttribute('href', u);
          a.textContent = 'Annonce d’arrivée';
          f.setAttribute('query', 'arrivee');
        });
        await until(() => light.shadowRoot!.querySelectorAll('.result').length === 1, 4000, 'the light-DOM result');
        await inspect(light.shadowRoot!, u, 'finder light DOM');
        await clickEverything(light.shadowRoot!, () => light.updateComplete);
        await inspect(light.shadowRoot!, u, 'finder light DOM, after every click');
        light.parentElement!.remove();
        tried++;
      }
      expect(failures, failures.join('\n')).to.deep.equal([]);
      expect(errors.messages, errors.messages.join('\n')).to.deep.equal([]);
    });
  });

  describe('<citopia-assistance-request>', () => {
    const $ = <T extends Element = HTMLElement>(el: AssistanceRequest, selector: string) => el.shadowRoot!.querySelector<T>(selector);
    const fill = (el: AssistanceRequest, id: string, value: string) => {
      const control = $<HTMLInputElement>(el, `#${id}`)!;
      control.value = value;
      control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    };
    /** A test-server endpoint that answers any method with this JSON. */
    const answering = (value: unknown) => `/__test/text?type=application/json&body=${encodeURIComponent(JSON.stringify(value))}`;

    it('never links, loads or runs an unsafe URL given as endpoint, privacy link, or answered as media, notice or status URL', async () => {
      for (const u of UNSAFE_URLS) {
        // The JSON adapter: its server answers a status_url, the upload server a media_url, both unsafe; the page's privacy link too.
        const { el } = mountIn<AssistanceRequest>('citopia-assistance-request', 'fr', (a) => {
          a.setAttribute('adapter', 'json');
          a.setAttribute('min-fill-seconds', '0');
          a.setAttribute('privacy-href', u);
          a.endpoint = answering({ service_request_id: '42', service_notice: u, status_url: u });
          a.uploadUrl = answering({ media_url: u, url: u });
        });
        const root = el.shadowRoot!;
        await until(() => $(el, 'form'), 4000, 'the form');
        if (!safeUrl(u) && root.querySelector('slot[name="privacy"] a')) failures.push(`assistance privacy-href ${show(u)}: became a link`);
        // A photo: the upload server answers with the unsafe media URL.
        const photo = $<HTMLInputElement>(el, '#photo')!;
        const files = new DataTransfer();
        files.items.add(new File([new Uint8Array([0xff, 0xd8, 0xff])], 'photo.jpg', { type: 'image/jpeg' }));
        photo.files = files.files;
        photo.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
        await until(() => textOf(root).includes('photo.jpg'), 4000, 'the photo');
        fill(el, 'description', 'Un lampadaire clignote.');
        fill(el, 'address', 'Rue du Marché 2');
        $<HTMLInputElement>(el, 'input[name="answer"][value="none"]')!.click();
        $<HTMLFormElement>(el, 'form')!.requestSubmit();
        await until(() => $(el, '#send'), 4000, 'check your answers');
        await inspect(root, u, 'assistance check');
        $<HTMLButtonElement>(el, '#send')!.click();
        await until(() => $(el, '[part="confirmation"]'), 4000, 'the confirmation');
        if (!textOf($(el, '[part="confirmation"]')).includes(u.trim().replace(/\s+/g, ' ').slice(0, 10))) failures.push(`assistance ${show(u)}: the notice is not shown as text`);
        $<HTMLButtonElement>(el, '#status')!.click();
        await until(() => $(el, '[aria-live] .message, [aria-live] dl'), 4000, 'the status (or why it is missing)');
        await inspect(root, u, 'assistance confirmation');
        await clickEverything(root, () => el.updateComplete);
        await inspect(root, u, 'assistance, after every click');
        el.parentElement!.remove();
        // The endpoint itself, for Open311: nothing is fetched or linked, the person is told.
        const { el: broken } = mountIn<AssistanceRequest>('citopia-assistance-request', 'fr', (a) => (a.endpoint = u));
        await until(() => broken.shadowRoot!.querySelector('.message.error'), 4000, 'the error');
        await inspect(broken.shadowRoot!, u, 'assistance endpoint');
        await clickEverything(broken.shadowRoot!, () => broken.updateComplete);
        await inspect(broken.shadowRoot!, u, 'assistance endpoint, after every click');
        broken.parentElement!.remove();
        tried += 5; // privacy-href, upload media_url, service_notice, status_url, endpoint
      }
      expect(failures, failures.join('\n')).to.deep.equal([]);
      expect(errors.messages, errors.messages.join('\n')).to.deep.equal([]);
    });
  });

  describe('<citopia-privacy-notice>', () => {
    const config = (urls: { policy?: string; contact?: string; phone?: string }) => ({
      version: '2025-03',
      lastUpdated: '2025-03-01',
      controller: { name: 'Ville de Démo', email: 'protection.donnees@ville-demo.ch', phone: urls.phone ?? '+41 21 000 00 00', url: urls.contact ?? 'https://www.ville-demo.ch/' },
      dpo: { name: 'Conseillère', url: urls.contact ?? 'https://www.ville-demo.ch/dpo' },
      purposes: [
        { id: 'services', title: 'Prestations en ligne', description: 'Traiter vos demandes.', legalBasis: 'public-task' },
        { id: 'maps', title: 'Cartes', description: 'Afficher des cartes.', legalBasis: 'consent' },
      ],
      dataCategories: [{ id: 'device', label: 'Appareil' }],
      retention: '90 jours.',
      authority: { name: 'Préposée', url: urls.contact ?? 'https://www.example.ch/' },
      automatedDecisions: 'Aucune.',
      policyUrl: urls.policy ?? '/politique-de-confidentialite',
    });

    it('never links, loads or runs an unsafe URL from its configuration or a gated embed or script', async () => {
      const { el, wrapper } = mountIn<PrivacyNotice>('citopia-privacy-notice', 'fr', (n) => {
        n.setAttribute('storage-key', `hardening-unsafe-${Date.now()}`);
        n.setAttribute('mode', 'inline');
      });
      const consoleError = console.error;
      const reports: string[] = [];
      console.error = (...args: unknown[]) => void reports.push(args.map(String).join(' '));
      try {
        for (const u of UNSAFE_URLS) {
          // policyUrl and the contacts' sites: the configuration is refused, the notice says so and keeps only safe contact details.
          el.config = config({ policy: u, contact: u });
          await el.updateComplete;
          // A refused configuration's sentences are a chunk of their own: 'loading' until they are in.
          await until(() => el.state !== 'loading', 10_000, 'the configuration checked');
          await el.updateComplete;
          // (An entity or "&colon;" trick is no scheme at all: a relative URL, which the configuration may hold.)
          if (el.state !== (safeUrl(u) ? 'ready' : 'invalid')) failures.push(`privacy ${show(u)}: state ${el.state}`);
          await inspect(wrapper, u, 'privacy configuration URLs');
          await clickEverything(el.shadowRoot!, () => el.updateComplete);
          await inspect(wrapper, u, 'privacy configuration URLs, after every click');
          // A valid configuration (the phone number holds the URL), with the page's gated embed and scripts pointing at the unsafe URL.
          const frame = Object.assign(document.createElement('iframe'), { title: 'Carte' });
          frame.dataset.citopiaPurpose = 'maps';
          frame.dataset.src = u;
          const script = Object.assign(document.createElement('script'), { type: 'text/plain' });
          script.dataset.citopiaPurpose = 'maps';
          script.dataset.src = u;
          wrapper.append(frame, script);
          el.config = config({ phone: u });
          await el.updateComplete;
          if (el.state !== 'ready') failures.push(`privacy ${show(u)}: a valid configuration was refused`);
          await until(() => el.shadowRoot!.querySelector('.actions button'), 2000, 'the choice buttons');
          // Every button: accept (the embed and script may now load), refuse, save...
          await clickEverything(el.shadowRoot!, () => el.updateComplete);
          el.setConsent('maps', true);
          await el.updateComplete;
          await inspect(wrapper, u, 'privacy gated embed and script');
          // The gated script, if it ran, is a new element next to it: inspect() saw the wrapper; the document's head too.
          await inspect(document.head, u, 'privacy gated script (document head)');
          frame.remove();
          script.remove();
          wrapper.querySelectorAll('[data-citopia-placeholder]').forEach((p) => p.remove());
          el.setConsent('maps', false);
          tried += 5; // policyUrl, controller/dpo/authority url, phone, gated iframe data-src, gated script data-src
        }
      } finally {
        console.error = consoleError;
      }
      expect(reports.every((r) => r.includes('must be an http(s), mailto, tel or relative URL'))).to.equal(true);
      expect(failures, failures.join('\n')).to.deep.equal([]);
      expect(errors.messages, errors.messages.join('\n')).to.deep.equal([]);
    });
  });

  describe('<citopia-open-source-badge>', () => {
    /** Every URL field of publiccode.yml, and the people's e-mail and phone (mailto:, tel:). */
    const FIELDS = ['url', 'landingURL', 'logo', 'roadmap', 'usedBy[]', 'organisation.uri', 'description.documentation', 'description.apiDocumentation', 'description.screenshots[]', 'description.videos[]', 'contractors[].website', 'contractors[].email', 'contacts[].email', 'contacts[].phone', 'contacts[].website'];
    const publiccode = (u: string) => ({
      publiccodeYmlVersion: '0',
      name: 'Réservation de salles',
      url: u,
      landingURL: u,
      logo: u,
      roadmap: u,
      softwareVersion: '4.0',
      platforms: ['web'],
      usedBy: [u, 'https://www.ville-demo.ch/'],
      developmentStatus: 'stable',
      softwareType: 'standalone/web',
      organisation: { name: 'Ville de Démo', uri: u },
      description: { fr: { shortDescription: 'Réserver des salles.', longDescription: 'x'.repeat(200), documentation: u, apiDocumentation: u, features: ['Réserver'], screenshots: [u], videos: [u] } },
      legal: { license: 'EUPL-1.2' },
      maintenance: { type: 'contract', contractors: [{ name: 'Atelier', until: '2030-01-01', website: u, email: u }], contacts: [{ name: 'Inès', email: u, phone: u, website: u }] },
      localisation: { localisationReady: true, availableLanguages: ['fr'] },
    });

    it('never links, loads or runs an unsafe URL from a publiccode.yml, the repository attribute or src', async () => {
      const { el } = mountIn<OpenSourceBadge>('citopia-open-source-badge', 'fr', (b) => {
        b.setAttribute('validate', '');
        b.setAttribute('open', '');
      });
      for (const u of UNSAFE_URLS) {
        el.setAttribute('repository', u);
        el.data = publiccode(u);
        await el.whenReady();
        await inspect(el.shadowRoot!, u, 'badge publiccode.yml');
        if (el.shadowRoot!.querySelector('a[part="pill"], a[part="reuse-link"]')) failures.push(`badge ${show(u)}: the pill or reuse link became a link`);
        await clickEverything(el.shadowRoot!, () => el.whenReady());
        el.open = true;
        await el.whenReady();
        await inspect(el.shadowRoot!, u, 'badge publiccode.yml, after every click');
        // Only the repository attribute (no file).
        el.data = undefined;
        await el.whenReady();
        await inspect(el.shadowRoot!, u, 'badge repository attribute');
        // src: never fetched; the person is told the description could not be loaded.
        const { el: fromSrc } = mountIn<OpenSourceBadge>('citopia-open-source-badge', 'fr', (b) => {
          b.setAttribute('open', '');
          b.src = u;
        });
        await fromSrc.whenReady();
        if (fromSrc.loadState !== 'error' || !textOf(fromSrc.shadowRoot!.querySelector('[role="status"]'))) failures.push(`badge src ${show(u)}: no error shown`);
        await inspect(fromSrc.shadowRoot!, u, 'badge src');
        await clickEverything(fromSrc.shadowRoot!, () => fromSrc.whenReady());
        await inspect(fromSrc.shadowRoot!, u, 'badge src, after every click');
        fromSrc.parentElement!.remove();
        tried += FIELDS.length + 2; // + the repository attribute, src
      }
      expect(failures, failures.join('\n')).to.deep.equal([]);
      expect(errors.messages, errors.messages.join('\n')).to.deep.equal([]);
    });
  });
});
