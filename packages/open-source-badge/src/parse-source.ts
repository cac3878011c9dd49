/**
 * From the text of a publiccode.yml (or its JSON rendering) to data: size and encoding checks,
 * JSON or YAML by content type, extension or first character; plain YAML read by a small reader,
 * and the full YAML parser loaded only when a file needs it (its own chunk).
 */
import type { Problem } from './problem.js';
import { MAX_SOURCE_BYTES, fatalSource, nestsDeeperThan, type ParsedSource } from './limits.js';
import { flowNestsDeeperThan } from './flow-depth.js';
import { readPlainYaml } from './read-plain-yaml.js';

export type SourceFormat = 'json' | 'yaml';

/** JSON for a JSON content type or a .json address; YAML for YAML ones; otherwise the first character decides. */
export function detectFormat(url: string, contentType: string, text: string): { format: SourceFormat; sure: boolean } {
  const type = contentType.toLowerCase();
  const path = url.split(/[?#]/)[0]!.toLowerCase();
  if (/\bjson\b|\+json/.test(type) || path.endsWith('.json')) return { format: 'json', sure: true };
  if (/yaml|yml/.test(type) || /\.ya?ml$/.test(path)) return { format: 'yaml', sure: true };
  return { format: /^\s*[{[]/.test(text) ? 'json' : 'yaml', sure: false };
}

function parseJson(text: string): ParsedSource | undefined {
  try {
    const data: unknown = JSON.parse(text);
    return nestsDeeperThan(data) ? fatalSource('too-deep') : { data, problems: [], fatal: false };
  } catch {
    return undefined;
  }
}

export async function parseSource(text: string, url = '', contentType = ''): Promise<ParsedSource> {
  if (text.length > MAX_SOURCE_BYTES) return fatalSource('too-large', [Math.ceil(text.length / 1024), MAX_SOURCE_BYTES / 1024]);
  const problems: Problem[] = [];
  // The standard requires UTF-8; the browser replaced invalid bytes with U+FFFD while decoding.
  if (text.includes('\uFFFD')) problems.push({ key: '', code: 'encoding', severity: 'error' });
  const { format, sure } = detectFormat(url, contentType, text);
  let parsed = format === 'json' ? parseJson(text) : undefined;
  if (!parsed && format === 'json' && sure) parsed = fatalSource('syntax');
  // Plain YAML (nearly every publiccode.yml) is read here; anything else, and JSON that only
  // looked like JSON (JSON is YAML too), goes to the full parser, its own lazily loaded chunk.
  if (!parsed && format === 'yaml' && !flowNestsDeeperThan(text)) {
    const data = readPlainYaml(text);
    if (data !== undefined) parsed = nestsDeeperThan(data) ? fatalSource('too-deep') : { data, problems: [], fatal: false };
  }
  if (!parsed) parsed = (await import('./parse-yaml.js')).parseYaml(text);
  return { ...parsed, problems: [...problems, ...parsed.problems] };
}
