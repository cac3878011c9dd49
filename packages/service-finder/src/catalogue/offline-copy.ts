/**
 * The last catalogue a finder loaded, kept on the device so that a resident who opens the page
 * offline can still search it. Kept per URL: the text as it came (no JSON wrapper to parse),
 * and beside it its ETag / Last-Modified and when it was saved. A new answer from the server
 * replaces it; a 304 (If-None-Match) confirms it. Storage that is full or missing loses
 * nothing: the copy stays in memory, and the caller is told so it can say so.
 * Finders of one page that load the same URL at the same time share one request.
 */
import { FetchError, fetchWithTimeout } from '@citopia/core/fetch';
import { createSafeStorage, type StorageProblem } from '@citopia/core/storage';

/** Bump when the stored shape changes: older copies are then ignored, not misread. */
const FORMAT = 2;
const storage = createSafeStorage('citopia:finder:copy:');

export interface OfflineCopy {
  text: string;
  etag?: string;
  lastModified?: string;
  /** When the server last gave or confirmed this text (ms since the epoch). */
  savedAt: number;
}
type Meta = Omit<OfflineCopy, 'text'> & { format: number };

/** What a load gave: the value read, and whether it is a saved copy the network could not confirm. */
export interface Loaded<T> {
  value: T;
  /** True when the server could not be reached (or its answer not read) and this is the saved copy. */
  stale: boolean;
  savedAt: number;
  /** True when the server's answer is the saved copy's text (a 304, or the same body). */
  unchanged?: boolean;
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
  const meta = storage.getJson<Meta>('meta:' + key(url));
  const text = meta?.format === FORMAT && typeof meta.savedAt === 'number' ? storage.get('text:' + key(url)) : null;
  return text === null ? undefined : { text, etag: meta!.etag, lastModified: meta!.lastModified, savedAt: meta!.savedAt };
}

/** Saves the copy; `textUnchanged` writes only its dates and tags (the text is already there). */
export function writeCopy(url: string, copy: OfflineCopy, textUnchanged = false): StorageProblem | undefined {
  const { text, ...meta } = copy;
  const wrote = textUnchanged ? undefined : storage.set('text:' + key(url), text).problem;
  return storage.setJson('meta:' + key(url), { format: FORMAT, ...meta }).problem ?? wrote;
}

export function forgetCopy(url: string): void {
  storage.remove('meta:' + key(url));
  storage.remove('text:' + key(url));
}

interface Answer {
  text?: string;
  etag?: string;
  lastModified?: string;
  notModified?: boolean;
  error?: unknown;
}
interface Inflight {
  answer: Promise<Answer>;
  controller: AbortController;
  /** Callers still waiting for the answer; the request is aborted when the last one leaves. */
  waiting: number;
}
const inflight = new Map<string, Inflight>();

/**
 * One conditional request per URL at a time, whatever the number of finders asking. A caller
 * whose `signal` aborts (its finder was removed) stops waiting; the request itself is aborted
 * only when nobody waits for it any more.
 */
function ask(url: string, headers: Record<string, string>, copy: OfflineCopy | undefined, signal?: AbortSignal): Promise<Answer> {
  const k = key(url);
  let entry = inflight.get(k);
  if (!entry) {
    const conditional: Record<string, string> = { ...headers };
    if (copy?.etag) conditional['If-None-Match'] = copy.etag;
    else if (copy?.lastModified) conditional['If-Modified-Since'] = copy.lastModified;
    const controller = new AbortController();
    const answer = (async (): Promise<Answer> => {
      try {
        // no-store: our copy is the cache here, the browser's must not answer for the server.
        const response = await fetchWithTimeout(url, { headers: conditional, cache: 'no-store', signal: controller.signal });
        const text = await response.text();
        return { text, etag: response.headers.get('ETag') ?? undefined, lastModified: response.headers.get('Last-Modified') ?? undefined };
      } catch (error) {
        return error instanceof FetchError && error.kind === 'http' && error.status === 304 ? { notModified: true } : { error };
      } finally {
        if (inflight.get(k)?.controller === controller) inflight.delete(k);
      }
    })();
    inflight.set(k, (entry = { answer, controller, waiting: 0 }));
  }
  const shared = entry;
  shared.waiting++;
  if (!signal) return shared.answer;
  return new Promise((resolve) => {
    const leave = () => {
      if (--shared.waiting === 0) {
        if (inflight.get(k) === shared) inflight.delete(k);
        shared.controller.abort();
      }
      resolve({ error: new FetchError('aborted', `Aborted: ${url}`) });
    };
    if (signal.aborted) return leave();
    signal.addEventListener('abort', leave, { once: true });
    void shared.answer.then((answer) => {
      signal.removeEventListener('abort', leave);
      resolve(answer);
    });
  });
}

/**
 * Fetches `url` and reads it with `read`, revalidating the saved copy when there is one;
 * `onCopy` gets the copy at once, before the network answers. A new text replaces the copy only
 * once it could be read. Throws only when there is no copy to fall back on. `signal` stops the
 * waiting (the caller was removed).
 */
export async function loadWithCopy<T>(
  url: string,
  headers: Record<string, string>,
  read: (text: string) => Promise<T>,
  onCopy?: (copy: Loaded<T>) => void,
  signal?: AbortSignal,
): Promise<Loaded<T>> {
  const copy = readCopy(url);
  let fromCopy: Promise<T> | undefined;
  const copyValue = () => (fromCopy ??= read(copy!.text));
  if (copy && onCopy) {
    // A copy that cannot be read any more (a reader changed) is simply not shown.
    void copyValue().then((value) => onCopy({ value, stale: true, savedAt: copy.savedAt }), () => undefined);
  }
  const answer = await ask(url, headers, copy, signal);
  const savedAt = Date.now();
  const unchanged = !!copy && (answer.notModified || answer.text === copy.text);
  if (copy && unchanged) {
    const value = await copyValue();
    return { value, stale: false, savedAt, unchanged, storageProblem: writeCopy(url, { ...copy, etag: answer.etag ?? copy.etag, lastModified: answer.lastModified ?? copy.lastModified, savedAt }, true) };
  }
  if (answer.text !== undefined) {
    try {
      const value = await read(answer.text);
      return { value, stale: false, savedAt, storageProblem: writeCopy(url, { text: answer.text, etag: answer.etag, lastModified: answer.lastModified, savedAt }) };
    } catch (error) {
      if (!copy) throw error;
    }
  } else if (!copy) {
    throw answer.error;
  }
  return { value: await copyValue(), stale: true, savedAt: copy!.savedAt };
}
