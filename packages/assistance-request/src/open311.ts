/**
 * Reading an Open311 GeoReport v2 endpoint: discovery, services, service definitions, tokens and
 * request status, in JSON or XML, through @citopia/core/fetch (timeouts and typed errors).
 */
import { fetchText } from '@citopia/core/fetch';
import { keepsOffline, withOfflineCopy } from './offline-definitions.js';
import { loadXmlReader, parseDocument, toDefinition, toFormats, toServices, type Definition, type Format, type Service } from './open311-read.js';

export interface Endpoint {
  /** Base URL: the city's relay (see docs/open311-relay.md), `services.json` is relative to it. */
  base: string;
  format: Format;
  jurisdiction?: string;
  /** Asked for with `locale=` (an extension many servers accept, the others ignore). */
  locale?: string;
}

/** `base` + `path` + `.json`/`.xml`, with jurisdiction_id and locale when set. */
export function endpointUrl(ep: Endpoint, path: string, query = true): string {
  const url = new URL(`${path}.${ep.format}`, new URL(ep.base.replace(/\/?$/, '/'), globalThis.location?.href));
  if (query && ep.jurisdiction) url.searchParams.set('jurisdiction_id', ep.jurisdiction);
  if (query && ep.locale) url.searchParams.set('locale', ep.locale);
  return url.href;
}

/** The document at `path`, and the language the server says its texts are in (Content-Language). */
async function read(ep: Endpoint, path: string): Promise<{ data: unknown; lang: string }> {
  const url = endpointUrl(ep, path);
  let lang = '';
  const load = async () => {
    const { text, language } = await fetchText(url, { headers: { Accept: ep.format === 'xml' ? 'text/xml' : 'application/json' } });
    lang = language;
    return text;
  };
  // The service list and definitions are kept for offline use (offline-definitions.ts); a kept
  // copy's language is not known, so its texts are then taken to be in the page's language.
  const parse = (text: string) => parseDocument(text, ep.format);
  // An XML server's reader is fetched while the document is (a no-op once it is loaded).
  if (ep.format === 'xml') void loadXmlReader().catch(() => {});
  const data = keepsOffline(path) ? await withOfflineCopy(url, load, parse) : await parse(await load());
  return { data, lang };
}
export const get = (ep: Endpoint, path: string): Promise<unknown> => read(ep, path).then((r) => r.data);

/**
 * The format to use: JSON when discovery.json answers and offers it; otherwise what
 * discovery.xml offers (a server that speaks only XML); JSON when there is no discovery at all.
 */
export async function detectFormat(base: string): Promise<Format> {
  for (const format of ['json', 'xml'] as const) {
    try {
      const found = toFormats(await get({ base, format }, 'discovery'));
      return found.includes('json') ? 'json' : (found[0] ?? format);
    } catch {
      /* try the other document */
    }
  }
  return 'json';
}

export const loadServices = (ep: Endpoint): Promise<Service[]> =>
  read(ep, 'services').then(({ data, lang }) => toServices(data).map((s) => (lang ? { ...s, lang } : s)));

export const loadDefinition = (ep: Endpoint, code: string): Promise<Definition> =>
  read(ep, `services/${encodeURIComponent(code)}`).then(({ data, lang }) => (lang ? { ...toDefinition(data), lang } : toDefinition(data)));
