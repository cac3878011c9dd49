/**
 * A small reader for the plain YAML that nearly every publiccode.yml is written in, so that the
 * page does not download the full YAML parser (about 29 KB gzipped) for it: block mappings and
 * sequences, plain and quoted one-line scalars, literal (|) and folded (>) block scalars,
 * comments, with the YAML 1.2 core schema's nulls, booleans and numbers.
 *
 * It returns undefined for anything else — flow collections, anchors, aliases, tags, directives,
 * document markers, multi-line plain or quoted scalars, duplicate keys, tabs, odd keys — and the
 * caller then loads the full parser (parse-yaml.ts). So the result is either exactly what the
 * full parser gives, or nothing (test/read-plain-yaml.test.ts compares the two).
 */
type Dict = Record<string, unknown>;

const bail = (): never => {
  throw new Error('not plain YAML');
};

const KEY = /^([A-Za-z][\w./-]*):(?: +(.*))?$/;
const NOT_STRING_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|n|N)$/;
const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '0': '\0' };

/** Core schema resolution of a plain scalar. */
function plainValue(text: string): unknown {
  if (/^(?:~|null|Null|NULL)?$/.test(text)) return null;
  if (/^(?:true|True|TRUE)$/.test(text)) return true;
  if (/^(?:false|False|FALSE)$/.test(text)) return false;
  if (/^[-+]?[0-9]+$/.test(text)) return Number.isSafeInteger(Number(text)) ? Number(text) : bail();
  if (/^0o[0-7]+$/.test(text) || /^0x[0-9a-fA-F]+$/.test(text)) return bail();
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(text)) return Number(text);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text) || /^\.(?:nan|NaN|NAN)$/.test(text)) return bail();
  return text;
}

/** A scalar written on one line after "key: " or "- ". */
function inlineScalar(text: string): unknown {
  const first = text[0];
  if (first === '"') {
    let out = '';
    let i = 1;
    for (; i < text.length && text[i] !== '"'; i++) {
      if (text[i] !== '\\') {
        out += text[i];
        continue;
      }
      const next = text[++i] ?? '';
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) {
        const code = parseInt(text.slice(i + 1, i + 5), 16);
        if (code >= 0xd800 && code <= 0xdfff) bail();
        out += String.fromCharCode(code);
        i += 4;
      } else if (next in ESCAPES) out += ESCAPES[next];
      else bail();
    }
    if (i >= text.length || !/^ *(?: #.*)?$/.test(text.slice(i + 1))) bail();
    return out;
  }
  if (first === "'") {
    const match = /^'((?:[^']|'')*)'( *(?: #.*)?)$/.exec(text);
    if (!match) bail();
    return match![1]!.replace(/''/g, "'");
  }
  // Indicators that start something this reader does not read.
  if (/^[[\]{}&*!|>%@`,?:#-]/.test(text) && !/^-[^\s-]/.test(text)) bail();
  const value = text.replace(/ +#.*$/, '').replace(/ +$/, '');
  if (/: |:$/.test(value)) bail();
  return plainValue(value);
}

export function readPlainYaml(source: string): Dict | undefined {
  // Tabs, lone CRs, a byte-order mark, control and non-characters: the full parser's business.
  if (/[\t\r\uFEFF\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(source.replace(/\r\n/g, '\n'))) return undefined;
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  if (lines.some((l) => /^(?:---|\.\.\.)(?:\s|$)|^%/.test(l))) return undefined;
  let at = 0;
  const indentOf = (line: string) => line.length - line.trimStart().length;
  const isBlank = (line: string) => /^ *(?:#.*)?$/.test(line);
  /** Index of the next line with content (comments and blank lines skipped), or -1. */
  const nextContent = () => {
    while (at < lines.length && isBlank(lines[at]!)) at++;
    return at < lines.length ? at : -1;
  };
  /** After a one-line value, nothing may continue it on more indented lines. */
  const noContinuation = (indent: number) => {
    const saved = at;
    const next = nextContent();
    if (next !== -1 && indentOf(lines[next]!) > indent) bail();
    at = saved;
  };

  function blockScalar(header: string, parentIndent: number): string {
    const match = /^([|>])(-?)(?: +#.*)?$/.exec(header);
    if (!match) bail();
    const [, style, chomp] = match!;
    const body: string[] = [];
    let contentIndent = -1;
    while (at < lines.length) {
      const line = lines[at]!;
      if (/^ *$/.test(line)) {
        if (contentIndent === -1 ? line.length > parentIndent + 1 : line.length > contentIndent) bail();
        body.push('');
        at++;
        continue;
      }
      const indent = indentOf(line);
      if (contentIndent === -1) {
        if (indent <= parentIndent) break;
        contentIndent = indent;
      }
      if (indent < contentIndent) break;
      if (indent > contentIndent && style === '>') bail();
      body.push(line.slice(contentIndent));
      at++;
    }
    // Trailing blank lines belong to no one here (clip and strip both drop them).
    while (body.length && body[body.length - 1] === '') body.pop();
    if (contentIndent === -1 || body.length === 0) bail();
    let text: string;
    if (style === '|') text = body.join('\n');
    else {
      text = '';
      for (let i = 0; i < body.length; i++) {
        const line = body[i]!;
        if (i === 0) text = line;
        else if (line === '') text += '\n';
        else text += body[i - 1] === '' ? line : ` ${line}`;
      }
    }
    return chomp === '-' ? text : `${text}\n`;
  }

  /** The value after "key:" or "-" when nothing follows on the line. */
  function nested(indent: number, inMapping: boolean): unknown {
    const next = nextContent();
    if (next === -1) return null;
    const line = lines[next]!;
    const childIndent = indentOf(line);
    if (childIndent > indent) return block(childIndent);
    // "key:" followed by "- item" at the key's own indentation is a sequence too.
    if (inMapping && childIndent === indent && /^-(?: |$)/.test(line.trimStart())) return sequence(indent);
    return null;
  }

  function block(indent: number): unknown {
    const line = lines[at]!;
    return /^-(?: |$)/.test(line.trimStart()) ? sequence(indent) : mapping(indent);
  }

  function mapping(indent: number): Dict {
    const result: Dict = {};
    while (nextContent() !== -1) {
      const line = lines[at]!;
      const lineIndent = indentOf(line);
      if (lineIndent < indent) break;
      if (lineIndent > indent) bail();
      const match = KEY.exec(line.slice(indent));
      if (!match) bail();
      const [, key, rest = ''] = match!;
      if (NOT_STRING_KEY.test(key!) || Object.prototype.hasOwnProperty.call(result, key!)) bail();
      at++;
      let value: unknown;
      if (rest === '' || rest.startsWith('#')) value = nested(indent, true);
      else if (rest[0] === '|' || rest[0] === '>') value = blockScalar(rest, indent);
      else {
        value = inlineScalar(rest);
        noContinuation(indent);
      }
      result[key!] = value;
    }
    return result;
  }

  function sequence(indent: number): unknown[] {
    const result: unknown[] = [];
    while (nextContent() !== -1) {
      const line = lines[at]!;
      const lineIndent = indentOf(line);
      if (lineIndent < indent) break;
      if (lineIndent > indent) bail();
      const item = line.slice(indent);
      if (!/^-(?: |$)/.test(item)) break;
      const rest = item.slice(1).trimStart();
      // "-" then only spaces: the full parser's reading of it is its own.
      if (rest === '' && item.length > 1) bail();
      if (rest === '' || rest.startsWith('#')) {
        at++;
        result.push(nested(indent, false));
      } else if (rest[0] === '|' || rest[0] === '>') {
        at++;
        result.push(blockScalar(rest, indent));
      } else if (KEY.test(rest) || /^-(?: |$)/.test(rest)) {
        // "- key: value": a mapping (or "- - x" a sequence) whose first line shares the dash's.
        const childIndent = line.length - rest.length;
        lines[at] = ' '.repeat(childIndent) + rest;
        result.push(block(childIndent));
      } else {
        at++;
        result.push(inlineScalar(rest));
        noContinuation(indent);
      }
    }
    return result;
  }

  try {
    if (nextContent() === -1 || indentOf(lines[at]!) !== 0) return undefined;
    const data = mapping(0);
    return nextContent() === -1 ? data : undefined;
  } catch {
    // Unsupported, or a stack overflow on absurd nesting: the full parser decides.
    return undefined;
  }
}
