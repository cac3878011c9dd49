/**
 * Open311 GeoReport v2 service lists (`GET services.json`, or services.xml) as a catalogue.
 * Each request type becomes a service that leads to the assistance request (`open311`);
 * `group` becomes its category, `keywords` (a comma-separated string) its keywords.
 */
import type { Catalogue, Category, Service, Text } from './types.js';

const asText = (value: unknown): Text | undefined =>
  typeof value === 'string' ? value : value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, string>) : undefined;

/** "lorem, ipsum" (or a language map of such strings) as keyword lists. */
function keywords(value: unknown): Service['keywords'] {
  const split = (s: unknown) => (typeof s === 'string' ? s.split(',').map((k) => k.trim()).filter(Boolean) : []);
  if (typeof value === 'string') return split(value);
  if (!value || typeof value !== 'object') return undefined;
  return Object.fromEntries(Object.entries(value).map(([lang, s]) => [lang, split(s)]));
}

const groupId = (group: Text) => 'open311-' + (typeof group === 'string' ? group : JSON.stringify(group)).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-');

/**
 * `lang`: the language of the list's texts (Open311 does not say), so that they can be tagged
 * when the page speaks another one.
 */
export function fromOpen311(list: readonly Record<string, unknown>[], lang?: string): Catalogue {
  const tag = (text: Text | undefined): Text | undefined => (lang && typeof text === 'string' ? { [lang]: text } : text);
  const categories = new Map<string, Category>();
  const services: Service[] = [];
  for (const entry of list) {
    const code = entry['service_code'];
    // Codes may be numbers or strings; "001" stays "001" (the reader quotes such numbers).
    if ((typeof code !== 'string' && typeof code !== 'number') || code === '') continue;
    let name = asText(entry['service_name']);
    // Some cities write names with underscores ("Cans_Left_Out_24x7").
    if (typeof name === 'string' && !name.includes(' ')) name = name.replace(/_/g, ' ');
    const service: Service = { id: String(code), name: tag(name) ?? String(code), open311: { serviceCode: String(code) } };
    const description = tag(asText(entry['description']));
    if (description) service.description = description;
    const words = keywords(entry['keywords']);
    if (words) service.keywords = lang && Array.isArray(words) ? { [lang]: words } : words;
    const group = asText(entry['group']);
    if (group) {
      const id = groupId(group);
      if (!categories.has(id)) categories.set(id, { id, name: tag(group)! });
      service.categories = [id];
    }
    services.push(service);
  }
  return { version: '1', categories: [...categories.values()], services };
}

/** Reads services.xml (browser only: uses DOMParser) into the same objects as services.json. */
export function open311FromXml(xml: string): Record<string, unknown>[] | undefined {
  if (typeof DOMParser === 'undefined') return undefined;
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.querySelector('parsererror') || doc.documentElement.localName !== 'services') return undefined;
  return [...doc.documentElement.children]
    .filter((el) => el.localName === 'service')
    .map((el) => Object.fromEntries([...el.children].map((child) => [child.localName, child.textContent?.trim() ?? ''])));
}
