/**
 * Network faults (issue 8), against the local Open311 server's fault injection: offline, a
 * timeout, connections dropped before and after the request is stored, 500, 503 and 429 with
 * Retry-After, a CORS refusal, and very slow answers. For each: the person is told what happened
 * (visible text), the request waits in the outbox until the server confirms it, and the server
 * ends with exactly one request.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { press, reportFigure, until } from '@citopia/testing';
import { completeAnswers, writeDraft } from '../../../assistance-request/src/fixtures.js';
import { $, appear, cleanUp, mount, setNetwork, startServer, storedRequests, text } from '../../../assistance-request/test/helpers.js';

interface Scenario {
  name: string;
  /** Server faults from the start (lib/faults.mjs). */
  faults?: Record<string, unknown>;
  /** Injects the fault once the form is ready; false when this browser cannot. */
  inject?: (server: string) => Promise<boolean>;
  /** What the person reads while the request waits (or, for slow answers, while it is sent). */
  tells: string;
  /** Requests the server holds while the browser waits: 1 when it stored one whose answer was lost;
   * 'racing' when the server stores it at about that moment (a timeout). Default 0. */
  storedUnheard?: 0 | 1 | 'racing';
  /** The fault goes away (the device is back online, the relay is fixed...). */
  recover?: (server: string) => Promise<unknown>;
  /** Retry-After, in seconds: no retry comes sooner. */
  retryAfter?: number;
  /** The answer is slow but comes: no outbox, "Sending…" meanwhile. */
  slow?: number;
  timeout?: number;
}

const NETWORK = 'The server could not be reached. Check your connection, then try again.';
const SERVER = 'The server has a problem right now. Please try again later.';
const options = (server: string, value: Record<string, unknown>) => executeServerCommand('open311-options', { url: server, options: value });

const SCENARIOS: Scenario[] = [
  {
    name: 'offline',
    inject: async () => (await setNetwork(true)).supported,
    tells: 'You seem to be offline. Check your connection, then try again.',
    recover: () => setNetwork(false), // the online event sends it
  },
  { name: 'connection dropped before the server stored it', faults: { next: ['drop'] }, tells: NETWORK },
  { name: 'connection dropped after the server stored it (answer lost)', faults: { next: ['drop-after'] }, tells: NETWORK, storedUnheard: 1 },
  { name: '500', faults: { next: ['500'] }, tells: SERVER },
  { name: '503 with Retry-After', faults: { next: ['503'], retryAfter: 1 }, tells: SERVER, retryAfter: 1 },
  { name: '429 with Retry-After', faults: { next: ['429'], retryAfter: 2 }, tells: 'The server is busy. Please try again in a moment.', retryAfter: 2 },
  {
    name: 'CORS refusal (the relay does not allow this origin)',
    inject: async (server) => (await options(server, { allowOrigins: ['https://another-city.example'] }), true),
    tells: NETWORK,
    // A form post needs no preflight: the server stores it, the browser hides the answer.
    storedUnheard: 1,
    recover: (server) => options(server, { allowOrigins: null }),
  },
  { name: 'very slow answer (4 s)', faults: { latency: 4000 }, tells: 'Sending…', slow: 4000 },
  // The client gives up after 20 s; the server still processes it just after; the retry is answered with it.
  { name: 'timeout', faults: { next: ['slow'], slow: 20_300 }, tells: 'The server took too long to answer. Please try again.', storedUnheard: 'racing', timeout: 40_000 },
];

let injected = 0;
let lost = 0;
let duplicated = 0;

const outboxKey = (server: string) => `citopia:request:outbox:open311:${server}`;
const first = (el: HTMLElement, type: string) => new Promise<number>((resolve) => el.addEventListener(type, () => resolve(performance.now()), { once: true }));
const within = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms))]);

describe('network faults: told, kept in the outbox, delivered exactly once', function () {
  this.timeout(30_000);

  afterEach(async () => {
    await setNetwork(false);
    cleanUp();
  });
  after(async () => {
    await reportFigure('network faults injected', injected);
    await reportFigure('requests lost', lost);
    await reportFigure('requests duplicated', duplicated);
  });

  for (const s of SCENARIOS) {
    it(s.name, async function () {
      if (s.timeout) this.timeout(s.timeout);
      const server = (await startServer({ faults: s.faults ?? {} })).url;
      writeDraft(server, completeAnswers());
      const el = await mount({ endpoint: server });
      ($(el, 'button[type=submit]') as HTMLElement).focus();
      await press('Enter');
      await appear(el, '#send');
      if (s.inject && !(await s.inject(server))) {
        console.log(`[network] ${s.name}: this browser cannot be put offline by the test runner; skipped`);
        this.skip();
      }
      const queued = first(el, 'citopia-request-queued');
      const sent = first(el, 'citopia-request-sent');
      const started = performance.now();
      $(el, '#send')!.focus();
      await press('Enter');

      if (s.slow) {
        // Sending, said and shown beside the button; no outbox message: it is only slow.
        await until(() => text(el, '[part=sending]') === s.tells, 2000, 'the sending state');
        await until(() => text(el, '[role=status]').startsWith('Sending your request'), 2000, 'the announcement');
        injected++;
        await within(sent, 15_000, 'the confirmation');
        expect(performance.now() - started).to.be.at.least(s.slow);
        expect($(el, '[part=outbox]')).to.equal(null);
      } else {
        const queuedAt = await within(queued, s.timeout ?? 10_000, 'the request to be queued');
        injected++;
        await appear(el, '[part=outbox]');
        // Told what happened, and that the request is kept and will be sent.
        expect(text(el, '[part=outbox]')).to.include(s.tells);
        expect(text(el, '[part=outbox]')).to.include('It is kept on this device and will be sent automatically');
        await until(() => text(el, '[role=status]').startsWith('Not sent yet.'), 2000, 'the announcement');
        // Kept in the outbox until delivered.
        const outbox = JSON.parse(localStorage.getItem(outboxKey(server)) ?? '[]') as Array<{ key: string; attempts: number }>;
        expect(outbox).to.have.length(1);
        expect(outbox[0]!.attempts).to.be.at.least(1);
        if (s.storedUnheard !== 'racing') expect(await storedRequests(server), 'stored while the browser heard nothing').to.have.length(s.storedUnheard ?? 0);
        await s.recover?.(server);
        const sentAt = await within(sent, 15_000, 'the request to be sent');
        if (s.retryAfter) expect(sentAt - queuedAt, 'no retry before Retry-After').to.be.at.least(s.retryAfter * 1000 - 100);
      }

      await appear(el, '[part=confirmation]');
      // A timed-out attempt still runs on the server: count once it has surely finished.
      if (s.storedUnheard === 'racing') await new Promise((r) => setTimeout(r, Math.max(0, started + Number(s.faults!.slow) + 500 - performance.now())));
      const stored = await storedRequests(server);
      if (stored.length === 0) lost++;
      duplicated += Math.max(0, stored.length - 1);
      expect(stored, 'requests on the server').to.have.length(1);
      expect(text(el, '.ref')).to.equal(stored[0]!.service_request_id);
      expect(localStorage.getItem(outboxKey(server)), 'the outbox, once delivered').to.equal(null);
      expect(text(el, '[role=status]')).to.equal(`Your reference number: ${stored[0]!.service_request_id}`);
    });
  }
});
