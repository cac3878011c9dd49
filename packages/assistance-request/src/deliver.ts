/**
 * Sending one prepared request, for both adapters. Runs in browsers and in Node (the benchmark
 * uses it through the outbox exactly as the component does).
 *
 * - "open311": POST requests.{json|xml}, application/x-www-form-urlencoded; charset=utf-8. The
 *   body carries `x_idempotency_key`, which the relay uses to answer a retry with the request it
 *   already stored instead of creating a second one (docs/open311-relay.md).
 * - "json": POST JSON to any endpoint with an `Idempotency-Key` header, the same on every retry.
 */
import { FetchError, fetchText } from '@citopia/core/fetch';
import { parseDocument, type Format, type Receipt, type SpecError } from './open311-read.js';
import { toErrors, toReceipt } from './open311-results.js';

export interface Outgoing {
  /** The idempotency key: one per request, kept across every retry. */
  key: string;
  adapter: 'open311' | 'json';
  url: string;
  format: Format;
  /** The exact bytes to send, fixed once, so every retry is the same request. */
  body: string;
  createdAt: number;
}

/** The server refused the request itself (4xx): retrying the same bytes cannot help. */
export class RejectedError extends Error {
  constructor(
    readonly errors: SpecError[],
    readonly status?: number,
  ) {
    super(errors.map((e) => e.description).join(' ') || `HTTP ${status}`);
  }
}

export async function deliver(item: Outgoing, timeout = 20_000): Promise<Receipt> {
  const json = item.adapter === 'json';
  const headers: Record<string, string> = json
    ? { 'Content-Type': 'application/json', 'Idempotency-Key': item.key, Accept: 'application/json' }
    : { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8', Accept: item.format === 'xml' ? 'text/xml' : 'application/json' };
  try {
    const { text } = await fetchText(item.url, { method: 'POST', headers, body: item.body, timeout });
    return toReceipt(await parseDocument(text, json ? 'json' : item.format));
  } catch (error) {
    if (error instanceof FetchError && error.kind === 'http' && !error.retryable) {
      let errors: SpecError[] = [];
      try {
        const data = await parseDocument(error.body ?? '', json ? 'json' : item.format);
        errors = toErrors((data as { errors?: unknown })?.errors ?? data);
      } catch {
        /* a refusal without the spec's error list */
      }
      throw new RejectedError(errors, error.status);
    }
    throw error;
  }
}

/** Worth another try: anything but a refusal (offline, timeout, network, 408, 425, 429, 5xx, a garbled answer). */
export const isRetryable = (error: unknown): boolean => !(error instanceof RejectedError) && (!(error instanceof FetchError) || error.retryable);

export const retryAfterOf = (error: unknown): number | undefined => (error instanceof FetchError ? error.retryAfter : undefined);
