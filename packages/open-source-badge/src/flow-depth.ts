/**
 * Only the readers of a file's text need this (parse-source.ts, parse-yaml.ts), so it lives
 * apart from limits.ts, which the badge's first view loads.
 */
import { MAX_DEPTH } from './limits.js';

/**
 * A quick look at the raw text before a recursive parser sees it: flow collections ([ and {)
 * opened deeper than `limit`. Brackets inside quoted text or comments may count too; a real
 * file never comes near the limit.
 */
export function flowNestsDeeperThan(text: string, limit = MAX_DEPTH): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === '[' || char === '{') {
      if (++depth > limit) return true;
    } else if ((char === ']' || char === '}') && depth > 0) depth--;
  }
  return false;
}
