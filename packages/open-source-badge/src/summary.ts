/**
 * What the badge shows, read leniently out of any publiccode.yml document (valid or not, any
 * version): only values of the expected shape are kept, everything else is left out. The
 * validator says what is wrong; this module only says what can be shown.
 */
import { safeUrl } from '@citopia/core/safe-url';
import { MAX_SHOWN_CHARS } from './limits.js';

type Dict = Record<string, unknown>;

/** An absolute http(s) address from the data, normalised, or undefined: only these become links (a relative one would point into the host page). */
export const webLink = (value: unknown): string | undefined => (typeof value === 'string' && /^\s*https?:\/\//i.test(value) ? safeUrl(value) : undefined);

/**
 * The `lang` to mark a text of the file with (WCAG 3.1.2): its language-map key when that is a
 * well-formed tag of another language than the page's; undefined otherwise.
 */
export function foreignLang(lang: string | undefined, pageLanguage: string): string | undefined {
  if (!lang) return undefined;
  try {
    const [tag] = Intl.getCanonicalLocales(lang);
    return tag && tag.split('-')[0] !== pageLanguage.toLowerCase().split('-')[0] ? lang : undefined;
  } catch {
    return undefined;
  }
}

export const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Scalars a YAML parser may give for a text field written without quotes (1.0, 2024). */
export const asText = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined);

export interface Person {
  name?: string;
  email?: string;
  phone?: string;
  affiliation?: string;
  website?: string;
  until?: string;
}

export interface BadgeSummary {
  name?: string;
  /** description.<lang>.localisedName, by language. */
  localisedName: Record<string, string>;
  /** description.<lang>.shortDescription, by language. */
  shortDescription: Record<string, string>;
  license?: string;
  developmentStatus?: string;
  maintenanceType?: string;
  contacts: Person[];
  contractors: Person[];
  version?: string;
  releaseDate?: string;
  organisation?: string;
  usedBy: string[];
  platforms: string[];
  /** The repository (`url`). */
  url?: string;
  /** The human-readable landing page, when the repository URL is only for source control. */
  landingURL?: string;
  /**
   * Keys of the texts too long to show (more than MAX_SHOWN_CHARS characters): cut to that many
   * and "…", or, for a contact's e-mail, phone and website, left out.
   */
  shortened: string[];
}

/** `text` cut to `max` UTF-16 units, never in the middle of a surrogate pair, with "…". */
export function shorten(text: string, max = MAX_SHOWN_CHARS): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]!) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

const dict = (v: unknown): Dict => (isDict(v) ? v : {});

export function summarise(doc: unknown): BadgeSummary {
  const shortened: string[] = [];
  // Every text the badge shows, trimmed and, when longer than it can lay out, shortened (the
  // key noted, for the note that says so). A cut address would lead elsewhere: a contact's
  // e-mail, phone or website that long is left out instead; the repository and landing page
  // only become link targets, never text, and stay whole.
  const textOf = (v: unknown, key: string, long: 'cut' | 'drop' | 'keep' = 'cut'): string | undefined => {
    const t = asText(v)?.trim();
    if (!t) return undefined;
    if (long === 'keep' || t.length <= MAX_SHOWN_CHARS) return t;
    shortened.push(key);
    return long === 'cut' ? shorten(t) : undefined;
  };
  const textsOf = (v: unknown, key: string): string[] =>
    (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []).map((item, i) => textOf(item, `${key}[${i}]`)).filter((t): t is string => t !== undefined);
  const person = (v: unknown, key: string): Person | undefined => {
    if (!isDict(v)) return undefined;
    const p: Person = {};
    for (const field of ['name', 'email', 'phone', 'affiliation', 'website', 'until'] as const) {
      const t = textOf(v[field], `${key}.${field}`, field === 'email' || field === 'phone' || field === 'website' ? 'drop' : 'cut');
      if (t) p[field] = t;
    }
    return Object.keys(p).length ? p : undefined;
  };
  const people = (v: unknown, key: string): Person[] => (Array.isArray(v) ? v.map((p, i) => person(p, `${key}[${i}]`)).filter((p): p is Person => p !== undefined) : []);

  const d = dict(doc);
  const description = dict(d.description);
  const byLanguage = (key: string) => {
    const out: Record<string, string> = {};
    for (const [lang, entry] of Object.entries(description)) {
      const t = textOf(dict(entry)[key], `description.${lang}.${key}`);
      if (t) out[lang] = t;
    }
    return out;
  };
  const legal = dict(d.legal);
  const maintenance = dict(d.maintenance);
  const summary: BadgeSummary = {
    name: textOf(d.name, 'name'),
    localisedName: byLanguage('localisedName'),
    shortDescription: byLanguage('shortDescription'),
    license: textOf(legal.license, 'legal.license'),
    developmentStatus: textOf(d.developmentStatus, 'developmentStatus'),
    maintenanceType: textOf(maintenance.type, 'maintenance.type'),
    contacts: people(maintenance.contacts, 'maintenance.contacts'),
    contractors: people(maintenance.contractors, 'maintenance.contractors'),
    version: textOf(d.softwareVersion, 'softwareVersion'),
    releaseDate: textOf(d.releaseDate, 'releaseDate'),
    // organisation.name since 0.4; before that, the repository owner said who publishes it.
    organisation: textOf(dict(d.organisation).name, 'organisation.name') ?? textOf(legal.repoOwner, 'legal.repoOwner'),
    usedBy: textsOf(d.usedBy, 'usedBy'),
    platforms: textsOf(d.platforms, 'platforms'),
    url: textOf(d.url, 'url', 'keep'),
    landingURL: textOf(d.landingURL, 'landingURL', 'keep'),
    shortened,
  };
  return summary;
}
