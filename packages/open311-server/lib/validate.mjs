// Checks a submission the way a careful Open311 server would, answering with the spec's error
// list: [{code, description}], one entry per problem, in the request's language.
import { findService, pick } from './catalogue.mjs';
import { message } from './messages.mjs';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const blank = (value) => value === undefined || value === null || (Array.isArray(value) ? value.length === 0 : String(value).trim() === '');

/** Returns { service, errors, status }; `errors` is empty when the submission may be stored. */
export function validateSubmission(config, submission, language) {
  const errors = [];
  const add = (code, id, ...values) => errors.push({ code, description: message(id, language, ...values) });
  if (blank(submission.service_code)) {
    add(400, 'service-code');
    return { errors, status: 400 };
  }
  const service = findService(config, submission.service_code);
  if (!service) {
    add(404, 'unknown-service', submission.service_code);
    return { errors, status: 404 };
  }
  const hasCoordinates = !blank(submission.lat) || !blank(submission.long);
  if (hasCoordinates) {
    const lat = Number(submission.lat);
    const long = Number(submission.long);
    if (!(Math.abs(lat) <= 90 && Math.abs(long) <= 180) || blank(submission.lat) || blank(submission.long)) add(400, 'coordinates');
  } else if (blank(submission.address_string) && blank(submission.address_id)) {
    add(400, 'location');
  }
  if ((submission.description ?? '').length > 4000) add(400, 'description-long');
  if (!blank(submission.email) && !EMAIL.test(submission.email)) add(400, 'email');
  for (const attribute of service.attributes ?? []) {
    if (attribute.variable === false) continue;
    const value = submission.attributes?.[attribute.code];
    const label = pick(attribute.description, language, config.defaultLanguage);
    if (blank(value)) {
      if (attribute.required) add(400, 'attribute-required', label, attribute.code);
      continue;
    }
    const values = [].concat(value);
    const keys = new Set((attribute.values ?? []).map((v) => String(v.key)));
    if (attribute.datatype === 'singlevaluelist' && (values.length !== 1 || !keys.has(values[0]))) add(400, 'attribute-value', label, attribute.code);
    else if (attribute.datatype === 'multivaluelist' && !values.every((v) => keys.has(v))) add(400, 'attribute-value', label, attribute.code);
    else if (attribute.datatype === 'number' && !Number.isFinite(Number(values[0]))) add(400, 'attribute-number', label, attribute.code);
    else if (attribute.datatype === 'datetime' && Number.isNaN(Date.parse(values[0]))) add(400, 'attribute-datetime', label, attribute.code);
  }
  return { service, errors, status: errors.length ? 400 : 200 };
}
