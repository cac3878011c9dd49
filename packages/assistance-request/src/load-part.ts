import { FetchError } from '@citopia/core/fetch';

/**
 * A part of ours loaded with import() when first needed. A failed load (offline, say) becomes the
 * load error it is, so the person reads why in their language and can try again; the next call
 * asks the server again.
 */
export function loadPart<T>(load: () => Promise<T>): Promise<T> {
  return load().catch((error: unknown) => {
    throw new FetchError(navigator.onLine === false ? 'offline' : 'network', String(error));
  });
}
