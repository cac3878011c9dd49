/**
 * Several catalogues at once (`sources`): the city's, the canton's, the country's, an
 * association's, each in any format the finder reads. Each source loads on its own (with its
 * offline copy); one that fails is reported by name while the others are searched. Loaded only
 * by finders that have `sources`.
 */
import { AUTHORITY_KINDS, authorityInData, readAuthority, type Authority, type AuthorityKind } from './authority.js';
import { mergeCatalogues, type SourceCatalogue } from './merge.js';
import { loadWithCopy } from './offline-copy.js';
import { parseCatalogueText, readCatalogue } from './read.js';
import type { Catalogue } from './types.js';
import type { StorageProblem } from '@citopia/core/storage';
import type { SourceNotes } from '../sources-view.js';

export { mergeCatalogues } from './merge.js';

/** One source as a page writes it: a URL, or an object. */
export interface SourceSpec {
  /** URL of the catalogue (our JSON, JSON-LD, Open311 services.json/.xml). */
  src?: string;
  /** The catalogue itself, instead of `src`. */
  services?: unknown;
  /** Who publishes it; read from the data (publisher, provider) when left out. */
  authority?: Partial<Authority>;
  /** The language of an Open311 list's texts. */
  sourceLang?: string;
}

export interface SourceResult {
  authority: Authority;
  catalogue?: Catalogue;
  error?: unknown;
  /** A saved copy the network could not confirm, saved at that time. */
  staleSince?: number;
  storageProblem?: StorageProblem;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * The `sources` attribute or property as a list: a JSON array (of URLs or objects), or URLs
 * separated by spaces. Entries that are neither are dropped.
 */
export function normalizeSources(value: unknown): SourceSpec[] {
  let list: unknown = value;
  if (typeof value === 'string') {
    const text = value.trim();
    try {
      list = text.startsWith('[') ? JSON.parse(text) : text.split(/\s+/).filter(Boolean);
    } catch {
      list = [];
    }
  }
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry): SourceSpec[] => {
    if (typeof entry === 'string' && entry.trim()) return [{ src: entry.trim() }];
    if (!isObject(entry)) return [];
    const src = typeof entry['src'] === 'string' ? entry['src'] : typeof entry['url'] === 'string' ? entry['url'] : undefined;
    if (!src && entry['services'] === undefined) return [];
    const spec: SourceSpec = {};
    if (src) spec.src = src;
    if (entry['services'] !== undefined) spec.services = entry['services'];
    if (isObject(entry['authority'])) spec.authority = entry['authority'] as Partial<Authority>;
    const lang = entry['sourceLang'] ?? entry['source-lang'];
    if (typeof lang === 'string') spec.sourceLang = lang;
    return [spec];
  });
}

/** What to call a source before (or without) its data: its declared authority, or its site. */
function provisionalAuthority(spec: SourceSpec, index: number): Authority {
  const declared = readAuthority(spec.authority ?? {}, { id: spec.authority?.id ?? `source-${index + 1}`, kind: 'city' });
  if (declared) return declared;
  let host = '';
  try {
    host = new URL(spec.src ?? '', globalThis.location?.href).host;
  } catch {
    /* no usable URL: the number names it */
  }
  return { id: `source-${index + 1}`, name: host || `#${index + 1}`, kind: 'city' };
}

/** The source's authorities: declared, else the catalogue's publisher, else each service's own. */
function split(spec: SourceSpec, provisional: Authority, catalogue: Catalogue): SourceCatalogue[] {
  if (spec.authority && readAuthority(spec.authority)) return [{ authority: provisional, catalogue }];
  // A kind (or id) declared without a name still applies to the name the data gives.
  const kind = AUTHORITY_KINDS.includes(spec.authority?.kind as AuthorityKind) ? (spec.authority!.kind as AuthorityKind) : 'city';
  const hint: Partial<Authority> = spec.authority?.id ? { kind, id: spec.authority.id } : { kind };
  const publisher = readAuthority(catalogue.publisher, hint);
  if (publisher) return [{ authority: publisher, catalogue }];
  const groups = new Map<string, SourceCatalogue>();
  for (const service of catalogue.services) {
    const own = readAuthority(authorityInData(service as never), { kind }) ?? provisional;
    const group = groups.get(own.id) ?? { authority: own, catalogue: { ...catalogue, services: [] } };
    group.catalogue.services.push(service);
    groups.set(own.id, group);
  }
  return groups.size ? [...groups.values()] : [{ authority: provisional, catalogue }];
}

const ACCEPT = { Accept: 'application/json, application/ld+json;q=0.9, application/xml;q=0.8' };

/**
 * Loads every source, each on its own. `onProgress` gets the merged catalogue each time a
 * source (or its saved copy) arrives, so the first one is searchable before the slowest.
 */
export async function loadSources(
  specs: readonly SourceSpec[],
  onProgress: (catalogue: Catalogue, results: readonly SourceResult[]) => void,
  signal?: AbortSignal,
): Promise<{ catalogue: Catalogue; results: SourceResult[] }> {
  const results: (SourceResult | undefined)[] = specs.map(() => undefined);
  const parts: SourceCatalogue[][] = specs.map(() => []);
  const merged = () => mergeCatalogues(uniqueIds(parts.flat()));
  const done = () => results.filter((r): r is SourceResult => !!r);
  await Promise.all(
    specs.map(async (spec, i) => {
      const provisional = provisionalAuthority(spec, i);
      const read = async (data: unknown) => readCatalogue(data, spec.sourceLang);
      try {
        if (spec.src) {
          const loaded = await loadWithCopy(spec.src, ACCEPT, async (text) => read(await parseCatalogueText(text)), (copy) => {
            if (results[i]) return;
            parts[i] = split(spec, provisional, copy.value);
            onProgress(merged(), done());
          }, signal);
          parts[i] = split(spec, provisional, loaded.value);
          results[i] = { authority: parts[i][0]?.authority ?? provisional, catalogue: loaded.value, staleSince: loaded.stale ? loaded.savedAt : undefined, storageProblem: loaded.storageProblem };
        } else {
          const catalogue = await read(spec.services);
          parts[i] = split(spec, provisional, catalogue);
          results[i] = { authority: parts[i][0]?.authority ?? provisional, catalogue };
        }
      } catch (error) {
        results[i] = { authority: provisional, error };
      }
      onProgress(merged(), done());
    }),
  );
  return { catalogue: merged(), results: done() };
}

/** Two sources that name the same authority id for two different authorities keep both, apart. */
function uniqueIds(parts: SourceCatalogue[]): SourceCatalogue[] {
  const names = new Map<string, string>();
  return parts.map((part) => {
    const name = JSON.stringify(part.authority.name);
    let id = part.authority.id;
    for (let n = 2; names.has(id) && names.get(id) !== name; n++) id = `${part.authority.id}-${n}`;
    names.set(id, name);
    return id === part.authority.id ? part : { ...part, authority: { ...part.authority, id } };
  });
}

/** What the finder shows of its sources at a moment: the merged catalogue (once one arrived), who, and what went wrong. */
export interface SourcesState {
  catalogue?: Catalogue;
  authorities: Authority[];
  notes: SourceNotes;
  /** Set when no source could be loaded at all. */
  error?: unknown;
  /** True while some sources have not answered yet. */
  pending: boolean;
}

/** The authorities of a merged catalogue, each once, in the order of the services that name them. */
function authoritiesOf(catalogue: Catalogue): Authority[] {
  const seen = new Map<string, Authority>();
  for (const s of catalogue.services) for (const a of s.authorities ?? []) if (!seen.has(a.id)) seen.set(a.id, a);
  return [...seen.values()];
}

const failed = (results: readonly SourceResult[]) => results.filter((r) => r.error !== undefined).map((r) => r.authority);

/**
 * Loads the `sources` attribute or property and hands the finder each state: as soon as a
 * source with services arrives (searchable at once), then once every source has answered.
 */
export async function runSources(value: unknown, apply: (state: SourcesState) => void, signal?: AbortSignal): Promise<void> {
  const { catalogue, results } = await loadSources(normalizeSources(value), (merged, done) => {
    if (merged.services.length) apply({ catalogue: merged, authorities: authoritiesOf(merged), notes: { failed: failed(done) }, pending: true });
  }, signal);
  const stale = results.map((r) => r.staleSince).filter((t): t is number => t !== undefined);
  const notes: SourceNotes = {
    failed: failed(results),
    staleSince: stale.length ? Math.min(...stale) : undefined,
    storageProblem: results.find((r) => r.storageProblem)?.storageProblem,
  };
  // Nothing at all to search: the usual error (the first reason), every source named.
  if (!results.some((r) => r.catalogue)) apply({ authorities: [], notes, error: results[0]?.error ?? new Error('no sources'), pending: false });
  else apply({ catalogue, authorities: authoritiesOf(catalogue), notes, pending: false });
}
