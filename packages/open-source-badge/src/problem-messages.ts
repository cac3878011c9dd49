/**
 * Plain, translated sentences for validation problems (maintainers read them with the
 * `validate` attribute). Call during render: msg() answers in the element's language.
 */
import { msg, str } from '@lit/localize';
import type { Problem } from './problem.js';

export function problemMessage(problem: Problem): string {
  const [a = '', b = ''] = problem.values ?? [];
  switch (problem.code) {
    case 'required':
      return msg('This key is required.', { id: 'osb.problem.required' });
    case 'not-text':
      return msg('This value must be text.', { id: 'osb.problem.not-text' });
    case 'not-list':
      return msg('This value must be a list.', { id: 'osb.problem.not-list' });
    case 'not-section':
      return msg('This value must be a section of keys.', { id: 'osb.problem.not-section' });
    case 'not-boolean':
      return msg('This value must be true or false (yes and no are not allowed).', { id: 'osb.problem.not-boolean' });
    case 'empty-list':
      return msg('This list must contain at least one item.', { id: 'osb.problem.empty-list' });
    case 'not-allowed':
      return msg(str`The value “${a}” is not allowed. Allowed values: ${b}.`, { id: 'osb.problem.not-allowed' });
    case 'too-short':
      return msg(str`This text is too short: ${a} characters, at least ${b} needed.`, { id: 'osb.problem.too-short' });
    case 'too-long':
      return msg(str`This text is too long: ${a} characters, at most ${b} allowed.`, { id: 'osb.problem.too-long' });
    case 'url':
      return msg('This must be a complete web address (URL).', { id: 'osb.problem.url' });
    case 'email':
      return msg('This must be a valid e-mail address.', { id: 'osb.problem.email' });
    case 'date':
      return msg('This must be a date written YYYY-MM-DD.', { id: 'osb.problem.date' });
    case 'spdx':
      return msg(str`“${a}” is not a valid SPDX licence expression (for example EUPL-1.2 or MIT OR Apache-2.0).`, { id: 'osb.problem.spdx' });
    case 'spdx-unknown':
      return msg(str`“${a}” is not a licence identifier this badge knows; check it against the SPDX licence list.`, { id: 'osb.problem.spdx-unknown' });
    case 'language':
      return msg(str`“${a}” is not a valid BCP 47 language tag (for example fr or de-CH).`, { id: 'osb.problem.language' });
    case 'country':
      return msg(str`“${a}” is not an ISO 3166-1 two-letter country code (for example CH).`, { id: 'osb.problem.country' });
    case 'country-lowercase':
      return msg(str`Lower-case country codes are deprecated; write ${a}.`, { id: 'osb.problem.country-lowercase' });
    case 'category':
      return msg(str`“${a}” is not in the standard's list of categories.`, { id: 'osb.problem.category' });
    case 'scope':
      return msg(str`“${a}” is not in the standard's list of scopes.`, { id: 'osb.problem.scope' });
    case 'unknown-key':
      return msg('This key is not part of the publiccode.yml standard.', { id: 'osb.problem.unknown-key' });
    case 'version-unsupported':
      return msg(str`Version “${a}” is not a published version of publiccode.yml. Use "0", which always means the latest version.`, { id: 'osb.problem.version-unsupported' });
    case 'version-old':
      return msg(str`Version ${a} is accepted, but the standard recommends "0", which always means the latest version.`, { id: 'osb.problem.version-old' });
    case 'deprecated':
      return a
        ? msg(str`This key is deprecated; use ${a} instead.`, { id: 'osb.problem.deprecated-use' })
        : msg('This key is deprecated and can be removed.', { id: 'osb.problem.deprecated' });
    case 'required-contract':
      return msg('This key is required when the maintenance type is “contract”.', { id: 'osb.problem.required-contract' });
    case 'required-contacts':
      return msg(str`This key is required when the maintenance type is “${a}”.`, { id: 'osb.problem.required-contacts' });
    case 'syntax':
      return problem.line
        ? msg(str`The file's syntax is broken at line ${problem.line}, column ${problem.column ?? 1}.`, { id: 'osb.problem.syntax-at' })
        : msg("The file's syntax is broken.", { id: 'osb.problem.syntax' });
    case 'yaml-tag':
      return msg(str`Line ${problem.line ?? 0}: custom YAML tags are not allowed; the value was read as plain text.`, { id: 'osb.problem.yaml-tag' });
    case 'encoding':
      return msg('The file is not valid UTF-8 text.', { id: 'osb.problem.encoding' });
    case 'not-document':
      return msg('The file does not contain a publiccode.yml description.', { id: 'osb.problem.not-document' });
    case 'too-large':
      return msg(str`The file is too large to be read (${a} KB; at most ${b} KB).`, { id: 'osb.problem.too-large' });
    case 'too-deep':
      return msg('The file is nested too deeply to be read safely.', { id: 'osb.problem.too-deep' });
    case 'aliases':
      return msg('The file repeats its YAML aliases too often to be read safely.', { id: 'osb.problem.aliases' });
  }
}
