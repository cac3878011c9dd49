/**
 * Open311 GeoReport v2 documents, JSON or XML, turned into plain data the form can use. Real
 * servers are loose: codes with leading zeros written as bare JSON numbers (`"service_code":001`),
 * booleans as "true", empty XML elements, namespaces. We accept all of that and never trust any
 * of it to be markup: texts stay strings.
 *
 * The documents of the form's first view are read in open311-read.ts, XML in open311-xml.ts;
 * what comes after sending (receipts, errors, statuses) in open311-results.ts. This module is the
 * whole API, with a parser that reads both formats at once (no lazy loading).
 */
import { parseJson, type Format } from './open311-read.js';
import { parseXml } from './open311-xml.js';

export * from './open311-read.js';
export * from './open311-results.js';

/** Parses a response body. Throws on text that is neither (an HTML error page, say). */
export function parseData(text: string, format: Format): unknown {
  return format === 'xml' ? parseXml(text) : parseJson(text);
}
