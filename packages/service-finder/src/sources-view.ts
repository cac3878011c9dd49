/**
 * What the finder says about its sources: who provides each result, which catalogue is
 * missing, and when what is shown is a saved copy that may be old. Plain templates, in the
 * element's locale (they run inside its render).
 */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg } from '@lit/localize/init/install.js';
import { str } from '@lit/localize/internal/str-tag.js';
import { pickText } from '@citopia/core/language-map';
import type { Authority } from './catalogue/authority.js';
import type { StorageProblem } from '@citopia/core/storage';
import { localText } from './text.js';

/** The state of the sources, beside the catalogue: what failed, what is a saved copy. */
export interface SourceNotes {
  /** Authorities whose catalogue could not be loaded (the others are searched). */
  failed: Authority[];
  /** The oldest saved copy shown because the network could not confirm it (ms since the epoch). */
  staleSince?: number;
  /** The device would not keep the copy (it stays in memory while the page is open). */
  storageProblem?: StorageProblem;
}

const hasNotes = (n: SourceNotes) => n.failed.length > 0 || n.staleSince !== undefined || n.storageProblem !== undefined;

const nameOf = (a: Authority, language: string) => pickText(a.name, language).text;

/** "Ville de Démo and Canton de Démo", in the locale's way of listing. */
function list(names: string[], locale: string): string {
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}

/** "Provided by …" under a result, naming every authority that publishes it. */
export function renderProvidedBy(authorities: readonly Authority[] | undefined, locale: string, language: string) {
  if (!authorities?.length) return nothing;
  if (authorities.length === 1) {
    const name = localText(authorities[0]!.name, language);
    return html`<p part="authority" class="authority">${msg('Provided by', { id: 'finder.result.provided-by' })} <span lang=${ifDefined(name.lang)}>${name.text}</span></p>`;
  }
  const names = list(authorities.map((a) => nameOf(a, language)), locale);
  return html`<p part="authority" class="authority">${msg(str`Provided by ${names}`, { id: 'finder.result.provided-by-several' })}</p>`;
}

/** The sentence for a filter on an authority, for the live region. */
export const authorityStatus = (authority: Authority, language: string) => msg(str`Provided by: ${nameOf(authority, language)}.`, { id: 'finder.status.authority' });

function savedOn(time: number, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(time);
  } catch {
    return new Date(time).toISOString();
  }
}

/** The notices about the sources (inside a polite live region the element keeps; the retry button stays outside it). */
export function renderNotes(notes: SourceNotes, locale: string, language: string) {
  if (!hasNotes(notes)) return nothing;
  return html`${notes.failed.map(
    (a) => html`<p part="notice" class="notice">${msg(str`The services of ${nameOf(a, language)} could not be loaded. The other services can be searched.`, { id: 'finder.source.failed' })}</p>`,
  )}
    ${notes.staleSince !== undefined
      ? html`<p part="notice" class="notice">${msg(str`This list may be out of date (saved on ${savedOn(notes.staleSince, locale)}).`, { id: 'finder.offline.stale' })}</p>`
      : nothing}
    ${notes.storageProblem
      ? html`<p part="notice" class="notice">${msg('This list cannot be kept on this device, so it will not be available offline.', { id: 'finder.offline.not-kept' })}</p>`
      : nothing}`;
}


/** The "Provided by" filter's label and first option, for the element's own select. */
export const renderAuthorityFilter = (render: (label: string, all: string) => unknown) =>
  render(msg('Provided by', { id: 'finder.filter.authority' }), msg('All authorities', { id: 'finder.filter.all-authorities' }));

/** "Try again" after a missing source or a saved copy shown (outside the live region). */
export function renderNoticeRetry(notes: SourceNotes, retry: () => void) {
  return notes.failed.length || notes.staleSince !== undefined
    ? html`<p class="notice-actions"><button type="button" part="retry" class="secondary" @click=${retry}>${msg('Try again', { id: 'finder.retry' })}</button></p>`
    : nothing;
}
