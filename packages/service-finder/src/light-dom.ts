/**
 * The light-DOM content as a catalogue: a page may put a plain list of links to its services
 * inside the element. People see it before JavaScript runs (or when it never does); when no
 * `src` or `services` is given, the finder searches exactly that list.
 *
 * ```html
 * <citopia-service-finder>
 *   <h3>Population</h3>
 *   <ul><li><a href="/carte-identite">Carte d'identité</a> Demander ou renouveler sa carte.</li></ul>
 * </citopia-service-finder>
 * ```
 * A link is a service (its text the name, the rest of its list item the description); the
 * heading before it is its category; `data-keywords="a, b"` adds keywords.
 */
import type { Catalogue, Category, Service, Text } from './catalogue/types.js';

export function readLightDom(host: Element): Catalogue {
  const services: Service[] = [];
  const categories = new Map<string, Category>();
  let category: string | undefined;
  const inLanguage = (el: Element, text: string): Text => {
    const lang = el.closest('[lang]');
    return lang && host.contains(lang) && lang.getAttribute('lang') ? { [lang.getAttribute('lang')!]: text } : text;
  };
  for (const el of host.querySelectorAll('h1, h2, h3, h4, h5, h6, a[href]')) {
    const text = el.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    if (!text) continue;
    if (el.localName !== 'a') {
      category = `category-${categories.size + 1}`;
      categories.set(category, { id: category, name: inLanguage(el, text) });
      continue;
    }
    const item = el.closest('li') ?? el;
    const rest = (item.textContent ?? '').replace(el.textContent ?? '', '').replace(/\s+/g, ' ').trim().replace(/^[–—:-]\s*/, '');
    const service: Service = { id: `link-${services.length + 1}`, name: inLanguage(el, text), url: el.getAttribute('href')! };
    if (rest) service.description = inLanguage(item, rest);
    const keywords = (el.getAttribute('data-keywords') ?? item.getAttribute('data-keywords'))?.split(',').map((k) => k.trim()).filter(Boolean);
    if (keywords?.length) service.keywords = keywords;
    if (category) service.categories = [category];
    services.push(service);
  }
  return { version: '1', categories: [...categories.values()], services };
}
