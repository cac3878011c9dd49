/**
 * Our own catalogue format, read synchronously (a `services` property renders its results in
 * the first render, and on a server). Never trusts a type: a wrong field is dropped, not
 * rendered. The other formats (JSON text, Open311, JSON-LD) are read by read.ts, loaded with
 * the finder's lazily loaded parts.
 */
import { pickText } from '@citopia/core/language-map';
import type { Catalogue, Channel, Service } from './types.js';

export class CatalogueError extends Error {
  override readonly name = 'CatalogueError';
}

/** True when the data looks like an Open311 service list. */
export function isOpen311List(data: unknown): data is Record<string, unknown>[] {
  return Array.isArray(data) && data.length > 0 && data.every((d) => d && typeof d === 'object' && 'service_code' in d);
}

export const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
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

/** A list with entries of which not one can be read is damaged data, not a city without services. */
export function readable(entries: number, catalogue: Catalogue): Catalogue {
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
