/**
 * From the answer to the badge's request to data: size cap, decoding, the copy of the last good
 * file kept on the device (safe storage), then parse-source.ts. Its own chunk, loaded by
 * load.ts at the moment the request leaves, so it arrives while the file is on its way; a page
 * whose badge has no `src` never loads it.
 *
 * The copy exists because @citopia/core/fetch refuses to try the network while the browser
 * reports being offline: with it the badge still shows itself offline, and says so.
 */
import { FetchError } from '@citopia/core/fetch';
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
async function readResponse(url: string, request: Promise<Response>, signal: AbortSignal): Promise<Copy & { size?: number }> {
  const response = await request;
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

/** Reads the answer to `request` (the fetch of `url`), or the device's copy when the network failed. */
export async function readFile(url: string, request: Promise<Response>, signal: AbortSignal): Promise<Loaded> {
  let source: Copy;
  let fromCopy = false;
  try {
    const fetched = await readResponse(url, request, signal);
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
