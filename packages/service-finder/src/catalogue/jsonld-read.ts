/**
 * Reads a catalogue published as JSON-LD: schema.org `GovernmentService` (what our writer
 * emits, and what many portals publish) or CPSV-AP `PublicService`, in a `@graph` or a list.
 * Only what a finder shows is read (identifier, name, description, url, keywords, provider);
 * loaded only when such data comes.
 */
import { pickText } from '@citopia/core/language-map';
import { authorityInData, readAuthority } from './authority.js';
import type { Catalogue, Service, Text } from './types.js';

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const SERVICE_TYPES = /^(schema:|https?:\/\/schema\.org\/)?GovernmentService$|^(cpsv:|http:\/\/purl\.org\/vocab\/cpsv#)?PublicService$|^Service$/;

/** Strings, language maps, `{ "@value", "@language" }` nodes or lists of them, as our texts. */
function text(value: unknown): Text | undefined {
  if (typeof value === 'string') return value.trim() ? value : undefined;
  const list = (Array.isArray(value) ? value : [value]).filter(isObject);
  const tagged = list.filter((e) => typeof e['@value'] === 'string');
  if (tagged.length) {
    return Object.fromEntries(tagged.map((e) => [typeof e['@language'] === 'string' ? e['@language'] : 'und', e['@value'] as string]));
  }
  return isObject(value) && pickText(value, 'en').text ? (value as Text) : undefined;
}
const first = (node: Record<string, unknown>, ...keys: string[]) => keys.map((k) => node[k]).find((v) => v !== undefined);
const types = (node: Record<string, unknown>) => [node['@type']].flat().filter((t): t is string => typeof t === 'string');

export function fromJsonLd(data: unknown): Catalogue {
  const nodes = (Array.isArray(data) ? data : isObject(data) && Array.isArray(data['@graph']) ? data['@graph'] : [data]).filter(isObject);
  const services: Service[] = [];
  for (const node of nodes) {
    if (!types(node).some((t) => SERVICE_TYPES.test(t))) continue;
    const name = text(first(node, 'name', 'dct:title', 'title', 'prefLabel'));
    const rawId = first(node, 'identifier', 'dct:identifier', '@id');
    const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : undefined;
    if (!name || !id) continue;
    const service: Service = { id, name };
    const description = text(first(node, 'description', 'dct:description'));
    if (description) service.description = description;
    const url = first(node, 'url', 'foaf:homepage', 'homepage');
    if (typeof url === 'string') service.url = url;
    const keywords = first(node, 'keywords', 'dcat:keyword', 'keyword');
    const words = typeof keywords === 'string' ? keywords.split(',') : Array.isArray(keywords) ? keywords.filter((k) => typeof k === 'string') : [];
    if (words.length) service.keywords = words.map((k: string) => k.trim()).filter(Boolean);
    const authority = readAuthority(authorityInData(node));
    if (authority) service.authority = authority;
    services.push(service);
  }
  return { version: '1', services };
}
