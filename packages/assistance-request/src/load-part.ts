import { FetchError } from '@citopia/core/fetch';

/** The address of the module a failed import() names in its message (Chromium and Firefox do; Safari does not). */
const failedModule = (error: unknown) => /\bhttps?:\/\/\S+?\.[jt]s\b/.exec(error instanceof Error ? error.message : '')?.[0];

/**
 * A part of ours loaded with import() when first needed, once. A failed load (offline, say)
 * becomes the load error it is, so the person reads why in their language and can try again.
 * Browsers keep a failed import() failed for the page's whole life (whatwg/html#6768), so a
 * later try asks for the same module under a new address (a query string), as a reload would.
 */
export function lazyPart<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  let failed: string | undefined;
  let tries = 0;
  return () =>
    (loading ??= (failed ? (import(/* @vite-ignore */ `${failed}?try=${++tries}`) as Promise<T>) : load()).catch((error: unknown) => {
      loading = undefined;
      failed ??= failedModule(error);
      throw new FetchError(globalThis.navigator?.onLine === false ? 'offline' : 'network', String(error));
    }));
}
