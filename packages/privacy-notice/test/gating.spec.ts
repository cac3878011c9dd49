import { expect } from '@open-wc/testing';
import { deepActiveElement, press, tab } from '@citopia/testing';
import { mountNotice, sleep, stored, text, until } from './helpers.js';

declare global {
  interface Window {
    __statsRan?: number;
    __inlineRan?: number;
  }
}

const FIXTURES = '/packages/privacy-notice/fixtures/';
let run = 0;

/** The page author's gated content, as it would stand in the page's HTML. */
function gatedContent() {
  const id = `${Date.now()}-${++run}`;
  const holder = document.createElement('div');
  holder.dataset.citopiaTest = '';
  const script = document.createElement('script');
  script.type = 'text/plain';
  script.dataset.citopiaPurpose = 'statistics';
  script.dataset.src = `${FIXTURES}gated-stats.js?${id}`;
  const inline = document.createElement('script');
  inline.type = 'text/plain';
  inline.dataset.citopiaPurpose = 'statistics';
  inline.text = 'window.__inlineRan = (window.__inlineRan ?? 0) + 1;';
  const iframe = document.createElement('iframe');
  iframe.title = 'Map of the town hall';
  iframe.dataset.citopiaPurpose = 'maps';
  iframe.dataset.src = `${FIXTURES}gated-frame.html?${id}`;
  holder.append(script, inline, iframe);
  document.body.append(holder);
  return { holder, script, inline, iframe, statsUrl: script.dataset.src, frameUrl: iframe.dataset.src };
}

const requested = (path: string) => performance.getEntriesByType('resource').some((e) => e.name.endsWith(path));
/** The placeholder a held frame waits in (the frame is out of sight inside it). */
const placeholderOf = (iframe: HTMLIFrameElement) => iframe.parentElement?.closest<HTMLElement>('[data-citopia-placeholder]') ?? null;
const rendered = (el: Element) => el.getClientRects().length > 0;

describe('gating of scripts and iframes', () => {
  // A full resource-timing buffer (250 entries by default; the test server serves every module
  // on its own) would drop entries, and "never requested" could not fail.
  before(() => performance.setResourceTimingBufferSize(10_000));
  beforeEach(() => {
    delete window.__statsRan;
    delete window.__inlineRan;
  });
  afterEach(() => document.querySelectorAll('[data-citopia-test]').forEach((n) => n.remove()));

  it('runs nothing and requests nothing before consent, then runs and loads after it', async () => {
    const page = gatedContent();
    const { root, before } = await mountNotice();
    await sleep(200);
    expect(window.__statsRan, 'the script did not run').to.equal(undefined);
    expect(window.__inlineRan, 'the inline script did not run').to.equal(undefined);
    expect(page.iframe.hasAttribute('src'), 'the iframe has no src').to.equal(false);
    expect(rendered(page.iframe), 'the iframe is out of sight').to.equal(false);
    expect(requested(page.statsUrl), 'the script file was never requested').to.equal(false);
    expect(requested(page.frameUrl), 'the iframe page was never requested').to.equal(false);
    // Consent, with the keyboard: Accept all.
    before.focus();
    await tab();
    expect(text(deepActiveElement())).to.equal('Accept all');
    await press('Enter');
    await until(() => window.__statsRan === 1 && window.__inlineRan === 1, 4000, 'the gated scripts to run');
    await until(() => page.iframe.contentDocument?.title === 'Map of the town hall', 4000, 'the iframe to load');
    expect(rendered(page.iframe)).to.equal(true);
    expect(placeholderOf(page.iframe)).to.equal(null);
    expect(page.iframe.parentElement).to.equal(page.holder);
    // The browser may add a resource's timing entry a moment after the script ran.
    await until(() => requested(page.statsUrl) && requested(page.frameUrl), 4000, 'the timing entries of the script and the iframe');
    expect(root.querySelector('.settings')).not.to.equal(null);
  });

  it('after withdrawal, injects nothing more, unloads the iframe and says a reload may be needed', async () => {
    const page = gatedContent();
    const { el, root } = await mountNotice();
    el.setConsent({ statistics: true, maps: true });
    await until(() => window.__statsRan === 1 && window.__inlineRan === 1);
    await until(() => page.iframe.contentDocument?.title === 'Map of the town hall');
    // Withdraw from the settings, with the keyboard.
    await el.updateComplete;
    root.querySelector<HTMLElement>('.settings')!.focus();
    await press('Enter');
    const dialog = root.querySelector('dialog')!;
    await until(() => dialog.open);
    for (let i = 0; i < 40 && text(deepActiveElement()) !== 'Refuse all'; i++) await tab();
    await press('Enter');
    await until(() => el.getConsent('statistics') === false);
    expect(text(root.querySelector('[role="status"]'))).to.contain('a reload of the page may be needed');
    expect(text(dialog)).to.contain('a reload of the page may be needed');
    // A gated script added now does not run; the one that ran does not run again.
    const later = gatedContent();
    await sleep(300);
    expect(window.__statsRan).to.equal(1);
    expect(window.__inlineRan).to.equal(1);
    expect(requested(later.statsUrl)).to.equal(false);
    expect(page.iframe.src).to.equal('about:blank');
    expect(rendered(page.iframe)).to.equal(false);
    expect(placeholderOf(page.iframe)).not.to.equal(null);
    // Consent again: only what never ran runs.
    el.setConsent('statistics', true);
    await until(() => window.__statsRan === 2 && window.__inlineRan === 2);
    await sleep(100);
    expect(window.__statsRan).to.equal(2);
  });

  for (const display of ['inline', 'block']) it(`the placeholder keeps the blocked frame's place (${display}): what follows moves neither when it comes nor when the frame comes back`, async () => {
    const page = gatedContent();
    page.iframe.style.display = display;
    page.iframe.width = '400';
    page.iframe.height = '320';
    const after = document.createElement('p');
    after.textContent = 'What follows the map';
    page.holder.append(after);
    const top = () => after.getBoundingClientRect().top;
    const before = top();
    const { el } = await mountNotice();
    await until(() => placeholderOf(page.iframe) !== null, 4000, 'the placeholder');
    expect(rendered(page.iframe), 'the frame is out of sight, whatever display the page gives it').to.equal(false);
    const placeholder = placeholderOf(page.iframe)!;
    const box = placeholder.getBoundingClientRect();
    expect(box.height, 'as tall as the frame (320 px and its 2 px border)').to.equal(324);
    expect(box.width, 'no wider than the frame').to.equal(404);
    // The dashed box fills that height, not only its text's.
    expect(placeholder.shadowRoot!.querySelector('.placeholder')!.getBoundingClientRect().height).to.equal(324);
    expect(top(), 'nothing below moved when the placeholder came').to.equal(before);
    el.setConsent('maps', true);
    await until(() => placeholderOf(page.iframe) === null && rendered(page.iframe), 4000, 'the frame back');
    expect(top(), 'nothing below moved when the frame came back').to.equal(before);
    expect(page.iframe.style.display, 'the frame keeps its own display').to.equal(display);
    expect(after.previousElementSibling, 'the frame is back in its place').to.equal(page.iframe);
  });

  it('runs gated content added to the page later, once allowed', async () => {
    const { el } = await mountNotice();
    el.setConsent('statistics', true);
    gatedContent();
    await until(() => window.__statsRan === 1 && window.__inlineRan === 1);
  });

  it('a click-to-load placeholder asks consent in context, then loads the map and moves focus to it', async () => {
    const page = gatedContent();
    const { el, key } = await mountNotice();
    const placeholder = placeholderOf(page.iframe)!;
    expect(placeholder).not.to.equal(null);
    expect(placeholder.lang).to.equal('en');
    const button = placeholder.shadowRoot!.querySelector('button')!;
    expect(text(button)).to.equal('Load Map of the town hall: this shares data with OpenStreetMap');
    expect(text(placeholder.shadowRoot!)).to.contain('“Map of the town hall” is not loaded: it needs your consent for “Interactive maps”.');
    // Real keys: the placeholder stands before the notice in the page, so Shift+Tab from the
    // notice's first button reaches it without leaving the document (past the document's end,
    // Firefox goes on into its own toolbar, where the page no longer receives keys).
    el.shadowRoot!.querySelector<HTMLElement>('.choice')!.focus();
    for (let i = 0; i < 10 && deepActiveElement() !== button; i++) await tab(1, true);
    expect(deepActiveElement()).to.equal(button);
    await press('Enter');
    await until(() => page.iframe.contentDocument?.title === 'Map of the town hall', 4000, 'the map to load');
    expect(document.activeElement, 'focus moves to the loaded map').to.equal(page.iframe);
    expect(placeholder.isConnected).to.equal(false);
    expect(stored(key).choices).to.deep.equal({ maps: true });
    expect(el.getConsent('statistics')).to.equal(false);
    expect(window.__statsRan).to.equal(undefined);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.banner'), 'statistics is still to be asked').not.to.equal(null);
  });

  it('never turns a javascript: data-src into an iframe src, even with consent', async () => {
    const holder = document.createElement('div');
    holder.dataset.citopiaTest = '';
    const iframe = document.createElement('iframe');
    iframe.title = 'Hostile';
    iframe.dataset.citopiaPurpose = 'maps';
    iframe.dataset.src = 'javascript:parent.__pwned = 1';
    holder.append(iframe);
    document.body.append(holder);
    const { el } = await mountNotice();
    el.setConsent('maps', true);
    await sleep(200);
    expect(iframe.hasAttribute('src')).to.equal(false);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('the placeholder follows the language of the notice', async () => {
    const page = gatedContent();
    await mountNotice({ lang: 'fr' });
    const placeholder = placeholderOf(page.iframe)!;
    expect(placeholder.lang).to.equal('fr');
    expect(text(placeholder.shadowRoot!.querySelector('button'))).to.contain('OpenStreetMap');
    expect(text(placeholder.shadowRoot!.querySelector('button'))).not.to.contain('Load');
  });
});
