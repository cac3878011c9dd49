/**
 * The catalogue as schema.org JSON-LD (GovernmentService with ServiceChannel), for search
 * engines. Loaded only when the `jsonld` attribute asks for it. Texts are in the page language.
 */
import { pickText } from '@citopia/core/language-map';
import { safeUrl } from '@citopia/core/safe-url';
import type { Catalogue, Channel, OpeningHours } from './types.js';

const DAY_NAMES: Record<string, string> = { mo: 'Monday', tu: 'Tuesday', we: 'Wednesday', th: 'Thursday', fr: 'Friday', sa: 'Saturday', su: 'Sunday' };

export function toJsonLd(catalogue: Catalogue, language: string, base = location.href): object {
  const text = (v: unknown) => pickText(v, language).text || undefined;
  const url = (v: unknown) => {
    const safe = safeUrl(v);
    return safe && new URL(safe, base).href;
  };
  const publisher = catalogue.publisher && { '@type': 'GovernmentOrganization', name: text(catalogue.publisher.name), url: url(catalogue.publisher.url) };
  const categoryName = new Map((catalogue.categories ?? []).map((c) => [c.id, text(c.name)]));
  const audienceName = new Map((catalogue.audiences ?? []).map((a) => [a.id, text(a.name)]));
  const hours = (list: OpeningHours[] | undefined) =>
    list?.map((h) => ({ '@type': 'OpeningHoursSpecification', dayOfWeek: h.days.map((d) => DAY_NAMES[d]).filter(Boolean), opens: h.opens, closes: h.closes }));
  const channel = (c: Channel) => {
    const out: Record<string, unknown> = { '@type': 'ServiceChannel', name: text(c.label) };
    if (c.type === 'online') out['serviceUrl'] = url(c.url);
    if (c.type === 'phone') out['servicePhone'] = { '@type': 'ContactPoint', telephone: c.phone, hoursAvailable: hours(c.hours) };
    if (c.type === 'email') out['serviceUrl'] = url('mailto:' + c.email);
    if (c.type === 'in-person') {
      const a = c.address;
      out['serviceLocation'] = {
        '@type': 'Place',
        address: typeof a === 'object' && a && ('street' in a || 'locality' in a)
          ? { '@type': 'PostalAddress', streetAddress: a.street, postalCode: a.postalCode, addressLocality: a.locality, addressCountry: a.country }
          : text(a),
        openingHoursSpecification: hours(c.hours),
      };
    }
    return out;
  };
  return {
    '@context': 'https://schema.org',
    '@graph': catalogue.services.map((s) => ({
      '@type': 'GovernmentService',
      identifier: s.id,
      name: text(s.name),
      description: text(s.description ?? s.summary),
      url: url(s.url),
      serviceOperator: s.authority ? { '@type': 'GovernmentOrganization', name: text(s.authority.name), url: url(s.authority.url) } : publisher,
      category: s.categories?.map((id) => categoryName.get(id)).filter(Boolean),
      audience: s.audiences?.map((id) => ({ '@type': 'Audience', audienceType: audienceName.get(id) })),
      availableChannel: s.channels?.map(channel),
      offers: s.cost && { '@type': 'Offer', price: s.cost.value, priceCurrency: s.cost.currency ?? 'CHF', description: text(s.cost.description) },
    })),
  };
}

interface ScriptPolicy {
  createScript(text: string): unknown;
}
let policy: ScriptPolicy | null | undefined;
let refused = false;
/**
 * Under Trusted Types (`require-trusted-types-for 'script'`), even a data block that never runs
 * takes its text from a policy: "citopia-jsonld" (a page that wants `jsonld` adds it to
 * `trusted-types`). It only ever passes JSON.stringify output with "<" escaped, never markup.
 */
function jsonPolicy(): ScriptPolicy | null {
  if (policy === undefined) {
    const factory = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): ScriptPolicy } }).trustedTypes;
    try {
      policy = factory?.createPolicy('citopia-jsonld', { createScript: (json: string) => json }) ?? null;
    } catch {
      policy = null; // the page's policy does not allow ours
    }
  }
  return policy;
}

/** Writes the JSON-LD into `script` (a new one in the document head if none), as text only. */
export function writeJsonLd(script: HTMLScriptElement | undefined, data: object): HTMLScriptElement | undefined {
  // "<" escaped so the JSON cannot close the script if the page is ever serialised to HTML.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  const text = (jsonPolicy()?.createScript(json) ?? json) as string;
  const target = script ?? document.createElement('script');
  try {
    target.text = text;
  } catch {
    // Trusted Types are enforced and "citopia-jsonld" is not allowed: no JSON-LD, nothing else breaks.
    if (!refused) console.warn('[citopia] <citopia-service-finder jsonld>: add "citopia-jsonld" to the trusted-types directive of your Content-Security-Policy.');
    refused = true;
    return script;
  }
  if (!script) {
    target.type = 'application/ld+json';
    target.dataset['citopia'] = 'service-finder';
    document.head.append(target);
  }
  return target;
}
