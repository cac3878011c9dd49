/** After sending: the reference number, what happens next, and the request's status on demand. */
import { html } from 'lit';
import { msg, str } from '@lit/localize';
import { describeLoadError } from '@citopia/core/fetch';
import type { RequestHost } from './host.js';
import { checkStatus } from './sending.js';

export function renderConfirmation(host: RequestHost) {
  const r = host.receipt!;
  const a = host.a;
  const next = {
    email: msg(str`We will answer you by email at ${a.email}.`, { id: 'ar.next.email' }),
    phone: msg(str`We will call you at ${a.phone}.`, { id: 'ar.next.phone' }),
    post: msg('We will answer you by post.', { id: 'ar.next.post' }),
  }[a.answer as string];
  const s = host.status;
  return html`${host.heading(msg('Your request has been sent', { id: 'ar.done.title' }))}
    <div part="confirmation" class="message success">
      ${r.id
        ? html`<p>${msg('Your reference number:', { id: 'ar.done.reference' })} <strong class="ref">${r.id}</strong></p>`
        : html`<p>${msg('Your request was received. Its reference number is not ready yet; keep this code to ask about it:', { id: 'ar.done.token' })} <strong class="ref">${r.token}</strong></p>`}
      ${r.notice ? html`<p dir="auto">${r.notice}</p>` : ''}
    </div>
    ${host.heading(msg('What happens next', { id: 'ar.next.title' }), 1)}
    <p>${msg('The team in charge reads your request and deals with it. Keep your reference number: you need it to ask about your request.', { id: 'ar.next.text' })}</p>
    ${next ? html`<p>${next}</p>` : ''}
    ${host.button(msg('Check the status', { id: 'ar.status.check' }), () => void checkStatus(host), true, 'status')}
    <div aria-live="polite">
      ${s
        ? html`<dl class="check">
            ${[
              [msg('Status', { id: 'ar.status.status' }), { open: msg('Open', { id: 'ar.status.open' }), closed: msg('Closed', { id: 'ar.status.closed' }) }[s.status] ?? s.status],
              [msg('Notes', { id: 'ar.status.notes' }), s.notes],
              [msg('Sent on', { id: 'ar.status.requested' }), host.date(s.requested)],
              [msg('Last update', { id: 'ar.status.updated' }), host.date(s.updated)],
              [msg('Expected by', { id: 'ar.status.expected' }), host.date(s.expected)],
            ]
              .filter(([, v]) => v)
              .map(([k, v]) => html`<div class="row"><dt>${k}</dt><dd dir="auto">${v}</dd></div>`)}
          </dl>`
        : ''}
      ${host.statusError ? html`<p class="message error">${describeLoadError(host.statusError)}</p>` : ''}
    </div>
    ${host.button(msg('Make another request', { id: 'ar.done.again' }), () => host.startAgain(), true)}`;
}
