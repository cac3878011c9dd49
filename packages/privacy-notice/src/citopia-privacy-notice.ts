import { html, isServer, nothing, render, adoptStyles, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { msg } from '@lit/localize/init/install.js'; // the runtime-free entries: no configureLocalization in our bundle
import { str } from '@lit/localize/internal/str-tag.js';
import { CitopiaElement, directionOf, primaryLanguage } from '@citopia/core';
import { fetchJson, describeLoadError } from '@citopia/core/fetch';
import { pickReadableText, pickText, type Localizable } from '@citopia/core/language-map';
import { safeUrl } from '@citopia/core/safe-url';
import { consentPurposes, type Contact, type LegalBasis, type PrivacyConfig, type Purpose } from './config.js';
import { findController, validateConfig } from './validate-config.js';
import { cookieRecordStore, localRecordStore, staleness, type ConsentRecord, type RecordStore, type Staleness } from './consent-record.js';
import { Gate } from './gating.js';
import { publishConsent, type ConsentState } from './consent-api.js';
import { categoryIcon } from './icons.js';
import { placeholderStyles, styles } from './citopia-privacy-notice.styles.js';
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

const HEADINGS = [1, 2, 3, 4, 5, 6].map((n) => unsafeStatic(`h${n}`));

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
  static override styles = styles;

  /** URL of the JSON configuration (see docs/privacy-notice.md). */
  @property() src: string | undefined;

  /** The configuration as an object; takes precedence over `src`. */
  @property({ attribute: false }) config: unknown;

  /** `banner` (default): summary and choice in the page, details in a modal dialog; `inline`: everything in the page, for the privacy-policy page. */
  @property({ reflect: true }) mode: 'banner' | 'inline' = 'banner';

  /** `flow` (default): where the element stands; `bottom`: the consent banner sits at the bottom of the window and pads the page so it never covers focused content. */
  @property({ reflect: true }) position: 'flow' | 'bottom' = 'flow';

  /** Level of the notice's top heading (1–5); sections use the next levels. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** Where the choice is kept: `local` (local storage, default) or `cookie` (a first-party cookie). */
  @property() storage: 'local' | 'cookie' = 'local';

  /** Name under which the choice is kept. */
  @property({ attribute: 'storage-key' }) storageKey = 'privacy-consent';

  /** Days a choice holds; by default 13 months. */
  @property({ attribute: 'expiry-days', type: Number }) expiryDays: number | undefined;

  /** Overrides `navigator.globalPrivacyControl` (true: every consent purpose starts refused). */
  @property({ attribute: false }) gpc: boolean | undefined;

  @state() private status: 'idle' | 'loading' | 'ready' | 'invalid' | 'error' = 'idle';
  @state() private data: PrivacyConfig | undefined;
  @state() private loadError: unknown;
  @state() private contact: Contact | undefined;
  @state() private record: ConsentRecord | undefined;
  @state() private reason: Staleness;
  @state() private draft: Record<string, boolean> = {};
  @state() private announcement = '';

  private loads = 0;
  private opener: HTMLElement | null = null;
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
    this.draft = this.initialDraft();
    await this.updateComplete;
    const root = this.shadowRoot!;
    const dialog = root.querySelector('dialog');
    if (dialog) {
      if (!dialog.open) {
        this.opener = deepActive();
        dialog.showModal(); // the page behind becomes inert; Escape closes
      }
    } else root.querySelector('details')?.setAttribute('open', '');
    // The heading, so screen readers say where they are before anything else.
    root.querySelector<HTMLElement>(dialog ? '#dialog-title' : '#title')?.focus();
  }

  private get gpcOn(): boolean {
    return this.gpc ?? (typeof navigator !== 'undefined' && navigator.globalPrivacyControl === true);
  }

  private get undecided(): boolean {
    return !!this.data && consentPurposes(this.data).some((p) => typeof this.record?.choices[p.id] !== 'boolean');
  }

  private store(): RecordStore {
    return this.storage === 'cookie' ? cookieRecordStore(this.storageKey, this.expiryDays ?? 396) : localRecordStore(this.storageKey);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('citopia-consent-change', this.onOtherNotice);
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
    if (changed.has('config') || changed.has('src')) void this.load();
    else if ((changed.has('storage') || changed.has('storageKey') || changed.has('expiryDays')) && this.data) this.restore();
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
    if (raw === undefined) {
      if (!this.src) return;
      this.status = 'loading';
      try {
        raw = await fetchJson(this.src);
      } catch (error) {
        if (token !== this.loads) return;
        this.loadError = error;
        this.status = 'error';
        if (!retried) this.announcement = this.localize(() => describeLoadError(error));
        return;
      }
      if (token !== this.loads) return;
    }
    const problems = validateConfig(raw);
    if (problems.length && isServer) {
      this.contact = findController(raw);
      this.status = 'invalid';
      return;
    }
    if (problems.length) {
      console.error(`[citopia-privacy-notice] invalid configuration:\n${problems.map((p) => `  ${p.path || '(root)'} ${p.message}`).join('\n')}`);
      this.data = undefined;
      this.contact = findController(raw);
      this.status = 'invalid';
      // Said, not only shown: people learn that the notice they expect is missing.
      this.announcement = this.localize(() => msg('The privacy notice cannot be shown because its settings contain an error.', { id: 'privacy.invalid' }));
      this.record = undefined;
      this.gate.stop();
      publishConsent(this.consentState); // nothing allowed
      this.emit('citopia-consent-change', this.consentState);
      return;
    }
    this.data = raw as PrivacyConfig;
    this.status = 'ready';
    this.announcement = ''; // an earlier error no longer holds
    if (isServer) {
      // Server rendering: no stored choice and no page to gate; render as for a first visit.
      this.draft = this.initialDraft();
      return;
    }
    this.restore();
    this.gate.start();
    this.changed(true);
  }

  /** Reads the stored choice; a choice for another version, or too old, no longer counts. */
  private restore(): void {
    const record = this.store().read();
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
    if (!this.data) return;
    const ids = new Set(consentPurposes(this.data).map((p) => p.id));
    const before = this.consentState.purposes;
    const record: ConsentRecord = {
      version: this.data.version,
      date: new Date().toISOString(),
      choices: { ...this.record?.choices, ...Object.fromEntries(Object.entries(choices).filter(([id]) => ids.has(id))) },
    };
    const kept = this.store().write(record);
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

  private all(value: boolean): Record<string, boolean> {
    return Object.fromEntries(consentPurposes(this.data!).map((p) => [p.id, value]));
  }

  private onDialogClose = () => {
    const back = this.opener?.isConnected ? this.opener : this.renderRoot.querySelector<HTMLElement>('.settings');
    this.opener = null;
    back?.focus();
  };

  // ---- rendering -------------------------------------------------------------------------

  /** A data text in the best language, marked with its own `lang` (and direction) when it differs from the page's. */
  private t(value: Localizable | undefined, easy?: Localizable) {
    const { text, lang } = easy === undefined ? pickText(value, this.dataLanguage) : pickReadableText(value, easy, this.dataLanguage, this.easyReading);
    const other = lang && primaryLanguage(lang) !== primaryLanguage(this.dataLanguage);
    return other ? html`<span lang=${lang} dir=${directionOf(lang)}>${text}</span>` : text;
  }

  /** "Label: text", with the colon as the language writes it (French puts a space before it). */
  private pair(label: Localizable, text: Localizable | undefined, strong = false) {
    const head = strong ? html`<strong>${this.t(label)}</strong>` : this.t(label);
    if (!text) return head;
    const colon = msg(': ', { id: 'privacy.colon', desc: 'Between a label and its text, as in "Identity: name, date of birth".' });
    return html`${head}${colon}${this.t(text)}`;
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
    const tag = HEADINGS[Math.min(5, Math.max(0, (Number(this.headingLevel) || 2) + offset - 1))];
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
        return this.mode === 'inline' ? html`<p class="muted">${msg('Loading the privacy notice…', { id: 'privacy.loading' })}</p>` : nothing;
      case 'error':
        return html`<div class="message error">
          <p>${describeLoadError(this.loadError)}</p>
          <button type="button" @click=${() => this.retryFromButton()}>${msg('Try again', { id: 'privacy.retry' })}</button>
        </div>`;
      case 'invalid':
        return this.renderInvalid();
    }
    const data = this.data!;
    const needsConsent = consentPurposes(data).length > 0;
    // The landmark's and heading's name in the page's language: the configuration's title when it
    // has one in that language (or is a plain string), else our own translated title.
    const title = data.title && this.inPageLanguage(data.title) ? this.t(data.title) : msg('Your data on this site', { id: 'privacy.title' });
    if (this.mode === 'inline') {
      return html`<section part="notice" class="notice" aria-labelledby="title">
        ${this.h(0, title, 'title')}${this.renderSummary()}${this.renderDetails(1)}${needsConsent ? this.renderDialogActions() : nothing}${this.renderReadingToggle()}
      </section>`;
    }
    if (!needsConsent) {
      return html`<section part="notice" class="notice" aria-labelledby="title">
        ${this.h(0, title, 'title')}${this.renderSummary()}
        <details>
          <summary>${msg('Read the full privacy notice', { id: 'privacy.full-notice' })}</summary>
          ${this.renderDetails(1)}
        </details>
        ${this.renderReadingToggle()}
      </section>`;
    }
    // Under Global Privacy Control the answer is already "no": no banner, the notice says so.
    const banner = this.undecided && !this.gpcOn;
    return html`${banner
        ? html`<section part="notice" class="notice banner ${this.position === 'bottom' ? 'bottom' : ''}" aria-labelledby="title">
            ${this.h(0, title, 'title')}${this.renderReason()}${this.renderSummary()}
            <p>${msg('We ask your consent only for what the service does not need. None of it is loaded before you choose, and you can change your mind at any time.', { id: 'privacy.consent-intro' })}</p>
            <div class="actions" part="actions">
              ${this.choiceButton(msg('Accept all', { id: 'privacy.accept-all' }), () => this.decide(this.all(true), true))}
              ${this.choiceButton(msg('Refuse all', { id: 'privacy.refuse-all' }), () => this.decide(this.all(false), true))}
              ${this.choiceButton(msg('Choose', { id: 'privacy.choose' }), () => this.openSettings(), 'dialog')}
            </div>
            ${this.renderReadingToggle()}
          </section>`
        : html`<div class="compact">
            ${this.gpcOn && !this.record ? html`<p>${this.gpcNote()}</p>` : nothing}
            <button type="button" class="settings" part="settings-button" aria-haspopup="dialog" @click=${() => this.openSettings()}>
              ${msg('Privacy settings', { id: 'privacy.settings' })}
            </button>
          </div>`}${this.renderDialog()}`;
  }

  private choiceButton(label: string, action: () => unknown, popup?: 'dialog') {
    return html`<button type="button" class="choice" part="button" aria-haspopup=${ifDefined(popup)} @click=${action}>${label}</button>`;
  }

  private gpcNote() {
    return msg('Your browser sends a Global Privacy Control signal, so everything that needs your consent stays off. You can still allow something in the privacy settings.', { id: 'privacy.gpc' });
  }

  private renderReason() {
    if (!this.reason) return nothing;
    return html`<p class="message warning">
      ${this.reason === 'version'
        ? msg('This notice has changed since your last choice. Please choose again.', { id: 'privacy.reason.version' })
        : msg('Your last choice has expired. Please choose again.', { id: 'privacy.reason.expired' })}
    </p>`;
  }

  private renderInvalid() {
    const c = this.contact;
    return html`<div class="message error" part="notice">
      <p>${msg('The privacy notice cannot be shown because its settings contain an error.', { id: 'privacy.invalid' })}</p>
      ${c
        ? html`<p>${msg('For any question about your data, contact:', { id: 'privacy.invalid.contact' })}</p>
            ${this.renderContact(c)}`
        : html`<p>${msg('For any question about your data, please contact the operator of this site.', { id: 'privacy.invalid.no-contact' })}</p>`}
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
      </ul>
      ${this.gpcOn && this.mode === 'inline' ? html`<p>${this.gpcNote()}</p>` : nothing}`;
  }

  private renderDialog() {
    return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${this.onDialogClose}>
      <div class="dialog-head">
        ${this.h(0, msg('Privacy settings', { id: 'privacy.settings' }), 'dialog-title', true)}
        <button type="button" class="choice close" @click=${() => this.renderRoot.querySelector('dialog')?.close()}>${msg('Close', { id: 'privacy.close' })}</button>
      </div>
      ${this.gpcOn && !this.record ? html`<p>${this.gpcNote()}</p>` : nothing}
      ${this.renderDetails(1)}
      ${consentPurposes(this.data!).length ? this.renderDialogActions() : nothing}
      ${this.renderReadingToggle()}
    </dialog>`;
  }

  private renderDialogActions() {
    return html`<p>${msg('Switching something off stops it from loading again; a reload of the page may be needed to stop what has already started.', { id: 'privacy.reload-note' })}</p>
      <div class="actions" part="actions">
        ${this.choiceButton(msg('Accept all', { id: 'privacy.accept-all' }), () => this.decide(this.all(true), true))}
        ${this.choiceButton(msg('Refuse all', { id: 'privacy.refuse-all' }), () => this.decide(this.all(false), true))}
        ${this.choiceButton(msg('Save my choices', { id: 'privacy.save' }), () => this.decide(this.draft, true))}
      </div>`;
  }

  private renderContact(c: Contact) {
    const email = c.email && safeUrl(`mailto:${c.email}`);
    const phone = c.phone && safeUrl(`tel:${c.phone.replace(/[^\d+]/g, '')}`);
    const web = safeUrl(c.url);
    return html`<p class="contact">
      ${this.t(c.name)}${c.address ? html`<br />${this.t(c.address)}` : nothing}
      ${email ? html`<br />${msg('E-mail:', { id: 'privacy.contact.email' })} <a href=${email}>${c.email}</a>` : nothing}
      ${phone ? html`<br />${msg('Phone:', { id: 'privacy.contact.phone' })} <a href=${phone}>${c.phone}</a>` : nothing}
      ${web ? html`<br />${msg('Website:', { id: 'privacy.contact.web' })} <a href=${web}>${c.url}</a>` : nothing}
    </p>`;
  }

  private basis(b: LegalBasis): string {
    return {
      consent: msg('your consent', { id: 'privacy.basis.consent' }),
      contract: msg('a contract with you', { id: 'privacy.basis.contract' }),
      'legal-obligation': msg('a legal obligation', { id: 'privacy.basis.legal-obligation' }),
      'vital-interest': msg('the protection of vital interests', { id: 'privacy.basis.vital-interest' }),
      'public-task': msg('a task in the public interest', { id: 'privacy.basis.public-task' }),
      'legitimate-interest': msg('a legitimate interest', { id: 'privacy.basis.legitimate-interest' }),
    }[b];
  }

  /** Layer 3: every item of the configuration, under real headings. */
  private renderDetails(offset: number) {
    const d = this.data!;
    const section = (title: string, body: unknown) => html`<section>${this.h(offset, title)}${body}</section>`;
    const para = (value: Localizable | undefined) => html`<p>${this.t(value)}</p>`;
    return html`<div class="details">
      ${section(msg('Who is responsible', { id: 'privacy.details.controller' }), this.renderContact(d.controller))}
      ${d.dpo ? section(msg('Data protection officer', { id: 'privacy.details.dpo' }), this.renderContact(d.dpo)) : nothing}
      ${section(msg('Why we use your data', { id: 'privacy.details.purposes' }), html`<ul class="purposes">${d.purposes.map((p) => this.renderPurpose(p, offset + 1))}</ul>`)}
      ${section(
        msg('What data we use', { id: 'privacy.details.categories' }),
        html`<ul class="categories">${d.dataCategories.map((c) => html`<li>${categoryIcon(c.icon)}<span>${this.pair(c.label, c.description)}</span></li>`)}</ul>`,
      )}
      ${d.source ? section(msg('Where the data comes from', { id: 'privacy.details.source' }), para(d.source)) : nothing}
      ${d.recipients?.length
        ? section(msg('Who receives it', { id: 'privacy.details.recipients' }), html`<ul>${d.recipients.map((r) => html`<li>${this.pair(r.name, r.description)}</li>`)}</ul>`)
        : nothing}
      ${section(
        msg('Transfers to other countries', { id: 'privacy.details.transfers' }),
        d.transfers?.length
          ? html`<ul>${d.transfers.map((x) => html`<li>${this.pair(x.country, x.safeguard)}</li>`)}</ul>`
          : html`<p>${msg('No data is transferred to other countries.', { id: 'privacy.details.no-transfers' })}</p>`,
      )}
      ${section(msg('How long we keep it', { id: 'privacy.details.retention' }), para(d.retention))}
      ${section(
        msg('Your rights', { id: 'privacy.details.rights' }),
        d.rights
          ? para(d.rights)
          : html`<p>${msg('You may ask to see your data, to have it corrected or deleted, to restrict or object to its use, and to receive it in a portable format. You may withdraw your consent at any time; this does not affect what was done before.', { id: 'privacy.details.rights-default' })}</p>`,
      )}
      ${section(msg('Where to complain', { id: 'privacy.details.authority' }), this.renderContact(d.authority))}
      ${section(msg('Automated decisions', { id: 'privacy.details.automated' }), para(d.automatedDecisions))}
      <p class="muted">
        ${msg(str`Version ${d.version}, last updated on ${new Intl.DateTimeFormat(this.locale === 'ar' ? 'ar-u-nu-latn' : this.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(d.lastUpdated))}`, { id: 'privacy.version' })}
        ${safeUrl(d.policyUrl) ? html`<br /><a href=${safeUrl(d.policyUrl)!}>${msg('Full privacy policy', { id: 'privacy.policy' })}</a>` : nothing}
      </p>
    </div>`;
  }

  private renderPurpose(p: Purpose, offset: number) {
    const services = (this.data!.services ?? []).filter((s) => s.purposes.includes(p.id));
    const consent = p.legalBasis === 'consent';
    return html`<li>
      ${this.h(offset, this.t(p.title))}
      <p id="desc-${p.id}">${this.t(p.description, p.easyDescription)}</p>
      <p>${msg(str`Legal basis: ${this.basis(p.legalBasis)}.`, { id: 'privacy.basis' })}
        ${p.legitimateInterest ? html`${msg('Interest pursued:', { id: 'privacy.interest' })} ${this.t(p.legitimateInterest)}` : nothing}</p>
      ${services.length
        ? html`<ul class="services">
            ${services.map(
              (s) => html`<li>
                ${this.pair(s.title ?? s.name, s.description, true)}
                ${s.cookies?.length ? html`<br />${msg(str`Cookies: ${this.list(s.cookies)}`, { id: 'privacy.cookies' })}` : nothing}
                ${s.storageKeys?.length ? html`<br />${msg(str`Kept on your device: ${this.list(s.storageKeys)}`, { id: 'privacy.storage-keys' })}` : nothing}
              </li>`,
            )}
          </ul>`
        : nothing}
      ${consent
        ? html`<p class="switch">
            <input
              type="checkbox"
              role="switch"
              id="switch-${p.id}"
              aria-describedby="desc-${p.id}"
              .checked=${this.draft[p.id] === true}
              @change=${(e: Event) => (this.draft = { ...this.draft, [p.id]: (e.target as HTMLInputElement).checked })}
            />
            <label for="switch-${p.id}">${msg(str`Allow: ${this.plain(p.title)}`, { id: 'privacy.allow' })}</label>
          </p>`
        : html`<p class="muted">${msg('Always active: it does not need your consent.', { id: 'privacy.always-on' })}</p>`}
    </li>`;
  }

  /** The click-to-load placeholder of a blocked iframe: says what loading shares, and with whom. */
  private paintPlaceholder(frame: HTMLIFrameElement, host: HTMLElement): void {
    host.lang = this.dataLanguage;
    host.dir = this.getAttribute('dir') ?? 'ltr';
    const data = this.data;
    const ids = (frame.dataset.citopiaPurpose ?? '').split(/\s+/).filter(Boolean);
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
