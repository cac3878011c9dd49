import { adoptStyles, html, isServer, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { CitopiaElement } from '@citopia/core';
import { partLoader } from '@citopia/core/chunk';
import { FetchError, describeLoadError } from '@citopia/core/fetch';
import { isHttpUrl } from '@citopia/core/safe-url';
import { pickText } from '@citopia/core/language-map';
import { styles } from './citopia-open-source-badge.styles.js';
import { loadPubliccode } from './load.js';
import { nestsDeeperThan, fatalSource, type ParsedSource } from './limits.js';
import { foreignLang, summarise, webLink, type BadgeSummary } from './summary.js';
import './translations.js';

export type { BadgeSummary } from './summary.js';
export type { Problem } from './problem.js';

/** Where reading the source stands. */
export type BadgeLoadState = 'idle' | 'loading' | 'ready' | 'error';

declare module '@citopia/core' {
  interface CitopiaEventMap {
    'citopia-open-source-badge-load': { summary: BadgeSummary };
    'citopia-open-source-badge-toggle': { open: boolean };
  }
}

type DetailsModule = typeof import('./details.js');
/** The expanded view's chunk; after a failure, "Try again" really asks the server again. */
const importDetails = partLoader(() => import('./details.js'));

/**
 * The public API of `<citopia-open-source-badge>`, the type `document.createElement` gives. An
 * interface rather than the class, so that two copies of the declarations (sources and build)
 * stay compatible.
 */
export interface OpenSourceBadgeElement extends HTMLElement {
  src: string | undefined;
  data: unknown;
  license: string | undefined;
  repository: string | undefined;
  validate: boolean;
  open: boolean;
  headingLevel: number;
  readonly loadState: BadgeLoadState;
  readonly summary: BadgeSummary;
  whenReady(): Promise<void>;
}

/**
 * Shows, from its publiccode.yml, that a site or service is open source and can be reused: a
 * compact pill ("Open source · EUPL-1.2") linking to the repository, and a disclosure with the
 * name, short description, licence, development status, maintenance, version and release date,
 * organisation, the bodies that already use it, platforms and a "Reuse this software" link.
 *
 * Sources, in order: the `data` property (a parsed publiccode.yml), the `src` file (YAML or its
 * JSON rendering), or, with no file, the `license` and `repository` attributes. The badge
 * requests nothing but its own `src`, with the browser's default HTTP cache. Its reader of the
 * file is a chunk requested together with the file (the full YAML parser a further one, only for
 * YAML the small reader declines); the expanded view is its own chunk, loaded on first opening.
 * With `validate`, maintainers also see every problem of the file with its key.
 *
 * @summary Open-source badge read from publiccode.yml, with a validator for maintainers.
 * @tag citopia-open-source-badge
 *
 * @event citopia-open-source-badge-load - The source was read; `detail`: `{ summary }`.
 * @event citopia-open-source-badge-toggle - The details were opened or closed; `detail`: `{ open }`.
 * @event citopia-reading-change - The person chose easy-to-read or standard language; detail `{ reading }`. Every Citopia component on the page follows.
 * @fires citopia-open-source-badge-load
 * @fires citopia-open-source-badge-toggle
 *
 * @csspart base - The wrapper of the whole badge.
 * @csspart pill - The "Open source · licence" pill (a link to the repository when there is one).
 * @csspart toggle - The button that opens and closes the details.
 * @csspart retry - The "Try again" button after a loading error.
 * @csspart details - The disclosed panel.
 * @csspart status - The live region for loading, error and file notes.
 * @csspart name - The software's name (a heading).
 * @csspart description - The short description.
 * @csspart facts - The list of facts (licence, status, maintenance…).
 * @csspart reuse-link - The "Reuse this software" link.
 * @csspart problems - The validation report (with `validate`).
 * @csspart problems-title - The heading of the validation report.
 * @csspart reading-toggle - The "Easy to read" toggle (absent with `hide-reading-toggle`).
 *
 * @cssproperty --citopia-open-source-badge-pill-background - Background of the pill (default: the primary colour).
 * @cssproperty --citopia-open-source-badge-pill-color - Text colour of the pill (default: the colour on primary).
 */
export class OpenSourceBadge extends CitopiaElement implements OpenSourceBadgeElement {
  static override styles = styles;

  // Declared here rather than with decorators: the same reactive properties in fewer bytes.
  static override properties: PropertyDeclarations = {
    src: { reflect: true },
    data: { attribute: false },
    license: {},
    repository: {},
    validate: { type: Boolean },
    open: { type: Boolean, reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    loadState: { state: true },
    parsed: { state: true },
    loadError: { state: true },
    fromCopy: { state: true },
    details: { state: true },
    detailsError: { state: true },
    retried: { state: true },
  };

  /** URL of a publiccode.yml file or of its JSON rendering. The only request the badge makes. */
  src: string | undefined;

  /** A parsed publiccode.yml object set by the host page; takes precedence over `src`. */
  data: unknown;

  /** SPDX licence expression for a badge without a file (and the fallback when the file has none). */
  license: string | undefined;

  /** Repository URL for a badge without a file (and the fallback when the file has none). */
  repository: string | undefined;

  /** Shows maintainers every problem of the file, with its key and a plain message. */
  validate = false;

  /** Whether the details are shown. */
  open = false;

  /** Level of the heading that names the software in the details (2 to 5; the report uses the next level). */
  headingLevel = 2;

  /** Where reading the source stands: idle, loading, ready, or error (the file could not be loaded). */
  loadState: BadgeLoadState = 'idle';

  private parsed: ParsedSource | undefined;
  private loadError: unknown;
  private fromCopy = false;
  private details: DetailsModule | undefined;
  private detailsError: unknown;
  /** The current load was asked for with "Try again" (its outcome gets the focus). */
  private retried = false;

  private controller: AbortController | undefined;
  private sourceLoading: Promise<void> | undefined;
  private detailsLoading: Promise<void> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a disconnect cut a load short: read the source again.
    if (this.hasUpdated && this.loadState === 'idle') this.readSource();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.loadState === 'loading') {
      this.controller?.abort();
      this.loadState = 'idle';
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('data') || changed.has('src') || !this.hasUpdated) {
      this.retried = false;
      this.readSource();
    }
    // Not again after a failure: each failure is an update, which would ask again, endlessly.
    // "Try again" asks.
    if ((this.open || this.validate) && !this.details && this.detailsError === undefined && !isServer) void this.loadDetails();
  }

  /** Reads whichever source the element has now: data, src, or attributes only. */
  private readSource(): void {
    this.controller?.abort();
    this.controller = undefined;
    this.loadError = undefined;
    this.fromCopy = false;
    if (this.data !== undefined && this.data !== null) {
      this.accept(nestsDeeperThan(this.data) ? fatalSource('too-deep') : { data: this.data, problems: [], fatal: false });
    } else if (this.src) {
      // Server rendering shows the pill from the attributes; the browser reads the file.
      if (!isServer) this.sourceLoading = this.load(this.src);
    } else {
      this.parsed = undefined;
      this.loadState = 'ready';
    }
  }

  private async load(src: string): Promise<void> {
    const controller = new AbortController();
    this.controller = controller;
    this.loadState = 'loading';
    try {
      if (!isHttpUrl(src)) throw new FetchError('network', 'src is not an http(s) address');
      const { parsed, fromCopy } = await loadPubliccode(src, controller.signal);
      if (controller.signal.aborted) return;
      this.fromCopy = fromCopy;
      this.accept(parsed);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.parsed = undefined;
      this.loadError = error;
      this.loadState = 'error';
    }
  }

  private accept(parsed: ParsedSource): void {
    this.parsed = parsed;
    this.loadState = 'ready';
    this.emit('citopia-open-source-badge-load', { summary: this.summary });
  }

  /** Loads the expanded view's chunk once; a failure (offline, never cached) is shown with a retry. */
  private loadDetails(): Promise<void> {
    this.detailsLoading ??= importDetails().then(
      (module) => {
        // Its styles join ours in the shadow root before the content that needs them renders.
        adoptStyles(this.renderRoot as ShadowRoot, [...OpenSourceBadge.elementStyles, module.detailsStyles]);
        this.details = module;
        this.detailsError = undefined;
      },
      (error: unknown) => {
        this.detailsLoading = undefined;
        this.detailsError = error;
      },
    );
    return this.detailsLoading;
  }

  /** What the badge can show: the file's values, with the `license` and `repository` attributes as fallback. */
  get summary(): BadgeSummary {
    const summary = summarise(this.parsed?.fatal ? undefined : this.parsed?.data);
    summary.license ??= this.license?.trim() || undefined;
    summary.url ??= this.repository?.trim() || undefined;
    return summary;
  }

  /** Waits until the source is read and, when open, the details are shown. */
  async whenReady(): Promise<void> {
    await this.updateComplete;
    await this.sourceLoading;
    if (this.open || this.validate) await this.loadDetails();
    await this.updateComplete;
  }

  private toggle(): void {
    this.open = !this.open;
    this.emit('citopia-open-source-badge-toggle', { open: this.open });
  }

  private onDetailsKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.toggle();
    this.renderRoot.querySelector<HTMLButtonElement>('.toggle')?.focus();
  }

  /**
   * "Try again" pressed: the button goes away, so the focus moves to what replaces it, the
   * software's name, or the new message, which the focus move says (it is then kept out of the
   * status region: said once, not twice).
   */
  private async retry(): Promise<void> {
    this.detailsError = undefined;
    this.retried = true;
    if (this.loadState === 'error') this.readSource();
    await Promise.all([this.sourceLoading, this.loadDetails()]);
    const failed = this.loadState === 'error' || this.detailsError !== undefined;
    await this.moveFocusAfterUpdate(() => this.renderRoot.querySelector<HTMLElement>(failed ? '#details .message.error' : '[part="name"], #details [role="status"] > *') ?? this.renderRoot.querySelector<HTMLElement>('.toggle'));
  }

  /** Why the details cannot be shown: the source file, or the details chunk, did not load. */
  private renderFailure() {
    return this.loadState === 'error'
      ? html`<p class="message error">${msg('The description of this software could not be loaded.', { id: 'osb.error.load' })} ${describeLoadError(this.loadError)}</p>`
      : html`<p class="message error">${describeLoadError(new FetchError(navigator.onLine === false ? 'offline' : 'network', 'details chunk'))}</p>`;
  }

  override render() {
    const summary = this.summary;
    const repository = webLink(summary.url);
    const pill = summary.license ? msg(str`Open source · ${summary.license}`, { id: 'osb.pill.license' }) : msg('Open source', { id: 'osb.pill' });
    const picked = pickText(summary.localisedName, this.dataLanguage);
    const name = picked.text || summary.name;
    // The name in another language than the page's is marked, as the heading in the details is.
    const nameLang = picked.text ? foreignLang(picked.lang, this.dataLanguage) : undefined;
    // The name's hidden span is there before the name is known: the button keeps its width.
    const failed = this.loadState === 'error' || this.detailsError !== undefined;
    const shown =
      this.details && this.loadState !== 'loading' && this.loadState !== 'idle'
        ? this.details.renderDetails({
            summary,
            parsed: this.parsed,
            fromCopy: this.fromCopy,
            validate: this.validate,
            headingLevel: this.headingLevel,
            locale: this.locale,
            dataLanguage: this.dataLanguage,
          })
        : undefined;
    return html`
      <div part="base">
        <div class="bar">
          ${repository
            ? html`<a class="pill" part="pill" href=${repository}>${pill}<span class="visually-hidden">${msg(', source code', { id: 'osb.pill.source' })}</span></a>`
            : html`<span class="pill" part="pill">${pill}</span>`}
          <button class="toggle secondary" part="toggle" type="button" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="details" @click=${this.toggle}>
            ${msg('Details', { id: 'osb.toggle' })}<span class="visually-hidden">${name ? html`: <bdi lang=${ifDefined(nameLang)}>${name}</bdi>` : nothing}</span>
            <span class="chevron" aria-hidden="true"></span>
          </button>
        </div>
        <div id="details" class="details" part="details" ?hidden=${!this.open} @keydown=${this.onDetailsKeydown}>
          ${this.open ? this.renderReadingToggle() : nothing}
          <div role="status" part="status">
            ${failed
              ? this.retried
                ? nothing
                : this.renderFailure()
              : shown
                ? shown.status
                : this.open
                  ? html`<p>${msg('Loading the description of this software…', { id: 'osb.loading' })}</p>`
                  : nothing}
          </div>
          ${failed && this.retried ? this.renderFailure() : nothing}
          ${failed ? html`<p><button type="button" class="secondary" part="retry" @click=${this.retry}>${msg('Try again', { id: 'osb.retry' })}</button></p>` : nothing}
          ${shown?.body ?? nothing}
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'citopia-open-source-badge': OpenSourceBadgeElement;
  }
  interface HTMLElementEventMap {
    'citopia-open-source-badge-load': CustomEvent<{ summary: BadgeSummary }>;
    'citopia-open-source-badge-toggle': CustomEvent<{ open: boolean }>;
  }
}
