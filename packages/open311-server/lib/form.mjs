// Turns a POST body (the spec's application/x-www-form-urlencoded, or our JSON adapter's body)
// into one submission shape that the validator and the store understand.

/**
 * Parses `attribute[CODE]=v` and `attribute[CODE][]=v` (repeated) into `{CODE: v}` and
 * `{CODE: [v, …]}`; `x_accessibility[]` likewise. A repeated `attribute[CODE]` also becomes a list.
 */
export function parseForm(body) {
  const params = new URLSearchParams(body);
  const fields = {};
  const attributes = {};
  for (const [key, value] of params) {
    const attribute = /^attribute\[([^\]]+)\](\[\])?$/.exec(key);
    if (attribute) {
      const [, code, list] = attribute;
      if (list) (attributes[code] = Array.isArray(attributes[code]) ? attributes[code] : []).push(value);
      else if (code in attributes) attributes[code] = [].concat(attributes[code], value);
      else attributes[code] = value;
      continue;
    }
    if (key.endsWith('[]')) {
      const name = key.slice(0, -2);
      (fields[name] = Array.isArray(fields[name]) ? fields[name] : []).push(value);
      continue;
    }
    fields[key] = value;
  }
  return {
    api_key: fields.api_key,
    jurisdiction_id: fields.jurisdiction_id,
    service_code: fields.service_code,
    lat: fields.lat,
    long: fields.long,
    address_string: fields.address_string,
    address_id: fields.address_id,
    email: fields.email,
    device_id: fields.device_id,
    account_id: fields.account_id,
    first_name: fields.first_name,
    last_name: fields.last_name,
    phone: fields.phone,
    description: fields.description,
    media_url: fields.media_url,
    attributes,
    idempotency_key: fields.x_idempotency_key,
    extras: {
      contact_method: fields.x_contact_method,
      accessibility: [].concat(fields.x_accessibility ?? []),
      accessibility_other: fields.x_accessibility_other,
      postal_address: fields.x_postal_address,
      language: fields.x_language,
    },
  };
}

const text = (value) => (value === undefined || value === null ? undefined : String(value));

/** The JSON adapter's body (see docs/open311-relay.md) in the same shape. */
export function parseJsonSubmission(body) {
  const location = body.location ?? {};
  const contact = body.contact ?? {};
  const accessibility = body.accessibility ?? {};
  const attributes = {};
  for (const [code, value] of Object.entries(body.attributes ?? {})) attributes[code] = Array.isArray(value) ? value.map(String) : String(value);
  return {
    jurisdiction_id: text(body.jurisdiction_id),
    service_code: text(body.service_code),
    lat: text(location.lat),
    long: text(location.long),
    address_string: text(location.address),
    email: text(contact.email),
    first_name: text(contact.first_name),
    last_name: text(contact.last_name),
    phone: text(contact.phone),
    description: text(body.description),
    media_url: text(body.media_url),
    attributes,
    extras: {
      contact_method: text(contact.method),
      accessibility: Array.isArray(accessibility.needs) ? accessibility.needs.map(String) : [],
      accessibility_other: text(accessibility.details),
      postal_address: text(contact.postal_address),
      language: text(body.language),
    },
  };
}
