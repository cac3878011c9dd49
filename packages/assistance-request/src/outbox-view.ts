/** The view of a request waiting on the device: why it is not sent yet, and "Try to send it now". */
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { describeLoadError } from '@citopia/core/fetch';
import { sendingNote } from './check-answers.js';
import type { RequestHost } from './host.js';
import { sendNow } from './sending.js';

export function renderOutbox(host: RequestHost) {
  return html`${host.heading(msg('Your request is not sent yet', { id: 'ar.queued.title' }))}
    <div class="message warning" part="outbox">
      <p>${describeLoadError(host.error)}</p>
      <p>
        ${host.kept
          ? msg('It is kept on this device and will be sent automatically as soon as possible, also the next time you open this page.', { id: 'ar.queued.kept' })
          : msg('This device cannot keep it: leave this page open, and we will keep trying.', { id: 'ar.queued.not-kept' })}
      </p>
      <button type="button" part="button" @click=${() => void sendNow(host)}>${msg('Try to send it now', { id: 'ar.queued.retry' })}</button>
      ${host.sending ? sendingNote() : nothing}
    </div>`;
}

