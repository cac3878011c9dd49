/**
 * Open311 XML, read into the same plain data as its JSON. Its own module: only a city whose
 * server speaks XML downloads it.
 */
/** Elements whose children form a list (the spec's plural containers). */
const LISTS = new Set(['services', 'attributes', 'values', 'service_requests', 'errors', 'endpoints', 'formats']);

function fromXml(el: Element): unknown {
  const kids = [...el.children];
  if (LISTS.has(el.localName)) return kids.map(fromXml);
  if (!kids.length) return el.textContent!.trim();
  return Object.fromEntries(kids.map((k) => [k.localName, fromXml(k)]));
}

/** Parses an XML body. Throws on text that is not XML (an HTML error page, say). */
export function parseXml(text: string): unknown {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  if (doc.querySelector('parsererror')) throw new SyntaxError('XML');
  return fromXml(doc.documentElement);
}
