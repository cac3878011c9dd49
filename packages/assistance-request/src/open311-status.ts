/**
 * After sending: the number of a request known by its token, and its status. Loaded with the
 * later steps (open311.ts reads what the form's first view needs).
 */
import { fetchText } from '@citopia/core/fetch';
import { get, type Endpoint } from './open311.js';
import { parseJson } from './open311-read.js';
import { toReceipt, toStatus } from './open311-results.js';
import type { RequestStatus } from './open311-read.js';

/** tokens/{token}: the service_request_id once the server has one. */
export const resolveToken = (ep: Endpoint, token: string): Promise<string | undefined> =>
  get(ep, `tokens/${encodeURIComponent(token)}`).then((data) => toReceipt(data).id);

/** requests/{id}, or the JSON adapter's status URL. */
export async function loadStatus(ep: Endpoint, id: string, statusUrl?: string): Promise<RequestStatus | undefined> {
  if (statusUrl) return toStatus(parseJson((await fetchText(statusUrl, { headers: { Accept: 'application/json' } })).text));
  return toStatus(await get(ep, `requests/${encodeURIComponent(id)}`));
}
