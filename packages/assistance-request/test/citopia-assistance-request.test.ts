import { expect } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import { deepActiveElement, expectAccessible, failingFirst, liveRegionsSaying, press, settle, tab, type, until } from '@citopia/testing';
import { fixtures, completeAnswers, writeDraft } from '../src/fixtures.js';
import { $, $$, appear, cleanUp, mount, setNetwork, sleep, startServer, storedRequests, text, typeInto } from './helpers.js';

const draftKey = (endpoint: string) => `citopia:request:draft:open311:${endpoint}`;

/** Chooses a radio or checkbox with the keyboard: focus, then Space. */
async function tick(el: HTMLElement, selector: string): Promise<void> {
  (el.shadowRoot!.querySelector(selector) as HTMLElement).focus();
  await press('Space');
}

async function continueToCheck(el: HTMLElement): Promise<void> {
  (el.shadowRoot!.querySelector('button[type=submit]') as HTMLElement).focus();
  await press('Enter');
}

/** "Continue", then "Send the request" on the check step; resolves once `until` shows. */
async function continueAndSend(el: HTMLElement, until = '[part=confirmation]', timeout = 8000): Promise<void> {
  await continueToCheck(el);
  await appear(el as never, '#send');
  (el.shadowRoot!.querySelector('#send') as HTMLElement).click();
  await appear(el as never, until, timeout);
}

/** Fills the DECHETS-SAUV form of a server in English, with real key presses. */
async function fillWasteReport(el: HTMLElement & { shadowRoot: ShadowRoot }): Promise<void> {
  const host = el as never;
  await tick(el, 'input[name=service][value="DECHETS-SAUV"]');
  await appear(host, '#a0');
  await tick(el, '#a0'); // sacs
  await tick(el, '#a0-2'); // electro
  await typeInto(host, 'a1', '3,5');
  // The date and time: four text fields, typed the same way in every browser.
  await typeInto(host, 'a2', '1');
  await tab();
  await type('3');
  await tab();
  await type('2025');
  await tab();
  await type('07:30');
  await typeInto(host, 'a3', 'Behind the school, by the vineyard path');
  await typeInto(host, 'description', 'Six rubbish bags and an old fridge left by the path.');
  await typeInto(host, 'address', 'Chemin des Vignes 14');
  await typeInto(host, 'first', 'Anna');
  await typeInto(host, 'last', 'Keller');
  await typeInto(host, 'email', 'anna.keller@example.ch');
  await typeInto(host, 'phone', '+41 79 000 00 00');
  await tick(el, '#answer-email');
  await tick(el, '#needs'); // interpreter
  await appear(host, '#needs-other');
  await typeInto(host, 'needs-other', 'Tigrinya');
}

describe('<citopia-assistance-request>', function () {
  this.timeout(30_000);
  afterEach(async () => {
    cleanUp();
    await setNetwork(false);
  });

  describe('the form, built from the real Open311 server', () => {
    it('lists the services in the page language, numeric and text codes alike', async () => {
      const server = await startServer();
      const en = await mount({ endpoint: server.url });
      const values = $$<HTMLInputElement>(en, 'input[name=service]').map((i) => i.value);
      expect(values).to.deep.equal(['101', 'ECL', 'DECHETS-SAUV', '204', 'AIDE-ADMIN', '305']);
      expect(text(en, 'label[for=service]')).to.equal('Pothole or damaged road');
      const de = await mount({ endpoint: server.url }, 'de-CH');
      expect(text(de, 'label[for=service]')).to.equal('Schlagloch oder beschädigte Strasse');
      // The service description is the radio's hint.
      expect($(de, '#service')!.getAttribute('aria-describedby')).to.equal('service-hint');
    });

    it('renders each attribute datatype as its native control, in order, honouring required', async () => {
      const server = await startServer();
      const el = await mount({ endpoint: server.url, 'service-code': 'DECHETS-SAUV' });
      expect($$(el, 'input[name="attr:TYPES"]').map((i) => i.getAttribute('type'))).to.deep.equal(Array(5).fill('checkbox'));
      expect($(el, 'fieldset:has(#a0) legend')!.textContent).to.equal('What waste can you see?');
      expect(text(el, '#a0-hint')).to.equal('Select all that apply');
      expect($(el, '#a1')!.getAttribute('inputmode')).to.equal('decimal');
      expect($(el, '#a1')!.hasAttribute('required')).to.equal(true);
      // A date and time: day, month, year and time text fields in a fieldset named by the question.
      expect($$(el, 'fieldset:has(#a2) input').map((i) => [i.id, i.getAttribute('type'), i.getAttribute('inputmode'), text(el, `label[for="${i.id}"]`)])).to.deep.equal([
        ['a2', null, 'numeric', 'Day'],
        ['a2-month', null, 'numeric', 'Month'],
        ['a2-year', null, 'numeric', 'Year'],
        ['a2-time', null, 'numeric', 'Time'],
      ]);
      expect($(el, '#a2')!.hasAttribute('required')).to.equal(false);
      expect(text(el, 'fieldset:has(#a2) legend')).to.equal('When did you see the waste? (optional)');
      expect(text(el, '#a2-hint')).to.equal('For example: 1 3 2025, 07:30');
      expect($(el, '#a3')!.localName).to.equal('textarea');
      // Radios for a few values, a select for many, information for variable=false.
      await tick(el, 'input[name=service][value="101"]');
      await until(() => $(el, 'input[name="attr:SURFACE"]'));
      expect($$(el, 'input[name="attr:DANGER"]').map((i) => (i as HTMLInputElement).value)).to.deep.equal(['1', '0']);
      expect(text(el, 'section .message')).to.equal('If people are in immediate danger, call the police on 117.');
      await tick(el, 'input[name=service][value="ECL"]');
      await until(() => $(el, 'select#a0'));
      expect($$(el, 'select#a0 option').length).to.equal(9);
      expect($(el, '#a1')!.getAttribute('type')).to.equal('text');
    });

    it('shows the error summary the GOV.UK way: focused, a group named by its heading, one link per field, inline errors tied to the fields', async () => {
      const server = await startServer();
      const el = await mount({ endpoint: server.url, 'service-code': '101' }, 'en');
      await continueToCheck(el);
      await appear(el, '#summary ul');
      const summary = $(el, '#summary')!;
      // Focused, not also an alert: a screen reader says it once.
      expect(summary.getAttribute('role')).to.equal('group');
      expect($(el, `#${summary.getAttribute('aria-labelledby')}`)!.textContent).to.equal('There is a problem');
      expect(deepActiveElement()).to.equal(summary);
      const links = $$<HTMLAnchorElement>(el, '#summary a');
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['#a1', '#a2', '#description', '#address', '#answer-email']);
      const description = $(el, '#description')!;
      expect(description.getAttribute('aria-invalid')).to.equal('true');
      expect(description.getAttribute('aria-describedby')).to.equal('description-hint description-error');
      expect(text(el, '#description-error')).to.equal('Error: Describe the problem or what you need');
      // Following a link (keyboard) puts the focus on its field.
      links[2]!.focus();
      await press('Enter');
      expect(deepActiveElement()).to.equal(description);
      await type('A deep hole');
      await continueToCheck(el);
      await until(() => $$(el, '#summary a').length === 4);
      expect(description.getAttribute('aria-invalid')).to.equal('false');
    });

    it('takes a description and a service given by the page later, without overwriting what was typed', async () => {
      const server = await startServer();
      const el = await mount({ endpoint: server.url });
      el.description = 'Lampadaire éteint';
      el.serviceCode = 'ECL';
      await until(() => ($(el, '#description') as HTMLTextAreaElement).value === 'Lampadaire éteint');
      await until(() => $(el, 'select#a0'));
      expect(($(el, 'input[value="ECL"]') as HTMLInputElement).checked).to.equal(true);
      el.description = 'Something else';
      await el.updateComplete;
      expect(($(el, '#description') as HTMLTextAreaElement).value).to.equal('Lampadaire éteint');
    });

    it('reflows at 320 CSS pixels without horizontal scrolling', async () => {
      const server = await startServer();
      await setViewport({ width: 320, height: 640 });
      try {
        const el = await mount({ endpoint: server.url, 'service-code': 'ECL', 'upload-url': `${server.url}/media` }, 'de');
        await continueToCheck(el);
        await appear(el, '#summary ul');
        expect(document.documentElement.scrollWidth).to.be.at.most(320);
        for (const node of $$(el, 'input, select, textarea, button, label, legend, .hint, .error')) {
          expect(node.getBoundingClientRect().right, node.outerHTML.slice(0, 60)).to.be.at.most(321);
        }
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('speaks the language of the page, errors included', async () => {
      const server = await startServer();
      const el = await mount({ endpoint: server.url }, 'fr-CH');
      await continueToCheck(el);
      await appear(el, '#summary ul');
      expect(text(el, '#summary [role=heading]')).to.equal('Il y a un problème');
      expect(text(el, 'label[for=service]')).to.equal('Nid-de-poule ou chaussée endommagée');
      // Announcements made outside rendering speak the page's language too.
      $$(el, 'button.link').find((b) => b.textContent!.includes('Effacer mes réponses'))!.click();
      await until(() => text(el, '[role=status]') === 'Vos réponses ont été effacées de cet appareil.');
      const ar = await mount({ endpoint: server.url }, 'ar');
      expect(ar.getAttribute('dir')).to.equal('rtl');
    });

    it('validates email, phone, contact method, postal address and "other" needs; autocomplete tokens are set', async () => {
      const server = await startServer();
      const el = await mount({ endpoint: server.url, 'service-code': '204', 'require-contact': '' });
      expect($(el, '#first')!.getAttribute('autocomplete')).to.equal('given-name');
      expect($(el, '#last')!.getAttribute('autocomplete')).to.equal('family-name');
      expect($(el, '#email')!.getAttribute('autocomplete')).to.equal('email');
      expect($(el, '#phone')!.getAttribute('autocomplete')).to.equal('tel');
      await typeInto(el, 'email', 'anna@');
      await tick(el, '#answer-email-2'); // by post
      await appear(el, '#postal');
      expect($(el, '#postal')!.getAttribute('autocomplete')).to.equal('street-address');
      await tick(el, '#needs-4'); // other
      await continueToCheck(el);
      await appear(el, '#summary ul');
      const messages = $$(el, '#summary li').map((li) => li.textContent!.trim());
      expect(messages).to.include('Enter your first name or last name');
      expect(messages).to.include('Enter an email address in the correct format, like name@example.ch');
      expect(messages).to.include('Enter your postal address, so that we can answer you by post');
      expect(messages).to.include('Tell us what you need');
    });

    it('counts the characters left and announces them politely near the limit', async () => {
      const server = await startServer();
      const el = await mount({ endpoint: server.url, 'service-code': '204', description: 'x'.repeat(3700) });
      const live = $(el, '[role=status]')!;
      expect(text(el, '.count')).to.equal('Characters remaining: 300');
      $(el, '#description')!.focus();
      await press('End');
      await type('abc');
      expect(text(el, '.count')).to.equal('Characters remaining: 297');
      await until(() => live.textContent!.includes('Characters remaining: 297'), 3000, 'the announcement');
      await type('y'.repeat(300));
      expect(text(el, '.count')).to.equal('Characters too many: 3');
      await continueToCheck(el);
      await appear(el, '#summary ul');
      expect(text(el, '#description-error')).to.equal('Error: The description must be 4,000 characters or fewer');
    });
  });

  describe('sending, for real', () => {
    it('posts through the city\'s relay: the api_key stays on the server side', async () => {
      const upstream = await startServer({ apiKey: 'city-secret' });
      const { url: relay } = (await executeServerCommand('open311-relay', { upstream: upstream.url, apiKey: 'city-secret' })) as { url: string };
      writeDraft(relay, completeAnswers());
      const el = await mount({ endpoint: relay });
      await continueAndSend(el);
      const [stored] = await storedRequests(upstream.url);
      expect(text(el, '.ref')).to.equal(stored!.service_request_id);
      expect(stored!.attributes.TYPES).to.deep.equal(['sacs', 'electro']);
    });

    it('is filled with real keys, checked, changed, sent, and the server stores every field', async () => {
      const server = await startServer();
      const el = await mount({ endpoint: server.url, 'jurisdiction-id': 'ville-de-demo.ch' });
      await fillWasteReport(el as never);
      expect(['#a2', '#a2-month', '#a2-year', '#a2-time'].map((id) => ($(el, id) as HTMLInputElement).value)).to.deep.equal(['1', '3', '2025', '07:30']);
      await continueToCheck(el);
      await appear(el, '[part=check]');
      expect(deepActiveElement()).to.equal($(el, '#title'));
      const rows = $$(el, '.check .row').map((r) => [r.querySelector('dt')!.textContent!.trim(), r.querySelector('dd')!.textContent!.trim()]);
      expect(rows).to.deep.include(['Subject', 'Illegally dumped waste']);
      expect(rows).to.deep.include(['What waste can you see?', 'Rubbish bags, Electrical appliances']);
      expect(rows).to.deep.include(['How should we answer you?', 'By email']);
      expect(rows.find(([label]) => label === 'When did you see the waste?')![1]).to.match(/^March 1, 2025\b.*7:30/);
      // "Change" goes back to the very field.
      const change = $$(el, '.check .row').find((r) => r.querySelector('dt')!.textContent === 'Description')!.querySelector('button')!;
      expect(change.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Change Description');
      change.focus();
      await press('Enter');
      await until(() => deepActiveElement() === $(el, '#description'));
      await press('End');
      await type(' Since Monday.');
      await continueToCheck(el);
      await appear(el, '#send');
      $(el, '#send')!.focus();
      await press('Enter');
      await appear(el, '[part=confirmation]');
      const [stored] = await storedRequests(server.url);
      expect(text(el, '.ref')).to.equal(stored!.service_request_id);
      expect(text(el, '[part=confirmation]')).to.include('Street cleaning removes dumped waste within 2 working days.');
      expect(stored).to.include({
        service_code: 'DECHETS-SAUV',
        description: 'Six rubbish bags and an old fridge left by the path. Since Monday.',
        address: 'Chemin des Vignes 14',
        first_name: 'Anna',
        last_name: 'Keller',
        email: 'anna.keller@example.ch',
        phone: '+41 79 000 00 00',
        jurisdiction_id: 'ville-de-demo.ch',
        channel: 'open311',
        lat: null,
      });
      expect(stored!.attributes.TYPES).to.deep.equal(['sacs', 'electro']);
      expect(stored!.attributes.VOLUME).to.equal('3.5');
      expect(stored!.attributes.ACCES).to.equal('Behind the school, by the vineyard path');
      expect(stored!.attributes['VU-LE']).to.match(/^2025-03-01T07:30:00[+-]\d\d:\d\d$/);
      expect(Date.parse(stored!.attributes['VU-LE'] as string)).to.equal(new Date('2025-03-01T07:30').getTime());
      expect(stored!.extras).to.deep.include({ contact_method: 'email', accessibility: ['interpreter'], accessibility_other: 'Tigrinya', language: 'en' });
      expect(stored!.idempotency_key).to.have.length(32);
      // The draft is gone once the server has confirmed.
      expect(localStorage.getItem(draftKey(server.url))).to.equal(null);
      // The status view reads requests/{id}.
      $(el, '#status')!.focus();
      await press('Enter');
      await until(() => text(el, '.check').includes('Open'));
      expect(text(el, '.check')).to.include('Received, waiting to be assigned to a team.');
      await executeServerCommand('open311-status', { url: server.url, id: stored!.service_request_id, status: 'closed', status_notes: 'Removed on Tuesday.' });
      $(el, '#status')!.click();
      await until(() => text(el, '.check').includes('Closed'));
      expect(text(el, '.check')).to.include('Removed on Tuesday.');
      await expectAccessible(el);
    });

    it('keeps the draft through a reload, and brings it back with a notice and "start again"', async () => {
      const server = await startServer();
      let el = await mount({ endpoint: server.url, 'service-code': '101' });
      await tick(el, '#a1'); // Yes
      await typeInto(el, 'description', 'A hole in front of the bakery');
      await typeInto(el, 'address', 'Grand-Rue 3');
      await sleep(600); // the autosave is debounced
      el.parentElement!.remove(); // the page goes away
      el = await mount({ endpoint: server.url });
      expect(text(el, '[part=draft-notice]')).to.match(/^We kept the answers you started writing on .+\. Start again$/);
      expect(($(el, '#description') as HTMLTextAreaElement).value).to.equal('A hole in front of the bakery');
      expect(($(el, '#address') as HTMLInputElement).value).to.equal('Grand-Rue 3');
      expect(($(el, 'input[value="101"]') as HTMLInputElement).checked).to.equal(true);
      expect(($(el, '#a1') as HTMLInputElement).checked).to.equal(true);
      // Start again: an empty form, and nothing left on the device.
      const startAgain = $$(el, '[part=draft-notice] button')[0]!;
      startAgain.focus();
      await press('Enter');
      await until(() => !$(el, '[part=draft-notice]'));
      expect(($(el, '#description') as HTMLTextAreaElement).value).to.equal('');
      expect(localStorage.getItem(draftKey(server.url))).to.equal(null);
    });

    it('keeps the last keystrokes when the page goes away before the autosave pause', async () => {
      const server = await startServer();
      const el = await mount({ endpoint: server.url });
      await typeInto(el, 'description', 'Typed just before');
      // The last words, and the page going away, with no turn of the event loop in between: the
      // autosave pause cannot have passed, however slow the machine (real keys may take longer
      // than the pause between two presses).
      const control = $(el, '#description') as HTMLTextAreaElement;
      control.value += ' closing';
      control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      expect(localStorage.getItem(draftKey(server.url)) ?? '').to.not.include('Typed just before closing');
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      expect(localStorage.getItem(draftKey(server.url))).to.include('Typed just before closing');
    });

    it('deletes the saved answers on request, and then stops saving them', async () => {
      const server = await startServer();
      const el = await mount({ endpoint: server.url });
      await typeInto(el, 'description', 'Private matter');
      await sleep(600);
      expect(localStorage.getItem(draftKey(server.url))).to.include('Private matter');
      const del = $$(el, 'button.link').find((b) => b.textContent!.includes('Delete my answers'))!;
      del.focus();
      await press('Enter');
      expect(localStorage.getItem(draftKey(server.url))).to.equal(null);
      await until(() => text(el, '[role=status]').startsWith('Your answers were deleted from this device.'));
      await typeInto(el, 'description', ' more');
      await sleep(600);
      expect(localStorage.getItem(draftKey(server.url))).to.equal(null);
      expect(($(el, '#description') as HTMLTextAreaElement).value).to.equal('Private matter more');
    });

    it('goes offline: the request waits in the outbox, then is sent once when the device is back online', async function () {
      const server = await startServer();
      writeDraft(server.url, completeAnswers());
      const again = await mount({ endpoint: server.url });
      await continueToCheck(again);
      await appear(again, '#send');
      const offline = await setNetwork(true);
      if (!offline.supported) this.skip();
      expect(navigator.onLine).to.equal(false);
      $(again, '#send')!.focus();
      await press('Enter');
      await appear(again, '[part=outbox]');
      expect(text(again, '[part=outbox]')).to.include('You seem to be offline.');
      expect(text(again, '[part=outbox]')).to.include('It is kept on this device and will be sent automatically');
      expect(JSON.parse(localStorage.getItem(`citopia:request:outbox:open311:${server.url}`)!)).to.have.length(1);
      expect(await storedRequests(server.url)).to.have.length(0);
      await setNetwork(false); // the online event sends it
      await appear(again, '[part=confirmation]');
      expect(await storedRequests(server.url)).to.have.length(1);
      expect(localStorage.getItem(`citopia:request:outbox:open311:${server.url}`)).to.equal(null);
    });

    it('a lost answer (the server stored it, the connection dropped) is retried without a duplicate', async () => {
      const server = await startServer({ faults: { next: ['drop-after'] } });
      writeDraft(server.url, completeAnswers());
      const el = await mount({ endpoint: server.url });
      await continueAndSend(el, '[part=outbox]');
      expect(await storedRequests(server.url)).to.have.length(1); // stored, but we never heard
      const retry = $(el, '[part=outbox] button')!;
      retry.focus();
      await press('Enter');
      await appear(el, '[part=confirmation]');
      const stored = await storedRequests(server.url);
      expect(stored).to.have.length(1);
      expect(text(el, '.ref')).to.equal(stored[0]!.service_request_id);
    });

    it('503 with Retry-After: queued, said plainly, retried by itself', async () => {
      const server = await startServer({ faults: { next: ['503'], retryAfter: 1 } });
      writeDraft(server.url, completeAnswers());
      const el = await mount({ endpoint: server.url });
      const queued = new Promise<CustomEvent>((resolve) => el.addEventListener('citopia-request-queued', (e) => resolve(e), { once: true }));
      const sent = new Promise<CustomEvent>((resolve) => el.addEventListener('citopia-request-sent', (e) => resolve(e), { once: true }));
      await continueToCheck(el);
      await appear(el, '#send');
      $(el, '#send')!.click();
      expect((await queued).detail.attempts).to.equal(1);
      expect(text(el, '[part=outbox]')).to.include('The server has a problem right now.');
      await until(() => text(el, '[role=status]').includes('Not sent yet'));
      const { detail } = await sent;
      expect(detail.id).to.equal((await storedRequests(server.url))[0]!.service_request_id);
      expect(await storedRequests(server.url)).to.have.length(1);
    });

    it('while sending, shows "Sending…" beside the focused button, which keeps its name and state; pressing again sends nothing more', async () => {
      const server = await startServer({ faults: { latency: 800 } });
      writeDraft(server.url, completeAnswers());
      const el = await mount({ endpoint: server.url });
      await continueToCheck(el);
      await appear(el, '#send');
      $(el, '#send')!.focus();
      await press('Enter');
      await appear(el, '[part=sending]');
      expect(text(el, '[part=sending]')).to.equal('Sending…');
      // What a screen reader reads of the focused control does not change under the focus.
      expect(text(el, '#send')).to.equal('Send the request');
      expect($(el, '#send')!.hasAttribute('aria-disabled')).to.equal(false);
      expect(deepActiveElement()).to.equal($(el, '#send'));
      await press('Enter');
      await press('Space');
      await appear(el, '[part=confirmation]');
      expect(await storedRequests(server.url)).to.have.length(1);
    });

    it('shows the spec error that the server answers (403, invalid api_key)', async () => {
      const server = await startServer({ apiKey: 'kept-on-the-relay' });
      writeDraft(server.url, completeAnswers());
      const el = await mount({ endpoint: server.url });
      await continueAndSend(el, '#summary li');
      expect(text(el, '#summary li')).to.equal('Invalid api_key received -- can’t proceed with create_request.');
      expect(deepActiveElement()).to.equal($(el, '#summary'));
      expect(await storedRequests(server.url)).to.have.length(0);
      // The draft stays: nothing was sent.
      expect(localStorage.getItem(draftKey(server.url))).to.not.equal(null);
    });

    it('resolves a token answer through tokens/{token}', async () => {
      const server = await startServer({ tokenMode: true, tokenDelay: 800 });
      writeDraft(server.url, completeAnswers());
      const el = await mount({ endpoint: server.url });
      await continueAndSend(el, '[part=confirmation]', 10_000);
      const [stored] = await storedRequests(server.url);
      expect(stored!.token).to.match(/^[0-9a-f]{12}$/);
      // First the token (not resolved yet), then the number from tokens/{token}.
      await until(() => text(el, '.ref') === stored!.service_request_id, 6000, 'the resolved id');
    });

    it('reads and writes a server that offers only XML', async () => {
      const server = await startServer({ formats: ['xml'] });
      const el = await mount({ endpoint: server.url, 'service-code': 'ECL' });
      expect($$(el, 'select#a0 option').map((o) => o.textContent)).to.include('Flickers');
      $(el, 'select#a0')!.focus();
      await press('ArrowDown');
      await press('ArrowDown');
      await typeInto(el, 'description', 'Flickers all night');
      await typeInto(el, 'address', 'Rue du Lac 8');
      await tick(el, '#answer-email-3'); // no answer needed
      await continueAndSend(el);
      const [stored] = await storedRequests(server.url);
      expect(stored!.attributes.PANNE).to.equal('clignote');
      expect(text(el, '[part=confirmation]')).to.include('Energy services fix most lighting faults');
    });

    it('posts JSON with the same Idempotency-Key on every retry (JSON adapter)', async () => {
      const server = await startServer({ faults: { next: ['drop-after', '503'], retryAfter: 0 } });
      const endpoint = `${server.url}/api/requests`;
      localStorage.setItem(`citopia:request:draft:json:${endpoint}`, JSON.stringify({ id: 'json-draft-1', startedAt: 0, savedAt: Date.now(), answers: completeAnswers() }));
      const el = await mount({ endpoint, adapter: 'json', 'services-src': server.url });
      await continueAndSend(el, '[part=confirmation]', 15_000);
      const stored = await storedRequests(server.url);
      expect(stored).to.have.length(1);
      expect(stored[0]).to.include({ channel: 'json', idempotency_key: 'json-draft-1', email: 'anna.keller@example.ch' });
      expect(stored[0]!.attributes).to.deep.equal({ TYPES: ['sacs', 'electro'], VOLUME: '3.5', 'VU-LE': stored[0]!.attributes['VU-LE'], ACCES: 'Derrière le collège des Tilleuls' });
      $(el, '#status')!.click();
      await until(() => text(el, '.check').includes('Open'));
    });

    it('uses the location when allowed, and explains a refusal without blocking', async function () {
      const server = await startServer();
      const el = await mount({ endpoint: server.url, 'service-code': '204' });
      const denied = (await executeServerCommand('citopia-geolocation', { deny: true })) as { supported: boolean };
      if (!denied.supported) this.skip();
      const use = $$(el, '.geo button')[0]!;
      use.focus();
      await press('Enter');
      await until(() => text(el, '#geo-text').startsWith('This page may not use your location.'));
      expect($(el, '#address')!.getAttribute('aria-describedby')).to.include('geo-text');
      await executeServerCommand('citopia-geolocation', { latitude: 47.1368, longitude: 7.2468, accuracy: 12 });
      use.focus();
      await press('Enter');
      await until(() => text(el, '#geo-text') === 'Location found: 47.1368, 7.2468');
      expect(text(el, 'label[for=address]')).to.equal('Address or description of the place (optional)');
      await typeInto(el, 'description', 'Tag on the school wall');
      await tick(el, '#answer-email-3');
      await continueAndSend(el);
      const [stored] = await storedRequests(server.url);
      expect([stored!.lat, stored!.long]).to.deep.equal([47.1368, 7.2468]);
    });

    it('uploads the optional photo first, with a progress bar, and sends its URL as media_url', async () => {
      const server = await startServer({ faults: { latency: 400 } });
      const el = await mount({ endpoint: server.url, 'service-code': '305', 'upload-url': `${server.url}/media` });
      const input = $(el, '#photo') as HTMLInputElement;
      const files = new DataTransfer();
      files.items.add(new File([new Uint8Array(200_000)], 'branche.jpg', { type: 'image/jpeg' }));
      input.files = files.files; // a file chooser cannot be driven by keys
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await appear(el, 'progress');
      await until(() => text(el, '[role=status]') === 'Photo added: branche.jpg', 8000);
      expect($(el, 'progress')).to.equal(null);
      await typeInto(el, 'description', 'A branch hangs over the path');
      await typeInto(el, 'address', 'Parc des Tilleuls');
      await tick(el, '#answer-email-3');
      await continueAndSend(el);
      const [stored] = await storedRequests(server.url);
      expect(stored!.media_url).to.match(new RegExp(`^${server.url}/media/[\\w-]+\\.jpg$`));
      const photo = await fetch(stored!.media_url);
      expect((await photo.arrayBuffer()).byteLength).to.equal(200_000);
    });
  });

  describe('after "Try again" (real keys, a real server that fails, then recovers)', () => {
    const VILLE = '/packages/assistance-request/fixtures/open311/ville/';
    const tryAgain = (el: HTMLElement, scope = '') =>
      [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>(`${scope} button`)].find((b) => b.textContent!.trim() === 'Try again')!;

    it('the form loads: the focus moves to its heading', async () => {
      const el = await mount({ endpoint: failingFirst(VILLE, 1, 'services.json') }, 'en', false);
      await appear(el, '.message.error');
      tryAgain(el).focus();
      await press('Enter');
      await appear(el, 'form');
      await settle();
      expect(deepActiveElement()).to.equal($(el, '#title'));
      expect(text(el, '#title')).to.equal('Your request');
    });

    it('the form fails again: the focus moves to the new message, said once', async () => {
      const el = await mount({ endpoint: failingFirst(VILLE, 2, 'services.json') }, 'de', false);
      await appear(el, '.message.error');
      const sentence = text(el, '.message.error');
      expect(liveRegionsSaying(el.shadowRoot!, sentence)).to.have.length(1); // the page's own load: said by the alert
      $(el, '[part="base"] > button')!.focus();
      await press('Space');
      await until(() => $(el, '.message.error') && !$(el, '[role="alert"]'), 8000, 'the second failure');
      await settle();
      expect(deepActiveElement()).to.equal($(el, '.message.error'));
      expect(liveRegionsSaying(el.shadowRoot!, sentence)).to.have.length(0); // said by the focus move, not twice
    });

    it('the questions of a service load: the focus moves to the first question', async () => {
      const el = await mount({ endpoint: failingFirst(VILLE, 1, 'DECHETS-SAUV.json'), 'service-code': 'DECHETS-SAUV' }, 'en', false);
      await appear(el, 'button#what-retry');
      expect(text(el, '#what-error')).not.to.equal('');
      $(el, 'button#what-retry')!.focus();
      await press('Enter');
      await appear(el, '#a0');
      await settle();
      expect(deepActiveElement()).to.equal($(el, '#a0'));
      expect(liveRegionsSaying(el.shadowRoot!, text(el, '#a0-hint') || 'Error')).to.have.length(0);
    });

    it('the photo uploads: the focus moves back to the photo field, the upload is said once', async () => {
      const server = await startServer({ faults: { next: ['503'], scope: 'write' } });
      const el = await mount({ endpoint: server.url, 'service-code': '305', 'upload-url': `${server.url}/media` });
      const input = $(el, '#photo') as HTMLInputElement;
      const files = new DataTransfer();
      files.items.add(new File([new Uint8Array(2_000)], 'branche.jpg', { type: 'image/jpeg' }));
      input.files = files.files; // a file chooser cannot be driven by keys
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await appear(el, '#photo-error');
      tryAgain(el, '.field').focus();
      await press('Enter');
      await until(() => text(el, '[role=status]') === 'Photo added: branche.jpg', 8000, 'the upload');
      await settle();
      expect(deepActiveElement()).to.equal($(el, '#photo'));
      expect(liveRegionsSaying(el.shadowRoot!, 'Photo added: branche.jpg')).to.have.length(1);
    });
  });

  describe('spam, without excluding anyone', () => {
    it('hides the honeypot from everyone, and a filled honeypot sends nothing', async () => {
      const server = await startServer();
      writeDraft(server.url, completeAnswers());
      const el = await mount({ endpoint: server.url });
      const trap = $(el, 'input[name=website]') as HTMLInputElement;
      expect(trap.tabIndex).to.equal(-1);
      expect(trap.closest('[aria-hidden=true]')).to.not.equal(null);
      expect(trap.getBoundingClientRect().right).to.be.below(0);
      // Tab from the last real control never lands in it.
      $(el, 'button.link')!.focus();
      await tab();
      expect(deepActiveElement()).to.equal($(el, 'button[type=submit]'));
      trap.value = 'http://spam.example'; // as a robot does
      trap.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await continueToCheck(el);
      await appear(el, '#send');
      $(el, '#send')!.click();
      await until(() => text(el, '#title') === 'Your request could not be sent');
      expect(await storedRequests(server.url)).to.have.length(0);
    });

    it('asks to take a moment when sent sooner than the minimum time', async () => {
      const server = await startServer();
      const el = await mount({ endpoint: server.url, 'min-fill-seconds': '60', 'service-code': '204' });
      await typeInto(el, 'description', 'Tag');
      await typeInto(el, 'address', 'Quai 1');
      await tick(el, '#answer-email-3');
      await continueToCheck(el);
      await appear(el, '#send');
      $(el, '#send')!.click();
      await until(() => text(el, '#summary li') === 'Please take a moment to check your answers, then send them again.');
      expect(await storedRequests(server.url)).to.have.length(0);
    });
  });

  describe('when the device cannot keep anything', () => {
    let filler: string[] = [];
    afterEach(() => {
      filler.forEach((k) => localStorage.removeItem(k));
      filler = [];
    });
    it('still works, and says the draft cannot be kept', async () => {
      const server = await startServer();
      const el = await mount({ endpoint: server.url, 'service-code': '204' });
      // Fill the device's storage to its quota, as a full disk or a strict private mode would.
      for (let size = 512 * 1024, i = 0; size >= 1; i++) {
        try {
          localStorage.setItem(`filler-${i}`, 'x'.repeat(size));
          filler.push(`filler-${i}`);
        } catch {
          size = Math.floor(size / 2);
        }
      }
      await typeInto(el, 'description', 'Tag on the bridge');
      await until(() => $(el, '.message.warning'), 3000);
      expect(text(el, '.message.warning')).to.equal('This browser cannot keep your answers (storage is off or full). If you leave or reload the page, they will be lost.');
      await expectAccessible(el);
      await typeInto(el, 'address', 'Pont 2');
      await tick(el, '#answer-email-3');
      await continueAndSend(el);
      expect(await storedRequests(server.url)).to.have.length(1);
    });
  });

  describe('the privacy notice', () => {
    it('links to privacy-href, and lets the page open it its own way (cancelable event)', async () => {
      const server = await startServer();
      const el = await mount({ endpoint: server.url, 'privacy-href': '#privacy-notice' });
      const link = $(el, 'a[href="#privacy-notice"]')!;
      el.addEventListener('citopia-privacy-open', (e) => e.preventDefault(), { once: true });
      link.focus();
      await press('Enter');
      expect(location.hash).to.not.equal('#privacy-notice');
    });
  });

  it('has a story for every fixture that does not need a test server', async () => {
    const stories = await (await fetch('/stories/assistance-request.stories.ts')).text();
    for (const fixture of fixtures.fixtures.filter((f) => !f.testOnly)) {
      // The test server serves the story compiled (double quotes): accept either quote.
      expect(stories, fixture.name).to.match(new RegExp(`fixtureStory\\(fixtures, ['"]${fixture.name}['"]\\)`));
    }
  });
});
