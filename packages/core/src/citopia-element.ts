import { LitElement, html, isServer, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { msg } from '@lit/localize/init/install.js';
import { resolveLanguage, watchLanguage } from './language.js';
import { directionOf, toSupportedLocale, type Locale } from './locales-supported.js';
import { activeLocale, ensureLocale, installLocalization, isLocaleReady, withLocale, type StringOverrides } from './i18n.js';
import { ensureEasyLocale, followReading, isEasyLocaleReady, resolveReading, setReadingPreference, type ReadingMode } from './reading-mode.js';
import { emitEvent, type CitopiaEventMap, type CitopiaEventName, type EmitOptions } from './events.js';
import type { Hydrating } from './hydration.js';

installLocalization();

type Hydration = typeof import('./hydration.js');
const importHydration = (): Promise<Hydration> => import('./hydration.js');
/** hydration.ts, asked for as the first server-rendered element connects (with its catalogue). */
let hydration: Promise<Hydration> | undefined;

/**
 * The one base class of every Citopia component: the cross-cutting concerns live here once.
 *
 * - Language: the closest `[lang]` ancestor, crossing shadow roots, then `<html lang>`; followed
 *   live. `locale` is the interface language we ship (fr, de, it, en, ar), `dataLanguage` the
 *   page's own tag, used to pick texts out of data language maps.
 * - Direction: `dir` is set on the host from the language (ar is right-to-left).
 * - Translations: the locale's catalogue is loaded before the first render, so nobody sees a
 *   flash of English; `msg()` calls during render answer in the element's language.
 * - Host wording: the `strings` property (or a JSON `strings` attribute) overrides any string.
 * - Reading mode: `reading="easy"` (or an ancestor's `data-citopia-reading`, or the person's
 *   remembered choice) switches every string to its easy-to-read variant; each component shows
 *   a toggle for it (`renderReadingToggle()`) unless `hide-reading-toggle` is set.
 * - Events: `emit()` dispatches typed, bubbling, composed events.
 */
export class CitopiaElement extends LitElement {
  // Declared here rather than with decorators: the same reactive properties in fewer bytes.
  static override properties: PropertyDeclarations = {
    strings: { type: Object },
    reading: {},
    hideReadingToggle: { type: Boolean, attribute: 'hide-reading-toggle' },
    effectiveReading: { state: true },
    dataLanguage: { state: true },
    locale: { state: true },
  };

  /**
   * Host-page wording by message id, for all locales (`{"finder.search.label": "Chercher"}`) or
   * per locale (`{"fr": {...}}`). `{0}`, `{1}` stand for the values of the source string.
   */
  strings: StringOverrides | undefined;

  /**
   * "easy" for easy-to-read language, "standard" for the usual wording. Unset: the closest
   * ancestor's `data-citopia-reading`, else the person's remembered choice, else standard.
   */
  reading: ReadingMode | undefined;

  /** Hides the component's own easy-to-read toggle (for a page with one page-level toggle). */
  hideReadingToggle = false;

  /** The reading mode in effect, resolved from `reading`, ancestors and the person's choice. */
  private effectiveReading: ReadingMode = 'standard';

  /** The reading mode in effect ("easy" or "standard"). */
  get readingMode(): ReadingMode {
    return this.effectiveReading;
  }

  /** True when strings, and data with an easy-to-read text, are shown in easy-to-read language. */
  protected get easyReading(): boolean {
    return this.effectiveReading === 'easy';
  }

  /** The page's language tag as resolved (for example "fr-CH"). */
  protected dataLanguage = 'en';

  /** The interface language this element speaks. */
  protected locale: Locale = 'en';

  /** What stops following the language and the reading mode, while connected. */
  private unfollow: Array<() => void> = [];

  /** True when the element arrived with server-rendered (declarative) shadow DOM to hydrate. */
  protected readonly serverRendered: boolean = !isServer && this.shadowRoot !== null;

  /** hydration.ts, once loaded, for the first update of server-rendered DOM. */
  private hydrating?: Hydration;
  private waitingSlot?: HTMLSlotElement;

  override connectedCallback(): void {
    // A download that fails (offline) is tried again when the browser is back online; until then the
    // element keeps the server's DOM, and what the person types into it.
    if (this.serverRendered && !this.hasUpdated) hydration ??= importHydration().catch((failure: unknown) => import('./chunk.js').then(({ loadWhenOnline }) => loadWhenOnline(importHydration, failure)));
    super.connectedCallback();
    // Until the first render (which waits for the language's catalogue), what the city wrote
    // inside the tag stays on screen, as before the element was defined: no empty box, no jump.
    if (!this.hasUpdated && !this.serverRendered && this.renderRoot instanceof ShadowRoot && !this.renderRoot.querySelector('slot')) {
      this.renderRoot.append((this.waitingSlot = document.createElement('slot')));
    }
    this.updateLanguage();
    this.updateReading();
    this.unfollow = [watchLanguage(this, () => this.updateLanguage()), followReading(() => this.updateReading())];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of this.unfollow.splice(0)) stop();
  }

  /** Takes the language of `tag` (the page's), with its writing direction. */
  private useLanguage(tag: string): void {
    const dir = directionOf(tag);
    this.dataLanguage = tag;
    this.locale = toSupportedLocale(tag);
    if (this.getAttribute('dir') !== dir) this.setAttribute('dir', dir);
  }

  /** True when the catalogues of our locale (and reading mode) are in memory. */
  private stringsReady(): boolean {
    return isLocaleReady(this.locale) && (!this.easyReading || isEasyLocaleReady(this.locale));
  }

  /** Loads the catalogues of our locale, and the easy-to-read ones when we read in that mode. */
  private async loadStrings(): Promise<void> {
    await Promise.all([ensureLocale(this.locale), this.easyReading && ensureEasyLocale(this.locale)]);
  }

  /** Asks for the catalogues we lack, and renders again when they arrive. */
  private requestStrings(): void {
    if (!this.stringsReady()) void this.loadStrings().then(() => this.requestUpdate());
  }

  /** Re-reads the language; the language watcher calls it on any `lang` change above us. */
  protected updateLanguage(): void {
    this.useLanguage(resolveLanguage(this));
    this.requestStrings();
  }

  /** Re-resolves the reading mode; called on connect, on `reading` changes and on any choice. */
  protected updateReading(): void {
    this.effectiveReading = resolveReading(this, this.reading);
    this.requestStrings();
  }

  /**
   * The easy-to-read switch, placed by each component where it fits (a pressed-state button:
   * the WAI-ARIA toggle button pattern). Pressing it records the person's choice for every
   * component on the page; if this element is pinned by its own or an ancestor's setting, it
   * switches itself too, so that the control always does what it says.
   */
  protected renderReadingToggle(): TemplateResult | typeof nothing {
    if (this.hideReadingToggle) return nothing;
    return html`<div class="reading-toggle" part="reading-toggle"><button type="button" class="reading-toggle-button" aria-pressed=${this.easyReading ? 'true' : 'false'} @click=${this.toggleReading}>${msg('Easy to read', { id: 'core.reading.toggle' })}</button></div>`;
  }

  private toggleReading(): void {
    const next: ReadingMode = this.easyReading ? 'standard' : 'easy';
    setReadingPreference(next, this);
    if (resolveReading(this, this.reading) !== next) this.reading = next;
    this.updateReading();
  }

  /**
   * Server rendering (@lit-labs/ssr) calls willUpdate and render but not connectedCallback:
   * take the language from our own `lang` attribute or the one the server renders in.
   */
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!isServer) {
      if (changed.has('reading') && this.isConnected) this.updateReading();
      return;
    }
    this.useLanguage(this.getAttribute('lang') ?? activeLocale() ?? 'en');
  }

  /** Holds the update until the catalogue for our locale (and, for server DOM, hydration.ts) is in memory. */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.stringsReady()) await this.loadStrings();
    // Server-rendered DOM: the first update also waits for hydration.ts (asked for at connection).
    if (this.serverRendered && !this.hasUpdated) this.hydrating = await hydration;
    super.scheduleUpdate();
  }

  /** Renders with msg() answering in this element's language. */
  protected override update(changed: PropertyValues): void {
    this.waitingSlot?.remove();
    this.waitingSlot = undefined;
    this.localize(() => {
      const update = () => super.update(changed);
      if (this.hydrating && !this.hasUpdated) this.hydrating.hydrate(this as unknown as Hydrating, update);
      else update();
    });
  }

  /** Runs `fn` with msg() in this element's language, for strings built outside render(). */
  protected localize<T>(fn: () => T): T {
    return withLocale(this.locale, this.strings, fn, this.easyReading);
  }

  /**
   * After the next update, moves the focus to what `target` names in our shadow root (a selector,
   * or a function for targets a selector cannot say), giving it tabindex="-1" first when it
   * cannot take the focus (a heading, a message). Components call it when what the person acted
   * on is replaced (the "Try again" button gives way to the content or to the new error), so that
   * the focus never falls to the document. Resolves with the element focused, if any.
   */
  protected async moveFocusAfterUpdate(target: string | (() => HTMLElement | null | undefined)): Promise<HTMLElement | undefined> {
    await this.updateComplete;
    const el = typeof target === 'string' ? this.renderRoot.querySelector<HTMLElement>(target) : target();
    if (!el?.isConnected) return undefined;
    el.focus();
    // It could not take the focus (a heading, a message): make it focusable, not tabbable.
    if ((el.getRootNode() as ShadowRoot | Document).activeElement !== el) {
      el.tabIndex = -1;
      el.focus();
    }
    return el;
  }

  /** Dispatches a Citopia event; returns true when a listener cancelled it. */
  protected emit<K extends CitopiaEventName>(name: K, detail: CitopiaEventMap[K], options?: EmitOptions): boolean {
    return emitEvent(this, name, detail, options);
  }
}
