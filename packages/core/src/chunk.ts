import { FetchError } from './fetch.js';

/**
 * Lazily loaded chunks that can be loaded again after a failure ("Try again").
 *
 * Some browsers keep a failed module fetch in their module map: once `import('./x.js')` failed
 * (offline, a server error), importing the same address again fails at once, without asking
 * the server (Firefox ESR does; the Chromium tested here asks again). So after a failure the next attempt asks for the same
 * file under a new address: the failed one, read from the error's message, with `?retry=<n>`.
 * When the message names no address (Safari), the next attempt is the plain import() again.
 * Once an address loaded, later calls import that one (the same module).
 */
export function chunkLoader<T>(load: () => Promise<T>, failure?: unknown): () => Promise<T> {
  let failedAddress: string | undefined;
  let failed = false;
  let attempts = 0;
  let address: string | undefined;
  const remember = (error: unknown): void => {
    failed = true;
    failedAddress ??= /https?:\/\/[^\s"'`]+/.exec(String((error as Error)?.message ?? error))?.[0];
  };
  // An attempt made before this loader existed (`failure`) counts as its own.
  if (failure !== undefined) remember(failure);
  return () => {
    if (failed && failedAddress) {
      const next = new URL(failedAddress);
      next.searchParams.set('retry', String(++attempts));
      address = next.href;
    }
    failed = false;
    // A computed address: bundlers leave this import() as it is (the chunk is already built).
    const loading = address ? (import(/* @vite-ignore */ address) as Promise<T>) : load();
    return loading.catch((error: unknown) => {
      remember(error);
      throw error;
    });
  };
}

/**
 * A chunk whose download failed (`failure`, the error of `load()`), for a part nobody can press
 * "Try again" for: asked for again each time the browser comes back online, until it arrives.
 * Whatever waits for it stays as it is meanwhile.
 */
export async function loadWhenOnline<T>(load: () => Promise<T>, failure: unknown): Promise<T> {
  const again = chunkLoader(load, failure);
  for (;;) {
    await new Promise((online) => addEventListener('online', online, { once: true }));
    try {
      return await again();
    } catch {
      // Still unreachable: wait for the next time.
    }
  }
}

/**
 * A lazily loaded part, loaded once for the page. A failed load is forgotten, so that the next
 * need (or "Try again") asks again, and it becomes the FetchError it is ('offline' or 'network'),
 * which every component explains in the person's language. Wrap each import() in chunkLoader.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw new FetchError(globalThis.navigator?.onLine === false ? 'offline' : 'network', String(error));
    }));
}

/**
 * The strings that only lazily loaded parts show. A CDN build splits each locale's catalogue in
 * two (scripts/rollup-merge-catalogues.mjs): the strings of what a page runs at once, and the
 * rest, which each catalogue chunk registers here and loads as soon as a part is `wanted`. In an
 * npm build (one catalogue per package, not split) nothing registers.
 */
export const restOfStrings: { wanted: boolean; loads: Array<() => Promise<unknown>> } = { wanted: false, loads: [] };

/**
 * chunkLoader for a part that shows text: it arrives with the rest of the strings (see
 * restOfStrings), so that it never shows an untranslated word. A failure of either is the
 * part's load failure; the next call asks again for what failed.
 */
export function partLoader<T>(load: () => Promise<T>): () => Promise<T> {
  const chunk = chunkLoader(load);
  return () => {
    restOfStrings.wanted = true;
    return Promise.all([chunk(), ...restOfStrings.loads.map((strings) => strings())]).then(([part]) => part);
  };
}
