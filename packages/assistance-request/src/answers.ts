/**
 * The person's answers, and the two ways of sending them: Open311 form fields and the JSON
 * adapter's body. Pure functions (they run in Node too).
 */
import type { Answers } from './answer-model.js';
import type { Definition } from './open311-format.js';

export * from './answer-model.js';

export interface SendContext {
  key: string;
  language: string;
  jurisdiction?: string;
}

/** "2025-03-01T14:30" from a datetime-local control, as W3C date-time with the device's offset. */
export function localDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const offset = -date.getTimezoneOffset();
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${value.length === 16 ? `${value}:00` : value}${offset < 0 ? '-' : '+'}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** The answers to the current service's questions, ready to send (decimal commas become points). */
export function attributeValues(a: Answers, def: Definition | undefined): Array<[string, string | string[]]> {
  const out: Array<[string, string | string[]]> = [];
  for (const attr of def?.attributes ?? []) {
    const value = a.attrs[attr.code];
    if (!attr.variable || value === undefined || value.length === 0) continue;
    if (Array.isArray(value)) out.push([attr.code, value]);
    else if (value.trim()) out.push([attr.code, attr.datatype === 'number' ? value.trim().replace(',', '.') : attr.datatype === 'datetime' ? localDateTime(value) : value.trim()]);
  }
  return out;
}

const trimmed = (pairs: Array<[string, string | number | undefined]>) => pairs.filter((p): p is [string, string | number] => p[1] !== undefined && String(p[1]).trim() !== '');

/**
 * The POST requests.* body, `application/x-www-form-urlencoded`: the spec's fields, then our
 * extensions (x_*), which a relay may map to its city's system (docs/open311-relay.md).
 */
export function toOpen311Body(a: Answers, def: Definition | undefined, ctx: SendContext): string {
  const body = new URLSearchParams();
  const located = a.lat !== undefined && a.long !== undefined;
  for (const [k, v] of trimmed([
    ['jurisdiction_id', ctx.jurisdiction],
    ['service_code', a.service],
    ['lat', located ? a.lat : undefined],
    ['long', located ? a.long : undefined],
    ['address_string', a.address.trim()],
    ['email', a.email.trim()],
    ['first_name', a.first.trim()],
    ['last_name', a.last.trim()],
    ['phone', a.phone.trim()],
    ['description', a.description.trim()],
    ['media_url', a.media],
  ]))
    body.append(k, String(v));
  for (const [code, value] of attributeValues(a, def)) {
    if (Array.isArray(value)) value.forEach((v) => body.append(`attribute[${code}][]`, v));
    else body.append(`attribute[${code}]`, value);
  }
  for (const [k, v] of trimmed([
    ['x_contact_method', a.answer],
    ['x_postal_address', a.answer === 'post' ? a.postal.trim() : undefined],
    ['x_accessibility_other', a.needsOther.trim()],
    ['x_language', ctx.language],
    ['x_idempotency_key', ctx.key],
  ]))
    body.append(k, String(v));
  a.needs.forEach((n) => body.append('x_accessibility[]', n));
  return body.toString();
}

/** The JSON adapter's body (its schema is in docs/open311-relay.md). */
export function toJsonBody(a: Answers, def: Definition | undefined, ctx: SendContext): string {
  const located = a.lat !== undefined && a.long !== undefined;
  return JSON.stringify({
    service_code: a.service || undefined,
    jurisdiction_id: ctx.jurisdiction || undefined,
    attributes: Object.fromEntries(attributeValues(a, def)),
    description: a.description.trim(),
    location: { lat: located ? a.lat : undefined, long: located ? a.long : undefined, address: a.address.trim() || undefined },
    contact: {
      first_name: a.first.trim() || undefined,
      last_name: a.last.trim() || undefined,
      email: a.email.trim() || undefined,
      phone: a.phone.trim() || undefined,
      method: a.answer || undefined,
      postal_address: a.answer === 'post' ? a.postal.trim() : undefined,
    },
    accessibility: { needs: a.needs, details: a.needsOther.trim() || undefined },
    media_url: a.media || undefined,
    language: ctx.language,
  });
}
