import { chunkLoader, loadOnce as lazy, partLoader } from '@citopia/core/chunk';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize/init/install.js';
import { CitopiaElement } from '@citopia/core';
import { describeLoadError } from '@citopia/core/fetch';
import { safeUrl } from '@citopia/core/safe-url';
import { styles } from './citopia-service-finder.styles.js';
import type { SearchIndex } from './search/search-index.js';
import type { QueryToken } from './search/normalize.js';
import type { OutcomeContext, StatusContext } from './result-view.js';
import { isOpen311List, readNativeCatalogue } from './catalogue/native.js';
import type { Authority, Catalogue, Service } from './catalogue/types.js';
import type { SourceSpec } from './catalogue/sources.js';
import type { SourceNotes } from './sources-view.js';
import type { SourcesState } from './catalogue/sources.js';
import { formatCount, localText } from './text.js';
import './translations.js';

export type { Authority, AuthorityKind, Catalogue, Service } from './catalogue/types.js';
export type { SourceSpec } from './catalogue/sources.js';

export interface ServiceSearchDetail {
  query: string;
  category: string;
  audience: string;
  /** The authority id filtered on ("" for all; with `sources`). */
  authority: string;
  /** How many services match. */
  count: number;
}

declare module '@citopia/core' {
  interface CitopiaEventMap {
    'citopia-service-select': { service: Service; query: string };
    'citopia-search': ServiceSearchDetail;
    'citopia-service-not-found': { query: string; category: string; audience: string };
  }
}

declare global {
  interface HTMLElementEventMap {
    'citopia-service-select': CustomEvent<{ service: Service; query: string }>;
    'citopia-search': CustomEvent<ServiceSearchDetail>;
    'citopia-service-not-found': CustomEvent<{ query: string; category: string; audience: string }>;
  }
}

type Status = 'loading' | 'ready' | 'error';

/**
 * The finder's lazily loaded parts (extras.ts, one chunk): the offline copy; several catalogues
 * (`sources`), their loader and merger; what the finder says about its sources (notices,
 * "Provided by"); the URL sync code. Asked for as an element with `src`, `sources` or
 * `sync-url` connects, so it arrives while the page's locale chunk does.
 */
const extras = lazy(chunkLoader(() => import('./extras.js')));
const multiSource = () => extras().then((m) => m.sources);
const offlineCopy = () => extras().then((m) => m.offlineCopy);
const sourcesView = () => extras().then((m) => m.sourcesView);
const hasNotes = (n: SourceNotes) => n.failed.length > 0 || n.staleSince !== undefined || n.storageProblem !== undefined;
const urlState = () => extras().then((m) => m.urlState);
const reader = () => extras().then((m) => m.read);

/**
 * What a list of results needs and the first view (the categories to browse) does not: the
 * search, and how to reach a service. Asked for when someone comes near the finder (focus,
 * pointer, typing), or at once when the first view shows results (a query or filter given, a
 * shared link, a server-rendered finder); not when the page is idle: a page where nobody
 * searches does not download it. Both chunks at once, not one after the other.
 */
let resultsCode: (typeof import('./search/search-index.js') & typeof import('./result-view.js')) | undefined;
// (chunkLoader: after a failure, "Try again" asks the server again; Firefox keeps a failed import().)
const importSearch = chunkLoader(() => import('./search/search-index.js'));
const importResultView = partLoader(() => import('./result-view.js'));
const results = lazy(() => Promise.all([importSearch(), importResultView()]).then(([search, view]) => (resultsCode = { ...search, ...view })));

/** How long typing must pause before the result count is announced (and the URL updated). */
const ANNOUNCE_DELAY = 700;

/**
 * @summary People find the city service they need, in their language, as they type: search that
 * forgives missing accents and typos, categories to browse, and how to reach each service.
 * @tag citopia-service-finder
 *
 * @slot - A plain list of links to services, shown before JavaScript runs and while the
 * catalogue loads (or fails to); without `src` or `services`, it is the catalogue.
 *
 * @event citopia-reading-change - The person chose easy-to-read or standard language; detail `{ reading }`. Every Citopia component on the page follows.
 * @event citopia-search - The search settled (after typing pauses): `{ query, category, audience, count }`.
 * @event citopia-service-select - A result was chosen: `{ service, query }`. Cancelable: cancel
 * it to handle the choice yourself (the link is then not followed).
 * @event citopia-service-not-found - The person asks for help after a search found nothing:
 * `{ query, category, audience }`. Cancelable: cancel it to open your own form (for example
 * the assistance request, prefilled with the query) instead of following `assistance-href`.
 *
 * @csspart search - The search landmark (a form).
 * @csspart label - The search field's label.
 * @csspart hint - The hint under the label.
 * @csspart input - The search field.
 * @csspart filters - The category and audience filters.
 * @csspart filter - Each filter's select.
 * @csspart results - The area showing results, categories or messages.
 * @csspart count - The number of services found.
 * @csspart list - The list of results.
 * @csspart result - One result.
 * @csspart result-link - The name of a result, as a link.
 * @csspart summary - The one-line summary of a result.
 * @csspart mark - A matched word.
 * @csspart channels - How to reach a service.
 * @csspart channel - One way to reach it.
 * @csspart more - The "show more" button.
 * @csspart categories - The categories to browse.
 * @csspart category - One category button.
 * @csspart no-results - What shows when nothing matches.
 * @csspart suggestion - A "did you mean" button.
 * @csspart assistance - The link (or button) to ask the city for help.
 * @csspart message - Loading and error messages.
 * @csspart retry - The retry button after a loading error (or when a source is missing or only saved).
 * @csspart reading-toggle - The "Easy to read" toggle (absent with `hide-reading-toggle`).
 * @csspart authority - Who provides a result (with several sources).
 * @csspart notices - The polite live region about the sources: one missing, a saved copy shown.
 * @csspart notice - One such notice.
 *
 * @cssproperty --citopia-service-finder-gap - Space between results (default 1rem).
 * @cssproperty --citopia-service-finder-result-border - Border between results (default 1px solid, the border colour).
 * @cssproperty --citopia-service-finder-mark-background - Background of matched words (default: --citopia-color-highlight).
 * @cssproperty --citopia-service-finder-max-inline-size - Widest the component grows (default none).
 */
export class ServiceFinder extends CitopiaElement {
  static override styles = styles;

  /** URL of the catalogue: Citopia catalogue JSON, or an Open311 GeoReport v2 services.json/.xml. */
  @property() src: string | undefined;

  /**
   * Several catalogues at once, merged: a JSON array of URLs or of objects
   * `{ "src", "authority": { "id", "name", "kind": "city"|"region"|"country"|"association", "url" }, "sourceLang" }`
   * (as attribute or property), or URLs separated by spaces. Each result says who provides it;
   * a service two authorities publish (same identifier or URL) appears once. Wins over `src`.
   */
  // The attribute stays text (JSON or URLs): the lazily loaded sources module reads it.
  @property({ converter: (value: string | null) => value ?? undefined }) sources: string | ReadonlyArray<string | SourceSpec> | undefined;

  /** The catalogue itself (a catalogue object, an array of services, or an Open311 service list). */
  @property({ attribute: false }) services: unknown;

  /**
   * Where people ask the city for help: a URL template in which `{query}` becomes the search
   * typed and `{code}` the Open311 service code of a request type (for example
   * `/demande?service={code}&description={query}`).
   */
  @property({ attribute: 'assistance-href' }) assistanceHref: string | undefined;

  /** Writes the catalogue into the page as schema.org JSON-LD (GovernmentService), for search engines. */
  @property({ type: Boolean }) jsonld = false;

  /** Keeps the query and filters in the page URL, so back, forward and shared links work. */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;

  /** Level of the headings of results and sections (2 to 6; 3 by default). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** How many results show at first and each time "show more" is pressed. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;

  /** The search typed. */
  @property() query = '';

  /** The category id filtered on ("" for all). */
  @property() category = '';

  /** The audience id filtered on ("" for everyone). */
  @property() audience = '';

  /** The authority id filtered on ("" for all), with `sources`. */
  @property() authority = '';

  /** The language of an Open311 list's texts (Open311 does not say), so they are tagged when the page speaks another. */
  @property({ attribute: 'source-lang' }) sourceLang: string | undefined;

  /** Extra synonym groups for the search, added to the catalogue's own (`[["ID", "carte d'identité"]]`). */
  @property({ attribute: false }) synonyms: string[][] | undefined;

  @state() private status: Status = 'loading';
  @state() private error: unknown;
  @state() private catalogue: Catalogue | undefined;
  @state() private shown = 10;
  @state() private announcement = '';
  /**
   * The sources' side of things: their authorities (more than one shows the filter and the
   * labels), what failed or is only a saved copy, and whether some are still loading.
   */
  @state() private sources$: Omit<SourcesState, 'catalogue' | 'error'> = { authorities: [], notes: { failed: [] }, pending: false };
  @state() private view: Awaited<ReturnType<typeof sourcesView>> | undefined;
  /** The current load was asked for with "Try again" (its outcome gets the focus). */
  @state() private retried = false;

  private index: SearchIndex<Service> | undefined;
  private hits: Service[] = [];
  private total = 0;
  private tokens: QueryToken[] = [];
  private loadId = 0;
  /** The load under way: aborted when the element is removed, so no request outlives it. */
  private loading: AbortController | undefined;
  /** A load was cut short by a removal: the element loads again when it comes back. */
  private loadInterrupted = false;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  /** Typing paused (or Enter) while the results' code was loading: settle when it comes. */
  private settleLater: boolean | undefined;
  private focusAfterUpdate: (() => void) | undefined;
  private jsonLdScript: HTMLScriptElement | undefined;
  /** Services per category, counted once per catalogue (not on every key press that empties the field). */
  private categoryCounts: { catalogue: Catalogue; counts: Map<string, number> } | undefined;
  private readonly onPopState = () => this.applyUrlState();
  /** Renders the results (from the results' code; it keeps what does not change as people type). */
  private resultView: import('./result-view.js').ResultView | undefined;
  /** The results chunk could not be loaded (offline): said, with "Try again". */
  @state() private resultsError: unknown;
  /** A key press asked for this update: the results in view come first (see `willUpdate`). */
  private typed = false;
  /** How many results fit in view, measured once a key press's results are all there. */
  private inView = 4;
  /** The results on screen: one still in the list keeps its place (it costs nothing). */
  private onScreen = new Set<Service>();
  /** The render of the results below the fold, after this frame is painted: while it is pending, new results from `inView` on wait for it. */
  private rest: Promise<void> | undefined;
  /** Ends the wait for that frame at once when the finder leaves the page. */
  private restAbort: AbortController | undefined;

  constructor() {
    super();
    // Someone comes near the finder: the results' code is asked for before the first key press.
    if (!isServer) for (const type of ['focusin', 'pointerenter', 'input']) this.addEventListener(type, () => void this.prepareResults());
  }

  /**
   * Loads the code that a render with results needs. A server renders in one synchronous pass:
   * `@citopia/ssr` awaits this before rendering.
   */
  static loadRenderCode(): Promise<unknown> {
    return results();
  }

  override connectedCallback(): void {
    // Several sources: their code is asked for now, while the locale's strings load, not after.
    if (this.sources || this.src || this.syncUrl) void extras().catch(() => {});
    // A query or a filter given, or a shared link: the first view shows results.
    if (this.query || this.category || this.audience || (this.syncUrl && /[?&](q|category|audience)=./.test(location.search))) void this.prepareResults();
    super.connectedCallback();
    if (this.loadInterrupted) {
      this.loadInterrupted = false;
      void this.load();
    }
    if (this.syncUrl) {
      addEventListener('popstate', this.onPopState);
      void urlState().then(({ readUrlState }) => {
        const { query, category, audience } = readUrlState();
        Object.assign(this, { query: query || this.query, category: category || this.category, audience: audience || this.audience });
      });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('popstate', this.onPopState);
    clearTimeout(this.announceTimer);
    this.restAbort?.abort();
    if (this.loading) {
      this.loadId++; // what the cut-short load brings back is not used
      this.loading.abort();
      this.loading = undefined;
      this.loadInterrupted = true;
    }
    this.jsonLdScript?.remove();
    this.jsonLdScript = undefined;
  }

  /** Loads the catalogue again (after a failure). */
  retry(): void {
    this.retried = false;
    void this.load();
  }

  /**
   * "Try again" pressed: the button goes away, so the focus moves to what replaces it, the
   * catalogue's first heading or line, or the new message (said by the focus move, not by an
   * alert as well: once, not twice).
   */
  private async retryFromButton(): Promise<void> {
    this.retried = true;
    if (this.status === 'error') await this.load();
    // The catalogue is there; the results' code is what failed (it may fail again).
    else await this.prepareResults();
    await this.moveFocusAfterUpdate(() => this.renderRoot.querySelector<HTMLElement>(this.status === 'error' || this.resultsError ? '.message.error p' : '#results > :first-child'));
  }

  /**
   * Loads the results' code (once for the page), then builds this element's index. A failure
   * (offline) is shown only when results are wanted; what was typed stays in the field.
   */
  private async prepareResults(): Promise<void> {
    try {
      await results();
      this.resultsError = undefined;
      if (!this.index && this.catalogue) {
        this.buildIndex(this.catalogue);
        this.search();
        this.requestUpdate();
        if (this.settleLater !== undefined) this.settle(this.settleLater);
        this.settleLater = undefined;
      }
    } catch (error) {
      this.resultsError = error;
    }
  }

  /** The view needs a list of services (a query or a filter, or no categories to browse). */
  private get wantsResults(): boolean {
    return this.status === 'ready' && !!this.catalogue?.services.length && !this.browsing;
  }

  /** Results are wanted and their code is not there yet (loading, or failed). */
  private get resultsPending(): boolean {
    return this.wantsResults && !this.index;
  }

  protected override async scheduleUpdate(): Promise<void> {
    // The first view with results (or a server-rendered one, to hydrate as is) waits for their
    // code, while the locale's strings load: no "loading" flash, then the results.
    if (!this.hasUpdated && (this.query || this.category || this.audience || this.serverRendered)) await this.prepareResults();
    return super.scheduleUpdate();
  }

  private async applyUrlState(): Promise<void> {
    const { query, category, audience } = (await urlState()).readUrlState();
    Object.assign(this, { query, category, audience, shown: this.pageSize });
    this.scheduleAnnouncement(false);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (['src', 'sources', 'services', 'synonyms', 'sourceLang'].some((k) => changed.has(k)) || !this.hasUpdated) {
      this.retried = false;
      void this.load();
    }
    if (changed.has('jsonld') || changed.has('catalogue') || changed.has('dataLanguage')) this.updateJsonLd();
    const searchChanged = ['query', 'category', 'audience', 'authority', 'catalogue', 'dataLanguage'].some((k) => changed.has(k));
    if (searchChanged && !changed.has('shown')) this.shown = Math.max(1, this.pageSize);
    if (searchChanged || changed.has('shown') || changed.has('locale')) this.search();
    if (changed.has('strings')) this.resultView?.forget();
    // A key press: the results in view are painted in this frame, those below the fold in the
    // next one (a result is about 30 elements; a whole new list made one frame late).
    if (this.typed && resultsCode && this.hits.some((s, i) => i >= this.inView && !this.onScreen.has(s))) {
      const { afterPaint, resultsInView } = resultsCode;
      this.rest ??= afterPaint((this.restAbort = new AbortController()).signal).then(() => {
        this.inView = resultsInView(this.renderRoot, this.inView);
        this.rest = this.restAbort = undefined;
        this.requestUpdate();
      });
    }
    this.typed = false;
  }

  /** Also waits for the results below the fold, when a key press put them off. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.rest) {
      await this.rest;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  protected override updated(): void {
    this.focusAfterUpdate?.();
    this.focusAfterUpdate = undefined;
  }

  /** Reads the catalogue from `sources`, `services`, `src`, or the light DOM, in that order. */
  private async load(): Promise<void> {
    this.loading?.abort();
    const loading = (this.loading = new AbortController());
    try {
      await this.loadCatalogue(++this.loadId, loading.signal);
    } finally {
      if (this.loading === loading) this.loading = undefined;
    }
  }

  private async loadCatalogue(id: number, signal: AbortSignal): Promise<void> {
    this.error = undefined;
    const multiple = this.sources !== undefined && this.sources !== null && this.sources !== '';
    this.sources$ = { authorities: [], notes: { failed: [] }, pending: multiple };
    if (multiple) return this.loadSources(id, this.sources!, signal);
    // A catalogue in our format given as a property is read at once: the results are then in the
    // first render, which is also what a server renders (no loading flash, nothing to hydrate twice).
    if (this.services !== undefined && this.services !== null && !isOpen311List(this.services)) {
      try {
        this.useCatalogue(readNativeCatalogue(this.services));
      } catch (error) {
        this.error = error;
        this.status = 'error';
      }
      return;
    }
    try {
      // The readers of other formats than a `services` property in ours: asked for at once.
      const reading = reader();
      reading.catch(() => {}); // awaited below; a failure before that is not left unhandled
      let data: unknown;
      if (this.services !== undefined && this.services !== null) data = this.services;
      else if (this.src) {
        this.status = 'loading';
        // The saved copy (if any) shows at once; the server's answer replaces or confirms it.
        // Truncated JSON or a wrong shape: describeLoadError says the data could not be read.
        const [{ loadWithCopy }, { parseCatalogueText, readCatalogue }] = await Promise.all([offlineCopy(), reading]);
        const read = async (text: string) => readCatalogue(await parseCatalogueText(text), this.sourceLang);
        const loaded = await loadWithCopy(this.src, { Accept: 'application/json, application/ld+json;q=0.9, application/xml;q=0.8' }, read, (copy) => {
          if (id === this.loadId && !this.ready) this.useCatalogue(copy.value);
        }, signal);
        if (id !== this.loadId) return;
        this.sources$ = { authorities: [], notes: { failed: [], staleSince: loaded.stale ? loaded.savedAt : undefined, storageProblem: loaded.storageProblem }, pending: false };
        this.loadView();
        // The copy shown is confirmed (or all there is): the search and the "show more" stay as they are.
        if (!this.ready || !(loaded.stale || loaded.unchanged)) this.useCatalogue(loaded.value);
        return;
      } else data = (await import('./light-dom.js')).readLightDom(this);
      const catalogue = await (await reading).readCatalogue(data, this.sourceLang);
      if (id === this.loadId) this.useCatalogue(catalogue);
    } catch (error) {
      if (id !== this.loadId) return;
      this.error = error;
      this.status = 'error';
    }
  }

  /** Every source loads on its own; the first to arrive is searchable, a failed one is named. */
  private async loadSources(id: number, sources: NonNullable<ServiceFinder['sources']>, signal: AbortSignal): Promise<void> {
    this.status = 'loading';
    const apply = (state: SourcesState) => {
      if (id !== this.loadId) return;
      this.sources$ = state;
      if (state.catalogue) this.useCatalogue(state.catalogue);
      else if (!state.pending) Object.assign(this, { error: state.error, status: 'error' });
      this.loadView();
    };
    try {
      await (await multiSource()).runSources(sources, apply, signal);
    } catch (error) {
      apply({ authorities: [], notes: { failed: [] }, error, pending: false });
    }
  }

  /** True when there is something to say about the sources (then the view module is needed). */
  private get viewNeeded(): boolean {
    return hasNotes(this.sources$.notes) || this.sources$.authorities.length > 1;
  }

  private loadView(): void {
    if (!this.view && this.viewNeeded) void sourcesView().then((view) => (this.view = view));
  }

  /** Read through a getter: TypeScript would otherwise keep the status it saw before an await. */
  private get ready(): boolean {
    return this.status === 'ready';
  }

  private useCatalogue(catalogue: Catalogue): void {
    this.index = undefined;
    if (resultsCode) this.buildIndex(catalogue);
    this.catalogue = catalogue;
    this.status = 'ready';
  }

  private buildIndex(catalogue: Catalogue): void {
    const categoryNames = new Map((catalogue.categories ?? []).map((c) => [c.id, c.name]));
    this.index = new resultsCode!.SearchIndex(
      catalogue.services,
      (s) => ({ name: s.name, keywords: s.keywords, description: [s.summary, s.description] as never, extra: s.categories?.map((c) => categoryNames.get(c)) }),
      { synonyms: [...(catalogue.synonyms ?? []), ...(this.synonyms ?? [])] },
    );
  }

  private updateJsonLd(): void {
    if (!this.jsonld || !this.catalogue) {
      this.jsonLdScript?.remove();
      this.jsonLdScript = undefined;
      return;
    }
    const catalogue = this.catalogue;
    const language = this.dataLanguage;
    void import('./catalogue/jsonld.js').then(({ toJsonLd, writeJsonLd }) => {
      if (this.isConnected && this.jsonld && this.catalogue === catalogue) this.jsonLdScript = writeJsonLd(this.jsonLdScript, toJsonLd(catalogue, language));
    });
  }

  private matchesFilters = (s: Service): boolean =>
    (!this.category || !!s.categories?.includes(this.category)) &&
    (!this.audience || !!s.audiences?.includes(this.audience)) &&
    (!this.authorityFilter || !!s.authorities?.some((a) => a.id === this.authority));

  /** Runs the search synchronously, so results paint in the frame after the keystroke. */
  private search(): void {
    const services = this.catalogue?.services ?? [];
    this.tokens = [];
    if (!this.index) {
      this.hits = [];
      this.total = services.length;
      // Results wanted before their code came (a fast typist, a slow network): it comes now.
      if (this.resultsPending) void this.prepareResults();
      return;
    }
    if (this.query.trim()) {
      // No filter chosen: the search does not call one for each of its thousands of candidates.
      const filtered = this.category || this.audience || this.authorityFilter;
      const result = this.index.search(this.query, { language: this.dataLanguage, limit: this.shown, filter: filtered ? this.matchesFilters : undefined });
      this.hits = result.hits.map((h) => h.item);
      this.total = result.total;
      this.tokens = result.tokens;
    } else if (this.browsing) {
      // No query, no filter: the categories show, not a list.
      this.hits = [];
      this.total = services.length;
      this.tokens = [];
    } else {
      // No query: the services of the chosen filters (or all of them), by name.
      const language = this.dataLanguage;
      const collator = new Intl.Collator(language);
      const list = services
        .filter(this.matchesFilters)
        .map((s) => ({ s, name: localText(s.name, language).text }))
        .sort((a, b) => collator.compare(a.name, b.name));
      this.total = list.length;
      this.hits = list.slice(0, this.shown).map((n) => n.s);
      this.tokens = [];
    }
  }

  private get browsing(): boolean {
    return !this.query.trim() && !this.category && !this.audience && !this.authorityFilter && !!this.catalogue?.categories?.length;
  }

  /** The authority filtered on, when it is one of the sources' (an unknown id filters nothing). */
  private get authorityFilter(): Authority | undefined {
    return this.authority ? this.sources$.authorities.find((a) => a.id === this.authority) : undefined;
  }

  private onInput(event: Event): void {
    const { value } = event.target as HTMLInputElement;
    // (An unchanged value makes no update: it must not leave `typed` set for a later one.)
    this.typed = value !== this.query;
    this.query = value;
    this.scheduleAnnouncement(true);
  }

  private onFilter(event: Event): void {
    const select = event.target as HTMLSelectElement;
    if (select.id === 'category') this.category = select.value;
    else if (select.id === 'authority') this.authority = select.value;
    else this.audience = select.value;
    this.scheduleAnnouncement(true);
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    this.settle(true);
  }

  /** Announces the count (and emits `citopia-search`, updates the URL) once typing pauses. */
  private scheduleAnnouncement(pushUrl: boolean): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => this.settle(pushUrl), ANNOUNCE_DELAY);
  }

  private settle(pushUrl: boolean): void {
    clearTimeout(this.announceTimer);
    if (this.status !== 'ready') return;
    // No count yet to announce: it is announced once the results are there.
    if (this.resultsPending) return void (this.settleLater = pushUrl);
    if (!resultsCode && this.wantsResults) return void ((this.settleLater = pushUrl), this.prepareResults());
    const { query, category, audience, authority } = this;
    // Browsing, a search (its sentence comes with the results' code), or a catalogue with no
    // service, which says so as it shows it, without that code (offline too).
    const text = this.localize(() =>
      this.browsing ? msg('Browse by category', { id: 'finder.browse' }) : this.wantsResults ? resultsCode!.statusText(this.statusContext()) : this.emptyText(),
    );
    // The same sentence twice is not announced again by some screen readers: vary it invisibly.
    this.announcement = text === this.announcement ? text + '\u00a0' : text;
    this.emit('citopia-search', { query, category, audience, authority, count: this.total });
    if (this.syncUrl && pushUrl) void urlState().then((m) => m.pushUrlState({ query, category, audience }));
  }

  private nameOf(list: 'categories' | 'audiences', id: string): string {
    return localText(this.catalogue?.[list]?.find((c) => c.id === id)?.name, this.dataLanguage).text;
  }

  /** What the sentence of the live region needs (`statusText`, in the result view). */
  private statusContext(): StatusContext {
    const { locale, total, category, audience, authorityFilter, view } = this;
    return {
      locale,
      total,
      category,
      audience,
      nameOf: (list, id) => this.nameOf(list, id),
      authorityStatus: () => (authorityFilter && view ? view.authorityStatus(authorityFilter, this.dataLanguage) : undefined),
    };
  }

  /** A heading at `heading-level`; `id` makes it a focus target (tabindex -1). */
  private heading(content: unknown, id?: string): TemplateResult {
    const level = Math.min(6, Math.max(2, Math.round(this.headingLevel) || 3));
    return html`<div role="heading" aria-level=${level} class="heading" id=${ifDefined(id)} tabindex=${ifDefined(id ? -1 : undefined)}>${content}</div>`;
  }


  private fill(template: string | undefined, values: Record<string, string>): string | undefined {
    return template ? safeUrl(template.replace(/\{(query|code)\}/g, (_, key: string) => encodeURIComponent(values[key] ?? ''))) : undefined;
  }

  private select(event: Event, service: Service): void {
    if (this.emit('citopia-service-select', { service, query: this.query }, { cancelable: true })) event.preventDefault();
  }

  private askForHelp(event: Event): void {
    const { query, category, audience } = this;
    if (this.emit('citopia-service-not-found', { query, category, audience }, { cancelable: true })) event.preventDefault();
  }

  // (One function for the element: the "show more" button keeps its listener from one render to the next.)
  private readonly showMore = (): void => {
    const first = this.hits.length;
    this.shown += Math.max(1, this.pageSize);
    // Focus the first new result, so keyboard and screen reader users continue from there.
    this.focusAfterUpdate = () => resultsCode!.focusResult(this.renderRoot, first);
  };

  private browse(category: string): void {
    this.category = category;
    this.focusAfterUpdate = () => this.renderRoot.querySelector<HTMLElement>('#count')?.focus();
    this.settle(true);
  }

  private useSuggestion(text: string): void {
    this.query = text;
    this.focusAfterUpdate = () => this.renderRoot.querySelector<HTMLInputElement>('#q')?.focus();
    this.settle(true);
  }

  override render() {
    const categories = this.catalogue?.categories ?? [];
    const audiences = this.catalogue?.audiences ?? [];
    const authorities = this.sources$.authorities.length > 1 ? this.sources$.authorities : [];
    return html`
      ${this.renderReadingToggle()}
      <form role="search" part="search" aria-labelledby="label" @submit=${this.onSubmit}>
        <label id="label" for="q" part="label">${msg('Search for a service', { id: 'finder.search.label' })}</label>
        <p id="hint" part="hint" class="hint">${msg('A few words are enough; accents and small typos do not matter.', { id: 'finder.search.hint' })}</p>
        <input
          id="q"
          part="input"
          type="search"
          autocomplete="off"
          spellcheck="false"
          enterkeyhint="search"
          aria-describedby="hint"
          aria-controls="results"
          .value=${live(this.query)}
          @input=${this.onInput}
        />
        ${categories.length || audiences.length || authorities.length
          ? html`<div class="filters" part="filters" role="group" aria-label=${msg('Filters', { id: 'finder.filters' })}>
              ${categories.length ? this.renderFilter('category', msg('Category', { id: 'finder.filter.category' }), msg('All categories', { id: 'finder.filter.all-categories' }), categories, this.category) : nothing}
              ${audiences.length ? this.renderFilter('audience', msg('For', { id: 'finder.filter.audience' }), msg('Everyone', { id: 'finder.filter.everyone' }), audiences, this.audience) : nothing}
              ${authorities.length ? this.view?.renderAuthorityFilter((label, all) => this.renderFilter('authority', label, all, authorities, this.authority)) : nothing}
            </div>`
          : nothing}
      </form>
      <div class="visually-hidden" role="status">${this.announcement}</div>
      <div part="notices" class="notices" role="status">${this.view?.renderNotes(this.sources$.notes, this.locale, this.dataLanguage)}</div>
      ${this.status === 'ready' ? this.view?.renderNoticeRetry(this.sources$.notes, () => this.retry()) : nothing}
      <div id="results" part="results" class="results" aria-busy=${this.status === 'loading' || (this.resultsPending && !this.resultsError) ? 'true' : 'false'} ?data-sources-pending=${this.sources$.pending || (this.viewNeeded && !this.view)}>${this.renderBody()}</div>
    `;
  }

  private renderFilter(id: string, label: string, all: string, options: ReadonlyArray<{ id: string; name: unknown }>, value: string) {
    return html`<div class="filter">
      <label for=${id}>${label}</label>
      <select id=${id} part="filter" .value=${live(value)} @change=${this.onFilter}>
        <option value="" ?selected=${!value}>${all}</option>
        ${options.map((o) => html`<option value=${o.id} ?selected=${o.id === value}>${localText(o.name, this.dataLanguage).text}</option>`)}
      </select>
    </div>`;
  }

  private renderBody() {
    // The results on screen until this render; none from now on unless it lists them again.
    const shown = this.onScreen;
    this.onScreen = new Set();
    if (this.status === 'loading') return this.renderLoading();
    if (this.status === 'error') return this.renderError(this.error);
    if (!this.catalogue?.services.length) {
      return html`<p class="message" part="message">${this.emptyText()}</p>${this.renderAssistance()}`;
    }
    if (this.browsing) return this.renderCategories();
    // Results wanted before their code arrived (rare: it is asked for early), or it failed to.
    if (!this.index) return this.resultsError ? this.renderError(this.resultsError) : this.renderLoading();
    return this.renderOutcome(shown);
  }

  private emptyText(): string {
    return msg('No services are listed yet.', { id: 'finder.empty' });
  }

  private renderLoading() {
    return html`<p class="message" part="message">${msg('Loading the services…', { id: 'finder.loading' })}</p>
      <slot></slot>`;
  }

  private renderError(error: unknown) {
    return html`<div class="message error" part="message" role=${ifDefined(this.retried ? undefined : 'alert')}>
        <p>${describeLoadError(error)}</p>
        <button type="button" part="retry" @click=${this.retryFromButton}>${msg('Try again', { id: 'finder.retry' })}</button>
      </div>
      <slot></slot>`;
  }

  /**
   * What the search found, or what to do when it found nothing (rendered by the result view).
   * After a key press, the results in view and those `shown` that stay, so that the list never
   * shrinks under the reader; the new ones below the fold come in the next frame.
   */
  private renderOutcome(shown: Set<Service>) {
    const view = (this.resultView ??= new resultsCode!.ResultView());
    const several = this.sources$.authorities.length > 1;
    const list = this.rest ? this.hits.filter((s, i) => i < this.inView || shown.has(s)) : this.hits;
    this.onScreen = new Set(list);
    const context: OutcomeContext = {
      ...this.statusContext(),
      language: this.dataLanguage,
      easyReading: this.easyReading,
      tokens: this.tokens,
      query: this.query,
      hits: this.hits,
      list,
      index: this.index!,
      filter: this.matchesFilters,
      requestLink: (code) => this.fill(this.assistanceHref, { code, query: this.query }),
      heading: (content, id) => this.heading(content, id),
      providedBy: (service) => (several ? (this.view?.renderProvidedBy(service.authorities, this.locale, this.dataLanguage) ?? nothing) : nothing),
      select: (event, service) => this.select(event, service),
      suggest: (text) => this.useSuggestion(text),
      update: () => this.requestUpdate(),
      showMore: this.showMore,
      assistance: () => this.renderAssistance(),
    };
    return view.renderOutcome(context);
  }

  private renderCategories() {
    const catalogue = this.catalogue!;
    if (this.categoryCounts?.catalogue !== catalogue) {
      const counts = new Map<string, number>();
      for (const s of catalogue.services) for (const c of s.categories ?? []) counts.set(c, (counts.get(c) ?? 0) + 1);
      this.categoryCounts = { catalogue, counts };
    }
    const { counts } = this.categoryCounts;
    return html`${this.heading(msg('Browse by category', { id: 'finder.browse' }))}
      <ul part="categories" class="categories">
        ${this.catalogue!.categories!.filter((c) => counts.get(c.id)).map((c) => {
          const name = localText(c.name, this.dataLanguage);
          return html`<li>
            <button type="button" part="category" class="secondary" @click=${() => this.browse(c.id)}>
              <span lang=${ifDefined(name.lang)}>${name.text}</span> <span class="badge">${formatCount(this.locale, counts.get(c.id)!)}</span>
            </button>
          </li>`;
        })}
      </ul>`;
  }

  private renderAssistance() {
    const text = msg('Ask the city for help', { id: 'finder.assistance' });
    const href = this.fill(this.assistanceHref, { query: this.query, code: '' });
    return html`<p class="assistance">
      ${msg('Someone at the city will find the right service with you.', { id: 'finder.assistance.intro' })}
      ${href
        ? html`<a part="assistance" class="button" href=${href} @click=${this.askForHelp}>${text}</a>`
        : html`<button type="button" part="assistance" @click=${this.askForHelp}>${text}</button>`}
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'citopia-service-finder': ServiceFinder;
  }
}
