/**
 * SPDX licence expressions (SPDX specification, annex "SPDX License Expressions"): licence ids
 * joined by AND and OR, an exception added WITH, parentheses, `+` for "or later", and
 * `LicenseRef-…` for licences outside the list. A compact list of the licences public bodies
 * use most gives each its full name; a well-formed id outside that list is reported as unknown
 * (a warning), not as a broken expression.
 */

/** Licences most used by public bodies, by SPDX id, with their full names (the GNU family is built below). */
const NAMES: Record<string, string> = {
  'EUPL-1.2': 'European Union Public License 1.2',
  'EUPL-1.1': 'European Union Public License 1.1',
  'EUPL-1.0': 'European Union Public Licence 1.0',
  'MPL-2.0': 'Mozilla Public License 2.0',
  'Apache-2.0': 'Apache License 2.0',
  MIT: 'MIT License',
  'MIT-0': 'MIT No Attribution',
  'BSD-2-Clause': 'BSD 2-Clause "Simplified" License',
  'BSD-3-Clause': 'BSD 3-Clause "New" or "Revised" License',
  '0BSD': 'BSD Zero Clause License',
  ISC: 'ISC License',
  'CC0-1.0': 'Creative Commons Zero v1.0 Universal',
  'CC-BY-4.0': 'Creative Commons Attribution 4.0 International',
  'CC-BY-SA-4.0': 'Creative Commons Attribution Share Alike 4.0 International',
  Unlicense: 'The Unlicense',
  'EPL-2.0': 'Eclipse Public License 2.0',
  'OSL-3.0': 'Open Software License 3.0',
  'CECILL-2.1': 'CeCILL Free Software License Agreement v2.1',
  'CECILL-B': 'CeCILL-B Free Software License Agreement',
  'CECILL-C': 'CeCILL-C Free Software License Agreement',
  'Artistic-2.0': 'Artistic License 2.0',
  Zlib: 'zlib License',
  'BSL-1.0': 'Boost Software License 1.0',
  'OFL-1.1': 'SIL Open Font License 1.1',
  'OGL-UK-3.0': 'Open Government Licence v3.0',
  'etalab-2.0': 'Etalab Open License 2.0',
  'DL-DE-BY-2.0': 'Data licence Germany – attribution – version 2.0',
};

const EXCEPTIONS = new Set(['Classpath-exception-2.0', 'LLVM-exception', 'GCC-exception-3.1', 'Autoconf-exception-3.0', 'Bison-exception-2.2', 'Font-exception-2.0', 'OpenJDK-assembly-exception-1.0', 'Qt-LGPL-exception-1.1']);

const GNU = /^((?:A|L)?GPL-\d\.\d)(-only|-or-later)?$/i;
const GNU_VERSIONS = ['GPL-2.0', 'GPL-3.0', 'LGPL-2.1', 'LGPL-3.0', 'AGPL-3.0'];

/** The licence's canonical id (case as in the SPDX list) and full name, when we know it. */
export function knownLicense(id: string): { id: string; name: string } | undefined {
  const lower = id.toLowerCase();
  const exact = Object.keys(NAMES).find((k) => k.toLowerCase() === lower);
  if (exact) return { id: exact, name: NAMES[exact]! };
  const gnu = GNU.exec(id);
  const family = gnu?.[1]!.toUpperCase();
  if (!family || !GNU_VERSIONS.includes(family)) return undefined;
  const suffix = (gnu![2] ?? '').toLowerCase();
  const kind = family[0] === 'A' ? 'Affero ' : family[0] === 'L' ? 'Lesser ' : '';
  // Ids without -only / -or-later are deprecated SPDX ids that mean "only".
  return { id: family + suffix, name: `GNU ${kind}General Public License v${family.slice(-3)}${suffix === '-or-later' ? ' or later' : ' only'}` };
}

export interface SpdxResult {
  /** The expression follows the SPDX grammar. */
  valid: boolean;
  /** Every licence id in the expression, in order (without `+`). */
  ids: string[];
  /** Well-formed ids (or exceptions) that are not in our list. */
  unknown: string[];
  /** The operators used, to word the list of names ("or", "and"). */
  operators: Set<'AND' | 'OR'>;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9.-]*\+?$/;
const REF = /^(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/;

/** Parses an SPDX licence expression; never throws. */
export function parseSpdx(expression: string): SpdxResult {
  const result: SpdxResult = { valid: false, ids: [], unknown: [], operators: new Set() };
  const tokens = expression.replace(/[()]/g, ' $& ').trim().split(/\s+/).filter(Boolean);
  let i = 0;
  const op = (name: string) => (tokens[i]?.toUpperCase() === name && /^(AND|and|OR|or|WITH|with)$/.test(tokens[i]!) ? (i++, true) : false);

  // Recursive descent: expression = and-term (OR and-term)*; and-term = primary (AND primary)*.
  const primary = (depth: number): boolean => {
    if (depth > 20) return false;
    if (tokens[i] === '(') {
      i++;
      if (!expr(depth + 1) || tokens[i] !== ')') return false;
      i++;
      return true;
    }
    const token = tokens[i];
    if (!token || /^(AND|OR|WITH)$/i.test(token) || !(ID.test(token) || REF.test(token))) return false;
    i++;
    const id = token.replace(/\+$/, '');
    result.ids.push(id);
    if (!REF.test(id) && !knownLicense(id)) result.unknown.push(id);
    if (op('WITH')) {
      const exception = tokens[i];
      if (!exception || !ID.test(exception) || exception.endsWith('+') || /^(AND|OR|WITH)$/i.test(exception)) return false;
      i++;
      if (![...EXCEPTIONS].some((e) => e.toLowerCase() === exception.toLowerCase())) result.unknown.push(exception);
    }
    return true;
  };
  // An operand, then (operator operand)*: AND binds tighter than OR.
  const chain =
    (operand: (depth: number) => boolean, operator: 'AND' | 'OR') =>
    (depth: number): boolean => {
      if (!operand(depth)) return false;
      while (op(operator)) {
        result.operators.add(operator);
        if (!operand(depth)) return false;
      }
      return true;
    };
  const expr = chain(chain(primary, 'AND'), 'OR');
  result.valid = tokens.length > 0 && expr(0) && i === tokens.length;
  return result;
}
