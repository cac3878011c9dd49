/**
 * Hostile input (issue 8): every string of the Big List of Naughty Strings, plus our canary
 * payloads, in every text field of every data source and every input of the assistance form.
 * For each string, ONE data object carries it in every text field (ids, enums and structure stay
 * valid, so the component shows its normal view); one element per component is reused and its
 * data swapped. Each render is compared with a baseline rendered from the benign text "Texte":
 * nothing runs (canary), no element is built from data, no uncaught exception, and the
 * component still does its job.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { hostileStrings, installCanary, reportFigure, type } from '@citopia/testing';
import '../../src/index.js';
import type { ServiceFinder } from '@citopia/service-finder';
import type { AssistanceRequest } from '@citopia/assistance-request';
import type { PrivacyNotice } from '@citopia/privacy-notice';
import type { OpenSourceBadge } from '@citopia/open-source-badge';
import { cleanUp, elementsFromData, mountIn, show, tagCounts, textOf, until, watchErrors } from './input-helpers.js';

const BENIGN = 'Texte';

/** One component's tally: strings tried, canary hits, elements built from data, failures. */
class Tally {
  tried = 0;
  executions = 0;
  built = 0;
  readonly failures: string[] = [];
  /** Uncaught exceptions before this component's test began. */
  readonly errorsBefore = errors.messages.length;
  private baseline = new Map<string, number>();

  /** Merges a benign render into the baseline (the most elements of each tag any view had). */
  learn(root: ParentNode): void {
    for (const [tag, n] of tagCounts(root)) this.baseline.set(tag, Math.max(n, this.baseline.get(tag) ?? 0));
  }

  /** Checks one render of hostile text `s`. */
  check(root: ParentNode, s: string, where: string, pwned: () => number): void {
    const found = elementsFromData(root, this.baseline, s);
    if (found.length) {
      this.built += found.length;
      this.fail(`${where} ${show(s)}: ${found.join('; ')}`);
    }
    const hits = pwned();
    if (hits) {
      this.executions += hits;
      this.fail(`${where} ${show(s)}: the canary was hit ${hits} time(s)`);
      window.__citopiaPwned = 0;
    }
  }

  fail(message: string): void {
    if (this.failures.length < 20) this.failures.push(message);
    else if (this.failures.length === 20) this.failures.push('…');
  }
}

const tallies: Tally[] = [];
let strings: string[] = [];
let pwned: () => number;
let errors: ReturnType<typeof watchErrors>;

/** Reports the component's figures, then asserts its zeros. */
async function settle(tally: Tally, what: string): Promise<void> {
  await reportFigure('hostile strings tried', tally.tried);
  await reportFigure(`hostile strings tried, ${what}`, tally.tried);
  expect(tally.failures, tally.failures.join('\n')).to.deep.equal([]);
  expect(tally.executions).to.equal(0);
  expect(tally.built).to.equal(0);
  const thrown = errors.messages.slice(tally.errorsBefore);
  expect(thrown, thrown.join('\n')).to.deep.equal([]);
}

describe('hostile input', function () {
  this.timeout(120_000);

  before(async () => {
    strings = await hostileStrings();
    pwned = installCanary();
    errors = watchErrors();
  });
  afterEach(cleanUp);
  after(async () => {
    errors.stop();
    await reportFigure('script executions (canary)', tallies.reduce((n, t) => n + t.executions, 0) + pwned());
    await reportFigure('elements created from data', tallies.reduce((n, t) => n + t.built, 0));
  });

  it('uses the Big List of Naughty Strings and the canary payloads', () => {
    expect(strings.length).to.be.greaterThan(480);
    expect(strings).to.include('<script>alert(123)</script>');
    expect(strings.some((s) => s.includes('__citopiaPwned'))).to.equal(true);
  });

  it('catches markup built from data and scripts that run (negative control)', async () => {
    const tally = new Tally();
    const host = document.createElement('div');
    host.dataset.citopiaTest = '';
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.append(Object.assign(document.createElement('p'), { textContent: BENIGN }));
    document.body.append(host);
    tally.learn(shadow);
    const payload = strings.find((s) => s.startsWith('<img src=x onerror='))!;
    // What a component must never do: data as markup.
    const p = shadow.querySelector('p')!;
    p.innerHTML = payload;
    await until(() => pwned() > 0, 4000, 'the injected handler to run');
    tally.check(shadow, payload, 'negative control:', pwned);
    expect(tally.executions).to.be.greaterThan(0);
    expect(tally.built).to.be.greaterThan(0);
    expect(tally.failures.join('\n')).to.include('<img> element').and.to.include('onerror attribute');
    expect(pwned()).to.equal(0); // check() counted and reset it
  });

  describe('<citopia-service-finder>', () => {
    /** A catalogue with `s` in every text: names, summaries, language maps, keywords, channels, categories, audiences. */
    function catalogue(s: string, i: number) {
      const text = { fr: s, de: s, en: s };
      const hours = [{ days: ['mo', 'tu', 'th'], opens: '08:00', closes: '11:45' }];
      return {
        version: '1',
        publisher: { name: text, url: 'https://www.ville-demo.ch/' },
        categories: [
          { id: 'c1', name: text, description: text },
          // A language map whose language tag is the hostile string too.
          { id: 'c2', name: { [s]: s } },
        ],
        audiences: [{ id: 'a1', name: text }],
        synonyms: [[s, 'permis']],
        services: [
          {
            id: 'h1',
            name: text,
            summary: text,
            description: text,
            keywords: { fr: [s, 'permis'], de: [s], en: [s] },
            url: 'https://www.ville-demo.ch/services/h1',
            categories: ['c1', 'c2'],
            audiences: ['a1'],
            authority: { name: text, url: 'https://www.ville-demo.ch/' },
            cost: { value: 30, currency: 'CHF', description: text },
            processingTime: s,
            channels: [
              { type: 'online', url: 'https://guichet.ville-demo.ch/h1', label: text, note: text },
              { type: 'phone', phone: s, label: text, note: text, hours },
              { type: 'phone', phone: '+41 21 555 10 10', label: text, hours },
              { type: 'email', email: s, label: text, note: text },
              { type: 'email', email: 'guichet@ville-demo.ch', label: text },
              { type: 'in-person', label: text, note: text, address: { street: s, postalCode: s, locality: s, country: s }, hours },
              { type: 'in-person', label: { [s]: s }, address: text },
            ],
          },
          { id: 'h2', name: { [s]: s }, summary: s, keywords: [s, 'permis'], categories: ['c1'], channels: [{ type: 'online', url: '/h2', label: s }] },
          // A benign service: the search must still find it; its summary says which catalogue is shown.
          { id: 'permis', name: { fr: 'Permis de construire', en: 'Building permit' }, summary: { fr: `Construire ou transformer. [#${i}]` }, categories: ['c1'], audiences: ['a1'] },
        ],
      };
    }

    /** An Open311 GeoReport v2 service list with `s` in every text (and as a service code). */
    function open311List(s: string, i: number) {
      return [
        { service_code: 'H1', service_name: s, description: s, keywords: `${s}, permis`, group: s, metadata: true, type: 'realtime' },
        { service_code: s, service_name: s, description: s, keywords: `permis, ${s}`, group: s, metadata: false, type: 'batch' },
        { service_code: 'P1', service_name: 'Permis de construire', description: `Construire ou transformer. [#${i}]`, keywords: 'permis', group: s, metadata: false, type: 'realtime' },
      ];
    }

    const names = (el: ServiceFinder) => [...el.shadowRoot!.querySelectorAll('.result .heading')].map((h) => h.textContent ?? '');

    /**
     * Renders the data of one string in up to four views: a search ("permis": the benign service
     * must be found), a category's list (every channel shown), browsing by category, and the
     * hostile string itself as the query. `each` checks every view.
     */
    async function views(el: ServiceFinder, data: unknown, i: number, s: string, each: (view: string) => void, works: () => void, category?: string) {
      el.services = data;
      el.query = 'permis';
      el.category = '';
      await until(() => el.shadowRoot!.textContent!.includes(`[#${i}]`), 4000, `data #${i}`);
      await el.updateComplete;
      works();
      each('search');
      if (category) {
        el.query = '';
        el.category = category;
        await el.updateComplete;
        each('category list');
      }
      el.query = '';
      el.category = '';
      await el.updateComplete;
      each('browse');
      el.query = s;
      await el.updateComplete;
      // "Did you mean" suggestions load with their own chunk: let them come.
      await new Promise((r) => setTimeout(r));
      await el.updateComplete;
      each('query');
    }

    it('renders every hostile string of a catalogue as text, nothing runs, and search still works', async () => {
      const tally = new Tally();
      tallies.push(tally);
      const { el } = mountIn<ServiceFinder>('citopia-service-finder', 'fr', (f) => f.setAttribute('assistance-href', '/demande?description={query}'));
      const root = el.shadowRoot!;
      await views(el, catalogue(BENIGN, 0), 0, BENIGN, () => tally.learn(root), () => {}, 'c1');
      // A query with no result, for the baseline of the "no result" view.
      el.query = 'zzqqzz';
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 50));
      await el.updateComplete;
      tally.learn(root);
      for (const [n, s] of strings.entries()) {
        const i = n + 1;
        await views(
          el,
          catalogue(s, i),
          i,
          s,
          (view) => {
            tally.check(root, s, `catalogue, ${view} view:`, pwned);
            if (view === 'category list' && s.trim() && !names(el).includes(s)) tally.fail(`catalogue ${show(s)}: the service name is not shown as its exact text`);
          },
          () => {
            if (!names(el).includes('Permis de construire')) tally.fail(`catalogue ${show(s)}: "permis" no longer finds "Permis de construire"`);
          },
          'c1',
        );
        tally.tried++;
      }
      // Real key presses: the search still answers after all of that.
      const input = root.querySelector<HTMLInputElement>('#q')!;
      input.focus();
      input.select();
      await type('permis de constr');
      await el.updateComplete;
      expect(names(el)).to.include('Permis de construire');
      await settle(tally, 'finder catalogue');
    });

    it('renders every hostile string of an Open311 service list as text, nothing runs, and search still works', async () => {
      const tally = new Tally();
      tallies.push(tally);
      const { el } = mountIn<ServiceFinder>('citopia-service-finder', 'de', (f) => {
        f.setAttribute('assistance-href', '/demande?service={code}&description={query}');
        f.setAttribute('source-lang', 'fr');
      });
      const root = el.shadowRoot!;
      await views(el, open311List(BENIGN, 0), 0, BENIGN, () => tally.learn(root), () => {});
      for (const [n, s] of strings.entries()) {
        await views(
          el,
          open311List(s, n + 1),
          n + 1,
          s,
          (view) => tally.check(root, s, `Open311 list, ${view} view:`, pwned),
          () => {
            if (!names(el).includes('Permis de construire')) tally.fail(`Open311 list ${show(s)}: "permis" no longer finds "Permis de construire"`);
          },
        );
        tally.tried++;
      }
      expect(textOf(root.querySelector('#results'))).to.not.equal('');
      await settle(tally, 'finder Open311 list');
    });
  });
  describe('<citopia-assistance-request>', () => {
    /** An Open311 city whose every text is `s`: services, groups, notices, status notes, questions, hints and answers. */
    function city(s: string) {
      const t = { fr: s, de: s, en: s };
      const values = (n: number) => Array.from({ length: n }, (_, k) => ({ key: `v${k}`, name: t }));
      const question = (code: string, order: number, datatype: string, extra: object = {}) => ({ code, variable: true, datatype, required: false, order, description: t, datatype_description: t, ...extra });
      return {
        jurisdiction_id: 'hostile.example',
        defaultLanguage: 'fr',
        discovery: { changeset: s, contact: t, key_service: t },
        statusNotes: t,
        services: [
          {
            service_code: 'HOSTILE',
            service_name: t,
            description: t,
            group: t,
            keywords: t,
            type: 'realtime',
            agency_responsible: t,
            service_notice: t,
            attributes: [
              question('CHOIX', 1, 'singlevaluelist', { required: true, values: values(3) }),
              question('LISTE', 2, 'singlevaluelist', { values: values(8) }), // more than six: a select
              question('COCHER', 3, 'multivaluelist', { values: values(3) }),
              question('CHAINE', 4, 'string'),
              question('TEXTE', 5, 'text'),
              question('NOMBRE', 6, 'number'),
              question('QUAND', 7, 'datetime'),
              { code: 'INFO', variable: false, datatype: 'string', required: false, order: 8, description: t },
            ],
          },
          { service_code: 'AUTRE', service_name: t, description: t, group: t, keywords: t, type: 'batch', service_notice: t, attributes: [] },
        ],
      };
    }

    const $ = <T extends Element = HTMLElement>(el: AssistanceRequest, selector: string) => el.shadowRoot!.querySelector<T>(selector);
    const $$ = <T extends Element = HTMLElement>(el: AssistanceRequest, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
    const event = (el: AssistanceRequest, name: string) => new Promise<void>((resolve) => el.addEventListener(name, () => resolve(), { once: true }));
    /** The form's text controls: every input a person types in (not the honeypot robots fill, not the file picker). */
    const textControls = (el: AssistanceRequest) =>
      $$<HTMLInputElement | HTMLTextAreaElement>(el, 'form input:not([type=radio]):not([type=checkbox]):not([type=file]):not([name=website]), form textarea');
    /** Sets a control's value as typing would end, and lets the component hear it. */
    const fill = (control: HTMLInputElement | HTMLTextAreaElement, value: string) => {
      control.value = value;
      control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    };
    const submit = async (el: AssistanceRequest) => {
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      await el.updateComplete;
    };

    it('renders every hostile Open311 text and error description as text, takes every hostile answer, and still reaches "check your answers" and sends', async function () {
      // A hang guard for the whole list (a server, a form and a request per string; each step
      // has its own wait below), not a speed goal: two pages on a shared machine need minutes.
      this.timeout(600_000);
      const tally = new Tally();
      tallies.push(tally);
      const { el } = mountIn<AssistanceRequest>('citopia-assistance-request', 'fr', (a) => {
        a.setAttribute('service-code', 'HOSTILE');
        a.setAttribute('min-fill-seconds', '0');
      });
      // Real key presses for a sample of strings (no control characters: Tab and Enter would move or submit).
      const typable = strings.filter((s) => s.trim() && !/[\u0000-\u001f\u007f]/.test(s));
      const sample = new Set([...typable.filter((_, k) => k % Math.ceil(typable.length / 18) === 0), ...typable.filter((s) => s.includes('__citopiaPwned')).slice(0, 3)]);
      let checkReached = 0;
      let sent = 0;
      let typed = 0;

      const one = async (s: string, learn: boolean) => {
        const look = (where: string) => (learn ? tally.learn(el.shadowRoot!) : tally.check(el.shadowRoot!, s, `assistance request, ${where}:`, pwned));
        const { url } = (await executeServerCommand('open311-start', { config: city(s) })) as { url: string };
        try {
          // A request left in the outbox that the server refuses: its error descriptions name the hostile service code.
          const body = new URLSearchParams({ service_code: s, address_string: s, description: s }).toString();
          localStorage.setItem(`citopia:request:outbox:open311:${url}`, JSON.stringify([{ key: `hostile-${Date.now()}`, adapter: 'open311', url: `${url}/requests.json`, format: 'json', body, createdAt: Date.now(), attempts: 1, nextAt: 0 }]));
          const rejected = event(el, 'citopia-request-rejected');
          el.endpoint = url;
          await rejected;
          await until(() => $(el, 'form') && $(el, '#summary li') && $$(el, 'form fieldset').length >= 3, 4000, 'the form with the server’s errors');
          look('form with server errors');
          if (!learn && s.trim() && !$$(el, 'label').some((label) => label.textContent === s.trim())) tally.fail(`assistance request ${show(s)}: no question or service shown as its exact text`);
          // Every text control gets the hostile string: validation answers (an e-mail, a phone number, a number are expected).
          // Every choice too (each radio in turn, every box), but the service stays the hostile one.
          $$<HTMLInputElement>(el, 'form input[type=radio]:not([name=service]), form input[type=checkbox]').forEach((box) => box.checked || box.click());
          await el.updateComplete;
          for (const control of textControls(el)) fill(control, s);
          await submit(el);
          look('validation');
          if (!$(el, '#summary li') && !$(el, '[part="check"]')) tally.fail(`assistance request ${show(s)}: Continue neither showed problems nor the answers`);
          // Then answers that pass: the hostile text stays wherever free text is allowed.
          if (sample.has(s) && !learn) {
            for (const id of ['description', 'address']) {
              const control = $<HTMLInputElement>(el, `#${id}`)!;
              fill(control, '');
              control.focus();
              await type(s);
              if (control.value !== s) tally.fail(`assistance request: typing ${show(s)} into #${id} gave ${show(control.value)}`);
            }
            typed++;
          }
          fill($<HTMLInputElement>(el, '#email')!, '');
          fill($<HTMLInputElement>(el, '#phone')!, '');
          fill($<HTMLInputElement>(el, '[name="attr:NOMBRE"]')!, '3,5');
          // The date and time is four text fields: a real date in them (they took the hostile text too).
          const validDate: Record<string, string> = { day: '1', month: '3', year: '2025', time: '07:30' };
          for (const part of $$<HTMLInputElement>(el, '[data-date-of="QUAND"]')) fill(part, validDate[part.name.split(':').at(-1)!]!);
          $<HTMLInputElement>(el, 'input[name="answer"][value="none"]')!.click();
          await submit(el);
          look('answers');
          if (!$(el, '[part="check"]')) {
            if (s.trim()) tally.fail(`assistance request ${show(s)}: valid answers did not reach "check your answers" (${textOf($(el, '#summary'))})`);
            return;
          }
          if (!learn) checkReached++;
          const done = event(el, 'citopia-request-sent');
          $<HTMLButtonElement>(el, '#send')!.click();
          await done;
          await until(() => $(el, '[part="confirmation"]'), 4000, 'the confirmation');
          $<HTMLButtonElement>(el, '#status')!.click();
          await until(() => $(el, '[aria-live] dl, [aria-live] .message'), 4000, 'the status');
          look('confirmation and status');
          if (!$(el, '[aria-live] dl')) tally.fail(`assistance request ${show(s)}: the status could not be shown`);
          if (!learn) sent++;
          // "Make another request": the form again, empty.
          $$<HTMLButtonElement>(el, 'button').at(-1)!.click();
          await el.updateComplete;
        } finally {
          await executeServerCommand('open311-stop', { url });
          for (const key of Object.keys(localStorage)) if (key.startsWith('citopia:request:')) localStorage.removeItem(key);
        }
      };

      await one(BENIGN, true);
      for (const s of strings) {
        await one(s, false);
        tally.tried++;
      }
      expect(typed).to.be.at.least(18);
      // Blank strings cannot pass validation (a description and a place are required); every other one was sent.
      expect(checkReached).to.equal(strings.filter((s) => s.trim()).length);
      expect(sent).to.equal(checkReached);
      await settle(tally, 'assistance request');
    });
  });
  describe('<citopia-privacy-notice>', () => {
    /** A privacy configuration with `s` in every text (language maps, names, cookies, storage keys); ids, bases, dates and addresses valid. */
    function privacyConfig(s: string, i: number) {
      const t = { fr: s, de: s, en: s };
      return {
        // A new version each time: the banner asks again.
        version: `${i}:${s}`,
        lastUpdated: '2025-03-01',
        title: t,
        summary: t,
        controller: { name: t, address: t, email: 'protection.donnees@ville-demo.ch', phone: s, url: 'https://www.ville-demo.ch/' },
        dpo: { name: { [s]: s }, address: s, email: 'dpo@ville-demo.ch', phone: s },
        purposes: [
          { id: 'services', title: t, description: t, legalBasis: 'public-task', categories: ['identity'] },
          { id: 'security', title: t, description: t, legalBasis: 'legitimate-interest', legitimateInterest: t, categories: ['device'] },
          { id: 'statistics', title: t, description: t, legalBasis: 'consent', categories: ['usage', 'device'] },
          { id: 'maps', title: { [s]: s }, description: s, legalBasis: 'consent' },
        ],
        dataCategories: [
          { id: 'identity', icon: 'identity', label: t, description: t },
          { id: 'device', icon: 'device', label: { [s]: s } },
          { id: 'usage', label: t, description: s },
        ],
        source: t,
        recipients: [{ name: t, description: t }, { name: s }],
        transfers: [{ country: t, safeguard: t }],
        retention: t,
        rights: t,
        authority: { name: t, address: t, phone: s, url: 'https://www.example.ch/protection-des-donnees' },
        automatedDecisions: t,
        services: [
          { name: s, title: t, description: t, purposes: ['statistics'], cookies: [s, '_pk_id.*'], storageKeys: [s], default: false },
          { name: s, purposes: ['maps'], cookies: [s] },
          { name: 'session', title: t, purposes: ['services'], required: true },
        ],
        policyUrl: '/politique-de-confidentialite',
      };
    }

    it('renders every hostile string of its configuration as text, nothing runs, and "Accept all" still works', async () => {
      const tally = new Tally();
      tallies.push(tally);
      const { el, wrapper } = mountIn<PrivacyNotice>('citopia-privacy-notice', 'fr', (n) => n.setAttribute('storage-key', `hardening-hostile-${Date.now()}`));
      // An embed gated on consent: its placeholder says, from the configuration, what loading shares.
      const frame = Object.assign(document.createElement('iframe'), { title: 'Plan de la ville' });
      frame.dataset.citopiaPurpose = 'maps statistics';
      frame.dataset.src = '/__test/text?type=text/plain&body=plan';
      wrapper.append(frame);
      // Blank texts make the configuration invalid, which the notice reports on the console: keep those reports, check them.
      const reports: string[] = [];
      const consoleError = console.error;
      console.error = (...args: unknown[]) => void reports.push(args.map(String).join(' '));
      const buttonNamed = (name: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => textOf(b) === name);
      const one = async (s: string, i: number, learn: boolean) => {
        el.config = privacyConfig(s, i);
        await el.updateComplete;
        // A refused configuration's sentences are a chunk of their own: 'loading' until they are in.
        await until(() => el.state !== 'loading', 10_000, 'the configuration checked');
        await el.updateComplete;
        const look = (where: string) => (learn ? tally.learn(wrapper) : tally.check(wrapper, s, `privacy notice, ${where}:`, pwned));
        if (el.state === 'invalid') {
          // Blank texts break the configuration's rules: the notice says so instead of showing nothing.
          look('invalid configuration');
          if (s.trim()) tally.fail(`privacy notice ${show(s)}: the configuration was refused`);
          else if (!textOf(el.shadowRoot!.querySelector('.message.error'))) tally.fail(`privacy notice ${show(s)}: no message for the refused configuration`);
          return;
        }
        await until(() => wrapper.querySelector('[data-citopia-placeholder]'), 2000, 'the placeholder');
        look('banner and details');
        if (el.shadowRoot!.querySelector('#title')?.textContent !== s) tally.fail(`privacy notice ${show(s)}: the title is not shown as its exact text`);
        const accept = buttonNamed('Tout accepter');
        if (!accept) return tally.fail(`privacy notice ${show(s)}: no "Accept all" button`);
        accept.click();
        await el.updateComplete;
        look('choice made');
        if (!el.getConsent('statistics') || !el.getConsent('maps') || !el.shadowRoot!.querySelector('.settings')) tally.fail(`privacy notice ${show(s)}: "Accept all" did not record the choice`);
      };
      try {
        // The details layer (dialog, full notice) is a chunk of its own, loaded on a first focus:
        // in before the benign renders that set the baseline, as it is for the hostile ones after.
        el.config = privacyConfig(BENIGN, -1);
        await el.updateComplete;
        await until(() => el.state === 'ready', 10_000, 'the benign configuration');
        await el.openSettings();
        el.shadowRoot!.querySelector('dialog')?.close();
        await el.updateComplete;
        await one(BENIGN, 0, true);
        for (const [n, s] of strings.entries()) {
          await one(s, n + 1, false);
          tally.tried++;
        }
      } finally {
        console.error = consoleError;
      }
      expect(reports).to.have.length(strings.filter((s) => !s.trim()).length);
      for (const report of reports) expect(report).to.include('[citopia-privacy-notice] invalid configuration').and.to.include('title must be a text');
      await settle(tally, 'privacy notice');
    });
  });

  describe('<citopia-open-source-badge>', () => {
    /** A publiccode.yml (parsed) with `s` in every string field, lists and language keys included; the repository URLs valid. */
    function publiccode(s: string) {
      return {
        publiccodeYmlVersion: '0',
        name: s,
        applicationSuite: s,
        url: 'https://git.ville-demo.ch/numerique/salles.git',
        landingURL: 'https://www.ville-demo.ch/salles',
        softwareVersion: s,
        releaseDate: s,
        logo: s,
        roadmap: s,
        platforms: [s, 'web'],
        categories: [s],
        usedBy: [s, 'Ville de Démo'],
        developmentStatus: s,
        softwareType: s,
        organisation: { name: s, uri: s },
        intendedAudience: { scope: [s], countries: [s], unsupportedCountries: [s] },
        description: {
          fr: { localisedName: s, genericName: s, shortDescription: s, longDescription: s, documentation: s, apiDocumentation: s, features: [s], screenshots: [s], videos: [s], awards: [s] },
          [s]: { shortDescription: s, longDescription: s, features: [s] },
        },
        legal: { license: s, mainCopyrightOwner: s, repoOwner: s, authorsFile: s },
        maintenance: { type: s, contractors: [{ name: s, until: s, email: s, website: s }], contacts: [{ name: s, email: s, phone: s, affiliation: s }] },
        localisation: { localisationReady: true, availableLanguages: [s] },
        dependsOn: { open: [{ name: s, versionMin: s }] },
      };
    }

    it('renders every hostile string of a publiccode.yml as text, nothing runs, and the badge still opens', async () => {
      const tally = new Tally();
      tallies.push(tally);
      const { el } = mountIn<OpenSourceBadge>('citopia-open-source-badge', 'fr', (b) => b.setAttribute('validate', ''));
      const root = el.shadowRoot!;
      const one = async (s: string, learn: boolean) => {
        el.open = false;
        el.data = publiccode(s);
        await el.whenReady();
        const look = (where: string) => (learn ? tally.learn(root) : tally.check(root, s, `open-source badge, ${where}:`, pwned));
        look('closed');
        root.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
        await el.whenReady();
        look('open');
        const details = root.querySelector<HTMLElement>('[part="details"]')!;
        if (details.hidden || !el.open) tally.fail(`open-source badge ${show(s)}: the details did not open`);
        if (s.trim() && root.querySelector('[part="name"]')?.textContent !== s.trim()) tally.fail(`open-source badge ${show(s)}: the name is not shown as its exact text`);
      };
      await one(BENIGN, true);
      for (const s of strings) {
        await one(s, false);
        tally.tried++;
      }
      await settle(tally, 'open-source badge');
    });
  });
});
