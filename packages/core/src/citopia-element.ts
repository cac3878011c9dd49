import { LitElement, html, isServer, nothing, render, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { msg } from '@lit/localize/init/install.js';
import { resolveLanguage, watchLanguage } from './language.js';
import { directionOf, toSupportedLocale, type Locale } from './locales-supported.js';
import { activeLocale, ensureLocale, installLocalization, isLocaleReady, withLocale, type StringOverrides } from './i18n.js';
import { ensureEasyLocale, followReading, isEasyLocaleReady, resolveReading, setReadingPreference, type ReadingMode } from './reading-mode.js';
import { emitEvent, type CitopiaEventMap, type CitopiaEventName, type EmitOptions } from './events.js';

installLocalization();

/** What takes the focus without a tabindex (enough for what our components render). */
const FOCUSABLE = 'a[href], area[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, iframe, [tabindex], [contenteditable]:not([contenteditable="false"])';

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
    strings: { attribute: 'strings', type: Object },
    reading: { attribute: 'reading' },
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

  private stopFollowingReading: (() => void) | undefined;

  /** The page's language tag as resolved (for example "fr-CH"). */
  protected dataLanguage = 'en';

  /** The interface language this element speaks. */
  protected locale: Locale = 'en';

  private stopWatchingLanguage: (() => void) | undefined;

  /** True when the element arrived with server-rendered (declarative) shadow DOM to hydrate. */
  protected readonly serverRendered: boolean = !isServer && this.shadowRoot !== null;

  /** Fields a person edited in the server-rendered DOM before the scripts arrived. */
  private preHydrationEdits: Array<{ id: string; value: string; checked: boolean }> | undefined;

  /** What the person changed in server-rendered fields (hydration resets bound values). */
  private editedFields(): Array<{ id: string; value: string; checked: boolean }> {
    const edits = [];
    for (const field of this.shadowRoot?.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input[id], textarea[id], select[id]') ?? []) {
      const toggle = field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio');
      const edited =
        field instanceof HTMLSelectElement
          ? [...field.options].some((o) => o.selected !== o.defaultSelected)
          : toggle
            ? (field as HTMLInputElement).checked !== (field as HTMLInputElement).defaultChecked
            : field.value !== field.defaultValue;
      if (edited) edits.push({ id: field.id, value: field.value, checked: toggle && (field as HTMLInputElement).checked });
    }
    return edits;
  }

  /**
   * After hydration, what a person typed or chose before the scripts arrived is put back and
   * handed to the component's own handlers, as if typed now: nothing is lost.
   */
  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    const edits = this.preHydrationEdits;
    this.preHydrationEdits = undefined;
    for (const edit of edits ?? []) {
      const field = this.renderRoot.querySelector<HTMLInputElement>(`#${CSS.escape(edit.id)}`);
      if (!field) continue;
      if (field.type === 'checkbox' || field.type === 'radio') field.checked = edit.checked;
      else field.value = edit.value;
      field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      field.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }

  /** True when the shadow root held server-rendered DOM at connection (before the first update). */
  private arrivedWithDom = false;
  private waitingSlot?: HTMLSlotElement;

  override connectedCallback(): void {
    if (!this.hasUpdated) this.arrivedWithDom = (this.shadowRoot?.childNodes.length ?? 0) > 0;
    if (this.serverRendered && !this.hasUpdated) this.preHydrationEdits = this.editedFields();
    super.connectedCallback();
    // Until the first render (which waits for the language's catalogue), what the city wrote
    // inside the tag stays on screen, as before the element was defined: no empty box, no jump.
    if (!this.hasUpdated && !this.arrivedWithDom && this.renderRoot instanceof ShadowRoot && !this.renderRoot.querySelector('slot')) {
      this.renderRoot.append((this.waitingSlot = document.createElement('slot')));
    }
    this.updateLanguage();
    this.stopWatchingLanguage = watchLanguage(this, () => this.updateLanguage());
    this.updateReading();
    this.stopFollowingReading = followReading(() => this.updateReading());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatchingLanguage?.();
    this.stopWatchingLanguage = undefined;
    this.stopFollowingReading?.();
    this.stopFollowingReading = undefined;
  }

  /** Re-reads the language; the language watcher calls it on any `lang` change above us. */
  protected updateLanguage(): void {
    const tag = resolveLanguage(this);
    const locale = toSupportedLocale(tag);
    this.dataLanguage = tag;
    this.locale = locale;
    const dir = directionOf(tag);
    if (this.getAttribute('dir') !== dir) this.setAttribute('dir', dir);
    if (!isLocaleReady(locale)) void ensureLocale(locale).then(() => this.requestUpdate());
    if (this.easyReading && !isEasyLocaleReady(locale)) void ensureEasyLocale(locale).then(() => this.requestUpdate());
  }

  /** Re-resolves the reading mode; called on connect, on `reading` changes and on any choice. */
  protected updateReading(): void {
    const mode = resolveReading(this, this.reading);
    if (mode !== this.effectiveReading) this.effectiveReading = mode;
    if (mode === 'easy' && !isEasyLocaleReady(this.locale)) void ensureEasyLocale(this.locale).then(() => this.requestUpdate());
  }

  /**
   * The easy-to-read switch, placed by each component where it fits (a pressed-state button:
   * the WAI-ARIA toggle button pattern). Pressing it records the person's choice for every
   * component on the page; if this element is pinned by its own or an ancestor's setting, it
   * switches itself too, so that the control always does what it says.
   */
  protected renderReadingToggle(): TemplateResult | typeof nothing {
    if (this.hideReadingToggle) return nothing;
    return html`<div class="reading-toggle" part="reading-toggle">
      <button type="button" class="reading-toggle-button" aria-pressed=${this.easyReading ? 'true' : 'false'} @click=${this.toggleReading}>
        ${msg('Easy to read', { id: 'core.reading.toggle' })}
      </button>
    </div>`;
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
    const tag = this.getAttribute('lang') ?? activeLocale() ?? 'en';
    this.dataLanguage = tag;
    this.locale = toSupportedLocale(tag);
    this.setAttribute('dir', directionOf(tag));
  }

  /** Holds the update until the catalogue for our locale is in memory. */
  protected override async scheduleUpdate(): Promise<void> {
    if (!isLocaleReady(this.locale)) await ensureLocale(this.locale);
    if (this.easyReading && !isEasyLocaleReady(this.locale)) await ensureEasyLocale(this.locale);
    super.scheduleUpdate();
  }

  /** Renders with msg() answering in this element's language. */
  protected override update(changed: PropertyValues): void {
    const adoptServerDom = !this.hasUpdated && this.arrivedWithDom;
    this.waitingSlot?.remove();
    this.waitingSlot = undefined;
    withLocale(
      this.locale,
      this.strings,
      () => {
        try {
          super.update(changed);
          // Hydration adopted the server's text, which is standard wording (easy-to-read
          // catalogues are not loaded on the server): a person reading in easy-to-read
          // language gets a fresh render instead.
          if (adoptServerDom && this.easyReading) this.renderFresh();
        } catch (error) {
          if (!(error instanceof Error) || !error.message.startsWith('Hydration')) throw error;
          this.renderAfresh(error);
        }
      },
      this.easyReading,
    );
  }

  /**
   * Server-rendered DOM that does not match the first client render (the server lacked data or
   * code the browser has) cannot be hydrated: start clean rather than show a broken mix.
   */
  private renderAfresh(error: Error): void {
    console.warn(`[citopia] <${this.localName}> could not hydrate the server's rendering; rendering it again.`, error.message);
    this.renderFresh();
  }

  /**
   * Renders into an emptied root, forgetting what lit-html (or hydration) put there. The
   * server's `<style>` stays: a hydrated root has no adopted style sheets.
   */
  private renderFresh(): void {
    const root = this.renderRoot as (ShadowRoot | HTMLElement) & { _$litPart$?: unknown };
    root._$litPart$ = undefined; // lit-html's record of what it rendered into this root
    for (const node of [...root.childNodes]) if (!(node instanceof HTMLStyleElement)) node.remove();
    render(this.render(), root, this.renderOptions);
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
    if (!el.matches(FOCUSABLE)) el.setAttribute('tabindex', '-1');
    el.focus();
    return el;
  }

  /** Dispatches a Citopia event; returns true when a listener cancelled it. */
  protected emit<K extends CitopiaEventName>(name: K, detail: CitopiaEventMap[K], options?: EmitOptions): boolean {
    return emitEvent(this, name, detail, options);
  }
}
