/**
 * The later steps (steps.ts) cannot be fetched (offline, a server fault): "Continue" says so in
 * the page's language, with "Try again"; the answers stay in the form and on the device, and
 * once the module can be fetched, "Try again" goes on. Its own test file, so its own page:
 * the module was not loaded before. The test server fails the module for this page only (a
 * cookie; chunkFaultsPlugin in scripts/wtr-plugins.mjs).
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { deepActiveElement, expectAccessible, press, until } from '@citopia/testing';
import { $, $$, cleanUp, mount, startServer, text, typeInto } from './helpers.js';

/** While set, the test server answers 503 for this page's requests of src/steps.ts. */
const unreachable = (yes: boolean) => void (document.cookie = `citopia-chunk-steps=${yes ? 'fail' : ''}; path=/; max-age=${yes ? 600 : 0}`);

/** A hang guard, not a speed bound: the test machine may be busy (speed is measured by the bench). */
const WAIT = 20_000;

describe('<citopia-assistance-request> when its later steps cannot be loaded', function () {
  this.timeout(90_000);
  // This page asks the server, not the HTTP cache the test pages share, so it meets the failure.
  before(() => executeServerCommand('chunk-no-cache'));
  after(() => unreachable(false));
  afterEach(() => cleanUp());

  it('says why in the page language, keeps the draft, and goes on with "Try again"', async () => {
    unreachable(true);
    const server = await startServer();
    const el = await mount({ endpoint: server.url }, 'fr');
    await typeInto(el, 'description', 'Un trou devant la boulangerie');
    await typeInto(el, 'address', 'Grand-Rue 3');
    ($(el, 'button[type=submit]') as HTMLElement).focus();
    await press('Enter');

    // The summary, focused, says what happened in French, with "Try again".
    await until(() => $(el, '#steps-retry'), WAIT, 'Try again');
    await until(() => deepActiveElement()?.id === 'summary', WAIT, 'the summary focused');
    expect(text(el, '#summary-title')).to.equal('Il y a un problème');
    expect($$(el, '#summary li').map((li) => li.textContent)).to.deep.equal(['Le serveur est injoignable. Vérifiez votre connexion, puis réessayez.']);
    expect(text(el, '#steps-retry')).to.equal('Réessayer');
    await expectAccessible(el);

    // Nothing is lost: the fields as typed, and the draft on the device.
    expect(($(el, '#description') as HTMLTextAreaElement).value).to.equal('Un trou devant la boulangerie');
    const draft = JSON.parse(localStorage.getItem(`citopia:request:draft:open311:${server.url}`) ?? '{}');
    expect(draft.answers).to.include({ description: 'Un trou devant la boulangerie', address: 'Grand-Rue 3' });

    // Still failing: "Try again" says it again (the focus stays on the summary).
    $(el, '#steps-retry')!.focus();
    await press('Enter');
    await until(() => deepActiveElement()?.id === 'summary', WAIT, 'the summary focused again');
    expect($(el, '#steps-retry')).to.exist;

    // The module can be fetched again: "Try again" checks the answers (what is missing now).
    unreachable(false);
    $(el, '#steps-retry')!.focus();
    await press('Enter');
    await until(() => !$(el, '#steps-retry'), WAIT, 'the retry done');
    await until(() => deepActiveElement()?.id === 'summary', WAIT, 'the summary focused');
    expect($$(el, '#summary li a').map((a) => a.getAttribute('href'))).to.include.members(['#service', '#answer-email']);
    expect(($(el, '#description') as HTMLTextAreaElement).value).to.equal('Un trou devant la boulangerie');
  });
});
