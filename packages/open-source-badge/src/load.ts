/**
 * Loads the badge's `src` and nothing else. The request uses the browser's default HTTP cache,
 * so a publiccode.yml served with a Cache-Control lifetime is read from the cache when fresh.
 * A copy of the last good file is also kept on the device (safe storage), because
 * @citopia/core/fetch refuses to try the network while the browser reports being offline:
 * with the copy the badge still shows itself offline, and says so.
 */
import { FetchError, fetchWithTimeout } from '@citopia/core/fetch';
import { createSafeStorage } from '@citopia/core/storage';
import { MAX_SOURCE_BYTES, fatalSource, type ParsedSource } from './limits.js';
import { parseSource } from './parse-source.js';

const storage = createSafeStorage('citopia:open-source-badge:');
/** Files larger than this are not copied to the device (a real publiccode.yml weighs a few KB). */
const MAX_COPY = 64 * 1024;

interface Copy {
  text: string;
  type: string;
}

const tooLarge = (bytes: number): ParsedSource => fatalSource('too-large', [Math.ceil(bytes / 1024), MAX_SOURCE_BYTES / 1024]);

export interface Loaded {
  parsed: ParsedSource;
  /** The file came from the device's copy because the network failed. */
  fromCopy: boolean;
}

/** The file's text and content type; `size` alone when the server announces a file too large to read. */
async function fetchSource(url: string, signal: AbortSignal): Promise<Copy & { size?: number }> {
  const response = await fetchWithTimeout(url, { signal });
  const type = response.headers.get('Content-Type') ?? '';
  const announced = Number(response.headers.get('Content-Length'));
  if (announced > MAX_SOURCE_BYTES) return { text: '', type, size: announced };
  try {
    // Decoding is lenient: invalid UTF-8 becomes U+FFFD, which parseSource reports.
    return { text: new TextDecoder().decode(await response.arrayBuffer()), type };
  } catch (error) {
    throw new FetchError(signal.aborted ? 'aborted' : 'network', `Could not read ${url}: ${(error as Error).message}`);
  }
}

export async function loadPubliccode(src: string, signal: AbortSignal): Promise<Loaded> {
  const url = new URL(src, document.baseURI).href;
  let source: Copy;
  let fromCopy = false;
  try {
    const fetched = await fetchSource(url, signal);
    if (fetched.size) return { parsed: tooLarge(fetched.size), fromCopy };
    source = fetched;
    if (source.text.length <= MAX_COPY) storage.setJson(url, source);
  } catch (error) {
    const copy = storage.getJson<Copy>(url);
    const unreachable = error instanceof FetchError && ['offline', 'network', 'timeout'].includes(error.kind);
    if (!unreachable || typeof copy?.text !== 'string') throw error;
    source = { text: copy.text, type: String(copy.type ?? '') };
    fromCopy = true;
  }
  if (source.text.length > MAX_SOURCE_BYTES) return { parsed: tooLarge(source.text.length), fromCopy };
  return { parsed: await parseSource(source.text, url, source.type), fromCopy };
}
