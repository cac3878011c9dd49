/**
 * One problem found in a publiccode.yml file: the key it concerns (dotted path with [index],
 * "" for the file as a whole), a code the component turns into a translated sentence, and the
 * values that sentence needs.
 */
export type ProblemCode =
  | 'required'
  | 'not-text'
  | 'not-list'
  | 'not-section'
  | 'not-boolean'
  | 'empty-list'
  | 'not-allowed'
  | 'too-short'
  | 'too-long'
  | 'url'
  | 'email'
  | 'date'
  | 'spdx'
  | 'spdx-unknown'
  | 'language'
  | 'country'
  | 'country-lowercase'
  | 'category'
  | 'scope'
  | 'unknown-key'
  | 'version-unsupported'
  | 'version-old'
  | 'deprecated'
  | 'required-contract'
  | 'required-contacts'
  | 'syntax'
  | 'yaml-tag'
  | 'encoding'
  | 'not-document'
  | 'too-large'
  | 'too-deep'
  | 'aliases';

export interface Problem {
  key: string;
  code: ProblemCode;
  severity: 'error' | 'warning';
  /** Values for the sentence (allowed values, lengths, the offending value…). */
  values?: Array<string | number>;
  /** 1-based position in the source, for syntax problems. */
  line?: number;
  column?: number;
}

export const isError = (p: Problem): boolean => p.severity === 'error';
