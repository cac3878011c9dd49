import { expect } from '@open-wc/testing';
import { press } from '@citopia/testing';
import '../src/index.js';
import { completeAnswers, writeDraft } from '../src/fixtures.js';
import { $, $$, appear, cleanUp, mount, setNetwork, startServer, storedRequests, text } from './helpers.js';

/** Removes the mounted forms but keeps what they stored (the copies under test). */
const unmount = () => document.querySelectorAll('[data-citopia-test]').forEach((n) => n.remove());

describe('<citopia-assistance-request> offline: the service list and definitions kept on the device', function () {
  this.timeout(30_000);
  afterEach(async () => {
    cleanUp();
    await setNetwork(false);
  });

  it('starts a request offline from the kept service list and form definition; it waits in the outbox, then is sent', async function () {
    const server = await startServer();
    // A visit online: the list and the waste form's definition are read (and kept).
    const online = await mount({ endpoint: server.url, 'service-code': 'DECHETS-SAUV' });
    await appear(online, '#a0');
    unmount();

    const offline = await setNetwork(true);
    if (!offline.supported) this.skip();
    writeDraft(server.url, completeAnswers());
    const el = await mount({ endpoint: server.url });
    expect($$<HTMLInputElement>(el, 'input[name=service]').map((i) => i.value)).to.deep.equal(['101', 'ECL', 'DECHETS-SAUV', '204', 'AIDE-ADMIN', '305']);
    await appear(el, '#a0'); // the definition's questions, from the kept copy
    ($(el, 'button[type=submit]') as HTMLElement).focus();
    await press('Enter');
    await appear(el, '#send');
    ($(el, '#send') as HTMLElement).click();
    await appear(el, '[part=outbox]');
    expect(text(el, '[part=outbox]')).to.include('You seem to be offline.');
    expect(await storedRequests(server.url)).to.have.length(0);
    await setNetwork(false);
    await appear(el, '[part=confirmation]', 10_000);
    expect(await storedRequests(server.url)).to.have.length(1);
  });

  it('without a kept copy, offline, says the list could not be loaded (the control)', async function () {
    const server = await startServer();
    const offline = await setNetwork(true);
    if (!offline.supported) this.skip();
    const el = await mount({ endpoint: server.url }, 'en', false);
    await appear(el, '[role=alert]', 20_000);
    expect($$(el, 'input[name=service]')).to.have.length(0);
  });
});
