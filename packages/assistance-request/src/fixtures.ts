import { html } from 'lit';
import { clickWhenShown, defineFixtures, failingFirst, until, type FixtureContext } from '@citopia/core/fixtures';
import type { AssistanceRequest } from './citopia-assistance-request.js';
import { emptyAnswers, type Answers } from './answer-model.js';

/** The static Open311 trees in fixtures/open311/ (written by @citopia/open311-server's static-tree.mjs). */
const tree = (ctx: FixtureContext, name: string, variant = '') =>
  // A query string makes a distinct endpoint (so a distinct draft and outbox on the device) for
  // the same files: Open311 paths are resolved against the base, which drops the query.
  ctx.url(`packages/assistance-request/fixtures/open311/${name}/`) + (variant ? `?fixture=${variant}` : '');

const view = (el: AssistanceRequest) => el.shadowRoot?.querySelector('[part="base"]');
const shown = (el: AssistanceRequest, selector: string) => until(() => el.shadowRoot?.querySelector(selector), 8000, selector);
/** A fixture on a static tree: the endpoint, and ready once the form is. */
const onTree = (name: string, variant = '') => ({
  setup: (el: AssistanceRequest, ctx: FixtureContext) => void (el.endpoint = tree(ctx, name, variant)),
  ready: (el: AssistanceRequest) => formReady(el),
});

/** The form is there and the chosen service's questions are loaded. */
export const formReady = (el: AssistanceRequest) =>
  until(() => el.shadowRoot?.querySelector('form') && !el.shadowRoot.querySelector('#what-retry:not(button)'), 8000, 'the form');

/** Answers complete enough to pass validation: the 'check-answers' fixture and the tests use them. */
export const completeAnswers = (): Answers => ({
  ...emptyAnswers(),
  service: 'DECHETS-SAUV',
  attrs: { TYPES: ['sacs', 'electro'], VOLUME: '3,5', 'VU-LE': '2025-03-01T07:30', ACCES: 'Derrière le collège des Tilleuls' },
  description: 'Six sacs poubelle et un vieux frigo déposés au bord du chemin des Vignes.',
  address: 'Chemin des Vignes 14, Ville de Démo',
  first: 'Anna',
  last: 'Keller',
  email: 'anna.keller@example.ch',
  phone: '079 000 00 00',
  answer: 'email',
  needs: ['easy-read'],
});

/** Writes a draft on the device as the component does, for the endpoint `endpoint`. */
export function writeDraft(endpoint: string, answers: Answers, savedAt = Date.parse('2025-03-01T09:15:00Z'), adapter = 'open311'): void {
  try {
    localStorage.setItem(`citopia:request:draft:${adapter}:${endpoint}`, JSON.stringify({ id: `fixture-${Date.now()}`, startedAt: savedAt - 120_000, savedAt, answers, mediaName: '' }));
  } catch {
    /* storage off: the fixture shows an empty form */
  }
}

/** Puts a request in the device's outbox, as a failed send leaves it. */
function writeOutbox(endpoint: string, url: string, body: string): void {
  try {
    const item = { key: `fixture-outbox-${Date.now()}`, adapter: 'open311', url, format: 'json', body, createdAt: Date.now(), attempts: 1, nextAt: 0 };
    localStorage.setItem(`citopia:request:outbox:open311:${endpoint}`, JSON.stringify([item]));
  } catch {
    /* storage off */
  }
}

/** Submits the form once it is there: called (not awaited) in setup, so stories reach the state too. */
async function submit(el: AssistanceRequest): Promise<void> {
  try {
    await formReady(el);
    el.shadowRoot!.querySelector('form')!.requestSubmit();
  } catch {
    /* the form never came (removed early): nothing to submit */
  }
}

/** The one list of states of <citopia-assistance-request>: stories, tests, the axe sweep and docs all read it. */
export const fixtures = defineFixtures<AssistanceRequest>({
  tag: 'citopia-assistance-request',
  title: 'Assistance request',
  fixtures: [
    {
      name: 'default',
      title: 'Services of Ville de Démo (Open311 JSON)',
      description: 'The form built from services.json: six services, four with questions (metadata), codes numeric and textual.',
      ...onTree('ville'),
    },
    {
      name: 'service-radios-and-info',
      title: 'Service with radio questions, a number and an information',
      description: 'Service 101: two required single-choice questions as radio groups, an optional number, and an attribute with variable=false shown as information.',
      attributes: { 'service-code': '101' },
      ...onTree('ville'),
    },
    {
      name: 'service-select-and-string',
      title: 'Service with a long list (select) and a text field',
      description: 'Service ECL: a required single choice among eight values (a select) and an optional string.',
      attributes: { 'service-code': 'ECL' },
      ...onTree('ville'),
    },
    {
      name: 'service-multivalue-datetime-text',
      title: 'Service with checkboxes, a number, a date and time, and a long text',
      description: 'Service DECHETS-SAUV: multivaluelist (checkboxes, required), number (required), datetime and text (optional).',
      attributes: { 'service-code': 'DECHETS-SAUV' },
      ...onTree('ville'),
    },
    {
      name: 'service-without-metadata',
      title: 'Service without questions',
      description: 'Service 204 (a numeric code) has metadata=false: only the common sections.',
      attributes: { 'service-code': '204' },
      ...onTree('ville'),
    },
    {
      name: 'many-services',
      title: 'Many services (a select), codes with leading zeros',
      description: 'Ten services without metadata, codes such as "010": the choice becomes a select.',
      ...onTree('many'),
    },
    {
      name: 'xml-only',
      title: 'A server that speaks only XML',
      description: 'No discovery.json: discovery.xml says text/xml only, so services.xml and services/DECHETS-SAUV.xml are read.',
      attributes: { 'service-code': 'DECHETS-SAUV' },
      ...onTree('ville-xml'),
    },
    {
      name: 'prefilled',
      title: 'Opened from the service finder',
      description: 'service-code and description given by the page (what the person searched for).',
      attributes: { 'service-code': 'ECL', description: 'Le lampadaire devant le numéro 8 clignote toute la nuit.' },
      ...onTree('ville', 'prefilled'),
    },
    {
      name: 'require-contact',
      title: 'Contact required',
      description: 'require-contact: the city needs a name and a way to reach the person; the "About you" text says so.',
      attributes: { 'require-contact': true, 'service-code': 'AIDE-ADMIN' },
      ...onTree('ville'),
    },
    {
      name: 'photo-and-privacy',
      title: 'With a photo field and a privacy link',
      description: 'upload-url adds the optional photo; privacy-href the link to the privacy notice (the citopia-privacy-open event is cancelable).',
      attributes: { 'service-code': '305', 'privacy-href': '#privacy-notice' },
      setup: (el, ctx) => {
        el.endpoint = tree(ctx, 'ville');
        el.uploadUrl = ctx.open311 ? `${ctx.open311}/media` : ctx.url('media');
      },
      ready: formReady,
    },
    {
      name: 'privacy-slot',
      title: 'Privacy notice in the slot',
      description: 'The page puts its own privacy link in the privacy slot.',
      content: html`<p slot="privacy"><a href="#privacy">Protection des données : notre déclaration complète</a></p>`,
      ...onTree('ville'),
    },
    {
      name: 'json-adapter-no-services',
      title: 'JSON adapter without a service list',
      description: 'adapter="json" for a city without Open311: no service list, the request is posted as JSON with an Idempotency-Key.',
      attributes: { adapter: 'json' },
      setup: (el, ctx) => void (el.endpoint = ctx.open311 ? `${ctx.open311}/api/requests` : ctx.url('api/requests')),
      ready: formReady,
    },
    {
      name: 'definition-error',
      title: 'The questions of a service cannot be loaded',
      description: 'services.json announces metadata for ABSENT, but its definition is missing: the error is explained, with a retry button.',
      attributes: { 'service-code': 'ABSENT' },
      setup: (el, ctx) => void (el.endpoint = tree(ctx, 'broken')),
      ready: (el) => shown(el, 'button#what-retry'),
    },
    {
      name: 'load-error',
      title: 'The service list cannot be loaded',
      description: 'The endpoint has no services.json: the reason, and a retry button.',
      setup: (el, ctx) => void (el.endpoint = tree(ctx, 'absent')),
      ready: (el) => shown(el, '.message.error'),
    },
    {
      name: 'retry-recovered',
      title: 'The form loads after "Try again"',
      description: 'The first request for services.json fails (503); "Try again" loads the form, and the focus moves to its heading.',
      testOnly: true,
      setup: (el) => {
        el.endpoint = failingFirst('packages/assistance-request/fixtures/open311/ville/', 1, 'services.json');
        void clickWhenShown(el, '[part="base"] > button');
      },
      ready: formReady,
    },
    {
      name: 'server-error',
      title: 'The server fails (503)',
      description: 'Every request to the endpoint answers 503 with Retry-After.',
      testOnly: true,
      setup: (el, ctx) => void (el.endpoint = ctx.url('__test/status/503/')),
      ready: (el) => shown(el, '.message.error'),
    },
    {
      name: 'validation-errors',
      title: 'Validation errors',
      description: 'Continue on an incomplete form: the error summary (focused, named by its heading) links to each field; fields carry aria-invalid and their message.',
      attributes: { 'service-code': '101' },
      setup: (el, ctx) => {
        el.endpoint = tree(ctx, 'ville', 'errors');
        void submit(el);
      },
      ready: (el) => shown(el, '#summary ul'),
    },
    {
      name: 'easy-read',
      title: 'Easy to read: validation errors',
      description: 'reading="easy": the form, its hints and its error messages in easy-to-read language, the toggle pressed.',
      attributes: { 'service-code': '101', reading: 'easy' },
      setup: (el, ctx) => {
        el.endpoint = tree(ctx, 'ville', 'easy-read');
        void submit(el);
      },
      ready: (el) => shown(el, '#summary ul'),
    },
    {
      name: 'restored-draft',
      title: 'A draft restored after a reload',
      description: 'Answers typed earlier come back from the device, with a notice and a "start again" button.',
      setup: (el, ctx) => {
        el.endpoint = tree(ctx, 'ville', 'restored');
        writeDraft(el.endpoint, { ...completeAnswers(), phone: '', answer: 'phone' });
      },
      ready: (el) => shown(el, '[part="draft-notice"]'),
    },
    {
      name: 'check-answers',
      title: 'Check your answers',
      description: 'The step before sending: every answer, each with a "change" button back to its field.',
      attributes: { 'min-fill-seconds': '0' },
      setup: (el, ctx) => {
        el.endpoint = tree(ctx, 'ville', 'check');
        writeDraft(el.endpoint, completeAnswers());
        void submit(el);
      },
      ready: (el) => shown(el, '[part="check"]'),
    },
    {
      name: 'outbox',
      title: 'Not sent yet: the request waits on the device',
      description: 'The server cannot be reached: the request stays in the outbox, the person is told plainly, retries go on with backoff and on the online event.',
      setup: (el, ctx) => {
        el.endpoint = tree(ctx, 'ville', 'outbox');
        // Port 9 (discard) refuses connections: a network failure, as when offline.
        writeOutbox(el.endpoint, 'http://127.0.0.1:9/requests.json', 'service_code=204&address_string=Quai+du+Bas+3&description=Tag');
      },
      ready: (el) => shown(el, '[part="outbox"]'),
    },
    {
      name: 'rejected',
      title: 'The server refuses the request',
      description: 'The server answers with the spec\'s error list ([{code, description}]); its descriptions are shown in the error summary.',
      testOnly: true,
      setup: (el, ctx) => {
        el.endpoint = tree(ctx, 'ville', 'rejected');
        writeOutbox(el.endpoint, `${ctx.open311}/requests.json`, 'service_code=999&address_string=Quai+du+Bas+3&description=Inconnu');
      },
      ready: (el) => shown(el, '#summary li'),
    },
    {
      name: 'confirmation',
      title: 'Request sent, with its status',
      description: 'The confirmation: reference number, service notice, what happens next, and the status (GET requests/{id}).',
      testOnly: true,
      attributes: { 'min-fill-seconds': '0' },
      setup: (el, ctx) => {
        el.endpoint = ctx.open311!;
        writeDraft(el.endpoint, completeAnswers());
      },
      ready: async (el) => {
        await submit(el);
        await shown(el, '#send');
        el.shadowRoot!.querySelector<HTMLButtonElement>('#send')!.click();
        await shown(el, '[part="confirmation"]');
        el.shadowRoot!.querySelector<HTMLButtonElement>('#status')!.click();
        await until(() => view(el)?.querySelector('dl'), 8000, 'the status');
      },
    },
  ],
});
