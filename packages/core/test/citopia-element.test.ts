import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { msg, str } from '@lit/localize';
import { CitopiaElement, defineElement } from '../src/index.js';
import { isLocaleReady, languageWatcherCount } from '../src/i18n-entry.js';
import { plural } from '../src/format.js';

declare module '@citopia/core' {
  interface CitopiaEventMap {
    'citopia-test-ping': { n: number };
  }
}

/** A real component built on the base class, as every Citopia component is. */
class TestGreeting extends CitopiaElement {
  static override properties = { count: { type: Number } };
  count = 1;
  override render() {
    return html`<p>${msg('The server refused the request.', { id: 'core.error.refused' })}</p>
      <p id="count">${plural(this.locale, this.count, { one: `${this.count} item`, other: `${this.count} items` })}</p>
      <p id="override">${msg(str`Hello ${'Ana'}`, { id: 'test.hello' })}</p>`;
  }
  ping(cancelable: boolean) {
    return this.emit('citopia-test-ping', { n: 1 }, { cancelable });
  }
}
defineElement('citopia-test-greeting', TestGreeting);

const text = (el: Element, sel = 'p') => el.shadowRoot!.querySelector(sel)!.textContent;

async function mount(markup: string) {
  const wrapper = document.createElement('div');
  const template = document.createElement('template');
  template.setHTMLUnsafe(markup); // test markup of our own, not data
  wrapper.append(template.content);
  document.body.append(wrapper);
  const el = wrapper.querySelector('citopia-test-greeting') as TestGreeting;
  await el.updateComplete;
  return { wrapper, el };
}

describe('CitopiaElement', () => {
  // First: it needs a language whose catalogue no earlier test has loaded.
  it('shows what the city wrote inside it until its first render, which waits for the catalogue', async () => {
    const lang = (['it', 'de', 'ar', 'fr'] as const).find((l) => !isLocaleReady(l));
    expect(lang, 'a catalogue not loaded yet').to.be.a('string');
    const wrapper = document.createElement('div');
    wrapper.lang = lang!;
    const el = document.createElement('citopia-test-greeting') as TestGreeting;
    const link = document.createElement('a');
    link.href = '/impots';
    link.textContent = 'Impôts';
    el.append(link);
    wrapper.append(el);
    document.body.append(wrapper);
    try {
      expect(el.hasUpdated).to.equal(false);
      expect(link.getBoundingClientRect().height, 'the link is on screen while the catalogue loads').to.be.greaterThan(0);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('slot'), 'the waiting slot is gone once rendered').to.equal(null);
      expect(link.getBoundingClientRect().height, 'the rendered template replaces it').to.equal(0);
    } finally {
      wrapper.remove();
    }
  });

  afterEach(() => document.body.replaceChildren());

  it('speaks the language of the closest [lang] ancestor, with its catalogue loaded before the first render', async () => {
    const { el } = await mount('<div lang="de-CH"><citopia-test-greeting></citopia-test-greeting></div>');
    expect(text(el)).to.equal('Der Server hat die Anfrage abgelehnt.');
    expect(el.getAttribute('dir')).to.equal('ltr');
  });

  it('crosses shadow roots to find the language', async () => {
    const host = document.createElement('div');
    host.lang = 'it';
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('citopia-test-greeting') as TestGreeting;
    root.append(inner);
    await inner.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
    await inner.updateComplete;
    expect(text(inner)).to.equal('Il server ha rifiutato la richiesta.');
  });

  it('falls back to <html lang>, then English for a language we do not ship', async () => {
    const previous = document.documentElement.lang;
    document.documentElement.lang = 'fr';
    try {
      const { el } = await mount('<citopia-test-greeting></citopia-test-greeting>');
      expect(text(el)).to.equal('Le serveur a refusé la demande.');
      const other = await mount('<div lang="rm"><citopia-test-greeting></citopia-test-greeting></div>');
      expect(text(other.el)).to.equal('The server refused the request.');
    } finally {
      document.documentElement.lang = previous;
    }
  });

  it('re-renders when a lang attribute above it changes, and sets dir="rtl" for Arabic', async () => {
    const { wrapper, el } = await mount('<section lang="fr"><div><citopia-test-greeting></citopia-test-greeting></div></section>');
    expect(text(el)).to.equal('Le serveur a refusé la demande.');
    wrapper.querySelector('section')!.lang = 'ar';
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(text(el)).to.equal('رفض الخادم الطلب.');
    expect(el.getAttribute('dir')).to.equal('rtl');
  });

  it('lets two elements on one page speak two languages at once', async () => {
    const { wrapper } = await mount('<div lang="fr"><citopia-test-greeting></citopia-test-greeting></div><div lang="de"><citopia-test-greeting></citopia-test-greeting></div>');
    const [fr, de] = [...wrapper.querySelectorAll('citopia-test-greeting')] as TestGreeting[];
    await fr!.updateComplete;
    await de!.updateComplete;
    expect(text(fr!)).to.equal('Le serveur a refusé la demande.');
    expect(text(de!)).to.equal('Der Server hat die Anfrage abgelehnt.');
  });

  it('takes the host page wording from `strings`, per locale or for all, with {0} placeholders', async () => {
    const { el } = await mount('<div lang="fr"><citopia-test-greeting></citopia-test-greeting></div>');
    el.strings = { 'core.error.refused': 'Refusé par la ville.', fr: { 'test.hello': 'Bonjour {0} !' } };
    await el.updateComplete;
    expect(text(el)).to.equal('Refusé par la ville.');
    expect(text(el, '#override')).to.equal('Bonjour Ana !');
    el.setAttribute('strings', '{"core.error.refused":"Non."}');
    await el.updateComplete;
    expect(text(el)).to.equal('Non.');
  });

  it('chooses plural forms with Intl.PluralRules', async () => {
    const { el } = await mount('<div lang="fr"><citopia-test-greeting></citopia-test-greeting></div>');
    el.count = 0;
    await el.updateComplete;
    expect(text(el, '#count')).to.equal('0 item'); // French: 0 is singular
    const en = await mount('<div lang="en"><citopia-test-greeting></citopia-test-greeting></div>');
    en.el.count = 0;
    await en.el.updateComplete;
    expect(text(en.el, '#count')).to.equal('0 items');
    expect(plural('ar', 2, { two: 'two', other: 'other' })).to.equal('two');
    expect(plural('ar', 11, { many: 'many', other: 'other' })).to.equal('many');
  });

  it('emits bubbling, composed events and reports cancellation', async () => {
    const { wrapper, el } = await mount('<citopia-test-greeting></citopia-test-greeting>');
    let detail: unknown;
    wrapper.addEventListener('citopia-test-ping', (e) => {
      detail = (e as CustomEvent).detail;
      e.preventDefault();
    });
    expect(el.ping(false)).to.equal(false, 'a non-cancelable event cannot be cancelled');
    expect(detail).to.deep.equal({ n: 1 });
    expect(el.ping(true)).to.equal(true);
  });

  it('stops watching the language on disconnect (no leaked listeners)', async () => {
    const before = languageWatcherCount();
    const { wrapper } = await mount('<citopia-test-greeting></citopia-test-greeting><citopia-test-greeting></citopia-test-greeting>');
    expect(languageWatcherCount()).to.equal(before + 2);
    wrapper.remove();
    expect(languageWatcherCount()).to.equal(before);
  });

  it('defines a tag twice without throwing and warns once', () => {
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      class Other extends CitopiaElement {}
      class Another extends CitopiaElement {}
      defineElement('citopia-test-greeting', Other);
      defineElement('citopia-test-greeting', Another);
      expect(customElements.get('citopia-test-greeting')).to.equal(TestGreeting);
      expect(warnings.length).to.equal(1);
    } finally {
      console.warn = original;
    }
  });
});
