/**
 * Limits that keep a hostile or broken file from hurting the page: a size cap (real
 * publiccode.yml files weigh a few kilobytes) and a nesting cap (the standard's deepest path,
 * description.<lang>.features[0], is four levels deep).
 */
import type { Problem, ProblemCode } from './problem.js';

export const MAX_SOURCE_BYTES = 256 * 1024;
export const MAX_DEPTH = 32;
/**
 * The most characters of one text the badge shows (a name, a short description, a contact…).
 * The standard caps a short description at 150; beyond this a text was pasted by mistake, and
 * laying out a megabyte of it would freeze the page for seconds.
 */
export const MAX_SHOWN_CHARS = 500;

/** What parsing gives: the data (possibly partial), the problems, and whether nothing usable came out. */
export interface ParsedSource {
  data: unknown;
  problems: Problem[];
  fatal: boolean;
}

export const fatalSource = (code: ProblemCode, values?: Array<string | number>): ParsedSource => ({
  data: undefined,
  problems: [values ? { key: '', code, severity: 'error', values } : { key: '', code, severity: 'error' }],
  fatal: true,
});

/** True when `value` nests deeper than `limit` (iterative, so it cannot overflow the stack). */
export function nestsDeeperThan(value: unknown, limit = MAX_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}
