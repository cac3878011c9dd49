/**
 * Storage faults (issue 8): for each component that keeps something on the device (assistance
 * request: draft and outbox; privacy notice: the consent; open-source badge: its offline copy),
 * local storage that throws on read, refuses writes (QuotaExceededError), is disabled (the
 * property itself throws, as with site data blocked) or is absent. Everything keeps working, and
 * nothing is lost while the page is open: what was typed survives a remount, a request waiting in
 * the outbox is still sent (once), the consent given still applies, the badge's copy still serves.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { press, reportFigure, until } from '@citopia/testing';
import '@citopia/privacy-notice';
import '@citopia/open-source-badge';
import { $, appear, cleanUp, mount, startServer, storedRequests, text, typeInto } from '../../../assistance-request/test/helpers.js';

type Fault = 'read' | 'quota' | 'disabled' | 'absent';
const FAULTS: Fault[] = ['read', 'quota', 'disabled', 'absent'];
/**
 * Faults where the components must say the device cannot keep anything. 'read' joins them once
 * @citopia/core/storage's `available` probe reads its value back (see the pending test below).
 */
// Storage that cannot keep anything for a reload: the probe in @citopia/core/storage reads back.
const WRITES_FAIL: Fault[] = ['read', 'quota', 'disabled', 'absent'];

/**
 * Replaces `window.localStorage` with a faulty one (restore with the returned function):
 * - read: getItem throws (a corrupted store); writes work;
 * - quota: setItem throws QuotaExceededError (a full device, some private modes); reads work;
 * - disabled: reading the property throws SecurityError (site data blocked, sandboxed frames);
 * - absent: the property is undefined (some embedded web views).
 */
function injectStorageFault(fault: Fault): () => void {
  const original = Object.getOwnPropertyDescriptor(window, 'localStorage')!;
  const items = new Map<string, string>();
  const fake = {
    get length() {
      return items.size;
    },
    key: (i: number) => [...items.keys()][i] ?? null,
    getItem(key: string) {
      if (fault === 'read') throw new DOMException('The storage is corrupted.', 'UnknownError');
      return items.get(key) ?? null;
    },
    setItem(key: string, value: string) {
      if (fault === 'quota') throw new DOMException(`Setting the value of '${key}' exceeded the quota.`, 'QuotaExceededError');
      items.set(key, String(value));
    },
    removeItem: (key: string) => void items.delete(key),
    clear: () => items.clear(),
  };
  const get = () => {
    if (fault === 'disabled') throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", 'SecurityError');
    return fault === 'absent' ? undefined : (fake as unknown as Storage);
  };
  Object.defineProperty(window, 'localStorage', { configurable: true, enumerable: true, get });
  return () => Object.defineProperty(window, 'localStorage', original);
}

let injected = 0;
let lost = 0;
/** Counts a loss (and lets the assertion that follows fail the test). */
const keep = (ok: boolean) => (ok ? ok : (lost++, ok));

const DEVICE_WARNING = 'This browser cannot keep your answers (storage is off or full). If you leave or reload the page, they will be lost.';
const NOT_KEPT = 'This device cannot keep it: leave this page open, and we will keep trying.';

type Notice = HTMLElement & { state: string; getConsent(p: string): boolean };
type Badge = HTMLElement & { loadState: string };

/** Mounts `tag` with `attributes` under a `<div lang="en">` that cleanUp() removes. */
function mountTag<E extends HTMLElement>(tag: string, attributes: Record<string, string>): E {
  const wrapper = document.createElement('div');
  wrapper.lang = 'en';
  wrapper.dataset.citopiaTest = '';
  const el = document.createElement(tag) as E;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  wrapper.append(el);
  document.body.append(wrapper);
  return el;
}

describe('storage faults', function () {
  this.timeout(30_000);
  let restore: (() => void) | undefined;

  afterEach(async () => {
    restore?.();
    restore = undefined;
    cleanUp();
    await executeServerCommand('citopia-network', { offline: false });
    delete (window as { __statsRan?: number }).__statsRan;
  });
  after(async () => {
    await reportFigure('storage faults injected', injected);
    await reportFigure('data lost', lost);
  });

  for (const fault of FAULTS) {
    const writesFail = WRITES_FAIL.includes(fault);

    describe(`local storage ${fault === 'read' ? 'throwing on read' : fault === 'quota' ? 'full (QuotaExceededError on write)' : fault === 'disabled' ? 'disabled (SecurityError)' : 'absent'}`, () => {
      it('assistance request: what was typed survives a remount, the form says it cannot be kept, the waiting request is still sent once', async () => {
        const server = await startServer({ faults: { next: ['503'], retryAfter: 30 } });
        restore = injectStorageFault(fault);
        injected++;
        let el = await mount({ endpoint: server.url, 'service-code': '204' });
        await typeInto(el, 'description', 'Tag sur la pile du pont');
        await typeInto(el, 'address', 'Pont du Moulin');
        $(el, '#answer-email-3')!.focus();
        await press('Space');
        if (writesFail) await until(() => text(el, '.message.warning') === DEVICE_WARNING, 3000, 'the warning that nothing can be kept');

        // The element goes away and comes back (a single-page app's navigation): nothing lost.
        el.parentElement!.remove();
        el = await mount({ endpoint: server.url });
        expect(keep(($(el, '#description') as HTMLTextAreaElement).value === 'Tag sur la pile du pont'), 'the description').to.equal(true);
        expect(keep(($(el, '#address') as HTMLInputElement).value === 'Pont du Moulin'), 'the address').to.equal(true);
        if (writesFail) expect(text(el, '.message.warning')).to.equal(DEVICE_WARNING);

        // Sent while the server fails: the request waits in the outbox, in memory.
        ($(el, 'button[type=submit]') as HTMLElement).click();
        await appear(el, '#send');
        $(el, '#send')!.click();
        await appear(el, '[part=outbox]');
        if (writesFail) expect(text(el, '[part=outbox]')).to.include(NOT_KEPT);

        // Remounted while it waits: the outbox in memory sends it, once.
        el.parentElement!.remove();
        el = await mount({ endpoint: server.url }, 'en', false);
        await appear(el, '[part=confirmation]');
        const stored = await storedRequests(server.url);
        expect(keep(stored.length === 1), 'delivered').to.equal(true);
        expect(stored).to.have.length(1);
        expect(stored[0]!.description).to.equal('Tag sur la pile du pont');
        expect(text(el, '.ref')).to.equal(stored[0]!.service_request_id);
      });

      it('privacy notice: the consent applies for the page session, also to a notice mounted later', async () => {
        restore = injectStorageFault(fault);
        injected++;
        const key = `storage-fault-${fault}-${Date.now()}`;
        const frame = Object.assign(document.createElement('iframe'), { title: 'Map of the town hall' });
        frame.dataset.citopiaPurpose = 'maps';
        frame.dataset.src = `/packages/privacy-notice/fixtures/gated-frame.html?${key}`;
        const gated = document.createElement('script');
        gated.type = 'text/plain';
        gated.dataset.citopiaPurpose = 'statistics';
        gated.dataset.src = `/packages/privacy-notice/fixtures/gated-stats.js?${key}`;
        const page = document.createElement('div');
        page.dataset.citopiaTest = '';
        page.append(frame, gated);
        document.body.append(page);

        const mountNotice = async () => {
          const notice = mountTag<Notice>('citopia-privacy-notice', { 'storage-key': key, src: '/packages/privacy-notice/fixtures/config-consent.json' });
          await until(() => notice.state === 'ready', 5000, 'the notice');
          return { notice, wrapper: notice.parentElement! };
        };
        const first = await mountNotice();
        expect(frame.hidden, 'the map waits for consent').to.equal(true);
        const accept = first.notice.shadowRoot!.querySelector<HTMLButtonElement>('[part="actions"] button')!;
        accept.focus();
        await press('Enter'); // Accept all
        await until(() => first.notice.getConsent('statistics') && first.notice.getConsent('maps'), 3000, 'the consent');
        await until(() => (window as { __statsRan?: number }).__statsRan === 1 && !frame.hidden && frame.getAttribute('src'), 3000, 'the gated content');
        const status = first.notice.shadowRoot!.querySelector('[role="status"]')!.textContent!;
        if (writesFail) expect(status).to.include('Your device did not let us store them: they hold until you leave this page.');

        // The notice is rendered again elsewhere (another view of a single-page app).
        first.wrapper.remove();
        const second = await mountNotice();
        expect(keep(second.notice.getConsent('statistics') && second.notice.getConsent('maps')), 'the consent, for a notice mounted later').to.equal(true);
        expect(second.notice.shadowRoot!.querySelector('[part="settings-button"]'), 'no banner asking again').to.not.equal(null);
        expect(keep(!frame.hidden && frame.getAttribute('src') !== 'about:blank'), 'the map stays loaded').to.equal(true);
      });

      it('open-source badge: reads and shows its file; its copy serves from memory when the network fails', async function () {
        restore = injectStorageFault(fault);
        injected++;
        // Not cacheable (unlike the static file): offline, only the badge's own copy can answer.
        const yaml = await (await fetch('/publiccode.yml')).text();
        const src = `${location.origin}/__test/text?type=text/yaml&storage-fault=${fault}-${Date.now()}&body=${encodeURIComponent(yaml)}`;
        const mountBadge = async () => {
          const badge = mountTag<Badge>('citopia-open-source-badge', { src, open: '' });
          await until(() => badge.loadState === 'ready' || badge.loadState === 'error', 8000, 'the badge');
          return badge;
        };
        const badge = await mountBadge();
        expect(badge.loadState).to.equal('ready');
        expect(badge.shadowRoot!.querySelector('[part="pill"]')!.textContent).to.include('EUPL-1.2');
        await until(() => badge.shadowRoot!.querySelector('[part="facts"]')?.textContent?.includes('EUPL-1.2'), 5000, 'the details');

        const offline = (await executeServerCommand('citopia-network', { offline: true, urlPattern: `${location.origin}/__test/text?*` })) as { supported: boolean };
        if (!offline.supported) {
          console.log(`[storage] ${fault}: this browser cannot be put offline by the test runner; the offline copy is not checked here`);
          return;
        }
        const copy = await mountBadge();
        expect(keep(copy.loadState === 'ready'), 'the copy').to.equal(true);
        expect(copy.shadowRoot!.querySelector('[part="pill"]')!.textContent).to.include('EUPL-1.2');
        await until(() => copy.shadowRoot!.querySelector('[part="status"]')?.textContent?.includes('this is a copy saved on this device'), 5000, 'the note that this is a copy');
      });
    });
  }
});
