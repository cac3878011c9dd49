/**
 * Several authorities' catalogues as one: each service carries the authorities that publish it,
 * and a service published by two (same identifier, or same page URL) appears once, with both.
 * Categories and audiences of the same id are one; the first source's texts win.
 */
import type { Authority } from './authority.js';
import type { Catalogue, Service } from './types.js';

export interface SourceCatalogue {
  authority: Authority;
  catalogue: Catalogue;
}

/** A URL compared as people mean it: no scheme, no "www.", no trailing slash, no fragment, host in lower case. */
export function normalizeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url, 'https://relative.invalid/');
    const path = u.pathname.replace(/\/+$/, '') || '/';
    return `${u.host.toLowerCase().replace(/^www\./, '')}${path}${u.search}`;
  } catch {
    return undefined;
  }
}

/** The keys under which a service is "the same" as another: its identifier, its page. */
function keys(service: Service): string[] {
  const out = ['id:' + service.id];
  const url = normalizeUrl(service.url);
  // Relative URLs name a page of each source's own site: only absolute ones can match across sources.
  if (url && !url.startsWith('relative.invalid/')) out.push('url:' + url);
  return out;
}

export function mergeCatalogues(sources: readonly SourceCatalogue[]): Catalogue {
  const services: Service[] = [];
  const byKey = new Map<string, Service>();
  const categories = new Map<string, NonNullable<Catalogue['categories']>[number]>();
  const audiences = new Map<string, NonNullable<Catalogue['audiences']>[number]>();
  const synonyms: string[][] = [];
  for (const { authority, catalogue } of sources) {
    for (const c of catalogue.categories ?? []) if (!categories.has(c.id)) categories.set(c.id, c);
    for (const a of catalogue.audiences ?? []) if (!audiences.has(a.id)) audiences.set(a.id, a);
    synonyms.push(...(catalogue.synonyms ?? []));
    for (const service of catalogue.services) {
      const serviceKeys = keys(service);
      const same = serviceKeys.map((k) => byKey.get(k)).find(Boolean);
      if (same) {
        if (!same.authorities!.some((a) => a.id === authority.id)) same.authorities!.push(authority);
        // The second publisher may know more: categories and audiences add up.
        same.categories = union(same.categories, service.categories);
        same.audiences = union(same.audiences, service.audiences);
        for (const k of serviceKeys) if (!byKey.has(k)) byKey.set(k, same);
        continue;
      }
      const merged: Service = { ...service, authorities: [authority] };
      services.push(merged);
      for (const k of serviceKeys) byKey.set(k, merged);
    }
  }
  return { version: '1', categories: [...categories.values()], audiences: [...audiences.values()], services, synonyms };
}

function union(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  if (!b?.length) return a;
  return [...new Set([...(a ?? []), ...b])];
}
