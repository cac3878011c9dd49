import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { msg, str } from '@lit/localize';
import { CitopiaElement, defineElement, setReadingPreference } from '../src/index.js';
import { _resetReadingPreference, readingFollowerCount } from '../src/reading-mode.js';
import { baseStyles } from '../src/styles/index.js';
import { pickReadableText } from '../src/language-map.js';
import { deepActiveElement, press, tab } from '@citopia/testing';

/** A real component on the base class, with the shared toggle, as every Citopia component has. */
class TestReader extends CitopiaElement {
  static override styles = baseStyles;
  override render() {
    return html`${this.renderReadingToggle()}
      <p id="error">${msg('The server refused the request.', { id: 'core.error.refused' })}</p>
      <p id="no-easy">${msg(str`Hello ${'Ana'}`, { id: 'test.reading.hello' })}</p>`;
  }
}
defineElement('citopia-test-reader', TestReader);

const text = (el: Element, sel: string) => el.shadowRoot!.querySelector(sel)!.textContent!.trim();
const toggleOf = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('.reading-toggle button');
const KEY = 'citopia:reading';

async function mount(markup: string) {
  const wrapper = document.createElement('div');
  const template = document.createElement('template');
  template.setHTMLUnsafe(markup); // test markup of our own, not data
  wrapper.append(template.content);
  document.body.append(wrapper);
  const els = [...wrapper.querySelectorAll<TestReader>('citopia-test-reader')];
  for (const el of els) await el.updateComplete;
  return { wrapper, els, el: els[0]! };
}

/** Waits until every element has rendered what its last change asked for (easy chunks are lazy). */
async function settle(...els: TestReader[]) {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 20));
    for (const el of els) await el.updateComplete;
  }
}

type Fault = 'quota' | 'disabled';
function injectStorageFault(fault: Fault): () => void {
  const original = Object.getOwnPropertyDescriptor(window, 'localStorage')!;
  const items = new Map<string, string>();
  const fake = {
    getItem: (key: string) => items.get(key) ?? null,
    setItem(key: string) {
      throw new DOMException(`Setting the value of '${key}' exceeded the quota.`, 'QuotaExceededError');
    },
    removeItem: (key: string) => void items.delete(key),
  };
  const get = () => {
    if (fault === 'disabled') throw new DOMException('Access is denied for this document.', 'SecurityError');
    return fake as unknown as Storage;
  };
  Object.defineProperty(window, 'localStorage', { configurable: true, enumerable: true, get });
  return () => Object.defineProperty(window, 'localStorage', original);
}

describe('easy-to-read mode', () => {
  beforeEach(() => _resetReadingPreference());
  afterEach(() => {
    document.body.replaceChildren();
    _resetReadingPreference();
  });

  it('reads in standard language by default, and in easy-to-read language with reading="easy"', async () => {
    const { els } = await mount('<citopia-test-reader></citopia-test-reader><citopia-test-reader reading="easy"></citopia-test-reader>');
    expect(text(els[0]!, '#error')).to.equal('The server refused the request.');
    expect(els[0]!.readingMode).to.equal('standard');
    expect(text(els[1]!, '#error')).to.equal('The server said no to the request.');
    expect(els[1]!.readingMode).to.equal('easy');
  });

  it('loads the easy catalogue of the element’s locale before rendering (French FALC)', async () => {
    const { el } = await mount('<div lang="fr-CH"><citopia-test-reader reading="easy"></citopia-test-reader></div>');
    expect(text(el, '#error')).to.equal('Le serveur a dit non à la demande.');
    expect(text(el, '.reading-toggle button')).to.equal('Facile à lire');
  });

  it('falls back to the standard string where no easy text exists, and takes host wording for <locale>-easy first', async () => {
    const { el } = await mount('<div lang="de"><citopia-test-reader reading="easy"></citopia-test-reader></div>');
    expect(text(el, '#no-easy')).to.equal('Hello Ana');
    el.strings = { 'de-easy': { 'core.error.refused': 'Der Server sagt: Nein.' }, de: { 'core.error.refused': 'Abgelehnt.' } };
    await el.updateComplete;
    expect(text(el, '#error')).to.equal('Der Server sagt: Nein.');
    el.reading = 'standard';
    await el.updateComplete;
    expect(text(el, '#error')).to.equal('Abgelehnt.');
  });

  it('inherits the mode from the closest [data-citopia-reading] ancestor, across shadow roots, and follows its changes', async () => {
    const outer = document.createElement('div');
    outer.dataset.citopiaReading = 'easy';
    document.body.append(outer);
    const host = document.createElement('div');
    outer.append(host);
    const inner = document.createElement('citopia-test-reader') as TestReader;
    host.attachShadow({ mode: 'open' }).append(inner);
    await settle(inner);
    expect(text(inner, '#error')).to.equal('The server said no to the request.');
    outer.dataset.citopiaReading = 'standard';
    await settle(inner);
    expect(text(inner, '#error')).to.equal('The server refused the request.');
    expect(toggleOf(inner)!.getAttribute('aria-pressed')).to.equal('false');
  });

  it('the toggle works with real keys, tells the page, is remembered, and every component follows', async () => {
    const { wrapper, els } = await mount('<button id="before">before</button><citopia-test-reader></citopia-test-reader><div lang="it"><citopia-test-reader></citopia-test-reader></div>');
    const [first, second] = els as [TestReader, TestReader];
    const changes: unknown[] = [];
    const listener = (e: Event) => changes.push((e as CustomEvent).detail);
    window.addEventListener('citopia-reading-change', listener);
    try {
      const toggle = toggleOf(first)!;
      expect(toggle.getAttribute('aria-pressed')).to.equal('false');
      expect(toggle.getBoundingClientRect().height).to.be.at.least(24);
      expect(toggle.getBoundingClientRect().width).to.be.at.least(24);
      wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
      await tab();
      expect(deepActiveElement()).to.equal(toggle);
      await press('Space');
      await settle(first, second);
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      expect(text(first, '#error')).to.equal('The server said no to the request.');
      expect(text(second, '#error'), 'the other component follows, in its own language').to.equal('Il server ha detto di no alla richiesta.');
      expect(toggleOf(second)!.getAttribute('aria-pressed')).to.equal('true');
      expect(localStorage.getItem(KEY)).to.equal('easy');
      expect(changes).to.deep.equal([{ reading: 'easy' }]);
      expect(deepActiveElement(), 'the focus stays on the toggle').to.equal(toggle);
      await press('Enter');
      await settle(first, second);
      expect(text(first, '#error')).to.equal('The server refused the request.');
      expect(text(second, '#error')).to.equal('Il server ha rifiutato la richiesta.');
      expect(localStorage.getItem(KEY)).to.equal('standard');
      expect(changes).to.deep.equal([{ reading: 'easy' }, { reading: 'standard' }]);
    } finally {
      window.removeEventListener('citopia-reading-change', listener);
    }
  });

  it('a new page starts with the remembered choice; a page-level setReadingPreference() switches every component', async () => {
    localStorage.setItem(KEY, 'easy');
    _resetReadingPreference(true);
    const { el } = await mount('<citopia-test-reader></citopia-test-reader>');
    expect(text(el, '#error')).to.equal('The server said no to the request.');
    setReadingPreference('standard');
    await settle(el);
    expect(text(el, '#error')).to.equal('The server refused the request.');
    expect(localStorage.getItem(KEY)).to.equal('standard');
  });

  it('an element pinned by reading="standard" switches itself when its own toggle is pressed', async () => {
    const { el } = await mount('<citopia-test-reader reading="standard"></citopia-test-reader>');
    toggleOf(el)!.focus();
    await press('Enter');
    await settle(el);
    expect(el.readingMode).to.equal('easy');
    expect(text(el, '#error')).to.equal('The server said no to the request.');
  });

  for (const fault of ['quota', 'disabled'] as const) {
    it(`tolerates a device storage that is ${fault === 'quota' ? 'full' : 'switched off'}: the choice holds for the page`, async () => {
      const restore = injectStorageFault(fault);
      try {
        _resetReadingPreference(true);
        const { els } = await mount('<citopia-test-reader></citopia-test-reader><citopia-test-reader></citopia-test-reader>');
        toggleOf(els[0]!)!.focus();
        await press('Space');
        await settle(...els);
        for (const el of els) expect(text(el, '#error')).to.equal('The server said no to the request.');
        expect(setReadingPreference('standard'), 'reports that the device did not keep it').to.equal(false);
      } finally {
        restore();
      }
    });
  }

  it('hide-reading-toggle leaves the control out (for a page with one page-level toggle)', async () => {
    const { el } = await mount('<citopia-test-reader hide-reading-toggle></citopia-test-reader>');
    expect(toggleOf(el)).to.equal(null);
  });

  it('stops following the reading mode on disconnect (no leaked listeners)', async () => {
    const before = readingFollowerCount();
    const { wrapper } = await mount('<citopia-test-reader></citopia-test-reader>');
    expect(readingFollowerCount()).to.equal(before + 1);
    wrapper.remove();
    expect(readingFollowerCount()).to.equal(before);
  });
});

describe('pickReadableText', () => {
  const standard = { fr: 'Déposez une demande de permis.', en: 'Apply for a permit.' };
  const easy = { fr: 'Vous demandez un permis.', ar: 'اطلب إذنا.' };
  it('gives the standard text when the mode is standard', () => {
    expect(pickReadableText(standard, easy, 'fr-CH', false)).to.deep.equal({ text: 'Déposez une demande de permis.', lang: 'fr' });
  });
  it('gives the easy text in the page language when the mode is easy', () => {
    expect(pickReadableText(standard, easy, 'fr-CH', true)).to.deep.equal({ text: 'Vous demandez un permis.', lang: 'fr' });
    expect(pickReadableText(standard, easy, 'ar', true)).to.deep.equal({ text: 'اطلب إذنا.', lang: 'ar' });
  });
  it('prefers a standard text in the page language to an easy text in another', () => {
    expect(pickReadableText(standard, easy, 'en', true)).to.deep.equal({ text: 'Apply for a permit.', lang: 'en' });
  });
  it('tolerates missing or malformed easy data', () => {
    expect(pickReadableText(standard, undefined, 'fr', true).text).to.equal('Déposez une demande de permis.');
    expect(pickReadableText(standard, { fr: 42 }, 'fr', true).text).to.equal('Déposez une demande de permis.');
    expect(pickReadableText('Texte', 'Texte facile', 'fr', true).text).to.equal('Texte facile');
  });
});
