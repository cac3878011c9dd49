/**
 * Sending: the request goes into the outbox first (write-ahead, see outbox.ts), then to the
 * server; the answers of the outbox (sent, refused, not yet) move the component to its next step.
 * Loaded with the later steps: nothing here runs before the person has answered.
 */
import { msg } from '@lit/localize';
import { emitEvent } from '@citopia/core';
import { toJsonBody, toOpen311Body } from './answers.js';
import { deliver, isRetryable, retryAfterOf, RejectedError, type Outgoing } from './deliver.js';
import { storage, survivesReload } from './device.js';
import type { Draft, RequestHost } from './host.js';
import { endpointUrl, type Endpoint } from './open311.js';
import type { Receipt } from './open311-read.js';
import { loadStatus, resolveToken } from './open311-status.js';
import { Outbox, type OutboxItem } from './outbox.js';

/** The component's outbox on this device (one per adapter and endpoint). */
export function openOutbox(host: RequestHost): Outbox {
  return new Outbox(storage, host.outboxKey, {
    send: (item) => deliver(item),
    retryable: isRetryable,
    retryAfter: retryAfterOf,
    onSent: (item, receipt) => void sent(host, item, receipt),
    onRejected: (_item, error) => rejected(host, error),
    onRetry: (item, error) => queued(host, item, error),
  });
}

const outboxOf = (host: RequestHost) => (host.outbox ??= openOutbox(host));
const endpointOf = (host: RequestHost): Endpoint => host.ep ?? { base: host.endpoint, format: 'json' };

export async function send(host: RequestHost): Promise<void> {
  if (host.sending) return;
  if (host.honeypot && host.hp) {
    host.view = 'blocked';
    return;
  }
  if ((Date.now() - host.startedAt) / 1000 < host.minFillSeconds) {
    host.tooFast = true;
    void host.focus$('#summary');
    return;
  }
  host.tooFast = false;
  const json = host.adapter === 'json';
  const ctx = { key: host.draftId, language: host.pageLanguage, jurisdiction: host.jurisdictionId };
  const format = host.ep?.format ?? 'json';
  const item: Outgoing = {
    key: host.draftId,
    adapter: json ? 'json' : 'open311',
    format,
    url: json ? host.endpoint : endpointUrl({ base: host.endpoint, format }, 'requests', false),
    body: json ? toJsonBody(host.a, host.definition, ctx) : toOpen311Body(host.a, host.definition, ctx),
    createdAt: Date.now(),
  };
  host.save();
  host.kept = survivesReload(outboxOf(host).add(item));
  await sendNow(host);
}

/** Sends what waits in the outbox now; a second press meanwhile does nothing. */
export async function sendNow(host: RequestHost): Promise<void> {
  if (host.sending) return;
  host.sending = true;
  host.say(() => msg('Sending your request…', { id: 'ar.sending' }));
  try {
    await outboxOf(host).flush(true);
  } finally {
    host.sending = false;
  }
}

async function sent(host: RequestHost, item: OutboxItem, receipt: Receipt): Promise<void> {
  if (item.key === host.draftId || storage.getJson<Draft>(host.draftKey)?.id === item.key) {
    host.dropDraft();
    host.notice = '';
  }
  host.receipt = receipt;
  host.status = undefined;
  host.statusError = undefined;
  host.view = 'done';
  if (!receipt.id && receipt.token) await resolve(host);
  emitEvent(host, 'citopia-request-sent', { id: host.receipt!.id, token: receipt.token, notice: receipt.notice });
  // The focused heading says "sent"; the announcement adds what it does not: the reference.
  const { id, token } = host.receipt!;
  host.say(() =>
    id
      ? `${msg('Your reference number:', { id: 'ar.done.reference' })} ${id}`
      : `${msg('Your request was received. Its reference number is not ready yet; keep this code to ask about it:', { id: 'ar.done.token' })} ${token ?? ''}`,
  );
  void host.focus$('#title');
}

/** tokens/{token} until the server has given the request its number (a few tries). */
async function resolve(host: RequestHost): Promise<void> {
  for (const wait of [0, 1000, 2000]) {
    await new Promise((r) => setTimeout(r, wait));
    try {
      const id = await resolveToken(endpointOf(host), host.receipt!.token!);
      if (id) {
        host.receipt = { ...host.receipt, id };
        return;
      }
    } catch {
      /* not yet: the token stays the reference */
    }
  }
}

function rejected(host: RequestHost, error: unknown): void {
  host.serverErrors = error instanceof RejectedError ? error.errors : [];
  host.error = error;
  host.view = 'edit';
  emitEvent(host, 'citopia-request-rejected', { errors: host.serverErrors });
  void host.focus$('#summary');
}

function queued(host: RequestHost, item: OutboxItem, error: unknown): void {
  host.error = error;
  const entering = host.view !== 'queued';
  if (entering) {
    host.view = 'queued';
    void host.focus$('#title');
  }
  emitEvent(host, 'citopia-request-queued', { key: item.key, attempts: item.attempts });
  // Said when it first waits, and after the person's own "try now"; not again at each automatic retry.
  if (entering || host.sending) host.say(() => msg('Not sent yet. Your request is kept and will be sent automatically.', { id: 'ar.queued.live' }));
}

export async function checkStatus(host: RequestHost): Promise<void> {
  host.statusError = undefined;
  try {
    if (!host.receipt!.id) await resolve(host);
    host.status = host.receipt!.id ? await loadStatus(endpointOf(host), host.receipt!.id, host.receipt!.statusUrl) : undefined;
    if (!host.status) throw new Error('status');
  } catch (error) {
    host.statusError = error;
  }
}
