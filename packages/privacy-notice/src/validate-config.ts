/**
 * Checks a privacy notice configuration and names each offending field by its JSON path
 * (`purposes[2].legalBasis`) with a sentence, so a web team finds the mistake without reading our
 * code (`@citopia/privacy-notice/validate`, for a build step or a CMS). The element loads this
 * module only when its configuration is broken: the checks themselves are in config-check.ts.
 */
import { CATEGORY_ICONS, LEGAL_BASES, type PrivacyConfig } from './config.js';
import { checkConfig, isObject, KINDS, type Finding } from './config-check.js';

export { CONFIG_SHAPE } from './config-check.js';

export interface ConfigProblem {
  /** JSON path of the field, `""` for the whole document. */
  path: string;
  message: string;
}

const MESSAGES: Record<string, string | ((f: Finding) => string)> = {
  text: 'must be a text or a language map like {"fr": "…"}',
  string: 'must be a non-empty string',
  id: 'must be an id in lower case (letters, digits, - and _)',
  url: 'must be an http(s), mailto, tel or relative URL',
  email: 'must be an e-mail address',
  date: 'must be a date as YYYY-MM-DD',
  bool: 'must be true or false',
  ids: 'must be a list of ids',
  strings: 'must be a list of strings',
  basis: `must be one of ${LEGAL_BASES.join(', ')}`,
  icon: `must be one of ${CATEGORY_ICONS.join(', ')}`,
  object: 'must be an object',
  required: 'is required',
  list: 'must be a list',
  'non-empty-list': 'must be a non-empty list',
  repeat: (f) => `repeats the id "${f.value}"`,
  category: (f) => `names no data category ("${f.value}")`,
  purpose: (f) => `names no purpose ("${f.value}")`,
  interest: 'is required when the legal basis is legitimate-interest: state the interest',
};

/** Every problem of `value` as a privacy notice configuration; empty when it is valid. */
export function validateConfig(value: unknown): ConfigProblem[] {
  return checkConfig(value).map((f) => {
    const message = MESSAGES[f.rule]!;
    return { path: f.path, message: typeof message === 'string' ? message : message(f) };
  });
}

/** The problems as the element logs them on the console: a line each, the path then the sentence. */
export const explain = (value: unknown): string => `\n${validateConfig(value).map((p) => `  ${p.path || '(root)'} ${p.message}`).join('\n')}`;

/** The controller's contact, when it can be found even in an invalid configuration. */
export function findController(value: unknown): PrivacyConfig['controller'] | undefined {
  const c = isObject(value) ? value.controller : undefined;
  if (!isObject(c)) return undefined;
  const found: PrivacyConfig['controller'] = { name: KINDS.text!(c.name) ? (c.name as string) : '' };
  for (const key of ['email', 'phone', 'url'] as const) if (KINDS[key === 'phone' ? 'string' : key]!(c[key])) found[key] = c[key] as string;
  return found.name || found.email || found.phone || found.url ? found : undefined;
}

/** The names under which the package exports them (`@citopia/privacy-notice/validate`). */
export { validateConfig as validatePrivacyConfig, type ConfigProblem as PrivacyConfigProblem };
