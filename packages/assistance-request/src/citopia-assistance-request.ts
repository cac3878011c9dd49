import { html, nothing, type PropertyValues, type TemplateResult, isServer } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { CitopiaElement, primaryLanguage } from '@citopia/core';
import { formatNumber } from '@citopia/core/format';
import { describeLoadError } from '@citopia/core/fetch';
import { safeUrl } from '@citopia/core/safe-url';
import { loadOnce, partLoader } from '@citopia/core/chunk';
import { styles } from './citopia-assistance-request.styles.js';
import { ANSWER_METHODS, NEEDS, emptyAnswers, type Answers } from './answer-model.js';
import type { DateTimeParts } from './date-time.js';
import { deviceKeeps, storage, survivesReload } from './device.js';
import type { Draft, RequestHost, View } from './host.js';
import { MAX_DESCRIPTION, attributeFieldId } from './limits.js';
import { detectFormat, loadDefinition, loadServices, type Endpoint } from './open311.js';
import type { Attribute, Definition, Format, Receipt, RequestStatus, Service, SpecError } from './open311-read.js';
import type { Outbox } from './outbox.js';
import type { Problem } from './validate.js';
import './translations.js';

/** The later steps (steps.ts), loaded with import() when first needed. */
type Steps = typeof import('./steps.js');
const loadStepsModule = loadOnce(partLoader(() => import('./steps.js')));

declare module '@citopia/core' {
  interface CitopiaEventMap {
    'citopia-request-sent': { id?: string; token?: string; notice?: string };
    'citopia-request-queued': { key: string; attempts: number };
    'citopia-request-rejected': { errors: SpecError[] };
    'citopia-privacy-open': { href: string };
  }
}

type Option = [value: string, label: string, hint?: string];
type InputType = 'text' | 'email' | 'tel';
type Autocomplete = 'off' | 'given-name' | 'family-name' | 'email' | 'tel' | 'street-address';

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
export class AssistanceRequest extends CitopiaElement implements RequestHost {
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

  /** @internal */
  @state() view: View = 'loading';
  /** @internal */
  @state() services: Service[] = [];
  /** @internal */
  @state() definition: Definition | undefined;
  @state() private definitionError: unknown;
  /** @internal Date parts as typed ("01", "7.30"), shown while they still make the stored answer. */
  readonly typedDates = new Map<string, DateTimeParts>();
  /** What the person asked to load again with "Try again" (its outcome gets the focus). */
  @state() private retried: '' | 'form' | 'definition' | 'photo' = '';
  /** @internal */
  @state() a: Answers = emptyAnswers();
  /** @internal */
  @state() problems: Problem[] = [];
  /** @internal */
  @state() serverErrors: SpecError[] | undefined;
  /** @internal */
  @state() tooFast = false;
  /** @internal */
  @state() error: unknown;
  /** @internal */
  @state() notice: '' | 'restored' | 'deleted' = '';
  /** @internal */
  @state() geo: '' | 'busy' | 'denied' | 'failed' = '';
  /** Why the part that finds the location could not be loaded. */
  @state() private geoError: unknown;
  /** @internal */
  @state() progress = -1;
  @state() private uploadError: unknown;
  /** @internal */
  @state() sending = false;
  /** @internal */
  @state() kept = true;
  /** @internal */
  @state() receipt: Receipt | undefined;
  /** @internal */
  @state() status: RequestStatus | undefined;
  /** @internal */
  @state() statusError: unknown;
  @state() private live = '';
  /** The later steps, once loaded; `partError` when loading them failed (the draft is kept). */
  @state() private steps: Steps | undefined;
  @state() private partError: unknown;

  /** @internal */
  ep: Endpoint | undefined;
  /** @internal Created with the later steps, when there is something to send. */
  outbox: Outbox | undefined;
  /** @internal */
  draftId = randomId();
  /** @internal */
  startedAt = Date.now();
  private savedAt = 0;
  /** @internal */
  mediaName = '';
  private photo: File | undefined;
  /** @internal */
  hp = '';
  private noSave = false;
  private loaded = false;
  private run = 0;
  private timers: Record<string, ReturnType<typeof setTimeout>> = {};
  private definitions = new Map<string, Definition>();
  private readonly onOnline = () => void this.outbox?.flush(true);
  /** A reload or a closed tab does not disconnect the element: keep the last keystrokes on pagehide. */
  private readonly onHide = () => this.timers.save && this.save();

  /** @internal */
  get draftKey() {
    return `draft:${this.adapter}:${this.endpoint}`;
  }

  /** @internal */
  get outboxKey() {
    return `outbox:${this.adapter}:${this.endpoint}`;
  }

  /** @internal */
  get pageLanguage() {
    return this.dataLanguage;
  }

  /**
   * The later steps. Asked for as soon as the person starts on the form, so they are there by
   * "Continue"; after a failed load, the next call asks the server again (see loadOnce and partLoader in @citopia/core/chunk).
   */
  private async loadSteps(): Promise<Steps> {
    if (!this.steps) {
      const steps = await loadStepsModule();
      const root = this.renderRoot as ShadowRoot;
      // Their styles join the component's before anything of theirs renders.
      if (!isServer && root.adoptedStyleSheets && !root.adoptedStyleSheets.includes(steps.stepStyles.styleSheet!)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, steps.stepStyles.styleSheet!];
      this.steps = steps;
    }
    return this.steps;
  }

  /** Starts loading the later steps early (their failure is shown when they are needed). */
  private readonly preload = () => {
    if (!isServer && !this.steps) this.loadSteps().catch(() => {});
  };

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
      this.outbox = undefined;
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
    if (!quiet && this.waiting()) {
      try {
        const steps = await this.loadSteps();
        if (run !== this.run) return;
        this.outbox = steps.openOutbox(this);
      } catch (error) {
        if (run !== this.run) return;
        this.error = error;
        this.view = 'failed';
        return;
      }
      this.view = 'queued';
      void this.outbox.flush(true);
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
      // Its date and time fields come with the later steps: loaded with the questions, shown with them.
      if (definition.attributes.some((a) => a.datatype === 'datetime')) await this.loadSteps();
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
    const restored = Boolean(draft?.answers && draft.id);
    if (draft && restored) {
      this.a = { ...emptyAnswers(), ...draft.answers };
      this.draftId = draft.id;
      this.startedAt = draft.startedAt;
      this.savedAt = draft.savedAt;
      this.mediaName = draft.mediaName ?? '';
      this.notice = 'restored';
    }
    // Someone who comes back to a draft is likely to send it; a waiting request is sent with them.
    if (restored || this.waiting()) this.preload();
  }

  /** Whether a request waits in this device's outbox (a reload, a crash, yesterday's visit). */
  private waiting(): boolean {
    return !isServer && [storage.getJson<unknown[]>(this.outboxKey) ?? []].flat().length > 0;
  }

  /** What the page gives in advance (service-code, description) fills only empty answers: nothing typed is overwritten. */
  private prefill(): void {
    if (!this.a.description && this.description) this.a = { ...this.a, description: this.description };
    if (!this.a.service && this.services.some((s) => s.code === this.serviceCode)) this.a = { ...this.a, service: this.serviceCode };
  }

  /** @internal */
  save(): void {
    clearTimeout(this.timers.save);
    delete this.timers.save;
    if (this.noSave) return;
    this.savedAt = Date.now();
    const draft: Draft = { id: this.draftId, startedAt: this.startedAt, savedAt: this.savedAt, answers: this.a, mediaName: this.mediaName };
    this.kept = survivesReload(storage.setJson(this.draftKey, draft).persisted);
  }

  /** Autosave, debounced: one write after the person pauses. */
  /** @internal */
  changed(): void {
    clearTimeout(this.timers.save);
    this.timers.save = setTimeout(() => this.save(), 400);
  }

  /** @internal */
  dropDraft(): void {
    storage.remove(this.draftKey);
    clearTimeout(this.timers.save);
    delete this.timers.save;
    this.noSave = true;
  }

  /** @internal */
  startAgain(): void {
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
    this.dropDraft();
    this.notice = 'deleted';
    this.say(() => msg('Your answers were deleted from this device.', { id: 'ar.draft.deleted' }));
  }

  // ---- input ---------------------------------------------------------------------------------

  private onInput(e: Event): void {
    const t = e.target as HTMLInputElement;
    const name = t.name;
    if (!name || t.type === 'file') return;
    if (t.dataset.dateOf) return this.steps?.readDateParts(this, t.dataset.dateOf, t.dataset.field!);
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

  /** The remaining characters, announced politely only near the limit (GOV.UK's character count). */
  private announceCount(): void {
    if (MAX_DESCRIPTION - this.a.description.length <= COUNT_FROM) this.say(() => this.countText());
  }

  private countText(): string {
    const left = MAX_DESCRIPTION - this.a.description.length;
    const n = this.number(Math.abs(left));
    return left >= 0 ? msg(str`Characters remaining: ${n}`, { id: 'ar.count.left' }) : msg(str`Characters too many: ${n}`, { id: 'ar.count.over' });
  }

  /** @internal */
  number(n: number): string {
    return formatNumber(this.locale, n);
  }

  /** @internal Puts a sentence (built in this element's language) in the polite live region. */
  say(sentence: () => string): void {
    const text = this.localize(sentence);
    // The same sentence twice in a row is still announced: alternate a trailing space.
    this.live = this.live === text ? `${text}\u00a0` : text;
  }

  /** "Use my location": the part that finds it comes with the later steps (usually there already). */
  private async locate(): Promise<void> {
    this.geoError = undefined;
    try {
      (this.steps ?? (await this.loadSteps())).locate(this);
    } catch (error) {
      this.geoError = error;
      this.say(() => describeLoadError(error));
    }
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
      const { uploadPhoto } = this.steps ?? (await this.loadSteps());
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

  /** @internal */
  async focus$(selector: string): Promise<void> {
    await this.updateComplete;
    const el = this.renderRoot.querySelector<HTMLElement>(selector);
    el?.focus();
    el?.scrollIntoView?.({ block: 'center' });
  }

  /** "Continue": at once when the later steps are there (as they usually are by then), else once they are loaded. */
  private onContinue(e: Event): void {
    e.preventDefault();
    if (this.steps) this.checkAnswers(this.steps);
    else void this.continue();
  }

  /**
   * Loads the later steps, then checks the answers. When they cannot be loaded (offline), the
   * summary says so, with "Try again"; the answers stay in the form and on the device.
   */
  private async continue(): Promise<void> {
    try {
      this.checkAnswers(await this.loadSteps());
    } catch (error) {
      this.partError = error;
      this.save();
      void this.focus$('#summary');
    }
  }

  /** Problems go to the error summary (focused); otherwise "check your answers". */
  private checkAnswers(steps: Steps): void {
    this.partError = undefined;
    this.serverErrors = undefined;
    this.problems = steps.findProblems(this);
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

  /** @internal */
  change(field: string): void {
    this.view = 'edit';
    void this.focus$(`#${field}`);
  }

  // ---- rendering -----------------------------------------------------------------------------

  override render() {
    return html`<div part="base" class="base" @focusin=${this.preload} @pointerenter=${this.preload}>
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
        return this.steps?.renderCheckAnswers(this) ?? nothing;
      case 'queued':
        return this.steps?.renderOutbox(this) ?? nothing;
      case 'done':
        return this.steps?.renderConfirmation(this) ?? nothing;
      case 'blocked':
        return html`${this.heading(msg('Your request could not be sent', { id: 'ar.blocked.title' }))}
          <p class="message error">${msg('Please contact the city by phone or at the counter.', { id: 'ar.blocked.text' })}</p>`;
      default:
        return this.renderForm();
    }
  }

  /** @internal */
  heading(text: string, sub = 0, id = sub ? undefined : 'title') {
    return html`<div role="heading" aria-level=${this.headingLevel + sub} class="h${sub}" id=${ifDefined(id)} tabindex=${ifDefined(id ? -1 : undefined)}>${text}</div>`;
  }

  /** @internal */
  button(label: string, click: () => void, secondary = false, id?: string) {
    return html`<button type="button" part="button" class=${secondary ? 'secondary' : ''} id=${ifDefined(id)} @click=${click}>${label}</button>`;
  }

  /** @internal */
  linkButton(label: string, click: () => void, hidden = '', hiddenLang?: string) {
    return html`<button type="button" part="button" class="link" @click=${click}>${label}${hidden ? html`<span class="visually-hidden" lang=${ifDefined(this.other(hiddenLang))}> ${hidden}</span>` : ''}</button>`;
  }

  /** `lang` for a text of the server's when it is not in the page's language (screen readers then switch voice). */
  /** @internal */
  other(lang: string | undefined): string | undefined {
    return lang && primaryLanguage(lang) !== primaryLanguage(this.dataLanguage) ? lang : undefined;
  }

  /** A server's text, marked with its `lang` when it differs from the page's. */
  private marked(text: string, lang?: string) {
    const other = this.other(lang);
    return other ? html`<span lang=${other}>${text}</span>` : text;
  }

  /** A translated sentence around a server's text (`build` gets the text's place), the text marked with its `lang`. */
  /** @internal */
  around(build: (text: string) => string, text: string, lang?: string) {
    if (!this.other(lang)) return build(text);
    const [before = '', after = ''] = build(HOLE).split(HOLE);
    return html`${before}${this.marked(text, lang)}${after}`;
  }

  /** @internal */
  problem(id: string): Problem | undefined {
    return this.problems.find((p) => p.field === id);
  }

  /** @internal */
  describedBy(id: string, hint?: string, extra = '') {
    return [hint && `${id}-hint`, this.problem(id) && `${id}-error`, extra].filter(Boolean).join(' ') || nothing;
  }

  /** @internal */
  hintAndError(id: string, hint?: string, lang?: string) {
    const p = this.problem(id);
    return html`${hint ? html`<div class="hint" id="${id}-hint" dir="auto" lang=${ifDefined(this.other(lang))}>${hint}</div>` : ''}${p
      ? html`<p class="error" id="${id}-error"><span class="visually-hidden">${msg('Error:', { id: 'ar.error.prefix' })}</span> ${this.steps?.problemText(this, p)}</p>`
      : ''}`;
  }

  /** @internal */
  optional(text: string, optional?: boolean, lang?: string) {
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
    if (attr.datatype === 'datetime') return this.steps?.renderDateTime(this, id, attr.code, attr.description, [value].flat().join(), o) ?? nothing;
    return this.control(id, name, attr.description, [value].flat().join(), {
      ...o,
      type: 'text',
      multiline: attr.datatype === 'text',
      mode: attr.datatype === 'number' ? 'decimal' : undefined,
    });
  }

  /**
   * @internal The error summary, always in the page (the focus goes to it); its list comes with
   * the later steps (there is no problem before "Continue"), or says that they could not load.
   */
  renderSummary() {
    const failed = this.partError !== undefined;
    const items = failed ? [html`<li>${describeLoadError(this.partError)}</li>`] : (this.steps?.summaryItems(this) ?? []);
    // Focused when it shows, so a screen reader reads it once, as a group named by its heading
    // (an alert as well would have it said twice).
    const shown = items.length > 0;
    return html`<div id="summary" part="error-summary" class="summary ${shown ? 'shown' : ''}" role=${ifDefined(shown ? 'group' : undefined)} aria-labelledby=${ifDefined(shown ? 'summary-title' : undefined)} tabindex="-1">
      ${shown ? html`${this.heading(msg('There is a problem', { id: 'ar.summary.title' }), 1, 'summary-title')}<ul>${items}</ul>` : ''}
      ${failed ? this.button(msg('Try again', { id: 'ar.retry' }), () => void this.continue(), true, 'steps-retry') : ''}
    </div>`;
  }

  /** @internal */
  answerLabel(method: string): string {
    return {
      email: msg('By email', { id: 'ar.answer.email' }),
      phone: msg('By phone', { id: 'ar.answer.phone' }),
      post: msg('By post', { id: 'ar.answer.post' }),
      none: msg('No answer needed', { id: 'ar.answer.none' }),
    }[method] ?? '';
  }

  /** @internal */
  needLabel(need: string): string {
    return {
      interpreter: msg('An interpreter (tell us the language)', { id: 'ar.need.interpreter' }),
      'sign-language': msg('Sign language', { id: 'ar.need.sign-language' }),
      'easy-read': msg('An answer in easy-to-read language', { id: 'ar.need.easy-read' }),
      'large-print': msg('Large print', { id: 'ar.need.large-print' }),
      other: msg('Something else', { id: 'ar.need.other' }),
    }[need] ?? need;
  }

  /** @internal */
  placeText(): string {
    return msg(str`Location found: ${this.a.lat}, ${this.a.long}`, { id: 'ar.geo.found' });
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
            hint: msg(str`What happened, since when, and anything that helps. Up to ${this.number(MAX_DESCRIPTION)} characters.`, { id: 'ar.description.hint' }),
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
            ${this.button(msg('Use my location', { id: 'ar.geo.use' }), () => void this.locate(), true)}
            <p id="geo-text" class=${this.geoError !== undefined || this.geo === 'denied' || this.geo === 'failed' ? 'message warning' : 'muted'}>
              ${this.geoError !== undefined
                ? describeLoadError(this.geoError)
                : this.geo === 'busy'
                  ? msg('Looking for your location…', { id: 'ar.geo.busy' })
                  : this.geo
                    ? this.steps?.geoText(this)
                    : located
                      ? this.placeText()
                      : ''}
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

  /** @internal */
  date(value: string): string {
    const date = new Date(value);
    if (!value || Number.isNaN(date.getTime())) return value;
    const tag = this.dataLanguage.startsWith(this.locale) ? this.dataLanguage : this.locale;
    return new Intl.DateTimeFormat(this.locale === 'ar' ? 'ar-u-nu-latn' : tag, { dateStyle: 'long', timeStyle: 'short' }).format(date);
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
