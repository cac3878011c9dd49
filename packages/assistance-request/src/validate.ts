/**
 * Checks the answers before the "check your answers" step. Returns problems as data (field id,
 * kind, the attribute concerned) so the component words them in the person's language.
 */
import type { Answers } from './answer-model.js';
import type { Attribute, Definition } from './open311-format.js';
import { isDateTime } from './date-time.js';
import { attributeFieldId, MAX_DESCRIPTION } from './limits.js';

export { attributeFieldId, MAX_DESCRIPTION } from './limits.js';

export type ProblemKind =
  | 'service'
  | 'attr-required'
  | 'attr-choose'
  | 'attr-number'
  | 'attr-datetime'
  | 'description'
  | 'description-long'
  | 'where'
  | 'name'
  | 'reach'
  | 'email'
  | 'email-format'
  | 'phone'
  | 'phone-format'
  | 'answer'
  | 'postal'
  | 'needs-other';

export interface Problem {
  /** The id of the field to go to (see fieldId()). */
  field: string;
  kind: ProblemKind;
  attribute?: Attribute;
}

export interface ValidationContext {
  hasServices: boolean;
  definition: Definition | undefined;
  requireContact: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s()./-]{6,}$/;
const NUMBER = /^-?\d+([.,]\d+)?$/;

export function validate(a: Answers, ctx: ValidationContext): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, kind: ProblemKind, attribute?: Attribute) => problems.push({ field, kind, ...(attribute ? { attribute } : {}) });
  if (ctx.hasServices && !a.service) add('service', 'service');
  ctx.definition?.attributes.forEach((attr, index) => {
    if (!attr.variable) return;
    const value = a.attrs[attr.code] ?? '';
    const text = Array.isArray(value) ? value.join('') : value.trim();
    const list = attr.datatype.endsWith('list');
    if (!text) {
      if (attr.required) add(attributeFieldId(index), list ? 'attr-choose' : 'attr-required', attr);
    } else if (attr.datatype === 'number' && !NUMBER.test(text)) {
      add(attributeFieldId(index), 'attr-number', attr);
    } else if (attr.datatype === 'datetime' && !isDateTime(text)) {
      add(attributeFieldId(index), 'attr-datetime', attr);
    }
  });
  const description = a.description.trim();
  if (!description) add('description', 'description');
  else if (description.length > MAX_DESCRIPTION) add('description', 'description-long');
  if (!a.address.trim() && a.lat === undefined) add('address', 'where');
  if (ctx.requireContact && !a.first.trim() && !a.last.trim()) add('first', 'name');
  const email = a.email.trim();
  const phone = a.phone.trim();
  if (email && !EMAIL.test(email)) add('email', 'email-format');
  else if (!email && a.answer === 'email') add('email', 'email');
  if (phone && !PHONE.test(phone)) add('phone', 'phone-format');
  else if (!phone && a.answer === 'phone') add('phone', 'phone');
  if (!a.answer) add('answer-email', 'answer');
  if (a.answer === 'post' && !a.postal.trim()) add('postal', 'postal');
  if (ctx.requireContact && !email && !phone && !(a.answer === 'post' && a.postal.trim())) add('email', 'reach');
  if (a.needs.includes('other') && !a.needsOther.trim()) add('needs-other', 'needs-other');
  return problems;
}
