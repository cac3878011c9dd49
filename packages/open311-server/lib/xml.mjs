// GeoReport v2 XML, written by hand (no dependency): the element names are the JSON keys, and
// each list has the singular child name the spec uses (<services><service>…).
const ITEM = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
};

const escape = (text) => text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]);

function element(name, value) {
  if (Array.isArray(value)) return `<${name}>${value.map((item) => element(ITEM[name] ?? 'item', item)).join('')}</${name}>`;
  if (value && typeof value === 'object') return `<${name}>${Object.entries(value).map(([k, v]) => element(k, v)).join('')}</${name}>`;
  if (value === null || value === undefined || value === '') return `<${name}/>`;
  return `<${name}>${escape(String(value))}</${name}>`;
}

/** The XML document for `value` under the root element `root` (for example "services"). */
export function toXml(root, value) {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}\n`;
}
