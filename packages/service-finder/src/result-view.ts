/**
 * One result of the list: its name as a link (or a request button), its summary, the words that
 * matched marked, who provides it, how to reach it. Loaded with the search (the first view, the
 * categories to browse, shows no result), and fast on every key press: what does not change as
 * people type (a service's link and ways to reach it) is worked out once per service. On a key
 * press, the finder paints the new results in view first and those below the fold one frame
 * later (`afterPaint`, `resultsInView`).
 */
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize/init/install.js';
import { safeUrl } from '@citopia/core/safe-url';
import type { Locale } from '@citopia/core';
// (whether the words of a language have arrived: the main entry leaves these to /i18n)
import { isEasyLocaleReady, isLocaleReady } from '@citopia/core/i18n';
import { matchRanges } from './search/search-index.js';
import type { QueryToken } from './search/normalize.js';
import type { Service } from './catalogue/types.js';
import { renderChannel } from './channels.js';
import { localText, readableText } from './text.js';

/** What a result needs from the finder, at the time of its render. */
export interface ResultContext {
  locale: Locale;
  /** The page's language tag, for the texts of the data. */
  language: string;
  easyReading: boolean;
  tokens: readonly QueryToken[];
  /** The link to an Open311 request type (through `assistance-href`). */
  requestLink(code: string): string | undefined;
  heading(content: unknown): TemplateResult;
  /** "Provided by…", with several sources. */
  providedBy(service: Service): unknown;
  select(event: Event, service: Service): void;
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

  /** The list, keyed by the service: a result still there after a key press keeps its DOM. */
  renderList(services: Service[], ctx: ResultContext) {
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

/** Once the coming frame is painted (or after 100 ms, should no frame come: a hidden page). */
export const afterPaint = () =>
  new Promise<void>((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() => setTimeout(() => (clearTimeout(fallback), resolve())));
  });

/** How many results fit between the top of the list and the bottom of the window (at least 3). */
export function resultsInView(root: ParentNode, previous: number): number {
  const items = root.querySelectorAll('.result');
  if (!items.length) return previous;
  const top = items[0]!.getBoundingClientRect().top;
  const each = (items[items.length - 1]!.getBoundingClientRect().bottom - top) / items.length;
  return each > 0 ? Math.max(3, Math.ceil((innerHeight - top) / each) + 1) : previous;
}
