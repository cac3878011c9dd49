/**
 * The details layer is a chunk of its own (details-layer.ts): not loaded with the banner, loaded
 * at the first focus on the notice (before anyone can press "Choose"), shifting nothing when it arrives, and, when it cannot be loaded, said in the person's language
 * without losing a choice. Each test loads its own copy of the element's modules through the test
 * server's /__test/fail-first/ prefix (under a tag of its own), so the chunk is really requested
 * and, for the failure tests, really answered 503. Such a copy also has its own copy of core,
 * whose catalogues the page's msg() does not read: the copies speak English (the French
 * message goes through the same describeLoadError and msg() as every other string).
 */
import { expect } from '@open-wc/testing';
import { deepActiveElement, press, tab } from '@citopia/testing';
import { buttonNamed, mountCopy, NETWORK, storeChoice, stored, text, TRANSPARENCY, until } from './helpers.js';

/** A fresh copy of the element whose details-layer chunk fails `fails` times. */
const mountLayerCopy = (fails: number, prepare?: (key: string) => void, src?: string) => mountCopy({ fails, file: 'details-layer.ts', prepare, src });

describe('the details layer chunk', () => {
  afterEach(() => document.querySelectorAll('[data-citopia-test]').forEach((n) => n.remove()));

  it('is not loaded with the banner, is loaded at the first focus on it, and shifts nothing when it arrives', async () => {
    const { root, before: start } = await mountLayerCopy(0);
    const banner = root.querySelector('.banner')!;
    const before = banner.getBoundingClientRect().toJSON();
    const dialog = root.querySelector('dialog')!;
    await new Promise((r) => setTimeout(r, 300));
    expect(dialog.childElementCount, 'nothing asked for the layer yet').to.equal(0);
    start.focus();
    await tab(); // into the banner, on "Accept all": a real focus move
    expect(root.activeElement).to.equal(buttonNamed(root, 'Accept all'));
    await until(() => dialog.querySelector('#dialog-title'), 6000, 'the layer to arrive');
    expect(banner.getBoundingClientRect().toJSON(), 'the banner did not move or resize').to.deep.equal(before);
    expect(dialog.open).to.equal(false);
    expect(dialog.getBoundingClientRect().height, 'the closed dialog takes no room').to.equal(0);
    expect(text(dialog.querySelector('#dialog-title'))).to.equal('Privacy settings');
  });

  it('a disclosure opened by script, with no focus or pointer before, still gets the full notice', async () => {
    const { root } = await mountLayerCopy(0, undefined, TRANSPARENCY);
    const details = root.querySelector('details')!;
    expect(details.querySelector('.details'), 'not loaded with the notice').to.equal(null);
    details.open = true;
    await until(() => details.querySelector('.details h3'), 6000, 'the full notice to arrive');
    expect(text(details)).to.contain('Automated decisions');
  });

  it('offline, Choose says why, keeps the focus, and Accept all still works', async () => {
    const { el, root, key } = await mountLayerCopy(99);
    const choose = root.querySelector<HTMLButtonElement>('[aria-haspopup="dialog"]')!;
    choose.focus();
    await press('Enter');
    await until(() => root.querySelector('.message.error'), 6000, 'the failure to show');
    expect(text(root.querySelector('.message.error p'))).to.equal(NETWORK);
    expect(text(root.querySelector('[role="status"]')), 'said as well as shown').to.equal(NETWORK);
    expect(root.querySelector('dialog')!.open).to.equal(false);
    expect(deepActiveElement(), 'the focus stays on Choose').to.equal(choose);
    expect(stored(key), 'nothing recorded by the failure').to.equal(null);
    buttonNamed(root, 'Accept all').click();
    await until(() => stored(key), 6000, 'the choice to be stored');
    expect(stored(key).choices).to.deep.equal({ statistics: true, maps: true });
    expect(el.getConsent('maps')).to.equal(true);
  });

  it('offline, the privacy settings keep the stored choice, and Try again asks again', async () => {
    const choices = { statistics: true, maps: false };
    const { el, root, key } = await mountLayerCopy(99, (k) => storeChoice(k, '2025-03', 3, choices));
    const record = stored(key);
    root.querySelector<HTMLButtonElement>('.settings')!.click();
    await until(() => root.querySelector('.message.error'), 6000, 'the failure to show');
    expect(text(root.querySelector('.message.error p'))).to.equal(NETWORK);
    const retry = buttonNamed(root, 'Try again');
    retry.click();
    await el.updateComplete;
    await until(() => root.querySelector('.message.error') && !root.querySelector('dialog')!.open, 6000, 'the retry to fail too');
    expect(stored(key), 'the stored choice is untouched').to.deep.equal(record);
    expect(el.consentState.purposes).to.deep.include(choices);
  });
});
