/**
 * Checking the answers when the person presses "Continue", and the problems in their words: the
 * error summary's list and each field's message (loaded with the later steps; there is no
 * problem to show before "Continue").
 */
import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { describeLoadError } from '@citopia/core/fetch';
import type { RequestHost } from './host.js';
import { MAX_DESCRIPTION, validate, type Problem } from './validate.js';

export function findProblems(host: RequestHost): Problem[] {
  return validate(host.a, { hasServices: host.services.length > 0, definition: host.definition, requireContact: host.requireContact });
}

/** The error summary's list: too fast, the server's refusal, a photo still uploading, each problem (a link to its field). */
export function summaryItems(host: RequestHost): TemplateResult[] {
  const items: TemplateResult[] = [];
  if (host.tooFast) items.push(html`<li>${msg('Please take a moment to check your answers, then send them again.', { id: 'ar.too-fast' })}</li>`);
  if (host.serverErrors) {
    const list = host.serverErrors.length ? host.serverErrors.map((e) => e.description) : [describeLoadError(host.error)];
    items.push(...list.map((text) => html`<li dir="auto">${text}</li>`));
  }
  if (host.progress >= 0) items.push(html`<li>${msg('Wait until the photo is uploaded.', { id: 'ar.photo.wait' })}</li>`);
  for (const p of host.problems) {
    items.push(html`<li><a href="#${p.field}" @click=${(e: Event) => (e.preventDefault(), void host.focus$(`#${p.field}`))}>${problemText(host, p)}</a></li>`);
  }
  return items;
}

export function problemText(host: RequestHost, p: Problem) {
  const q = p.attribute?.description ?? '';
  const lang = host.definition?.lang;
  switch (p.kind) {
    case 'service':
      return msg('Choose what your request is about', { id: 'ar.error.service' });
    case 'attr-required':
      return host.around((q) => msg(str`Answer the question “${q}”`, { id: 'ar.error.attr-required' }), q, lang);
    case 'attr-choose':
      return host.around((q) => msg(str`Choose an answer to “${q}”`, { id: 'ar.error.attr-choose' }), q, lang);
    case 'attr-number':
      return host.around((q) => msg(str`The answer to “${q}” must be a number, like 12 or 2.5`, { id: 'ar.error.attr-number' }), q, lang);
    case 'attr-datetime':
      return host.around((q) => msg(str`The answer to “${q}” must be a date and time`, { id: 'ar.error.attr-datetime' }), q, lang);
    case 'description':
      return msg('Describe the problem or what you need', { id: 'ar.error.description' });
    case 'description-long':
      return msg(str`The description must be ${host.number(MAX_DESCRIPTION)} characters or fewer`, { id: 'ar.error.description-long' });
    case 'where':
      return msg('Enter an address or a description of the place, or use your location', { id: 'ar.error.where' });
    case 'name':
      return msg('Enter your first name or last name', { id: 'ar.error.name' });
    case 'reach':
      return msg('Give us an email address, a phone number or a postal address', { id: 'ar.error.reach' });
    case 'email':
      return msg('Enter your email address, so that we can answer you by email', { id: 'ar.error.email' });
    case 'email-format':
      return msg('Enter an email address in the correct format, like name@example.ch', { id: 'ar.error.email-format' });
    case 'phone':
      return msg('Enter your phone number, so that we can call you', { id: 'ar.error.phone' });
    case 'phone-format':
      return msg('Enter a phone number, like 032 000 00 00 or +41 32 000 00 00', { id: 'ar.error.phone-format' });
    case 'answer':
      return msg('Choose how we should answer you', { id: 'ar.error.answer' });
    case 'postal':
      return msg('Enter your postal address, so that we can answer you by post', { id: 'ar.error.postal' });
    case 'needs-other':
      return msg('Tell us what you need', { id: 'ar.error.needs-other' });
  }
}
