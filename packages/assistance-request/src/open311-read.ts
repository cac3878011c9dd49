/**
 * Open311 GeoReport v2 documents the form's first view needs (services, definitions, discovery),
 * turned into plain data. XML is read by open311-xml.ts, loaded only for a server that speaks XML;
 * receipts, errors and statuses (open311-format.ts) load with the later steps. Real
 * servers are loose: codes with leading zeros written as bare JSON numbers (`"service_code":001`),
 * booleans as "true", empty XML elements, namespaces. We accept all of that and never trust any
 * of it to be markup: texts stay strings.
 */
import { chunkLoader, loadOnce } from '@citopia/core/chunk';

export type Format = 'json' | 'xml';

export interface Service {
  code: string;
  name: string;
  description: string;
  group: string;
  metadata: boolean;
  /** The language of its texts, when the server says it (Content-Language). */
  lang?: string;
}

export type Datatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export interface Attribute {
  code: string;
  datatype: Datatype;
  required: boolean;
  /** False: a piece of information to show, not a question. */
  variable: boolean;
  /** Position among the definition's attributes, from 1 (GeoReport v2: 1 is shown first), whatever numbering the server used. */
  order: number;
  description: string;
  hint: string;
  values: Array<{ key: string; name: string }>;
}

export interface Definition {
  code: string;
  attributes: Attribute[];
  /** The language of its texts, when the server says it (Content-Language). */
  lang?: string;
}

export interface SpecError {
  code: string;
  description: string;
}

export interface Receipt {
  id?: string;
  token?: string;
  notice?: string;
  /** JSON adapter: where the request's status can be read. */
  statusUrl?: string;
}

export interface RequestStatus {
  id: string;
  status: string;
  notes: string;
  requested: string;
  updated: string;
  expected: string;
}

type Data = Record<string, unknown>;

/** Parses a JSON body. Throws on text that is not JSON (an HTML error page, say). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Bare numbers with leading zeros (001) are codes: keep them as the strings they are.
    return JSON.parse(text.replace(/([:[,]\s*)(-?0\d+(?:\.\d+)?)(?=\s*[,\]}])/g, '$1"$2"'));
  }
}

/** The XML reader, loaded the first time a server speaks XML. */
export const loadXmlReader = loadOnce(chunkLoader(() => import('./open311-xml.js')));

/** Parses a response body (see parseJson and open311-xml.ts). */
export async function parseDocument(text: string, format: Format): Promise<unknown> {
  return format === 'xml' ? (await loadXmlReader()).parseXml(text) : parseJson(text);
}

export const str = (value: unknown): string => (value == null || typeof value === 'object' ? '' : String(value).trim());
const yes = (value: unknown) => value === true || str(value).toLowerCase() === 'true';
export const list = (value: unknown): Data[] => (Array.isArray(value) ? value : value && typeof value === 'object' ? [value] : []).filter((x) => x && typeof x === 'object');

export function toServices(data: unknown): Service[] {
  const entries = list(data);
  // A service without a readable name is still offered, under its code (a choice needs a label).
  const services = entries
    .map((s) => ({ code: str(s.service_code), name: str(s.service_name) || str(s.service_code), description: str(s.description), group: str(s.group), metadata: yes(s.metadata) }))
    .filter((s) => s.code);
  // Entries of which not one has a code: a damaged list, not a city without services.
  if (entries.length && !services.length) throw new SyntaxError('no service of the list has a service_code');
  return services;
}

const DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'];

/** An attribute's `order` as a number; undefined when the server gave none (or not a number). */
function orderOf(value: unknown): number | undefined {
  const text = str(value);
  const n = text === '' ? Number.NaN : Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Items in their `order`, whatever the server counts from (0, 1, with gaps); items without one
 * come after the ordered ones. The sort is stable: ties keep the server's sequence.
 */
export function sortByOrder<T>(items: T[], order: (item: T) => number | undefined): T[] {
  const key = (item: T) => order(item) ?? Number.POSITIVE_INFINITY;
  return [...items].sort((x, y) => {
    const [a, b] = [key(x), key(y)];
    return a === b ? 0 : a < b ? -1 : 1;
  });
}

/**
 * A service definition, questions in their `order` (see sortByOrder), numbered again from 1.
 * Attributes the server fills itself (`automated: server_set` or `hidden_field`, an Open311
 * adapter extension) are not questions.
 */
export function toDefinition(data: unknown): Definition {
  const d = (data ?? {}) as Data;
  const asked = list(d.attributes).filter((a) => !/server_set|hidden_field/.test(str(a.automated)) && str(a.code));
  const attributes = sortByOrder(asked, (a) => orderOf(a.order)).map((a, i) => ({
    code: str(a.code),
    datatype: (DATATYPES.includes(str(a.datatype)) ? str(a.datatype) : 'string') as Datatype,
    required: yes(a.required),
    variable: a.variable === undefined || a.variable === '' || yes(a.variable),
    order: i + 1,
    description: str(a.description) || str(a.code),
    hint: str(a.datatype_description),
    values: list(a.values).map((v) => ({ key: str(v.key), name: str(v.name) || str(v.key) })),
  }));
  return { code: str(d.service_code), attributes };
}

/** The formats a discovery document offers for GeoReport v2 ("text/xml" → xml). */
export function toFormats(data: unknown): Format[] {
  const endpoints = list((data as Data | undefined)?.endpoints);
  const v2 = endpoints.filter((e) => /GeoReport_v2/i.test(str(e.specification)));
  const chosen = v2.find((e) => str(e.type) === 'production') ?? v2[0] ?? endpoints[0];
  const formats = (Array.isArray(chosen?.formats) ? chosen.formats : [chosen?.formats]).map(str);
  const found: Format[] = [];
  if (formats.some((f) => /json/i.test(f))) found.push('json');
  if (formats.some((f) => /xml/i.test(f))) found.push('xml');
  return found;
}
