/**
 * Checks a privacy notice configuration and names each offending field by its JSON path
 * (`purposes[2].legalBasis`), so a web team finds the mistake without reading our code. Pure
 * logic: runs in Node and in the browser. The JSON Schema in docs/schemas says the same in
 * the schema language; the tests keep the two in step.
 */
import { safeUrl } from '@citopia/core/safe-url';
import { CATEGORY_ICONS, LEGAL_BASES, type PrivacyConfig } from './config.js';

export interface ConfigProblem {
  /** JSON path of the field, `""` for the whole document. */
  path: string;
  message: string;
}

/**
 * A field rule: a kind, with `!` when the field is required. Kinds: text (string or language
 * map), string, id, url, email, date, bool, ids (array of ids), strings, basis, icon. Nested
 * objects and lists of objects are `[shape]` and `[[shape]]`.
 */
type Shape = { [key: string]: string | [Shape] | [[Shape]] | [Shape, '!'] | [[Shape], '!'] };

const CONTACT: Shape = { name: 'text!', address: 'text', email: 'email', phone: 'string', url: 'url' };
export const CONFIG_SHAPE: Shape = {
  version: 'string!',
  lastUpdated: 'date!',
  title: 'text',
  summary: 'text',
  controller: [CONTACT, '!'],
  dpo: [CONTACT],
  purposes: [[{ id: 'id!', title: 'text!', description: 'text!', easyDescription: 'text', legalBasis: 'basis!', legitimateInterest: 'text', categories: 'ids', default: 'bool' }], '!'],
  dataCategories: [[{ id: 'id!', label: 'text!', icon: 'icon', description: 'text' }], '!'],
  source: 'text',
  recipients: [[{ name: 'text!', description: 'text' }]],
  transfers: [[{ country: 'text!', safeguard: 'text!' }]],
  retention: 'text!',
  rights: 'text',
  authority: [CONTACT, '!'],
  automatedDecisions: 'text!',
  services: [[{ name: 'string!', title: 'text', description: 'text', purposes: 'ids!', cookies: 'strings', storageKeys: 'strings', required: 'bool', default: 'bool' }]],
  policyUrl: 'url',
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const ID = /^[a-z0-9][a-z0-9_-]*$/;

const KINDS: Record<string, [(v: unknown) => boolean, string]> = {
  text: [(v) => isString(v) || (isObject(v) && Object.values(v).some(isString) && Object.values(v).every((t) => typeof t === 'string')), 'must be a text or a language map like {"fr": "…"}'],
  string: [isString, 'must be a non-empty string'],
  id: [(v) => typeof v === 'string' && ID.test(v), 'must be an id in lower case (letters, digits, - and _)'],
  url: [(v) => isString(v) && safeUrl(v) !== undefined, 'must be an http(s), mailto, tel or relative URL'],
  email: [(v) => typeof v === 'string' && /^[^\s@]+@[^\s@]+$/.test(v), 'must be an e-mail address'],
  date: [(v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), 'must be a date as YYYY-MM-DD'],
  bool: [(v) => typeof v === 'boolean', 'must be true or false'],
  ids: [(v) => Array.isArray(v) && v.every((x) => typeof x === 'string' && ID.test(x)), 'must be a list of ids'],
  strings: [(v) => Array.isArray(v) && v.every(isString), 'must be a list of strings'],
  basis: [(v) => (LEGAL_BASES as readonly unknown[]).includes(v), `must be one of ${LEGAL_BASES.join(', ')}`],
  icon: [(v) => (CATEGORY_ICONS as readonly unknown[]).includes(v), `must be one of ${CATEGORY_ICONS.join(', ')}`],
};

function checkShape(value: unknown, shape: Shape, path: string, out: ConfigProblem[]): void {
  if (!isObject(value)) {
    out.push({ path, message: 'must be an object' });
    return;
  }
  for (const [key, rule] of Object.entries(shape)) {
    const at = path ? `${path}.${key}` : key;
    const v = value[key];
    const required = typeof rule === 'string' ? rule.endsWith('!') : rule[1] === '!';
    if (v === undefined || v === null) {
      if (required) out.push({ path: at, message: 'is required' });
      continue;
    }
    if (typeof rule === 'string') {
      const [ok, message] = KINDS[rule.replace('!', '')]!;
      if (!ok(v)) out.push({ path: at, message });
    } else if (Array.isArray(rule[0])) {
      if (!Array.isArray(v) || (required && v.length === 0)) out.push({ path: at, message: required ? 'must be a non-empty list' : 'must be a list' });
      else v.forEach((item, i) => checkShape(item, rule[0][0] as Shape, `${at}[${i}]`, out));
    } else checkShape(v, rule[0], at, out);
  }
}

/** Every problem of `value` as a privacy notice configuration; empty when it is valid. */
export function validateConfig(value: unknown): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  checkShape(value, CONFIG_SHAPE, '', out);
  if (out.length) return out;
  // The shape holds; now the rules that span fields.
  const config = value as PrivacyConfig;
  const unique = (list: { id: string }[], name: string) => {
    const seen = new Set<string>();
    list.forEach(({ id }, i) => {
      if (seen.has(id)) out.push({ path: `${name}[${i}].id`, message: `repeats the id "${id}"` });
      seen.add(id);
    });
    return seen;
  };
  const purposeIds = unique(config.purposes, 'purposes');
  const categoryIds = unique(config.dataCategories, 'dataCategories');
  config.purposes.forEach((p, i) => {
    if (p.legalBasis === 'legitimate-interest' && !p.legitimateInterest) {
      out.push({ path: `purposes[${i}].legitimateInterest`, message: 'is required when the legal basis is legitimate-interest: state the interest' });
    }
    p.categories?.forEach((c, j) => {
      if (!categoryIds.has(c)) out.push({ path: `purposes[${i}].categories[${j}]`, message: `names no data category ("${c}")` });
    });
  });
  config.services?.forEach((s, i) =>
    s.purposes.forEach((p, j) => {
      if (!purposeIds.has(p)) out.push({ path: `services[${i}].purposes[${j}]`, message: `names no purpose ("${p}")` });
    }),
  );
  return out;
}

/** The controller's contact, when it can be found even in an invalid configuration. */
export function findController(value: unknown): PrivacyConfig['controller'] | undefined {
  const c = isObject(value) ? value.controller : undefined;
  if (!isObject(c)) return undefined;
  const found: PrivacyConfig['controller'] = { name: KINDS.text![0](c.name) ? (c.name as string) : '' };
  for (const key of ['email', 'phone', 'url'] as const) if (KINDS[key === 'phone' ? 'string' : key]![0](c[key])) found[key] = c[key] as string;
  return found.name || found.email || found.phone || found.url ? found : undefined;
}
