/**
 * A date and time question: day, month, year and time fields in a fieldset (see date-time.ts).
 * Loaded with the later steps (steps.ts), asked for with the questions of a service that has
 * one, and shown with them: the questions appear once both are there.
 */
import { html } from 'lit';
import { msg } from '@lit/localize';
import { PARTS, joinDateTime, splitDateTime, type DateTimeParts } from './date-time.js';
import type { RequestHost } from './host.js';

/** A part of a date and time typed: the answer is made of the four fields as they stand. */
export function readDateParts(host: RequestHost, code: string, id: string): void {
  const read = (part: string) => host.renderRoot.querySelector<HTMLInputElement>(`#${part === 'day' ? id : `${id}-${part}`}`)?.value ?? '';
  const parts = Object.fromEntries(PARTS.map((part) => [part, read(part)])) as unknown as DateTimeParts;
  host.typedDates.set(code, parts);
  host.a = { ...host.a, attrs: { ...host.a.attrs, [code]: joinDateTime(parts) } };
  host.changed();
}

/** A date and time: day, month, year and time fields in a fieldset (see date-time.ts). */
export function renderDateTime(host: RequestHost, id: string, code: string, legend: string, value: string, o: { hint?: string; optional?: boolean }) {
  const p = host.problem(id);
  const typed = host.typedDates.get(code);
  const parts = typed && joinDateTime(typed) === value ? typed : splitDateTime(value);
  const hint = [o.hint, msg('For example: 1 3 2025, 07:30', { id: 'ar.datetime.hint' })].filter(Boolean).join(' ');
  const labels: Record<string, string> = {
    day: msg('Day', { id: 'ar.datetime.day' }),
    month: msg('Month', { id: 'ar.datetime.month' }),
    year: msg('Year', { id: 'ar.datetime.year' }),
    time: msg('Time', { id: 'ar.datetime.time' }),
  };
  return html`<fieldset class="field ${p ? 'invalid' : ''}" aria-describedby=${host.describedBy(id, hint)}>
    <legend dir="auto">${host.optional(legend, o.optional)}</legend>${host.hintAndError(id, hint)}
    <div class="date-time">
      ${PARTS.map((part) => {
        const fid = part === 'day' ? id : `${id}-${part}`;
        return html`<div class="date-part ${part}">
          <label for=${fid}>${labels[part]}</label>
          <input id=${fid} name="date:${code}:${part}" data-date-of=${code} data-field=${id} inputmode="numeric" autocomplete="off" .value=${parts[part]} aria-invalid=${p ? 'true' : 'false'} ?required=${!o.optional} />
        </div>`;
      })}
    </div>
  </fieldset>`;
}
