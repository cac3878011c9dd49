/**
 * What the badge shows, read leniently out of any publiccode.yml document (valid or not, any
 * version): only values of the expected shape are kept, everything else is left out. The
 * validator says what is wrong; this module only says what can be shown.
 */
import { safeUrl } from '@citopia/core/safe-url';

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
}

const textOf = (v: unknown): string | undefined => {
  const t = asText(v)?.trim();
  return t ? t : undefined;
};
const textsOf = (v: unknown): string[] => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []).map(textOf).filter((t): t is string => t !== undefined);
const dict = (v: unknown): Dict => (isDict(v) ? v : {});

function person(v: unknown): Person | undefined {
  if (!isDict(v)) return undefined;
  const p: Person = {};
  for (const key of ['name', 'email', 'phone', 'affiliation', 'website', 'until'] as const) {
    const t = textOf(v[key]);
    if (t) p[key] = t;
  }
  return Object.keys(p).length ? p : undefined;
}
const people = (v: unknown): Person[] => (Array.isArray(v) ? v.map(person).filter((p): p is Person => p !== undefined) : []);

export function summarise(doc: unknown): BadgeSummary {
  const d = dict(doc);
  const description = dict(d.description);
  const byLanguage = (key: string) => {
    const out: Record<string, string> = {};
    for (const [lang, entry] of Object.entries(description)) {
      const t = textOf(dict(entry)[key]);
      if (t) out[lang] = t;
    }
    return out;
  };
  const legal = dict(d.legal);
  const maintenance = dict(d.maintenance);
  return {
    name: textOf(d.name),
    localisedName: byLanguage('localisedName'),
    shortDescription: byLanguage('shortDescription'),
    license: textOf(legal.license),
    developmentStatus: textOf(d.developmentStatus),
    maintenanceType: textOf(maintenance.type),
    contacts: people(maintenance.contacts),
    contractors: people(maintenance.contractors),
    version: textOf(d.softwareVersion),
    releaseDate: textOf(d.releaseDate),
    // organisation.name since 0.4; before that, the repository owner said who publishes it.
    organisation: textOf(dict(d.organisation).name) ?? textOf(legal.repoOwner),
    usedBy: textsOf(d.usedBy),
    platforms: textsOf(d.platforms),
    url: textOf(d.url),
    landingURL: textOf(d.landingURL),
  };
}
