/**
 * Loads the badge's `src` and nothing else, with the browser's default HTTP cache (a
 * publiccode.yml served with a Cache-Control lifetime is read from the cache when fresh).
 *
 * What reads the answer (the device copy, format detection, the plain-YAML reader) is its own
 * chunk, read-file.ts, requested at the same moment as the file: the badge waits for the file
 * anyway, so the chunk costs no extra wait, and a page whose badge has no `src` never loads it.
 */
import { chunkLoader } from '@citopia/core/chunk';
import { FetchError, fetchWithTimeout } from '@citopia/core/fetch';
import type { Loaded } from './read-file.js';

export type { Loaded } from './read-file.js';

/**
 * The reading chunk. A failed chunk load (offline before it was ever cached) is a network
 * failure like the file's: the same translated sentence, and "Try again" imports it again.
 */
const importReader = chunkLoader(() => import('./read-file.js'));
const loadReader = () =>
  importReader().catch((error: unknown) => {
    throw new FetchError(navigator.onLine === false ? 'offline' : 'network', `Could not load the badge's reader: ${String(error)}`);
  });

export async function loadPubliccode(src: string, signal: AbortSignal): Promise<Loaded> {
  const url = new URL(src, document.baseURI).href;
  const reader = loadReader();
  const request = fetchWithTimeout(url, { signal });
  // Both settle below (the request inside readFile); meanwhile a failure is not "unhandled".
  request.catch(() => {});
  return (await reader).readFile(url, request, signal);
}
