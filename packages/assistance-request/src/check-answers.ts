/** The "check your answers" step: every answer with its "Change" link, and "Send the request". */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg } from '@lit/localize';
import type { RequestHost } from './host.js';
import { attributeFieldId } from './limits.js';
import { send } from './sending.js';

/** label, value, the field "Change" goes back to, and the languages of label and value when they are the server's. */
function rows(host: RequestHost): Array<[string, string, string, string?, string?]> {
  const a = host.a;
  const none = msg('Not given', { id: 'ar.check.none' });
  const rows: Array<[string, string, string, string?, string?]> = [];
  const service = host.services.find((s) => s.code === a.service);
  const lang = host.definition?.lang;
  if (service) rows.push([msg('Subject', { id: 'ar.what.service' }), service.name, 'service', undefined, service.lang]);
  host.definition?.attributes.forEach((attr, i) => {
    if (!attr.variable) return;
    const value = [a.attrs[attr.code] ?? []].flat().filter(Boolean);
    const names = value.map((v) => attr.values.find((x) => x.key === v)?.name ?? (attr.datatype === 'datetime' ? host.date(v) : v));
    const fromList = value.length > 0 && value.every((v) => attr.values.some((x) => x.key === v));
    rows.push([attr.description, names.join(', ') || none, attributeFieldId(i), lang, fromList ? lang : undefined]);
  });
  rows.push([msg('Description', { id: 'ar.description.label' }), a.description.trim(), 'description']);
  const place = [a.address.trim(), a.lat !== undefined ? `${a.lat}, ${a.long}` : ''].filter(Boolean).join(' · ');
  rows.push([msg('Where?', { id: 'ar.where.title' }), place, 'address']);
  if (host.uploadUrl) rows.push([msg('Photo', { id: 'ar.photo.label' }), a.media ? host.mediaName : none, 'photo']);
  const name = `${a.first.trim()} ${a.last.trim()}`.trim();
  rows.push([msg('Name', { id: 'ar.check.name' }), name || msg('Anonymous', { id: 'ar.check.anonymous' }), 'first']);
  rows.push([msg('Email address', { id: 'ar.who.email' }), a.email.trim() || none, 'email']);
  rows.push([msg('Phone number', { id: 'ar.who.phone' }), a.phone.trim() || none, 'phone']);
  rows.push([msg('How should we answer you?', { id: 'ar.answer.legend' }), host.answerLabel(a.answer), 'answer-email']);
  if (a.answer === 'post') rows.push([msg('Postal address', { id: 'ar.who.postal' }), a.postal.trim(), 'postal']);
  const needs = [...a.needs.map((n) => host.needLabel(n)), a.needsOther.trim()].filter(Boolean).join(', ');
  rows.push([msg('Accessibility needs', { id: 'ar.needs.title' }), needs || none, 'needs']);
  return rows;
}

export function renderCheckAnswers(host: RequestHost) {
  return html`${host.heading(msg('Check your answers before sending', { id: 'ar.check.title' }))} ${host.renderSummary()}
    <dl part="check" class="check">
      ${rows(host).map(
        ([label, value, field, labelLang, valueLang]) => html`<div class="row">
          <dt dir="auto" lang=${ifDefined(host.other(labelLang))}>${label}</dt>
          <dd dir="auto" lang=${ifDefined(host.other(valueLang))}>${value}</dd>
          <dd>${host.linkButton(msg('Change', { id: 'ar.check.change' }), () => host.change(field), label, labelLang)}</dd>
        </div>`,
      )}
    </dl>
    <p>${msg('By sending this request, you confirm that the information is correct to the best of your knowledge.', { id: 'ar.check.confirm' })}</p>
    <div class="actions">
      <button type="button" part="button" id="send" @click=${() => void send(host)}>${msg('Send the request', { id: 'ar.check.send' })}</button>
      ${host.sending ? sendingNote() : nothing}
      ${host.button(msg('Back to the form', { id: 'ar.check.back' }), () => host.change('title'), true)}
    </div>`;
}

/**
 * While sending, the focused button keeps its name and state (a control that changes under
 * the focus is read again: a second announcement of what the live region already says once);
 * send() ignores a second press. Sighted people see this note beside it instead.
 */
export function sendingNote() {
  return html`<p class="sending" part="sending" aria-hidden="true">${msg('Sending…', { id: 'ar.check.sending' })}</p>`;
}

