/**
 * What a search shows: the number of services found, the list and "show more", or, when nothing
 * matches, "did you mean" and the way to ask the city for help; and the sentence the live region
 * says once typing pauses. One result of the list: its name as a link (or a request button), its
 * summary, the words that matched marked, who provides it, how to reach it. Loaded with the
 * search (the first view, the categories to browse, shows no result), and fast on every key
 * press: what does not change as people type (a service's link and ways to reach it) is worked
 * out once per service. On a key press, the finder paints the new results in view first and
 * those below the fold one frame later (`afterPaint`, `resultsInView`).
 */
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize/init/install.js';
import { str } from '@lit/localize/internal/str-tag.js';
import { safeUrl } from '@citopia/core/safe-url';
import type { Locale } from '@citopia/core';
import { plural } from '@citopia/core/format';
// (whether the words of a language have arrived: the main entry leaves these to /i18n)
import { isEasyLocaleReady, isLocaleReady } from '@citopia/core/i18n';
import { matchRanges, type SearchIndex } from './search/search-index.js';
import type { QueryToken } from './search/normalize.js';
import type { Service } from './catalogue/types.js';
import { renderChannel } from './channels.js';
import { formatCount, localText, readableText } from './text.js';

/** What a result needs from the finder, at the time of its render. */
export interface ResultContext {
  locale: Locale;
  /** The page's language tag, for the texts of the data. */
  language: string;
  easyReading: boolean;
  tokens: readonly QueryToken[];
  /** The link to an Open311 request type (through `assistance-href`). */
  requestLink(code: string): string | undefined;
  /** A heading at the finder's `heading-level`; `id` makes it a focus target. */
  heading(content: unknown, id?: string): TemplateResult;
  /** "Provided by…", with several sources. */
  providedBy(service: Service): unknown;
  select(event: Event, service: Service): void;
}

/** What the sentence of the live region needs: the count, and the filters in force. */
export interface StatusContext {
  locale: Locale;
  /** How many services match. */
  total: number;
  /** The ids of the category and audience chosen ("" for none). */
  category: string;
  audience: string;
  /** The name of a category or an audience, in the page's language. */
  nameOf(list: 'categories' | 'audiences', id: string): string;
  /** "Provided by: …", when an authority is chosen (with `sources`). */
  authorityStatus(): string | undefined;
}

/** What the results area needs from the finder: the search's outcome, and what the finder does. */
export interface OutcomeContext extends ResultContext, StatusContext {
  query: string;
  /** The results listed ("show more" lists more). */
  hits: readonly Service[];
  /** Those of `hits` to render now: after a key press, those in view come first. */
  list: Service[];
  /** The search, for "did you mean", with the filters in force. */
  index: SearchIndex<Service>;
  filter(service: Service): boolean;
  /** "Did you mean" chosen: the search becomes that text. */
  suggest(text: string): void;
  /** The suggestions have arrived: render again. */
  update(): void;
  showMore(): void;
  /** The way to ask the city for help (also shown for a catalogue with no service). */
  assistance(): TemplateResult;
}

/** The number of services found, as a sentence. */
function countText(ctx: StatusContext): string {
  const n = ctx.total;
  const count = formatCount(ctx.locale, n);
  if (n === 0) return msg('No service found.', { id: 'finder.count.none' });
  return plural(ctx.locale, n, {
    one: () => msg('One service found.', { id: 'finder.count.one' }),
    two: () => msg('Two services found.', { id: 'finder.count.two' }),
    few: () => msg(str`${count} services found.`, { id: 'finder.count.few' }),
    many: () => msg(str`${count} services found.`, { id: 'finder.count.many' }),
    other: () => msg(str`${count} services found.`, { id: 'finder.count.other' }),
  })();
}

/** The sentence the live region says once a search settles: the count, and the filters in force. */
export function statusText(ctx: StatusContext): string {
  const parts = [countText(ctx)];
  if (ctx.category) parts.push(msg(str`Category: ${ctx.nameOf('categories', ctx.category)}.`, { id: 'finder.status.category' }));
  if (ctx.audience) parts.push(msg(str`For: ${ctx.nameOf('audiences', ctx.audience)}.`, { id: 'finder.status.audience' }));
  const authority = ctx.authorityStatus();
  if (authority) parts.push(authority);
  return parts.join(' ');
}

/** Moves the focus to the result at `index` (its link, or the result itself): after "show more", people continue from there. */
export function focusResult(root: ParentNode, index: number): void {
  const item = root.querySelectorAll<HTMLElement>('.result')[index];
  const target = item?.querySelector<HTMLElement>('[part="result-link"]') ?? item;
  if (item && target === item) item.tabIndex = -1;
  target?.focus();
}

export class ResultView {
  /** The service's page, or its online channel (URL parsing is too slow to redo on each key press). */
  private readonly links = new WeakMap<Service, string | undefined>();
  /** Each service's ways to reach it, per language and reading mode: a result that stays costs Lit a comparison. */
  private channels = new WeakMap<Service, { key: string; view: TemplateResult }>();

  /** The host's wording changed (`strings`): the channels render again. */
  forget(): void {
    this.channels = new WeakMap();
  }

  /** "Did you mean", for a search (and its filters, language and index) that found nothing; filled in once its code arrives. */
  private suggestions: { key: string; index: SearchIndex<Service>; list: string[] } | undefined;

  /** The results area once the search has run: what it found, or what to do when it found nothing. */
  renderOutcome(ctx: OutcomeContext) {
    return ctx.total === 0 ? this.renderNoResults(ctx) : this.renderFound(ctx);
  }

  private renderFound(ctx: OutcomeContext) {
    const remaining = ctx.total - ctx.hits.length;
    return html`
      <p id="count" part="count" class="count" tabindex="-1">${countText(ctx)}</p>
      <ul part="list" class="list">
        ${this.renderList(ctx.list, ctx)}
      </ul>
      ${remaining > 0
        ? html`<p class="more">
            <button type="button" part="more" class="secondary" @click=${ctx.showMore}>${msg('Show more services', { id: 'finder.more' })}</button>
            <span>${msg(str`${formatCount(ctx.locale, ctx.hits.length)} of ${formatCount(ctx.locale, ctx.total)} shown`, { id: 'finder.shown' })}</span>
          </p>`
        : nothing}
    `;
  }

  private renderNoResults(ctx: OutcomeContext) {
    const suggestions = this.suggestionsFor(ctx);
    return html`<div part="no-results" class="no-results">
      ${ctx.heading(msg(str`No service found for “${ctx.query}”.`, { id: 'finder.none.title' }), 'count')}
      ${ctx.category || ctx.audience ? html`<p>${msg('Try without the filters, or with other words.', { id: 'finder.none.filters' })}</p>` : nothing}
      ${suggestions.length
        ? html`<p id="suggestions-label">${msg('Did you mean:', { id: 'finder.none.suggest' })}</p>
            <ul class="suggestions" aria-labelledby="suggestions-label">
              ${suggestions.map((s) => html`<li><button type="button" part="suggestion" class="secondary" @click=${() => ctx.suggest(s)}>${s}</button></li>`)}
            </ul>`
        : nothing}
      ${ctx.assistance()}
    </div>`;
  }

  /** "Did you mean": none until its code (only needed here) arrives, then the list. */
  private suggestionsFor(ctx: OutcomeContext): string[] {
    const key = `${ctx.query}\u0000${ctx.category}\u0000${ctx.audience}\u0000${ctx.language}`;
    const { index } = ctx;
    if (this.suggestions?.key !== key || this.suggestions.index !== index) {
      const entry = (this.suggestions = { key, index, list: [] as string[] });
      void import('./search/suggest.js').then(({ suggest }) => {
        if (this.suggestions !== entry) return;
        entry.list = suggest(index, ctx.query, { language: ctx.language, filter: ctx.filter });
        ctx.update();
      });
    }
    return this.suggestions.list;
  }

  /** The list, keyed by the service: a result still there after a key press keeps its DOM. */
  private renderList(services: Service[], ctx: ResultContext) {
    return repeat(services, (s) => s, (s) => this.render(s, ctx));
  }

  render(service: Service, ctx: ResultContext): TemplateResult {
    const name = localText(service.name, ctx.language);
    const summary = readableText(service.summary ?? service.description, service.easyDescription, ctx.language, ctx.easyReading);
    const code = service.open311?.serviceCode;
    const href = code !== undefined ? ctx.requestLink(code) : this.link(service);
    const label = highlight(name.text, ctx.tokens);
    const select = (e: Event) => ctx.select(e, service);
    return html`<li part="result" class="result">
      ${ctx.heading(
        href
          ? html`<a part="result-link" href=${href} lang=${ifDefined(name.lang)} @click=${select}>${label}</a>`
          : code !== undefined
            ? html`<button type="button" part="result-link" class="link" lang=${ifDefined(name.lang)} @click=${select}>${label}</button>`
            : html`<span lang=${ifDefined(name.lang)}>${label}</span>`,
      )}
      ${summary.text ? html`<p part="summary" class="summary" lang=${ifDefined(summary.lang)}>${highlight(summary.text, ctx.tokens)}</p>` : nothing}
      ${code !== undefined ? html`<p class="request">${msg('Ask for it with the online request form.', { id: 'finder.request' })}</p>` : nothing}
      ${ctx.providedBy(service)}
      ${service.channels?.length ? this.renderChannels(service, ctx) : nothing}
    </li>`;
  }

  private link(service: Service): string | undefined {
    if (!this.links.has(service)) this.links.set(service, safeUrl(service.url) ?? safeUrl(service.channels?.find((c) => c.type === 'online')?.url));
    return this.links.get(service);
  }

  private renderChannels(service: Service, ctx: ResultContext): TemplateResult {
    // The reading mode too ("Sur internet", not "En ligne"), and whether its words have arrived:
    // a render before they do says the channels in English, the next one must not keep that.
    const key = [ctx.locale, ctx.language, ctx.easyReading, isLocaleReady(ctx.locale), ctx.easyReading && isEasyLocaleReady(ctx.locale)].join();
    const cached = this.channels.get(service);
    if (cached?.key === key) return cached.view;
    const view = html`<ul part="channels" class="channels" aria-label=${msg('How to reach this service', { id: 'finder.channels' })}>
      ${service.channels!.map((c) => renderChannel(c, ctx.locale, ctx.language))}
    </ul>`;
    this.channels.set(service, { key, view });
    return view;
  }
}

/** The text with the query's words in <mark>, built from match ranges as text nodes. */
function highlight(text: string, tokens: readonly QueryToken[]): unknown {
  const ranges = tokens.length ? matchRanges(text, tokens) : [];
  if (!ranges.length) return text;
  const out: unknown[] = [];
  let at = 0;
  for (const [from, to] of ranges) {
    out.push(text.slice(at, from), html`<mark part="mark">${text.slice(from, to)}</mark>`);
    at = to;
  }
  out.push(text.slice(at));
  return out;
}

/**
 * Once the coming frame is painted (or after 100 ms, should no frame come: a hidden page), or at
 * once when `signal` aborts (the finder left the page: no frame or timer outlives it).
 */
export const afterPaint = (signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      clearTimeout(fallback);
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const fallback = setTimeout(done, 100);
    const frame = requestAnimationFrame(() => (timer = setTimeout(done)));
    signal.addEventListener('abort', done);
  });

/** How many results fit between the top of the list and the bottom of the window (at least 3). */
export function resultsInView(root: ParentNode, previous: number): number {
  const items = root.querySelectorAll('.result');
  if (!items.length) return previous;
  const top = items[0]!.getBoundingClientRect().top;
  const each = (items[items.length - 1]!.getBoundingClientRect().bottom - top) / items.length;
  return each > 0 ? Math.max(3, Math.ceil((innerHeight - top) / each) + 1) : previous;
}
