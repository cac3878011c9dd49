/**
 * The later steps (steps.ts and what it imports: checking, "check your answers", sending, the
 * outbox, the confirmation) are not part of the first view: requested only once the person
 * starts on the form, and nothing moves when they arrive. Its own test file, so its own page:
 * nothing else loaded them first.
 */
import { expect } from '@open-wc/testing';
import { deepActiveElement, press, settle, until } from '@citopia/testing';
import { $, $$, cleanUp, mount, sleep, startServer } from './helpers.js';

performance.setResourceTimingBufferSize(10_000);

/** Modules of the later steps, as the dev server serves them (one request per module). */
const LATER = ['steps', 'check-answers', 'sending', 'outbox', 'outbox-view', 'deliver', 'answers', 'validate', 'problems', 'confirmation', 'open311-results', 'open311-status', 'open311-xml', 'upload', 'date-time', 'date-time-field'];
const SRC = '/packages/assistance-request/src/';
/** This package's modules the page has requested so far, by name. */
const requested = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((path) => path.startsWith(SRC))
    .map((path) => path.slice(SRC.length).replace(/\.(js|ts)$/, ''));
const laterRequested = () => requested().filter((name) => LATER.includes(name));

/** A hang guard, not a speed bound: the test machine may be busy (speed is measured by the bench). */
const WAIT = 20_000;

describe('the later steps of <citopia-assistance-request>', function () {
  this.timeout(90_000);
  afterEach(() => cleanUp());

  it('are requested only when the person starts on the form, and nothing moves when they arrive', async () => {
    const server = await startServer();
    const el = await mount({ endpoint: server.url });
    await settle();
    await sleep(500); // an idle moment after the first view: still nothing more
    // The first view came from the entry's own modules (the form was built)...
    expect(requested()).to.include.members(['citopia-assistance-request', 'open311', 'open311-read', 'answer-model']);
    // ...and none of the later steps.
    expect(laterRequested()).to.deep.equal([]);

    const base = $(el, '[part=base]')!;
    const before = { box: base.getBoundingClientRect().toJSON(), text: base.textContent };
    $(el, '#description')!.focus({ preventScroll: true }); // the first focus inside the form asks for them
    await until(() => laterRequested().includes('steps'), WAIT, 'the later steps requested');
    await until(() => ['check-answers', 'sending', 'problems', 'confirmation'].every((name) => laterRequested().includes(name)), WAIT, 'their modules');
    await settle();
    // The XML reader is not among them: this server speaks JSON.
    expect(laterRequested()).not.to.include('open311-xml');
    // Their arrival changes nothing on the screen: same box, same text.
    expect(base.getBoundingClientRect().toJSON()).to.deep.equal(before.box);
    expect(base.textContent).to.equal(before.text);

    // They are what "Continue" runs: the empty form's problems, in the focused summary.
    ($(el, 'button[type=submit]') as HTMLElement).focus();
    await press('Enter');
    await until(() => deepActiveElement()?.id === 'summary', WAIT, 'the summary focused');
    expect($$(el, '#summary li a').map((a) => a.getAttribute('href'))).to.include.members(['#service', '#description', '#address', '#answer-email']);
  });
});
