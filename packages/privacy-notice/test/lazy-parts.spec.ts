/**
 * The notice's smaller lazy parts, each a chunk of its own that a first visit does not load: the
 * cookie store (only for `storage="cookie"`), the runner of gated scripts (only once one is
 * allowed), and the details layer where it brings rare sentences (a choice that no longer counts,
 * whom to ask about a broken configuration). Like lazy-layer.spec.ts, each test loads its own copy
 * of the element's modules through the test server's /__test/fail-first/ prefix (under a tag of
 * its own), so every chunk is really requested, and in the failure tests really answered 503.
 */
import { expect } from '@open-wc/testing';
import type { PrivacyNotice } from '../src/citopia-privacy-notice.js';
import { buttonNamed, CONFIG, mountCopy, NETWORK, sleep, storeChoice, text, until } from './helpers.js';

const INVALID = '/packages/privacy-notice/fixtures/config-invalid.json';

/** The page author's gated inline script, as it would stand in the page. */
function gatedScript(): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'text/plain';
  script.dataset.citopiaPurpose = 'statistics';
  script.dataset.citopiaTest = '';
  script.text = 'window.__partsRan = (window.__partsRan ?? 0) + 1;';
  document.body.append(script);
  return script;
}

const cookieName = (key: string) => `citopia-${key}`;
const ran = () => (window as { __partsRan?: number }).__partsRan;

describe('the notice\'s smaller lazy parts', () => {
  // (Nodes are tested as booleans or texts, for readable failures. A failure on nodes no longer
  // hangs the page: packages/testing/src/reportable-failures.ts.)
  // A full resource-timing buffer would drop entries, and "never requested" could not fail.
  before(() => performance.setResourceTimingBufferSize(10_000));
  beforeEach(() => delete (window as { __partsRan?: number }).__partsRan);
  afterEach(() => document.querySelectorAll('[data-citopia-test]').forEach((n) => n.remove()));

  describe('the cookie store', () => {
    it('is not asked for when the choice is kept in local storage', async () => {
      const { el, requested } = await mountCopy();
      el.setConsent('maps', true);
      await sleep(100);
      expect(requested('cookie-store.ts')).to.equal(false);
      expect(el.getConsent('maps')).to.equal(true);
    });

    it('with storage="cookie", reads the stored cookie before the first view: no banner that then goes away', async () => {
      const record = { version: '2025-03', date: new Date().toISOString(), choices: { statistics: true, maps: false } };
      let key = '';
      const { el, root, requested } = await mountCopy({
        attributes: { storage: 'cookie' },
        prepare: (k) => {
          key = k;
          document.cookie = `${cookieName(k)}=${encodeURIComponent(JSON.stringify(record))}; path=/`;
        },
      });
      try {
        expect(requested('cookie-store.ts')).to.equal(true);
        expect(!!root.querySelector('.banner')).to.equal(false);
        expect(el.getConsent('statistics')).to.equal(true);
      } finally {
        document.cookie = `${cookieName(key)}=; path=/; max-age=0`;
      }
    });

    it('offline, says why in the person\'s language, and Try again reads the stored choice', async () => {
      const record = { version: '2025-03', date: new Date().toISOString(), choices: { statistics: false, maps: true } };
      let key = '';
      const { el, root } = await mountCopy({
        fails: 1,
        file: 'cookie-store.ts',
        attributes: { storage: 'cookie' },
        prepare: (k) => {
          key = k;
          document.cookie = `${cookieName(k)}=${encodeURIComponent(JSON.stringify(record))}; path=/`;
        },
        ready: (notice) => notice.state === 'error',
      });
      try {
        expect(text(root.querySelector('.message.error p'))).to.equal(NETWORK);
        expect(text(root.querySelector('[role="status"]')), 'said as well as shown').to.equal(NETWORK);
        expect(el.getConsent('maps'), 'nothing allowed while the choice cannot be read').to.equal(false);
        buttonNamed(root, 'Try again').click();
        await until(() => el.state === 'ready', 6000, 'the retry to load the cookie store');
        await el.updateComplete;
        expect(el.getConsent('maps'), 'the stored choice, read at last').to.equal(true);
        expect(!!root.querySelector('.banner')).to.equal(false);
      } finally {
        document.cookie = `${cookieName(key)}=; path=/; max-age=0`;
      }
    });
  });

  describe('the runner of gated scripts', () => {
    it('is not asked for before consent, and runs the script once it is given', async () => {
      gatedScript();
      const { el, requested } = await mountCopy();
      await sleep(200);
      expect(requested('gated-scripts.ts'), 'not loaded before anything is allowed').to.equal(false);
      expect(ran()).to.equal(undefined);
      el.setConsent('statistics', true);
      await until(() => ran() === 1, 4000, 'the gated script to run');
      expect(requested('gated-scripts.ts')).to.equal(true);
    });

    it('offline, keeps the consent; the next change runs what is allowed, once', async () => {
      gatedScript();
      const { el, key } = await mountCopy({ fails: 1, file: 'gated-scripts.ts' });
      el.setConsent('statistics', true);
      await sleep(300);
      expect(ran(), 'the runner could not be loaded').to.equal(undefined);
      expect(el.getConsent('statistics')).to.equal(true);
      expect(JSON.parse(localStorage.getItem(`citopia:${key}`)!).choices.statistics, 'the choice is kept').to.equal(true);
      // Gated content added later makes the gate apply again, which loads the runner again.
      gatedScript();
      await until(() => ran() === 2, 4000, 'both gated scripts to run');
      await sleep(200);
      expect(ran(), 'each ran once').to.equal(2);
    });
  });

  describe('rare sentences that come with the details layer', () => {
    it('a choice that no longer counts: the banner says why from its first view, so nothing shifts', async () => {
      // Every state of the shadow root, as it changes: a banner without its reason would be seen.
      const banners: boolean[] = [];
      const watch = (notice: PrivacyNotice) =>
        new MutationObserver(() => {
          const banner = notice.shadowRoot!.querySelector('.banner');
          if (banner) banners.push(!!banner.querySelector('.message.warning'));
        }).observe(notice.shadowRoot!, { childList: true, subtree: true });
      const { root, el } = await mountCopy({ prepare: (k) => storeChoice(k, '2024-01', 1), connected: watch });
      expect(text(root.querySelector('.banner .message.warning'))).to.equal('This notice has changed since your last choice. Please choose again.');
      expect(banners.length, 'the banner was seen').to.be.greaterThan(0);
      expect(banners.every(Boolean), 'never without its reason').to.equal(true);
      expect(el.getConsent('statistics')).to.equal(false);
    });

    it('offline, a choice that no longer counts is asked for again without the reason; the layer arriving later moves nothing, and Accept all works', async () => {
      const { el, root, key } = await mountCopy({ fails: 1, file: 'details-layer.ts', prepare: (k) => storeChoice(k, '2024-01', 1) });
      const banner = root.querySelector('.banner')!;
      expect(!!banner).to.equal(true);
      expect(!!root.querySelector('.message.warning')).to.equal(false);
      const before = banner.getBoundingClientRect().toJSON();
      // The first focus on the notice asks for the layer again, and this time it comes.
      buttonNamed(root, 'Accept all').focus();
      await until(() => root.querySelector('dialog #dialog-title'), 6000, 'the layer to arrive');
      await el.updateComplete;
      expect(text(root.querySelector('.message.warning')), 'no reason added afterwards').to.equal('');
      expect(banner.getBoundingClientRect().toJSON(), 'the banner did not move or grow').to.deep.equal(before);
      buttonNamed(root, 'Accept all').click();
      await until(() => el.getConsent('maps'), 4000, 'the choice to hold');
      expect(JSON.parse(localStorage.getItem(`citopia:${key}`)!).version).to.equal('2025-03');
    });

    it('offline, a broken configuration still says it cannot be shown, and nothing is added when the layer comes later', async () => {
      const original = console.error;
      console.error = () => {};
      try {
        const { el, root } = await mountCopy({ fails: 1, file: 'details-layer.ts', src: INVALID, ready: (notice) => notice.state === 'invalid' });
        const sentence = 'The privacy notice cannot be shown because its settings contain an error.';
        expect(text(root.querySelector('.message.error'))).to.equal(sentence);
        expect(el.getConsent('statistics')).to.equal(false);
        // Another notice of the page (same code) brings the layer in; this one then renders again.
        const other = document.createElement(el.localName) as PrivacyNotice;
        other.setAttribute('storage-key', `parts-other-${Date.now()}`);
        other.src = CONFIG;
        el.after(other);
        await until(() => other.state === 'ready', 6000, 'the other notice');
        await other.updateComplete;
        buttonNamed(other.shadowRoot!, 'Accept all').focus();
        await until(() => other.shadowRoot!.querySelector('dialog #dialog-title'), 6000, 'the layer to arrive');
        el.setAttribute('heading-level', '3');
        await el.updateComplete;
        expect(text(root.querySelector('.message.error')), 'the same sentence alone').to.equal(sentence);
      } finally {
        console.error = original;
      }
    });
  });
});
