/**
 * The last catalogue a finder loaded, kept on the device so that a resident who opens the page
 * offline can still search it. Kept per URL: the text, its ETag / Last-Modified, and when it
 * was saved. A new answer from the server replaces it; a 304 (If-None-Match) confirms it.
 * Storage that is full or missing loses nothing: the copy stays in memory, and the caller is
 * told so it can say so.
 */
import { FetchError, fetchWithTimeout } from '@citopia/core/fetch';
import { createSafeStorage, type StorageProblem } from '@citopia/core/storage';

/** Bump when the stored shape changes: older copies are then ignored, not misread. */
const FORMAT = 1;
const storage = createSafeStorage('citopia:finder:copy:');

export interface OfflineCopy {
  format: number;
  text: string;
  etag?: string;
  lastModified?: string;
  /** When the server last gave or confirmed this text (ms since the epoch). */
  savedAt: number;
}

/** What a load gave: the value read, and whether it is a saved copy the network could not confirm. */
export interface Loaded<T> {
  value: T;
  /** True when the server could not be reached (or its answer not read) and this is the saved copy. */
  stale: boolean;
  savedAt: number;
  /** Set when the device refused to keep the copy (it is then kept only while the page is open). */
  storageProblem?: StorageProblem;
}

/** Copies are kept per absolute URL (the same file under two spellings is one copy). */
function key(url: string): string {
  try {
    return new URL(url, globalThis.location?.href).href;
  } catch {
    return url; // no base (a server rendering): the URL as given
  }
}

export function readCopy(url: string): OfflineCopy | undefined {
  const copy = storage.getJson<OfflineCopy>(key(url));
  return copy && copy.format === FORMAT && typeof copy.text === 'string' && typeof copy.savedAt === 'number' ? copy : undefined;
}

export function writeCopy(url: string, copy: Omit<OfflineCopy, 'format'>): StorageProblem | undefined {
  return storage.setJson(key(url), { format: FORMAT, ...copy }).problem;
}

export function forgetCopy(url: string): void {
  storage.remove(key(url));
}

/**
 * Fetches `url` and reads it with `read`, revalidating the saved copy when there is one;
 * `onCopy` gets the copy at once, before the network answers. A new text replaces the copy only
 * once it could be read. Throws only when there is no copy to fall back on.
 */
export async function loadWithCopy<T>(
  url: string,
  headers: Record<string, string>,
  read: (text: string) => Promise<T>,
  onCopy?: (copy: Loaded<T>) => void,
): Promise<Loaded<T>> {
  const copy = readCopy(url);
  let fromCopy: Promise<T> | undefined;
  const copyValue = () => (fromCopy ??= read(copy!.text));
  if (copy && onCopy) {
    // A copy that cannot be read any more (a reader changed) is simply not shown.
    void copyValue().then((value) => onCopy({ value, stale: true, savedAt: copy.savedAt }), () => undefined);
  }
  const conditional: Record<string, string> = { ...headers };
  if (copy?.etag) conditional['If-None-Match'] = copy.etag;
  else if (copy?.lastModified) conditional['If-Modified-Since'] = copy.lastModified;
  try {
    // no-store: our copy is the cache here, the browser's must not answer for the server.
    const response = await fetchWithTimeout(url, { headers: conditional, cache: 'no-store' });
    const text = await response.text();
    const value = await read(text);
    const savedAt = Date.now();
    const storageProblem = writeCopy(url, { text, savedAt, etag: response.headers.get('ETag') ?? undefined, lastModified: response.headers.get('Last-Modified') ?? undefined });
    return { value, stale: false, savedAt, storageProblem };
  } catch (error) {
    if (!copy) throw error;
    const value = await copyValue();
    if (error instanceof FetchError && error.kind === 'http' && error.status === 304) {
      const savedAt = Date.now();
      return { value, stale: false, savedAt, storageProblem: writeCopy(url, { ...copy, savedAt }) };
    }
    return { value, stale: true, savedAt: copy.savedAt };
  }
}
