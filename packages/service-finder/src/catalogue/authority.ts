/**
 * Who provides a service: the city, the canton or region, the country, an association. Read
 * from a source's own declaration, or from the data (our `authority`/`publisher`, CPSV-AP
 * `hasCompetentAuthority`, schema.org `provider`/`serviceOperator`). Never trusts a type.
 */
import { pickText, type Localizable as Text } from '@citopia/core/language-map';

export type AuthorityKind = 'city' | 'region' | 'country' | 'association';
export const AUTHORITY_KINDS: readonly AuthorityKind[] = ['city', 'region', 'country', 'association'];

export interface Authority {
  /** Stable id, unique among a finder's sources ("ville-de-demo", "canton-demo"). */
  id: string;
  name: Text;
  kind: AuthorityKind;
  url?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const slug = (text: string) => text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');

/** A name as our texts: a string, a language map, or JSON-LD's `{ "@value", "@language" }` (or a list of them). */
function readName(value: unknown): Text | undefined {
  if (typeof value === 'string') return value.trim() ? value : undefined;
  const entries = (Array.isArray(value) ? value : [value]).filter(isObject);
  const tagged = entries.filter((e) => typeof e['@value'] === 'string' && typeof e['@language'] === 'string');
  if (tagged.length) return Object.fromEntries(tagged.map((e) => [e['@language'] as string, e['@value'] as string]));
  if (isObject(value) && pickText(value, 'en').text) return value as Text;
  return undefined;
}

/**
 * An authority from declared or data fields; `fallback` fills what the data leaves out
 * (`kind`, `id`). Undefined when no name can be read.
 */
export function readAuthority(value: unknown, fallback: Partial<Authority> = {}): Authority | undefined {
  if (!isObject(value)) return fallback.name && fallback.id ? (fallback as Authority) : undefined;
  const name = readName(value['name']) ?? readName(value['prefLabel']) ?? readName(value['skos:prefLabel']) ?? fallback.name;
  if (!name) return undefined;
  const kind = AUTHORITY_KINDS.includes(value['kind'] as AuthorityKind) ? (value['kind'] as AuthorityKind) : (fallback.kind ?? 'city');
  const rawId = typeof value['id'] === 'string' && value['id'].trim() ? value['id'] : typeof value['@id'] === 'string' ? value['@id'] : undefined;
  const id = rawId ?? fallback.id ?? (slug(pickText(name, 'en').text) || 'authority');
  const url = typeof value['url'] === 'string' ? value['url'] : typeof value['homepage'] === 'string' ? value['homepage'] : fallback.url;
  return url ? { id, name, kind, url } : { id, name, kind };
}

/** The authority a service names in its data (CPSV-AP, schema.org or ours), if any. */
export function authorityInData(service: Record<string, unknown>): unknown {
  for (const key of ['authority', 'hasCompetentAuthority', 'cv:hasCompetentAuthority', 'provider', 'serviceOperator']) {
    const value = service[key];
    if (isObject(value)) return value;
    if (Array.isArray(value) && isObject(value[0])) return value[0];
  }
  return undefined;
}
