/**
 * Whether a privacy notice configuration holds, field by field: what the element needs before it
 * renders. Each finding names the field by its JSON path (`purposes[2].legalBasis`) and the rule
 * it breaks; validate-config.ts turns findings into sentences, and is loaded only when there are
 * some. Pure logic: runs in Node and in the browser. The JSON Schema in docs/schemas says the
 * same in the schema language; the tests keep the two in step.
 */
import { safeUrl } from '@citopia/core/safe-url';
import { CATEGORY_ICONS, LEGAL_BASES, type PrivacyConfig } from './config.js';

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

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const ID = /^[a-z0-9][a-z0-9_-]*$/;

/** Each kind's test. */
export const KINDS: Record<string, (v: unknown) => boolean> = {
  text: (v) => isString(v) || (isObject(v) && Object.values(v).some(isString) && Object.values(v).every((t) => typeof t === 'string')),
  string: isString,
  id: (v) => typeof v === 'string' && ID.test(v),
  url: (v) => isString(v) && safeUrl(v) !== undefined,
  email: (v) => typeof v === 'string' && /^[^\s@]+@[^\s@]+$/.test(v),
  date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
  bool: (v) => typeof v === 'boolean',
  ids: (v) => Array.isArray(v) && v.every((x) => typeof x === 'string' && ID.test(x)),
  strings: (v) => Array.isArray(v) && v.every(isString),
  basis: (v) => (LEGAL_BASES as readonly unknown[]).includes(v),
  icon: (v) => (CATEGORY_ICONS as readonly unknown[]).includes(v),
};

/**
 * What is wrong at `path`: a kind the value does not have (`basis`), or `object`, `required`,
 * `list`, `non-empty-list`, `repeat` (an id seen before), `category` / `purpose` (a reference to
 * nothing), `interest` (a legitimate interest not stated); `value` is the id concerned.
 */
export interface Finding {
  path: string;
  rule: string;
  value?: string;
}

function checkShape(value: unknown, shape: Shape, path: string, out: Finding[]): void {
  if (!isObject(value)) {
    out.push({ path, rule: 'object' });
    return;
  }
  for (const [key, rule] of Object.entries(shape)) {
    const at = path ? `${path}.${key}` : key;
    const v = value[key];
    const required = typeof rule === 'string' ? rule.endsWith('!') : rule[1] === '!';
    if (v === undefined || v === null) {
      if (required) out.push({ path: at, rule: 'required' });
      continue;
    }
    if (typeof rule === 'string') {
      const kind = rule.replace('!', '');
      if (!KINDS[kind]!(v)) out.push({ path: at, rule: kind });
    } else if (Array.isArray(rule[0])) {
      if (!Array.isArray(v) || (required && v.length === 0)) out.push({ path: at, rule: required ? 'non-empty-list' : 'list' });
      else v.forEach((item, i) => checkShape(item, rule[0][0] as Shape, `${at}[${i}]`, out));
    } else checkShape(v, rule[0], at, out);
  }
}

/** Every finding about `value` as a privacy notice configuration; empty when it is valid. */
export function checkConfig(value: unknown): Finding[] {
  const out: Finding[] = [];
  checkShape(value, CONFIG_SHAPE, '', out);
  if (out.length) return out;
  // The shape holds; now the rules that span fields.
  const config = value as PrivacyConfig;
  const unique = (list: { id: string }[], name: string) => {
    const seen = new Set<string>();
    list.forEach(({ id }, i) => {
      if (seen.has(id)) out.push({ path: `${name}[${i}].id`, rule: 'repeat', value: id });
      seen.add(id);
    });
    return seen;
  };
  const purposeIds = unique(config.purposes, 'purposes');
  const categoryIds = unique(config.dataCategories, 'dataCategories');
  config.purposes.forEach((p, i) => {
    if (p.legalBasis === 'legitimate-interest' && !p.legitimateInterest) out.push({ path: `purposes[${i}].legitimateInterest`, rule: 'interest' });
    p.categories?.forEach((c, j) => {
      if (!categoryIds.has(c)) out.push({ path: `purposes[${i}].categories[${j}]`, rule: 'category', value: c });
    });
  });
  config.services?.forEach((s, i) =>
    s.purposes.forEach((p, j) => {
      if (!purposeIds.has(p)) out.push({ path: `services[${i}].purposes[${j}]`, rule: 'purpose', value: p });
    }),
  );
  return out;
}
