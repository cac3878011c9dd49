/**
 * A small fetch wrapper: a timeout, an optional outer AbortSignal, and errors with a `kind` the
 * components can explain to people (and translate) without parsing messages.
 */
export type FetchErrorKind = 'offline' | 'timeout' | 'aborted' | 'http' | 'parse' | 'network';

export class FetchError extends Error {
  override readonly name = 'FetchError';
  constructor(
    readonly kind: FetchErrorKind,
    message: string,
    /** HTTP status, for kind "http". */
    readonly status?: number,
    /** Seconds from a `Retry-After` header, when the server sent one. */
    readonly retryAfter?: number,
    /** The response body (text), for kind "http" and "parse"; servers explain errors there. */
    readonly body?: string,
  ) {
    super(message);
  }
  /** Worth trying again later: offline, timeout, network, 408, 425, 429 and 5xx. */
  get retryable(): boolean {
    if (this.kind === 'http') return this.status === 408 || this.status === 425 || this.status === 429 || (this.status ?? 0) >= 500;
    return this.kind === 'offline' || this.kind === 'timeout' || this.kind === 'network';
  }
}

export interface FetchOptions extends RequestInit {
  /** Milliseconds before giving up; 15 s by default. */
  timeout?: number;
}

/** Parses a Retry-After header (seconds or HTTP date) into seconds. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - now) / 1000));
}

/** fetch() with a timeout and typed errors; resolves only for 2xx responses. */
export async function fetchWithTimeout(url: string, options: FetchOptions = {}): Promise<Response> {
  const { timeout = 15_000, signal: outer, ...init } = options;
  // Offline, the HTTP cache or a service worker may still answer: try, and say "offline" only
  // when that fails too.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  // Aborted from outside (the element was removed): the timer goes at once, not when fetch settles.
  const forwardAbort = () => {
    clearTimeout(timer);
    controller.abort();
  };
  outer?.addEventListener('abort', forwardAbort, { once: true });
  try {
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal: controller.signal });
    } catch (error) {
      if (timedOut) throw new FetchError('timeout', `Timed out after ${timeout} ms: ${url}`);
      if (outer?.aborted) throw new FetchError('aborted', `Aborted: ${url}`);
      if (typeof navigator !== 'undefined' && navigator.onLine === false) throw new FetchError('offline', `Offline: ${url}`);
      throw new FetchError('network', `Network error: ${(error as Error).message}`);
    }
    if (!response.ok) {
      const body = await response.text().catch(() => '');
      throw new FetchError('http', `HTTP ${response.status}: ${url}`, response.status, parseRetryAfter(response.headers.get('Retry-After')), body);
    }
    return response;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', forwardAbort);
  }
}

/**
 * Reads a response body as text with the same timeout semantics already applied by fetch;
 * `language` is the response's Content-Language (empty when the server does not say).
 */
export async function fetchText(url: string, options?: FetchOptions): Promise<{ text: string; contentType: string; language: string }> {
  const response = await fetchWithTimeout(url, options);
  try {
    return { text: await response.text(), contentType: response.headers.get('Content-Type') ?? '', language: response.headers.get('Content-Language')?.split(',')[0]?.trim() ?? '' };
  } catch (error) {
    throw new FetchError('network', `Could not read the response: ${(error as Error).message}`);
  }
}

/** GET and parse JSON; an HTML error page or truncated JSON gives kind "parse", never a crash. */
export async function fetchJson<T = unknown>(url: string, options?: FetchOptions): Promise<T> {
  const { text } = await fetchText(url, { ...options, headers: { Accept: 'application/json', ...(options?.headers ?? {}) } });
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new FetchError('parse', `Not JSON (${(error as Error).message}): ${url}`, undefined, undefined, text.slice(0, 500));
  }
}
