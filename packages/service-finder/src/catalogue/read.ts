/**
 * Turns whatever the page or the network gave us into a clean catalogue, or throws
 * CatalogueError. Never trusts a type: a wrong field is dropped, not rendered.
 */
import { CatalogueError, isObject, isOpen311List, readable, readNativeCatalogue } from './native.js';
import type { Catalogue } from './types.js';

export { CatalogueError, isOpen311List, readNativeCatalogue } from './native.js';

/**
 * JSON, tolerant of Open311 lists that write codes as numbers with leading zeros
 * (`"service_code":001`, invalid JSON, as in the GeoReport v2 spec's own example): such codes
 * are read as strings, keeping their zeros. XML Open311 lists are read too.
 */
export async function parseCatalogueText(text: string): Promise<unknown> {
  if (/^\s*</.test(text)) {
    const list = (await import('./open311.js')).open311FromXml(text);
    if (list) return list;
    throw new CatalogueError('not a catalogue (XML)');
  }
  return JSON.parse(text.replace(/("service_code"\s*:\s*)(-?\d[\d.eE+-]*)/g, '$1"$2"'));
}

/** JSON-LD: a `@context` or `@graph` at the top, or typed nodes (checked here, so the reader stays lazy). */
function looksLikeJsonLd(data: unknown): boolean {
  const top = Array.isArray(data) ? data[0] : data;
  return isObject(top) && ('@context' in top || '@graph' in top || '@type' in top);
}

/**
 * A catalogue object, a plain array of services, or an Open311 service list, made safe to use.
 * `sourceLang`: the language of an Open311 list's texts.
 */
export async function readCatalogue(data: unknown, sourceLang?: string): Promise<Catalogue> {
  // Open311 lists are rarer: their adapter loads only when one comes.
  if (isOpen311List(data)) return readable(data.length, (await import('./open311.js')).fromOpen311(data, sourceLang));
  // JSON-LD (schema.org GovernmentService, CPSV-AP PublicService): its reader loads when one comes.
  if (looksLikeJsonLd(data)) {
    const { fromJsonLd } = await import('./jsonld-read.js');
    const nodes = Array.isArray(data) ? data : isObject(data) && Array.isArray(data['@graph']) ? data['@graph'] : [data];
    return readable(nodes.length, fromJsonLd(data));
  }
  return readNativeCatalogue(data);
}

