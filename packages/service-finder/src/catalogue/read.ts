/**
 * Turns whatever the page or the network gave us into a clean catalogue, or throws
 * CatalogueError. Never trusts a type: a wrong field is dropped, not rendered.
 */
import { pickText } from '@citopia/core/language-map';
import type { Catalogue, Channel, Service } from './types.js';

export class CatalogueError extends Error {
  override readonly name = 'CatalogueError';
}

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

/** True when the data looks like an Open311 service list. */
export function isOpen311List(data: unknown): data is Record<string, unknown>[] {
  return Array.isArray(data) && data.length > 0 && data.every((d) => d && typeof d === 'object' && 'service_code' in d);
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
const list = (v: unknown) => (Array.isArray(v) ? v.filter(isObject) : []);
const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string' || typeof x === 'number').map(String) : undefined);
const id = (v: unknown) => (typeof v === 'number' ? String(v) : str(v));
/** Texts may stay as they are: pickText() reads only the strings of a language map. */
const named = (v: Record<string, unknown>) => !!id(v['id']) && !!pickText(v['name'], 'en').text;

/** The field each channel type needs, as a non-empty string (or, for addresses, a text or object). */
const REQUIRED: Record<string, string> = { online: 'url', phone: 'phone', email: 'email', 'in-person': 'address' };

function service(s: Record<string, unknown>): Service {
  const code = isObject(s['open311']) ? id(s['open311']['serviceCode']) : undefined;
  return {
    ...(s as unknown as Service),
    id: id(s['id'])!,
    url: str(s['url']),
    categories: ids(s['categories']),
    audiences: ids(s['audiences']),
    channels: list(s['channels'])
      .filter((c) => typeof c['type'] === 'string' && (c['type'] === 'in-person' ? pickText(c['address'], 'en').text || isObject(c['address']) : str(c[REQUIRED[c['type']] ?? ''])))
      .map((c) => ({ ...c, hours: list(c['hours']).filter((h) => Array.isArray(h['days'])) }) as unknown as Channel),
    open311: code === undefined ? undefined : { serviceCode: code },
  };
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

/** A list with entries of which not one can be read is damaged data, not a city without services. */
function readable(entries: number, catalogue: Catalogue): Catalogue {
  if (entries > 0 && catalogue.services.length === 0) throw new CatalogueError(`not a catalogue: none of its ${entries} services can be read`);
  return catalogue;
}

/** Reads a catalogue in our own format, synchronously (so a server can render its results). */
export function readNativeCatalogue(data: unknown): Catalogue {
  const raw = Array.isArray(data) ? { services: data } : data;
  if (!isObject(raw) || !Array.isArray(raw['services'])) throw new CatalogueError('not a catalogue: no services list');
  const withIds = (v: unknown) => list(v).filter(named).map((x) => ({ ...x, id: id(x['id']) }) as never);
  return readable(raw['services'].length, {
    publisher: isObject(raw['publisher']) ? (raw['publisher'] as never) : undefined,
    categories: withIds(raw['categories']),
    audiences: withIds(raw['audiences']),
    services: list(raw['services']).filter(named).map(service),
    synonyms: Array.isArray(raw['synonyms']) ? raw['synonyms'].filter(Array.isArray) : [],
  });
}
