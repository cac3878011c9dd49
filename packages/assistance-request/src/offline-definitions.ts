/**
 * The service list and service definitions (the form's questions), kept on the device so that
 * a resident offline can still start a request: it then waits in the outbox as any other.
 * Only read documents are kept (discovery, services, services/CODE), never a request or a
 * token. A new answer from the server replaces the copy; the copy answers only when the server
 * cannot be reached (offline, timeout, network error), never for an error the server gave.
 */
import { FetchError } from '@citopia/core/fetch';
import { createSafeStorage } from '@citopia/core/storage';

const storage = createSafeStorage('citopia:request:definitions:');
const KEPT = /^(discovery|services(\/[^/]+)?)$/;

export const keepsOffline = (path: string) => KEPT.test(path);

/**
 * `load()` the text of `url` and `read` it; keeps the text once it could be read (an error page
 * is never kept), or answers with the kept text when the network fails.
 */
export async function withOfflineCopy<T>(url: string, load: () => Promise<string>, read: (text: string) => T | Promise<T>): Promise<T> {
  let text: string;
  try {
    text = await load();
  } catch (error) {
    const kept = error instanceof FetchError && ['offline', 'timeout', 'network'].includes(error.kind) ? storage.get(url) : null;
    if (kept === null) throw error;
    return await read(kept);
  }
  const value = await read(text);
  storage.set(url, text);
  return value;
}
