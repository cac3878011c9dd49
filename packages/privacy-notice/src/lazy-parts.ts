/**
 * The parts of the notice that most visits never need at once, each loaded with import() once
 * for every notice of the page: the details layer (dialog, full notice), the configuration's
 * error sentences and the cookie store. Server rendering cannot wait for a chunk: in Node, server-layer.ts hands both
 * over at once.
 */
import { chunkLoader, loadOnce, partLoader } from '@citopia/core/chunk';

export type Layer = typeof import('./details-layer.js');
export type Validation = typeof import('./validate-config.js');
export type Cookies = typeof import('./cookie-store.js');

export let layer: Layer | undefined;
export let validation: Validation | undefined;
export let cookies: Cookies | undefined;
// A failed chunk is forgotten (the next call tries again, under a new address: Firefox keeps a
// failed import()) and becomes the FetchError that describeLoadError explains.
const importLayer = loadOnce(partLoader(() => import('./details-layer.js')));
const importValidation = partLoader(() => import('./validate-config.js'));
const importCookies = loadOnce(chunkLoader(() => import('./cookie-store.js')));

/** The layer, loaded once; a failed load (offline) is a FetchError, and the next call tries again. */
export const loadDetailsLayer = (): Promise<Layer> => importLayer().then((module) => (layer = module));

/** The error sentences and the contact finder, for a configuration that does not hold. */
export const loadValidation = (): Promise<Validation> => importValidation().then((module) => (validation = module));

/** The cookie store, for a notice with `storage="cookie"`; a failed load is a FetchError, and the next call tries again. */
export const loadCookieStore = (): Promise<Cookies> => importCookies().then((module) => (cookies = module));

export function useLazyParts(details: Layer, checks: Validation): void {
  layer = details;
  validation = checks;
}
