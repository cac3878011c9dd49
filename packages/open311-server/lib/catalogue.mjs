// The city's services from the JSON config, in the language a client asks for. Config texts are
// either plain strings or language maps ({"fr": "…", "de": "…"}).

/** The text of `value` in `language`, else in `fallback`, else the first one. */
export function pick(value, language, fallback = 'fr') {
  if (value === null || value === undefined || typeof value !== 'object') return value ?? '';
  return value[language] ?? value[fallback] ?? Object.values(value)[0] ?? '';
}

/**
 * The language to answer in: the `locale` parameter (an Open311 extension some servers accept),
 * then the Accept-Language header, reduced to a language the config has; else its default.
 */
export function chooseLanguage(config, locale, acceptLanguage) {
  const available = languagesOf(config);
  const wanted = [locale, ...String(acceptLanguage ?? '').split(',').map((part) => part.split(';')[0])]
    .filter(Boolean)
    .map((tag) => String(tag).trim().slice(0, 2).toLowerCase());
  return wanted.find((tag) => available.has(tag)) ?? config.defaultLanguage ?? 'fr';
}

function languagesOf(config) {
  const found = new Set();
  for (const service of config.services ?? []) {
    if (service.service_name && typeof service.service_name === 'object') Object.keys(service.service_name).forEach((k) => found.add(k));
  }
  return found;
}

/** Service codes may be numbers or strings in the config; clients send them as text. */
export function findService(config, code) {
  return (config.services ?? []).find((s) => String(s.service_code) === String(code));
}

const variableAttributes = (service) => (service.attributes ?? []).filter((a) => a.variable !== false);

/** GET services: the spec's fields only, texts in `language`. */
export function listServices(config, language) {
  const fallback = config.defaultLanguage;
  return (config.services ?? []).map((s) => ({
    service_code: s.service_code,
    service_name: pick(s.service_name, language, fallback),
    description: pick(s.description, language, fallback),
    metadata: (s.attributes ?? []).length > 0,
    type: s.type ?? 'realtime',
    keywords: pick(s.keywords, language, fallback),
    group: pick(s.group, language, fallback),
  }));
}

/** The config's `order` of an attribute; those without one come after the ordered ones. */
const configOrder = (attribute) => (Number.isFinite(attribute.order) ? attribute.order : Number.POSITIVE_INFINITY);

/**
 * GET services/{code}: the service definition, attributes in the config's `order` (ties as
 * written) and numbered from 1, as GeoReport v2 says ("1 is shown first"), whatever the config
 * counts from.
 */
export function serviceDefinition(config, service, language) {
  const fallback = config.defaultLanguage;
  return {
    service_code: service.service_code,
    attributes: [...(service.attributes ?? [])]
      .sort((a, b) => (configOrder(a) === configOrder(b) ? 0 : configOrder(a) < configOrder(b) ? -1 : 1))
      .map((a, i) => ({
        variable: a.variable !== false,
        code: a.code,
        datatype: a.datatype,
        required: Boolean(a.required),
        datatype_description: a.datatype_description ? pick(a.datatype_description, language, fallback) : null,
        order: i + 1,
        description: pick(a.description, language, fallback),
        ...(a.values ? { values: a.values.map((v) => ({ key: v.key, name: pick(v.name, language, fallback) })) } : {}),
      })),
  };
}

export { variableAttributes };
