/** What an Open311 server answers after sending: receipts, errors, statuses (loaded with the later steps). */
import { list, str, type Receipt, type RequestStatus, type SpecError } from './open311-read.js';

/** The spec's error list, `[{code, description}]`, from a JSON or XML body (or nothing). */
export function toErrors(data: unknown): SpecError[] {
  return list(data)
    .map((e) => ({ code: str(e.code), description: str(e.description) }))
    .filter((e) => e.description);
}

/** POST answer: `[{service_request_id, service_notice}]`, `[{token}]`, or the JSON adapter's object. */
export function toReceipt(data: unknown): Receipt {
  const r = list(data)[0] ?? {};
  const receipt: Receipt = {};
  const id = str(r.service_request_id) || str(r.id);
  const token = str(r.token);
  const notice = str(r.service_notice) || str(r.notice);
  if (id) receipt.id = id;
  if (token) receipt.token = token;
  if (notice) receipt.notice = notice;
  if (str(r.status_url)) receipt.statusUrl = str(r.status_url);
  return receipt;
}

export function toStatus(data: unknown): RequestStatus | undefined {
  const r = list(data)[0];
  return r && {
    id: str(r.service_request_id),
    status: str(r.status),
    notes: str(r.status_notes),
    requested: str(r.requested_datetime),
    updated: str(r.updated_datetime),
    expected: str(r.expected_datetime),
  };
}

