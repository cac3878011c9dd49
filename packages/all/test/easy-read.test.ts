/**
 * Easy-to-read mode across the four components: one toggle, pressed with real keys, switches
 * every component on the page (each in its own language); data with an easy-to-read text shows
 * it; the choice survives as the person's preference.
 */
import { expect } from '@open-wc/testing';
import { deepActiveElement, mountFixture, press } from '@citopia/testing';
import { until, type FixtureList } from '@citopia/core/fixtures';
import { _resetReadingPreference } from '../../core/src/reading-mode.js';
import { context as open311Context } from '../../assistance-request/test/helpers.js';
import '../src/index.js';
import { fixtures as serviceFinder } from '../../service-finder/src/fixtures.js';
import { fixtures as assistanceRequest } from '../../assistance-request/src/fixtures.js';
import { fixtures as privacyNotice } from '../../privacy-notice/src/fixtures.js';
import { fixtures as openSourceBadge } from '../../open-source-badge/src/fixtures.js';

const list = (l: unknown) => l as FixtureList;
const root = (el: HTMLElement) => el.shadowRoot!;
const texts = (el: HTMLElement) => root(el).textContent!.replace(/\s+/g, ' ');
const toggle = (el: HTMLElement) => root(el).querySelector<HTMLButtonElement>('.reading-toggle button');

describe('easy-to-read mode in every component', function () {
  this.timeout(30_000);
  beforeEach(() => _resetReadingPreference());
  afterEach(() => {
    document.querySelectorAll('[data-citopia-test]').forEach((n) => n.remove());
    _resetReadingPreference();
  });

  it('one toggle, pressed with Space then Enter, switches all four components and back', async () => {
    const finder = (await mountFixture(list(serviceFinder), 'small', { lang: 'fr' })).el;
    const notice = (await mountFixture(list(privacyNotice), 'consent-needed', { lang: 'de' })).el;
    const request = (await mountFixture(list(assistanceRequest), 'default', { lang: 'it', context: await open311Context() })).el;
    const badge = (await mountFixture(list(openSourceBadge), 'current-version', { lang: 'en' })).el;
    // The standard wording first.
    expect(texts(finder)).to.contain('Rechercher une prestation');
    expect(texts(notice)).to.contain('Alle akzeptieren');
    expect(texts(request)).to.contain('Continua');
    expect(texts(badge)).to.contain('Details');
    for (const el of [finder, notice, request, badge]) expect(toggle(el)?.getAttribute('aria-pressed'), el.localName).to.equal('false');

    toggle(finder)!.focus();
    await press('Space');
    await until(() => texts(badge).includes('More about it') && texts(request).includes('Avanti'), 8000, 'every component in easy-to-read language');
    expect(texts(finder)).to.contain('Chercher un service');
    expect(texts(notice)).to.contain('Ja zu allem');
    expect(texts(request)).to.contain('Avanti');
    expect(texts(badge)).to.contain('More about it');
    for (const el of [finder, notice, request, badge]) expect(toggle(el)?.getAttribute('aria-pressed'), el.localName).to.equal('true');
    expect(deepActiveElement()).to.equal(toggle(finder));
    expect(localStorage.getItem('citopia:reading')).to.equal('easy');

    // Any component's toggle switches them all back.
    toggle(notice)!.focus();
    await press('Enter');
    await until(() => texts(finder).includes('Rechercher une prestation') && texts(badge).includes('Details'), 8000, 'every component back in standard language');
    expect(texts(request)).to.contain('Continua');
    for (const el of [finder, notice, request, badge]) expect(toggle(el)?.getAttribute('aria-pressed'), el.localName).to.equal('false');
  });

  it('the finder shows a service’s easyDescription in easy-to-read mode, its summary otherwise', async () => {
    const { el } = await mountFixture(list(serviceFinder), 'easy-read', { lang: 'fr' });
    await until(() => texts(el).includes('Vous voulez construire une maison.'), 8000, 'the easy description');
    expect(texts(el)).not.to.contain('Déposez une demande de permis pour construire');
    (el as HTMLElement & { reading: string }).reading = 'standard';
    await until(() => texts(el).includes('Déposez une demande de permis pour construire'), 8000, 'the standard summary');
    expect(texts(el)).not.to.contain('Vous voulez construire une maison.');
  });

  it('the privacy notice shows a purpose’s easyDescription in easy-to-read mode (Arabic easy text on an Arabic page)', async () => {
    const { el } = await mountFixture(list(privacyNotice), 'easy-read-inline', { lang: 'ar' });
    await until(() => texts(el).includes('نعد الزيارات.'), 8000, 'the easy description in Arabic');
    const { el: standard } = await mountFixture(list(privacyNotice), 'details-inline', { lang: 'ar' });
    // Without easy mode the standard description (no Arabic in the data: English, marked lang="en").
    await until(() => texts(standard).includes('Count visits and pages viewed to improve the site.'), 8000, 'the standard description');
  });

  it('a page-level data-citopia-reading="easy" switches a component whose toggle is hidden', async () => {
    const { el, wrapper } = await mountFixture(list(openSourceBadge), 'current-version', { lang: 'de' });
    el.setAttribute('hide-reading-toggle', '');
    wrapper.dataset.citopiaReading = 'easy';
    await until(() => texts(el).includes('Mehr dazu'), 8000, 'Leichte Sprache');
    expect(toggle(el)).to.equal(null);
  });
});
