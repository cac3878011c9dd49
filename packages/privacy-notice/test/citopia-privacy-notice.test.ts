import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { a11ySweep, deepActiveElement, failingFirst, liveRegionsSaying, mountFixture, press, settle, tab } from '@citopia/testing';
import { fixtures } from '../src/fixtures.js';
import { getConsent, getConsentState, type ConsentState } from '../src/index.js';
import { buttonNamed, CONFIG, frame, mountNotice, sleep, storeChoice, stored, tabUntil, text, until } from './helpers.js';
// One test page for the whole package: real key presses need the page to keep the focus, which a
// second page opened beside it (the runner's concurrency) would take away.
import './validate-config.spec.js';
import './gating.spec.js';
import './lazy-layer.spec.js';
import './lazy-parts.spec.js';

// The sweep reads the final colours: no 150 ms colour transition after it switches the scheme.
document.documentElement.style.setProperty('--citopia-duration', '0s');

const cleanUp = () => document.querySelectorAll('[data-citopia-test]').forEach((n) => n.remove());
const CHOICES = ['Accept all', 'Refuse all', 'Choose'];

describe('<citopia-privacy-notice>', () => {
  afterEach(cleanUp);

  describe('layer 1: the transparency notice', () => {
    it('shows what is collected and why, each category with an icon that carries text, and no button at all', async () => {
      const { el } = await mountFixture(fixtures, 'transparency');
      const root = el.shadowRoot!;
      expect(text(root.querySelector('h2'))).to.equal('Transparency about your data');
      expect(text(root.querySelector('p'))).to.contain('only to provide its online services');
      const items = [...root.querySelectorAll('.notice > .categories li')];
      expect(items.map(text)).to.deep.equal(['Identity', 'Contact details', 'Device']);
      for (const item of items) {
        const svg = item.querySelector('svg')!;
        expect(svg.getAttribute('aria-hidden')).to.equal('true');
        expect(svg.getBoundingClientRect().width).to.be.greaterThan(0);
      }
      // No banner buttons: the easy-to-read toggle is the only control.
      expect([...root.querySelectorAll('button')].map(text), 'no banner buttons').to.deep.equal(['Easy to read']);
      expect(root.querySelector('dialog')).to.equal(null);
      expect(root.querySelector('.banner')).to.equal(null);
    });

    it('opens the full notice in place with the keyboard, under real headings', async () => {
      const { el } = await mountFixture(fixtures, 'transparency');
      const root = el.shadowRoot!;
      const summary = root.querySelector('summary')!;
      document.body.focus();
      await tabUntil((a) => a === summary);
      await press('Enter');
      expect(root.querySelector('details')!.open).to.equal(true);
      const h3 = [...root.querySelectorAll('details h3')].map(text);
      expect(h3).to.include.members(['Who is responsible', 'Why we use your data', 'What data we use', 'Where the data comes from', 'How long we keep it', 'Your rights', 'Where to complain', 'Automated decisions']);
      expect([...root.querySelectorAll('details h4')].map(text)).to.deep.equal(['Online services', 'Site security']);
      expect(text(root.querySelector('details'))).to.contain('Detecting and blocking attacks on the site.');
      expect(text(root.querySelector('details'))).to.contain('No data is transferred to other countries.');
      expect(root.querySelectorAll('input[role="switch"]').length).to.equal(0);
    });
  });

  describe('layer 2: the consent banner', () => {
    it('takes no room while its configuration loads, so nothing pushes the page down and back up; inline, it says it is loading', async () => {
      const heights: Record<string, number> = {};
      for (const mode of ['banner', 'inline']) {
        const wrapper = Object.assign(document.createElement('div'), { lang: 'en' });
        wrapper.dataset.citopiaTest = '';
        const el = document.createElement('citopia-privacy-notice') as HTMLElement & { state: string; updateComplete: Promise<boolean> };
        el.setAttribute('mode', mode);
        el.setAttribute('src', `/__test/slow?ms=3000&${mode}`); // answers late (and not a configuration)
        wrapper.append(el);
        document.body.append(wrapper);
        await until(() => el.state === 'loading', 3000, `the ${mode} notice to start loading`);
        await el.updateComplete;
        heights[mode] = el.getBoundingClientRect().height;
        if (mode === 'inline') expect(text(el.shadowRoot!)).to.contain('Loading the privacy notice…');
        wrapper.remove();
      }
      expect(heights['banner'], 'a loading banner takes no room').to.equal(0);
      expect(heights['inline'], 'the inline notice shows its loading line').to.be.greaterThan(0);
    });

    it('offers Accept all, Refuse all and Choose, in tab order, in the page flow, storing nothing yet', async () => {
      const { root, before, after, key } = await mountNotice();
      const banner = root.querySelector('.banner')!;
      expect(banner.getAttribute('aria-labelledby')).to.equal('title');
      expect(getComputedStyle(banner).position).to.equal('static');
      before.focus();
      for (const name of [...CHOICES, 'Easy to read']) {
        await tab();
        expect(text(deepActiveElement()), 'tab order: the three choices, then the easy-to-read toggle').to.equal(name);
      }
      await tab();
      expect(deepActiveElement()).to.equal(after);
      expect(stored(key)).to.equal(null);
    });

    it('gives the three choices equal weight: the same computed style and the same size', async () => {
      const { root } = await mountNotice();
      const buttons = CHOICES.map((name) => buttonNamed(root, name));
      const props = ['background-color', 'color', 'font-size', 'font-weight', 'font-family', 'border-top-width', 'border-top-style', 'border-top-color', 'border-radius', 'padding-top', 'padding-inline-start', 'text-decoration-line'];
      const styleOf = (b: Element) => Object.fromEntries(props.map((p) => [p, getComputedStyle(b).getPropertyValue(p)]));
      const [first, ...others] = buttons.map(styleOf);
      for (const other of others) expect(other).to.deep.equal(first);
      const sizes = buttons.map((b) => b.getBoundingClientRect());
      for (const size of sizes) {
        expect(size.width).to.be.closeTo(sizes[0]!.width, 0.5);
        expect(size.height).to.be.closeTo(sizes[0]!.height, 0.5);
        expect(size.height).to.be.at.least(24);
      }
    });

    it('Accept all stores the choice with version and date, tells the page, and leaves a privacy settings button with the focus', async () => {
      const { el, root, before, key } = await mountNotice();
      const events: ConsentState[] = [];
      const listener = (e: Event) => events.push((e as CustomEvent<ConsentState>).detail);
      document.addEventListener('citopia-consent-change', listener);
      try {
        before.focus();
        await tab();
        await press('Enter');
        await until(() => events.length === 1);
      } finally {
        document.removeEventListener('citopia-consent-change', listener);
      }
      expect(events[0]).to.deep.include({ decided: true, version: '2025-03', gpc: false });
      expect(events[0]!.purposes).to.deep.equal({ services: true, security: true, statistics: true, maps: true });
      const record = stored(key);
      expect(record.version).to.equal('2025-03');
      expect(record.choices).to.deep.equal({ statistics: true, maps: true });
      expect(Date.now() - Date.parse(record.date)).to.be.within(0, 60_000);
      await el.updateComplete;
      expect(root.querySelector('.banner')).to.equal(null);
      const settings = root.querySelector('[part="settings-button"]')!;
      expect(text(settings)).to.equal('Privacy settings');
      expect(deepActiveElement()).to.equal(settings);
      expect(text(root.querySelector('[role="status"]'))).to.equal('Your choices are saved.');
      expect(getConsent('statistics')).to.equal(true);
      expect(getConsentState()?.date).to.equal(record.date);
      expect(el.getConsent('maps')).to.equal(true);
    });

    it('Refuse all refuses every consent purpose; purposes on another legal basis stay allowed', async () => {
      const { el, root, before, key } = await mountNotice();
      before.focus();
      await tab(2);
      await press('Space');
      await until(() => stored(key));
      expect(stored(key).choices).to.deep.equal({ statistics: false, maps: false });
      expect(el.consentState.purposes).to.deep.equal({ services: true, security: true, statistics: false, maps: false });
      expect(getConsent('statistics')).to.equal(false);
      expect(getConsent('nothing-like-this')).to.equal(false);
      await el.updateComplete;
      expect(deepActiveElement()).to.equal(root.querySelector('.settings'));
    });
  });

  describe('layer 3: the details in a modal dialog', () => {
    it('Choose opens a native modal dialog, labelled by its heading, with the focus on that heading', async () => {
      const { root, before } = await mountNotice();
      before.focus();
      await tab(3);
      await press('Enter');
      const dialog = root.querySelector('dialog')!;
      await until(() => dialog.open);
      expect(dialog.matches(':modal'), 'opened with showModal()').to.equal(true);
      const heading = root.getElementById('dialog-title')!;
      expect(heading.localName).to.equal('h2');
      expect(dialog.getAttribute('aria-labelledby')).to.equal('dialog-title');
      expect(deepActiveElement()).to.equal(heading);
      expect(text(heading)).to.equal('Privacy settings');
    });

    it('keeps Tab inside the dialog: the page behind is inert, not focusable, even by script', async () => {
      const { root, before, after, el } = await mountNotice();
      await el.openSettings();
      const dialog = root.querySelector('dialog')!;
      const visited = new Set<Element>();
      for (let i = 0; i < 45; i++) {
        await tab();
        const active = deepActiveElement();
        expect(active === before || active === after, `Tab ${i + 1} reached the page behind`).to.equal(false);
        if (active && active !== document.body) {
          expect(dialog.contains(active), `Tab ${i + 1} left the dialog: ${active.outerHTML.slice(0, 60)}`).to.equal(true);
          visited.add(active);
        }
      }
      expect(visited.size, 'the dialog controls were reached').to.be.at.least(8);
      before.focus(); // inert content refuses focus even from script
      expect(document.activeElement).not.to.equal(before);
    });

    it('Escape closes without deciding anything and gives the focus back to Choose', async () => {
      const { root, before, key } = await mountNotice();
      before.focus();
      await tab(3);
      await press('Enter');
      const dialog = root.querySelector('dialog')!;
      await until(() => dialog.open);
      await press('Escape');
      await until(() => !dialog.open);
      await frame();
      expect(text(deepActiveElement())).to.equal('Choose');
      expect(stored(key), 'closing counts as neither yes nor no').to.equal(null);
      expect(root.querySelector('.banner')).not.to.equal(null);
    });

    it('the Close button counts as neither, too', async () => {
      const { root, el, key } = await mountNotice();
      await el.openSettings();
      await tab();
      expect(text(deepActiveElement())).to.equal('Close');
      await press('Enter');
      await until(() => !root.querySelector('dialog')!.open);
      expect(stored(key)).to.equal(null);
    });

    it('lists every item of the notice under real headings, with a native switch per consent purpose', async () => {
      const { root, el } = await mountNotice();
      await el.openSettings();
      const dialog = root.querySelector('dialog')!;
      expect([...dialog.querySelectorAll('h3')].map(text)).to.deep.equal([
        'Who is responsible',
        'Data protection officer',
        'Why we use your data',
        'What data we use',
        'Who receives it',
        'Transfers to other countries',
        'How long we keep it',
        'Your rights',
        'Where to complain',
        'Automated decisions',
      ]);
      expect([...dialog.querySelectorAll('h4')].map(text)).to.deep.equal(['Online services', 'Site security', 'Visit statistics', 'Interactive maps']);
      const all = text(dialog);
      for (const part of ['protection.donnees@ville-demo.ch', 'a task in the public interest', 'Detecting and blocking attacks', 'New Zealand: country recognised', 'Cookies: _pk_id.* and _pk_ses.*', 'Kept on your device: osm-tiles', 'Server logs: 90 days', 'Cantonal data protection commissioner', 'No decision about you', 'Version 2025-03, last updated on March 1, 2025', 'a reload of the page may be needed']) {
        expect(all).to.contain(part);
      }
      const switches = [...dialog.querySelectorAll<HTMLInputElement>('input[role="switch"]')];
      expect(switches.map((s) => s.type)).to.deep.equal(['checkbox', 'checkbox']);
      expect(switches.map((s) => text(s.labels![0]!))).to.deep.equal(['Allow: Visit statistics', 'Allow: Interactive maps']);
      expect(switches.every((s) => !s.checked)).to.equal(true);
      expect(root.getElementById(switches[0]!.getAttribute('aria-describedby')!)!.textContent).to.contain('Count visits');
      expect(dialog.querySelector<HTMLAnchorElement>('a[href^="mailto:"]')!.href).to.equal('mailto:protection.donnees@ville-demo.ch');
    });

    it('a switch toggles with Space, and Save my choices keeps exactly those', async () => {
      const { root, before, key, el } = await mountNotice();
      before.focus();
      await tab(3);
      await press('Enter');
      const statistics = root.getElementById('switch-statistics') as HTMLInputElement;
      await tabUntil((a) => a === statistics);
      await press('Space');
      expect(statistics.checked).to.equal(true);
      await tabUntil((a) => text(a) === 'Save my choices');
      await press('Enter');
      await until(() => stored(key));
      expect(stored(key).choices).to.deep.equal({ statistics: true, maps: false });
      await el.updateComplete;
      await frame();
      expect(root.querySelector('dialog')!.open).to.equal(false);
      expect(deepActiveElement(), 'focus lands on the settings button, not on the page top').to.equal(root.querySelector('.settings'));
    });

    it('withdrawing is as easy as giving: Privacy settings, then Refuse all, and the notice says a reload may be needed', async () => {
      const { root, before, key, el } = await mountNotice();
      before.focus();
      await tab();
      await press('Enter'); // Accept all
      await until(() => stored(key)?.choices.statistics === true);
      await el.updateComplete;
      const settings = root.querySelector<HTMLElement>('.settings')!;
      expect(deepActiveElement()).to.equal(settings);
      await press('Enter');
      const dialog = root.querySelector('dialog')!;
      await until(() => dialog.open);
      expect((root.getElementById('switch-statistics') as HTMLInputElement).checked, 'the switch shows the stored choice').to.equal(true);
      await tabUntil((a) => text(a) === 'Refuse all');
      await press('Enter');
      await until(() => stored(key).choices.statistics === false);
      await until(() => !dialog.open);
      await frame();
      expect(deepActiveElement(), 'focus returns to the settings button').to.equal(settings);
      expect(text(root.querySelector('[role="status"]'))).to.contain('a reload of the page may be needed');
      expect(el.getConsent('statistics')).to.equal(false);
    });

    it('heading-level sets the levels of every heading', async () => {
      const { root, el } = await mountNotice({ attributes: { 'heading-level': '3' } });
      expect(root.querySelector('.banner h3#title')).not.to.equal(null);
      await el.openSettings();
      expect(root.querySelector('dialog h3#dialog-title')).not.to.equal(null);
      expect(root.querySelectorAll('dialog h4').length).to.equal(10);
      expect(root.querySelectorAll('dialog h5').length).to.equal(4);
    });
  });

  it('reflows at 320 CSS px: no horizontal scrolling, the choices stacked, the dialog inside the window', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const { root, el } = await mountNotice({ lang: 'de' });
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      const [first, second] = [...root.querySelectorAll('.choice')].map((b) => b.getBoundingClientRect());
      expect(second!.top, 'stacked').to.be.greaterThan(first!.top);
      await el.openSettings();
      const dialog = root.querySelector('dialog')!;
      expect(dialog.getBoundingClientRect().width).to.be.at.most(320);
      expect(dialog.scrollWidth).to.be.at.most(dialog.clientWidth);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  describe('mode="inline" (the privacy-policy page)', () => {
    it('shows every item in the page, with the switches and the choices, without a dialog', async () => {
      const { root, el, key } = await mountNotice({ attributes: { mode: 'inline' } });
      expect(root.querySelector('dialog')).to.equal(null);
      expect(root.querySelector('.banner')).to.equal(null);
      expect(root.querySelectorAll('h3').length).to.equal(10);
      const maps = root.getElementById('switch-maps') as HTMLInputElement;
      maps.focus();
      await press('Space');
      await tabUntil((a) => text(a) === 'Save my choices');
      await press('Enter');
      await until(() => stored(key));
      expect(stored(key).choices).to.deep.equal({ statistics: false, maps: true });
      await el.updateComplete;
      expect(text(deepActiveElement()), 'focus stays on the button').to.equal('Save my choices');
      await el.openSettings();
      expect(deepActiveElement()).to.equal(root.getElementById('title'));
    });
  });

  describe('position="bottom"', () => {
    it('pads the page by the banner height, so the focused element is never under it, and gives the padding back', async () => {
      document.body.style.paddingBlockEnd = '3px';
      const spacer = document.createElement('div');
      spacer.style.blockSize = '150vh';
      spacer.dataset.citopiaTest = '';
      const last = Object.assign(document.createElement('button'), { textContent: 'Last on the page' });
      const end = document.createElement('div');
      end.dataset.citopiaTest = '';
      end.append(spacer, last);
      try {
        const { root, el, before } = await mountNotice({ attributes: { position: 'bottom' } });
        document.body.append(end);
        const banner = root.querySelector<HTMLElement>('.banner')!;
        expect(getComputedStyle(banner).position).to.equal('fixed');
        await until(() => document.body.style.paddingBlockEnd === `${Math.ceil(banner.getBoundingClientRect().height)}px`);
        expect(document.documentElement.style.scrollPaddingBlockEnd).to.equal(document.body.style.paddingBlockEnd);
        // Tab from the page's last control before the notice to the last one on the page: every
        // control in order. Firefox also stops on the banner itself when it scrolls (a scrollable
        // box takes the focus there), so that stop must be a named region, not a nameless box.
        before.focus();
        const stops: Element[] = [];
        for (let i = 0; i < 9 && deepActiveElement() !== last; i++) {
          await tab();
          stops.push(deepActiveElement()!);
        }
        expect(stops.filter((s) => s !== banner).map(text)).to.deep.equal([...CHOICES, 'Easy to read', 'After', 'Last on the page']);
        if (stops.includes(banner)) {
          expect(stops.indexOf(banner), 'the banner before its buttons').to.be.below(stops.findIndex((s) => text(s) === 'Accept all'));
          expect(banner.localName).to.equal('section');
          expect(text(root.getElementById(banner.getAttribute('aria-labelledby')!)), 'the region is named by its heading').to.equal('Your data on this site');
        }
        expect(deepActiveElement()).to.equal(last);
        await frame();
        expect(last.getBoundingClientRect().bottom, 'the focused button is above the banner').to.be.at.most(banner.getBoundingClientRect().top + 0.5);
        // A choice removes the banner and gives the page its padding back.
        el.setConsent({ statistics: false, maps: false });
        await el.updateComplete;
        expect(root.querySelector('.banner')).to.equal(null);
        expect(document.body.style.paddingBlockEnd).to.equal('3px');
        expect(document.documentElement.style.scrollPaddingBlockEnd).to.equal('');
      } finally {
        document.body.style.paddingBlockEnd = '';
      }
    });

    it('gives the padding back when it is removed', async () => {
      const { wrapper, root } = await mountNotice({ attributes: { position: 'bottom' } });
      expect(root.querySelector('.bottom')).not.to.equal(null);
      expect(document.body.style.paddingBlockEnd).not.to.equal('');
      wrapper.remove();
      expect(document.body.style.paddingBlockEnd).to.equal('');
    });
  });

  describe('consent that holds', () => {
    it('a current stored choice holds: no banner, only the settings button', async () => {
      const { el } = await mountFixture(fixtures, 'choice-stored');
      expect(el.shadowRoot!.querySelector('.banner')).to.equal(null);
      expect(text(el.shadowRoot!.querySelector('.settings'))).to.equal('Privacy settings');
      expect(el.getConsent('statistics')).to.equal(true);
      expect(el.getConsent('maps')).to.equal(false);
    });

    it('an expired choice asks again and says why', async () => {
      const { el } = await mountFixture(fixtures, 'expired-choice');
      expect(text(el.shadowRoot!.querySelector('.banner .message'))).to.equal('Your last choice has expired. Please choose again.');
      expect(el.getConsent('statistics')).to.equal(false);
    });

    it('a new version of the notice asks again and says why', async () => {
      const { el } = await mountFixture(fixtures, 'new-version');
      expect(text(el.shadowRoot!.querySelector('.banner .message'))).to.equal('This notice has changed since your last choice. Please choose again.');
      expect(el.getConsent('statistics')).to.equal(false);
    });

    it('expiry-days sets how long a choice holds', async () => {
      const twoDaysOld = (_el: unknown, key: string) => storeChoice(key, '2025-03', 2);
      const short = await mountNotice({ attributes: { 'expiry-days': '1' }, prepare: twoDaysOld });
      expect(short.root.querySelector('.banner')).not.to.equal(null);
      const long = await mountNotice({ attributes: { 'expiry-days': '3' }, prepare: twoDaysOld });
      expect(long.root.querySelector('.banner')).to.equal(null);
      expect(long.el.getConsent('maps')).to.equal(true);
    });

    it('a new purpose, added without a new version, is asked for', async () => {
      const { root } = await mountNotice({ prepare: (_el, key) => storeChoice(key, '2025-03', 1, { statistics: true }) });
      expect(root.querySelector('.banner')).not.to.equal(null);
    });

    it('storage="cookie" keeps the choice in a first-party cookie', async () => {
      const { el, key } = await mountNotice({ attributes: { storage: 'cookie' } });
      el.setConsent('maps', true);
      const cookie = document.cookie.split('; ').find((c) => c.startsWith(`citopia-${key}=`))!;
      const record = JSON.parse(decodeURIComponent(cookie.split('=')[1]!));
      expect(record).to.deep.include({ version: '2025-03', choices: { maps: true } });
      expect(localStorage.getItem(`citopia:${key}`)).to.equal(null);
      const again = await mountNotice({ attributes: { storage: 'cookie', 'storage-key': key } });
      expect(again.el.getConsent('maps')).to.equal(true);
      document.cookie = `citopia-${key}=; path=/; max-age=0`;
    });
  });

  describe('Global Privacy Control', () => {
    const config = async () => {
      const c = await (await fetch(CONFIG)).json();
      c.purposes[2].default = true; // pre-selected, unless the browser says no
      return c;
    };

    it('navigator.globalPrivacyControl: every consent purpose starts refused, no banner, and the notice says so', async () => {
      // Simulates the browser signal (Chromium does not send it unless asked to).
      Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
      try {
        const { el, root } = await mountNotice({ config: await config() });
        expect(root.querySelector('.banner')).to.equal(null);
        expect(text(root.querySelector('.compact'))).to.contain('Your browser sends a Global Privacy Control signal');
        expect(el.consentState).to.deep.include({ gpc: true, decided: false });
        expect(el.getConsent('statistics')).to.equal(false);
        await el.openSettings();
        expect((root.getElementById('switch-statistics') as HTMLInputElement).checked, 'default ignored under GPC').to.equal(false);
      } finally {
        delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
      }
    });

    it('without the signal, the default pre-selects the switch (but allows nothing until saved)', async () => {
      const { el, root } = await mountNotice({ config: await config() });
      expect(root.querySelector('.banner')).not.to.equal(null);
      await el.openSettings();
      expect((root.getElementById('switch-statistics') as HTMLInputElement).checked).to.equal(true);
      expect(el.getConsent('statistics')).to.equal(false);
    });

    it('the gpc property overrides the browser, for hosts and tests', async () => {
      const { el } = await mountFixture(fixtures, 'gpc');
      expect(el.consentState.gpc).to.equal(true);
      expect(el.shadowRoot!.querySelector('.banner')).to.equal(null);
      // An explicit choice still counts over the signal.
      el.setConsent('maps', true);
      expect(el.getConsent('maps')).to.equal(true);
    });
  });

  describe('configuration errors', () => {
    it('an invalid configuration logs the field at fault and shows the controller contact, never a blank', async () => {
      const errors: string[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args.join(' '));
      try {
        const { el } = await mountFixture(fixtures, 'invalid-config');
        expect(el.state).to.equal('invalid');
        expect(errors.join('\n')).to.contain('purposes[2].legalBasis must be one of');
        const root = el.shadowRoot!;
        expect(text(root)).to.contain('The privacy notice cannot be shown because its settings contain an error.');
        expect(root.querySelector<HTMLAnchorElement>('a[href^="mailto:"]')!.textContent).to.equal('protection.donnees@ville-demo.ch');
        expect(text(root)).to.contain('City of Demo, Municipal administration');
        expect(el.getConsent('statistics')).to.equal(false);
      } finally {
        console.error = original;
      }
    });

    it('without any contact it still says whom to ask', async () => {
      const original = console.error;
      console.error = () => {};
      try {
        const { root } = await mountNotice({ config: { version: 1 } });
        expect(text(root)).to.contain('please contact the operator of this site');
      } finally {
        console.error = original;
      }
    });

    it('a failing server gives a translated explanation and a retry button that tries again', async () => {
      const { el } = await mountFixture(fixtures, 'load-error', { lang: 'fr' });
      const root = el.shadowRoot!;
      expect(text(root.querySelector('.message'))).to.contain('Le serveur');
      expect(text(root.querySelector('[role="status"]'))).to.contain('Le serveur');
      const requests = () => performance.getEntriesByType('resource').filter((e) => e.name.includes('/__test/status/500')).length;
      const before = requests();
      root.querySelector<HTMLButtonElement>('.message button')!.focus();
      await press('Enter');
      await until(() => requests() === before + 1);
      await until(() => el.state === 'error');
      el.src = CONFIG;
      await until(() => el.state === 'ready');
    });

    it('after "Try again" succeeds, moves the focus to the notice\'s heading (real keys, real server)', async () => {
      const { el, root, before } = await mountNotice({ src: failingFirst(CONFIG, 1), lang: 'fr' });
      expect(el.state).to.equal('error');
      before.focus();
      await tab();
      expect(deepActiveElement()).to.equal(root.querySelector('.message button'));
      await press('Enter');
      await until(() => el.state === 'ready', 6000, 'the notice');
      await settle();
      expect(deepActiveElement()).to.equal(root.querySelector('#title'));
      expect(text(root.querySelector('#title'))).to.equal('Vos données sur ce site');
      expect(liveRegionsSaying(root, 'Le serveur')).to.have.length(0); // the earlier failure no longer said
    });

    it('after "Try again" fails again, moves the focus to the new message, said once', async () => {
      const { el, root } = await mountNotice({ src: failingFirst(CONFIG, 2), lang: 'de' });
      const sentence = text(root.querySelector('.message p'));
      expect(sentence).to.contain('Server');
      expect(liveRegionsSaying(root, sentence)).to.have.length(1); // the page's own load: said by the status
      root.querySelector<HTMLButtonElement>('.message button')!.focus();
      await press('Space');
      await until(() => root.querySelector('.message p') && el.state === 'error' && deepActiveElement() !== root.querySelector('.message button'), 6000, 'the second failure');
      await settle();
      expect(deepActiveElement()).to.equal(root.querySelector('.message p'));
      expect(liveRegionsSaying(root, sentence)).to.have.length(0); // said by the focus move, not twice
    });

    it('takes the configuration as a property too', async () => {
      const config = await (await fetch(CONFIG)).json();
      const { el, root } = await mountNotice({ config });
      expect(el.state).to.equal('ready');
      expect(text(root.querySelector('h2'))).to.equal('Your data on this site');
    });
  });

  describe('languages', () => {
    it('speaks Arabic right to left, and marks the configuration texts that fall back to another language', async () => {
      const { el, root } = await mountNotice({ lang: 'ar' });
      expect(el.getAttribute('dir')).to.equal('rtl');
      expect(text(root.querySelector('.choice'))).not.to.equal('Accept all');
      // The summary has no Arabic text: the English one, marked.
      const summary = root.querySelector('#title + p span')!;
      expect(summary.getAttribute('lang')).to.equal('en');
      expect(summary.getAttribute('dir')).to.equal('ltr');
      // The region and its heading are named in the page's language: the configuration's title has
      // no Arabic, so the component's own title (a screen reader says the landmark's name first).
      expect(text(root.querySelector('#title'))).to.equal('بياناتك على هذا الموقع');
      expect(root.querySelector('#title span')).to.equal(null);
    });

    it('uses the page language of the configuration texts without marking them', async () => {
      const { root } = await mountNotice({ lang: 'de-CH' });
      expect(text(root.querySelector('#title'))).to.equal('Ihre Daten auf dieser Website');
      expect(root.querySelector('#title span')).to.equal(null);
    });
  });

  it('makes no network request except loading its own configuration', async () => {
    const seen: string[] = [];
    const observer = new PerformanceObserver((list) => seen.push(...list.getEntries().map((e) => e.name)));
    observer.observe({ type: 'resource' });
    try {
      const src = `${CONFIG}?network-test`;
      const { el } = await mountNotice({ src });
      await el.openSettings();
      el.setConsent({ statistics: true, maps: true });
      await el.updateComplete;
      await el.openSettings();
      el.shadowRoot!.querySelector('dialog')!.close();
      await sleep(300);
      await until(() => seen.length > 0);
      expect(seen.map((url) => new URL(url).pathname + new URL(url).search)).to.deep.equal([src]);
    } finally {
      observer.disconnect();
    }
  });

  it('every fixture shown in Storybook has its story', async () => {
    const source = await (await fetch('/stories/privacy-notice.stories.ts')).text();
    for (const fixture of fixtures.fixtures.filter((f) => !f.testOnly)) {
      // The test server serves the story compiled (double quotes), Storybook the source (single).
      expect(source, fixture.name).to.match(new RegExp(`fixtureStory\\(fixtures, ['"]${fixture.name}['"]\\)`));
    }
  });
});

a11ySweep(fixtures);
