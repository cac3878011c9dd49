/**
 * Validates a parsed publiccode.yml document against the standard: mandatory keys, types,
 * enumerations, controlled vocabularies, SPDX licences, language and country codes, dates,
 * URLs and e-mail addresses, and the differences between versions (0.2 and 0.3 still require
 * `categories`; deprecations are reported against the current standard). Pure: runs in Node.
 */
import type { Problem, ProblemCode } from './problem.js';
import { parseSpdx } from './spdx.js';
import {
  CATEGORIES, DEPRECATED, DEVELOPMENT_STATUSES, KNOWN_KEYS, MAINTENANCE_TYPES, SCOPES, SOFTWARE_TYPES, SUPPORTED_VERSIONS, versionRank,
} from './standard.js';

import { asText, isDict } from './summary.js';

type Dict = Record<string, unknown>;

/** Length in code points, counted without building an array (a text may weigh a megabyte). */
function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdbff || i + 1 >= s.length) n++;
    else {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      n++;
    }
  }
  return n;
}

/**
 * BCP 47 tag whose primary language exists. Structure alone would accept "xxx"; the likely
 * subtags data of Intl (CLDR) knows every living language, even those it has no name for in
 * the browser (gsw, fur, lld…), and gives a known language its script when maximised.
 */
export function isLanguageTag(tag: unknown): boolean {
  if (typeof tag !== 'string' || /_/.test(tag)) return false;
  try {
    const locale = new Intl.Locale(Intl.getCanonicalLocales(tag)[0]!);
    return new Intl.Locale(locale.language).maximize().script !== undefined;
  } catch {
    return false;
  }
}

/** ISO 3166-1 alpha-2 code that Intl knows (either case). */
export function isCountryCode(code: unknown): boolean {
  if (typeof code !== 'string' || !/^[a-z]{2}$/i.test(code)) return false;
  try {
    return new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(code.toUpperCase()) !== undefined;
  } catch {
    return false;
  }
}

/** URI with a scheme (organisation.uri may be a URN such as urn:x-italian-pa:c_h501). */
export const isUri = (v: unknown): boolean => typeof v === 'string' && /^[a-z][a-z\d+.-]*:\S+$/i.test(v);

/** Absolute URL with a scheme and a host (a repository may be git://, ssh://…). */
export function isUrl(value: unknown, httpOnly = false): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.host !== '' && (!httpOnly || /^https?:$/.test(url.protocol));
  } catch {
    return false;
  }
}

export const isEmail = (v: unknown): boolean => typeof v === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@.]+$/.test(v);

/** A real calendar date written YYYY-MM-DD. */
export function isDate(v: unknown): boolean {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const date = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(v);
}

export function validatePubliccode(doc: unknown): Problem[] {
  const problems: Problem[] = [];
  const add = (key: string, code: ProblemCode, values?: Array<string | number>, severity: Problem['severity'] = 'error') =>
    problems.push(values ? { key, code, severity, values } : { key, code, severity });
  if (!isDict(doc)) {
    add('', 'not-document');
    return problems;
  }

  // --- helpers bound to this document -----------------------------------------------------
  const join = (base: string, key: string) => (base ? `${base}.${key}` : key);
  const text = (v: unknown, key: string, required = false): string | undefined => {
    if (v === undefined || v === null) {
      if (required) add(key, 'required');
      return undefined;
    }
    const t = asText(v);
    if (t === undefined) add(key, 'not-text');
    else if (required && t.trim() === '') add(key, 'required');
    return t;
  };
  const section = (v: unknown, key: string, required = false): Dict | undefined => {
    if (v === undefined || v === null) {
      if (required) add(key, 'required');
      return undefined;
    }
    if (!isDict(v)) add(key, 'not-section');
    return isDict(v) ? v : undefined;
  };
  const list = (v: unknown, key: string, required = false): unknown[] | undefined => {
    if (v === undefined || v === null) {
      if (required) add(key, 'required');
      return undefined;
    }
    if (!Array.isArray(v)) {
      add(key, 'not-list');
      return undefined;
    }
    if (required && v.length === 0) add(key, 'empty-list');
    return v;
  };
  const oneOf = (v: unknown, key: string, allowed: readonly string[]) => {
    const t = text(v, key, true);
    if (t && !allowed.includes(t)) add(key, 'not-allowed', [t, allowed.join(', ')]);
  };
  const url = (v: unknown, key: string, httpOnly = true, required = false) => {
    const t = text(v, key, required);
    if (t && !isUrl(t, httpOnly)) add(key, 'url');
  };
  const date = (v: unknown, key: string, required = false) => {
    const t = text(v, key, required);
    if (t && !isDate(t)) add(key, 'date');
  };
  const email = (v: unknown, key: string) => {
    const t = text(v, key);
    if (t !== undefined && !isEmail(t)) add(key, 'email');
  };
  const unknownKeys = (obj: Dict, known: Set<string>, base: string) => {
    for (const key of Object.keys(obj)) if (!known.has(key)) add(join(base, key), 'unknown-key');
  };
  const texts = (v: unknown, key: string, check?: (item: string, itemKey: string) => void) =>
    list(v, key)?.forEach((item, i) => {
      const t = text(item, `${key}[${i}]`, true);
      if (t && check) check(t, `${key}[${i}]`);
    });

  // --- version ----------------------------------------------------------------------------
  if ('publiccode-yaml-version' in doc) add('publiccode-yaml-version', 'version-unsupported', [String(doc['publiccode-yaml-version'])]);
  const version = text(doc.publiccodeYmlVersion, 'publiccodeYmlVersion', !('publiccode-yaml-version' in doc));
  let rank = 0.7;
  if (version !== undefined && version.trim() !== '') {
    if (!SUPPORTED_VERSIONS.includes(version)) add('publiccodeYmlVersion', 'version-unsupported', [version]);
    else {
      rank = versionRank(version);
      if (version !== '0') add('publiccodeYmlVersion', 'version-old', [version], 'warning');
    }
  }
  /** Deprecations of the current standard apply to files written for it (0.4 and later). */
  const current = rank >= 0.4;
  const deprecated = (key: string) => add(key, 'deprecated', DEPRECATED[key] ? [DEPRECATED[key]] : undefined, 'warning');

  // --- top level --------------------------------------------------------------------------
  unknownKeys(doc, KNOWN_KEYS.top, '');
  text(doc.name, 'name', true);
  text(doc.applicationSuite, 'applicationSuite');
  url(doc.url, 'url', false, true);
  url(doc.landingURL, 'landingURL');
  url(doc.roadmap, 'roadmap');
  if (Array.isArray(doc.isBasedOn)) doc.isBasedOn.forEach((u, i) => url(u, `isBasedOn[${i}]`, false));
  else url(doc.isBasedOn, 'isBasedOn', false);
  text(doc.softwareVersion, 'softwareVersion');
  date(doc.releaseDate, 'releaseDate');
  text(doc.logo, 'logo');
  for (const key of ['monochromeLogo', 'inputTypes', 'outputTypes']) if (key in doc && current) deprecated(key);

  // platforms: "enumerated string or array of strings", at least one.
  if (typeof doc.platforms === 'string') text(doc.platforms, 'platforms', true);
  else texts(list(doc.platforms, 'platforms', true), 'platforms');

  if (doc.categories === undefined && rank < 0.4) add('categories', 'required');
  texts(doc.categories, 'categories', (c, key) => {
    if (!CATEGORIES.has(c)) add(key, 'category', [c]);
  });
  texts(doc.usedBy, 'usedBy');
  list(doc.fundedBy, 'fundedBy')?.forEach((funder, i) => text(section(funder, `fundedBy[${i}]`, true)?.name, `fundedBy[${i}].name`, true));
  oneOf(doc.developmentStatus, 'developmentStatus', DEVELOPMENT_STATUSES);
  oneOf(doc.softwareType, 'softwareType', SOFTWARE_TYPES);

  const organisation = section(doc.organisation, 'organisation');
  if (organisation) {
    unknownKeys(organisation, KNOWN_KEYS.organisation, 'organisation');
    text(organisation.name, 'organisation.name', true);
    const uri = text(organisation.uri, 'organisation.uri');
    if (uri !== undefined && !isUri(uri)) add('organisation.uri', 'url');
  }

  const audience = section(doc.intendedAudience, 'intendedAudience');
  if (audience) {
    unknownKeys(audience, KNOWN_KEYS.intendedAudience, 'intendedAudience');
    texts(audience.scope, 'intendedAudience.scope', (s, key) => {
      if (!SCOPES.has(s)) add(key, 'scope', [s]);
    });
    for (const name of ['countries', 'unsupportedCountries']) {
      texts(audience[name], `intendedAudience.${name}`, (c, key) => {
        if (!isCountryCode(c)) add(key, 'country', [c]);
        else if (current && c !== c.toUpperCase()) add(key, 'country-lowercase', [c.toUpperCase()], 'warning');
      });
    }
  }

  // --- description: at least one language; short description in each; long description and
  // features in at least one (the standard's wording).
  const description = section(doc.description, 'description', true);
  if (description) {
    const languages = Object.keys(description);
    if (languages.length === 0) add('description', 'required');
    let hasLong = false;
    let hasFeatures = false;
    for (const lang of languages) {
      const base = `description.${lang}`;
      if (!isLanguageTag(lang)) add(base, 'language', [lang]);
      const entry = section(description[lang], base, true);
      if (!entry) continue;
      unknownKeys(entry, KNOWN_KEYS.description, base);
      text(entry.localisedName, `${base}.localisedName`);
      const generic = text(entry.genericName, `${base}.genericName`);
      if (generic !== undefined && current) deprecated(`${base}.genericName`);
      if (generic && codePoints(generic) > 35) add(`${base}.genericName`, 'too-long', [codePoints(generic), 35]);
      const short = text(entry.shortDescription, `${base}.shortDescription`, true);
      if (short && codePoints(short) > 150) add(`${base}.shortDescription`, 'too-long', [codePoints(short), 150]);
      const long = text(entry.longDescription, `${base}.longDescription`);
      if (long !== undefined) {
        hasLong = true;
        const n = codePoints(long);
        if (n < 150) add(`${base}.longDescription`, 'too-short', [n, 150]);
        if (n > 10000) add(`${base}.longDescription`, 'too-long', [n, 10000]);
      }
      const features = list(entry.features, `${base}.features`);
      if (features) {
        hasFeatures = true;
        if (features.length === 0) add(`${base}.features`, 'empty-list');
        texts(features, `${base}.features`);
      }
      url(entry.documentation, `${base}.documentation`);
      url(entry.apiDocumentation, `${base}.apiDocumentation`);
      texts(entry.screenshots, `${base}.screenshots`);
      list(entry.videos, `${base}.videos`)?.forEach((v, i) => url(v, `${base}.videos[${i}]`));
      texts(entry.awards, `${base}.awards`);
    }
    if (languages[0] && !hasLong) add(`description.${languages[0]}.longDescription`, 'required');
    if (languages[0] && !hasFeatures) add(`description.${languages[0]}.features`, 'required');
  }

  // --- legal ------------------------------------------------------------------------------
  const legal = section(doc.legal, 'legal') ?? {};
  unknownKeys(legal, KNOWN_KEYS.legal, 'legal');
  const license = text(legal.license, 'legal.license', true);
  if (license) {
    const spdx = parseSpdx(license);
    if (!spdx.valid) add('legal.license', 'spdx', [license]);
    else for (const id of spdx.unknown) add('legal.license', 'spdx-unknown', [id], 'warning');
  }
  text(legal.mainCopyrightOwner, 'legal.mainCopyrightOwner');
  text(legal.repoOwner, 'legal.repoOwner');
  text(legal.authorsFile, 'legal.authorsFile');
  if (current) for (const key of ['repoOwner', 'authorsFile']) if (key in legal) deprecated(`legal.${key}`);

  // --- maintenance: contractors when "contract", contacts when "internal" or "community".
  const maintenance = section(doc.maintenance, 'maintenance') ?? {};
  unknownKeys(maintenance, KNOWN_KEYS.maintenance, 'maintenance');
  oneOf(maintenance.type, 'maintenance.type', MAINTENANCE_TYPES);
  const type = maintenance.type;
  // Contractors and contacts share name and e-mail; each has its own further keys.
  const people = (items: unknown[] | undefined, base: string, known: Set<string>, check: (person: Dict, key: string) => void) =>
    items?.forEach((item, i) => {
      const key = `${base}[${i}]`;
      const person = section(item, key, true);
      if (!person) return;
      unknownKeys(person, known, key);
      text(person.name, `${key}.name`, true);
      email(person.email, `${key}.email`);
      check(person, key);
    });
  const contractors = list(maintenance.contractors, 'maintenance.contractors');
  if (type === 'contract' && !contractors?.length) add('maintenance.contractors', 'required-contract');
  people(contractors, 'maintenance.contractors', KNOWN_KEYS.contractor, (c, key) => {
    date(c.until, `${key}.until`, true);
    url(c.website, `${key}.website`);
  });
  const contacts = list(maintenance.contacts, 'maintenance.contacts');
  if ((type === 'internal' || type === 'community') && !contacts?.length) add('maintenance.contacts', 'required-contacts', [type]);
  people(contacts, 'maintenance.contacts', KNOWN_KEYS.contact, (c, key) => {
    text(c.phone, `${key}.phone`);
    text(c.affiliation, `${key}.affiliation`);
  });

  // --- localisation -----------------------------------------------------------------------
  const localisation = section(doc.localisation, 'localisation') ?? {};
  unknownKeys(localisation, KNOWN_KEYS.localisation, 'localisation');
  const ready = localisation.localisationReady;
  // YAML 1.1 spelled booleans yes/no; YAML 1.2 reads them as text, which the standard refuses.
  if (ready === undefined || ready === null) add('localisation.localisationReady', 'required');
  else if (typeof ready !== 'boolean') add('localisation.localisationReady', 'not-boolean');
  texts(list(localisation.availableLanguages, 'localisation.availableLanguages', true), 'localisation.availableLanguages', (tag, key) => {
    if (!isLanguageTag(tag)) add(key, 'language', [tag]);
  });

  // --- dependencies, country sections --------------------------------------------------------
  const dependsOn = section(doc.dependsOn, 'dependsOn');
  for (const kind of ['open', 'proprietary', 'hardware']) {
    list(dependsOn?.[kind], `dependsOn.${kind}`)?.forEach((d, i) => text(section(d, `dependsOn.${kind}[${i}]`, true)?.name, `dependsOn.${kind}[${i}].name`, true));
  }
  section(doc.IT, 'IT');
  // Version 0.2 named the Italian section "it"; 0.3 made country sections upper case.
  if (section(doc.it, 'it') && rank >= 0.3) add('it', 'deprecated', ['IT'], 'warning');
  list(doc.supports, 'supports');
  return problems;
}
