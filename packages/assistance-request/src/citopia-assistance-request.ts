import { html, nothing, type PropertyValues, type TemplateResult, isServer } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { CitopiaElement, formatNumber, primaryLanguage } from '@citopia/core';
import { describeLoadError } from '@citopia/core/fetch';
import { createSafeStorage } from '@citopia/core/storage';
import { safeUrl } from '@citopia/core/safe-url';
import { styles } from './citopia-assistance-request.styles.js';
import { detectFormat, endpointUrl, loadDefinition, loadServices, loadStatus, resolveToken, type Endpoint } from './open311.js';
import type { Attribute, Definition, Format, Receipt, RequestStatus, Service, SpecError } from './open311-format.js';
import { deliver, isRetryable, retryAfterOf, RejectedError, type Outgoing } from './deliver.js';
import { Outbox, type OutboxItem } from './outbox.js';
import { ANSWER_METHODS, NEEDS, emptyAnswers, toJsonBody, toOpen311Body, type Answers } from './answers.js';
import { MAX_DESCRIPTION, attributeFieldId, validate, type Problem } from './validate.js';
import { PARTS, joinDateTime, splitDateTime, type DateTimeParts } from './date-time.js';
import { uploadPhoto } from './upload.js';
import './translations.js';

declare module '@citopia/core' {
  interface CitopiaEventMap {
    'citopia-request-sent': { id?: string; token?: string; notice?: string };
    'citopia-request-queued': { key: string; attempts: number };
    'citopia-request-rejected': { errors: SpecError[] };
    'citopia-privacy-open': { href: string };
  }
}

type View = 'loading' | 'failed' | 'edit' | 'check' | 'queued' | 'done' | 'blocked';

interface Draft {
  id: string;
  startedAt: number;
  savedAt: number;
  answers: Answers;
  mediaName?: string;
}

type Option = [value: string, label: string, hint?: string];
type InputType = 'text' | 'email' | 'tel';
type Autocomplete = 'off' | 'given-name' | 'family-name' | 'email' | 'tel' | 'street-address';

const storage = createSafeStorage('citopia:request:');
/** Whether a write will still be there after a reload: stored, and the device's storage usable (`available`). */
const survivesReload = (persisted: boolean) => persisted && storage.available;
/** Whether the device keeps what is typed now: a full storage still counts as `available`, yet refuses writes. */
function deviceKeeps(): boolean {
  const { persisted } = storage.set('probe', '1');
  storage.remove('probe');
  return survivesReload(persisted);
}
/** A random id; crypto.randomUUID() exists only on https pages, getRandomValues everywhere. */
const randomId = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
const COUNT_FROM = 400;
/** Stands for a data text inside a translated sentence, so that the text can be marked with its own `lang`. */
const HOLE = '\u0000';

/**
 * @summary A person asks the city for help or reports a problem, through Open311 GeoReport v2
 * (or a JSON endpoint), and the request is never lost: the draft is kept on the device, and a
 * request that cannot be sent waits in an outbox until the server confirms it, exactly once.
 *
 * @tag citopia-assistance-request
 *
 * @slot privacy - The link to the city's privacy notice (replaces the `privacy-href` link).
 *
 * @event citopia-request-sent - The server confirmed the request: `{ id?, token?, notice? }`.
 * @event citopia-request-queued - Sending failed for now; the request waits on the device: `{ key, attempts }`.
 * @event citopia-request-rejected - The server refused the request: `{ errors: [{code, description}] }`.
 * @event citopia-privacy-open - The privacy link was activated: `{ href }`. Cancel it to show the notice your own way.
 * @event citopia-reading-change - The person chose easy-to-read or standard language; detail `{ reading }`. Every Citopia component on the page follows.
 *
 * @csspart base - The component's wrapper.
 * @csspart error-summary - The list of problems shown after a submit attempt.
 * @csspart form - The form.
 * @csspart section - Each section of the form.
 * @csspart check - The "check your answers" list.
 * @csspart draft-notice - The notice that answers from an earlier visit were restored.
 * @csspart outbox - The message shown while a request waits on the device.
 * @csspart confirmation - The confirmation after sending.
 * @csspart sending - The visible "Sending…" note beside the button while a request is sent (screen readers hear the live region instead).
 * @csspart button - Every button.
 * @csspart reading-toggle - The "Easy to read" toggle (absent with `hide-reading-toggle`).
 *
 * @cssproperty --citopia-assistance-request-max-width - The largest width of the form (40rem).
 * @cssproperty --citopia-assistance-request-section-gap - Space between the form's sections (2rem).
 */
export class AssistanceRequest extends CitopiaElement {
  static override styles = styles;

  /** Open311 base URL (the city's relay), or the URL the JSON adapter posts to. */
  @property() endpoint = '';
  /** `open311` (form posts to requests.json) or `json` (JSON with an Idempotency-Key header). */
  @property() adapter: 'open311' | 'json' = 'open311';
  /** JSON adapter: base URL of an Open311-shaped service list (services.json, services/CODE.json). */
  @property({ attribute: 'services-src' }) servicesSrc = '';
  /** `json` or `xml`; found through the discovery document when empty. */
  @property() format: '' | Format = '';
  /** The service chosen in advance. */
  @property({ attribute: 'service-code' }) serviceCode = '';
  /** A first description (for example what the person searched for). */
  @property() description = '';
  @property({ attribute: 'jurisdiction-id' }) jurisdictionId = '';
  /** Where photos are posted; without it the form asks for no photo. */
  @property({ attribute: 'upload-url' }) uploadUrl = '';
  /** The privacy notice's address. */
  @property({ attribute: 'privacy-href' }) privacyHref = '';
  /** Asks for a name and a way to reach the person (anonymous requests otherwise allowed). */
  @property({ type: Boolean, attribute: 'require-contact' }) requireContact = false;
  /** Spam check: a request sent sooner than this after the form appeared is asked to wait (0: off). */
  @property({ type: Number, attribute: 'min-fill-seconds' }) minFillSeconds = 3;
  /** Spam check: name of the hidden field only robots fill (empty: no honeypot). */
  @property() honeypot = 'website';
  /** Level of the component's headings (its sections get the next level). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private view: View = 'loading';
  @state() private services: Service[] = [];
  @state() private definition: Definition | undefined;
  @state() private definitionError: unknown;
  /** Date parts as typed ("01", "7.30"), shown while they still make the stored answer. */
  private typedDates = new Map<string, DateTimeParts>();
  /** What the person asked to load again with "Try again" (its outcome gets the focus). */
  @state() private retried: '' | 'form' | 'definition' | 'photo' = '';
  @state() private a: Answers = emptyAnswers();
  @state() private problems: Problem[] = [];
  @state() private serverErrors: SpecError[] | undefined;
  @state() private tooFast = false;
  @state() private error: unknown;
  @state() private notice: '' | 'restored' | 'deleted' = '';
  @state() private geo: '' | 'busy' | 'denied' | 'failed' = '';
  @state() private progress = -1;
  @state() private uploadError: unknown;
  @state() private sending = false;
  @state() private kept = true;
  @state() private receipt: Receipt | undefined;
  @state() private status: RequestStatus | undefined;
  @state() private statusError: unknown;
  @state() private live = '';

  private ep: Endpoint | undefined;
  private outbox: Outbox | undefined;
  private draftId = randomId();
  private startedAt = Date.now();
  private savedAt = 0;
  private mediaName = '';
  private photo: File | undefined;
  private hp = '';
  private noSave = false;
  private loaded = false;
  private run = 0;
  private timers: Record<string, ReturnType<typeof setTimeout>> = {};
  private definitions = new Map<string, Definition>();
  private readonly onOnline = () => void this.outbox?.flush(true);
  /** A reload or a closed tab does not disconnect the element: keep the last keystrokes on pagehide. */
  private readonly onHide = () => this.timers.save && this.save();

  private get draftKey() {
    return `draft:${this.adapter}:${this.endpoint}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('online', this.onOnline);
    addEventListener('pagehide', this.onHide);
    this.outbox?.schedule(); // moved in the page: pending retries resume
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('online', this.onOnline);
    removeEventListener('pagehide', this.onHide);
    this.outbox?.stop();
    this.onHide(); // what was typed in the last moment, too
    Object.values(this.timers).forEach(clearTimeout);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (['endpoint', 'adapter', 'servicesSrc', 'format', 'jurisdictionId'].some((p) => changed.has(p))) {
      this.retried = '';
      void this.load();
    }
    else if (changed.has('dataLanguage') && this.loaded) void this.load(true);
    else if ((changed.has('description') || changed.has('serviceCode')) && this.loaded) {
      this.prefill();
      void this.loadDefinition(this.a.service);
    }
  }

  // ---- loading -------------------------------------------------------------------------------

  /** Reads the draft and the outbox, then the services. `quiet`: the language changed; only data. */
  private async load(quiet = false): Promise<void> {
    const run = ++this.run;
    if (!quiet) {
      this.view = 'loading';
      this.outbox?.stop();
      this.outbox = new Outbox(storage, `outbox:${this.adapter}:${this.endpoint}`, {
        send: (item) => deliver(item),
        retryable: isRetryable,
        retryAfter: retryAfterOf,
        onSent: (item, receipt) => void this.sent(item, receipt),
        onRejected: (_item, error) => this.rejected(error),
        onRetry: (item, error) => this.queued(item, error),
      });
      this.restore();
    }
    const base = this.adapter === 'json' ? this.servicesSrc : this.endpoint;
    try {
      if (base) {
        this.ep = { base, format: this.format || (await detectFormat(base)), jurisdiction: this.jurisdictionId, locale: this.dataLanguage };
        const services = await loadServices(this.ep);
        if (run !== this.run) return;
        this.services = services;
        this.definitions.clear();
      } else if (!this.endpoint) {
        throw new Error('endpoint');
      }
      this.prefill();
      if (this.a.service) await this.loadDefinition(this.a.service);
      if (!quiet) this.view = 'edit';
    } catch (error) {
      if (run !== this.run || quiet) return;
      this.error = error;
      this.view = 'failed';
    } finally {
      this.loaded = true;
    }
    // A request left waiting on this device (a reload, a crash, yesterday's visit) goes first.
    if (!quiet && this.outbox!.items.length) {
      this.view = 'queued';
      void this.outbox!.flush(true);
    }
  }

  private async loadDefinition(code: string): Promise<void> {
    const service = this.services.find((s) => s.code === code);
    this.definitionError = undefined;
    if (!service?.metadata || !this.ep) {
      this.definition = undefined;
      return;
    }
    this.definition = this.definitions.get(code);
    if (this.definition) return;
    try {
      const definition = await loadDefinition(this.ep, code);
      this.definitions.set(code, definition);
      if (this.a.service === code) this.definition = definition;
    } catch (error) {
      if (this.a.service === code) this.definitionError = error;
    }
  }

  // ---- the draft -----------------------------------------------------------------------------

  private restore(): void {
    // A server has no storage, but the browser that hydrates may: do not warn in server output.
    this.kept = isServer || deviceKeeps();
    const draft = storage.getJson<Draft>(this.draftKey);
    if (draft?.answers && draft.id) {
      this.a = { ...emptyAnswers(), ...draft.answers };
      this.draftId = draft.id;
      this.startedAt = draft.startedAt;
      this.savedAt = draft.savedAt;
      this.mediaName = draft.mediaName ?? '';
      this.notice = 'restored';
    }
  }

  /** What the page gives in advance (service-code, description) fills only empty answers: nothing typed is overwritten. */
  private prefill(): void {
    if (!this.a.description && this.description) this.a = { ...this.a, description: this.description };
    if (!this.a.service && this.services.some((s) => s.code === this.serviceCode)) this.a = { ...this.a, service: this.serviceCode };
  }

  private save(): void {
    clearTimeout(this.timers.save);
    delete this.timers.save;
    if (this.noSave) return;
    this.savedAt = Date.now();
    const draft: Draft = { id: this.draftId, startedAt: this.startedAt, savedAt: this.savedAt, answers: this.a, mediaName: this.mediaName };
    this.kept = survivesReload(storage.setJson(this.draftKey, draft).persisted);
  }

  /** Autosave, debounced: one write after the person pauses. */
  private changed(): void {
    clearTimeout(this.timers.save);
    this.timers.save = setTimeout(() => this.save(), 400);
  }

  private startAgain(): void {
    storage.remove(this.draftKey);
    this.a = emptyAnswers();
    this.draftId = randomId();
    this.startedAt = Date.now();
    this.mediaName = '';
    this.photo = undefined;
    this.notice = '';
    this.problems = [];
    this.serverErrors = undefined;
    this.definition = undefined;
    this.receipt = undefined;
    this.status = undefined;
    this.noSave = false;
    this.view = 'edit';
    this.say(() => msg('The form is empty again.', { id: 'ar.draft.cleared' }));
    void this.focus$('#title');
  }

  private deleteDraft(): void {
    storage.remove(this.draftKey);
    clearTimeout(this.timers.save);
    delete this.timers.save;
    this.noSave = true;
    this.notice = 'deleted';
    this.say(() => msg('Your answers were deleted from this device.', { id: 'ar.draft.deleted' }));
  }

  // ---- input ---------------------------------------------------------------------------------

  private onInput(e: Event): void {
    const t = e.target as HTMLInputElement;
    const name = t.name;
    if (!name || t.type === 'file') return;
    if (t.dataset.dateOf) return this.onDateInput(t.dataset.dateOf, t.dataset.field!);
    if (name === this.honeypot) {
      this.hp = t.value;
      return;
    }
    const a: Answers = { ...this.a, attrs: { ...this.a.attrs } };
    const toggle = (list: string[]) => (t.checked ? [...list.filter((v) => v !== t.value), t.value] : list.filter((v) => v !== t.value));
    if (name.startsWith('attr:')) {
      const code = name.slice(5);
      a.attrs[code] = t.type === 'checkbox' ? toggle([a.attrs[code] ?? []].flat()) : t.value;
    } else if (name === 'needs') {
      a.needs = toggle(a.needs);
    } else {
      (a as unknown as Record<string, string>)[name] = t.value;
    }
    this.a = a;
    if (name === 'service') {
      this.retried = '';
      void this.loadDefinition(t.value);
    }
    if (name === 'description') {
      clearTimeout(this.timers.count);
      this.timers.count = setTimeout(() => this.announceCount(), 900);
    }
    this.changed();
  }

  /** A part of a date and time typed: the answer is made of the four fields as they stand. */
  private onDateInput(code: string, id: string): void {
    const read = (part: string) => this.renderRoot.querySelector<HTMLInputElement>(`#${part === 'day' ? id : `${id}-${part}`}`)?.value ?? '';
    const parts = Object.fromEntries(PARTS.map((part) => [part, read(part)])) as unknown as DateTimeParts;
    this.typedDates.set(code, parts);
    this.a = { ...this.a, attrs: { ...this.a.attrs, [code]: joinDateTime(parts) } };
    this.changed();
  }

  /** The remaining characters, announced politely only near the limit (GOV.UK's character count). */
  private announceCount(): void {
    if (MAX_DESCRIPTION - this.a.description.length <= COUNT_FROM) this.say(() => this.countText());
  }

  private countText(): string {
    const left = MAX_DESCRIPTION - this.a.description.length;
    const n = formatNumber(this.locale, Math.abs(left));
    return left >= 0 ? msg(str`Characters remaining: ${n}`, { id: 'ar.count.left' }) : msg(str`Characters too many: ${n}`, { id: 'ar.count.over' });
  }

  /** Puts a sentence (built in this element's language) in the polite live region. */
  private say(sentence: () => string): void {
    const text = this.localize(sentence);
    // The same sentence twice in a row is still announced: alternate a trailing space.
    this.live = this.live === text ? `${text}\u00a0` : text;
  }

  private locate(): void {
    if (!navigator.geolocation) {
      this.geo = 'failed';
      return;
    }
    this.geo = 'busy';
    this.say(() => msg('Looking for your location…', { id: 'ar.geo.busy' }));
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const { latitude, longitude } = position.coords;
        this.a = { ...this.a, lat: Math.round(latitude * 1e6) / 1e6, long: Math.round(longitude * 1e6) / 1e6 };
        this.geo = '';
        this.changed();
        this.say(() => this.placeText());
      },
      (error) => {
        this.geo = error.code === error.PERMISSION_DENIED ? 'denied' : 'failed';
        this.say(() => this.geoText());
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  }

  private forgetPlace(): void {
    this.a = { ...this.a, lat: undefined, long: undefined };
    this.changed();
    void this.focus$('#address');
  }

  private async choosePhoto(e: Event): Promise<void> {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    this.photo = file;
    await this.upload();
  }

  private async upload(): Promise<void> {
    const photo = this.photo;
    if (!photo) return;
    this.uploadError = undefined;
    this.progress = 0;
    try {
      const url = await uploadPhoto(this.uploadUrl, photo, (fraction) => (this.progress = fraction));
      this.a = { ...this.a, media: url };
      this.mediaName = photo.name;
      this.changed();
      this.say(() => msg(str`Photo added: ${photo.name}`, { id: 'ar.photo.added' }));
    } catch (error) {
      this.uploadError = error;
    } finally {
      this.progress = -1;
    }
  }

  private removePhoto(): void {
    this.a = { ...this.a, media: '' };
    this.mediaName = '';
    this.photo = undefined;
    this.changed();
    void this.focus$('#photo');
  }

  private privacyClick(e: Event): void {
    if (this.emit('citopia-privacy-open', { href: this.privacyHref }, { cancelable: true })) e.preventDefault();
  }

  // ---- steps ---------------------------------------------------------------------------------

  /**
   * "Try again" pressed (the form, a service's questions, the photo): the button goes away, so
   * the focus moves to what replaces it, the refreshed content or the new message, which the
   * focus move says (no alert as well: said once, not twice).
   */
  private async retry(what: 'form' | 'definition' | 'photo'): Promise<void> {
    this.retried = what;
    if (what === 'form') await this.load();
    else if (what === 'definition') await this.loadDefinition(this.a.service);
    else await this.upload();
    const root = this.renderRoot;
    const target =
      what === 'form'
        ? this.view === 'failed' ? '.message.error' : '#title'
        : what === 'definition'
          ? this.definitionError ? '#what-error' : `#${attributeFieldId(this.definition?.attributes.findIndex((a) => a.variable) ?? -1)}, #description`
          : this.uploadError ? '#photo-error' : '#photo';
    await this.moveFocusAfterUpdate(() => root.querySelector<HTMLElement>(target));
  }

  private async focus$(selector: string): Promise<void> {
    await this.updateComplete;
    const el = this.renderRoot.querySelector<HTMLElement>(selector);
    el?.focus();
    el?.scrollIntoView?.({ block: 'center' });
  }

  private problemsNow(): Problem[] {
    return validate(this.a, { hasServices: this.services.length > 0, definition: this.definition, requireContact: this.requireContact });
  }

  /** "Continue": problems go to the error summary (focused); otherwise "check your answers". */
  private onContinue(e: Event): void {
    e.preventDefault();
    this.serverErrors = undefined;
    this.problems = this.problemsNow();
    if (this.definitionError || (this.a.service && this.services.find((s) => s.code === this.a.service)?.metadata && !this.definition)) {
      void this.focus$('#what-retry');
      return;
    }
    if (this.problems.length || this.progress >= 0) {
      void this.focus$('#summary');
      return;
    }
    this.save();
    this.view = 'check';
    void this.focus$('#title');
  }

  private change(field: string): void {
    this.view = 'edit';
    void this.focus$(`#${field}`);
  }

  private async send(): Promise<void> {
    if (this.sending) return;
    if (this.honeypot && this.hp) {
      this.view = 'blocked';
      return;
    }
    if ((Date.now() - this.startedAt) / 1000 < this.minFillSeconds) {
      this.tooFast = true;
      void this.focus$('#summary');
      return;
    }
    this.tooFast = false;
    const json = this.adapter === 'json';
    const ctx = { key: this.draftId, language: this.dataLanguage, jurisdiction: this.jurisdictionId };
    const format = this.ep?.format ?? 'json';
    const item: Outgoing = {
      key: this.draftId,
      adapter: json ? 'json' : 'open311',
      format,
      url: json ? this.endpoint : endpointUrl({ base: this.endpoint, format }, 'requests', false),
      body: json ? toJsonBody(this.a, this.definition, ctx) : toOpen311Body(this.a, this.definition, ctx),
      createdAt: Date.now(),
    };
    this.save();
    this.kept = survivesReload(this.outbox!.add(item));
    await this.sendNow();
  }

  /** Sends what waits in the outbox now; a second press meanwhile does nothing. */
  private async sendNow(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    this.say(() => msg('Sending your request…', { id: 'ar.sending' }));
    try {
      await this.outbox!.flush(true);
    } finally {
      this.sending = false;
    }
  }

  private async sent(item: OutboxItem, receipt: Receipt): Promise<void> {
    if (item.key === this.draftId || storage.getJson<Draft>(this.draftKey)?.id === item.key) {
      storage.remove(this.draftKey);
      clearTimeout(this.timers.save);
      delete this.timers.save;
      this.noSave = true;
      this.notice = '';
    }
    this.receipt = receipt;
    this.status = undefined;
    this.statusError = undefined;
    this.view = 'done';
    if (!receipt.id && receipt.token) await this.resolve();
    this.emit('citopia-request-sent', { id: this.receipt.id, token: receipt.token, notice: receipt.notice });
    // The focused heading says "sent"; the announcement adds what it does not: the reference.
    const { id, token } = this.receipt;
    this.say(() =>
      id
        ? `${msg('Your reference number:', { id: 'ar.done.reference' })} ${id}`
        : `${msg('Your request was received. Its reference number is not ready yet; keep this code to ask about it:', { id: 'ar.done.token' })} ${token ?? ''}`,
    );
    void this.focus$('#title');
  }

  /** tokens/{token} until the server has given the request its number (a few tries). */
  private async resolve(): Promise<void> {
    for (const wait of [0, 1000, 2000]) {
      await new Promise((r) => setTimeout(r, wait));
      try {
        const id = await resolveToken(this.ep ?? { base: this.endpoint, format: 'json' }, this.receipt!.token!);
        if (id) {
          this.receipt = { ...this.receipt, id };
          return;
        }
      } catch {
        /* not yet: the token stays the reference */
      }
    }
  }

  private rejected(error: unknown): void {
    this.serverErrors = error instanceof RejectedError ? error.errors : [];
    this.error = error;
    this.view = 'edit';
    this.emit('citopia-request-rejected', { errors: this.serverErrors });
    void this.focus$('#summary');
  }

  private queued(item: OutboxItem, error: unknown): void {
    this.error = error;
    const entering = this.view !== 'queued';
    if (entering) {
      this.view = 'queued';
      void this.focus$('#title');
    }
    this.emit('citopia-request-queued', { key: item.key, attempts: item.attempts });
    // Said when it first waits, and after the person's own "try now"; not again at each automatic retry.
    if (entering || this.sending) this.say(() => msg('Not sent yet. Your request is kept and will be sent automatically.', { id: 'ar.queued.live' }));
  }

  private async checkStatus(): Promise<void> {
    this.statusError = undefined;
    try {
      if (!this.receipt!.id) await this.resolve();
      this.status = this.receipt!.id ? await loadStatus(this.ep ?? { base: this.endpoint, format: 'json' }, this.receipt!.id, this.receipt!.statusUrl) : undefined;
      if (!this.status) throw new Error('status');
    } catch (error) {
      this.statusError = error;
    }
  }

  // ---- rendering -----------------------------------------------------------------------------

  override render() {
    return html`<div part="base" class="base">
      <div class="visually-hidden" role="status">${this.live}</div>
      ${this.renderReadingToggle()}${this.renderView()}
    </div>`;
  }

  private renderView(): TemplateResult | typeof nothing {
    switch (this.view) {
      case 'loading':
        return html`<p class="muted">${msg('Loading the form…', { id: 'ar.loading' })}</p>`;
      case 'failed':
        return html`${this.heading(msg('The form could not be loaded', { id: 'ar.failed.title' }))}
          <p class="message error" role=${ifDefined(this.retried === 'form' ? undefined : 'alert')}>${describeLoadError(this.error)}</p>
          ${this.button(msg('Try again', { id: 'ar.retry' }), () => void this.retry('form'))}`;
      case 'check':
        return this.renderCheck();
      case 'queued':
        return this.renderQueued();
      case 'done':
        return this.renderDone();
      case 'blocked':
        return html`${this.heading(msg('Your request could not be sent', { id: 'ar.blocked.title' }))}
          <p class="message error">${msg('Please contact the city by phone or at the counter.', { id: 'ar.blocked.text' })}</p>`;
      default:
        return this.renderForm();
    }
  }

  private heading(text: string, sub = 0, id = sub ? undefined : 'title') {
    return html`<div role="heading" aria-level=${this.headingLevel + sub} class="h${sub}" id=${ifDefined(id)} tabindex=${ifDefined(id ? -1 : undefined)}>${text}</div>`;
  }

  private button(label: string, click: () => void, secondary = false, id?: string) {
    return html`<button type="button" part="button" class=${secondary ? 'secondary' : ''} id=${ifDefined(id)} @click=${click}>${label}</button>`;
  }

  private linkButton(label: string, click: () => void, hidden = '', hiddenLang?: string) {
    return html`<button type="button" part="button" class="link" @click=${click}>${label}${hidden ? html`<span class="visually-hidden" lang=${ifDefined(this.other(hiddenLang))}> ${hidden}</span>` : ''}</button>`;
  }

  /** `lang` for a text of the server's when it is not in the page's language (screen readers then switch voice). */
  private other(lang: string | undefined): string | undefined {
    return lang && primaryLanguage(lang) !== primaryLanguage(this.dataLanguage) ? lang : undefined;
  }

  /** A server's text, marked with its `lang` when it differs from the page's. */
  private marked(text: string, lang?: string) {
    const other = this.other(lang);
    return other ? html`<span lang=${other}>${text}</span>` : text;
  }

  /** A translated sentence around a server's text (`build` gets the text's place), the text marked with its `lang`. */
  private around(build: (text: string) => string, text: string, lang?: string) {
    if (!this.other(lang)) return build(text);
    const [before = '', after = ''] = build(HOLE).split(HOLE);
    return html`${before}${this.marked(text, lang)}${after}`;
  }

  private problem(id: string): Problem | undefined {
    return this.problems.find((p) => p.field === id);
  }

  private describedBy(id: string, hint?: string, extra = '') {
    return [hint && `${id}-hint`, this.problem(id) && `${id}-error`, extra].filter(Boolean).join(' ') || nothing;
  }

  private hintAndError(id: string, hint?: string, lang?: string) {
    const p = this.problem(id);
    return html`${hint ? html`<div class="hint" id="${id}-hint" dir="auto" lang=${ifDefined(this.other(lang))}>${hint}</div>` : ''}${p
      ? html`<p class="error" id="${id}-error"><span class="visually-hidden">${msg('Error:', { id: 'ar.error.prefix' })}</span> ${this.problemText(p)}</p>`
      : ''}`;
  }

  private optional(text: string, optional?: boolean, lang?: string) {
    return optional ? this.around((text) => msg(str`${text} (optional)`, { id: 'ar.optional' }), text, lang) : this.marked(text, lang);
  }

  /** A text control: input (any type) or textarea, with its label, hint and error in this root. */
  private control(id: string, name: string, label: string, value: string, o: { type?: InputType; auto?: Autocomplete; hint?: string; optional?: boolean; multiline?: boolean; mode?: string; extra?: string; lang?: string } = {}) {
    const p = this.problem(id);
    const described = this.describedBy(id, o.hint, o.extra);
    return html`<div class="field ${p ? 'invalid' : ''}">
      <label for=${id} dir="auto">${this.optional(label, o.optional, o.lang)}</label>${this.hintAndError(id, o.hint, o.lang)}
      ${o.multiline
        ? html`<textarea id=${id} name=${name} dir="auto" rows="5" autocomplete=${o.auto ?? 'off'} .value=${value} aria-describedby=${described} aria-invalid=${p ? 'true' : 'false'} ?required=${!o.optional}></textarea>`
        : html`<input id=${id} name=${name} dir="auto" type=${o.type ?? 'text'} autocomplete=${o.auto ?? 'off'} inputmode=${o.mode ?? nothing} .value=${value} aria-describedby=${described} aria-invalid=${p ? 'true' : 'false'} ?required=${!o.optional} />`}
    </div>`;
  }

  /** Radios (a few options), a select (many) or checkboxes (several answers), in a fieldset. */
  private choice(id: string, name: string, legend: string, options: Option[], value: string | string[], o: { hint?: string; optional?: boolean; multi?: boolean; lang?: string; optionLang?: string } = {}) {
    const p = this.problem(id);
    const invalid = p ? 'true' : 'false';
    const chosen = [value].flat();
    if (!o.multi && options.length > 6) {
      return html`<div class="field ${p ? 'invalid' : ''}">
        <label for=${id} dir="auto">${this.optional(legend, o.optional, o.lang)}</label>${this.hintAndError(id, o.hint, o.lang)}
        <select id=${id} name=${name} aria-describedby=${this.describedBy(id, o.hint)} aria-invalid=${invalid} ?required=${!o.optional}>
          <option value="" ?selected=${!chosen[0]}>${msg('Choose…', { id: 'ar.choose' })}</option>
          ${options.map(([v, label]) => html`<option value=${v} ?selected=${chosen.includes(v)} lang=${ifDefined(this.other(o.optionLang))}>${label}</option>`)}
        </select>
      </div>`;
    }
    return html`<fieldset class="field ${p ? 'invalid' : ''}" aria-describedby=${this.describedBy(id, o.hint)}>
      <legend dir="auto">${this.optional(legend, o.optional, o.lang)}</legend>${this.hintAndError(id, o.hint, o.lang)}
      ${options.map(([v, label, hint], i) => {
        const oid = i ? `${id}-${i}` : id;
        return html`<div class="option">
          <input id=${oid} type=${o.multi ? 'checkbox' : 'radio'} name=${name} .value=${v} .checked=${chosen.includes(v)} aria-invalid=${invalid} aria-describedby=${hint ? `${oid}-hint` : nothing} />
          <label for=${oid} dir="auto" lang=${ifDefined(this.other(o.optionLang))}>${label}</label>${hint ? html`<div class="hint" id="${oid}-hint" dir="auto" lang=${ifDefined(this.other(o.optionLang))}>${hint}</div>` : ''}
        </div>`;
      })}
    </fieldset>`;
  }

  private renderAttribute(attr: Attribute, index: number) {
    const lang = this.definition?.lang;
    if (!attr.variable) return html`<p class="message" dir="auto" lang=${ifDefined(this.other(lang))}>${attr.description}</p>`;
    const id = attributeFieldId(index);
    const name = `attr:${attr.code}`;
    const value = this.a.attrs[attr.code] ?? '';
    const o = { hint: attr.hint, optional: !attr.required, lang, optionLang: lang };
    if (attr.datatype.endsWith('list')) return this.choice(id, name, attr.description, attr.values.map((v) => [v.key, v.name]), value, { ...o, multi: attr.datatype === 'multivaluelist' });
    if (attr.datatype === 'datetime') return this.dateTime(id, attr.code, attr.description, [value].flat().join(), o);
    return this.control(id, name, attr.description, [value].flat().join(), {
      ...o,
      type: 'text',
      multiline: attr.datatype === 'text',
      mode: attr.datatype === 'number' ? 'decimal' : undefined,
    });
  }

  /** A date and time: day, month, year and time fields in a fieldset (see date-time.ts). */
  private dateTime(id: string, code: string, legend: string, value: string, o: { hint?: string; optional?: boolean }) {
    const p = this.problem(id);
    const typed = this.typedDates.get(code);
    const parts = typed && joinDateTime(typed) === value ? typed : splitDateTime(value);
    const hint = [o.hint, msg('For example: 1 3 2025, 07:30', { id: 'ar.datetime.hint' })].filter(Boolean).join(' ');
    const labels: Record<string, string> = {
      day: msg('Day', { id: 'ar.datetime.day' }),
      month: msg('Month', { id: 'ar.datetime.month' }),
      year: msg('Year', { id: 'ar.datetime.year' }),
      time: msg('Time', { id: 'ar.datetime.time' }),
    };
    return html`<fieldset class="field ${p ? 'invalid' : ''}" aria-describedby=${this.describedBy(id, hint)}>
      <legend dir="auto">${this.optional(legend, o.optional)}</legend>${this.hintAndError(id, hint)}
      <div class="date-time">
        ${PARTS.map((part) => {
          const fid = part === 'day' ? id : `${id}-${part}`;
          return html`<div class="date-part ${part}">
            <label for=${fid}>${labels[part]}</label>
            <input id=${fid} name="date:${code}:${part}" data-date-of=${code} data-field=${id} inputmode="numeric" autocomplete="off" .value=${parts[part]} aria-invalid=${p ? 'true' : 'false'} ?required=${!o.optional} />
          </div>`;
        })}
      </div>
    </fieldset>`;
  }

  private renderSummary() {
    const items: TemplateResult[] = [];
    if (this.tooFast) items.push(html`<li>${msg('Please take a moment to check your answers, then send them again.', { id: 'ar.too-fast' })}</li>`);
    if (this.serverErrors) {
      const list = this.serverErrors.length ? this.serverErrors.map((e) => e.description) : [describeLoadError(this.error)];
      items.push(...list.map((text) => html`<li dir="auto">${text}</li>`));
    }
    if (this.progress >= 0) items.push(html`<li>${msg('Wait until the photo is uploaded.', { id: 'ar.photo.wait' })}</li>`);
    for (const p of this.problems) {
      items.push(html`<li><a href="#${p.field}" @click=${(e: Event) => (e.preventDefault(), void this.focus$(`#${p.field}`))}>${this.problemText(p)}</a></li>`);
    }
    // Focused when it shows, so a screen reader reads it once, as a group named by its heading
    // (an alert as well would have it said twice).
    const shown = items.length > 0;
    return html`<div id="summary" part="error-summary" class="summary ${shown ? 'shown' : ''}" role=${ifDefined(shown ? 'group' : undefined)} aria-labelledby=${ifDefined(shown ? 'summary-title' : undefined)} tabindex="-1">
      ${shown ? html`${this.heading(msg('There is a problem', { id: 'ar.summary.title' }), 1, 'summary-title')}<ul>${items}</ul>` : ''}
    </div>`;
  }

  private problemText(p: Problem) {
    const q = p.attribute?.description ?? '';
    const lang = this.definition?.lang;
    switch (p.kind) {
      case 'service':
        return msg('Choose what your request is about', { id: 'ar.error.service' });
      case 'attr-required':
        return this.around((q) => msg(str`Answer the question “${q}”`, { id: 'ar.error.attr-required' }), q, lang);
      case 'attr-choose':
        return this.around((q) => msg(str`Choose an answer to “${q}”`, { id: 'ar.error.attr-choose' }), q, lang);
      case 'attr-number':
        return this.around((q) => msg(str`The answer to “${q}” must be a number, like 12 or 2.5`, { id: 'ar.error.attr-number' }), q, lang);
      case 'attr-datetime':
        return this.around((q) => msg(str`The answer to “${q}” must be a date and time`, { id: 'ar.error.attr-datetime' }), q, lang);
      case 'description':
        return msg('Describe the problem or what you need', { id: 'ar.error.description' });
      case 'description-long':
        return msg(str`The description must be ${formatNumber(this.locale, MAX_DESCRIPTION)} characters or fewer`, { id: 'ar.error.description-long' });
      case 'where':
        return msg('Enter an address or a description of the place, or use your location', { id: 'ar.error.where' });
      case 'name':
        return msg('Enter your first name or last name', { id: 'ar.error.name' });
      case 'reach':
        return msg('Give us an email address, a phone number or a postal address', { id: 'ar.error.reach' });
      case 'email':
        return msg('Enter your email address, so that we can answer you by email', { id: 'ar.error.email' });
      case 'email-format':
        return msg('Enter an email address in the correct format, like name@example.ch', { id: 'ar.error.email-format' });
      case 'phone':
        return msg('Enter your phone number, so that we can call you', { id: 'ar.error.phone' });
      case 'phone-format':
        return msg('Enter a phone number, like 032 000 00 00 or +41 32 000 00 00', { id: 'ar.error.phone-format' });
      case 'answer':
        return msg('Choose how we should answer you', { id: 'ar.error.answer' });
      case 'postal':
        return msg('Enter your postal address, so that we can answer you by post', { id: 'ar.error.postal' });
      case 'needs-other':
        return msg('Tell us what you need', { id: 'ar.error.needs-other' });
    }
  }

  private answerLabel(method: string): string {
    return {
      email: msg('By email', { id: 'ar.answer.email' }),
      phone: msg('By phone', { id: 'ar.answer.phone' }),
      post: msg('By post', { id: 'ar.answer.post' }),
      none: msg('No answer needed', { id: 'ar.answer.none' }),
    }[method] ?? '';
  }

  private needLabel(need: string): string {
    return {
      interpreter: msg('An interpreter (tell us the language)', { id: 'ar.need.interpreter' }),
      'sign-language': msg('Sign language', { id: 'ar.need.sign-language' }),
      'easy-read': msg('An answer in easy-to-read language', { id: 'ar.need.easy-read' }),
      'large-print': msg('Large print', { id: 'ar.need.large-print' }),
      other: msg('Something else', { id: 'ar.need.other' }),
    }[need] ?? need;
  }

  private placeText(): string {
    return msg(str`Location found: ${this.a.lat}, ${this.a.long}`, { id: 'ar.geo.found' });
  }

  private geoText(): string {
    return this.geo === 'denied'
      ? msg('This page may not use your location. That is fine: enter the address or describe the place instead.', { id: 'ar.geo.denied' })
      : msg('Your location could not be found. Enter the address or describe the place instead.', { id: 'ar.geo.failed' });
  }

  private renderNotices() {
    const date = new Date(this.savedAt || Date.now());
    return html`${this.notice === 'restored'
      ? html`<div class="message" part="draft-notice">
          <p>${msg(str`We kept the answers you started writing on ${this.date(date.toISOString())}.`, { id: 'ar.draft.restored' })}</p>
          ${this.button(msg('Start again', { id: 'ar.draft.start-again' }), () => this.startAgain(), true)}
        </div>`
      : ''}
    ${this.notice === 'deleted' ? html`<p class="message">${msg('Your answers were deleted from this device. What you type now is not saved.', { id: 'ar.draft.deleted-notice' })}</p>` : ''}
    ${!this.kept && this.notice !== 'deleted'
      ? html`<p class="message warning">${msg('This browser cannot keep your answers (storage is off or full). If you leave or reload the page, they will be lost.', { id: 'ar.draft.unavailable' })}</p>`
      : ''}`;
  }

  private renderForm() {
    const a = this.a;
    const service = this.services.find((s) => s.code === a.service);
    const located = a.lat !== undefined;
    const left = MAX_DESCRIPTION - a.description.length;
    return html`${this.heading(msg('Your request', { id: 'ar.form.title' }))}
      ${this.renderNotices()} ${this.renderSummary()}
      <form part="form" novalidate @input=${this.onInput} @submit=${this.onContinue}>
        <p class="muted">${msg('Questions marked “optional” may be left empty.', { id: 'ar.form.intro' })}</p>
        <section part="section">
          ${this.heading(msg('What is it about?', { id: 'ar.what.title' }), 1)}
          ${this.services.length ? this.choice('service', 'service', msg('Subject', { id: 'ar.what.service' }), this.services.map((s) => [s.code, s.name, s.description]), a.service, { optionLang: this.services[0]?.lang }) : ''}
          ${service?.metadata && !this.definition
            ? this.definitionError
              ? html`<p class="message error" id="what-error" role=${ifDefined(this.retried === 'definition' ? undefined : 'alert')}>${describeLoadError(this.definitionError)}</p>${this.button(msg('Try again', { id: 'ar.retry' }), () => void this.retry('definition'), false, 'what-retry')}`
              : html`<p class="muted" id="what-retry" tabindex="-1">${msg('Loading the questions…', { id: 'ar.what.loading' })}</p>`
            : ''}
          ${this.definition?.attributes.map((attr, i) => this.renderAttribute(attr, i))}
          ${this.control('description', 'description', msg('Description', { id: 'ar.description.label' }), a.description, {
            multiline: true,
            hint: msg(str`What happened, since when, and anything that helps. Up to ${formatNumber(this.locale, MAX_DESCRIPTION)} characters.`, { id: 'ar.description.hint' }),
          })}
          <div class="count ${left < 0 ? 'over' : ''}" aria-hidden="true">${this.countText()}</div>
          ${this.uploadUrl ? this.renderPhoto() : ''}
        </section>
        <section part="section">
          ${this.heading(msg('Where?', { id: 'ar.where.title' }), 1)}
          ${this.control('address', 'address', msg('Address or description of the place', { id: 'ar.where.address' }), a.address, {
            optional: located,
            hint: msg('For example: Rue du Marché 12, or “bus stop Gare, towards the lake”', { id: 'ar.where.hint' }),
            extra: 'geo-text',
          })}
          <div class="geo">
            ${this.button(msg('Use my location', { id: 'ar.geo.use' }), () => this.locate(), true)}
            <p id="geo-text" class=${this.geo === 'denied' || this.geo === 'failed' ? 'message warning' : 'muted'}>
              ${this.geo === 'busy' ? msg('Looking for your location…', { id: 'ar.geo.busy' }) : this.geo ? this.geoText() : located ? this.placeText() : ''}
            </p>
            ${located ? this.linkButton(msg('Remove the location', { id: 'ar.geo.remove' }), () => this.forgetPlace()) : ''}
          </div>
        </section>
        <section part="section">
          ${this.heading(msg('About you', { id: 'ar.who.title' }), 1)}
          <p class="muted">
            ${this.requireContact
              ? msg('The city needs to know who is asking, and how to reach you.', { id: 'ar.who.required' })
              : msg('You may stay anonymous. Without a way to reach you, we cannot answer or ask questions.', { id: 'ar.who.optional' })}
          </p>
          ${this.control('first', 'first', msg('First name', { id: 'ar.who.first' }), a.first, { auto: 'given-name', optional: true })}
          ${this.control('last', 'last', msg('Last name', { id: 'ar.who.last' }), a.last, { auto: 'family-name', optional: true })}
          ${this.control('email', 'email', msg('Email address', { id: 'ar.who.email' }), a.email, { type: 'email', auto: 'email', optional: a.answer !== 'email' })}
          ${this.control('phone', 'phone', msg('Phone number', { id: 'ar.who.phone' }), a.phone, { type: 'tel', auto: 'tel', optional: a.answer !== 'phone' })}
          ${this.choice(
            'answer-email',
            'answer',
            msg('How should we answer you?', { id: 'ar.answer.legend' }),
            ANSWER_METHODS.map((m) => [m, this.answerLabel(m)]),
            a.answer,
          )}
          ${a.answer === 'post' ? this.control('postal', 'postal', msg('Postal address', { id: 'ar.who.postal' }), a.postal, { multiline: true, auto: 'street-address' }) : ''}
        </section>
        <section part="section">
          ${this.heading(msg('Accessibility needs', { id: 'ar.needs.title' }), 1)}
          ${this.choice('needs', 'needs', msg('Do you need any of these to talk with us?', { id: 'ar.needs.legend' }), NEEDS.map((n) => [n, this.needLabel(n)]), a.needs, {
            multi: true,
            optional: true,
          })}
          ${a.needs.includes('other') || a.needs.includes('interpreter')
            ? this.control('needs-other', 'needsOther', msg('Language or need', { id: 'ar.needs.details' }), a.needsOther, { optional: !a.needs.includes('other') })
            : ''}
        </section>
        ${this.renderData()}
        ${this.honeypot
          ? html`<div class="hp" aria-hidden="true"><label for="hp">${msg('Leave this field empty', { id: 'ar.hp' })}</label><input id="hp" name=${this.honeypot} tabindex="-1" autocomplete="off" /></div>`
          : ''}
        <button type="submit" part="button">${msg('Continue', { id: 'ar.continue' })}</button>
      </form>`;
  }

  private renderPhoto() {
    const uploading = this.progress >= 0;
    return html`<div class="field">
      <label for="photo">${this.optional(msg('Photo', { id: 'ar.photo.label' }), true)}</label>
      <div class="hint" id="photo-hint">${msg('A photo helps the team find and understand the problem.', { id: 'ar.photo.hint' })}</div>
      ${this.uploadError
        ? html`<p class="error" id="photo-error">${msg('The photo could not be sent.', { id: 'ar.photo.failed' })} ${describeLoadError(this.uploadError)}</p>
            ${this.button(msg('Try again', { id: 'ar.retry' }), () => void this.retry('photo'), true)}`
        : ''}
      <input id="photo" type="file" accept="image/*" aria-describedby="photo-hint${this.uploadError ? ' photo-error' : ''}" @change=${this.choosePhoto} />
      ${uploading ? html`<progress max="100" .value=${Math.round(this.progress * 100)} aria-label=${msg('Uploading the photo', { id: 'ar.photo.progress' })}></progress>` : ''}
      ${this.a.media && !uploading
        ? html`<p>${msg(str`Photo added: ${this.mediaName}`, { id: 'ar.photo.added' })} ${this.linkButton(msg('Remove the photo', { id: 'ar.photo.remove' }), () => this.removePhoto())}</p>`
        : ''}
    </div>`;
  }

  private renderData() {
    const href = safeUrl(this.privacyHref);
    return html`<section part="section">
      ${this.heading(msg('Your data', { id: 'ar.data.title' }), 1)}
      <p>${msg('The city uses your answers only to deal with this request. Your name and contact details are never published.', { id: 'ar.data.text' })}</p>
      <p>${msg('Until you send it, your request is kept only on this device, so that nothing is lost.', { id: 'ar.data.device' })}</p>
      <slot name="privacy">${href ? html`<p><a href=${href} @click=${this.privacyClick}>${msg('How the city protects your data', { id: 'ar.data.link' })}</a></p>` : ''}</slot>
      ${this.notice !== 'deleted' ? this.linkButton(msg('Delete my answers from this device', { id: 'ar.draft.delete' }), () => this.deleteDraft()) : ''}
    </section>`;
  }

  private date(value: string): string {
    const date = new Date(value);
    if (!value || Number.isNaN(date.getTime())) return value;
    const tag = this.dataLanguage.startsWith(this.locale) ? this.dataLanguage : this.locale;
    return new Intl.DateTimeFormat(this.locale === 'ar' ? 'ar-u-nu-latn' : tag, { dateStyle: 'long', timeStyle: 'short' }).format(date);
  }

  /** label, value, the field "Change" goes back to, and the languages of label and value when they are the server's. */
  private rows(): Array<[string, string, string, string?, string?]> {
    const a = this.a;
    const none = msg('Not given', { id: 'ar.check.none' });
    const rows: Array<[string, string, string, string?, string?]> = [];
    const service = this.services.find((s) => s.code === a.service);
    const lang = this.definition?.lang;
    if (service) rows.push([msg('Subject', { id: 'ar.what.service' }), service.name, 'service', undefined, service.lang]);
    this.definition?.attributes.forEach((attr, i) => {
      if (!attr.variable) return;
      const value = [a.attrs[attr.code] ?? []].flat().filter(Boolean);
      const names = value.map((v) => attr.values.find((x) => x.key === v)?.name ?? (attr.datatype === 'datetime' ? this.date(v) : v));
      const fromList = value.length > 0 && value.every((v) => attr.values.some((x) => x.key === v));
      rows.push([attr.description, names.join(', ') || none, attributeFieldId(i), lang, fromList ? lang : undefined]);
    });
    rows.push([msg('Description', { id: 'ar.description.label' }), a.description.trim(), 'description']);
    const place = [a.address.trim(), a.lat !== undefined ? `${a.lat}, ${a.long}` : ''].filter(Boolean).join(' · ');
    rows.push([msg('Where?', { id: 'ar.where.title' }), place, 'address']);
    if (this.uploadUrl) rows.push([msg('Photo', { id: 'ar.photo.label' }), a.media ? this.mediaName : none, 'photo']);
    const name = `${a.first.trim()} ${a.last.trim()}`.trim();
    rows.push([msg('Name', { id: 'ar.check.name' }), name || msg('Anonymous', { id: 'ar.check.anonymous' }), 'first']);
    rows.push([msg('Email address', { id: 'ar.who.email' }), a.email.trim() || none, 'email']);
    rows.push([msg('Phone number', { id: 'ar.who.phone' }), a.phone.trim() || none, 'phone']);
    rows.push([msg('How should we answer you?', { id: 'ar.answer.legend' }), this.answerLabel(a.answer), 'answer-email']);
    if (a.answer === 'post') rows.push([msg('Postal address', { id: 'ar.who.postal' }), a.postal.trim(), 'postal']);
    const needs = [...a.needs.map((n) => this.needLabel(n)), a.needsOther.trim()].filter(Boolean).join(', ');
    rows.push([msg('Accessibility needs', { id: 'ar.needs.title' }), needs || none, 'needs']);
    return rows;
  }

  private renderCheck() {
    return html`${this.heading(msg('Check your answers before sending', { id: 'ar.check.title' }))} ${this.renderSummary()}
      <dl part="check" class="check">
        ${this.rows().map(
          ([label, value, field, labelLang, valueLang]) => html`<div class="row">
            <dt dir="auto" lang=${ifDefined(this.other(labelLang))}>${label}</dt>
            <dd dir="auto" lang=${ifDefined(this.other(valueLang))}>${value}</dd>
            <dd>${this.linkButton(msg('Change', { id: 'ar.check.change' }), () => this.change(field), label, labelLang)}</dd>
          </div>`,
        )}
      </dl>
      <p>${msg('By sending this request, you confirm that the information is correct to the best of your knowledge.', { id: 'ar.check.confirm' })}</p>
      <div class="actions">
        <button type="button" part="button" id="send" @click=${() => void this.send()}>${msg('Send the request', { id: 'ar.check.send' })}</button>
        ${this.sending ? this.sendingNote() : nothing}
        ${this.button(msg('Back to the form', { id: 'ar.check.back' }), () => this.change('title'), true)}
      </div>`;
  }

  /**
   * While sending, the focused button keeps its name and state (a control that changes under
   * the focus is read again: a second announcement of what the live region already says once);
   * send() ignores a second press. Sighted people see this note beside it instead.
   */
  private sendingNote() {
    return html`<p class="sending" part="sending" aria-hidden="true">${msg('Sending…', { id: 'ar.check.sending' })}</p>`;
  }

  private renderQueued() {
    return html`${this.heading(msg('Your request is not sent yet', { id: 'ar.queued.title' }))}
      <div class="message warning" part="outbox">
        <p>${describeLoadError(this.error)}</p>
        <p>
          ${this.kept
            ? msg('It is kept on this device and will be sent automatically as soon as possible, also the next time you open this page.', { id: 'ar.queued.kept' })
            : msg('This device cannot keep it: leave this page open, and we will keep trying.', { id: 'ar.queued.not-kept' })}
        </p>
        <button type="button" part="button" @click=${() => void this.sendNow()}>${msg('Try to send it now', { id: 'ar.queued.retry' })}</button>
        ${this.sending ? this.sendingNote() : nothing}
      </div>`;
  }

  private renderDone() {
    const r = this.receipt!;
    const a = this.a;
    const next = {
      email: msg(str`We will answer you by email at ${a.email}.`, { id: 'ar.next.email' }),
      phone: msg(str`We will call you at ${a.phone}.`, { id: 'ar.next.phone' }),
      post: msg('We will answer you by post.', { id: 'ar.next.post' }),
    }[a.answer as string];
    const s = this.status;
    return html`${this.heading(msg('Your request has been sent', { id: 'ar.done.title' }))}
      <div part="confirmation" class="message success">
        ${r.id
          ? html`<p>${msg('Your reference number:', { id: 'ar.done.reference' })} <strong class="ref">${r.id}</strong></p>`
          : html`<p>${msg('Your request was received. Its reference number is not ready yet; keep this code to ask about it:', { id: 'ar.done.token' })} <strong class="ref">${r.token}</strong></p>`}
        ${r.notice ? html`<p dir="auto">${r.notice}</p>` : ''}
      </div>
      ${this.heading(msg('What happens next', { id: 'ar.next.title' }), 1)}
      <p>${msg('The team in charge reads your request and deals with it. Keep your reference number: you need it to ask about your request.', { id: 'ar.next.text' })}</p>
      ${next ? html`<p>${next}</p>` : ''}
      ${this.button(msg('Check the status', { id: 'ar.status.check' }), () => void this.checkStatus(), true, 'status')}
      <div aria-live="polite">
        ${s
          ? html`<dl class="check">
              ${[
                [msg('Status', { id: 'ar.status.status' }), { open: msg('Open', { id: 'ar.status.open' }), closed: msg('Closed', { id: 'ar.status.closed' }) }[s.status] ?? s.status],
                [msg('Notes', { id: 'ar.status.notes' }), s.notes],
                [msg('Sent on', { id: 'ar.status.requested' }), this.date(s.requested)],
                [msg('Last update', { id: 'ar.status.updated' }), this.date(s.updated)],
                [msg('Expected by', { id: 'ar.status.expected' }), this.date(s.expected)],
              ]
                .filter(([, v]) => v)
                .map(([k, v]) => html`<div class="row"><dt>${k}</dt><dd dir="auto">${v}</dd></div>`)}
            </dl>`
          : ''}
        ${this.statusError ? html`<p class="message error">${describeLoadError(this.statusError)}</p>` : ''}
      </div>
      ${this.button(msg('Make another request', { id: 'ar.done.again' }), () => this.startAgain(), true)}`;
  }
}

/**
 * The element as pages see it: its public properties. (The class's private members would make
 * two copies of its declaration, say source and build in one program, incompatible.)
 */
export type AssistanceRequestElement = HTMLElement &
  Pick<AssistanceRequest, 'endpoint' | 'adapter' | 'servicesSrc' | 'format' | 'serviceCode' | 'description' | 'jurisdictionId' | 'uploadUrl' | 'privacyHref' | 'requireContact' | 'minFillSeconds' | 'honeypot' | 'headingLevel' | 'strings' | 'updateComplete'>;

declare global {
  interface HTMLElementTagNameMap {
    'citopia-assistance-request': AssistanceRequestElement;
  }
  interface HTMLElementEventMap {
    'citopia-request-sent': CustomEvent<{ id?: string; token?: string; notice?: string }>;
    'citopia-request-queued': CustomEvent<{ key: string; attempts: number }>;
    'citopia-request-rejected': CustomEvent<{ errors: SpecError[] }>;
    'citopia-privacy-open': CustomEvent<{ href: string }>;
  }
}
