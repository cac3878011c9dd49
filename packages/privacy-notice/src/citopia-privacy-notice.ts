import { html, isServer, nothing, render, adoptStyles, type PropertyValues, type TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { msg } from '@lit/localize/init/install.js'; // the runtime-free entries: no configureLocalization in our bundle
import { str } from '@lit/localize/internal/str-tag.js';
import { CitopiaElement, directionOf, primaryLanguage } from '@citopia/core';
import { fetchJson, describeLoadError } from '@citopia/core/fetch';
import { pickReadableText, pickText, type Localizable } from '@citopia/core/language-map';
import { consentPurposes, type Contact, type PrivacyConfig } from './config.js';
import { checkConfig } from './config-check.js';
import { localRecordStore, staleness, type ConsentRecord, type RecordStore, type Staleness } from './consent-record.js';
import { Gate, purposesOf } from './gating.js';
import { publishConsent, type ConsentState } from './consent-api.js';
import { categoryIcon } from './icons.js';
import { placeholderStyles, styles } from './citopia-privacy-notice.styles.js';
import type { LayerHost } from './details-layer.js';
import { cookies, layer, loadCookieStore, loadDetailsLayer, loadValidation, validation, type Layer } from './lazy-parts.js';
import './translations.js';


declare module '@citopia/core' {
  interface CitopiaEventMap {
    'citopia-consent-change': ConsentState;
  }
}
/**
 * The element's public API. The tag map names this interface rather than the class, so that the
 * declarations built into dist/ and the sources agree (classes with private members never do).
 */
export interface PrivacyNoticeElement extends HTMLElement {
  src: string | undefined;
  config: unknown;
  mode: 'banner' | 'inline';
  position: 'flow' | 'bottom';
  headingLevel: number;
  storage: 'local' | 'cookie';
  storageKey: string;
  expiryDays: number | undefined;
  gpc: boolean | undefined;
  readonly state: 'idle' | 'loading' | 'ready' | 'invalid' | 'error';
  readonly consentState: ConsentState;
  readonly updateComplete: Promise<boolean>;
  getConsent(purpose: string): boolean;
  setConsent(choices: Record<string, boolean> | string, value?: boolean): void;
  openSettings(): Promise<void>;
}

declare global {
  interface HTMLElementTagNameMap {
    'citopia-privacy-notice': PrivacyNoticeElement;
  }
  interface HTMLElementEventMap {
    'citopia-consent-change': CustomEvent<ConsentState>;
  }
  interface Navigator {
    globalPrivacyControl?: boolean;
  }
}

/** The focused element, looking through shadow roots. */
function deepActive(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
}

/**
 * @summary Tells people what data the site collects and why, and asks consent only where the law
 * needs it: a short summary, equal "Accept all" / "Refuse all" / "Choose" buttons, and every
 * detail of the notice in a native modal dialog (or inline on the privacy-policy page).
 *
 * @tag citopia-privacy-notice
 *
 * @event citopia-reading-change - The person chose easy-to-read or standard language; detail `{ reading }`. Every Citopia component on the page follows.
 * @event citopia-consent-change - The consent state (`ConsentState`: purposes, decided, version,
 * date, gpc): once when the notice has read its configuration and the stored choice, then on
 * every change. Bubbles and crosses shadow roots.
 * @fires citopia-consent-change
 *
 * @csspart notice - The notice section (summary, banner or inline notice).
 * @csspart actions - The group of equal-weight choice buttons.
 * @csspart button - Each choice button.
 * @csspart settings-button - The small, always-available "Privacy settings" button.
 * @csspart dialog - The details dialog.
 * @csspart icon - A data category icon.
 * @csspart reading-toggle - The "Easy to read" toggle (absent with `hide-reading-toggle`).
 *
 * @cssproperty --citopia-privacy-notice-background - Background of the notice and the dialog.
 * @cssproperty --citopia-privacy-notice-max-width - Maximum width of the details dialog (48rem).
 * @cssproperty --citopia-privacy-notice-backdrop - The dialog's backdrop colour.
 */
export class PrivacyNotice extends CitopiaElement implements PrivacyNoticeElement {
  // In Node the layer is there from the start (server-layer.ts): the server's styles hold its rules.
  static override styles = layer ? [styles, layer.detailsStyles] : styles;

  // Reactive properties declared here rather than with decorators: the same for Lit, without the
  // decorator helper and one call per field in every copy of the code. (`state` implies no attribute.)
  static override properties = {
    src: {},
    config: { attribute: false },
    mode: { reflect: true },
    position: { reflect: true },
    headingLevel: { attribute: 'heading-level', type: Number },
    storage: {},
    storageKey: { attribute: 'storage-key' },
    expiryDays: { attribute: 'expiry-days', type: Number },
    gpc: { attribute: false },
    status: { state: true },
    data: { state: true },
    contact: { state: true },
    record: { state: true },
    draft: { state: true },
    announcement: { state: true },
    layerError: { state: true },
    hasLayer: { state: true },
  };

  /** URL of the JSON configuration (see docs/privacy-notice.md). */
  declare src: string | undefined;

  /** The configuration as an object; takes precedence over `src`. */
  declare config: unknown;

  /** `banner` (default): summary and choice in the page, details in a modal dialog; `inline`: everything in the page, for the privacy-policy page. */
  mode: 'banner' | 'inline' = 'banner';

  /** `flow` (default): where the element stands; `bottom`: the consent banner sits at the bottom of the window and pads the page so it never covers focused content. */
  position: 'flow' | 'bottom' = 'flow';

  /** Level of the notice's top heading (1–5); sections use the next levels. */
  headingLevel = 2;

  /** Where the choice is kept: `local` (local storage, default) or `cookie` (a first-party cookie). */
  storage: 'local' | 'cookie' = 'local';

  /** Name under which the choice is kept. */
  storageKey = 'privacy-consent';

  /** Days a choice holds; by default 13 months. */
  declare expiryDays: number | undefined;

  /** Overrides `navigator.globalPrivacyControl` (true: every consent purpose starts refused). */
  declare gpc: boolean | undefined;

  private status: 'idle' | 'loading' | 'ready' | 'invalid' | 'error' = 'idle';
  private declare data: PrivacyConfig | undefined;
  /** Set with the 'error' status, which renders it. */
  private loadError: unknown;
  private declare contact: Contact | undefined;
  /** Whom to ask about a broken configuration is said when the layer came with its check (arriving later, it would move the page). */
  private help = false;
  private declare record: ConsentRecord | undefined;
  /** Set with the record and the draft, which render it. */
  private reason: Staleness;
  private draft: Record<string, boolean> = {};
  private announcement = '';
  /** The details layer failed to load when someone asked for it: shown with a retry. */
  private declare layerError: unknown;
  private hasLayer = !!layer;
  private layerStyled = isServer; // the server's styles already hold the layer's

  private loads = 0;
  private padded: [string, string] | undefined;
  private padObserver: ResizeObserver | undefined;
  private readonly gate = new Gate({
    allowed: (purposes) => purposes.every((p) => this.getConsent(p)),
    placeholder: (frame, purposes) => {
      const host = document.createElement('div');
      host.dataset.citopiaPlaceholder = purposes.join(' ');
      adoptStyles(host.attachShadow({ mode: 'open' }), placeholderStyles);
      this.paintPlaceholder(frame, host);
      return host;
    },
  });

  /** Where the notice stands: 'idle' (no config), 'loading', 'ready', 'invalid' or 'error'. */
  get state(): PrivacyNoticeElement['state'] {
    return this.status;
  }

  /** Whether `purpose` may run now: true for purposes on another legal basis, the stored choice for consent purposes. */
  getConsent(purpose: string): boolean {
    const p = this.data?.purposes.find((x) => x.id === purpose);
    return !!p && (p.legalBasis !== 'consent' || this.record?.choices[p.id] === true);
  }

  /** The full consent state (the `citopia-consent-change` detail). */
  get consentState(): ConsentState {
    const purposes = Object.fromEntries((this.data?.purposes ?? []).map((p) => [p.id, this.getConsent(p.id)]));
    return { purposes, decided: !this.undecided, version: this.data?.version ?? '', date: this.record?.date, gpc: this.gpcOn };
  }

  /** Records a choice, as the person would: `setConsent({statistics: true})` or `setConsent('maps', true)`. */
  setConsent(choices: Record<string, boolean> | string, value = true): void {
    void this.decide(typeof choices === 'string' ? { [choices]: value } : choices, false);
  }

  /** Opens the details with their switches (the dialog, or the inline notice's heading). */
  async openSettings(): Promise<void> {
    if (this.status !== 'ready') return;
    const opener = deepActive();
    // Asked for at the first focus or pointer on the notice, so this rarely waits; offline, it says so and stops.
    if (await this.loadLayer(true)) await layer!.openDetails(this as unknown as LayerHost, opener);
  }

  /**
   * Loads the details layer once for the page; resolves false when it cannot be loaded. `asked`:
   * someone is waiting for it, so a failure is shown and said (an early load fails silently, and
   * the next ask tries again).
   */
  private async loadLayer(asked: boolean): Promise<boolean> {
    try {
      await loadDetailsLayer();
      this.hasLayer = true;
      this.layerError = undefined;
      return true;
    } catch (error) {
      if (asked) {
        this.layerError = error;
        this.announcement = this.localize(() => describeLoadError(error));
      }
      return false;
    }
  }

  private readonly preload = () => void this.loadLayer(false);

  private get gpcOn(): boolean {
    return this.gpc ?? (typeof navigator !== 'undefined' && navigator.globalPrivacyControl === true);
  }

  private get undecided(): boolean {
    return !!this.data && consentPurposes(this.data).some((p) => typeof this.record?.choices[p.id] !== 'boolean');
  }

  /** Where the choice is kept; none while the cookie store (a chunk of its own) is not loaded. */
  private store(): RecordStore | undefined {
    return this.storage !== 'cookie' ? localRecordStore(this.storageKey) : cookies?.cookieRecordStore(this.storageKey, this.expiryDays ?? 396);
  }

  /** Cookie storage, its chunk not loaded yet (the server reads no stored choice). */
  private get storeMissing(): boolean {
    return this.storage === 'cookie' && !cookies && !isServer;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('citopia-consent-change', this.onOtherNotice);
    // The first sign that someone will use the notice: fetch the details before they ask. (Not
    // on idle: most visits never open them, and the city page's first load stays as it is.)
    this.addEventListener('focusin', this.preload, { once: true });
    this.addEventListener('pointerenter', this.preload, { once: true });
    if (this.status === 'ready') this.gate.start();
    // Re-attached: disconnecting gave the page its padding back; updated() pads it again.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('citopia-consent-change', this.onOtherNotice);
    this.gate.stop();
    this.unpad();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The layer's rules join ours before the first render that shows its content.
    if (this.hasLayer && !this.layerStyled) {
      adoptStyles(this.renderRoot as ShadowRoot, [...PrivacyNotice.elementStyles, layer!.detailsStyles]);
      this.layerStyled = true;
    }
    if (changed.has('config') || changed.has('src')) void this.load();
    // (Switched to cookies before their chunk is in: load() brings it, then reads the choice.)
    else if ((changed.has('storage') || changed.has('storageKey') || changed.has('expiryDays')) && this.data) void (this.storeMissing ? this.load() : this.restore());
  }

  /**
   * The inline notice shows the details in its first view, and server-rendered DOM holds them:
   * both wait for the layer before their first render (no flash of a half notice, no hydration
   * mismatch). A layer that cannot load is then said in place of the details.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!layer && (this.mode === 'inline' || (this.serverRendered && !this.hasUpdated))) await this.loadLayer(true);
    return super.scheduleUpdate();
  }

  protected override updated(): void {
    for (const [frame, host] of this.gate.holders) this.paintPlaceholder(frame, host);
    const banner = this.renderRoot.querySelector<HTMLElement>('.bottom');
    if (!banner) return this.unpad();
    const pad = () => {
      const height = `${Math.ceil(banner.getBoundingClientRect().height)}px`;
      document.body.style.paddingBlockEnd = height;
      document.documentElement.style.scrollPaddingBlockEnd = height;
    };
    if (!this.padded) {
      this.padded = [document.body.style.paddingBlockEnd, document.documentElement.style.scrollPaddingBlockEnd];
      this.padObserver = new ResizeObserver(pad);
    }
    this.padObserver!.disconnect();
    this.padObserver!.observe(banner);
    pad();
  }

  /** Gives the page its own padding back once the bottom banner is gone. */
  private unpad(): void {
    if (!this.padded) return;
    this.padObserver?.disconnect();
    [document.body.style.paddingBlockEnd, document.documentElement.style.scrollPaddingBlockEnd] = this.padded;
    this.padded = undefined;
  }

  /**
   * "Try again" pressed: the button goes away, so the focus moves to what replaces it, the
   * notice's heading (or its settings button), or the new message, which the focus move says
   * (the live region stays quiet: said once, not twice).
   */
  private async retryFromButton(): Promise<void> {
    this.announcement = '';
    await this.load(true);
    await this.moveFocusAfterUpdate(() => this.renderRoot.querySelector<HTMLElement>(this.status === 'error' ? '.message.error p' : '#title, .settings, .message'));
  }

  private async load(retried = false): Promise<void> {
    const token = ++this.loads;
    let raw = this.config;
    if (raw === undefined && !this.src) return;
    // The cookie store is asked for beside the configuration, by the notices that keep their choice in a cookie.
    if (raw === undefined || this.storeMissing) {
      this.status = 'loading';
      try {
        [raw] = await Promise.all([raw ?? fetchJson(this.src!), this.storeMissing && loadCookieStore()]);
      } catch (error) {
        if (token !== this.loads) return;
        this.loadError = error;
        this.status = 'error';
        if (!retried) this.announcement = this.localize(() => describeLoadError(error));
        return;
      }
      if (token !== this.loads) return;
    }
    const findings = checkConfig(raw);
    if (findings.length) {
      this.data = undefined;
      this.record = undefined;
      if (!isServer) {
        // Nothing is allowed from now on, while the sentences below load.
        this.status = 'loading';
        this.gate.stop();
        publishConsent(this.consentState);
      }
      // The error sentences, the controller's contact and the layer that says whom to ask are
      // loaded only for a broken configuration (on the server they are there: no await, one pass).
      const [checks, help] = isServer ? [validation, true] : await Promise.all([validation ?? loadValidation().catch(() => undefined), this.loadLayer(false)]);
      const contact = checks?.findController(raw);
      if (token !== this.loads) return;
      this.contact = contact;
      this.help = help;
      this.status = 'invalid';
      if (isServer) return;
      // Sentences when their chunk came, else the findings as they are (the rule each one breaks).
      console.error('[citopia-privacy-notice] invalid configuration:', checks?.explain(raw) ?? findings);
      // Said, not only shown: people learn that the notice they expect is missing.
      this.announcement = this.localize(() => msg('The privacy notice cannot be shown because its settings contain an error.', { id: 'privacy.invalid' }));
      this.emit('citopia-consent-change', this.consentState);
      return;
    }
    this.data = raw as PrivacyConfig;
    if (!isServer) {
      this.restore();
      // Why a stored choice no longer counts is said in the banner, in sentences that come with
      // the details layer: loaded first, rarely. Offline, the banner asks without saying why (and
      // the layer arriving later adds nothing: it would move the page).
      if (this.reason && !(await this.loadLayer(false))) this.reason = undefined;
      if (token !== this.loads) return;
    }
    this.status = 'ready';
    this.announcement = ''; // an earlier error no longer holds
    if (isServer) {
      // Server rendering: no stored choice and no page to gate; render as for a first visit.
      this.draft = this.initialDraft();
      return;
    }
    this.gate.start();
    this.changed(true);
  }

  /** Reads the stored choice; a choice for another version, or too old, no longer counts. */
  private restore(): void {
    const record = this.store()?.read();
    this.reason = record && staleness(record, this.data!.version, this.expiryDays);
    this.record = this.reason ? undefined : record;
    this.draft = this.initialDraft();
  }

  private initialDraft(): Record<string, boolean> {
    const services = this.data?.services ?? [];
    return Object.fromEntries(
      consentPurposes(this.data!).map((p) => [
        p.id,
        this.record?.choices[p.id] ?? (!this.gpcOn && (p.default === true || services.some((s) => s.default && s.purposes.includes(p.id)))),
      ]),
    );
  }

  /** Publishes the state, applies it to gated content and tells listeners. */
  private changed(emit: boolean): void {
    const current = this.consentState;
    publishConsent(current);
    this.gate.apply();
    if (emit) this.emit('citopia-consent-change', current);
  }

  private readonly onOtherNotice = (event: Event) => {
    if (event.composedPath()[0] !== this && this.data) {
      this.restore();
      this.gate.apply();
    }
  };

  private async decide(choices: Record<string, boolean>, fromUi: boolean): Promise<void> {
    // Just switched to cookies, their chunk still on its way: the choice waits for it (offline,
    // it holds for this page, and that is said).
    if (this.storeMissing) await loadCookieStore().catch(() => undefined);
    if (!this.data) return;
    const ids = new Set(consentPurposes(this.data).map((p) => p.id));
    const before = this.consentState.purposes;
    const record: ConsentRecord = {
      version: this.data.version,
      date: new Date().toISOString(),
      choices: { ...this.record?.choices, ...Object.fromEntries(Object.entries(choices).filter(([id]) => ids.has(id))) },
    };
    const kept = this.store()?.write(record) ?? false;
    this.record = record;
    this.reason = undefined;
    this.draft = this.initialDraft();
    const withdrew = [...ids].some((id) => before[id] && !record.choices[id]);
    this.announcement = this.localize(() =>
      [
        withdrew
          ? msg('Your choices are saved. What you switched off will not load again; a reload of the page may be needed to stop what has already started.', { id: 'privacy.saved.withdrawn' })
          : msg('Your choices are saved.', { id: 'privacy.saved' }),
        kept ? '' : msg('Your device did not let us store them: they hold until you leave this page.', { id: 'privacy.saved.memory' }),
      ]
        .filter(Boolean)
        .join(' '),
    );
    this.changed(true);
    this.renderRoot.querySelector('dialog')?.close();
    await this.updateComplete;
    // The pressed button is gone with the banner: keep the keyboard user next to where they were.
    const active = deepActive();
    if (fromUi && (!active || active === document.body)) this.shadowRoot!.querySelector<HTMLElement>('.settings')?.focus();
  }

  /** "Save my choices" in the details layer: the switches as they stand. */
  protected save(): Promise<void> {
    return this.decide(this.draft, true);
  }

  private all(value: boolean): Record<string, boolean> {
    return Object.fromEntries(consentPurposes(this.data!).map((p) => [p.id, value]));
  }

  // ---- rendering -------------------------------------------------------------------------

  /** A data text in the best language, marked with its own `lang` (and direction) when it differs from the page's. */
  private t(value: Localizable | undefined, easy?: Localizable) {
    const { text, lang } = easy === undefined ? pickText(value, this.dataLanguage) : pickReadableText(value, easy, this.dataLanguage, this.easyReading);
    const other = lang && primaryLanguage(lang) !== primaryLanguage(this.dataLanguage);
    return other ? html`<span lang=${lang} dir=${directionOf(lang)}>${text}</span>` : text;
  }

  private inPageLanguage(value: Localizable): boolean {
    const { lang } = pickText(value, this.dataLanguage);
    return !lang || primaryLanguage(lang) === primaryLanguage(this.dataLanguage);
  }

  private plain(value: Localizable | undefined): string {
    return pickText(value, this.dataLanguage).text;
  }

  private list(items: string[]): string {
    return new Intl.ListFormat(this.locale, { type: 'conjunction' }).format(items);
  }

  /**
   * A real heading, its level counted from `heading-level`; `autofocus`: the one `showModal()`
   * focuses at once (else it focuses "Close" first, and Firefox reports both moves).
   */
  private h(offset: number, content: unknown, id?: string, autofocus = false) {
    // (Lit's static templates are cached by their text: one template per level, not per call.)
    const tag = unsafeStatic(`h${Math.min(6, Math.max(1, (Number(this.headingLevel) || 2) + offset))}`);
    return staticHtml`<${tag} id=${id ?? nothing} tabindex=${id ? '-1' : nothing} ?autofocus=${autofocus}>${content}</${tag}>`;
  }

  override render() {
    return html`${this.renderState()}
      <div role="status" class="visually-hidden">${this.announcement}</div>`;
  }

  private renderState() {
    switch (this.status) {
      case 'idle':
        return nothing;
      case 'loading':
        // A banner still loading takes no room: on most visits (a choice already made) no banner
        // follows, so a loading line would push the page down and back up. The privacy-policy
        // page (inline) says it is loading its content.
        return this.mode === 'inline' ? this.loadingLine() : nothing;
      case 'error':
        return this.retryBox(describeLoadError(this.loadError), () => this.retryFromButton());
      case 'invalid':
        return this.renderInvalid();
    }
    const data = this.data!;
    const needsConsent = consentPurposes(data).length > 0;
    // The landmark's and heading's name in the page's language: the configuration's title when it
    // has one in that language (or is a plain string), else our own translated title.
    const title = data.title && this.inPageLanguage(data.title) ? this.t(data.title) : msg('Your data on this site', { id: 'privacy.title' });
    const notice = (body: unknown, banner = '') =>
      html`<section part="notice" class="notice${banner}" aria-labelledby="title">${this.h(0, title, 'title')}${body}${this.renderReadingToggle()}</section>`;
    if (this.mode === 'inline') return notice(html`${this.renderSummary()}${this.withLayer((l, host) => l.inlineDetails(host))}`);
    if (!needsConsent) {
      return notice(html`${this.renderSummary()}
        <details @toggle=${() => this.loadLayer(true)}>
          <summary>${msg('Read the full privacy notice', { id: 'privacy.full-notice' })}</summary>
          ${this.withLayer((l, host) => l.details(host, 1))}
        </details>`);
    }
    // Under Global Privacy Control the answer is already "no": no banner, the notice says so.
    const banner = this.undecided && !this.gpcOn;
    // The dialog is there from the first render (closed: it takes no room), its content once the layer is loaded.
    return html`${banner
        ? notice(
            html`${this.reason && layer?.staleNote(this.reason)}${this.renderSummary()}
              <p>${msg('We ask your consent only for what the service does not need. None of it is loaded before you choose, and you can change your mind at any time.', { id: 'privacy.consent-intro' })}</p>
              ${this.choices(html`<button type="button" class="choice" part="button" aria-haspopup="dialog" @click=${() => this.openSettings()}>${msg('Choose', { id: 'privacy.choose' })}</button>`)}${this.layerProblem()}`,
            ` banner${this.position === 'bottom' ? ' bottom' : ''}`,
          )
        : html`<div class="compact">
            ${this.gpcOn && !this.record ? html`<p>${this.gpcNote()}</p>` : nothing}
            <button type="button" class="settings" part="settings-button" aria-haspopup="dialog" @click=${() => this.openSettings()}>
              ${msg('Privacy settings', { id: 'privacy.settings' })}
            </button>${this.layerProblem()}
          </div>`}<dialog part="dialog" aria-labelledby="dialog-title" @close=${() => layer?.dialogClosed(this as unknown as LayerHost)}>${layer && this.hasLayer ? layer.dialogContent(this as unknown as LayerHost) : nothing}</dialog>`;
  }

  /** The equal-weight choices: Accept all, Refuse all, and `last` (Choose, or Save my choices). */
  private choices(last: TemplateResult) {
    return html`<div class="actions" part="actions">
      ${this.choiceButton(msg('Accept all', { id: 'privacy.accept-all' }), () => this.decide(this.all(true), true))}
      ${this.choiceButton(msg('Refuse all', { id: 'privacy.refuse-all' }), () => this.decide(this.all(false), true))}${last}
    </div>`;
  }

  private choiceButton(label: string, action: () => unknown) {
    return html`<button type="button" class="choice" part="button" @click=${action}>${label}</button>`;
  }

  private gpcNote() {
    return msg('Your browser sends a Global Privacy Control signal, so everything that needs your consent stays off. You can still allow something in the privacy settings.', { id: 'privacy.gpc' });
  }

  /** Whom to ask instead comes with the layer (loaded for a broken configuration); offline, the sentence stands alone. */
  private renderInvalid() {
    return html`<div class="message error" part="notice">
      <p>${msg('The privacy notice cannot be shown because its settings contain an error.', { id: 'privacy.invalid' })}</p>
      ${this.help ? layer!.whomToAsk(this as unknown as LayerHost, this.contact) : nothing}
    </div>`;
  }

  /** Layer 1: what is collected and why, each data category with its icon and its text. */
  private renderSummary() {
    const data = this.data!;
    const summary = data.summary
      ? this.t(data.summary)
      : msg(str`We use data for: ${this.list(data.purposes.map((p) => this.plain(p.title)))}.`, { id: 'privacy.summary' });
    return html`<p>${summary}</p>
      <p id="categories-label">${msg('Data we use:', { id: 'privacy.categories' })}</p>
      <ul class="categories" aria-labelledby="categories-label">
        ${data.dataCategories.map((c) => html`<li>${categoryIcon(c.icon)}${this.t(c.label)}</li>`)}
      </ul>`;
  }

  /**
   * What only the details layer renders (`render`), once it is loaded; before, a loading line
   * (a disclosure opened at once), or, when it could not load, the reason and a way to try again.
   */
  private withLayer(render: (layer: Layer, host: LayerHost) => unknown) {
    if (layer && this.hasLayer) return render(layer, this as unknown as LayerHost);
    return this.layerError ? this.layerProblem() : this.loadingLine();
  }

  private loadingLine() {
    return html`<p class="muted">${msg('Loading the privacy notice…', { id: 'privacy.loading' })}</p>`;
  }

  /** A load that failed: why, and "Try again". */
  private retryBox(message: string, retry: () => unknown) {
    return html`<div class="message error">
      <p>${message}</p>
      <button type="button" @click=${retry}>${msg('Try again', { id: 'privacy.retry' })}</button>
    </div>`;
  }

  /** The details layer could not load when asked for: why, and a way to try again. */
  private layerProblem() {
    return this.layerError ? this.retryBox(describeLoadError(this.layerError), () => this.retryLayer()) : nothing;
  }

  /** "Try again": open the dialog that was asked for, or show the details in place and move the focus to them. */
  private async retryLayer(): Promise<void> {
    if (this.renderRoot.querySelector('dialog')) return this.openSettings();
    if (await this.loadLayer(true)) await this.moveFocusAfterUpdate('.details :is(h2,h3,h4,h5,h6)');
  }

  /** The click-to-load placeholder of a blocked iframe: says what loading shares, and with whom. */
  private paintPlaceholder(frame: HTMLIFrameElement, host: HTMLElement): void {
    host.lang = this.dataLanguage;
    host.dir = this.getAttribute('dir') ?? 'ltr';
    const data = this.data;
    const ids = purposesOf(frame);
    const purposes = ids.map((id) => data?.purposes.find((p) => p.id === id && p.legalBasis === 'consent'));
    const template: TemplateResult = this.localize(() => {
      const what = frame.title || msg('the embedded content', { id: 'privacy.placeholder.content' });
      const titles = this.list(purposes.map((p, i) => (p ? this.plain(p.title) : ids[i]!)));
      const names = (data?.services ?? []).filter((s) => s.purposes.some((p) => ids.includes(p))).map((s) => (s.title ? this.plain(s.title) : s.name));
      const who = names.length ? this.list(names) : titles;
      return html`<div class="placeholder">
        <p>${msg(str`“${what}” is not loaded: it needs your consent for “${titles}”.`, { id: 'privacy.placeholder.text' })}</p>
        ${purposes.every(Boolean)
          ? html`<button type="button" @click=${() => this.loadFrame(frame, ids)}>${msg(str`Load ${what}: this shares data with ${who}`, { id: 'privacy.placeholder.load' })}</button>
              <p>${msg('This also allows it elsewhere on this site. You can change your choice at any time in the privacy settings.', { id: 'privacy.placeholder.note' })}</p>`
          : nothing}
      </div>`;
    });
    render(template, host.shadowRoot!);
  }

  /** Consent given in context: the purpose is allowed, the frame loads and takes the focus. */
  private async loadFrame(frame: HTMLIFrameElement, purposes: string[]): Promise<void> {
    await this.decide(Object.fromEntries(purposes.map((p) => [p, true])), false);
    frame.focus();
  }
}
