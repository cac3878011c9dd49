import { chunkLoader } from '@citopia/core/chunk';
import { FetchError } from '@citopia/core/fetch';

/**
 * A part of ours loaded with import() when first needed, once. A failed load (offline, say)
 * becomes the load error it is, so the person reads why in their language and can try again;
 * the next try asks the server again (core's chunkLoader: browsers keep a failed import()).
 */
export function lazyPart<T>(load: () => Promise<T>): () => Promise<T> {
  const importPart = chunkLoader(load);
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= importPart().catch((error: unknown) => {
      loading = undefined;
      throw new FetchError(globalThis.navigator?.onLine === false ? 'offline' : 'network', String(error));
    }));
}
