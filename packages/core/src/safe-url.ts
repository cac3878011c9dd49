const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const PROBE_BASE = 'https://citopia.invalid/';

/**
 * The URL if it is safe to put in `href` or `src`: http, https, mailto, tel, or relative.
 * Anything else (`javascript:`, `data:`, `vbscript:`, `blob:`, `file:`, obfuscated with
 * whitespace, control characters or case) gives `undefined`. The WHATWG URL parser does the
 * de-obfuscation exactly as the browser would when following the link.
 */
export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > 8192) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(trimmed, PROBE_BASE);
  } catch {
    return undefined;
  }
  if (!SAFE_PROTOCOLS.has(parsed.protocol)) return undefined;
  // Relative input stays relative (resolved by the page); absolute input is returned normalised.
  return parsed.origin === new URL(PROBE_BASE).origin && !/^[a-z][a-z\d+.-]*:/i.test(trimmed)
    ? trimmed
    : parsed.href;
}

/** True for http(s) URLs only: the ones we may fetch. */
export function isHttpUrl(value: unknown): value is string {
  const url = safeUrl(value);
  return url !== undefined && !/^(mailto|tel):/i.test(url);
}
