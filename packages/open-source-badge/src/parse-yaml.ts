/**
 * The YAML side of the badge, loaded with import() only when a source is YAML, so that pages
 * with a JSON source or attributes never download the parser (its own chunk in the CDN build).
 *
 * Safe reading: YAML 1.2 core schema only, whatever %YAML directive the file carries (no
 * custom or language-specific tags: an unknown tag leaves the value as plain text and gives a
 * warning), no merge keys, unique keys, a cap on alias expansion ("billion laughs"), and the
 * nesting and size caps of limits.ts.
 */
import { parseDocument, type DocumentOptions, type ParseOptions, type SchemaOptions, type ToJSOptions } from 'yaml';
import type { Problem } from './problem.js';
import { fatalSource, nestsDeeperThan, type ParsedSource } from './limits.js';
import { flowNestsDeeperThan } from './flow-depth.js';
import { isDict } from './summary.js';

const OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  customTags: [],
  merge: false,
  uniqueKeys: true,
  stringKeys: true,
  prettyErrors: true,
};
const TO_JS: ToJSOptions = { maxAliasCount: 50 };

type Dict = Record<string, unknown>;

function read(text: string): { data: unknown; problems: Problem[] } {
  const doc = parseDocument(text, OPTIONS);
  const at = (pos: { line: number; col: number } | undefined) => (pos ? { line: pos.line, column: pos.col } : {});
  // One syntax problem per line: the parser often reports a broken line several times.
  const lines = new Set<number | undefined>();
  const problems: Problem[] = [
    ...doc.errors
      .filter((e) => !lines.has(e.linePos?.[0].line) && lines.add(e.linePos?.[0].line))
      .map((e): Problem => ({ key: '', code: 'syntax', severity: 'error', ...at(e.linePos?.[0]) })),
    ...doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED').map((w): Problem => ({ key: '', code: 'yaml-tag', severity: 'warning', ...at(w.linePos?.[0]) })),
  ];
  return { data: doc.toJS(TO_JS), problems };
}

/** publiccode.yml keys are camelCase words; text a broken parse turned into a key is not. */
const KEY = /^[A-Za-z][\w-]*$/;
const keysOnly = (value: Dict): Dict => Object.fromEntries(Object.entries(value).filter(([key]) => KEY.test(key)));

/**
 * After a syntax error, the parser's partial document may have swallowed the keys that follow
 * (a paragraph pasted without indentation becomes part of a key). Each top-level block is also
 * parsed on its own, and the blocks that parse cleanly win: the badge shows what it can.
 */
function recoverTopLevel(text: string, partial: Dict): Dict {
  const blocks: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (/^[A-Za-z][\w-]*:(\s|$)/.test(line) || blocks.length === 0) blocks.push(line);
    else blocks[blocks.length - 1] += `\n${line}`;
  }
  const recovered = keysOnly(partial);
  for (const block of blocks) {
    try {
      const doc = parseDocument(block, OPTIONS);
      const value = doc.errors.length === 0 ? doc.toJS(TO_JS) : undefined;
      if (isDict(value)) Object.assign(recovered, keysOnly(value));
    } catch {
      /* this block stays as the partial parse left it */
    }
  }
  return recovered;
}

export function parseYaml(text: string): ParsedSource {
  if (flowNestsDeeperThan(text)) return fatalSource('too-deep');
  try {
    const { data, problems } = read(text);
    if (nestsDeeperThan(data)) return fatalSource('too-deep');
    const hasErrors = problems.some((p) => p.code === 'syntax');
    return { data: hasErrors && isDict(data) ? recoverTopLevel(text, data) : data, problems, fatal: false };
  } catch (error) {
    // yaml throws a ReferenceError when aliases expand beyond maxAliasCount; a RangeError is a
    // stack overflow on nesting the quick check did not see.
    if (error instanceof ReferenceError) return fatalSource('aliases');
    return fatalSource(error instanceof RangeError ? 'too-deep' : 'syntax');
  }
}
